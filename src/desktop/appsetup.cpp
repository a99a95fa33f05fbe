#include "appsetup.h"

#include "appearance.h"
#include "auth/session.h"
#include "chat/conversationmanager.h"
#include "desktopsettings.h"
#include "desktopshell.h"
#include "heaptrimmer.h"
#include "logging.h"
#include "networksettings.h"
#include "notifier.h"
#include "signinlink.h"
#include "startupprobe.h"

#include <QCoreApplication>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTranslator>

namespace AppSetup {

void prepare()
{
    static QTranslator translator;
    // A locale without a translation (C, POSIX, French...) gets English, whose file carries the
    // plural forms: "1 reply", "4 members", never "1 replies" or "4 member(s)".
    if (translator.load(QLocale(), QStringLiteral("studyconnect"), QStringLiteral("_"),
            QStringLiteral(":/i18n"))
        || translator.load(QStringLiteral("studyconnect_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    // Fusion draws with the application palette, so it follows the system's light or dark theme.
    // A style the user chose through Qt's own variable wins, as in any Qt Quick application.
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
    // Light or Dark from Settings replaces the system's palette before the first frame.
    Appearance::globalInstance()->applyAtStart();

    // School and company networks often allow the web only through a proxy: REST, WebSocket and
    // long-polling all follow the system's settings (http_proxy, https_proxy, no_proxy, or the
    // desktop's, through libproxy) unless the network settings name a proxy or none. Loopback
    // servers are always reached directly. Before the QML restores the session, so that the
    // proxy password's keychain read runs ahead of the token's.
    NetworkSettings::globalInstance()->applyAtStart();

    // Conversations, messages and unsent messages are kept on disk per server and account, and
    // shown from there at start, before the server answers. Before the session is restored, so
    // that signing in opens the store.
    ConversationManager *manager = ConversationManager::globalInstance();
    manager->setStoredMessageLimit(DesktopSettings::globalInstance()->storedMessageLimit());
    manager->setOfflineStore(true);
    QObject::connect(DesktopSettings::globalInstance(), &DesktopSettings::storedMessageLimitChanged,
        manager, [manager] {
            manager->setStoredMessageLimit(DesktopSettings::globalInstance()->storedMessageLimit());
        });
    QObject::connect(qApp, &QCoreApplication::aboutToQuit, manager, [manager] {
        manager->flushStore();
        const QString waiting = manager->pendingOnQuitText();
        if (waiting.isEmpty())
            return;
        // The quit goes on; the user learns where their messages are.
        qCInfo(lcDesktop) << "quitting with unsent messages:" << waiting;
        Notifier::globalInstance()->notifyBeforeQuit(
            QCoreApplication::translate("AppSetup", "Messages not sent yet"), waiting);
    });
}

void useEnvironmentToken()
{
    // Kiosks and scripts sign in as with the CLI. Read once and removed from the environment, so
    // that nothing this app starts inherits it; never stored in the keychain (it is not ours).
    const QString token = qEnvironmentVariable("STUDYCONNECT_TOKEN");
    if (token.isEmpty())
        return;
    qunsetenv("STUDYCONNECT_TOKEN");
    DesktopSettings *settings = DesktopSettings::globalInstance();
    settings->setSessionFromEnvironment();
    qCInfo(lcDesktop) << "signing in with STUDYCONNECT_TOKEN";
    // A refused or expired token leaves the session signed out with the reason, which the
    // sign-in page shows.
    Session::globalInstance()->useToken(QUrl(settings->serverUrl()), token);
}

bool load(QQmlApplicationEngine &engine)
{
    useEnvironmentToken();
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.load(QUrl(QStringLiteral("qrc:/StudyConnect/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        qCCritical(lcDesktop) << "the main window could not be loaded";
        return false;
    }
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    Appearance::globalInstance()->applyToControls();
    StartupProbe::globalInstance()->watchFirstFrame(window);
    new HeapTrimmer(window);
    DesktopShell *shell = DesktopShell::globalInstance();
    shell->setWindow(window);
    // The views open the conversation (MainView); the window, perhaps hidden in the tray,
    // comes to the front here.
    QObject::connect(Notifier::globalInstance(), &Notifier::activated, shell,
        &DesktopShell::bringToFront, Qt::UniqueConnection);
    return true;
}

QString takeHandOver(const SingleInstance::Request &request)
{
    DesktopShell::globalInstance()->bringToFront();
    QString note;
    if (!request.server.isEmpty()) {
        const QUrl server(request.server);
        Session *session = Session::globalInstance();
        if (session->state() == Session::SignedOut) {
            // The sign-in page offers it, as if the app had been started with it.
            DesktopSettings::globalInstance()->setCommandLineServer(server);
        } else if (session->serverUrl() != server) {
            // Signing out of a session on a mere second start would surprise: say it instead.
            // Printed by the later start, in English as main()'s other messages.
            note = QStringLiteral("StudyConnect is already running, signed in to %1; sign out "
                                  "there to use %2")
                       .arg(session->serverUrl().toString(), server.toString());
        }
    }
    // Asked about before it is used, as at start.
    if (!request.link.isEmpty())
        SignInLink::globalInstance()->setLink(request.link);
    qCInfo(lcDesktop).noquote() << "a later start handed over"
                                << (request.server.isEmpty()
                                           ? QStringLiteral("no server")
                                           : QStringLiteral("the server ") + request.server)
                                << (request.link.isEmpty() ? "and no link" : "and a sign-in link");
    return note;
}

} // namespace AppSetup
