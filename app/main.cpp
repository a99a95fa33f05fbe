// StudyConnect Desktop: parses the command line, starts the QML engine on the StudyConnect
// module and nothing else. Every feature lives in src/ and qml/.
#include "auth/session.h"
#include "chat/socketservice.h"
#include "desktop/desktopsettings.h"
#include "desktop/startupprobe.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QIcon>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>
#include <string_view>

Q_IMPORT_QML_PLUGIN(StudyConnectPlugin)
Q_IMPORT_QML_PLUGIN(StudyConnect_AuthPlugin)
Q_IMPORT_QML_PLUGIN(StudyConnect_ChatPlugin)
Q_IMPORT_QML_PLUGIN(StudyConnect_DesktopPlugin)

extern void qml_register_types_StudyConnect_Auth();
extern void qml_register_types_StudyConnect_Chat();

namespace {

void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("StudyConnect"));
    QCoreApplication::setOrganizationName(QStringLiteral("StudyConnect"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STUDYCONNECT_VERSION));
}

struct Options
{
    QCommandLineOption server{QStringLiteral("server"),
                              QCoreApplication::translate("main", "The StudyConnect server (default: the last one used, "
                                                                  "else http://localhost:5000)."),
                              QStringLiteral("URL")};
};

void setUp(QCommandLineParser &parser, Options &options)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "StudyConnect Desktop: chat with your study groups."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(options.server);
}

/// --help and --version are answered without a display: QGuiApplication would abort first.
bool onlyWantsText(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        if (arg == "--")
            break;
        if (arg == "-h" || arg == "--help" || arg == "-?" || arg == "--help-all" || arg == "-v"
            || arg == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    StartupProbe::startClock();
    describeApplication();

    if (onlyWantsText(argc, argv)) {
        QCoreApplication app(argc, argv);
        QCommandLineParser parser;
        Options options;
        setUp(parser, options);
        parser.process(app); // prints and exits
        return 0;
    }

    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationDisplayName(QStringLiteral("StudyConnect"));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.studyconnect.StudyConnect"));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/studyconnect-128.png")));

    QCommandLineParser parser;
    Options options;
    setUp(parser, options);
    parser.process(app);

    DesktopSettings *settings = DesktopSettings::globalInstance();
    if (parser.isSet(options.server)) {
        const QUrl server = settings->normalizeServer(parser.value(options.server));
        if (server.isEmpty()) {
            std::fprintf(stderr, "studyconnect: --server needs an http or https URL, e.g. http://localhost:5000\n");
            return 2;
        }
        settings->setCommandLineServer(server);
    }

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("studyconnect"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    // Fusion draws with the application palette, so it follows the system's light or dark theme.
    QQuickStyle::setStyle(QStringLiteral("Fusion"));

    // Workaround until src/auth and src/chat fix it: Session and SocketService are default-
    // constructible, and Qt 6.4 then builds their QML singletons with `new` instead of create(),
    // giving QML instances that are not the app's (and a SocketService attached to no session).
    // Registering the shared instances as version 1.1 makes unversioned imports pick them.
    qml_register_types_StudyConnect_Auth();
    qml_register_types_StudyConnect_Chat();
    qmlRegisterSingletonInstance("StudyConnect.Auth", 1, 1, "Session", Session::globalInstance());
    qmlRegisterSingletonInstance("StudyConnect.Chat", 1, 1, "SocketService", SocketService::globalInstance());

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.load(QUrl(QStringLiteral("qrc:/StudyConnect/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    StartupProbe::globalInstance()->watchFirstFrame(qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst()));
    return app.exec();
}
