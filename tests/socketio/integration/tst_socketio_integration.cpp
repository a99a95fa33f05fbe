#include "nodeserver.h"
#include "socketio/manager.h"
#include "socketio/socket.h"
#include "testcertificate.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;
using SocketIo::AckResult;
using SocketIo::Arguments;
using SocketIo::Error;
using SocketIo::Manager;
using SocketIo::Socket;

namespace {

const QString FixtureScript = QStringLiteral("tests/socketio/integration/fixture-server.js");

// ctest runs this suite twice: over WebSocket (the default, Auto) and, with
// SOCKETIO_TEST_TRANSPORT=polling, over long-polling only, so that everything above the
// transport is shown to behave the same on both.
bool overPolling()
{
    return qEnvironmentVariable("SOCKETIO_TEST_TRANSPORT") == QLatin1String("polling");
}

// A client with short reconnection delays, so that tests of reconnection take a second.
struct Client
{
    explicit Client(const QUrl &url, SocketIo::ManagerOptions options = fastOptions(),
        const QString &token = QStringLiteral("good"))
        : manager(url, options)
        , socket(manager.socket())
    {
        socket->setAuthProvider([this, token] {
            ++authCalls;
            return QVariantMap { { QStringLiteral("token"), token } };
        });
    }

    static SocketIo::ManagerOptions fastOptions()
    {
        SocketIo::ManagerOptions options;
        options.reconnectionDelay = 100ms;
        options.reconnectionDelayMax = 400ms;
        options.timeout = 5000ms;
        if (overPolling())
            options.transports = SocketIo::TransportPolicy::PollingOnly;
        return options;
    }

    bool connectAndWait()
    {
        QSignalSpy connected(socket, &Socket::connected);
        socket->open();
        return connected.wait(10000);
    }

    // Emits with an ack and waits for the callback; the result is what the callback received.
    AckResult call(const QString &event, const QVariantList &args = {},
        std::chrono::milliseconds timeout = 5000ms)
    {
        std::optional<AckResult> result;
        socket->emitEventWithAck(
            event, args, [&result](const AckResult &r) { result = r; },
            SocketIo::EmitOptions { timeout, false });
        const bool done = QTest::qWaitFor([&] { return result.has_value(); }, 10000);
        return done ? *result : AckResult { Error::Disconnected, {} };
    }

    Manager manager;
    Socket *socket;
    int authCalls = 0;
};

QVariantList waitForEvent(Socket *socket, const QString &name, int timeoutMs = 5000)
{
    std::optional<QVariantList> received;
    const auto id = socket->on(name, [&](const Arguments &args, const SocketIo::Acknowledger &) {
        if (!received)
            received = args.toVariantList();
    });
    (void)QTest::qWaitFor([&] { return received.has_value(); }, timeoutMs);
    socket->off(id);
    return received.value_or(QVariantList { QStringLiteral("<timeout>") });
}

} // namespace

class TestSocketIoIntegration : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<NodeServer> startFixture(const QList<QPair<QString, QString>> &environment = {})
    {
        auto server = std::make_unique<NodeServer>(FixtureScript);
        // The server offers the upgrade: a polling-only client must not take it.
        if (overPolling())
            server->setEnvironmentValue(
                QStringLiteral("TRANSPORTS"), QStringLiteral("polling,websocket"));
        for (const auto &[name, value] : environment)
            server->setEnvironmentValue(name, value);
        if (!server->start())
            qWarning().noquote() << server->errorString();
        return server;
    }

