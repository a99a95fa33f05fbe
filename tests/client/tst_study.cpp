// Study conversations (replies, threads, edits, deletions, reactions, pins, mentions) with two
// signed-in clients against the real reference backend, the offline store keeping the changes,
// and a seed backend where all of it stays hidden. Demo users: ada 1, alan 2, grace 3 (the
// tutor), linus 4; all four are members of room 4 (and 1).
#include "chat/conversationmanager.h"
#include "chat/thread.h"
#include "clienttestsupport.h"
#include "conversationwaits.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using ConversationWaits::loaded;
using ConversationWaits::ready;

using namespace std::chrono_literals;

namespace {

using Manager = std::unique_ptr<ConversationManager>;

int rowOfText(const MessageListModel *model, const QString &text)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row).data(MessageListModel::SourceTextRole).toString() == text
            || model->index(row).data(MessageListModel::TextRole).toString() == text)
            return row;
    }
    return -1;
}

QVariant roleOf(const MessageListModel *model, qint64 id, int role)
{
    const int row = model->rowOfNumericId(id);
    return row < 0 ? QVariant() : model->index(row).data(role);
}

/// {emoji: [count, mine]} of ReactionsRole.
QMap<QString, QPair<int, bool>> reactionsOf(const MessageListModel *model, qint64 id)
{
    QMap<QString, QPair<int, bool>> result;
    for (const QVariant &each : roleOf(model, id, MessageListModel::ReactionsRole).toList()) {
        const QVariantMap map = each.toMap();
        result.insert(map.value(QStringLiteral("emoji")).toString(),
            { map.value(QStringLiteral("count")).toInt(),
                map.value(QStringLiteral("mine")).toBool() });
    }
    return result;
}

} // namespace

class TestStudy : public QObject
{
    Q_OBJECT

    ReferenceServer m_server;
    QTemporaryDir m_stores;

    Manager client(const QString &userId, const QString &storeDir = {})
    {
        auto manager = std::make_unique<ConversationManager>(nullptr);
        SocketIo::ManagerOptions options;
        options.reconnectionDelay = 100ms;
        options.reconnectionDelayMax = 400ms;
        manager->setManagerOptions(options);
        if (!storeDir.isEmpty())
            manager->setOfflineStore(true, storeDir);
        manager->connectWithToken(m_server.url(), signToken(userId, 3600));
        return manager;
    }

    /// Ada and Alan signed in, both with room 4 (Linear Algebra) loaded; the rooms are null when
    /// something did not come.
    struct Pair
    {
        Manager ada;
        Manager alan;
        Conversation *adaRoom = nullptr;
        Conversation *alanRoom = nullptr;
    };
    Pair adaAndAlanInRoom4()
    {
        Pair pair { client(QStringLiteral("1")), client(QStringLiteral("2")) };
        if (ready(*pair.ada) && ready(*pair.alan)) {
            pair.adaRoom = loaded(*pair.ada, QStringLiteral("4"));
            pair.alanRoom = loaded(*pair.alan, QStringLiteral("4"));
        }
        return pair;
    }

    /// Sends and waits for the server's id (0 when it did not come).
    static qint64 post(ConversationManager &manager, Conversation *where, const QString &text,
        qint64 replyTo = 0, qint64 threadId = 0)
    {
        // The answer comes over the socket, after this returns to the event loop: settled()
        // is listening by then.
        const QString clientId = replyTo || threadId
            ? manager.sendMessage(where, text, replyTo, threadId)
            : manager.send(where, text);
        bool accepted = false;
        QString id;
        if (clientId.isEmpty() || !settled(manager, clientId, &accepted, nullptr, &id))
            return 0;
        return accepted ? id.toLongLong() : 0;
    }

    /// Waits until `clientId` is confirmed (true, `id` set) or refused (false, `error` set).
    static bool settled(ConversationManager &manager, const QString &clientId, bool *accepted,
        QString *error = nullptr, QString *id = nullptr)
    {
        QSignalSpy confirmed(&manager, &ConversationManager::messageConfirmed);
        QSignalSpy failed(&manager, &ConversationManager::messageFailed);
        const auto has = [&clientId](const QSignalSpy &spy, QString *second) {
            for (const QList<QVariant> &args : spy) {
                if (args.at(0).toString() == clientId) {
                    if (second)
                        *second = args.at(1).toString();
                    return true;
                }
            }
            return false;
        };
        const bool done =
            QTest::qWaitFor([&] { return has(confirmed, nullptr) || has(failed, nullptr); }, 10000);
        *accepted = has(confirmed, id);
        if (error)
            has(failed, error);
        return done;
    }

private Q_SLOTS:
    void initTestCase()
    {
        useScratchSettings();
        QVERIFY(m_stores.isValid());
        QVERIFY2(m_server.start(), qPrintable(m_server.node().errorString()));
    }

