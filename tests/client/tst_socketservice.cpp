// SocketService and its models against the reference backend (server/src/index.js).
#include "auth/session.h"
#include "chat/conversationmanager.h"
#include "chat/socketservice.h"
#include "clienttestsupport.h"

#include <QAbstractItemModelTester>
#include <QJSEngine>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace std::chrono_literals;

namespace {

QString uniqueText(const QString &prefix)
{
    return prefix + u' ' + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

/// Rows whose text is `text`.
QList<int> rowsWithText(const QAbstractItemModel *model, const QString &text)
{
    QList<int> rows;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(MessageListModel::TextRole).toString() == text)
            rows.append(row);
    }
    return rows;
}

QVariant roleAt(const QAbstractItemModel *model, int row, int role)
{
    return model->index(row, 0).data(role);
}

int rowOf(const QAbstractItemModel *model, int role, const QString &value)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(role).toString() == value)
            return row;
    }
    return -1;
}

} // namespace

class TestSocketService : public QObject
{
    Q_OBJECT

    ReferenceServer m_server;

    std::unique_ptr<SocketService> client(const QString &userId)
    {
        auto service = std::make_unique<SocketService>(nullptr);
        SocketIo::ManagerOptions options;
        options.reconnectionDelay = 100ms;
        options.reconnectionDelayMax = 400ms;
        service->manager()->setManagerOptions(options);
        service->setServerUrl(m_server.url());
        service->init(signToken(userId, 3600));
        return service;
    }

    /// The spy caught a signal whose first argument is `value` (every member room is joined on
    /// connect, so a room's join is one of several).
    static bool signalled(const QSignalSpy &spy, const QString &value)
    {
        return std::any_of(spy.begin(), spy.end(), [&value](const QList<QVariant> &arguments) {
            return arguments.value(0).toString() == value;
        });
    }

    static bool connected(SocketService *service)
    {
        return QTest::qWaitFor([service] { return service->isConnected(); }, 10000);
    }

