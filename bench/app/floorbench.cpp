// The memory floor the app's idle figure is compared with, measured in the same run as the app
// (bench/app/run.sh): what any Qt Quick Controls client on this stack costs before it does
// anything. An ApplicationWindow in the app's style and size with a label, a button and a text
// field, plus one QWebSocket connected to the backend (QtWebSockets loads Qt's TLS backend, and
// with it OpenSSL, even for ws://). No app code, no data.
//
//   studyconnect-floorbench --server http://127.0.0.1:5000
// Prints "bench: floor_rss_idle <MiB> MiB" after the same 1.5 s + 5 s settling as appbench.
#include <QCommandLineParser>
#include <QFile>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

#include <cstdio>

namespace {

double rssMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toDouble() / 1024.0;
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption serverOption(
        QStringLiteral("server"), QStringLiteral("Backend URL."), QStringLiteral("URL"));
    parser.addOption(serverOption);
    parser.process(app);

    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
    QQmlApplicationEngine engine;
    engine.loadData(QByteArrayLiteral(R"(
import QtQuick
import QtQuick.Controls
ApplicationWindow {
    width: 1280; height: 800; visible: true; title: "floor"
    Column {
        Label { text: "StudyConnect" }
        Button { text: "Sign in" }
        TextField { placeholderText: "Email" }
    }
})"));
    if (engine.rootObjects().isEmpty())
        return 1;

    QUrl url(parser.value(serverOption));
    url.setScheme(url.scheme() == u"https" ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setPath(QStringLiteral("/socket.io/"));
    url.setQuery(QStringLiteral("EIO=4&transport=websocket"));
    QWebSocket socket;
    socket.open(url);

    QTimer::singleShot(6500, &app, [&app] {
        std::printf("bench: floor_rss_idle %.1f MiB\n", rssMiB());
        std::fflush(stdout);
        app.quit();
    });
    return app.exec();
}