    void replyCarriesItsQuoteOnBothSides()
    {
        Pair pair = adaAndAlanInRoom4();
        QVERIFY(pair.adaRoom && pair.alanRoom);
        auto &ada = pair.ada;
        auto &alan = pair.alan;
        Conversation *adaRoom = pair.adaRoom;
        Conversation *alanRoom = pair.alanRoom;
        QVERIFY(adaRoom->canReply() && alanRoom->canReply());

        const qint64 question = post(*ada, adaRoom, QStringLiteral("Is 0 a natural number?"));
        QVERIFY(question > 0);
        QTRY_VERIFY_WITH_TIMEOUT(alanRoom->messages()->rowOfNumericId(question) >= 0, 5000);
        const qint64 answer =
            post(*alan, alanRoom, QStringLiteral("Depends on the book."), question);
        QVERIFY(answer > 0);
        for (Conversation *side : { alanRoom, adaRoom }) {
            QTRY_VERIFY_WITH_TIMEOUT(side->messages()->rowOfNumericId(answer) >= 0, 5000);
            QCOMPARE(roleOf(side->messages(), answer, MessageListModel::ReplyToIdRole).toString(),
                QString::number(question));
            QCOMPARE(roleOf(side->messages(), answer, MessageListModel::ReplyToTextRole).toString(),
                QStringLiteral("Is 0 a natural number?"));
            QCOMPARE(roleOf(side->messages(), answer, MessageListModel::ReplyToSenderNameRole)
                         .toString(),
                QStringLiteral("Ada Lovelace"));
        }
        // The server's copy replaced the pending one: one row, no leftovers.
        QCOMPARE(alan->pendingCount(), 0);
        QCOMPARE(rowOfText(alanRoom->messages(), QStringLiteral("Depends on the book.")),
            alanRoom->messages()->rowOfNumericId(answer));
    }

