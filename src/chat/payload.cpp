#include "payload.h"

#include <QDateTime>

#include <cmath>

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
    const auto text = field(map, QStringLiteral("text"));
    if (!isString(text))
        return fail(QStringLiteral("text is missing or not a string"));
    result.text = text.toString();
    const auto sender = userOf(field(map, QStringLiteral("sender")));
    if (sender) {
        result.sender = *sender;
    } else {
        // REST DM summaries carry senderId only.
        result.sender.id = idString(field(map, QStringLiteral("senderId")));
        if (result.sender.id.isEmpty())
            return fail(QStringLiteral("sender is missing or has no id"));
    }
    result.id = idString(field(map, QStringLiteral("id")));
    result.roomId = idString(field(map, QStringLiteral("roomId")));
    result.recipientId = idString(field(map, QStringLiteral("recipientId")));
    result.clientId = string(map, QStringLiteral("clientId"));
    result.createdAtMs = timestampMs(field(map, QStringLiteral("createdAt")));
    if (result.createdAtMs == 0)
        result.createdAtMs = QDateTime::currentMSecsSinceEpoch();
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

} // namespace Payload
