# studyconnect_add_test(NAME <name> LABEL <label> SOURCES <files...> LIBRARIES <targets...>
#                       [TIMEOUT <seconds>] [ENVIRONMENT <VAR=value>...])
# A QtTest executable registered with ctest under a label. Tests that need the reference
# backend's node_modules find them through STUDYCONNECT_SOURCE_DIR.
# studyconnect_test_belongs_to(<label> <target>): builds <target> with `tests_<label>`, so that a
# sanitizer build can compile just the suites it runs.
function(studyconnect_test_belongs_to label target)
    if(NOT TARGET tests_${label})
        add_custom_target(tests_${label})
    endif()
    add_dependencies(tests_${label} ${target})
endfunction()

function(studyconnect_add_test)
    cmake_parse_arguments(ARG "" "NAME;LABEL;TIMEOUT" "SOURCES;LIBRARIES;ENVIRONMENT" ${ARGN})
    qt_add_executable(${ARG_NAME} ${ARG_SOURCES})
    studyconnect_target_defaults(${ARG_NAME})
    target_link_libraries(${ARG_NAME} PRIVATE Qt6::Test ${ARG_LIBRARIES})
    target_compile_definitions(${ARG_NAME} PRIVATE
        STUDYCONNECT_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
    studyconnect_test_belongs_to(${ARG_LABEL} ${ARG_NAME})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    set_tests_properties(${ARG_NAME} PROPERTIES
        LABELS "${ARG_LABEL}"
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=studyconnect.*.debug=true;${ARG_ENVIRONMENT}")
endfunction()
