// C++ side of the transport latency benchmark: a Manager/Socket over one transport (WebSocket or
// long-polling, no upgrade) sends `count` chat-sized events one after the other to echo-server.js
// and times each until its ack comes back. Mirrors latency-peer.js step by step.
//
//   bench_socketio_latency --url=http://127.0.0.1:PORT --transport=polling [--count=2000]
//                          [--warmup=200]
// Prints one JSON line: round-trip p50/p99/mean in microseconds and client CPU per message.

#include "socketio/manager.h"
#include "socketio/socket.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <sys/resource.h>
#include <vector>

using namespace SocketIo;
using namespace std::chrono_literals;

namespace {

QString argument(const QStringList &args, const QString &name, const QString &fallback = {})
{
    const QString prefix = u"--" + name + u'=';
    for (const QString &arg : args) {
        if (arg.startsWith(prefix))
            return arg.mid(prefix.size());
    }
    return fallback;
}

// User + system time of this process, in microseconds: what a message costs the client.
double cpuMicroseconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e6
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Only the JSON line on stdout; the library's connection messages are not wanted here.
    QLoggingCategory::setFilterRules(QStringLiteral("studyconnect.*.info=false"));
    const QStringList args = app.arguments();
    const QUrl url(argument(args, QStringLiteral("url")));
    const bool polling = argument(args, QStringLiteral("transport")) == QLatin1String("polling");
    const int count = argument(args, QStringLiteral("count"), QStringLiteral("2000")).toInt();
    const int warmup = argument(args, QStringLiteral("warmup"), QStringLiteral("200")).toInt();

    ManagerOptions options;
    options.transports = polling ? TransportPolicy::PollingOnly : TransportPolicy::WebSocketOnly;
    options.reconnection = false;
    Manager manager(url, options);
    Socket *socket = manager.socket();
    socket->setAuthProvider([] { return QVariantMap(); });

    // What a chat message looks like on the wire (as the app's sendMessage emits it).
    const QVariantMap message { { QStringLiteral("roomId"), 2 },
        { QStringLiteral("text"),
            QStringLiteral("Does anyone have the notes from Tuesday's lecture on eigenvalues?") },
        { QStringLiteral("clientId"), QStringLiteral("3f2b8c1e-9d4a-4f67-8a21-5c0e7b9d1a42") } };

    std::vector<qint64> rtts;
    rtts.reserve(size_t(count));
    QElapsedTimer clock;
    double cpuStart = 0;
    double cpuEnd = 0;
    int sent = 0;
    std::function<void()> next = [&] {
        if (sent == warmup)
            cpuStart = cpuMicroseconds();
        if (sent == warmup + count) {
            cpuEnd = cpuMicroseconds();
            QCoreApplication::quit();
            return;
        }
        ++sent;
        clock.start();
        socket->emitEventWithAck(QStringLiteral("echo"), { message }, [&](const AckResult &result) {
            const qint64 ns = clock.nsecsElapsed();
            if (result.error != Error::None) {
                std::fprintf(stderr, "ack failed\n");
                QCoreApplication::exit(1);
                return;
            }
            if (sent > warmup)
                rtts.push_back(ns);
            next();
        });
    };
    QObject::connect(socket, &Socket::connected, &app, [&] { next(); });
    QObject::connect(socket, &Socket::connectError, &app, [](const QString &why) {
        std::fprintf(stderr, "connect error: %s\n", qPrintable(why));
        QCoreApplication::exit(1);
    });
    socket->open();
    if (app.exec() != 0 || rtts.size() != size_t(count))
        return 1;

    std::sort(rtts.begin(), rtts.end());
    const auto percentile = [&](double p) {
        return double(rtts[std::min(rtts.size() - 1, size_t(p * double(rtts.size())))]) / 1e3;
    };
    double total = 0;
    for (const qint64 ns : rtts)
        total += double(ns);
    const QJsonObject result { { QStringLiteral("runtime"),
                                   QStringLiteral("C++ Qt %1").arg(QLatin1String(qVersion())) },
        { QStringLiteral("transport"),
            polling ? QStringLiteral("polling") : QStringLiteral("websocket") },
        { QStringLiteral("count"), count }, { QStringLiteral("p50Us"), percentile(0.50) },
        { QStringLiteral("p99Us"), percentile(0.99) },
        { QStringLiteral("meanUs"), total / double(count) / 1e3 },
        { QStringLiteral("cpuUsPerMessage"), (cpuEnd - cpuStart) / count } };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
