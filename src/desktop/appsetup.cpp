#include "appsetup.h"

#include "heaptrimmer.h"
#include "logging.h"
#include "networksettings.h"
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
    if (translator.load(QLocale(), QStringLiteral("studyconnect"), QStringLiteral("_"),
            QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    // Fusion draws with the application palette, so it follows the system's light or dark theme.
    // A style the user chose through Qt's own variable wins, as in any Qt Quick application.
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(QStringLiteral("Fusion"));

    // School and company networks often allow the web only through a proxy: REST, WebSocket and
    // long-polling all follow the system's settings (http_proxy, https_proxy, no_proxy, or the
    // desktop's, through libproxy) unless the network settings name a proxy or none. Loopback
    // servers are always reached directly. Before the QML restores the session, so that the
    // proxy password's keychain read runs ahead of the token's.
    NetworkSettings::globalInstance()->applyAtStart();
}

bool load(QQmlApplicationEngine &engine)
{
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.load(QUrl(QStringLiteral("qrc:/StudyConnect/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        qCCritical(lcDesktop) << "the main window could not be loaded";
        return false;
    }
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    StartupProbe::globalInstance()->watchFirstFrame(window);
    new HeapTrimmer(window);
    return true;
}

} // namespace AppSetup
