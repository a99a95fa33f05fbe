#pragma once

#include <QByteArrayList>
#include <QString>
#include <QVariant>

namespace SocketIo {

/// Serialises Qt values as compact JSON, the inverse of JsonReader.
///
/// QVariantMap / QVariantHash / QVariantList / QStringList, strings, numbers, bool and null map to
/// their JSON forms; QJsonValue, QJsonObject and QJsonArray are accepted too. When `attachments` is
/// given, each QByteArray is appended to it and written as a Socket.IO placeholder
/// `{"_placeholder":true,"num":N}`; without it a QByteArray is written as a string.
/// Non-finite doubles become null, as JSON.stringify does.
class JsonWriter
{
public:
    static void write(const QVariant &value, QString &out, QByteArrayList *attachments = nullptr);
    static QString toJson(const QVariant &value, QByteArrayList *attachments = nullptr);
};

} // namespace SocketIo
