#include "appsetup.h"

#include "auth/session.h"
#include "chat/socketservice.h"
#include "logging.h"
#include "startupprobe.h"

#include <QCoreApplication>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTranslator>

extern void qml_register_types_StudyConnect_Auth();
extern void qml_register_types_StudyConnect_Chat();

namespace AppSetup {

void prepare()
{
    static QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("studyconnect"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    // Fusion draws with the application palette, so it follows the system's light or dark theme.
    QQuickStyle::setStyle(QStringLiteral("Fusion"));

    // Workaround until src/auth and src/chat change it: Session and SocketService are default-
    // constructible, and Qt 6.4 then builds their QML singletons with `new` and ignores
    // create(), which gives QML instances that are not the app's (and a SocketService attached
    // to no session). The shared instances registered as version 1.1 win unversioned imports.
    qml_register_types_StudyConnect_Auth();
    qml_register_types_StudyConnect_Chat();
    qmlRegisterSingletonInstance("StudyConnect.Auth", 1, 1, "Session", Session::globalInstance());
    qmlRegisterSingletonInstance("StudyConnect.Chat", 1, 1, "SocketService", SocketService::globalInstance());
}

bool load(QQmlApplicationEngine &engine)
{
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.load(QUrl(QStringLiteral("qrc:/StudyConnect/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        qCCritical(lcDesktop) << "the main window could not be loaded";
        return false;
    }
    StartupProbe::globalInstance()->watchFirstFrame(qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst()));
    return true;
}

} // namespace AppSetup
