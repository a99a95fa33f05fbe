#include "payload.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace Payload {

namespace {

/// JSON numbers may arrive as doubles: an integral one is an id, 3.5 is not.
QString integralIdString(double number)
{
    if (std::isfinite(number) && std::trunc(number) == number && std::abs(number) < 9.0e15)
        return QString::number(qint64(number));
    return {};
}

} // namespace

QString idString(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QString:
        return value.toString().trimmed();
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return QString::number(value.toLongLong());
    case QMetaType::Double:
    case QMetaType::Float:
        return integralIdString(value.toDouble());
    default:
        return {};
    }
}

QString idString(const SocketIo::JsonValue &value)
{
    switch (value.type()) {
    case SocketIo::JsonValue::Type::String:
        return value.toStringView().trimmed().toString();
    case SocketIo::JsonValue::Type::Integer:
        return QString::number(value.toInteger());
    case SocketIo::JsonValue::Type::Double:
        return integralIdString(value.toDouble());
    default:
        return {};
    }
}

namespace {

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
qint64 daysFromCivil(int year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const int yearOfEra = year - era * 400;
    const int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return qint64(era) * 146097 + dayOfEra - 719468;
}

/// "YYYY-MM-DDTHH:MM:SS[.sss]Z", what JavaScript's toISOString() sends, without QDateTime's
/// general parser (the hot path of message ingest). 0 when the text has another shape.
qint64 parseUtcIsoFast(QStringView text)
{
    const qsizetype size = text.size();
    if ((size != 20 && size != 24) || text[4] != u'-' || text[7] != u'-' || text[10] != u'T'
        || text[13] != u':' || text[16] != u':' || text[size - 1] != u'Z'
        || (size == 24 && text[19] != u'.'))
        return 0;
    bool ok = true;
    auto number = [&](qsizetype from, qsizetype count) {
        int result = 0;
        for (qsizetype i = from; i < from + count; ++i) {
            const char16_t c = text[i].unicode();
            if (c < u'0' || c > u'9')
                ok = false;
            result = result * 10 + int(c - u'0');
        }
        return result;
    };
    const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
    const int hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
    const int millis = size == 24 ? number(20, 3) : 0;
    if (!ok || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59
        || second > 60)
        return 0;
    return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60000
        + qint64(second) * 1000 + millis;
}

} // namespace

qint64 timestampMs(const QVariant &value)
{
    if (value.typeId() == QMetaType::QString) {
        const QString text = value.toString();
        if (const qint64 fast = parseUtcIsoFast(text))
            return fast;
        const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
        return time.isValid() ? time.toMSecsSinceEpoch() : 0;
    }
    if (value.typeId() == QMetaType::QDateTime)
        return value.toDateTime().toMSecsSinceEpoch();
    bool ok = false;
    const double number = value.toDouble(&ok);
    if (ok && std::isfinite(number) && number > 0 && value.typeId() != QMetaType::Bool)
        return qint64(number);
    return 0;
}

qint64 timestampMs(const SocketIo::JsonValue &value)
{
    if (value.isString()) {
        const QStringView text = value.toStringView();
        if (const qint64 fast = parseUtcIsoFast(text))
            return fast;
        const QDateTime time = QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
        return time.isValid() ? time.toMSecsSinceEpoch() : 0;
    }
    const double number = value.toDouble(0);
    if (value.isNumber() && std::isfinite(number) && number > 0)
        return qint64(number);
    return 0;
}

QString string(const QVariantMap &map, const QString &key)
{
    const QVariant value = map.value(key);
    return value.typeId() == QMetaType::QString ? value.toString() : QString();
}

QString string(const SocketIo::JsonValue &object, QStringView key)
{
    return object.value(key).toString();
}

