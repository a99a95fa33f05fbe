#include "conversationlistmodel.h"

#include "modelrow.h"
#include "payload.h"

#include <QDateTime>

ConversationListModel::ConversationListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_conversations.size());
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    return {
        { PeerIdRole, "peerId" },
        { PeerNameRole, "peerName" },
        { PeerAvatarRole, "peerAvatar" },
        { LastMessageTextRole, "lastMessageText" },
        { LastActivityRole, "lastActivity" },
        { UnreadCountRole, "unreadCount" },
    };
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Conversation &conversation = m_conversations[size_t(index.row())];
    switch (role) {
    case PeerIdRole:
        return conversation.peerId;
    case Qt::DisplayRole:
    case PeerNameRole:
        return conversation.peerName;
    case PeerAvatarRole:
        return conversation.peerAvatar;
    case LastMessageTextRole:
        return conversation.lastMessageText;
    case LastActivityRole:
        return conversation.lastActivityMs > 0
            ? QDateTime::fromMSecsSinceEpoch(conversation.lastActivityMs)
            : QDateTime();
    case UnreadCountRole:
        return conversation.unreadCount;
    default:
        return {};
    }
}

QVariantMap ConversationListModel::get(int row) const
{
    return modelRowAsMap(this, row);
}

int ConversationListModel::indexOf(const QString &peerId) const
{
    for (size_t i = 0; i < m_conversations.size(); ++i) {
        if (m_conversations[i].peerId == peerId)
            return int(i);
    }
    return -1;
}

void ConversationListModel::moveToItsPlace(int row)
{
    // Most recent first; only the row that changed can be out of place.
    const qint64 at = m_conversations[size_t(row)].lastActivityMs;
    // Its index once removed: the number of other conversations that are more recent.
    int target = 0;
    for (size_t i = 0; i < m_conversations.size(); ++i) {
        if (int(i) != row && m_conversations[i].lastActivityMs > at)
            ++target;
    }
    if (target == row)
        return;
    const int destination = target > row ? target + 1 : target;
    beginMoveRows({}, row, row, {}, destination);
    Conversation moving = std::move(m_conversations[size_t(row)]);
    m_conversations.erase(m_conversations.begin() + row);
    m_conversations.insert(m_conversations.begin() + target, std::move(moving));
    endMoveRows();
}

int ConversationListModel::ensure(
    const QString &peerId, const QString &peerName, const QString &peerAvatar)
{
    int row = indexOf(peerId);
    if (row >= 0) {
        Conversation &conversation = m_conversations[size_t(row)];
        if ((!peerName.isEmpty() && conversation.peerName != peerName)
            || (!peerAvatar.isEmpty() && conversation.peerAvatar != peerAvatar)) {
            if (!peerName.isEmpty())
                conversation.peerName = peerName;
            if (!peerAvatar.isEmpty())
                conversation.peerAvatar = peerAvatar;
            Q_EMIT dataChanged(index(row), index(row), { PeerNameRole, PeerAvatarRole });
        }
        return row;
    }
    row = 0; // a new conversation is the most recent one
    beginInsertRows({}, row, row);
    Conversation conversation;
    conversation.peerId = peerId;
    conversation.peerName = peerName.isEmpty() ? tr("User %1").arg(peerId) : peerName;
    conversation.peerAvatar = peerAvatar;
    conversation.lastActivityMs = QDateTime::currentMSecsSinceEpoch();
    m_conversations.insert(m_conversations.begin(), std::move(conversation));
    endInsertRows();
    Q_EMIT countChanged();
    return row;
}

void ConversationListModel::noteMessage(
    const QString &peerId, const QString &text, qint64 atMs, bool unread)
{
    const int row = ensure(peerId, {}, {});
    Conversation &conversation = m_conversations[size_t(row)];
    conversation.lastMessageText = text;
    // A conversation just started carries "now"; its first message brings the real time.
    const bool firstMessage = conversation.lastMessageText.isEmpty();
    conversation.lastActivityMs = firstMessage ? atMs : std::max(conversation.lastActivityMs, atMs);
    if (unread)
        ++conversation.unreadCount;
    Q_EMIT dataChanged(
        index(row), index(row), { LastMessageTextRole, LastActivityRole, UnreadCountRole });
    moveToItsPlace(row);
}

void ConversationListModel::markRead(const QString &peerId)
{
    const int row = indexOf(peerId);
    if (row < 0 || m_conversations[size_t(row)].unreadCount == 0)
        return;
    m_conversations[size_t(row)].unreadCount = 0;
    Q_EMIT dataChanged(index(row), index(row), { UnreadCountRole });
}

void ConversationListModel::mergeServerList(const QVariantList &conversations)
{
    for (const QVariant &value : conversations) {
        const QVariantMap map = value.toMap();
        const auto peer = Payload::user(map.value(QStringLiteral("user")));
        if (!peer)
            continue;
        const int row = ensure(peer->id, peer->name, peer->avatar);
        const QVariantMap last = map.value(QStringLiteral("lastMessage")).toMap();
        const qint64 at = Payload::timestampMs(last.value(QStringLiteral("createdAt")));
        Conversation &conversation = m_conversations[size_t(row)];
        if (at > 0
            && (conversation.lastMessageText.isEmpty() || at >= conversation.lastActivityMs)) {
            conversation.lastMessageText = Payload::string(last, QStringLiteral("text"));
            conversation.lastActivityMs = at;
            Q_EMIT dataChanged(index(row), index(row), { LastMessageTextRole, LastActivityRole });
            moveToItsPlace(row);
        }
    }
}

void ConversationListModel::clear()
{
    if (m_conversations.empty())
        return;
    beginResetModel();
    m_conversations.clear();
    endResetModel();
    Q_EMIT countChanged();
}