private Q_SLOTS:
    void connectsWithAuthPayload()
    {
        auto server = startFixture();
        QVERIFY(server->isRunning());
        Client client(server->httpUrl());
        QSignalSpy welcome(client.socket, &Socket::eventReceived);
        QVERIFY(client.connectAndWait());
        QVERIFY(client.socket->isConnected());
        QVERIFY(!client.socket->id().isEmpty());
        QVERIFY(welcome.count() > 0 || welcome.wait(5000));
        QCOMPARE(welcome.first().at(0).toString(), QStringLiteral("welcome"));
        QCOMPARE(client.authCalls, 1);

        const auto expected =
            overPolling() ? SocketIo::TransportKind::Polling : SocketIo::TransportKind::WebSocket;
        QCOMPARE(client.manager.transport(), std::optional(expected));
        QTest::qWait(300); // an upgrade would be over by now
        QCOMPARE(client.call(QStringLiteral("transport")).args.value(0).toString(),
            SocketIo::transportName(expected));
    }

    void refusedAuthIsAConnectErrorWithoutReconnection()
    {
        auto server = startFixture();
        Client client(server->httpUrl(), Client::fastOptions(), QStringLiteral("wrong"));
        QSignalSpy errors(client.socket, &Socket::connectError);
        QSignalSpy reconnects(&client.manager, &Manager::reconnectScheduled);
        client.socket->open();
        QVERIFY(errors.wait(5000));
        QCOMPARE(
            errors.first().at(0).toString(), QStringLiteral("Authentication error: bad token"));
        QCOMPARE(errors.first().at(1).toMap().value(QStringLiteral("code")).toString(),
            QStringLiteral("BAD_TOKEN"));
        QVERIFY(!client.socket->isActive());
        QTest::qWait(1000);
        QCOMPARE(reconnects.count(), 0);
        QCOMPARE(errors.count(), 1);
        QCOMPARE(client.manager.state(), Manager::State::Closed);
    }

    void emitAndAckFromClientToServer()
    {
        auto server = startFixture();
        Client client(server->httpUrl());
        QVERIFY(client.connectAndWait());
        const QVariantMap object { { QStringLiteral("text"), QStringLiteral("∫ x dx = x²/2 🎓") },
            { QStringLiteral("n"), 42 } };
        const AckResult result =
            client.call(QStringLiteral("echo"), { 1, QStringLiteral("two"), object });
        QCOMPARE(result.error, Error::None);
        QCOMPARE(result.args.size(), 3);
        QCOMPARE(result.args.at(0).toInteger(), 1);
        QCOMPARE(result.args.at(1).toString(), QStringLiteral("two"));
        QCOMPARE(result.args.at(2).value(u"text").toString(),
            object.value(QStringLiteral("text")).toString());
        QCOMPARE(result.args.at(2).value(u"n").type(), SocketIo::JsonValue::Type::Integer);
    }

    void eventWithoutAckComesBack()
    {
        auto server = startFixture();
        Client client(server->httpUrl());
        QVERIFY(client.connectAndWait());
        std::optional<QVariantList> echoed;
        client.socket->on(
            QStringLiteral("echo"), [&](const Arguments &args, const SocketIo::Acknowledger &ack) {
                QVERIFY(!ack.isRequested());
                echoed = args.toVariantList();
            });
        QCOMPARE(client.socket->emitEvent(QStringLiteral("echo"), { QStringLiteral("hi"), true }),
            Error::None);
        QTRY_VERIFY_WITH_TIMEOUT(echoed.has_value(), 5000);
        QCOMPARE(*echoed, (QVariantList { QStringLiteral("hi"), true }));
    }

    void serverAsksClientForAnAck()
    {
        auto server = startFixture();
        Client client(server->httpUrl());
        client.socket->on(QStringLiteral("question"),
            [](const Arguments &args, const SocketIo::Acknowledger &ack) {
                QVERIFY(ack.isRequested());
                ack.send({ QString(QStringLiteral("answer to ") + args.value(0).toString()) });
                ack.send({ QStringLiteral("a second answer is never sent") });
            });
        QVERIFY(client.connectAndWait());
        client.socket->emitEvent(QStringLiteral("ask-client"), { QStringLiteral("life") });
        const QVariantList answer = waitForEvent(client.socket, QStringLiteral("answer-was"));
        QCOMPARE(answer.value(0).toString(), QStringLiteral("answer to life"));
    }

    void ackTimesOut()
    {
        auto server = startFixture();
        Client client(server->httpUrl());
        QVERIFY(client.connectAndWait());
        QElapsedTimer timer;
        timer.start();
        const AckResult result = client.call(QStringLiteral("never-ack"), {}, 300ms);
        QCOMPARE(result.error, Error::Timeout);
        QVERIFY(timer.elapsed() >= 280);
        QVERIFY(timer.elapsed() < 3000);
    }

    void binaryBothWays()
    {
        auto server = startFixture();
        Client client(server->httpUrl());
        QVERIFY(client.connectAndWait());

        const QByteArray bytes("\x00\x01\xff\x7f", 4);
        const AckResult check = client.call(QStringLiteral("binary-check"),
            { bytes, QStringLiteral("text"), QByteArray("second") });
        QCOMPARE(check.error, Error::None);
        const QVariantList seen = check.args.value(0).toVariantList();
        QCOMPARE(seen.size(), 3);
        QCOMPARE(seen.at(0).toMap().value(QStringLiteral("bytes")).toList(),
            (QVariantList { 0, 1, 255, 127 }));
        QCOMPARE(seen.at(1).toString(), QStringLiteral("text"));
        QCOMPARE(seen.at(2).toMap().value(QStringLiteral("bytes")).toList().size(), 6);

        const AckResult info = client.call(QStringLiteral("binary-info"));
        QCOMPARE(info.error, Error::None);
        QCOMPARE(info.args.value(0).toByteArray(), QByteArray("\x00\x01\x02\xfd\xfe\xff", 6));
        QCOMPARE(info.args.value(1).value(u"nested").at(0).toByteArray(), QByteArray("second"));
        QCOMPARE(info.args.value(1).toVariant().toMap().value(QStringLiteral("nested")).toList(),
            QVariantList { QByteArray("second") });
    }

    void reservedEventNamesAreRefused()
    {
        auto server = startFixture();
        Client client(server->httpUrl());
        QVERIFY(client.connectAndWait());
        QCOMPARE(client.socket->emitEvent(QStringLiteral("disconnect")), Error::ReservedEventName);
        std::optional<Error> error;
        QCOMPARE(client.socket->emitEventWithAck(QStringLiteral("connect_error"), {},
                     [&](const AckResult &r) { error = r.error; }),
            Error::ReservedEventName);
        QCOMPARE(error, std::optional<Error>(Error::ReservedEventName));
    }

    void payloadAboveMaxPayloadIsRefused()
    {
        auto server = startFixture({ { QStringLiteral("MAX_PAYLOAD"), QStringLiteral("1000") } });
        Client client(server->httpUrl());
        QVERIFY(client.connectAndWait());
        QCOMPARE(client.socket->emitEvent(QStringLiteral("echo"), { QString(2000, u'x') }),
            Error::PayloadTooLarge);
        // The connection is intact and usable.
        QCOMPARE(client.call(QStringLiteral("payload-limit")).args.value(0).toInteger(), 1000);
        QVERIFY(client.socket->isConnected());
    }

    void emitsWhileServerIsDownAreDeliveredOnceInOrder()
    {
        auto server = startFixture();
        Client client(server->httpUrl());
        QVERIFY(client.connectAndWait());
        QSignalSpy disconnected(client.socket, &Socket::disconnected);
        QSignalSpy reconnected(&client.manager, &Manager::reconnected);
        server->kill();
        QVERIFY(disconnected.wait(5000));
        // A WebSocket is closed by the peer; a poll fails, which engine.io-client calls an error.
        QCOMPARE(disconnected.first().at(0).toString(),
            overPolling() ? QStringLiteral("transport error") : QStringLiteral("transport close"));

        for (int i = 1; i <= 20; ++i)
            QCOMPARE(client.socket->emitEvent(QStringLiteral("record"), { i }), Error::None);
        QCOMPARE(client.socket->emitEvent(
                     QStringLiteral("record"), { 999 }, SocketIo::EmitOptions { 0ms, true }),
            Error::DroppedVolatile);
        QCOMPARE(client.socket->bufferedCount(), 20);

        QVERIFY(server->start());
        QVERIFY(reconnected.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(client.socket->isConnected(), 5000);
        QCOMPARE(client.socket->bufferedCount(), 0);
        QVERIFY(client.authCalls >= 2); // the auth payload is produced again for the new connection

        const AckResult records = client.call(QStringLiteral("records"));
        QVariantList expected;
        for (int i = 1; i <= 20; ++i)
            expected << i;
        QCOMPARE(records.args.value(0).toVariantList(), expected);
    }

    void sendBufferIsBoundedAndSaysSo()
    {
        SocketIo::ManagerOptions options = Client::fastOptions();
        options.sendBufferLimit = 3;
        Client client(
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(NodeServer::freePort())), options);
        QSignalSpy emitFailed(client.socket, &Socket::emitFailed);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(client.socket->emitEvent(QStringLiteral("record"), { i }), Error::None);
        QCOMPARE(client.socket->emitEvent(QStringLiteral("record"), { 3 }), Error::BufferFull);
        std::optional<Error> ackError;
        QCOMPARE(client.socket->emitEventWithAck(QStringLiteral("record"), { 4 },
                     [&](const AckResult &r) { ackError = r.error; }),
            Error::BufferFull);
        QCOMPARE(ackError, std::optional<Error>(Error::BufferFull));
        QCOMPARE(client.socket->bufferedCount(), 3);
    }

    void pendingAcksFailWhenTheConnectionDrops()
    {
        auto server = startFixture();
        Client client(server->httpUrl());
        QVERIFY(client.connectAndWait());
        std::optional<Error> error;
        client.socket->emitEventWithAck(
            QStringLiteral("slow-ack"), {}, [&](const AckResult &r) { error = r.error; });
        QTest::qWait(100);
        server->kill();
        QTRY_COMPARE_WITH_TIMEOUT(error, std::optional<Error>(Error::Disconnected), 5000);
    }

    void pingTimeoutWhenTheServerFreezes()
    {
        auto server = startFixture({ { QStringLiteral("PING_INTERVAL"), QStringLiteral("300") },
            { QStringLiteral("PING_TIMEOUT"), QStringLiteral("300") } });
        Client client(server->httpUrl());
        QVERIFY(client.connectAndWait());
        QTest::qWait(700); // a few heartbeats go by without trouble
        QVERIFY(client.socket->isConnected());

        QSignalSpy disconnected(client.socket, &Socket::disconnected);
        QElapsedTimer sinceFreeze;
        server->freeze();
        sinceFreeze.start();
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(disconnected.first().at(0).toString(), QStringLiteral("ping timeout"));
        // pingInterval + pingTimeout after the last ping, which came at most pingInterval ago.
        QVERIFY2(
            sinceFreeze.elapsed() <= 600 + 300, qPrintable(QString::number(sinceFreeze.elapsed())));

        QSignalSpy connected(client.socket, &Socket::connected);
        server->thaw();
        QVERIFY(connected.wait(10000));
    }

    void serverSideDisconnectIsFinal()
    {
        auto server = startFixture();
        Client client(server->httpUrl());
        QVERIFY(client.connectAndWait());
        QSignalSpy disconnected(client.socket, &Socket::disconnected);
        QSignalSpy reconnects(&client.manager, &Manager::reconnectScheduled);
        client.socket->emitEvent(QStringLiteral("server-disconnect"));
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(disconnected.first().at(0).toString(), QStringLiteral("io server disconnect"));
        QTest::qWait(1000);
        QCOMPARE(reconnects.count(), 0);
        QVERIFY(!client.socket->isConnected());
        QVERIFY(!client.socket->isActive());
    }

    void clientDisconnectIsFinal()
    {
        auto server = startFixture();
        Client client(server->httpUrl());
        QVERIFY(client.connectAndWait());
        QSignalSpy disconnected(client.socket, &Socket::disconnected);
        QSignalSpy reconnects(&client.manager, &Manager::reconnectScheduled);
        client.socket->close();
        QCOMPARE(disconnected.count(), 1);
        QCOMPARE(disconnected.first().at(0).toString(), QStringLiteral("io client disconnect"));
        QTest::qWait(800);
        QCOMPARE(reconnects.count(), 0);
        QCOMPARE(client.manager.state(), Manager::State::Closed);

        // Opening again works.
        QVERIFY(client.connectAndWait());
    }

    void reconnectionSignalsAttemptsAndDelays()
    {
        auto server = startFixture();
        Client client(server->httpUrl());
        QVERIFY(client.connectAndWait());
        QSignalSpy scheduled(&client.manager, &Manager::reconnectScheduled);
        QSignalSpy attempts(&client.manager, &Manager::reconnectAttemptStarted);
        QSignalSpy reconnected(&client.manager, &Manager::reconnected);
        server->kill();
        QTRY_VERIFY_WITH_TIMEOUT(scheduled.count() >= 3, 10000);
        QCOMPARE(scheduled.at(0).at(0).toInt(), 1);
        QVERIFY(scheduled.at(0).at(1).toInt() >= 50 && scheduled.at(0).at(1).toInt() <= 150);
        QCOMPARE(scheduled.at(1).at(0).toInt(), 2);
        QVERIFY(attempts.count() >= 2);
        QCOMPARE(client.manager.state(), Manager::State::Reconnecting);
        QVERIFY(client.manager.msUntilReconnect() >= -1);

        QVERIFY(server->start());
        QVERIFY(reconnected.wait(10000));
        QVERIFY(reconnected.first().at(0).toInt() >= 3);
        QTRY_VERIFY_WITH_TIMEOUT(client.socket->isConnected(), 5000);
    }

    void givesUpAfterTheConfiguredAttempts()
    {
        SocketIo::ManagerOptions options = Client::fastOptions();
        options.reconnectionAttempts = 2;
        Client client(
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(NodeServer::freePort())), options);
        QSignalSpy errors(client.socket, &Socket::connectError);
        QSignalSpy failed(&client.manager, &Manager::reconnectFailed);
        QSignalSpy attempts(&client.manager, &Manager::reconnectAttemptStarted);
        client.socket->open();
        QVERIFY(failed.wait(10000));
        QCOMPARE(attempts.count(), 2);
        QCOMPARE(errors.count(), 3); // the first try and two reconnection attempts
        QVERIFY(!errors.first().at(0).toString().isEmpty());
    }

    void connectTimeoutWhenTheServerNeverAnswers()
    {
        QTcpServer silent; // accepts TCP, never speaks HTTP
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        SocketIo::ManagerOptions options = Client::fastOptions();
        options.timeout = 300ms;
        options.reconnection = false;
        Client client(
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())), options);
        QSignalSpy failed(&client.manager, &Manager::openFailed);
        client.socket->open();
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(0).toString(), QStringLiteral("timeout"));
    }

    void malformedPacketClosesWithParseErrorAndReconnects()
    {
        auto server = startFixture();
        Client client(server->httpUrl());
        QVERIFY(client.connectAndWait());
        QSignalSpy disconnected(client.socket, &Socket::disconnected);
        QSignalSpy connected(client.socket, &Socket::connected);
        client.socket->emitEvent(QStringLiteral("send-garbage"));
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(disconnected.first().at(0).toString(), QStringLiteral("parse error"));
        QVERIFY(connected.wait(5000));
    }

    void connectionStateRecovery()
    {
        auto server = startFixture({ { QStringLiteral("RECOVERY"), QStringLiteral("1") } });
        Client client(server->httpUrl());
        QVERIFY(client.connectAndWait());
        QVERIFY(!client.socket->recovered());

        client.socket->emitEvent(QStringLiteral("tick-now"), { QStringLiteral("first") });
        // The server's offset argument is stripped: handlers see only what was emitted.
        QCOMPARE(waitForEvent(client.socket, QStringLiteral("tick")),
            QVariantList { QStringLiteral("first") });

        QList<QVariantList> ticks;
        client.socket->on(
            QStringLiteral("tick"), [&](const Arguments &args, const SocketIo::Acknowledger &) {
                ticks.append(args.toVariantList());
            });
        QSignalSpy disconnected(client.socket, &Socket::disconnected);
        QSignalSpy connected(client.socket, &Socket::connected);
        client.socket->emitEvent(QStringLiteral("drop-transport"));
        QVERIFY(disconnected.wait(5000));
        QVERIFY(connected.wait(10000));
        QVERIFY(client.socket->recovered());
        QTRY_COMPARE_WITH_TIMEOUT(ticks.size(), 1, 5000);
        QCOMPARE(ticks.first(), QVariantList { QStringLiteral("while-away") });
    }

    void namespacesShareOneConnection()
    {
        auto server = startFixture();
        Client client(server->httpUrl());
        QVERIFY(client.connectAndWait());
        Socket *admin = client.manager.socket(QStringLiteral("/admin"));
        QCOMPARE(admin, client.manager.socket(QStringLiteral("/admin")));

        // A refusal in one namespace leaves the other connected.
        QString role = QStringLiteral("student");
        admin->setAuthProvider([&role] {
            return QVariantMap { { QStringLiteral("role"), role } };
        });
        QSignalSpy errors(admin, &Socket::connectError);
        admin->open();
        QVERIFY(errors.wait(5000));
        QCOMPARE(errors.first().at(0).toString(), QStringLiteral("admins only"));
        QVERIFY(!admin->isActive());
        QVERIFY(client.socket->isConnected());

        // The application fixes its auth and opens again.
        role = QStringLiteral("admin");
        QSignalSpy adminConnected(admin, &Socket::connected);
        admin->open();
        QVERIFY(adminConnected.wait(5000));
        std::optional<AckResult> reply;
        admin->emitEventWithAck(
            QStringLiteral("echo"), { 7 }, [&](const AckResult &r) { reply = r; });
        QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 5000);
        QCOMPARE(reply->args.toVariantList(), (QVariantList { QStringLiteral("admin"), 7 }));
        QCOMPARE(
            client.call(QStringLiteral("echo"), { 8 }).args.toVariantList(), QVariantList { 8 });
    }

    void credentialsNeverReachTheLog()
    {
        QStringList lines;
        static QStringList *sink = nullptr;
        sink = &lines;
        const QtMessageHandler previous =
            qInstallMessageHandler([](QtMsgType, const QMessageLogContext &,
                                       const QString &message) { sink->append(message); });
        QLoggingCategory::setFilterRules(QStringLiteral("studyconnect.*=true"));
        {
            auto server = startFixture();
            SocketIo::ManagerOptions options = Client::fastOptions();
            options.query.addQueryItem(QStringLiteral("apikey"), QStringLiteral("QUERY-SECRET-42"));
            Client client(server->httpUrl(), options, QStringLiteral("good-TOKEN-SECRET-42"));
            QVERIFY(client.connectAndWait());
            QCOMPARE(client.call(QStringLiteral("echo"), { 1 }).error, Error::None);
            server->kill();
            QTest::qWait(300);
        }
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        QVERIFY(lines.size() > 5); // the connection was logged at all
        for (const QString &line : std::as_const(lines))
            QVERIFY2(!line.contains(QStringLiteral("SECRET-42")), qPrintable(line));
    }

    void tlsIsVerifiedAndAcceptsAnAddedCa()
    {
        QTemporaryDir dir;
        const TestCertificate certificate = TestCertificate::create(dir);
        QVERIFY2(certificate.ok, qPrintable(certificate.error));
        const QString &cert = certificate.certificatePath;
        const QString &key = certificate.keyPath;

        auto server = startFixture(
            { { QStringLiteral("TLS_CERT"), cert }, { QStringLiteral("TLS_KEY"), key } });
        QVERIFY(server->isRunning());
        const QUrl url(QStringLiteral("https://127.0.0.1:%1").arg(server->port()));

        {
            SocketIo::ManagerOptions options = Client::fastOptions();
            options.reconnection = false;
            Client untrusted(url, options);
            QSignalSpy errors(untrusted.socket, &Socket::connectError);
            untrusted.socket->open();
            QVERIFY(errors.wait(10000));
            const QString message = errors.first().at(0).toString();
            QVERIFY2(message.contains(QStringLiteral("TLS error")), qPrintable(message));
            QVERIFY2(message.contains(QStringLiteral("self-signed"), Qt::CaseInsensitive),
                qPrintable(message));
            QVERIFY(!untrusted.socket->isConnected());
        }

        SocketIo::ManagerOptions options = Client::fastOptions();
        options.caCertificates = QSslCertificate::fromPath(cert);
        QCOMPARE(options.caCertificates.size(), 1);
        Client trusted(url, options);
        QVERIFY(trusted.connectAndWait());
        QCOMPARE(trusted.call(QStringLiteral("echo"), { QStringLiteral("secure") })
                     .args.value(0)
                     .toString(),
            QStringLiteral("secure"));
    }
};

QTEST_GUILESS_MAIN(TestSocketIoIntegration)
#include "tst_socketio_integration.moc"
