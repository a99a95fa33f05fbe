// StudyConnect Desktop: parses the command line, starts the QML engine on the StudyConnect
// module and nothing else. Every feature lives in src/ and qml/.
#include "desktop/appsetup.h"
#include "desktop/desktopsettings.h"
#include "desktop/signinlink.h"
#include "desktop/singleinstance.h"
#include "desktop/startupprobe.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QIcon>
#include <QQmlApplicationEngine>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>
#include <cstring>
#include <string_view>

Q_IMPORT_QML_PLUGIN(StudyConnectPlugin)
Q_IMPORT_QML_PLUGIN(StudyConnect_AuthPlugin)
Q_IMPORT_QML_PLUGIN(StudyConnect_ChatPlugin)
Q_IMPORT_QML_PLUGIN(StudyConnect_DesktopPlugin)

namespace {

void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("StudyConnect"));
    QCoreApplication::setOrganizationName(QStringLiteral("StudyConnect"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STUDYCONNECT_VERSION));
}

struct Options
{
    QCommandLineOption server { QStringLiteral("server"),
        QCoreApplication::translate("main",
            "The StudyConnect server (default: the last one used, "
            "else http://localhost:5000)."),
        QStringLiteral("URL") };
};

void setUp(QCommandLineParser &parser, Options &options)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "StudyConnect Desktop: chat with your study groups."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(options.server);
    parser.addPositionalArgument(QStringLiteral("link"),
        QCoreApplication::translate(
            "main", "A studyconnect://signin link (the app asks before using it)."),
        QStringLiteral("[studyconnect://signin?server=…&token=…]"));
}

/// Tokens are refused on the command line: every user on the machine sees it in `ps`.
bool offersToken(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        if (arg == "--")
            break;
        if (arg == "--token" || arg == "-token" || arg.starts_with("--token="))
            return true;
    }
    return false;
}

/// A studyconnect:// link carries a token, and the desktop hands it over in argv: keep a copy and
/// overwrite the argument in place right away, which also rewrites /proc/<pid>/cmdline, so `ps`
/// shows the token only for the moment the app takes to start.
QString takeSignInLink(int argc, char **argv)
{
    QString link;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (!SignInLink::isLink(arg))
            continue;
        if (link.isEmpty())
            link = arg;
        const size_t keep = std::strlen("studyconnect:");
        std::memset(argv[i] + keep, '*', std::strlen(argv[i]) - keep);
    }
    return link;
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

    if (offersToken(argc, argv)) {
        std::fprintf(stderr,
            "studyconnect: a token is never accepted on the command line, where every user sees "
            "it; set STUDYCONNECT_TOKEN or paste it on the sign-in page\n");
        return 2;
    }
    const QString link = takeSignInLink(argc, argv);

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
            std::fprintf(stderr,
                "studyconnect: --server needs an http or https URL, e.g. http://localhost:5000\n");
            return 2;
        }
        settings->setCommandLineServer(server);
    }
    for (const QString &argument : parser.positionalArguments()) {
        if (!SignInLink::isLink(argument)) {
            std::fprintf(stderr,
                "studyconnect: unexpected argument; the only one taken is a "
                "studyconnect://signin link\n");
            return 2;
        }
    }

    // One app per user: a later start hands its server and link over and leaves.
    SingleInstance instance;
    switch (instance.start(
        { parser.isSet(options.server) ? settings->serverUrl() : QString(), link })) {
    case SingleInstance::Outcome::HandedOver:
        if (!instance.note().isEmpty())
            std::fprintf(stderr, "studyconnect: %s\n", qPrintable(instance.note()));
        return 0;
    case SingleInstance::Outcome::NoAnswer:
        std::fprintf(stderr,
            "studyconnect: StudyConnect is already running but does not answer; quit it (or end "
            "its process) and start again\n");
        return 1;
    case SingleInstance::Outcome::First:
        break;
    }

    AppSetup::prepare();
    // After prepare(): what the link's notice says is translated.
    if (!link.isEmpty())
        SignInLink::globalInstance()->setLink(link);
    QQmlApplicationEngine engine;
    if (!AppSetup::load(engine))
        return 1;
    instance.setHandler(&AppSetup::takeHandOver);
    return app.exec();
}
