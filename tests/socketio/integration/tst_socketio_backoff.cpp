#include "socketio/backoff.h"
#include "socketio/engineconnection.h"
#include "socketio/manager.h"

#include <QTest>

using namespace std::chrono_literals;
using SocketIo::Backoff;

// The arithmetic and defaults must be socket.io-client's, which users' expectations are built on.
class TestBackoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void doublesAndCapsWithoutJitter()
    {
        Backoff backoff(1000ms, 5000ms, 0.0);
        QCOMPARE(backoff.nextDelay(), 1000ms);
        QCOMPARE(backoff.nextDelay(), 2000ms);
        QCOMPARE(backoff.nextDelay(), 4000ms);
        QCOMPARE(backoff.nextDelay(), 5000ms);
        QCOMPARE(backoff.nextDelay(), 5000ms);
        QCOMPARE(backoff.attempts(), 5);
        backoff.reset();
        QCOMPARE(backoff.nextDelay(), 1000ms);
    }

    void jitterMovesUpOrDownByTheRandomShare()
    {
        Backoff backoff(1000ms, 5000ms, 0.5);
        // floor(0.55 * 10) = 5 is odd: up by floor(0.55 * 0.5 * 1000) = 275.
        backoff.setRandomSource([] { return 0.55; });
        QCOMPARE(backoff.nextDelay(), 1275ms);
        // floor(0.45 * 10) = 4 is even: down by floor(0.45 * 0.5 * 2000) = 450.
        backoff.setRandomSource([] { return 0.45; });
        QCOMPARE(backoff.nextDelay(), 1550ms);
        // The cap applies after the jitter.
        backoff.setRandomSource([] { return 0.99; });
        QCOMPARE(backoff.nextDelay(), 5000ms);
    }

    void firstRetryFallsBetweenHalfAndOneAndAHalfSeconds()
    {
        for (int i = 0; i < 1000; ++i) {
            Backoff backoff(1000ms, 5000ms, 0.5);
            const auto delay = backoff.nextDelay();
            QVERIFY2(delay >= 500ms && delay <= 1500ms, qPrintable(QString::number(delay.count())));
        }
    }

    void defaultsAreSocketIoClients()
    {
        const SocketIo::ManagerOptions options;
        QCOMPARE(options.reconnection, true);
        QCOMPARE(options.reconnectionAttempts, -1);
        QCOMPARE(options.reconnectionDelay, 1000ms);
        QCOMPARE(options.reconnectionDelayMax, 5000ms);
        QCOMPARE(options.randomizationFactor, 0.5);
        QCOMPARE(options.timeout, 20000ms);
        QCOMPARE(options.path, QStringLiteral("/socket.io/"));
    }

    void engineUrlFromBaseUrl_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("http") << "http://localhost:5000"
                              << "/socket.io/"
                              << "ws://localhost:5000/socket.io/?EIO=4&transport=websocket";
        QTest::newRow("https") << "https://chat.school.edu"
                               << "/socket.io/"
                               << "wss://chat.school.edu/socket.io/?EIO=4&transport=websocket";
        QTest::newRow("ws") << "ws://127.0.0.1:1234/"
                            << "/socket.io/"
                            << "ws://127.0.0.1:1234/socket.io/?EIO=4&transport=websocket";
        QTest::newRow("proxy prefix")
            << "https://school.edu/studyconnect/"
            << "socket.io"
            << "wss://school.edu/studyconnect/socket.io/?EIO=4&transport=websocket";
        QTest::newRow("custom path") << "wss://host"
                                     << "/rt/"
                                     << "wss://host/rt/?EIO=4&transport=websocket";
    }

    void engineUrlFromBaseUrl()
    {
        QFETCH(QString, base);
        QFETCH(QString, path);
        QFETCH(QString, expected);
        SocketIo::ManagerOptions options;
        options.path = path;
        SocketIo::Manager manager(QUrl(base), options);
        QCOMPARE(manager.engineUrl().toString(), expected);
    }

    void engineUrlKeepsExtraQuery()
    {
        SocketIo::ManagerOptions options;
        options.query.addQueryItem(QStringLiteral("client"), QStringLiteral("desktop app"));
        SocketIo::Manager manager(QUrl(QStringLiteral("http://h")), options);
        QCOMPARE(manager.engineUrl().toString(QUrl::FullyEncoded),
            QStringLiteral("ws://h/socket.io/?EIO=4&transport=websocket&client=desktop%20app"));
    }

    void transportUrls()
    {
        SocketIo::ManagerOptions options;
        options.query.addQueryItem(QStringLiteral("client"), QStringLiteral("desktop app"));
        SocketIo::Manager manager(QUrl(QStringLiteral("https://h/app")), options);
        const QUrl webSocket = manager.engineUrl();
        using SocketIo::EngineConnection;
        using SocketIo::TransportKind;
        QCOMPARE(EngineConnection::transportUrl(webSocket, TransportKind::Polling, QString())
                     .toString(QUrl::FullyEncoded),
            QStringLiteral(
                "https://h/app/socket.io/?EIO=4&transport=polling&client=desktop%20app"));
        // The probe of an upgrade joins the session.
        QCOMPARE(EngineConnection::transportUrl(
                     webSocket, TransportKind::WebSocket, QStringLiteral("s-1_x"))
                     .toString(QUrl::FullyEncoded),
            QStringLiteral(
                "wss://h/app/socket.io/?EIO=4&transport=websocket&client=desktop%20app&sid=s-1_x"));
        QCOMPARE(EngineConnection::transportUrl(
                     QUrl(QStringLiteral("ws://h:81/socket.io/?EIO=4&transport=websocket")),
                     TransportKind::Polling, QStringLiteral("abc"))
                     .toString(),
            QStringLiteral("http://h:81/socket.io/?EIO=4&transport=polling&sid=abc"));
    }

    void transportDefaults()
    {
        const SocketIo::ManagerOptions options;
        QCOMPARE(options.transports, SocketIo::TransportPolicy::Auto);
        QCOMPARE(options.firstTransport, SocketIo::TransportKind::WebSocket);
        QVERIFY(!options.proxy.has_value());
    }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_socketio_backoff.moc"
