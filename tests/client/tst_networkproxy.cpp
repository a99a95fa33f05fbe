// The desktop's network settings carry every kind of traffic through the proxy they name: the
// REST sign-in, the WebSocket (HTTP CONNECT) and long-polling, with the proxy's user and
// password. The server answers only under a name that only the proxy resolves
// (tests/common/forward-proxy.js), so whatever gets through went through the proxy.
#include "auth/session.h"
#include "chat/conversationmanager.h"
#include "clienttestsupport.h"
#include "desktop/networksettings.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

class TestNetworkProxy : public QObject
{
    Q_OBJECT

    ReferenceServer m_server;
    std::unique_ptr<NodeServer> m_proxy;

    QJsonObject stats() const
    {
        QProcess node; // asked directly, not through the proxy the process now uses
        node.start(QStringLiteral("node"),
            { QStringLiteral("-e"),
                QStringLiteral("require('http').get('http://127.0.0.1:%1/__stats', (r) => "
                               "r.pipe(process.stdout))")
                    .arg(m_proxy->port()) });
        node.waitForFinished(10000);
        return QJsonDocument::fromJson(node.readAllStandardOutput()).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        useScratchSettings();
        for (const char *name : { "http_proxy", "https_proxy", "all_proxy", "no_proxy",
                 "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY" })
            qunsetenv(name);
        QVERIFY2(m_server.start(), qPrintable(m_server.node().errorString()));
        m_proxy = std::make_unique<NodeServer>(QStringLiteral("tests/common/forward-proxy.js"));
        m_proxy->setEnvironmentValue(
            QStringLiteral("LOCAL_NAME"), QStringLiteral("studyconnect.test"));
        m_proxy->setEnvironmentValue(
            QStringLiteral("PROXY_AUTH"), QStringLiteral("student:s3cret-proxy-pw"));
        QVERIFY2(m_proxy->start(), qPrintable(m_proxy->errorString()));
    }

    void restWebSocketAndPollingGoThroughTheProxy()
    {
        NetworkSettings settings(nullptr);
        QVERIFY(settings.apply(NetworkSettings::Automatic, NetworkSettings::HttpProxy,
            QStringLiteral("127.0.0.1"), m_proxy->port(), QStringLiteral("student"),
            QStringLiteral("s3cret-proxy-pw")));

        Session *session = Session::globalInstance();
        session->setKeychainEnabled(false);
        ConversationManager *manager = ConversationManager::globalInstance();
        ChatConnection *connection = manager->connection();
        const QUrl viaProxy(
            QStringLiteral("http://studyconnect.test:%1").arg(m_server.node().port()));
        session->signIn(
            viaProxy, QStringLiteral("ada@studyconnect.test"), QStringLiteral("studyconnect"));
        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), ChatConnection::Connected, 20000);
        QCOMPARE(connection->transport(), ChatConnection::WebSocket);
        QJsonObject counted = stats();
        QVERIFY(counted.value(QStringLiteral("rest")).toInt() >= 1);
        QVERIFY(counted.value(QStringLiteral("connects")).toInt() >= 1);
        QCOMPARE(counted.value(QStringLiteral("socketIo")).toInt(), 0);

        // Long-polling only, under test (not saved): the connection starts over through the
        // proxy's plain HTTP forwarding.
        QVERIFY(settings.test(NetworkSettings::LongPollingOnly, NetworkSettings::HttpProxy,
            QStringLiteral("127.0.0.1"), m_proxy->port(), QStringLiteral("student"), {}));
        QTRY_COMPARE_WITH_TIMEOUT(connection->transport(), ChatConnection::Polling, 20000);
        // The transport is known before the namespace has connected.
        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), ChatConnection::Connected, 10000);
        counted = stats();
        QVERIFY(counted.value(QStringLiteral("socketIo")).toInt() >= 2);

        // A wrong password is refused by the proxy: no connection.
        const int refusedBefore = counted.value(QStringLiteral("refused")).toInt();
        QVERIFY(settings.test(NetworkSettings::LongPollingOnly, NetworkSettings::HttpProxy,
            QStringLiteral("127.0.0.1"), m_proxy->port(), QStringLiteral("student"),
            QStringLiteral("wrong")));
        QTRY_VERIFY_WITH_TIMEOUT(
            stats().value(QStringLiteral("refused")).toInt() > refusedBefore, 20000);
        QVERIFY(connection->state() != ChatConnection::Connected);

        // Cancelled: back to the saved settings, connected over WebSocket again.
        settings.revert();
        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), ChatConnection::Connected, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(connection->transport(), ChatConnection::WebSocket, 10000);
        session->signOut();
    }
};

QTEST_GUILESS_MAIN(TestNetworkProxy)
#include "tst_networkproxy.moc"
