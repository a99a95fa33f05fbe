#pragma once

#include "messagedetails.h"
#include "socketio/jsonvalue.h"

#include <QString>
#include <QVariant>

#include <memory>
#include <optional>

/// Reading event payloads and REST bodies defensively: ids may be numbers or strings, fields may
/// be missing or of the wrong type. Nothing here throws or asserts on bad input; a payload that
/// cannot be used gives nullopt and a reason for the log.
///
/// Each reader takes both forms with the same rules: a SocketIo::JsonValue (socket events, read
/// in place from the frame) and Qt values (REST bodies, QML).
namespace Payload {

/// A number (integral) or a non-empty string as a string; anything else gives an empty string.
QString idString(const QVariant &value);
QString idString(const SocketIo::JsonValue &value);
/// An ISO 8601 string or epoch milliseconds; 0 when absent or unreadable.
qint64 timestampMs(const QVariant &value);
qint64 timestampMs(const SocketIo::JsonValue &value);
/// A string field, or empty when absent or not a string.
QString string(const QVariantMap &map, const QString &key);
QString string(const SocketIo::JsonValue &object, QStringView key);

struct User
{
    QString id;
    /// "First Last", or `name`, or empty.
    QString name;
    QString avatar;
    QString role;
};
/// {id, firstName, lastName, role, avatar}; nullopt without a usable id.
std::optional<User> user(const QVariant &value);
std::optional<User> user(const SocketIo::JsonValue &value);

struct Message
{
    QString id;
    /// Set for room messages.
    QString roomId;
    /// Set on the sender's own DM echo (and in REST DM pages).
    QString recipientId;
    QString clientId;
    QString text;
    User sender;
    qint64 createdAtMs = 0;
    /// Replies, threads, edits, deletes, reactions, mentions; null when the message has none.
    std::shared_ptr<MessageDetails> details;
};
/// message:received / dm:received payloads and REST message objects. Needs a sender with an id
/// and a string text (none for a deleted message); a missing createdAt means "now".
std::optional<Message> message(const QVariant &value, QString *why = nullptr);
std::optional<Message> message(const SocketIo::JsonValue &value, QString *why = nullptr);

/// `reactions` of a message or of message:reactions: entries without an emoji or users are
/// dropped; anything but an array gives an empty list.
QList<MessageDetails::Reaction> reactions(const QVariant &value);
QList<MessageDetails::Reaction> reactions(const SocketIo::JsonValue &value);
/// `thread` of a root, or a thread:updated / thread:resolve ack payload
/// ({replyCount, lastReplyAt, resolved}); nullopt when it is not an object.
std::optional<MessageDetails::Thread> thread(const QVariant &value);
std::optional<MessageDetails::Thread> thread(const SocketIo::JsonValue &value);
/// `attachments` of a message: [{id, name, size, mimeType, width?, height?}] in the order sent.
/// An entry that is not an object or has no usable file id ([A-Za-z0-9_-], at most 64) is
/// dropped; wrong types in the other fields read as empty or 0; at most kMaxAttachments are read.
QList<FileInfo> attachments(const QVariant &value);
QList<FileInfo> attachments(const SocketIo::JsonValue &value);
/// A file id the server could have made: it goes into a URL path, so nothing else is accepted.
bool isFileId(const QString &id);
/// More than any server sends (10): a hostile message cannot make one row hold thousands.
constexpr qsizetype kMaxAttachments = 64;
/// An array of ids (mentions, pins) as strings; items that are not ids are dropped.
QStringList idList(const QVariant &value);
QStringList idList(const SocketIo::JsonValue &value);

} // namespace Payload
