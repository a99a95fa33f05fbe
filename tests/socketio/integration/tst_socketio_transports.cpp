// Long-polling, the upgrade to WebSocket and the fallback from WebSocket to polling, against the
// real socket.io server (fixture-server.js) and, for networks that refuse WebSocket, a reverse
// proxy that answers 403 to every upgrade (no-websocket-proxy.js).
#include "nodeserver.h"
#include "socketio/manager.h"
#include "socketio/socket.h"
#include "testcertificate.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;
using SocketIo::AckResult;
using SocketIo::Error;
using SocketIo::Manager;
using SocketIo::Socket;
using SocketIo::TransportKind;
using SocketIo::TransportPolicy;

namespace {

const QString FixtureScript = QStringLiteral("tests/socketio/integration/fixture-server.js");
const QString ProxyScript = QStringLiteral("tests/socketio/integration/no-websocket-proxy.js");
const QString MalformedScript =
    QStringLiteral("tests/socketio/integration/malformed-polling-server.js");
// A forward proxy (absolute-URL requests forwarded, CONNECT tunnels), the CLI tests' too.
const QString ForwardProxyScript = QStringLiteral("tests/common/forward-proxy.js");

SocketIo::ManagerOptions options(
    TransportPolicy policy, TransportKind first = TransportKind::WebSocket)
{
    SocketIo::ManagerOptions options;
    options.reconnectionDelay = 100ms;
    options.reconnectionDelayMax = 400ms;
    options.timeout = 5000ms;
    options.transports = policy;
    options.firstTransport = first;
    return options;
}

struct Client
{
    Client(const QUrl &url, const SocketIo::ManagerOptions &options)
        : manager(url, options)
        , socket(manager.socket())
    {
        socket->setAuthProvider([] {
            return QVariantMap { { QStringLiteral("token"), QStringLiteral("good") } };
        });
        QObject::connect(&manager, &Manager::transportChanged,
            [this](TransportKind kind) { transports.append(kind); });
    }

    bool connectAndWait()
    {
        QSignalSpy connected(socket, &Socket::connected);
        socket->open();
        return connected.wait(10000);
    }

    AckResult call(const QString &event, const QVariantList &args = {})
    {
        std::optional<AckResult> result;
        socket->emitEventWithAck(
            event, args, [&result](const AckResult &r) { result = r; },
            SocketIo::EmitOptions { 10000ms, false });
        const bool done = QTest::qWaitFor([&] { return result.has_value(); }, 15000);
        return done ? *result : AckResult { Error::Disconnected, {} };
    }

    QString serverTransport() { return call(QStringLiteral("transport")).args.value(0).toString(); }

    Manager manager;
    Socket *socket;
    QList<TransportKind> transports;
};

std::unique_ptr<NodeServer> startFixture(
    const QString &transports, const QList<QPair<QString, QString>> &environment = {})
{
    auto server = std::make_unique<NodeServer>(FixtureScript);
    server->setEnvironmentValue(QStringLiteral("TRANSPORTS"), transports);
    for (const auto &[name, value] : environment)
        server->setEnvironmentValue(name, value);
    if (!server->start())
        qWarning().noquote() << server->errorString();
    return server;
}

std::unique_ptr<NodeServer> startProxy(
    const NodeServer &target, const QList<QPair<QString, QString>> &environment = {})
{
    auto proxy = std::make_unique<NodeServer>(ProxyScript);
    proxy->setEnvironmentValue(QStringLiteral("TARGET_PORT"), QString::number(target.port()));
    for (const auto &[name, value] : environment)
        proxy->setEnvironmentValue(name, value);
    if (!proxy->start())
        qWarning().noquote() << proxy->errorString();
    return proxy;
}

std::unique_ptr<NodeServer> startForwardProxy(
    const QList<QPair<QString, QString>> &environment = {})
{
    auto proxy = std::make_unique<NodeServer>(ForwardProxyScript);
    for (const auto &[name, value] : environment)
        proxy->setEnvironmentValue(name, value);
    if (!proxy->start())
        qWarning().noquote() << proxy->errorString();
    return proxy;
}

// An explicit proxy is used even for loopback, unlike the application's proxy settings.
QNetworkProxy httpProxy(const NodeServer &proxy)
{
    return QNetworkProxy(
        QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), quint16(proxy.port()));
}

