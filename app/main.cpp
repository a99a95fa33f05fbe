#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(StudyConnectPlugin)

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("StudyConnect"));
    QGuiApplication::setOrganizationName(QStringLiteral("StudyConnect"));
    QGuiApplication::setApplicationVersion(QStringLiteral(STUDYCONNECT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Desktop client for StudyConnect study chat"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    QQmlApplicationEngine engine;
    engine.load(QUrl(QStringLiteral("qrc:/StudyConnect/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    return app.exec();
}