namespace {

// user() and message() once for both forms of a payload. An object is read through `Object`:
// the QVariantMap of a QVariant, or the JsonValue itself.
bool isObject(const QVariant &value)
{
    return value.typeId() == QMetaType::QVariantMap;
}

bool isObject(const SocketIo::JsonValue &value)
{
    return value.isObject();
}

QVariantMap objectOf(const QVariant &value)
{
    return value.toMap();
}

const SocketIo::JsonValue &objectOf(const SocketIo::JsonValue &value)
{
    return value;
}

QVariant field(const QVariantMap &map, const QString &key)
{
    return map.value(key);
}

SocketIo::JsonValue field(const SocketIo::JsonValue &object, const QString &key)
{
    return object.value(key);
}

bool isString(const QVariant &value)
{
    return value.typeId() == QMetaType::QString;
}

bool isString(const SocketIo::JsonValue &value)
{
    return value.isString();
}

template<typename Value>
std::optional<User> userOf(const Value &value)
{
    if (!isObject(value))
        return std::nullopt;
    const auto &map = objectOf(value);
    User result;
    result.id = idString(field(map, QStringLiteral("id")));
    if (result.id.isEmpty())
        return std::nullopt;
    const QString first = string(map, QStringLiteral("firstName"));
    const QString last = string(map, QStringLiteral("lastName"));
    result.name = QString(first + u' ' + last).trimmed();
    if (result.name.isEmpty())
        result.name = string(map, QStringLiteral("name"));
    result.avatar = string(map, QStringLiteral("avatar"));
    result.role = string(map, QStringLiteral("role"));
    return result;
}

bool isArray(const QVariant &value)
{
    return value.typeId() == QMetaType::QVariantList;
}

bool isArray(const SocketIo::JsonValue &value)
{
    return value.isArray();
}

QVariantList itemsOf(const QVariant &value)
{
    return value.toList();
}

std::vector<SocketIo::JsonValue> itemsOf(const SocketIo::JsonValue &value)
{
    std::vector<SocketIo::JsonValue> items;
    items.reserve(size_t(value.size()));
    for (qsizetype i = 0; i < value.size(); ++i)
        items.push_back(value.at(i));
    return items;
}

bool isTrue(const QVariant &value)
{
    return value.typeId() == QMetaType::Bool && value.toBool();
}

bool isTrue(const SocketIo::JsonValue &value)
{
    return value.isBool() && value.toBool();
}

bool isDefined(const QVariant &value)
{
    return value.isValid();
}

bool isDefined(const SocketIo::JsonValue &value)
{
    return !value.isUndefined();
}

qsizetype objectSize(const QVariantMap &map)
{
    return map.size();
}

qsizetype objectSize(const SocketIo::JsonValue &object)
{
    return object.size();
}

template<typename Value>
QStringList idListOf(const Value &value)
{
    QStringList ids;
    if (!isArray(value))
        return ids;
    for (const auto &item : itemsOf(value)) {
        const QString id = idString(item);
        if (!id.isEmpty())
            ids.append(id);
    }
    return ids;
}

template<typename Value>
QList<MessageDetails::Reaction> reactionsOf(const Value &value)
{
    QList<MessageDetails::Reaction> result;
    if (!isArray(value))
        return result;
    for (const auto &item : itemsOf(value)) {
        if (!isObject(item))
            continue;
        const auto &map = objectOf(item);
        MessageDetails::Reaction reaction;
        reaction.emoji = string(map, QStringLiteral("emoji"));
        reaction.userIds = idListOf(field(map, QStringLiteral("userIds")));
        if (!reaction.emoji.isEmpty() && !reaction.userIds.isEmpty())
            result.append(std::move(reaction));
    }
    return result;
}

template<typename Value>
std::optional<MessageDetails::Thread> threadOf(const Value &value)
{
    if (!isObject(value))
        return std::nullopt;
    const auto &map = objectOf(value);
    MessageDetails::Thread thread;
    thread.replyCount = int(std::clamp<qint64>(
        idString(field(map, QStringLiteral("replyCount"))).toLongLong(), 0, 1 << 30));
    thread.lastReplyAtMs = timestampMs(field(map, QStringLiteral("lastReplyAt")));
    thread.resolved = isTrue(field(map, QStringLiteral("resolved")));
    return thread;
}

/// A size or a pixel count: a whole number, negative or unreadable as 0.
template<typename Value>
qint64 countOf(const Value &value, qint64 most)
{
    return std::clamp<qint64>(idString(value).toLongLong(), 0, most);
}

template<typename Value>
QList<FileInfo> attachmentsOf(const Value &value)
{
    QList<FileInfo> result;
    if (!isArray(value))
        return result;
    for (const auto &item : itemsOf(value)) {
        if (result.size() >= kMaxAttachments)
            break;
        if (!isObject(item))
            continue;
        const auto &map = objectOf(item);
        const auto id = field(map, QStringLiteral("id"));
        FileInfo file;
        file.id = isString(id) ? id.toString() : QString();
        if (!isFileId(file.id))
            continue;
        file.name = string(map, QStringLiteral("name"));
        file.mimeType = string(map, QStringLiteral("mimeType"));
        file.size = countOf(field(map, QStringLiteral("size")), std::numeric_limits<qint64>::max());
        constexpr qint64 kMostPixels = 1 << 20;
        file.width = int(countOf(field(map, QStringLiteral("width")), kMostPixels));
        file.height = int(countOf(field(map, QStringLiteral("height")), kMostPixels));
        result.append(std::move(file));
    }
    return result;
}

/// The study fields of a message object; null when it has none.
template<typename Map>
std::shared_ptr<MessageDetails> detailsOf(const Map &map)
{
    auto details = std::make_shared<MessageDetails>();
    const auto quote = field(map, QStringLiteral("replyTo"));
    if (isObject(quote)) {
        const auto &quoted = objectOf(quote);
        MessageDetails::Quote result;
        result.id = idString(field(quoted, QStringLiteral("id")));
        if (const auto sender = userOf(field(quoted, QStringLiteral("sender")))) {
            result.senderId = sender->id;
            result.senderName = sender->name;
        }
        const auto text = field(quoted, QStringLiteral("text"));
        result.deleted = !isString(text);
        result.text = result.deleted ? QString() : text.toString();
        if (!result.id.isEmpty())
            details->replyTo = std::move(result);
    }
    details->threadId = idString(field(map, QStringLiteral("threadId")));
    details->thread = threadOf(field(map, QStringLiteral("thread")));
    details->editedAtMs = timestampMs(field(map, QStringLiteral("editedAt")));
    details->deleted = isTrue(field(map, QStringLiteral("deleted")));
    details->reactions = reactionsOf(field(map, QStringLiteral("reactions")));
    details->mentions = idListOf(field(map, QStringLiteral("mentions")));
    details->attachments = attachmentsOf(field(map, QStringLiteral("attachments")));
    return details->isEmpty() ? nullptr : details;
}

template<typename Value>
std::optional<Message> messageOf(const Value &value, QString *why)
{
    auto fail = [why](const QString &reason) -> std::optional<Message> {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    if (!isObject(value))
        return fail(QStringLiteral("payload is not an object"));
    const auto &map = objectOf(value);
    Message result;
    // The fields every message shape may have; anything beyond them is a study addition.
    qsizetype known = 0;
    const auto text = field(map, QStringLiteral("text"));
    if (isString(text))
        result.text = text.toString();
    else if (!isTrue(field(map, QStringLiteral("deleted")))) // a deleted message has no text
        return fail(QStringLiteral("text is missing or not a string"));
    known += isDefined(text) ? 1 : 0;
    const auto senderValue = field(map, QStringLiteral("sender"));
    const auto sender = userOf(senderValue);
    if (sender) {
        result.sender = *sender;
        ++known;
    } else {
        // REST DM summaries carry senderId only.
        result.sender.id = idString(field(map, QStringLiteral("senderId")));
        if (result.sender.id.isEmpty())
            return fail(QStringLiteral("sender is missing or has no id"));
        known += isDefined(senderValue) ? 2 : 1;
    }
    const auto id = field(map, QStringLiteral("id"));
    const auto roomId = field(map, QStringLiteral("roomId"));
    const auto recipientId = field(map, QStringLiteral("recipientId"));
    const auto clientId = field(map, QStringLiteral("clientId"));
    const auto createdAt = field(map, QStringLiteral("createdAt"));
    for (const auto *present : { &id, &roomId, &recipientId, &clientId, &createdAt })
        known += isDefined(*present) ? 1 : 0;
    result.id = idString(id);
    result.roomId = idString(roomId);
    result.recipientId = idString(recipientId);
    result.clientId = isString(clientId) ? clientId.toString() : QString();
    result.createdAtMs = timestampMs(createdAt);
    if (result.createdAtMs == 0)
        result.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    // One size check keeps the seed's shape (the hot path of a busy room) free of lookups.
    if (objectSize(map) > known)
        result.details = detailsOf(map);
    return result;
}

} // namespace

std::optional<User> user(const QVariant &value)
{
    return userOf(value);
}

std::optional<User> user(const SocketIo::JsonValue &value)
{
    return userOf(value);
}

std::optional<Message> message(const QVariant &value, QString *why)
{
    return messageOf(value, why);
}

std::optional<Message> message(const SocketIo::JsonValue &value, QString *why)
{
    return messageOf(value, why);
}

QList<MessageDetails::Reaction> reactions(const QVariant &value)
{
    return reactionsOf(value);
}

QList<MessageDetails::Reaction> reactions(const SocketIo::JsonValue &value)
{
    return reactionsOf(value);
}

std::optional<MessageDetails::Thread> thread(const QVariant &value)
{
    return threadOf(value);
}

std::optional<MessageDetails::Thread> thread(const SocketIo::JsonValue &value)
{
    return threadOf(value);
}

QList<FileInfo> attachments(const QVariant &value)
{
    return attachmentsOf(value);
}

QList<FileInfo> attachments(const SocketIo::JsonValue &value)
{
    return attachmentsOf(value);
}

bool isFileId(const QString &id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    return std::all_of(id.begin(), id.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || c == u'_' || c == u'-';
    });
}

QStringList idList(const QVariant &value)
{
    return idListOf(value);
}

QStringList idList(const SocketIo::JsonValue &value)
{
    return idListOf(value);
}

} // namespace Payload
