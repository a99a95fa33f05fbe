// The whole client flow against a server that behaves like the seed's backend exactly as written
// (tests/client/fixtures/seed-server.js): no acks, no clientId echo, no REST routes.
#include "chat/conversationmanager.h"
#include "chat/socketservice.h"
#include "clienttestsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;

namespace {

int countText(const QAbstractItemModel *model, const QString &text)
{
    int count = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        count += model->index(row, 0).data(MessageListModel::TextRole).toString() == text ? 1 : 0;
    return count;
}

int rowOfText(const QAbstractItemModel *model, const QString &text)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(MessageListModel::TextRole).toString() == text)
            return row;
    }
    return -1;
}

} // namespace

class TestSeedCompat : public QObject
{
    Q_OBJECT

    NodeServer m_server { QStringLiteral("tests/client/fixtures/seed-server.js") };
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;

    QTemporaryDir m_stores;

    std::unique_ptr<SocketService> client(const QString &userId)
    {
        auto service = std::make_unique<SocketService>(nullptr);
        SocketIo::ManagerOptions options;
        options.reconnectionDelay = 100ms;
        options.reconnectionDelayMax = 400ms;
        service->manager()->setManagerOptions(options);
        // Short, so a missing ack (always, here) is seen to change nothing.
        service->manager()->setAckTimeout(300ms);
        // Rooms joined on a seed backend are remembered in the offline store (the seed has no
        // room list to ask).
        service->manager()->setOfflineStore(true, m_stores.path());
        service->setServerUrl(m_server.httpUrl());
        service->init(signToken(userId, 3600));
        return service;
    }

    void watch(QAbstractItemModel *model)
    {
        m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
            model, QAbstractItemModelTester::FailureReportingMode::QtTest));
    }

