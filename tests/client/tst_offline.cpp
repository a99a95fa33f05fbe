// The offline store with the real reference backend: a start with the server down shows the
// rooms and messages kept from before; a restart catches up each missed message once; a message
// typed while the server is down is sent at the next start, once; signing out deletes the store.
#include "api/restclient.h"
#include "auth/session.h"
#include "chat/conversationmanager.h"
#include "clienttestsupport.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;

namespace {

int countText(MessageListModel *model, const QString &text)
{
    int count = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row).data(MessageListModel::TextRole).toString() == text)
            ++count;
    }
    return count;
}

} // namespace

class TestOffline : public QObject
{
    Q_OBJECT

    ReferenceServer m_server;
    QTemporaryDir m_stores;

    std::unique_ptr<ConversationManager> client(const QString &userId, bool withStore = true)
    {
        auto manager = std::make_unique<ConversationManager>(nullptr);
        SocketIo::ManagerOptions options;
        options.reconnectionDelay = 100ms;
        options.reconnectionDelayMax = 400ms;
        manager->setManagerOptions(options);
        if (withStore)
            manager->setOfflineStore(true, m_stores.path());
        manager->connectWithToken(m_server.url(), signToken(userId, 3600));
        return manager;
    }

    Conversation *openLoaded(ConversationManager &manager, const QString &roomId)
    {
        Conversation *room = manager.conversation(ConversationKey::room(roomId), true);
        manager.open(room);
        if (room->messages()->rowCount() == 0)
            room->messages()->fetchMore({});
        if (!QTest::qWaitFor([room] { return room->messages()->rowCount() > 0; }, 10000))
            return nullptr;
        return room;
    }

    int serverCount(const QString &roomId, const QString &text)
    {
        const QString token = signToken(QStringLiteral("1"), 3600);
        RestClient rest;
        rest.setBaseUrl(m_server.url());
        rest.setToken(token);
        int count = -1;
        rest.fetchRoomMessages(roomId, {}, {}, 100, &rest,
            [&count, &text](const RestError &error, const QVariant &body) {
                if (!error.ok())
                    return;
                count = 0;
                for (const QVariant &each : body.toList())
                    count += each.toMap().value(QStringLiteral("text")).toString() == text;
            });
        (void)QTest::qWaitFor([&count] { return count >= 0; }, 5000);
        return count;
    }

private Q_SLOTS:
    void initTestCase()
    {
        useScratchSettings();
        QVERIFY(m_stores.isValid());
        QVERIFY(m_server.start());
    }

    void startWithTheServerDownShowsWhatWasKept()
    {
        QStringList roomNames;
        int shown = 0;
        const QString mine = QStringLiteral("kept on this computer");
        {
            auto ada = client(QStringLiteral("1"));
            QTRY_VERIFY_WITH_TIMEOUT(ada->synced(), 10000);
            Conversation *room = openLoaded(*ada, QStringLiteral("1"));
            QVERIFY(room);
            room->send(mine);
            QTRY_COMPARE_WITH_TIMEOUT(ada->pendingCount(), 0, 5000);
            room->setDraft(QStringLiteral("half a thought"));
            shown = room->messages()->rowCount();
            for (int row = 0; row < ada->rooms()->count(); ++row)
                roomNames << ada->rooms()->get(row)->name();
        }
        m_server.node().kill();

        auto ada = client(QStringLiteral("1"));
        // Before any answer (there will be none): the lists come from the store.
        QStringList restored;
        for (int row = 0; row < ada->rooms()->count(); ++row)
            restored << ada->rooms()->get(row)->name();
        QCOMPARE(restored, roomNames);
        Conversation *room = ada->find(ConversationKey::room(QStringLiteral("1")));
        QVERIFY(room);
        QCOMPARE(room->draft(), QStringLiteral("half a thought"));
        QVERIFY(room->isMember());
        ada->open(room);
        room->messages()->fetchMore({});
        // Read from disk at once, no server needed, and it scrolls back as far as it was read.
        QVERIFY(room->messages()->rowCount() > 0);
        while (room->messages()->canFetchMore({}) && room->messages()->rowCount() < shown)
            room->messages()->fetchMore({});
        QVERIFY(room->messages()->rowCount() >= shown);
        QCOMPARE(countText(room->messages(), mine), 1);
        QVERIFY(ada->connection()->state() != ChatConnection::Connected);
        ada.reset();
        QVERIFY(m_server.start());
    }

