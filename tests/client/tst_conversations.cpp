// Conversation, ConversationListModel and ConversationManager without a server: the lists under
// QAbstractItemModelTester, the current conversation, drafts, unread state and the read marker,
// typing, join-by-id input errors, and the pinned list made on first use.
#include "chat/conversationmanager.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

std::unique_ptr<QAbstractItemModelTester> tester(QAbstractItemModel *model)
{
    return std::make_unique<QAbstractItemModelTester>(
        model, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

ChatMessage fromOther(qint64 id, const QString &text)
{
    ChatMessage message;
    message.numericId = id;
    message.text = text;
    message.createdAtMs = 1'700'000'000'000 + id * 1000;
    return message;
}

} // namespace

class TestConversations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roomsAndDirectConversationsAreListed()
    {
        ConversationManager manager(nullptr);
        auto rooms = tester(manager.rooms());
        auto directs = tester(manager.directConversations());
        Conversation *algebra =
            manager.conversation(ConversationKey::room(QStringLiteral("7")), true);
        QCOMPARE(algebra->name(), QStringLiteral("Room 7")); // known by id only, for now
        algebra->setDetails(QStringLiteral("Algebra"), QStringLiteral("Groups"), {}, 3);
        QCOMPARE(manager.rooms()
                     ->data(manager.rooms()->index(0), ConversationListModel::NameRole)
                     .toString(),
            QStringLiteral("Algebra"));
        QCOMPARE(manager.rooms()->get(0), algebra);
        // Unlisted until asked for: a room under a failed join never shows up.
        manager.conversation(ConversationKey::room(QStringLiteral("8")));
        QCOMPARE(manager.rooms()->count(), 1);

        Conversation *ada =
            manager.conversation(ConversationKey::directWith(QStringLiteral("1")), true);
        Conversation *alan =
            manager.conversation(ConversationKey::directWith(QStringLiteral("2")), true);
        ada->noteMessage(QStringLiteral("old"), 1000, false);
        alan->noteMessage(QStringLiteral("newer"), 2000, true);
        QCOMPARE(manager.directConversations()->get(0), alan); // most recent first
        ada->noteMessage(QStringLiteral("newest"), 3000, true);
        QCOMPARE(manager.directConversations()->get(0), ada);
        QCOMPARE(manager.directConversations()
                     ->data(manager.directConversations()->index(0),
                         ConversationListModel::UnreadCountRole)
                     .toInt(),
            1);
        QCOMPARE(manager.directConversations()
                     ->data(manager.directConversations()->index(0), ConversationListModel::KeyRole)
                     .toString(),
            QStringLiteral("dm:1"));
        QCOMPARE(manager.find(ConversationKey::directWith(QStringLiteral("1"))), ada);
    }

    void openingKeepsDraftsAndMarksRead()
    {
        ConversationManager manager(nullptr);
        auto rooms = tester(manager.rooms());
        Conversation *first =
            manager.conversation(ConversationKey::room(QStringLiteral("1")), true);
        Conversation *second =
            manager.conversation(ConversationKey::room(QStringLiteral("2")), true);
        auto messages = tester(first->messages());
        QSignalSpy opened(&manager, &ConversationManager::conversationOpened);

        manager.setWindowActive(false);
        first->messages()->enqueue(fromOther(10, QStringLiteral("read before")));
        first->messages()->flush();
        first->setReadState(0, QStringLiteral("10"));
        first->messages()->enqueue(fromOther(11, QStringLiteral("new one")));
        first->messages()->enqueue(fromOther(12, QStringLiteral("new two")));
        first->messages()->flush();
        first->noteMessage(QStringLiteral("new one"), 11, true);
        first->noteMessage(QStringLiteral("new two"), 12, true);
        QCOMPARE(first->unreadCount(), 2);

        manager.open(first);
        QCOMPARE(manager.currentConversation(), first);
        QCOMPARE(opened.count(), 1);
        // The window is not active: nothing was read yet, and the line marks where reading stopped.
        QCOMPARE(first->unreadCount(), 2);
        QCOMPARE(first->messages()
                     ->data(first->messages()->index(1), MessageListModel::ShowReadMarkerRole)
                     .toBool(),
            true); // row 1 is message 11, the oldest unread
        QCOMPARE(first->messages()
                     ->data(first->messages()->index(0), MessageListModel::ShowReadMarkerRole)
                     .toBool(),
            false);
        manager.setWindowActive(true);
        QCOMPARE(first->unreadCount(), 0);
        QCOMPARE(first->lastReadId(), QStringLiteral("12"));

        first->setDraft(QStringLiteral("half a thought"));
        manager.open(second);
        QCOMPARE(first->draft(), QStringLiteral("half a thought"));
        QCOMPARE(second->draft(), QString());
        manager.openRelative(-1);
        QCOMPARE(manager.currentConversation(), first);
        manager.openRelative(-1);
        QCOMPARE(manager.currentConversation(), second); // wraps around
        manager.openKey(QStringLiteral("dm:4"));
        QVERIFY(manager.currentConversation()->isDirect());
        QCOMPARE(manager.directConversations()->count(), 1);
        QCOMPARE(opened.count(), 5);
    }

    void typingExpiresWithoutARefresh()
    {
        ConversationManager manager(nullptr);
        Conversation *room = manager.conversation(ConversationKey::room(QStringLiteral("1")), true);
        room->noteTyping(QStringLiteral("2"), QStringLiteral("Alan Turing"), true);
        QCOMPARE(room->typingText(), QStringLiteral("Alan Turing is typing…"));
        room->noteTyping(QStringLiteral("1"), QStringLiteral("Ada Lovelace"), true);
        QCOMPARE(room->typingText(), QStringLiteral("Ada Lovelace and Alan Turing are typing…"));
        room->noteTyping(QStringLiteral("3"), QStringLiteral("Grace Hopper"), true);
        QCOMPARE(room->typingText(), QStringLiteral("Several people are typing…"));
        room->noteTyping(QStringLiteral("3"), QStringLiteral("Grace Hopper"), false);
        room->noteTyping(QStringLiteral("1"), QStringLiteral("Ada Lovelace"), false);
        QCOMPARE(room->typingText(), QStringLiteral("Alan Turing is typing…"));
        // A lost typing:stop does not leave the line up.
        QTRY_COMPARE_WITH_TIMEOUT(
            room->typingText(), QString(), Conversation::kTypingExpiryMs + 2000);
    }

    void ownTypingIsThrottled()
    {
        ConversationManager manager(nullptr);
        Conversation *room = manager.conversation(ConversationKey::room(QStringLiteral("1")), true);
        QSignalSpy typing(room, &Conversation::ownTypingChanged);
        room->setDraft(QStringLiteral("h"));
        room->setDraft(QStringLiteral("he"));
        room->setDraft(QStringLiteral("hel"));
        QCOMPARE(typing.count(), 1);
        QCOMPARE(typing.at(0).at(0).toBool(), true);
        room->setDraft(QString());
        QCOMPARE(typing.count(), 2);
        QCOMPARE(typing.at(1).at(0).toBool(), false);
    }

    void joinByIdExplainsWhatIsAccepted()
    {
        ConversationManager manager(nullptr);
        auto rooms = tester(manager.rooms());
        manager.joinRoomById(QStringLiteral("abc"));
        QCOMPARE(manager.joinByIdError(), QStringLiteral("A room id is a whole number, like 3."));
        manager.joinRoomById(QStringLiteral("0"));
        QVERIFY(!manager.joinByIdError().isEmpty());
        manager.clearJoinByIdError();
        QVERIFY(manager.joinByIdError().isEmpty());
        // Offline: it says so instead of adding a room that may not exist.
        manager.joinRoomById(QStringLiteral(" 99999 "));
        QVERIFY(manager.joinByIdError().contains(QStringLiteral("offline")));
        QVERIFY(!manager.joiningById());
        QCOMPARE(manager.rooms()->count(), 0);
    }

    void switcherOffersRoomsAndPeople()
    {
        ConversationManager manager(nullptr);
        manager.conversation(ConversationKey::room(QStringLiteral("1")), true)
            ->setDetails(QStringLiteral("Calculus"), {}, {}, 0);
        manager.people()->upsertUser(QVariantMap { { QStringLiteral("id"), 2 },
            { QStringLiteral("firstName"), QStringLiteral("Alan") },
            { QStringLiteral("lastName"), QStringLiteral("Turing") } });
        const QVariantList entries = manager.switcherEntries();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).toMap().value(QStringLiteral("name")).toString(),
            QStringLiteral("Calculus"));
        QCOMPARE(entries.at(0).toMap().value(QStringLiteral("isRoom")).toBool(), true);
        auto *person =
            entries.at(1).toMap().value(QStringLiteral("conversation")).value<Conversation *>();
        QVERIFY(person && person->isDirect());
        // Offered, not listed, until opened.
        QCOMPARE(manager.directConversations()->count(), 0);
        manager.open(person);
        QCOMPARE(manager.directConversations()->count(), 1);
    }

    void pinnedMessagesAreMadeOnFirstUseInRoomsOnly()
    {
        ConversationManager manager(nullptr);
        Conversation *room = manager.conversation(ConversationKey::room(QStringLiteral("1")), true);
        Conversation *direct =
            manager.conversation(ConversationKey::directWith(QStringLiteral("2")), true);
        QVERIFY(!room->existingPinnedMessages());
        QVERIFY(!direct->existingPinnedMessages());

        // Read as QML reads it: the same list every time (the property is CONSTANT), owned by
        // the room.
        const auto read = [](Conversation *conversation) {
            return conversation->property("pinnedMessages").value<MessageListModel *>();
        };
        MessageListModel *pinned = read(room);
        QVERIFY(pinned);
        QCOMPARE(pinned->parent(), room);
        QCOMPARE(room->existingPinnedMessages(), pinned);
        QCOMPARE(read(room), pinned);
        QCOMPARE(room->pinnedMessages(), pinned);
        auto listTester = tester(pinned);

        // A direct conversation has no pins, so no list: the view gets null.
        QVERIFY(!read(direct));
        QVERIFY(!direct->pinnedMessages());
        QVERIFY(!direct->existingPinnedMessages());
    }
};

QTEST_GUILESS_MAIN(TestConversations)
#include "tst_conversations.moc"
