// The models and payload parsing on their own: batching, de-duplication, pending rows, runs of
// one sender, paging, and bad input.
#include "auth/jwtclaims.h"
#include "chat/messagelistmodel.h"
#include "chat/numericidset.h"
#include "chat/payload.h"
#include "chat/presencemodel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

namespace {

constexpr qint64 kMinute = 60 * 1000;
const qint64 kBase = QDateTime(QDate(2025, 3, 10), QTime(12, 0)).toMSecsSinceEpoch();

ChatMessage message(qint64 id, quint32 sender, qint64 atMs, const QString &text = {})
{
    ChatMessage result;
    result.numericId = id;
    result.sender = sender;
    result.createdAtMs = atMs;
    result.text = text.isEmpty() ? QStringLiteral("message %1").arg(id) : text;
    return result;
}

} // namespace

class TestClientModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void numericIdSetKeepsEveryIdOnceWhateverTheOrder()
    {
        NumericIdSet ids;
        QVERIFY(!ids.contains(5));
        // Live messages (ascending), a history page below (descending as it is read), stray ids
        // in the middle, and duplicates of each kind.
        for (qint64 id = 100; id < 200; ++id)
            QVERIFY(ids.insert(id));
        for (qint64 id = 99; id >= 50; --id)
            QVERIFY(ids.insert(id));
        QVERIFY(ids.insert(300));
        QVERIFY(ids.insert(250)); // between the newest and the rest
        QVERIFY(ids.insert(10));
        QVERIFY(ids.insert(20)); // between the oldest and the rest
        for (qint64 id : { 10, 20, 50, 99, 100, 150, 199, 250, 300 })
            QVERIFY2(!ids.insert(id), qPrintable(QString::number(id)));
        QCOMPARE(ids.size(), 154);
        for (qint64 id = 50; id < 200; ++id)
            QVERIFY(ids.contains(id));
        for (qint64 id : { 10, 20, 250, 300 })
            QVERIFY(ids.contains(id));
        for (qint64 id : { 0, 9, 11, 49, 200, 249, 251, 301 })
            QVERIFY(!ids.contains(id));
    }

    void payloadIdsAreStrings()
    {
        QCOMPARE(Payload::idString(QVariant(qint64(42))), QStringLiteral("42"));
        QCOMPARE(Payload::idString(QVariant(42.0)), QStringLiteral("42"));
        QCOMPARE(Payload::idString(QVariant(QStringLiteral(" 42 "))), QStringLiteral("42"));
        QCOMPARE(Payload::idString(QVariant(4.5)), QString());
        QCOMPARE(Payload::idString(QVariant(true)), QString());
        QCOMPARE(Payload::idString(QVariant(QVariantMap())), QString());
        QCOMPARE(Payload::idString(QVariant()), QString());
    }

    void payloadMessagesAreValidated()
    {
        const QVariantMap sender { { QStringLiteral("id"), 7 },
            { QStringLiteral("firstName"), QStringLiteral("Ada") },
            { QStringLiteral("lastName"), QStringLiteral("Lovelace") } };
        QVariantMap good { { QStringLiteral("id"), QStringLiteral("9") },
            { QStringLiteral("roomId"), 3 }, { QStringLiteral("sender"), sender },
            { QStringLiteral("text"), QStringLiteral("hi") },
            { QStringLiteral("createdAt"), QStringLiteral("2025-03-10T12:00:00.000Z") } };
        auto parsed = Payload::message(good);
        QVERIFY(parsed);
        QCOMPARE(parsed->roomId, QStringLiteral("3"));
        QCOMPARE(parsed->sender.id, QStringLiteral("7"));
        QCOMPARE(parsed->sender.name, QStringLiteral("Ada Lovelace"));
        QCOMPARE(parsed->createdAtMs,
            QDateTime(QDate(2025, 3, 10), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch());

        QString why;
        QVariantMap noText = good;
        noText.insert(QStringLiteral("text"), 5);
        QVERIFY(!Payload::message(noText, &why));
        QVERIFY(!why.isEmpty());
        QVariantMap noSender = good;
        noSender.remove(QStringLiteral("sender"));
        QVERIFY(!Payload::message(noSender));
        QVERIFY(!Payload::message(QVariant(QStringLiteral("text"))));
        QVERIFY(!Payload::message(QVariant(QVariantList { 1, 2 })));
        QVariantMap badTime = good;
        badTime.insert(QStringLiteral("createdAt"), QStringLiteral("yesterday"));
        QVERIFY(Payload::message(badTime)->createdAtMs > 0); // "now"
        // The fast path and QDateTime agree, with and without milliseconds and time zones.
        for (const QString &iso : { QStringLiteral("2025-03-10T12:34:56.789Z"),
                 QStringLiteral("1999-12-31T23:59:59Z"), QStringLiteral("2024-02-29T00:00:00.000Z"),
                 QStringLiteral("2025-03-10T13:34:56.789+01:00") }) {
            QCOMPARE(Payload::timestampMs(iso),
                QDateTime::fromString(iso, Qt::ISODateWithMs).toMSecsSinceEpoch());
        }
        QCOMPARE(Payload::timestampMs(QStringLiteral("2025-13-10T12:34:56.789Z")), 0);
        QCOMPARE(Payload::timestampMs(QVariant(qint64(1741600000000))), qint64(1741600000000));
    }

    // Socket events reach Payload as SocketIo::JsonValue: the same rules as for Qt values.
    void payloadReadsDecodedEventsAlike()
    {
        using SocketIo::JsonValue;
        const auto json = [](const QString &text) { return JsonValue::fromJson(text); };
        QCOMPARE(Payload::idString(json(QStringLiteral("42"))), QStringLiteral("42"));
        QCOMPARE(Payload::idString(json(QStringLiteral("42.0"))), QStringLiteral("42"));
        QCOMPARE(Payload::idString(json(QStringLiteral("\" 42 \""))), QStringLiteral("42"));
        QCOMPARE(Payload::idString(json(QStringLiteral("4.5"))), QString());
        QCOMPARE(Payload::idString(json(QStringLiteral("true"))), QString());
        QCOMPARE(Payload::idString(json(QStringLiteral("{}"))), QString());
        QCOMPARE(Payload::idString(JsonValue()), QString());

        const JsonValue good = json(
            QStringLiteral("{\"id\":\"9\",\"roomId\":3,\"text\":\"h\\u00e9\",\"clientId\":\"c-1\","
                           "\"createdAt\":\"2025-03-10T12:00:00.000Z\",\"sender\":{\"id\":7,"
                           "\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"role\":\"tutor\"}}"));
        const auto parsed = Payload::message(good);
        QVERIFY(parsed);
        QCOMPARE(parsed->id, QStringLiteral("9"));
        QCOMPARE(parsed->roomId, QStringLiteral("3"));
        QCOMPARE(parsed->text, QStringLiteral("h\u00e9"));
        QCOMPARE(parsed->clientId, QStringLiteral("c-1"));
        QCOMPARE(parsed->sender.id, QStringLiteral("7"));
        QCOMPARE(parsed->sender.name, QStringLiteral("Ada Lovelace"));
        QCOMPARE(parsed->sender.role, QStringLiteral("tutor"));
        QCOMPARE(parsed->createdAtMs,
            QDateTime(QDate(2025, 3, 10), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch());
        // And exactly what the Qt form of the same payload gives.
        const auto viaVariant = Payload::message(good.toVariant());
        QVERIFY(viaVariant);
        QCOMPARE(parsed->text, viaVariant->text);
        QCOMPARE(parsed->sender.name, viaVariant->sender.name);
        QCOMPARE(parsed->createdAtMs, viaVariant->createdAtMs);

        QString why;
        QVERIFY(!Payload::message(json(QStringLiteral("{\"text\":5,\"senderId\":1}")), &why));
        QVERIFY(!why.isEmpty());
        QVERIFY(Payload::message(json(QStringLiteral("{\"text\":\"x\",\"senderId\":1}"))));
        QVERIFY(!Payload::message(json(QStringLiteral("{\"text\":\"x\"}"))));
        QVERIFY(!Payload::message(json(QStringLiteral("\"text\""))));
        QVERIFY(!Payload::message(json(QStringLiteral("[1,2]"))));
        QVERIFY(!Payload::message(JsonValue()));
        QCOMPARE(Payload::timestampMs(json(QStringLiteral("\"2025-03-10T13:34:56.789+01:00\""))),
            QDateTime::fromString(
                QStringLiteral("2025-03-10T13:34:56.789+01:00"), Qt::ISODateWithMs)
                .toMSecsSinceEpoch());
        QCOMPARE(
            Payload::timestampMs(json(QStringLiteral("1741600000000"))), qint64(1741600000000));
        QCOMPARE(Payload::timestampMs(json(QStringLiteral("true"))), 0);
        QCOMPARE(Payload::string(json(QStringLiteral("{\"a\":\"b\",\"n\":1}")), u"a"),
            QStringLiteral("b"));
        QCOMPARE(Payload::string(json(QStringLiteral("{\"a\":\"b\",\"n\":1}")), u"n"), QString());
        QVERIFY(!Payload::user(json(QStringLiteral("{\"name\":\"no id\"}"))));
        QCOMPARE(Payload::user(json(QStringLiteral("{\"id\":\"u\",\"name\":\"N\"}")))->name,
            QStringLiteral("N"));
    }

    // The study additions (PROTOCOL.md, "Study conversations"), in both forms.
    void payloadReadsStudyDetails()
    {
        using SocketIo::JsonValue;
        const QString deleted =
            QStringLiteral("{\"id\":12,\"roomId\":3,\"sender\":{\"id\":1,\"firstName\":\"Ada\"},"
                           "\"createdAt\":\"2025-03-10T12:00:00.000Z\",\"deleted\":true,"
                           "\"deletedAt\":\"2025-03-10T12:05:00.000Z\",\"threadId\":4}");
        for (const auto &parsed : { Payload::message(JsonValue::fromJson(deleted)),
                 Payload::message(JsonValue::fromJson(deleted).toVariant()) }) {
            QVERIFY(parsed); // no text, and still read
            QVERIFY(parsed->text.isEmpty());
            QVERIFY(parsed->details);
            QVERIFY(parsed->details->deleted);
            QCOMPARE(parsed->details->threadId, QStringLiteral("4"));
        }
        // Without text and not deleted: refused as before.
        QVERIFY(!Payload::message(JsonValue::fromJson(
            QStringLiteral("{\"id\":12,\"sender\":{\"id\":1},\"deleted\":false}"))));

        const QString full = QStringLiteral(
            "{\"id\":\"20\",\"roomId\":3,\"text\":\"<@2> see above\",\"sender\":{\"id\":1},"
            "\"createdAt\":\"2025-03-10T12:00:00.000Z\","
            "\"replyTo\":{\"id\":19,\"sender\":{\"id\":2,\"firstName\":\"Alan\","
            "\"lastName\":\"Turing\"},\"text\":\"why?\"},"
            "\"thread\":{\"replyCount\":4,\"lastReplyAt\":\"2025-03-10T12:30:00.000Z\","
            "\"resolved\":true},\"editedAt\":\"2025-03-10T12:01:00.000Z\","
            "\"reactions\":[{\"emoji\":\"\\ud83d\\udc4d\",\"count\":2,\"userIds\":[2,\"3\"]}],"
            "\"mentions\":[2]}");
        for (const auto &parsed : { Payload::message(JsonValue::fromJson(full)),
                 Payload::message(JsonValue::fromJson(full).toVariant()) }) {
            QVERIFY(parsed && parsed->details);
            const MessageDetails &details = *parsed->details;
            QVERIFY(details.replyTo);
            QCOMPARE(details.replyTo->id, QStringLiteral("19"));
            QCOMPARE(details.replyTo->senderId, QStringLiteral("2"));
            QCOMPARE(details.replyTo->senderName, QStringLiteral("Alan Turing"));
            QCOMPARE(details.replyTo->text, QStringLiteral("why?"));
            QVERIFY(!details.replyTo->deleted);
            QVERIFY(details.thread);
            QCOMPARE(details.thread->replyCount, 4);
            QVERIFY(details.thread->resolved);
            QVERIFY(details.thread->lastReplyAtMs > 0);
            QCOMPARE(details.editedAtMs,
                QDateTime(QDate(2025, 3, 10), QTime(12, 1), Qt::UTC).toMSecsSinceEpoch());
            QCOMPARE(details.reactions.size(), 1);
            QCOMPARE(details.reactions.at(0).emoji, QStringLiteral("👍"));
            QCOMPARE(details.reactions.at(0).userIds,
                (QStringList { QStringLiteral("2"), QStringLiteral("3") }));
            QCOMPARE(details.mentions, QStringList { QStringLiteral("2") });
            QVERIFY(!details.deleted);
            // What the store keeps comes back the same.
            const MessageDetails again = MessageDetails::fromJson(details.toJson());
            QCOMPARE(again.replyTo->text, details.replyTo->text);
            QCOMPARE(again.reactions.at(0).userIds, details.reactions.at(0).userIds);
            QCOMPARE(again.mentions, details.mentions);
            QCOMPARE(again.thread->replyCount, 4);
        }
        // A quote of a deleted message has text null.
        const auto quotedDeleted = Payload::message(JsonValue::fromJson(
            QStringLiteral("{\"id\":21,\"text\":\"ok\",\"sender\":{\"id\":1},"
                           "\"replyTo\":{\"id\":19,\"sender\":{\"id\":2},\"text\":null}}")));
        QVERIFY(quotedDeleted && quotedDeleted->details && quotedDeleted->details->replyTo);
        QVERIFY(quotedDeleted->details->replyTo->deleted);

        // Garbage in the study fields is ignored; the message itself is still read.
        const QString garbage = QStringLiteral(
            "{\"id\":22,\"text\":\"plain\",\"sender\":{\"id\":1},\"replyTo\":\"19\","
            "\"threadId\":{},\"thread\":[1],\"editedAt\":true,\"deleted\":\"yes\","
            "\"reactions\":[{\"emoji\":5,\"userIds\":[1]},{\"emoji\":\"\\u2764\"},\"x\",null],"
            "\"mentions\":[{},1.5,null,true]}");
        for (const auto &parsed : { Payload::message(JsonValue::fromJson(garbage)),
                 Payload::message(JsonValue::fromJson(garbage).toVariant()) }) {
            QVERIFY(parsed);
            QCOMPARE(parsed->text, QStringLiteral("plain"));
            QVERIFY(!parsed->details || parsed->details->isEmpty());
        }
        QCOMPARE(Payload::reactions(QVariant(QStringLiteral("nope"))).size(), 0);
        QVERIFY(!Payload::thread(QVariant(3)));
        QCOMPARE(Payload::idList(JsonValue::fromJson(QStringLiteral("[1,\"2\",true,3.5]"))),
            (QStringList { QStringLiteral("1"), QStringLiteral("2") }));
    }

    void jwtClaims()
    {
        // {"id":5,"exp":1700000000} and {"id":"u-1"} (no exp)
        const QString withExp = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.")
            + QString::fromLatin1(
                QByteArray(R"({"id":5,"exp":1700000000})")
                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
            + QStringLiteral(".sig");
        const auto claims = JwtClaims::parse(withExp);
        QVERIFY(claims);
        QCOMPARE(claims->userId, QStringLiteral("5"));
        QCOMPARE(claims->expiresAt.toSecsSinceEpoch(), 1700000000);
        QVERIFY(claims->isExpired());
        const QString noExp = QStringLiteral("x.")
            + QString::fromLatin1(
                QByteArray(R"({"id":"u-1"})")
                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
            + QStringLiteral(".y");
        QVERIFY(JwtClaims::parse(noExp));
        QCOMPARE(JwtClaims::parse(noExp)->userId, QStringLiteral("u-1"));
        QVERIFY(!JwtClaims::parse(noExp)->isExpired());
        QVERIFY(!JwtClaims::parse(QStringLiteral("not a token")));
        QVERIFY(!JwtClaims::parse(QStringLiteral("a.!!!.c")));
        QVERIFY(!JwtClaims::parse(QStringLiteral("a.")
            + QString::fromLatin1(QByteArray("[1]").toBase64(QByteArray::Base64UrlEncoding))
            + QStringLiteral(".c")));
        const QString badExp = QStringLiteral("x.")
            + QString::fromLatin1(
                QByteArray(R"({"exp":"soon"})").toBase64(QByteArray::Base64UrlEncoding))
            + QStringLiteral(".y");
        QVERIFY(!JwtClaims::parse(badExp));
    }

    void liveMessagesAreInsertedInOneBatch()
    {
        auto senders = std::make_shared<SenderDirectory>();
        const quint32 ada = senders->intern(QStringLiteral("1"), QStringLiteral("Ada"));
        const quint32 alan = senders->intern(QStringLiteral("2"), QStringLiteral("Alan"));
        MessageListModel model(QStringLiteral("1"), false, senders);
        model.setSelfId(QStringLiteral("1"));
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        model.enqueue(message(1, ada, kBase));
        model.enqueue(message(2, ada, kBase + kMinute));
        model.enqueue(message(3, alan, kBase + 2 * kMinute));
        model.enqueue(message(4, alan, kBase + 20 * kMinute));
        model.enqueue(message(2, ada, kBase + kMinute)); // duplicate by id
        QCOMPARE(model.rowCount(), 0);
        QTRY_COMPARE(model.rowCount(), 4);
        QCOMPARE(inserted.count(), 1);

        auto at = [&model](int row, int role) { return model.index(row).data(role); };
        QCOMPARE(at(0, MessageListModel::IdRole).toString(), QStringLiteral("4")); // newest first
        QCOMPARE(at(3, MessageListModel::IdRole).toString(), QStringLiteral("1"));
        QCOMPARE(at(3, MessageListModel::ShowSenderRole).toBool(), true); // first of Ada's run
        QCOMPARE(at(2, MessageListModel::ShowSenderRole).toBool(), false); // Ada again within 5 min
        QCOMPARE(at(1, MessageListModel::ShowSenderRole).toBool(), true); // Alan
        QCOMPARE(at(0, MessageListModel::ShowSenderRole).toBool(), true); // Alan, 18 min later
        QCOMPARE(at(3, MessageListModel::ShowDateRole).toBool(), true);
        QCOMPARE(at(2, MessageListModel::ShowDateRole).toBool(), false);
        QCOMPARE(at(3, MessageListModel::IsMineRole).toBool(), true);
        QCOMPARE(at(0, MessageListModel::IsMineRole).toBool(), false);
        QCOMPARE(at(0, MessageListModel::SenderNameRole).toString(), QStringLiteral("Alan"));

        // A message of the next day gets a day separator.
        model.enqueue(message(5, alan, kBase + 24 * 60 * kMinute));
        model.flush();
        QCOMPARE(at(0, MessageListModel::ShowDateRole).toBool(), true);
        // An older message that arrives late goes to its place by id.
        ChatMessage late = message(0, ada, kBase - kMinute);
        late.textId.clear();
        model.enqueue(message(3, ada, kBase)); // known id: dropped
        model.flush();
        QCOMPARE(model.rowCount(), 5);
    }

    void pendingRowsAreReplacedByTheServerCopy()
    {
        auto senders = std::make_shared<SenderDirectory>();
        const quint32 ada = senders->intern(QStringLiteral("1"), QStringLiteral("Ada"));
        MessageListModel model(QStringLiteral("1"), false, senders);
        model.setSelfId(QStringLiteral("1"));
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.enqueue(message(10, ada, kBase));
        model.flush();

        ChatMessage local = message(0, ada, kBase + kMinute, QStringLiteral("pending one"));
        local.clientId = QStringLiteral("c-1");
        model.addPending(local);
        ChatMessage second = message(0, ada, kBase + kMinute, QStringLiteral("pending two"));
        second.clientId = QStringLiteral("c-2");
        model.addPending(second);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0).data(MessageListModel::TextRole).toString(),
            QStringLiteral("pending two"));
        QCOMPARE(model.index(0).data(MessageListModel::DeliveryStateRole).toInt(),
            int(MessageListModel::Pending));
        QCOMPARE(model.index(0).data(MessageListModel::IdRole).toString(), QString());

        model.markFailed(QStringLiteral("c-2"), QStringLiteral("Unknown room"));
        QCOMPARE(model.index(0).data(MessageListModel::DeliveryStateRole).toInt(),
            int(MessageListModel::Failed));
        QCOMPARE(model.index(0).data(MessageListModel::ErrorStringRole).toString(),
            QStringLiteral("Unknown room"));
        QSignalSpy retry(&model, &MessageListModel::retryRequested);
        model.retry(QStringLiteral("c-2"));
        QCOMPARE(retry.count(), 1);
        model.retry(QStringLiteral("unknown"));
        QCOMPARE(retry.count(), 1);

        ChatMessage echo = message(11, ada, kBase + kMinute, QStringLiteral("pending one"));
        echo.clientId = QStringLiteral("c-1");
        model.enqueue(echo);
        model.enqueue(echo); // the ack and the echo may both deliver it
        model.flush();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.pendingCount(), 1);
        QCOMPARE(model.index(1).data(MessageListModel::IdRole).toString(), QStringLiteral("11"));
        QCOMPARE(model.index(1).data(MessageListModel::DeliveryStateRole).toInt(),
            int(MessageListModel::Sent));
        QCOMPARE(
            model.index(1).data(MessageListModel::ClientIdRole).toString(), QStringLiteral("c-1"));
        QVERIFY(model.removePending(QStringLiteral("c-2")));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.newestId(), QStringLiteral("11"));
        QCOMPARE(model.oldestId(), QStringLiteral("10"));
    }

    void storedTextAndIdsComeBackUnchanged()
    {
        // The model keeps text as Latin-1, UTF-8 or UTF-16 and the rare strings aside: what
        // data() gives back must be exactly what went in, whichever way it was stored.
        auto senders = std::make_shared<SenderDirectory>();
        const quint32 ada = senders->intern(QStringLiteral("1"), QStringLiteral("Ada"));
        MessageListModel model(QStringLiteral("1"), false, senders);
        const QChar loneSurrogate(char16_t(0xd800));
        const QStringList texts {
            QStringLiteral("plain ASCII"),
            QStringLiteral("caf\u00e9 \u00fcber \u00ff"),
            QStringLiteral("\u0417\u0430\u0447\u0451\u0442 \u5b66\u4e60 \U0001F44D"),
            QStringLiteral("broken ") + loneSurrogate + QStringLiteral(" text"),
            QString(),
        };
        for (qint64 id = 1; id <= texts.size(); ++id) {
            ChatMessage m = message(id, ada, kBase + id * kMinute);
            m.text = texts.at(id - 1);
            model.enqueue(m);
        }
        ChatMessage textual = message(0, ada, kBase + 10 * kMinute, QStringLiteral("t"));
        textual.setId(QStringLiteral("abc-7"));
        textual.clientId = QStringLiteral("c-9");
        model.enqueue(textual);
        model.flush();
        QCOMPARE(model.rowCount(), texts.size() + 1);
        for (int i = 0; i < texts.size(); ++i) {
            const QVariant value =
                model.index(int(texts.size()) - i).data(MessageListModel::TextRole);
            QCOMPARE(value.typeId(), QMetaType::QString);
            QCOMPARE(value.toString(), texts.at(i));
        }
        QCOMPARE(model.index(0).data(MessageListModel::IdRole).toString(), QStringLiteral("abc-7"));
        QCOMPARE(
            model.index(0).data(MessageListModel::ClientIdRole).toString(), QStringLiteral("c-9"));
        QCOMPARE(model.index(1).data(MessageListModel::ClientIdRole).toString(), QString());
        QCOMPARE(model.index(1).data(MessageListModel::ErrorStringRole).toString(), QString());
        const ChatMessage copy = model.messageAt(0);
        QCOMPARE(copy.textId, QStringLiteral("abc-7"));
        QCOMPARE(copy.clientId, QStringLiteral("c-9"));
        QCOMPARE(copy.text, QStringLiteral("t"));
        // Known by its text id and by its clientId: not inserted twice.
        model.enqueue(textual);
        model.flush();
        QCOMPARE(model.rowCount(), texts.size() + 1);
    }

    void duplicatesAreFoundWhateverTheIdOrder()
    {
        // Known ids are looked up in the store itself while its ids follow its order, and in a
        // set of every id once a server breaks that order: a duplicate is dropped either way,
        // and no new message is ever taken for a known one.
        auto senders = std::make_shared<SenderDirectory>();
        const quint32 ada = senders->intern(QStringLiteral("1"), QStringLiteral("Ada"));
        MessageListModel model(QStringLiteral("1"), false, senders);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto ids = [&model] {
            QStringList result;
            for (int row = model.rowCount() - 1; row >= 0; --row)
                result.append(model.index(row).data(MessageListModel::IdRole).toString());
            return result;
        };
        for (qint64 id = 10; id <= 40; id += 10)
            model.enqueue(message(id, ada, kBase + id * kMinute));
        ChatMessage notice = message(0, ada, kBase + 41 * kMinute, QStringLiteral("Ada joined"));
        notice.kind = ChatMessage::Kind::Joined;
        model.enqueue(notice); // no id: skipped by the lookup
        ChatMessage textual = message(0, ada, kBase + 42 * kMinute);
        textual.textId = QStringLiteral("abc");
        model.enqueue(textual);
        model.enqueue(message(50, ada, kBase + 50 * kMinute));
        model.enqueue(message(30, ada, kBase + 30 * kMinute)); // duplicate within the batch
        model.flush();
        QCOMPARE(ids(), QStringLiteral("10,20,30,40,,abc,50").split(u','));
        for (qint64 id : { 10, 20, 30, 40, 50 })
            model.enqueue(message(id, ada, kBase + id * kMinute));
        model.enqueue(message(25, ada, kBase + 25 * kMinute)); // late: goes to its place
        model.flush();
        QCOMPARE(ids(), QStringLiteral("10,20,25,30,40,,abc,50").split(u','));

        // Ids that go down within one live batch (a server with its own id scheme).
        model.enqueue(message(70, ada, kBase + 70 * kMinute));
        ChatMessage second = textual;
        second.textId = QStringLiteral("def");
        model.enqueue(second);
        model.enqueue(message(60, ada, kBase + 71 * kMinute));
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("ids out of order")));
        model.flush();
        QCOMPARE(model.rowCount(), 11);
        for (qint64 id : { 10, 20, 25, 30, 40, 50, 60, 70 })
            model.enqueue(message(id, ada, kBase + id * kMinute));
        model.enqueue(message(65, ada, kBase + 65 * kMinute));
        model.flush();
        QCOMPARE(model.rowCount(), 12);
        QVERIFY(ids().contains(QStringLiteral("65")));
        QCOMPARE(ids().count(QStringLiteral("60")), 1);
    }

    void historyPagesGoBelow()
    {
        auto senders = std::make_shared<SenderDirectory>();
        const quint32 ada = senders->intern(QStringLiteral("1"), QStringLiteral("Ada"));
        MessageListModel model(QStringLiteral("1"), false, senders);
        QStringList befores;
        std::function<void(MessageListModel::HistoryPage)> pendingDone;
        model.setHistoryLoader([&](const QString &before, int limit,
                                   std::function<void(MessageListModel::HistoryPage)> done) {
            QCOMPARE(limit, MessageListModel::kPageSize);
            befores.append(before);
            pendingDone = std::move(done);
        });
        model.enqueue(message(100, ada, kBase));
        model.flush();
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The tester asked for more already; either way one page is in flight.
        if (model.canFetchMore({}))
            model.fetchMore({});
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(befores, QStringList { QStringLiteral("100") });
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        MessageListModel::HistoryPage page;
        for (qint64 id = 99; id > 49; --id) // newest first, as the REST API returns them
            page.messages.push_back(message(id, ada, kBase - (100 - id) * kMinute));
        page.messages.push_back(message(100, ada, kBase)); // overlap: dropped
        pendingDone(std::move(page));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 51);
        QCOMPARE(model.index(50).data(MessageListModel::IdRole).toString(), QStringLiteral("50"));
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(befores.constLast(), QStringLiteral("50"));
        MessageListModel::HistoryPage last;
        last.complete = true;
        last.messages.push_back(message(49, ada, kBase - 60 * kMinute));
        pendingDone(std::move(last));
        QVERIFY(model.historyComplete());
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.rowCount(), 52);
    }

    void presenceModelPutsOnlineFirst()
    {
        PresenceModel presence;
        QAbstractItemModelTester tester(
            &presence, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto user = [](int id, const QString &first, const QString &status) {
            return QVariantMap { { QStringLiteral("id"), id },
                { QStringLiteral("firstName"), first },
                { QStringLiteral("lastName"), QStringLiteral("X") },
                { QStringLiteral("status"), status } };
        };
        presence.mergeServerList({ user(1, QStringLiteral("Ada"), QStringLiteral("offline")),
            user(2, QStringLiteral("Bob"), QStringLiteral("online")),
            user(3, QStringLiteral("Cy"), QStringLiteral("offline")) });
        QCOMPARE(presence.get(0).value(QStringLiteral("id")).toString(), QStringLiteral("2"));
        QCOMPARE(presence.onlineCount(), 1);
        presence.setStatus(QStringLiteral("3"), QStringLiteral("online"), kBase);
        QCOMPARE(presence.get(0).value(QStringLiteral("id")).toString(), QStringLiteral("2"));
        QCOMPARE(presence.get(1).value(QStringLiteral("id")).toString(), QStringLiteral("3"));
        presence.setStatus(QStringLiteral("2"), QStringLiteral("offline"), kBase);
        QCOMPARE(presence.get(0).value(QStringLiteral("id")).toString(), QStringLiteral("3"));
        QCOMPARE(presence.get(2).value(QStringLiteral("id")).toString(), QStringLiteral("2"));
        presence.setStatus(QStringLiteral("9"), QStringLiteral("online"), kBase); // unknown user
        QCOMPARE(presence.get(presence.indexOf(QStringLiteral("9")))
                     .value(QStringLiteral("name"))
                     .toString(),
            QStringLiteral("User 9"));
        QCOMPARE(presence.statusOf(QStringLiteral("9")), QStringLiteral("online"));
        QVERIFY(presence.indexOf(QStringLiteral("9")) < presence.indexOf(QStringLiteral("1")));
        presence.upsertUser(QVariantMap {
            { QStringLiteral("id"), 9 }, { QStringLiteral("firstName"), QStringLiteral("Zed") } });
        QCOMPARE(presence.statusOf(QStringLiteral("9")), QStringLiteral("online"));
        QCOMPARE(presence.get(presence.indexOf(QStringLiteral("9")))
                     .value(QStringLiteral("name"))
                     .toString(),
            QStringLiteral("Zed"));
    }
};

QTEST_GUILESS_MAIN(TestClientModels)
#include "tst_clientmodels.moc"
