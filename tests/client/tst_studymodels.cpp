// The study additions on the list model alone, without a server: a quote's cut, quotes following
// an edit of what they quote, edits in place, and whether the signed-in user gave a reaction.
#include "chat/messagedetails.h"
#include "chat/messagelistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

constexpr qint64 kBase = 1'700'000'000'000;
const QString kThumbsUp = QStringLiteral("\U0001F44D");
const QString kHeart = QStringLiteral("\u2764");

ChatMessage message(qint64 id, quint32 sender, const QString &text)
{
    ChatMessage result;
    result.numericId = id;
    result.sender = sender;
    result.createdAtMs = kBase + id * 1000;
    result.text = text;
    return result;
}

/// Ada (user 1, signed in) and Alan (user 2) in room 1.
struct Room
{
    std::shared_ptr<SenderDirectory> senders = std::make_shared<SenderDirectory>();
    quint32 ada = senders->intern(QStringLiteral("1"), QStringLiteral("Ada"));
    quint32 alan = senders->intern(QStringLiteral("2"), QStringLiteral("Alan"));
    MessageListModel model { QStringLiteral("1"), false, senders };
    QAbstractItemModelTester tester { &model,
        QAbstractItemModelTester::FailureReportingMode::QtTest };

    Room() { model.setSelfId(QStringLiteral("1")); }

    QVariant role(qint64 id, int role) const
    {
        const int row = model.rowOfNumericId(id);
        return row < 0 ? QVariant() : model.index(row).data(role);
    }
};

} // namespace

class TestStudyModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aQuoteNeverEndsInHalfAnEmoji()
    {
        const QString a199(199, u'a');
        QCOMPARE(MessageDetails::quoteOf(QStringLiteral("why?")), QStringLiteral("why?"));
        QCOMPARE(MessageDetails::quoteOf(QString()), QString());
        QCOMPARE(MessageDetails::quoteOf(QString(250, u'a')), QString(200, u'a'));
        QCOMPARE(MessageDetails::quoteOf(QString(200, u'a')), QString(200, u'a'));
        // The emoji's two halves are units 200 and 201: the cut at 200 would keep half of it.
        const QString split = MessageDetails::quoteOf(a199 + kThumbsUp + QStringLiteral(" ok"));
        QCOMPARE(split, a199);
        QVERIFY(QStringView(split).isValidUtf16());
        // Units 199 and 200: the whole emoji fits.
        const QString a198(198, u'a');
        QCOMPARE(
            MessageDetails::quoteOf(a198 + kThumbsUp + QStringLiteral(" ok")), a198 + kThumbsUp);
        QCOMPARE(MessageDetails::quoteOf(a199 + kThumbsUp), a199);
    }

    void anEditReachesTheQuotesOfIt()
    {
        Room room;
        ChatMessage reply = message(11, room.alan, QStringLiteral("why?"));
        reply.details = std::make_shared<MessageDetails>();
        reply.details->replyTo = MessageDetails::Quote { QStringLiteral("10"), QStringLiteral("1"),
            QStringLiteral("Ada"), QStringLiteral("x = 2"), false };
        room.model.enqueue(message(10, room.ada, QStringLiteral("x = 2")));
        room.model.enqueue(reply);
        room.model.flush();

        const QString a199(199, u'a');
        room.model.applyEdit(10, a199 + kThumbsUp, kBase + 60'000, nullptr);
        QCOMPARE(room.role(10, MessageListModel::TextRole).toString(), a199 + kThumbsUp);
        QCOMPARE(room.role(11, MessageListModel::ReplyToTextRole).toString(), a199);

        room.model.applyDelete(10);
        QVERIFY(room.role(10, MessageListModel::IsDeletedRole).toBool());
        QCOMPARE(room.role(11, MessageListModel::ReplyToTextRole).toString(),
            QStringLiteral("This message was deleted."));
    }

    void anEditChangesItsRowOnceAndKeepsMentionsUntilTheServerSays()
    {
        Room room;
        ChatMessage mentioning = message(10, room.alan, QStringLiteral("<@1> look"));
        mentioning.details = std::make_shared<MessageDetails>();
        mentioning.details->mentions = QStringList { QStringLiteral("1") };
        room.model.enqueue(mentioning);
        room.model.enqueue(message(12, room.alan, QStringLiteral("newer")));
        room.model.flush();
        QVERIFY(room.role(10, MessageListModel::MentionsMeRole).toBool());

        QSignalSpy changed(&room.model, &QAbstractItemModel::dataChanged);
        // Our own edit before its ack: no list of mentions yet, the row's stay.
        room.model.applyEdit(10, QStringLiteral("<@1> look again"), kBase + 60'000, nullptr);
        QCOMPARE(changed.count(), 1);
        const QModelIndex row = changed.at(0).at(0).toModelIndex();
        QCOMPARE(row.row(), room.model.rowOfNumericId(10));
        QCOMPARE(changed.at(0).at(1).toModelIndex(), row);
        QVERIFY(room.role(10, MessageListModel::IsEditedRole).toBool());
        QCOMPARE(room.role(10, MessageListModel::SourceTextRole).toString(),
            QStringLiteral("<@1> look again"));
        QVERIFY(room.role(10, MessageListModel::MentionsMeRole).toBool());

        // The server's edit event carries the mentions it found: none now.
        const QStringList none;
        room.model.applyEdit(10, QStringLiteral("look again"), kBase + 120'000, &none);
        QCOMPARE(changed.count(), 2);
        QVERIFY(!room.role(10, MessageListModel::MentionsMeRole).toBool());
        QCOMPARE(room.role(10, MessageListModel::EditedAtRole).toDateTime(),
            QDateTime::fromMSecsSinceEpoch(kBase + 120'000));
        QCOMPARE(room.role(12, MessageListModel::TextRole).toString(), QStringLiteral("newer"));
    }

    void ownReactionsAreTheSignedInUsers()
    {
        Room room;
        ChatMessage reacted = message(10, room.alan, QStringLiteral("exam on the 12th"));
        reacted.details = std::make_shared<MessageDetails>();
        reacted.details->reactions = {
            { kThumbsUp, { QStringLiteral("2"), QStringLiteral("1") } },
            { kHeart, { QStringLiteral("2") } },
        };
        room.model.enqueue(reacted);
        room.model.enqueue(message(11, room.ada, QStringLiteral("no reactions")));
        room.model.flush();

        QVERIFY(room.model.hasOwnReaction(10, kThumbsUp));
        QVERIFY(!room.model.hasOwnReaction(10, kHeart)); // Alan's only
        QVERIFY(!room.model.hasOwnReaction(10, QStringLiteral("\U0001F389"))); // nobody's
        QVERIFY(!room.model.hasOwnReaction(11, kThumbsUp)); // no details at all
        QVERIFY(!room.model.hasOwnReaction(99, kThumbsUp)); // not loaded
        QVERIFY(!room.model.hasOwnReaction(0, kThumbsUp));

        room.model.setReactions(10, { { kThumbsUp, { QStringLiteral("2") } } });
        QVERIFY(!room.model.hasOwnReaction(10, kThumbsUp));
        room.model.setReactions(10, { { kHeart, { QStringLiteral("1") } } });
        QVERIFY(room.model.hasOwnReaction(10, kHeart));

        // Signed out: nothing is anyone's own.
        room.model.setSelfId({});
        QVERIFY(!room.model.hasOwnReaction(10, kHeart));
    }
};

QTEST_GUILESS_MAIN(TestStudyModels)
#include "tst_studymodels.moc"
