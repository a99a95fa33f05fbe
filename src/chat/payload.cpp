#include "payload.h"

#include <QDateTime>

#include <cmath>

namespace Payload {

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
    case QMetaType::Float: {
        const double number = value.toDouble();
        // JSON numbers may arrive as doubles; an integral one is an id, 3.5 is not.
        if (std::isfinite(number) && std::trunc(number) == number && std::abs(number) < 9.0e15)
            return QString::number(qint64(number));
        return {};
    }
    default:
        return {};
    }
}

qint64 timestampMs(const QVariant &value)
{
    if (value.typeId() == QMetaType::QString) {
        const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
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

QString string(const QVariantMap &map, const QString &key)
{
    const QVariant value = map.value(key);
    return value.typeId() == QMetaType::QString ? value.toString() : QString();
}

std::optional<User> user(const QVariant &value)
{
    if (value.typeId() != QMetaType::QVariantMap)
        return std::nullopt;
    const QVariantMap map = value.toMap();
    User result;
    result.id = idString(map.value(QStringLiteral("id")));
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

std::optional<Message> message(const QVariant &value, QString *why)
{
    auto fail = [why](const QString &reason) -> std::optional<Message> {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    if (value.typeId() != QMetaType::QVariantMap)
        return fail(QStringLiteral("payload is not an object"));
    const QVariantMap map = value.toMap();
    Message result;
    const QVariant text = map.value(QStringLiteral("text"));
    if (text.typeId() != QMetaType::QString)
        return fail(QStringLiteral("text is missing or not a string"));
    result.text = text.toString();
    const auto sender = user(map.value(QStringLiteral("sender")));
    if (sender) {
        result.sender = *sender;
    } else {
        // REST DM summaries carry senderId only.
        result.sender.id = idString(map.value(QStringLiteral("senderId")));
        if (result.sender.id.isEmpty())
            return fail(QStringLiteral("sender is missing or has no id"));
    }
    result.id = idString(map.value(QStringLiteral("id")));
    result.roomId = idString(map.value(QStringLiteral("roomId")));
    result.recipientId = idString(map.value(QStringLiteral("recipientId")));
    result.clientId = string(map, QStringLiteral("clientId"));
    result.createdAtMs = timestampMs(map.value(QStringLiteral("createdAt")));
    if (result.createdAtMs == 0)
        result.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    return result;
}

} // namespace Payload
