# studyconnect_add_test(NAME <name> LABEL <label> SOURCES <files...> LIBRARIES <targets...>
#                       [TIMEOUT <seconds>] [ENVIRONMENT <VAR=value>...])
# A QtTest executable registered with ctest under a label. Tests that need the reference
# backend's node_modules find them through STUDYCONNECT_SOURCE_DIR.
function(studyconnect_add_test)
    cmake_parse_arguments(ARG "" "NAME;LABEL;TIMEOUT" "SOURCES;LIBRARIES;ENVIRONMENT" ${ARGN})
    qt_add_executable(${ARG_NAME} ${ARG_SOURCES})
    studyconnect_target_defaults(${ARG_NAME})
    target_link_libraries(${ARG_NAME} PRIVATE Qt6::Test ${ARG_LIBRARIES})
    target_compile_definitions(${ARG_NAME} PRIVATE
        STUDYCONNECT_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    set_tests_properties(${ARG_NAME} PROPERTIES
        LABELS "${ARG_LABEL}"
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=studyconnect.*.debug=true;${ARG_ENVIRONMENT}")
endfunction()
