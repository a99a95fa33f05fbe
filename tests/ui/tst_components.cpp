// Qt Quick Tests of the views (tests/ui/qml/tst_*.qml) with the app's real QML modules, linked
// statically as in the app, and its style.
#include <QCoreApplication>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(StudyConnectPlugin)
Q_IMPORT_QML_PLUGIN(StudyConnect_AuthPlugin)
Q_IMPORT_QML_PLUGIN(StudyConnect_ChatPlugin)
Q_IMPORT_QML_PLUGIN(StudyConnect_DesktopPlugin)

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void applicationAvailable()
    {
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
        // English plural forms, as the app loads them: "1 character", "4 members".
        static QTranslator english;
        if (english.load(QStringLiteral("studyconnect_en"), QStringLiteral(":/i18n")))
            QCoreApplication::installTranslator(&english);
    }
    void qmlEngineAvailable(QQmlEngine *engine) { engine->addImportPath(QStringLiteral("qrc:/")); }
};

QUICK_TEST_MAIN_WITH_SETUP(components, Setup)
#include "tst_components.moc"