QJsonObject proxyStats(const NodeServer &proxy)
{
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(
        QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/__stats").arg(proxy.port()))));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(5000);
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object();
}

// The checksum the fixture's "measure" computes, over UTF-16 code units as JavaScript does.
qint64 checksum(const QString &text)
{
    qint64 sum = 0;
    for (const QChar c : text)
        sum = (sum * 31 + c.unicode()) % 1000000007;
    return sum;
}

} // namespace

class TestSocketIoTransports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void megabyteMessagesOverPolling()
    {
        auto server = startFixture(QStringLiteral("polling"),
            { { QStringLiteral("MAX_PAYLOAD"), QStringLiteral("3000000") } });
        Client client(server->httpUrl(), options(TransportPolicy::PollingOnly));
        QVERIFY(client.connectAndWait());

        // 1 MiB of text, some of it outside ASCII and the BMP, in one POST.
        QString text;
        text.reserve(1 << 20);
        const QString pattern = QStringLiteral("study ∫ connect é 🎓 ");
        while (text.size() < (1 << 20))
            text += pattern;
        text.truncate(1 << 20);
        const AckResult measured = client.call(QStringLiteral("measure"), { text });
        QCOMPARE(measured.error, Error::None);
        QCOMPARE(measured.args.value(0).value(u"length").toInteger(), qint64(text.size()));
        QCOMPARE(measured.args.value(0).value(u"sum").toInteger(), checksum(text));

        // And 1 MB back in one poll response (500,000 × "é", two bytes each).
        const AckResult big = client.call(QStringLiteral("big"), { 500000 });
        QCOMPARE(big.error, Error::None);
        QCOMPARE(big.args.value(0).toString(), QString(500000, QChar(0xe9)));
        QCOMPARE(client.serverTransport(), QStringLiteral("polling"));
    }

    void binaryLimitCountsBase64OverPolling()
    {
        auto server = startFixture(QStringLiteral("polling"),
            { { QStringLiteral("MAX_PAYLOAD"), QStringLiteral("1000") } });
        Client client(server->httpUrl(), options(TransportPolicy::PollingOnly));
        QVERIFY(client.connectAndWait());
        // 800 bytes fit a WebSocket frame under 1000, but not once base64 (1 + 1068 bytes).
        QCOMPARE(client.socket->emitEvent(QStringLiteral("binary-check"), { QByteArray(800, 'x') }),
            Error::PayloadTooLarge);
        const AckResult check =
            client.call(QStringLiteral("binary-check"), { QByteArray(600, 'x') });
        QCOMPARE(check.error, Error::None);
        QCOMPARE(check.args.value(0).at(0).value(u"bytes").size(), qsizetype(600));
        QVERIFY(client.socket->isConnected());
    }

    void serverRestartedMidPoll()
    {
        auto server = startFixture(QStringLiteral("polling"));
        Client client(server->httpUrl(), options(TransportPolicy::PollingOnly));
        QVERIFY(client.connectAndWait());
        const QString firstId = client.socket->id();
        QSignalSpy disconnected(client.socket, &Socket::disconnected);
        QSignalSpy connected(client.socket, &Socket::connected);
        QTest::qWait(200); // a poll is outstanding now

        server->kill();
        QVERIFY(server->start());
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(disconnected.first().at(0).toString(), QStringLiteral("transport error"));
        for (int i = 1; i <= 5; ++i)
            client.socket->emitEvent(QStringLiteral("record"), { i });

        QVERIFY(connected.wait(10000));
        QVERIFY(client.socket->id() != firstId);
        QCOMPARE(client.call(QStringLiteral("records")).args.value(0).toVariantList(),
            (QVariantList { 1, 2, 3, 4, 5 }));
    }

    void longPollCutByAProxy()
    {
        auto server = startFixture(QStringLiteral("polling"));
        auto proxy = startProxy(*server,
            { { QStringLiteral("CUT_POLLS"), QStringLiteral("1") },
                { QStringLiteral("CUT_AFTER_MS"), QStringLiteral("300") } });
        Client client(proxy->httpUrl(), options(TransportPolicy::PollingOnly));
        QSignalSpy closed(&client.manager, &Manager::engineClosed);
        QVERIFY(client.connectAndWait());
        QVERIFY(closed.wait(5000));
        QCOMPARE(closed.first().at(0).toString(), QStringLiteral("transport error"));
        QVERIFY2(closed.first().at(1).toString().contains(QStringLiteral("504")),
            qPrintable(closed.first().at(1).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(client.socket->isConnected(), 10000);
        QCOMPARE(client.call(QStringLiteral("echo"), { QStringLiteral("after the cut") })
                     .args.value(0)
                     .toString(),
            QStringLiteral("after the cut"));
        QCOMPARE(proxyStats(*proxy).value(QStringLiteral("pollsCut")).toInt(), 1);
    }

    void malformedPollingPayload_data()
    {
        QTest::addColumn<QString>("garbage");
        QTest::addColumn<QString>("description");
        QTest::newRow("empty packet") << "empty-packet"
                                      << "empty packet 1 in a polling payload";
        QTest::newRow("bad type") << "bad-type"
                                  << "unknown Engine.IO packet type";
        QTest::newRow("bad base64") << "bad-base64"
                                    << "invalid base64";
        QTest::newRow("invalid UTF-8") << "invalid-utf8"
                                       << "not valid UTF-8";
        QTest::newRow("trailing separator") << "trailing-sep"
                                            << "empty packet 1";
        QTest::newRow("handshake") << "open-garbage"
                                   << "unknown Engine.IO packet type";
    }

    void malformedPollingPayload()
    {
        QFETCH(QString, garbage);
        QFETCH(QString, description);
        NodeServer server(MalformedScript);
        server.setEnvironmentValue(QStringLiteral("GARBAGE"), garbage);
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        SocketIo::ManagerOptions managerOptions = options(TransportPolicy::PollingOnly);
        managerOptions.reconnection = false;
        Client client(server.httpUrl(), managerOptions);
        QSignalSpy closed(&client.manager, &Manager::engineClosed);
        QSignalSpy failed(&client.manager, &Manager::openFailed);
        client.socket->open();
        QTRY_VERIFY_WITH_TIMEOUT(closed.count() + failed.count() > 0, 5000);
        if (garbage == QLatin1String("open-garbage")) {
            QCOMPARE(failed.count(), 1);
            QVERIFY2(failed.first().at(0).toString().contains(description),
                qPrintable(failed.first().at(0).toString()));
        } else {
            QCOMPARE(closed.count(), 1);
            QCOMPARE(closed.first().at(0).toString(), QStringLiteral("parse error"));
            QVERIFY2(closed.first().at(1).toString().contains(description),
                qPrintable(closed.first().at(1).toString()));
        }
        QCOMPARE(client.manager.state(), Manager::State::Closed);
    }

    void upgradesFromPollingToWebSocket()
    {
        auto server = startFixture(QStringLiteral("polling,websocket"));
        Client client(server->httpUrl(), options(TransportPolicy::Auto, TransportKind::Polling));
        QSignalSpy connected(client.socket, &Socket::connected);
        client.socket->open();
        QVERIFY(connected.wait(5000));
        // Emits keep flowing before, during and after the switch, in order and once each.
        for (int i = 1; i <= 60; ++i) {
            QCOMPARE(client.socket->emitEvent(QStringLiteral("record"), { i }), Error::None);
            if (i % 10 == 0)
                QTest::qWait(20);
        }
        QTRY_COMPARE_WITH_TIMEOUT(client.transports.size(), 2, 5000);
        QCOMPARE(client.transports, (QList { TransportKind::Polling, TransportKind::WebSocket }));
        QCOMPARE(client.manager.transport(), std::optional(TransportKind::WebSocket));
        QCOMPARE(client.manager.workingTransport(), TransportKind::WebSocket);
        QCOMPARE(client.serverTransport(), QStringLiteral("websocket"));
        QVariantList expected;
        for (int i = 1; i <= 60; ++i)
            expected << i;
        QCOMPARE(client.call(QStringLiteral("records")).args.value(0).toVariantList(), expected);
        QCOMPARE(connected.count(), 1);
    }

    void failedProbeKeepsPolling()
    {
        auto server = startFixture(QStringLiteral("polling,websocket"));
        auto proxy = startProxy(*server);
        Client client(proxy->httpUrl(), options(TransportPolicy::Auto, TransportKind::Polling));
        QSignalSpy closed(&client.manager, &Manager::engineClosed);
        QVERIFY(client.connectAndWait());
        QTRY_COMPARE_WITH_TIMEOUT(
            proxyStats(*proxy).value(QStringLiteral("probesRefused")).toInt(), 1, 5000);
        QCOMPARE(client.call(QStringLiteral("echo"), { 42 }).args.value(0).toInteger(), 42);
        QCOMPARE(client.serverTransport(), QStringLiteral("polling"));
        QCOMPARE(client.transports, QList { TransportKind::Polling });
        QCOMPARE(closed.count(), 0);
    }

    void autoFallsBackToPollingWhenWebSocketIsRefused()
    {
        auto server = startFixture(QStringLiteral("polling,websocket"));
        auto proxy = startProxy(*server);
        Client client(proxy->httpUrl(), options(TransportPolicy::Auto));
        QVERIFY(client.connectAndWait());
        QCOMPARE(client.manager.transport(), std::optional(TransportKind::Polling));
        QCOMPARE(client.call(QStringLiteral("echo"), { QStringLiteral("delivered") })
                     .args.value(0)
                     .toString(),
            QStringLiteral("delivered"));
        QTRY_COMPARE_WITH_TIMEOUT(
            proxyStats(*proxy).value(QStringLiteral("probesRefused")).toInt(), 1, 5000);
        QCOMPARE(proxyStats(*proxy).value(QStringLiteral("webSocketsRefused")).toInt(), 1);
        QCOMPARE(client.manager.workingTransport(), TransportKind::Polling);

        // The reconnection remembers what worked: straight to polling (then only the probe).
        QSignalSpy connected(client.socket, &Socket::connected);
        client.socket->emitEvent(QStringLiteral("drop-transport"));
        QVERIFY(connected.wait(10000));
        QCOMPARE(client.call(QStringLiteral("echo"), { 2 }).args.value(0).toInteger(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(
            proxyStats(*proxy).value(QStringLiteral("probesRefused")).toInt(), 2, 5000);
        QCOMPARE(proxyStats(*proxy).value(QStringLiteral("webSocketsRefused")).toInt(), 1);
    }

    void explicitProxyCarriesEitherTransport_data()
    {
        QTest::addColumn<bool>("polling");
        QTest::newRow("websocket") << false;
        QTest::newRow("polling") << true;
    }

    void explicitProxyCarriesEitherTransport()
    {
        QFETCH(bool, polling);
        auto server = startFixture(QStringLiteral("polling,websocket"));
        auto proxy = startForwardProxy();
        SocketIo::ManagerOptions managerOptions =
            options(polling ? TransportPolicy::PollingOnly : TransportPolicy::WebSocketOnly);
        managerOptions.proxy = httpProxy(*proxy);
        Client client(server->httpUrl(), managerOptions);
        QVERIFY(client.connectAndWait());
        QCOMPARE(client.call(QStringLiteral("echo"), { 7 }).args.value(0).toInteger(), 7);
        const QJsonObject stats = proxyStats(*proxy);
        // WebSocket goes through a CONNECT tunnel, polling as forwarded requests.
        QCOMPARE(stats.value(QStringLiteral("connects")).toInt(), polling ? 0 : 1);
        QVERIFY(stats.value(QStringLiteral("socketIo")).toInt() >= (polling ? 3 : 0));
        if (!polling)
            QCOMPARE(stats.value(QStringLiteral("socketIo")).toInt(), 0);
    }

    void httpsThroughConnectThenUpgrade()
    {
        QTemporaryDir dir;
        const TestCertificate certificate = TestCertificate::create(dir);
        QVERIFY2(certificate.ok, qPrintable(certificate.error));
        const QString &cert = certificate.certificatePath;
        const QString &key = certificate.keyPath;
        auto server = startFixture(QStringLiteral("polling,websocket"),
            { { QStringLiteral("TLS_CERT"), cert }, { QStringLiteral("TLS_KEY"), key } });
        auto proxy = startForwardProxy();
        SocketIo::ManagerOptions managerOptions =
            options(TransportPolicy::Auto, TransportKind::Polling);
        managerOptions.proxy = httpProxy(*proxy);
        managerOptions.caCertificates = QSslCertificate::fromPath(cert);
        Client client(
            QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server->port())), managerOptions);
        QVERIFY(client.connectAndWait());
        // https polling and the wss probe both tunnel through CONNECT; TLS is end to end.
        QTRY_COMPARE_WITH_TIMEOUT(client.transports.size(), 2, 5000);
        QCOMPARE(client.serverTransport(), QStringLiteral("websocket"));
        const QJsonObject stats = proxyStats(*proxy);
        QVERIFY(stats.value(QStringLiteral("connects")).toInt() >= 2);
        QCOMPARE(stats.value(QStringLiteral("forwarded")).toInt(), 0);
    }

    void forwardProxyWithoutTunnelsFallsBackToPolling()
    {
        auto server = startFixture(QStringLiteral("polling,websocket"));
        auto proxy =
            startForwardProxy({ { QStringLiteral("REFUSE_CONNECT"), QStringLiteral("1") } });
        SocketIo::ManagerOptions managerOptions = options(TransportPolicy::Auto);
        managerOptions.proxy = httpProxy(*proxy);
        Client client(server->httpUrl(), managerOptions);
        QVERIFY(client.connectAndWait());
        QCOMPARE(client.call(QStringLiteral("echo"), { QStringLiteral("no tunnel") })
                     .args.value(0)
                     .toString(),
            QStringLiteral("no tunnel"));
        QCOMPARE(client.manager.transport(), std::optional(TransportKind::Polling));
        // The first WebSocket and the upgrade probe were both refused (Qt may ask twice).
        QTRY_VERIFY_WITH_TIMEOUT(
            proxyStats(*proxy).value(QStringLiteral("refused")).toInt() >= 2, 5000);
        QTest::qWait(300);
        QCOMPARE(client.transports, QList { TransportKind::Polling });
        QCOMPARE(client.serverTransport(), QStringLiteral("polling"));
    }

    void webSocketOnlyDoesNotFallBack()
    {
        auto server = startFixture(QStringLiteral("polling,websocket"));
        auto proxy = startProxy(*server);
        SocketIo::ManagerOptions managerOptions = options(TransportPolicy::WebSocketOnly);
        managerOptions.reconnection = false;
        Client client(proxy->httpUrl(), managerOptions);
        QSignalSpy failed(&client.manager, &Manager::openFailed);
        client.socket->open();
        QVERIFY(failed.wait(5000));
        QCOMPARE(proxyStats(*proxy).value(QStringLiteral("webSocketsRefused")).toInt(), 1);
        QCOMPARE(proxyStats(*proxy).value(QStringLiteral("requests")).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSocketIoTransports)
#include "tst_socketio_transports.moc"
