#include "appsetup.h"

#include "logging.h"
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
    if (translator.load(QLocale(), QStringLiteral("studyconnect"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    // Fusion draws with the application palette, so it follows the system's light or dark theme.
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
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