    void threadRepliesStayInTheirThread()
    {
        Pair pair = adaAndAlanInRoom4();
        QVERIFY(pair.adaRoom && pair.alanRoom);
        auto &ada = pair.ada;
        Conversation *adaRoom = pair.adaRoom;
        Conversation *alanRoom = pair.alanRoom;
        QVERIFY(adaRoom->canUseThreads());

        const qint64 root = post(*ada, adaRoom, QStringLiteral("Thread: proofs by induction"));
        QVERIFY(root > 0);
        QTRY_VERIFY_WITH_TIMEOUT(alanRoom->messages()->rowOfNumericId(root) >= 0, 5000);
        alanRoom->showThread(QString::number(root));
        Thread *alanThread = alanRoom->openThread();
        QVERIFY(alanThread);
        QCOMPARE(alanThread->rootId(), QString::number(root));

        const QString text = QStringLiteral("Base case first, then the step.");
        const int adaRows = adaRoom->messages()->rowCount();
        const qint64 reply = post(*ada, adaRoom, text, 0, root);
        QVERIFY(reply > 0);
        // In Alan's open thread, in nobody's timeline.
        QTRY_VERIFY_WITH_TIMEOUT(alanThread->messages()->rowOfNumericId(reply) >= 0, 5000);
        QCOMPARE(roleOf(alanThread->messages(), reply, MessageListModel::ThreadIdRole).toString(),
            QString::number(root));
        QCOMPARE(rowOfText(alanRoom->messages(), text), -1);
        QCOMPARE(rowOfText(adaRoom->messages(), text), -1);
        QCOMPARE(adaRoom->messages()->rowCount(), adaRows);
        // thread:updated counts it on the root, on both sides.
        for (Conversation *side : { adaRoom, alanRoom })
            QTRY_COMPARE_WITH_TIMEOUT(
                roleOf(side->messages(), root, MessageListModel::ThreadReplyCountRole).toInt(), 1,
                5000);
        QTRY_COMPARE(alanThread->replyCount(), 1);

        // A thread opened later pages its replies from the server.
        adaRoom->showThread(QString::number(root));
        Thread *adaThread = adaRoom->openThread();
        QVERIFY(adaThread);
        adaThread->messages()->fetchMore({});
        QTRY_VERIFY_WITH_TIMEOUT(adaThread->messages()->rowOfNumericId(reply) >= 0, 5000);
        QCOMPARE(adaThread->rootText(), QStringLiteral("Thread: proofs by induction"));

        // Resolved by the root's author: both sides, the root and the open thread.
        QVERIFY(!ada->resolveThread(adaRoom, root, true).isEmpty());
        for (Conversation *side : { adaRoom, alanRoom })
            QTRY_VERIFY_WITH_TIMEOUT(
                roleOf(side->messages(), root, MessageListModel::ThreadResolvedRole).toBool(),
                5000);
        QTRY_VERIFY(alanThread->isResolved());
        QVERIFY(adaThread->isResolved());
        QCOMPARE(
            roleOf(alanRoom->messages(), root, MessageListModel::ThreadReplyCountRole).toInt(), 1);

        // The panel's composer: Up edits Ada's reply there, in place on both sides.
        QVERIFY(adaThread->editLastMessage());
        QCOMPARE(adaThread->editingId(), QString::number(reply));
        QCOMPARE(adaThread->draft(), text);
        QVERIFY(adaThread->send(QStringLiteral("Base case, then the inductive step.")));
        QVERIFY(adaThread->editingId().isEmpty());
        for (Thread *side : { adaThread, alanThread })
            QTRY_COMPARE_WITH_TIMEOUT(
                roleOf(side->messages(), reply, MessageListModel::TextRole).toString(),
                QStringLiteral("Base case, then the inductive step."), 5000);
        QVERIFY(roleOf(alanThread->messages(), reply, MessageListModel::IsEditedRole).toBool());
        // ...and a reply to a reply stays in the thread, with its quote.
        alanThread->startReply(QString::number(reply));
        QCOMPARE(alanThread->replyToId(), QString::number(reply));
        QVERIFY(alanThread->send(QStringLiteral("Induction on n, got it.")));
        QVERIFY(alanThread->replyToId().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(
            rowOfText(adaThread->messages(), QStringLiteral("Induction on n, got it.")) >= 0, 5000);
        const int quoted =
            rowOfText(adaThread->messages(), QStringLiteral("Induction on n, got it."));
        QCOMPARE(
            adaThread->messages()->index(quoted).data(MessageListModel::ReplyToIdRole).toString(),
            QString::number(reply));
        QCOMPARE(rowOfText(adaRoom->messages(), QStringLiteral("Induction on n, got it.")), -1);
    }

    void editsChangeTheRowInPlace()
    {
        Pair pair = adaAndAlanInRoom4();
        QVERIFY(pair.adaRoom && pair.alanRoom);
        auto &ada = pair.ada;
        auto &alan = pair.alan;
        Conversation *adaRoom = pair.adaRoom;
        Conversation *alanRoom = pair.alanRoom;
        const qint64 id = post(*ada, adaRoom, QStringLiteral("teh limit"));
        QVERIFY(id > 0);
        QTRY_VERIFY_WITH_TIMEOUT(alanRoom->messages()->rowOfNumericId(id) >= 0, 5000);
        // Someone quotes it before the edit: the quote follows.
        const qint64 quote = post(*alan, alanRoom, QStringLiteral("which limit?"), id);
        QVERIFY(quote > 0);
        QTRY_VERIFY_WITH_TIMEOUT(adaRoom->messages()->rowOfNumericId(quote) >= 0, 5000);
        QCoreApplication::processEvents();

        QSignalSpy inserted(alanRoom->messages(), &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(alanRoom->messages(), &QAbstractItemModel::modelReset);
        QSignalSpy changed(alanRoom->messages(), &QAbstractItemModel::dataChanged);
        QSignalSpy adaInserted(adaRoom->messages(), &QAbstractItemModel::rowsInserted);
        QSignalSpy adaReset(adaRoom->messages(), &QAbstractItemModel::modelReset);
        const int alanRow = alanRoom->messages()->rowOfNumericId(id);
        const QString clientId = ada->editMessage(adaRoom, id, QStringLiteral("the limit"));
        QVERIFY(!clientId.isEmpty());
        QCOMPARE(
            roleOf(adaRoom->messages(), id, MessageListModel::ChangePendingRole).toBool(), true);
        bool accepted = false;
        QVERIFY(settled(*ada, clientId, &accepted));
        QVERIFY(accepted);
        QCOMPARE(
            roleOf(adaRoom->messages(), id, MessageListModel::ChangePendingRole).toBool(), false);
        for (Conversation *side : { adaRoom, alanRoom }) {
            QTRY_COMPARE_WITH_TIMEOUT(
                roleOf(side->messages(), id, MessageListModel::TextRole).toString(),
                QStringLiteral("the limit"), 5000);
            QVERIFY(roleOf(side->messages(), id, MessageListModel::IsEditedRole).toBool());
            QVERIFY(roleOf(side->messages(), id, MessageListModel::EditedAtRole)
                        .toDateTime()
                        .isValid());
            QTRY_COMPARE(
                roleOf(side->messages(), quote, MessageListModel::ReplyToTextRole).toString(),
                QStringLiteral("the limit"));
        }
        QCOMPARE(alanRoom->messages()->rowOfNumericId(id), alanRow);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(adaInserted.count(), 0);
        QCOMPARE(adaReset.count(), 0);
        QVERIFY(std::any_of(changed.begin(), changed.end(), [&](const QList<QVariant> &args) {
            return args.at(0).toModelIndex().row() == alanRow;
        }));

        // Alan may not edit Ada's message: refused, dropped, and the conversation says why.
        QSignalSpy failed(alan.get(), &ConversationManager::messageFailed);
        const QString refused = alan->editMessage(alanRoom, id, QStringLiteral("hijacked"));
        QVERIFY(!refused.isEmpty());
        QString error;
        QVERIFY(settled(*alan, refused, &accepted, &error));
        QVERIFY(!accepted);
        QCOMPARE(error, QStringLiteral("Only the author may edit a message"));
        QCOMPARE(alanRoom->actionError(), error);
        QCOMPARE(alan->outbox()->size(), 0);
        QCOMPARE(
            roleOf(alanRoom->messages(), id, MessageListModel::ChangePendingRole).toBool(), false);
        QCOMPARE(roleOf(alanRoom->messages(), id, MessageListModel::TextRole).toString(),
            QStringLiteral("the limit"));
        alanRoom->clearActionError();
        QVERIFY(alanRoom->actionError().isEmpty());
    }

    void deletionLeavesAPlaceholder()
    {
        Pair pair = adaAndAlanInRoom4();
        QVERIFY(pair.adaRoom && pair.alanRoom);
        auto &ada = pair.ada;
        auto &alan = pair.alan;
        Conversation *adaRoom = pair.adaRoom;
        Conversation *alanRoom = pair.alanRoom;
        const QString text = QStringLiteral("posted in the wrong room");
        const qint64 id = post(*ada, adaRoom, text);
        QVERIFY(id > 0);
        QTRY_VERIFY_WITH_TIMEOUT(alanRoom->messages()->rowOfNumericId(id) >= 0, 5000);
        const qint64 reply = post(*alan, alanRoom, QStringLiteral("wrong room indeed"), id);
        QVERIFY(reply > 0);
        QTRY_VERIFY_WITH_TIMEOUT(adaRoom->messages()->rowOfNumericId(reply) >= 0, 5000);
        QVERIFY(!alan->react(alanRoom, id, QStringLiteral("👀"), true).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!reactionsOf(adaRoom->messages(), id).isEmpty(), 5000);
        const int rows = alanRoom->messages()->rowCount();

        QVERIFY(!ada->deleteMessage(adaRoom, id).isEmpty());
        for (Conversation *side : { adaRoom, alanRoom }) {
            MessageListModel *model = side->messages();
            QTRY_VERIFY_WITH_TIMEOUT(
                roleOf(model, id, MessageListModel::IsDeletedRole).toBool(), 5000);
            const QString shown = roleOf(model, id, MessageListModel::TextRole).toString();
            QVERIFY(!shown.isEmpty());
            QVERIFY(shown != text);
            QVERIFY(roleOf(model, id, MessageListModel::SourceTextRole).toString().isEmpty());
            QVERIFY(roleOf(model, id, MessageListModel::ReactionsRole).toList().isEmpty());
            // The reply stays and says its original is gone.
            QCOMPARE(roleOf(model, reply, MessageListModel::ReplyToTextRole).toString(), shown);
            QCOMPARE(roleOf(model, reply, MessageListModel::ReplyToIdRole).toString(),
                QString::number(id));
        }
        QCOMPARE(alanRoom->messages()->rowCount(), rows);

        // From the server's history too (a client that loads the room now).
        auto linus = client(QStringLiteral("4"));
        QVERIFY(ready(*linus));
        Conversation *linusRoom = loaded(*linus, QStringLiteral("4"));
        QVERIFY(linusRoom);
        QTRY_VERIFY_WITH_TIMEOUT(linusRoom->messages()->rowOfNumericId(reply) >= 0, 5000);
        QVERIFY(roleOf(linusRoom->messages(), id, MessageListModel::IsDeletedRole).toBool());
        QCOMPARE(roleOf(linusRoom->messages(), reply, MessageListModel::ReplyToTextRole).toString(),
            roleOf(linusRoom->messages(), id, MessageListModel::TextRole).toString());
    }

    void reactionsToggle()
    {
        Pair pair = adaAndAlanInRoom4();
        QVERIFY(pair.adaRoom && pair.alanRoom);
        auto &ada = pair.ada;
        Conversation *adaRoom = pair.adaRoom;
        Conversation *alanRoom = pair.alanRoom;
        QVERIFY(adaRoom->canReact());
        const qint64 id = post(*ada, adaRoom, QStringLiteral("react to me"));
        QVERIFY(id > 0);
        QTRY_VERIFY_WITH_TIMEOUT(alanRoom->messages()->rowOfNumericId(id) >= 0, 5000);
        const QString thumbs = QStringLiteral("👍");
        using Counts = QMap<QString, QPair<int, bool>>;

        alanRoom->toggleReaction(QString::number(id), thumbs);
        QTRY_COMPARE_WITH_TIMEOUT(
            reactionsOf(alanRoom->messages(), id), (Counts { { thumbs, { 1, true } } }), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(
            reactionsOf(adaRoom->messages(), id), (Counts { { thumbs, { 1, false } } }), 5000);
        adaRoom->toggleReaction(QString::number(id), thumbs);
        QTRY_COMPARE_WITH_TIMEOUT(
            reactionsOf(adaRoom->messages(), id), (Counts { { thumbs, { 2, true } } }), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(
            reactionsOf(alanRoom->messages(), id), (Counts { { thumbs, { 2, true } } }), 5000);
        // Toggling again takes Alan's back.
        alanRoom->toggleReaction(QString::number(id), thumbs);
        QTRY_COMPARE_WITH_TIMEOUT(
            reactionsOf(alanRoom->messages(), id), (Counts { { thumbs, { 1, false } } }), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(
            reactionsOf(adaRoom->messages(), id), (Counts { { thumbs, { 1, true } } }), 5000);
        adaRoom->toggleReaction(QString::number(id), thumbs);
        QTRY_VERIFY_WITH_TIMEOUT(reactionsOf(alanRoom->messages(), id).isEmpty(), 5000);
        QTRY_VERIFY(reactionsOf(adaRoom->messages(), id).isEmpty());
        QTRY_COMPARE(ada->outbox()->size(), 0);
    }

    void tutorsPin()
    {
        auto ada = client(QStringLiteral("1"));
        auto grace = client(QStringLiteral("3"));
        QVERIFY(ready(*ada) && ready(*grace));
        Conversation *adaRoom = loaded(*ada, QStringLiteral("4"));
        Conversation *graceRoom = loaded(*grace, QStringLiteral("4"));
        QVERIFY(adaRoom && graceRoom);
        QVERIFY(graceRoom->canPin());
        QVERIFY(graceRoom->canModerate());
        QVERIFY(!adaRoom->canPin());
        QVERIFY(adaRoom->hasPins());
        const qint64 id = post(*ada, adaRoom, QStringLiteral("exam is on the 12th"));
        QVERIFY(id > 0);
        QTRY_VERIFY_WITH_TIMEOUT(graceRoom->messages()->rowOfNumericId(id) >= 0, 5000);
        const int before = adaRoom->pinnedCount();

        graceRoom->setPinned(QString::number(id), true);
        for (Conversation *side : { graceRoom, adaRoom }) {
            QTRY_VERIFY_WITH_TIMEOUT(
                roleOf(side->messages(), id, MessageListModel::IsPinnedRole).toBool(), 5000);
            QTRY_COMPARE(side->pinnedCount(), before + 1);
            QVERIFY(side->pins().contains(QString::number(id)));
        }
        // The header's list follows.
        QTRY_VERIFY_WITH_TIMEOUT(adaRoom->pinnedMessages()->rowOfNumericId(id) >= 0, 5000);

        // A student's pin is refused, with the server's reason.
        QString error;
        bool accepted = true;
        const QString refused = ada->pinMessage(adaRoom, id, false);
        QVERIFY(!refused.isEmpty());
        QVERIFY(settled(*ada, refused, &accepted, &error));
        QVERIFY(!accepted);
        QCOMPARE(error, QStringLiteral("Only tutors may pin messages"));
        QCOMPARE(adaRoom->actionError(), error);

        graceRoom->setPinned(QString::number(id), false);
        for (Conversation *side : { graceRoom, adaRoom }) {
            QTRY_VERIFY_WITH_TIMEOUT(
                !roleOf(side->messages(), id, MessageListModel::IsPinnedRole).toBool(), 5000);
            QTRY_COMPARE(side->pinnedCount(), before);
        }
    }

    void mentionsNotifyTheMentioned()
    {
        Pair pair = adaAndAlanInRoom4();
        QVERIFY(pair.adaRoom && pair.alanRoom);
        auto &ada = pair.ada;
        auto &alan = pair.alan;
        Conversation *adaRoom = pair.adaRoom;
        Conversation *alanRoom = pair.alanRoom;
        // Alan has read room 4 (the server is told), then reads another room: room 4 is not
        // being read. (The demo data mentions people already: counts start from what is there.)
        alan->open(alanRoom);
        alan->open(alan->conversation(ConversationKey::room(QStringLiteral("1")), true));
        QCOMPARE(alanRoom->mentionCount(), 0);
        const int adaMentions = adaRoom->mentionCount();

        // The composer: "@al" offers Alan, picking him writes "@Alan Turing", sending the token.
        ada->loadMembers(adaRoom);
        QTRY_VERIFY_WITH_TIMEOUT(!adaRoom->mentionCandidates(QStringLiteral("al")).isEmpty(), 5000);
        const QVariantMap candidate =
            adaRoom->mentionCandidates(QStringLiteral("al")).constFirst().toMap();
        QCOMPARE(candidate.value(QStringLiteral("userId")).toString(), QStringLiteral("2"));
        QCOMPARE(candidate.value(QStringLiteral("name")).toString(), QStringLiteral("Alan Turing"));
        for (const QVariant &each : adaRoom->mentionCandidates({}))
            QVERIFY(each.toMap().value(QStringLiteral("userId")).toString() != u"1"); // not self
        const QString shown = adaRoom->mentionText(QStringLiteral("2"));
        QCOMPARE(shown, QStringLiteral("@Alan Turing"));
        const QString typed = QStringLiteral("%1 can you check this?").arg(shown);
        const QString encoded = adaRoom->encodeMentions(typed);
        QCOMPARE(encoded, QStringLiteral("<@2> can you check this?"));
        QCOMPARE(adaRoom->decodeMentions(encoded), typed);

        const qint64 id = post(*ada, adaRoom, encoded);
        QVERIFY(id > 0);
        QTRY_VERIFY_WITH_TIMEOUT(alanRoom->messages()->rowOfNumericId(id) >= 0, 5000);
        QCOMPARE(roleOf(alanRoom->messages(), id, MessageListModel::TextRole).toString(), typed);
        QCOMPARE(
            roleOf(alanRoom->messages(), id, MessageListModel::SourceTextRole).toString(), encoded);
        QVERIFY(roleOf(alanRoom->messages(), id, MessageListModel::MentionsMeRole).toBool());
        QTRY_VERIFY(
            roleOf(adaRoom->messages(), id, MessageListModel::TextRole).toString() == typed);
        QVERIFY(!roleOf(adaRoom->messages(), id, MessageListModel::MentionsMeRole).toBool());
        QCOMPARE(alanRoom->mentionCount(), 1);
        QCOMPARE(adaRoom->mentionCount(), adaMentions); // her own message
        // A token of someone who is no member stays as typed (user 99 does not exist).
        const qint64 plain = post(*ada, adaRoom, QStringLiteral("ask <@99>"));
        QTRY_VERIFY_WITH_TIMEOUT(alanRoom->messages()->rowOfNumericId(plain) >= 0, 5000);
        QCOMPARE(roleOf(alanRoom->messages(), plain, MessageListModel::TextRole).toString(),
            QStringLiteral("ask <@99>"));
        QCOMPARE(alanRoom->mentionCount(), 1);

        // The server counts it too: a client starting now sees it.
        {
            auto alanElsewhere = client(QStringLiteral("2"));
            QVERIFY(ready(*alanElsewhere));
            QCOMPARE(
                alanElsewhere->find(ConversationKey::room(QStringLiteral("4")))->mentionCount(), 1);
        }
        // Opening the room reads it.
        alan->open(alanRoom);
        QCOMPARE(alanRoom->mentionCount(), 0);
        QCOMPARE(alanRoom->unreadCount(), 0);
        // An edit that removes the mention takes MentionsMe away.
        QVERIFY(!ada->editMessage(adaRoom, id, QStringLiteral("never mind")).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(
            !roleOf(alanRoom->messages(), id, MessageListModel::MentionsMeRole).toBool(), 5000);
    }

    void changesMadeOfflineWaitInTheOutbox()
    {
        Pair pair = adaAndAlanInRoom4();
        QVERIFY(pair.adaRoom && pair.alanRoom);
        auto &ada = pair.ada;
        auto &alan = pair.alan;
        Conversation *adaRoom = pair.adaRoom;
        Conversation *alanRoom = pair.alanRoom;
        const qint64 id = post(*ada, adaRoom, QStringLiteral("draft answer: 42"));
        QVERIFY(id > 0);
        QTRY_VERIFY_WITH_TIMEOUT(alanRoom->messages()->rowOfNumericId(id) >= 0, 5000);

        // Ada's connection closes: her edit and reaction wait.
        ada->disconnectFromServer();
        QTRY_VERIFY(ada->connection()->state() != ChatConnection::Connected);
        QVERIFY(!ada->editMessage(adaRoom, id, QStringLiteral("final answer: 42")).isEmpty());
        QVERIFY(!ada->react(adaRoom, id, QStringLiteral("🎉"), true).isEmpty());
        QCOMPARE(ada->outbox()->size(), 2);
        QVERIFY(roleOf(adaRoom->messages(), id, MessageListModel::ChangePendingRole).toBool());
        QTest::qWait(300);
        QCOMPARE(roleOf(alanRoom->messages(), id, MessageListModel::TextRole).toString(),
            QStringLiteral("draft answer: 42"));
        ada->retryConnectionNow();
        QTRY_COMPARE_WITH_TIMEOUT(ada->outbox()->size(), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(
            roleOf(alanRoom->messages(), id, MessageListModel::TextRole).toString(),
            QStringLiteral("final answer: 42"), 5000);
        QTRY_COMPARE(reactionsOf(alanRoom->messages(), id).value(QStringLiteral("🎉")).first, 1);
        QVERIFY(!roleOf(adaRoom->messages(), id, MessageListModel::ChangePendingRole).toBool());
        QCOMPARE(roleOf(adaRoom->messages(), id, MessageListModel::TextRole).toString(),
            QStringLiteral("final answer: 42"));

        // The server stops while Alan reacts: applied once it is back.
        m_server.node().kill();
        QTRY_VERIFY_WITH_TIMEOUT(alan->connection()->state() != ChatConnection::Connected, 5000);
        QVERIFY(!alan->react(alanRoom, id, QStringLiteral("👍"), true).isEmpty());
        QCOMPARE(alan->outbox()->size(), 1);
        QVERIFY2(m_server.start(), qPrintable(m_server.node().errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(alan->outbox()->size(), 0, 15000);
        QCOMPARE(
            reactionsOf(alanRoom->messages(), id).value(QStringLiteral("👍")), qMakePair(1, true));
        QVERIFY(!roleOf(alanRoom->messages(), id, MessageListModel::ChangePendingRole).toBool());
        // On the server: a client loading the room now sees it. (Ada's client, reconnecting at the
        // same time, may have missed the event: a catch-up fetches new messages only.)
        auto linus = client(QStringLiteral("4"));
        QVERIFY(ready(*linus));
        Conversation *linusRoom = loaded(*linus, QStringLiteral("4"));
        QVERIFY(linusRoom);
        QTRY_VERIFY_WITH_TIMEOUT(linusRoom->messages()->rowOfNumericId(id) >= 0, 5000);
        QCOMPARE(
            reactionsOf(linusRoom->messages(), id).value(QStringLiteral("👍")), qMakePair(1, false));
        QCOMPARE(roleOf(linusRoom->messages(), id, MessageListModel::TextRole).toString(),
            QStringLiteral("final answer: 42"));
    }

    void theStoreKeepsEditsAndReactions()
    {
        QTemporaryDir stores;
        const ConversationKey key = ConversationKey::room(QStringLiteral("4"));
        qint64 id = 0;
        {
            auto ada = client(QStringLiteral("1"), stores.path());
            QVERIFY(ready(*ada));
            Conversation *room = loaded(*ada, QStringLiteral("4"));
            QVERIFY(room);
            id = post(*ada, room, QStringLiteral("stored, then edited"));
            QVERIFY(id > 0);
            bool accepted = false;
            QVERIFY(settled(*ada, ada->editMessage(room, id, QStringLiteral("edited, then stored")),
                &accepted));
            QVERIFY(accepted);
            QVERIFY(settled(*ada, ada->react(room, id, QStringLiteral("✅"), true), &accepted));
            QVERIFY(accepted);
            // The server goes away; a change made now is kept in the store's outbox.
            m_server.node().kill();
            QTRY_VERIFY_WITH_TIMEOUT(ada->connection()->state() != ChatConnection::Connected, 5000);
            QVERIFY(!ada->deleteMessage(room, id).isEmpty());
            ada->flushStore();
            QCOMPARE(ada->store()->outbox().size(), size_t(1));
        }
        // Started with the server down: the edited text and the reaction come from the store,
        // and the deletion waits.
        {
            auto ada = client(QStringLiteral("1"), stores.path());
            Conversation *room = ada->find(key);
            QVERIFY(room);
            QCOMPARE(ada->outbox()->size(), 1);
            room->messages()->fetchMore({});
            QTRY_VERIFY_WITH_TIMEOUT(room->messages()->rowOfNumericId(id) >= 0, 5000);
            QCOMPARE(roleOf(room->messages(), id, MessageListModel::TextRole).toString(),
                QStringLiteral("edited, then stored"));
            QVERIFY(roleOf(room->messages(), id, MessageListModel::IsEditedRole).toBool());
            QCOMPARE(
                reactionsOf(room->messages(), id).value(QStringLiteral("✅")), qMakePair(1, true));
            QVERIFY(roleOf(room->messages(), id, MessageListModel::ChangePendingRole).toBool());
            QVERIFY(ada->connection()->state() != ChatConnection::Connected);
            // What the server announced last time holds until it answers: a change made now,
            // before any connection, is queued too.
            QVERIFY(room->canReact());
            QVERIFY(!ada->react(room, id, QStringLiteral("👀"), true).isEmpty());
            ada->flushStore();
            QCOMPARE(ada->store()->outbox().size(), size_t(2));
        }
        QVERIFY2(m_server.start(), qPrintable(m_server.node().errorString()));
        auto ada = client(QStringLiteral("1"), stores.path());
        QCOMPARE(ada->outbox()->size(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(ada->outbox()->size(), 0, 10000);
        ada->flushStore();
        QCOMPARE(ada->store()->outbox().size(), size_t(0));
        const auto page = ada->store()->olderMessages(key, 0, 50, false);
        const auto stored = std::find_if(page.messages.begin(), page.messages.end(),
            [id](const MessageStore::MessageRow &row) { return row.id == id; });
        QVERIFY(stored != page.messages.end());
        QVERIFY(stored->text.isEmpty());
        QVERIFY(MessageDetails::fromJson(stored->details).deleted);
    }

    void aSeedBackendHidesItAll()
    {
        NodeServer seed(QStringLiteral("tests/client/fixtures/seed-server.js"));
        seed.setEnvironmentValue(
            QStringLiteral("JWT_SECRET"), QString::fromLatin1(ReferenceServer::secret()));
        QVERIFY2(seed.start(), qPrintable(seed.errorString()));
        ConversationManager ada(nullptr);
        ada.setAckTimeout(300ms);
        QSignalSpy features(&ada, &ConversationManager::featuresChanged);
        ada.connectWithToken(seed.httpUrl(), signToken(QStringLiteral("1"), 3600));
        QTRY_VERIFY_WITH_TIMEOUT(ada.featuresKnown(), 10000);
        Conversation *room = ada.conversation(ConversationKey::room(QStringLiteral("1")), true);
        ada.join(room);
        QTRY_VERIFY_WITH_TIMEOUT(room->isMember(), 6000);
        QVERIFY(room->canWrite());
        for (const char *ability : { "canReply", "canUseThreads", "canEdit", "canDelete",
                 "canModerate", "canReact", "canPin", "hasPins" })
            QVERIFY2(!room->property(ability).toBool(), ability);
        Conversation *direct = ada.conversation(ConversationKey::directWith(QStringLiteral("2")));
        for (const char *ability : { "canReply", "canEdit", "canDelete", "canReact", "canPin" })
            QVERIFY2(!direct->property(ability).toBool(), ability);

        QVERIFY(ada.editMessage(room, 1, QStringLiteral("x")).isEmpty());
        QVERIFY(ada.deleteMessage(room, 1).isEmpty());
        QVERIFY(ada.react(room, 1, QStringLiteral("👍"), true).isEmpty());
        QVERIFY(ada.resolveThread(room, 1, true).isEmpty());
        QVERIFY(ada.pinMessage(room, 1, true).isEmpty());
        QVERIFY(ada.sendMessage(room, QStringLiteral("in a thread?"), 0, 1).isEmpty());
        QCOMPARE(ada.outbox()->size(), 0);
        // A reply becomes a plain message: the seed would store the field nowhere.
        QSignalSpy confirmed(&ada, &ConversationManager::messageConfirmed);
        const QString plain = ada.sendMessage(room, QStringLiteral("a plain answer"), 1, 0);
        QVERIFY(!plain.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(confirmed.count(), 1, 5000);
        const int row = rowOfText(room->messages(), QStringLiteral("a plain answer"));
        QVERIFY(row >= 0);
        QVERIFY(room->messages()
                    ->index(row)
                    .data(MessageListModel::ReplyToIdRole)
                    .toString()
                    .isEmpty());
        room->showThread(QStringLiteral("1"));
        QVERIFY(!room->openThread());
    }
};

QTEST_GUILESS_MAIN(TestStudy)
#include "tst_study.moc"