    void restartCatchesUpEachMissedMessageOnce()
    {
        {
            auto ada = client(QStringLiteral("1"));
            QTRY_VERIFY_WITH_TIMEOUT(ada->synced(), 10000);
            QVERIFY(openLoaded(*ada, QStringLiteral("2")));
        }
        // Ada is away; Alan writes.
        QStringList missed;
        {
            auto alan = client(QStringLiteral("2"), false);
            QTRY_VERIFY_WITH_TIMEOUT(alan->synced(), 10000);
            Conversation *room =
                alan->conversation(ConversationKey::room(QStringLiteral("2")), true);
            for (int i = 0; i < 3; ++i) {
                missed << QStringLiteral("while Ada was away %1").arg(i);
                room->send(missed.last());
            }
            QTRY_COMPARE_WITH_TIMEOUT(alan->pendingCount(), 0, 5000);
        }
        for (int run = 0; run < 2; ++run) {
            auto ada = client(QStringLiteral("1"));
            QSignalSpy merged(ada.get(), &ConversationManager::missedMessagesMerged);
            Conversation *room = openLoaded(*ada, QStringLiteral("2"));
            QVERIFY(room);
            QTRY_VERIFY_WITH_TIMEOUT(std::any_of(merged.begin(), merged.end(),
                                         [](const QList<QVariant> &args) {
                                             // The room, not the DM with user 2.
                                             return args.at(0).value<ConversationKey>()
                                                 == ConversationKey::room(QStringLiteral("2"));
                                         }),
                10000);
            QCoreApplication::processEvents();
            for (const QString &text : std::as_const(missed))
                QCOMPARE(countText(room->messages(), text), 1);
            ada->flushStore();
            const auto kept = ada->store()->olderMessages(
                ConversationKey::room(QStringLiteral("2")), 0, 10, true);
            QVERIFY(kept.messages.size() >= 3);
            QCOMPARE(kept.messages.front().text, missed.last());
        }
    }

    void messageTypedWhileDownIsSentAtNextStartOnce()
    {
        const QString text = QStringLiteral("typed while the server was down");
        m_server.node().kill();
        {
            auto ada = client(QStringLiteral("1"));
            Conversation *room = ada->find(ConversationKey::room(QStringLiteral("1")));
            QVERIFY(room);
            room->send(text);
            QCOMPARE(ada->pendingCount(), 1);
            QCOMPARE(ada->pendingOnQuitText(),
                QStringLiteral("1 message(s) will be sent when you next open StudyConnect."));
        }
        QVERIFY(m_server.start());
        for (int run = 0; run < 2; ++run) {
            auto ada = client(QStringLiteral("1"));
            Conversation *room = ada->find(ConversationKey::room(QStringLiteral("1")));
            QVERIFY(room);
            if (run == 0)
                QCOMPARE(ada->pendingCount(), 1); // shown as pending from the first moment
            QTRY_COMPARE_WITH_TIMEOUT(ada->pendingCount(), 0, 10000);
            QTRY_COMPARE_WITH_TIMEOUT(serverCount(QStringLiteral("1"), text), 1, 5000);
        }
    }

    void signingOutDeletesTheStore()
    {
        Session session(nullptr);
        session.setKeychainEnabled(false);
        ConversationManager manager(nullptr);
        manager.setOfflineStore(true, m_stores.path());
        manager.attachSession(&session);
        session.useToken(m_server.url(), signToken(QStringLiteral("3"), 3600));
        QTRY_VERIFY_WITH_TIMEOUT(manager.synced(), 10000);
        const QString path = manager.store()->path();
        QVERIFY(QFile::exists(path));
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
            | QFileDevice::ReadOther | QFileDevice::WriteOther;
        QVERIFY(!(QFile::permissions(path) & others)); // nobody else reads it (0600)
        session.signOut();
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        QVERIFY(manager.notice().contains(QStringLiteral("deleted")));
        QCOMPARE(manager.rooms()->count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestOffline)
#include "tst_offline.moc"