private Q_SLOTS:
    void initTestCase()
    {
        useScratchSettings();
        m_server.setEnvironmentValue(
            QStringLiteral("JWT_SECRET"), QString::fromLatin1(ReferenceServer::secret()));
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    }

    void cleanup() { m_testers.clear(); }

    void wholeFlow()
    {
        auto ada = client(QStringLiteral("1"));
        auto alan = client(QStringLiteral("2"));
        QSignalSpy adaFailed(ada->manager(), &ConversationManager::messageFailed);
        QSignalSpy alanJoined(alan->manager(), &ConversationManager::roomJoinConfirmed);
        QSignalSpy adaJoined(ada->manager(), &ConversationManager::roomJoinConfirmed);
        ada->joinRoom(1);
        alan->joinRoom(QStringLiteral("1"));
        MessageListModel *adaRoom = ada->roomMessages(1);
        MessageListModel *alanRoom = alan->roomMessages(1);
        watch(adaRoom);
        watch(alanRoom);
        watch(ada->manager()->rooms());
        watch(alan->manager()->people());
        watch(ada->manager()->directConversations());
        watch(alan->manager()->directConversations());
        QVERIFY(QTest::qWaitFor([&] { return ada->isConnected() && alan->isConnected(); }, 10000));
        // No acks: a join counts as done when it was not refused within the ack timeout.
        QTRY_COMPARE_WITH_TIMEOUT(alanJoined.count(), 1, 6000);
        QTRY_COMPARE_WITH_TIMEOUT(adaJoined.count(), 1, 6000);

        // No REST: rooms are known by id, there is no history, and nothing breaks.
        QTRY_COMPARE_WITH_TIMEOUT(ada->manager()->roomListAvailable(), false, 5000);
        QCOMPARE(ada->manager()->rooms()->get(0)->id(), QStringLiteral("1"));
        QVERIFY(ada->manager()->rooms()->get(0)->isMember());
        QTRY_VERIFY(adaRoom->historyComplete());
        QVERIFY(!adaRoom->canFetchMore({}));

        // Room messages: confirmed by the echo (no clientId), twice the same text in order.
        QSignalSpy confirmed(ada->manager(), &ConversationManager::messageConfirmed);
        const QString text = QStringLiteral("hello seed");
        const QString first = ada->sendMessage(1, text);
        const QString second = ada->sendMessage(QStringLiteral("1"), text);
        QTRY_COMPARE_WITH_TIMEOUT(confirmed.count(), 2, 5000);
        QCOMPARE(confirmed.at(0).at(0).toString(), first);
        QCOMPARE(confirmed.at(1).at(0).toString(), second);
        QCOMPARE(ada->manager()->pendingCount(), 0);
        QTRY_COMPARE(countText(adaRoom, text), 2);
        QTRY_COMPARE_WITH_TIMEOUT(countText(alanRoom, text), 2, 5000);
        const int row = rowOfText(adaRoom, text);
        QCOMPARE(adaRoom->index(row).data(MessageListModel::DeliveryStateRole).toInt(),
            int(MessageListModel::Sent));
        QVERIFY(!adaRoom->index(row).data(MessageListModel::IdRole).toString().isEmpty());
        QCOMPARE(adaRoom->index(row).data(MessageListModel::IsMineRole).toBool(), true);
        QCOMPARE(alanRoom->index(rowOfText(alanRoom, text))
                     .data(MessageListModel::SenderNameRole)
                     .toString(),
            QStringLiteral("Ada Lovelace"));

        // Direct messages: the seed echoes to the sender with recipientId.
        const QString dm = QStringLiteral("psst, alan");
        ada->sendDirectMessage(2, dm);
        QTRY_COMPARE_WITH_TIMEOUT(confirmed.count(), 3, 5000);
        const auto direct = [](SocketService *service, const QString &peer) {
            return service->manager()->find(ConversationKey::directWith(peer));
        };
        QTRY_VERIFY_WITH_TIMEOUT(direct(alan.get(), QStringLiteral("1")), 5000);
        QTRY_COMPARE(direct(alan.get(), QStringLiteral("1"))->lastMessageText(), dm);
        QCOMPARE(direct(ada.get(), QStringLiteral("2"))->lastMessageText(), dm);
        QCOMPARE(countText(alan->directMessages(1), dm), 1);
        QCOMPARE(countText(ada->directMessages(2), dm), 1);

        // Joined / left notices.
        auto grace = client(QStringLiteral("3"));
        grace->joinRoom(1);
        // Presence: the seed broadcasts online to the others on connect (no REST list here).
        QTRY_COMPARE_WITH_TIMEOUT(alan->manager()->people()->statusOf(QStringLiteral("3")),
            QStringLiteral("online"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(
            countText(adaRoom, QStringLiteral("Grace Hopper joined")), 1, 5000);
        grace->leaveRoom(1);
        QTRY_COMPARE_WITH_TIMEOUT(countText(adaRoom, QStringLiteral("Grace Hopper left")), 1, 5000);
        grace.reset();
        QTRY_COMPARE_WITH_TIMEOUT(ada->manager()->people()->statusOf(QStringLiteral("3")),
            QStringLiteral("offline"), 5000);

        // Sent while the server is down: delivered once it is back, re-joined first.
        m_server.kill();
        QTRY_COMPARE_WITH_TIMEOUT(ada->connection()->state(), ChatConnection::Reconnecting, 5000);
        const QString offline = QStringLiteral("typed during the outage");
        ada->sendMessage(1, offline);
        QCOMPARE(adaRoom->index(rowOfText(adaRoom, offline))
                     .data(MessageListModel::DeliveryStateRole)
                     .toInt(),
            int(MessageListModel::Pending));
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        // Confirmed by its echo: the restarted server broadcast it to the room Ada re-joined.
        // (Alan may reconnect after that broadcast, and the seed has no history to catch up from.)
        QTRY_COMPARE_WITH_TIMEOUT(ada->manager()->pendingCount(), 0, 15000);
        QTRY_COMPARE(countText(adaRoom, offline), 1);
        QTRY_VERIFY_WITH_TIMEOUT(alan->isConnected(), 10000);

        // Ada's own connection drops while Alan stays: her message reaches him once she is back.
        QSignalSpy alanRejoined(alan->manager(), &ConversationManager::roomJoinConfirmed);
        if (alanRejoined.isEmpty())
            QTRY_VERIFY_WITH_TIMEOUT(alanRejoined.count() >= 1, 6000);
        ada->disconnect();
        const QString away = QStringLiteral("typed while my Wi-Fi was down");
        ada->sendMessage(1, away);
        QCOMPARE(ada->manager()->pendingCount(), 1);
        ada->manager()->retryConnectionNow();
        QTRY_COMPARE_WITH_TIMEOUT(ada->manager()->pendingCount(), 0, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(countText(alanRoom, away), 1, 5000);
        QCOMPARE(countText(adaRoom, away), 1);

        // Never Failed against a server that does not ack.
        QCOMPARE(adaFailed.count(), 0);

        // The seed has no room list: the rooms joined are remembered, and joined again at the
        // next start without being asked, so their messages arrive from the first second.
        ada.reset();
        auto adaAgain = client(QStringLiteral("1"));
        QSignalSpy rejoined(adaAgain->manager(), &ConversationManager::roomJoinConfirmed);
        QTRY_VERIFY_WITH_TIMEOUT(rejoined.count() >= 1, 6000);
        QCOMPARE(rejoined.at(0).at(0).toString(), QStringLiteral("1"));
        const QString fresh = QStringLiteral("for whoever is in room 1");
        alan->sendMessage(1, fresh);
        QTRY_COMPARE_WITH_TIMEOUT(countText(adaAgain->roomMessages(1), fresh), 1, 5000);
        QCOMPARE(
            adaAgain->manager()->find(ConversationKey::room(QStringLiteral("1")))->unreadCount(),
            1);
        // Left is left, also after a restart.
        adaAgain->leaveRoom(1);
        adaAgain.reset();
        auto adaThird = client(QStringLiteral("1"));
        QVERIFY(QTest::qWaitFor([&] { return adaThird->isConnected(); }, 10000));
        QTest::qWait(500);
        QVERIFY(!adaThird->isJoined(QStringLiteral("1")));
    }

    void refusedTokenEndsInAuthFailed()
    {
        SocketService service(nullptr);
        service.setServerUrl(m_server.httpUrl());
        QSignalSpy refused(service.connection(), &ChatConnection::authenticationFailed);
        service.init(signToken(QStringLiteral("1"), -5));
        QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, 5000);
        QCOMPARE(service.connection()->state(), ChatConnection::AuthFailed);
        QCOMPARE(service.connection()->errorString(),
            QStringLiteral("Authentication error: jwt expired"));
    }
};

QTEST_GUILESS_MAIN(TestSeedCompat)
#include "tst_seedcompat.moc"
