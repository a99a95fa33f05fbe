// ChatConnection over a network that refuses WebSocket: the reference backend behind a reverse
// proxy that answers 403 to every Upgrade (tests/socketio/integration/no-websocket-proxy.js).
// The connection falls back to polling, says so, and the next start goes straight to polling.
#include "chat/chatconnection.h"
#include "clienttestsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;

class TestChatTransport : public QObject
{
    Q_OBJECT

    ReferenceServer m_server;
    std::unique_ptr<NodeServer> m_proxy;

    QJsonObject proxyStats()
    {
        QNetworkAccessManager network;
        QNetworkReply *reply = network.get(QNetworkRequest(
            QUrl(QStringLiteral("http://127.0.0.1:%1/__stats").arg(m_proxy->port()))));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(5000);
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll()).object();
    }

    static std::unique_ptr<ChatConnection> connection()
    {
        auto connection = std::make_unique<ChatConnection>();
        SocketIo::ManagerOptions options;
        options.reconnectionDelay = 100ms;
        options.reconnectionDelayMax = 400ms;
        options.timeout = 5000ms;
        connection->setManagerOptions(options);
        return connection;
    }

    static bool connectTo(ChatConnection &connection, const QUrl &server)
    {
        connection.open(server, signToken(QStringLiteral("1"), 600), QStringLiteral("1"));
        return QTest::qWaitFor([&] { return connection.isConnected(); }, 10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        useScratchSettings();
        QVERIFY2(m_server.start(), qPrintable(m_server.node().errorString()));
        m_proxy = std::make_unique<NodeServer>(
            QStringLiteral("tests/socketio/integration/no-websocket-proxy.js"));
        m_proxy->setEnvironmentValue(
            QStringLiteral("TARGET_PORT"), QString::number(m_server.node().port()));
        QVERIFY2(m_proxy->start(), qPrintable(m_proxy->errorString()));
    }

    void fallsBackAndRemembers()
    {
        const QUrl viaProxy = m_proxy->httpUrl();
        {
            auto first = connection();
            QSignalSpy transport(first.get(), &ChatConnection::transportChanged);
            QVERIFY(connectTo(*first, viaProxy));
            QCOMPARE(first->transport(), ChatConnection::Polling);
            QVERIFY(transport.count() >= 1);
            QCOMPARE(proxyStats().value(QStringLiteral("webSocketsRefused")).toInt(), 1);
            first->close();
            QCOMPARE(first->transport(), ChatConnection::NoTransport);
        }

        // The next start (a new connection object, as after a restart) begins with polling: no
        // WebSocket refused first, only the upgrade probe.
        auto second = connection();
        QVERIFY(connectTo(*second, viaProxy));
        QCOMPARE(second->transport(), ChatConnection::Polling);
        QTRY_COMPARE_WITH_TIMEOUT(
            proxyStats().value(QStringLiteral("probesRefused")).toInt(), 2, 5000);
        QCOMPARE(proxyStats().value(QStringLiteral("webSocketsRefused")).toInt(), 1);

        // The same backend reached directly is another server: WebSocket, remembered as such.
        auto direct = connection();
        QVERIFY(connectTo(*direct, m_server.url()));
        QCOMPARE(direct->transport(), ChatConnection::WebSocket);
    }

    void pollingUpgradesWhenTheNetworkAllows()
    {
        // Remembered polling for a server that does accept WebSocket (the laptop changed
        // networks): the connection starts with polling, upgrades, and remembers WebSocket.
        const QUrl server = m_server.url();
        {
            auto direct = connection();
            QVERIFY(connectTo(*direct, server));
        }
        QSettings settings;
        const QStringList keys = settings.allKeys().filter(QStringLiteral("/transport"));
        QString key;
        for (const QString &candidate : keys) {
            if (candidate.contains(QString::number(server.port()))
                && !candidate.contains(QString::number(m_proxy->port())))
                key = candidate;
        }
        QVERIFY2(!key.isEmpty(), qPrintable(keys.join(u' ')));
        QCOMPARE(settings.value(key).toString(), QStringLiteral("websocket"));
        settings.setValue(key, QStringLiteral("polling"));
        settings.sync();

        auto restarted = connection();
        QList<ChatConnection::Transport> seen;
        connect(restarted.get(), &ChatConnection::transportChanged, this,
            [&] { seen.append(restarted->transport()); });
        QVERIFY(connectTo(*restarted, server));
        QTRY_COMPARE_WITH_TIMEOUT(restarted->transport(), ChatConnection::WebSocket, 5000);
        QCOMPARE(seen.first(), ChatConnection::Polling);
        QCOMPARE(QSettings().value(key).toString(), QStringLiteral("websocket"));
    }
};

QTEST_GUILESS_MAIN(TestChatTransport)
#include "tst_chattransport.moc"