    static std::unique_ptr<QAbstractItemModelTester> tester(QAbstractItemModel *model)
    {
        return std::make_unique<QAbstractItemModelTester>(
            model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    /// GET /api/rooms/:id/messages?limit=100 texts, newest first.
    QStringList serverTexts(const QString &roomId)
    {
        QNetworkAccessManager network;
        QUrl url = m_server.url();
        url.setPath(QStringLiteral("/api/rooms/%1/messages").arg(roomId));
        url.setQuery(QStringLiteral("limit=100"));
        QNetworkRequest request(url);
        request.setRawHeader(
            "Authorization", "Bearer " + signToken(QStringLiteral("1"), 600).toUtf8());
        QNetworkReply *reply = network.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(10000);
        reply->deleteLater();
        QStringList texts;
        const QJsonArray array = QJsonDocument::fromJson(reply->readAll()).array();
        for (const QJsonValue &value : array)
            texts.append(value.toObject().value(QStringLiteral("text")).toString());
        return texts;
    }

private Q_SLOTS:
    void initTestCase()
    {
        useScratchSettings();
        QVERIFY2(m_server.start(), qPrintable(m_server.node().errorString()));
    }

    void roomMessageReachesAnotherClient()
    {
        auto ada = client(QStringLiteral("1"));
        auto alan = client(QStringLiteral("2"));
        ada->joinRoom(1); // ids as numbers and as strings are the same room
        alan->joinRoom(QStringLiteral("1"));
        MessageListModel *adaRoom = ada->roomMessages(QStringLiteral("1"));
        MessageListModel *alanRoom = alan->roomMessages(1);
        auto adaTester = tester(adaRoom);
        auto alanTester = tester(alanRoom);
        QSignalSpy joined(alan->manager(), &ConversationManager::roomJoinConfirmed);
        QVERIFY(connected(ada.get()));
        QVERIFY(connected(alan.get()));
        QTRY_VERIFY_WITH_TIMEOUT(signalled(joined, QStringLiteral("1")), 5000);

        const QString text = uniqueText(QStringLiteral("hello room"));
        QSignalSpy confirmed(ada->manager(), &ConversationManager::messageConfirmed);
        const QString clientId = ada->sendMessage(1, text);
        QVERIFY(!clientId.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(rowsWithText(alanRoom, text).size(), 1, 5000);
        const int row = rowsWithText(alanRoom, text).constFirst();
        QCOMPARE(roleAt(alanRoom, row, MessageListModel::SenderNameRole).toString(),
            QStringLiteral("Ada Lovelace"));
        QCOMPARE(
            roleAt(alanRoom, row, MessageListModel::SenderIdRole).toString(), QStringLiteral("1"));
        QCOMPARE(roleAt(alanRoom, row, MessageListModel::IsMineRole).toBool(), false);
        QCOMPARE(roleAt(alanRoom, row, MessageListModel::ClientIdRole).toString(), clientId);
        QCOMPARE(roleAt(alanRoom, row, MessageListModel::DeliveryStateRole).toInt(),
            int(MessageListModel::Sent));
        QVERIFY(!roleAt(alanRoom, row, MessageListModel::IdRole).toString().isEmpty());

        QTRY_COMPARE_WITH_TIMEOUT(confirmed.count(), 1, 5000);
        QCOMPARE(confirmed.at(0).at(0).toString(), clientId);
        QTRY_COMPARE(rowsWithText(adaRoom, text).size(), 1);
        const int mine = rowsWithText(adaRoom, text).constFirst();
        QCOMPARE(roleAt(adaRoom, mine, MessageListModel::IsMineRole).toBool(), true);
        QCOMPARE(roleAt(adaRoom, mine, MessageListModel::DeliveryStateRole).toInt(),
            int(MessageListModel::Sent));
        QCOMPARE(ada->manager()->pendingCount(), 0);
        // The room list follows: Alan has one unread message from Ada in room 1.
        Conversation *alanRoom1 = alan->manager()->find(ConversationKey::room(QStringLiteral("1")));
        QVERIFY(alanRoom1);
        QVERIFY(alan->manager()->rooms()->contains(alanRoom1));
        QCOMPARE(alanRoom1->lastMessageText(), text);
        QVERIFY(alanRoom1->unreadCount() >= 1);
        QTRY_COMPARE(alanRoom1->name(), QStringLiteral("Calculus I"));
    }

    void typingNoticesReachTheOthers()
    {
        auto ada = client(QStringLiteral("1"));
        auto alan = client(QStringLiteral("2"));
        ada->joinRoom(2);
        alan->joinRoom(2);
        QSignalSpy joined(alan->manager(), &ConversationManager::roomJoinConfirmed);
        QVERIFY(connected(ada.get()));
        QVERIFY(connected(alan.get()));
        QTRY_VERIFY_WITH_TIMEOUT(signalled(joined, QStringLiteral("2")), 5000);

        // C++ listeners read the event in place; keep the Qt form to look at it afterwards.
        QVariantList updates;
        alan->on(QStringLiteral("typing:update"),
            [&updates](const SocketIo::JsonValue &data) { updates.append(data.toVariant()); });
        // Give Ada's join the same head start before she types.
        QTest::qWait(300);
        Conversation *adaRoom2 = ada->manager()->find(ConversationKey::room(QStringLiteral("2")));
        Conversation *alanRoom2 = alan->manager()->find(ConversationKey::room(QStringLiteral("2")));
        adaRoom2->setDraft(QStringLiteral("Is the ans"));
        QTRY_COMPARE_WITH_TIMEOUT(updates.size(), 1, 5000);
        // The conversation object says who is typing; no JS or payload parsing on the way.
        QTRY_COMPARE(alanRoom2->typingText(), QStringLiteral("Ada Lovelace is typing…"));
        QVariantMap update = updates.at(0).toMap();
        QCOMPARE(update.value(QStringLiteral("roomId")).toString(), QStringLiteral("2"));
        QCOMPARE(update.value(QStringLiteral("typing")).toBool(), true);
        QCOMPARE(update.value(QStringLiteral("userId")).toString(), QStringLiteral("1"));

        // A DM notice to Alan (user 2), then the room notice stops with the draft cleared.
        ada->manager()
            ->conversation(ConversationKey::directWith(QStringLiteral("2")))
            ->setDraft(QStringLiteral("psst"));
        adaRoom2->setDraft(QString());
        QTRY_COMPARE_WITH_TIMEOUT(updates.size(), 3, 5000);
        QTRY_COMPARE(alanRoom2->typingText(), QString());
        QTRY_COMPARE(
            alan->manager()->find(ConversationKey::directWith(QStringLiteral("1")))->typingText(),
            QStringLiteral("Ada Lovelace is typing…"));
        bool sawDm = false, sawStop = false;
        for (const QVariant &value : std::as_const(updates)) {
            const QVariantMap map = value.toMap();
            sawDm |= map.contains(QStringLiteral("recipientId"));
            sawStop |= map.contains(QStringLiteral("roomId"))
                && !map.value(QStringLiteral("typing")).toBool();
        }
        QVERIFY(sawDm);
        QVERIFY(sawStop);
    }

    void directMessageShowsInBothConversationLists()
    {
        auto ada = client(QStringLiteral("1"));
        auto alan = client(QStringLiteral("2"));
        auto adaTester = tester(ada->manager()->directConversations());
        auto alanTester = tester(alan->manager()->directConversations());
        QVERIFY(connected(ada.get()));
        QVERIFY(connected(alan.get()));
        const QString text = uniqueText(QStringLiteral("hello alan"));
        const QString clientId = ada->sendDirectMessage(2, text);
        QSignalSpy confirmed(ada->manager(), &ConversationManager::messageConfirmed);

        const auto atAlan = [&alan] {
            return alan->manager()->find(ConversationKey::directWith(QStringLiteral("1")));
        };
        QTRY_VERIFY_WITH_TIMEOUT(atAlan() && atAlan()->lastMessageText() == text, 5000);
        QCOMPARE(atAlan()->name(), QStringLiteral("Ada Lovelace"));
        QVERIFY(atAlan()->unreadCount() >= 1);
        QCOMPARE(alan->manager()->directConversations()->indexOf(atAlan()), 0); // most recent first

        QTRY_COMPARE_WITH_TIMEOUT(confirmed.count(), 1, 5000);
        Conversation *atAda =
            ada->manager()->find(ConversationKey::directWith(QStringLiteral("2")));
        QVERIFY(ada->manager()->directConversations()->contains(atAda));
        QCOMPARE(atAda->lastMessageText(), text);
        QCOMPARE(atAda->unreadCount(), 0);

        MessageListModel *alanDm = alan->directMessages(1);
        MessageListModel *adaDm = ada->directMessages(QStringLiteral("2"));
        auto alanDmTester = tester(alanDm);
        auto adaDmTester = tester(adaDm);
        QTRY_COMPARE(rowsWithText(alanDm, text).size(), 1);
        QTRY_COMPARE(rowsWithText(adaDm, text).size(), 1);
        QCOMPARE(
            roleAt(adaDm, rowsWithText(adaDm, text).constFirst(), MessageListModel::ClientIdRole)
                .toString(),
            clientId);
        QVERIFY(adaDm->isDirect());
    }

    void presenceGoesOnlineAndOffline()
    {
        auto ada = client(QStringLiteral("1"));
        auto presenceTester = tester(ada->manager()->people());
        QVERIFY(connected(ada.get()));
        QTRY_VERIFY_WITH_TIMEOUT(ada->manager()->people()->count() >= 4, 5000);
        QSignalSpy status(ada->manager()->people(), &PresenceModel::statusChanged);

        auto linus = client(QStringLiteral("4"));
        QVERIFY(connected(linus.get()));
        QTRY_COMPARE_WITH_TIMEOUT(ada->manager()->people()->statusOf(QStringLiteral("4")),
            QStringLiteral("online"), 5000);
        // Online users come first.
        const int linusRow = ada->manager()->people()->indexOf(QStringLiteral("4"));
        for (int row = 0; row < linusRow; ++row)
            QCOMPARE(
                ada->manager()->people()->get(row).value(QStringLiteral("online")).toBool(), true);
        QCOMPARE(ada->manager()->people()->get(linusRow).value(QStringLiteral("name")).toString(),
            QStringLiteral("Linus Torvalds"));

        linus->disconnect();
        QTRY_COMPARE_WITH_TIMEOUT(ada->manager()->people()->statusOf(QStringLiteral("4")),
            QStringLiteral("offline"), 5000);
        QVERIFY(status.count() >= 2);
    }

    void joinedAndLeftNotices()
    {
        auto ada = client(QStringLiteral("1"));
        ada->joinRoom(3);
        MessageListModel *room = ada->roomMessages(3);
        auto roomTester = tester(room);
        QSignalSpy joined(ada->manager(), &ConversationManager::roomJoinConfirmed);
        QVERIFY(connected(ada.get()));
        QTRY_VERIFY_WITH_TIMEOUT(signalled(joined, QStringLiteral("3")), 5000);

        // Grace is not a member of room 3 yet: her join is a new membership.
        QVERIFY(m_server.runSql(
            QStringLiteral("DELETE FROM room_members WHERE room_id = 3 AND user_id = 3")));
        auto grace = client(QStringLiteral("3"));
        QVERIFY(connected(grace.get()));
        QSignalSpy graceJoined(grace->manager(), &ConversationManager::roomJoinConfirmed);
        grace->joinRoom(QStringLiteral("3"));
        QTRY_COMPARE_WITH_TIMEOUT(
            rowsWithText(room, QStringLiteral("Grace Hopper joined")).size(), 1, 5000);
        const int joinedRow =
            rowsWithText(room, QStringLiteral("Grace Hopper joined")).constFirst();
        QCOMPARE(roleAt(room, joinedRow, MessageListModel::KindRole).toInt(),
            int(MessageListModel::JoinedNotice));
        QCOMPARE(roleAt(room, joinedRow, MessageListModel::ShowSenderRole).toBool(), false);

        // Her second device joins her member rooms on connect: presence, not a membership change.
        QTRY_VERIFY_WITH_TIMEOUT(signalled(graceJoined, QStringLiteral("3")), 5000);
        auto graceLaptop = client(QStringLiteral("3"));
        QSignalSpy laptopJoined(graceLaptop->manager(), &ConversationManager::roomJoinConfirmed);
        QTRY_VERIFY_WITH_TIMEOUT(signalled(laptopJoined, QStringLiteral("3")), 5000);
        QVERIFY(graceLaptop->isJoined(QStringLiteral("3")));
        QTest::qWait(500);
        QCOMPARE(rowsWithText(room, QStringLiteral("Grace Hopper joined")).size(), 1);

        grace->leaveRoom(3);
        QTRY_COMPARE_WITH_TIMEOUT(
            rowsWithText(room, QStringLiteral("Grace Hopper left")).size(), 1, 5000);
        const int leftRow = rowsWithText(room, QStringLiteral("Grace Hopper left")).constFirst();
        QCOMPARE(roleAt(room, leftRow, MessageListModel::KindRole).toInt(),
            int(MessageListModel::LeftNotice));
        // Newest first.
        QVERIFY(leftRow < rowsWithText(room, QStringLiteral("Grace Hopper joined")).constFirst());
        // The membership ended on her other device too.
        QTRY_VERIFY_WITH_TIMEOUT(!graceLaptop->isJoined(QStringLiteral("3")), 5000);
    }

    void historyPagesOfFifty()
    {
        // Room 4 gets 60 more messages on top of its demo history, so it needs three pages.
        auto ada = client(QStringLiteral("1"));
        QVERIFY(connected(ada.get()));
        QStringList sent;
        for (int i = 0; i < 60; ++i)
            sent.append(uniqueText(QStringLiteral("history %1").arg(i)));
        for (const QString &text : std::as_const(sent))
            ada->sendMessage(4, text);
        QTRY_COMPARE_WITH_TIMEOUT(ada->manager()->pendingCount(), 0, 10000);

        auto linus = client(QStringLiteral("4"));
        QVERIFY(connected(linus.get()));
        MessageListModel *room = linus->roomMessages(4);
        QSignalSpy pages(room, &MessageListModel::historyPageLoaded);
        QVERIFY(room->canFetchMore({}));
        room->fetchMore({});
        QVERIFY(!room->canFetchMore({})); // false while a page loads
        QVERIFY(room->isLoading());
        QTRY_COMPARE_WITH_TIMEOUT(pages.count(), 1, 5000);
        QCOMPARE(pages.at(0).at(0).toInt(), MessageListModel::kPageSize);
        QCOMPARE(room->rowCount(), 50);
        auto roomTester = tester(room); // it pages on its own too (it calls fetchMore)
        while (room->canFetchMore({}) || room->isLoading()) {
            room->fetchMore({});
            QTRY_VERIFY_WITH_TIMEOUT(!room->isLoading(), 5000);
        }
        QVERIFY(room->historyComplete());
        QVERIFY(pages.count() >= 2);
        QVERIFY(room->rowCount() > 60 + 30);
        // Newest first, each id once, every message we sent there.
        QSet<QString> ids;
        for (int row = 0; row < room->rowCount(); ++row) {
            const QString id = roleAt(room, row, MessageListModel::IdRole).toString();
            QVERIFY(!ids.contains(id));
            ids.insert(id);
            if (row > 0)
                QVERIFY(id.toLongLong()
                    < roleAt(room, row - 1, MessageListModel::IdRole).toString().toLongLong());
        }
        for (const QString &text : std::as_const(sent))
            QCOMPARE(rowsWithText(room, text).size(), 1);
        QCOMPARE(roleAt(room, room->rowCount() - 1, MessageListModel::ShowDateRole).toBool(), true);
        QCOMPARE(
            roleAt(room, room->rowCount() - 1, MessageListModel::ShowSenderRole).toBool(), true);
    }

    void missedMessagesAreMergedAfterReconnect()
    {
        auto ada = client(QStringLiteral("1"));
        auto alan = client(QStringLiteral("2"));
        ada->joinRoom(2);
        alan->joinRoom(2);
        MessageListModel *room = ada->roomMessages(2);
        auto roomTester = tester(room);
        QVERIFY(connected(ada.get()));
        QVERIFY(connected(alan.get()));
        QTRY_VERIFY_WITH_TIMEOUT(room->rowCount() > 0 && !room->isLoading(), 5000);

        ada->disconnect();
        QCOMPARE(ada->connection()->state(), ChatConnection::Disconnected);
        QStringList missed;
        for (int i = 0; i < 3; ++i) {
            missed.append(uniqueText(QStringLiteral("while you were away %1").arg(i)));
            alan->sendMessage(2, missed.constLast());
        }
        QTRY_COMPARE_WITH_TIMEOUT(alan->manager()->pendingCount(), 0, 5000);

        QSignalSpy merged(ada->manager(), &ConversationManager::missedMessagesMerged);
        ada->init(signToken(QStringLiteral("1"), 3600));
        QVERIFY(connected(ada.get()));
        QTRY_VERIFY_WITH_TIMEOUT(merged.count() >= 1, 5000);
        for (const QString &text : std::as_const(missed))
            QTRY_COMPARE(rowsWithText(room, text).size(), 1);
        // In server order: the last one sent is the newest.
        QVERIFY(rowsWithText(room, missed.at(2)).constFirst()
            < rowsWithText(room, missed.at(0)).constFirst());
    }

    void refusedMessageFailsAndRetryWorks()
    {
        auto ada = client(QStringLiteral("1"));
        QVERIFY(connected(ada.get()));
        QSignalSpy failed(ada->manager(), &ConversationManager::messageFailed);
        QSignalSpy confirmed(ada->manager(), &ConversationManager::messageConfirmed);
        const QString text = uniqueText(QStringLiteral("to a newcomer"));
        const QString clientId = ada->sendDirectMessage(999, text);
        MessageListModel *dm = ada->directMessages(999);
        auto dmTester = tester(dm);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 5000);
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("Unknown recipient"));
        const int row = rowOf(dm, MessageListModel::ClientIdRole, clientId);
        QVERIFY(row >= 0);
        QCOMPARE(roleAt(dm, row, MessageListModel::DeliveryStateRole).toInt(),
            int(MessageListModel::Failed));
        QCOMPARE(roleAt(dm, row, MessageListModel::ErrorStringRole).toString(),
            QStringLiteral("Unknown recipient"));
        QCOMPARE(ada->manager()->pendingCount(), 1); // kept for retry or discard
        QCOMPARE(ada->manager()->outbox()->pendingCount(), 0);

        // The recipient exists now (an account created meanwhile): a retry goes through.
        QVERIFY(m_server.runSql(
            QStringLiteral("INSERT INTO users (id, email, password_hash, first_name, last_name) "
                           "VALUES (999, 'newcomer@studyconnect.test', 'x', 'New', 'Comer')")));
        dm->retry(clientId);
        QCOMPARE(roleAt(dm, rowOf(dm, MessageListModel::ClientIdRole, clientId),
                     MessageListModel::DeliveryStateRole)
                     .toInt(),
            int(MessageListModel::Pending));
        QTRY_COMPARE_WITH_TIMEOUT(confirmed.count(), 1, 5000);
        QCOMPARE(confirmed.at(0).at(0).toString(), clientId);
        // The server's copy replaces the Pending row in the model's next (queued) flush, which
        // the wait for the signal may return before.
        QTRY_COMPARE(roleAt(dm, rowOf(dm, MessageListModel::ClientIdRole, clientId),
                         MessageListModel::DeliveryStateRole)
                         .toInt(),
            int(MessageListModel::Sent));
        QCOMPARE(rowsWithText(dm, text).size(), 1);
        const int sentRow = rowsWithText(dm, text).constFirst();
        QCOMPARE(roleAt(dm, sentRow, MessageListModel::DeliveryStateRole).toInt(),
            int(MessageListModel::Sent));
        QCOMPARE(roleAt(dm, sentRow, MessageListModel::ErrorStringRole).toString(), QString());

        // And discard drops a failed one for good.
        const QString doomed = ada->sendDirectMessage(998, QStringLiteral("nobody"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 5000);
        MessageListModel *nobody = ada->directMessages(998);
        QCOMPARE(nobody->rowCount(), 1);
        nobody->discard(doomed);
        QCOMPARE(nobody->rowCount(), 0);
        QCOMPARE(ada->manager()->pendingCount(), 0);
    }

    void refusedTokensEndInAuthFailed()
    {
        for (const QString &token : { signToken(QStringLiteral("1"), -60),
                 signToken(QStringLiteral("1"), 3600, "wrong secret"),
                 QStringLiteral("not-a-jwt") }) {
            SocketService service(nullptr);
            service.setServerUrl(m_server.url());
            QSignalSpy refused(service.connection(), &ChatConnection::authenticationFailed);
            service.init(token);
            QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, 5000);
            QCOMPARE(service.connection()->state(), ChatConnection::AuthFailed);
            QVERIFY2(service.connection()->errorString().startsWith(
                         QLatin1String("Authentication error")),
                qPrintable(service.connection()->errorString()));
        }
    }

    void sessionSignsOutWhenTheTokenExpires()
    {
        Session session(nullptr);
        session.setKeychainEnabled(false);
        SocketService service(nullptr);
        service.attachSession(&session);
        QVERIFY(session.useToken(m_server.url(), signToken(QStringLiteral("1"), 2)));
        QCOMPARE(session.state(), Session::SignedIn);
        QCOMPARE(session.userId(), QStringLiteral("1"));
        QVERIFY(connected(&service));
        QSignalSpy signedOut(&session, &Session::signedOut);
        QVERIFY(signedOut.wait(6000));
        QCOMPARE(session.state(), Session::SignedOut);
        QVERIFY2(session.errorString().contains(QLatin1String("expired")),
            qPrintable(session.errorString()));
        QCOMPARE(service.connection()->state(), ChatConnection::Disconnected);
        QVERIFY(session.token().isEmpty());

        // A token that expired before use never signs in.
        QVERIFY(!session.useToken(m_server.url(), signToken(QStringLiteral("1"), -1)));
        QCOMPARE(session.state(), Session::SignedOut);
    }

    void sessionSignInWithPassword()
    {
        Session session(nullptr);
        session.setKeychainEnabled(false);
        SocketService service(nullptr);
        service.attachSession(&session);
        QSignalSpy signedOut(&session, &Session::signedOut);
        session.signIn(
            m_server.url(), QStringLiteral("ada@studyconnect.test"), QStringLiteral("wrong"));
        QVERIFY(signedOut.wait(10000));
        QCOMPARE(session.errorString(), QStringLiteral("Wrong email address or password."));
        QCOMPARE(session.lastSignInError(), RestError::Kind::Unauthorized);

        QSignalSpy signedIn(&session, &Session::signedIn);
        session.signIn(m_server.url(), QStringLiteral("grace@studyconnect.test"),
            QStringLiteral("studyconnect"));
        QVERIFY(signedIn.wait(10000));
        QCOMPARE(session.userId(), QStringLiteral("3"));
        QCOMPARE(
            session.user().value(QStringLiteral("firstName")).toString(), QStringLiteral("Grace"));
        QVERIFY(connected(&service));
        QCOMPARE(service.manager()->currentUserId(), QStringLiteral("3"));
        session.signOut();
        QCOMPARE(service.connection()->state(), ChatConnection::Disconnected);
    }

    void jsListenersReceiveEventData()
    {
        QJSEngine engine;
        auto alan = client(QStringLiteral("2"));
        QJSEngine::setObjectOwnership(alan.get(), QJSEngine::CppOwnership);
        engine.globalObject().setProperty(QStringLiteral("service"), engine.newQObject(alan.get()));
        QJSValue result = engine.evaluate(QStringLiteral(
            "var got = []; function onMessage(m) { got.push(m.text + '|' + m.sender.firstName); }"
            "service.on('message:received', onMessage); service.joinRoom(1);"));
        QVERIFY2(!result.isError(), qPrintable(result.toString()));
        int cppCalls = 0;
        const auto listener = alan->on(
            QStringLiteral("message:received"), [&cppCalls](const SocketIo::JsonValue &data) {
                QVERIFY(data.value(u"text").isString());
                ++cppCalls;
            });
        QSignalSpy joined(alan->manager(), &ConversationManager::roomJoinConfirmed);
        QVERIFY(connected(alan.get()));
        QTRY_VERIFY_WITH_TIMEOUT(signalled(joined, QStringLiteral("1")), 5000);

        auto ada = client(QStringLiteral("1"));
        const QString first = uniqueText(QStringLiteral("js"));
        ada->sendMessage(1, first);
        QTRY_COMPARE_WITH_TIMEOUT(engine.evaluate(QStringLiteral("got.length")).toInt(), 1, 5000);
        QCOMPARE(
            engine.evaluate(QStringLiteral("got[0]")).toString(), first + QStringLiteral("|Ada"));
        QCOMPARE(cppCalls, 1);

        engine.evaluate(QStringLiteral("service.off('message:received', onMessage)"));
        alan->off(listener);
        const QString second = uniqueText(QStringLiteral("js"));
        ada->sendMessage(1, second);
        QTRY_COMPARE_WITH_TIMEOUT(rowsWithText(alan->roomMessages(1), second).size(), 1, 5000);
        QCOMPARE(engine.evaluate(QStringLiteral("got.length")).toInt(), 1);
        QCOMPARE(cppCalls, 1);
    }

    // Last: it restarts the server.
    void sendsWhileTheServerIsDownAreDeliveredOnce()
    {
        auto ada = client(QStringLiteral("1"));
        auto alan = client(QStringLiteral("2"));
        ada->joinRoom(1);
        alan->joinRoom(1);
        MessageListModel *adaRoom = ada->roomMessages(1);
        MessageListModel *alanRoom = alan->roomMessages(1);
        auto adaTester = tester(adaRoom);
        auto alanTester = tester(alanRoom);
        QVERIFY(connected(ada.get()));
        QVERIFY(connected(alan.get()));
        QTRY_VERIFY_WITH_TIMEOUT(
            !adaRoom->isLoading() && !alanRoom->isLoading() && alanRoom->rowCount() > 0, 5000);

        m_server.node().kill();
        QTRY_COMPARE_WITH_TIMEOUT(ada->connection()->state(), ChatConnection::Reconnecting, 10000);
        QStringList texts;
        for (int i = 0; i < 3; ++i) {
            texts.append(uniqueText(QStringLiteral("offline %1").arg(i)));
            ada->sendMessage(1, texts.constLast());
        }
        QCOMPARE(ada->manager()->pendingCount(), 3);
        for (const QString &text : std::as_const(texts)) {
            const int row = rowsWithText(adaRoom, text).value(0, -1);
            QVERIFY(row >= 0);
            QCOMPARE(roleAt(adaRoom, row, MessageListModel::DeliveryStateRole).toInt(),
                int(MessageListModel::Pending));
        }
        QTRY_VERIFY_WITH_TIMEOUT(ada->connection()->reconnectAttempt() >= 1, 5000);

        QVERIFY2(m_server.start(), qPrintable(m_server.node().errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(ada->manager()->pendingCount(), 0, 20000);
        QCOMPARE(ada->connection()->state(), ChatConnection::Connected);
        QCOMPARE(ada->connection()->reconnectAttempt(), 0);
        for (const QString &text : std::as_const(texts)) {
            QTRY_COMPARE_WITH_TIMEOUT(rowsWithText(alanRoom, text).size(), 1, 10000);
            QCOMPARE(rowsWithText(adaRoom, text).size(), 1);
            QCOMPARE(serverTexts(QStringLiteral("1")).count(text), 1);
        }
        // Still exactly once a moment later (no late duplicate from a re-send).
        QTest::qWait(300);
        for (const QString &text : std::as_const(texts)) {
            QCOMPARE(rowsWithText(alanRoom, text).size(), 1);
            QCOMPARE(rowsWithText(adaRoom, text).size(), 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestSocketService)
#include "tst_socketservice.moc"
