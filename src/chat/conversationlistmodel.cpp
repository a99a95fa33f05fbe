#include "conversationlistmodel.h"

#include "conversation.h"

#include <algorithm>

ConversationListModel::ConversationListModel(Order order, QObject *parent)
    : QAbstractListModel(parent)
    , m_order(order)
{ }

int ConversationListModel::indexOf(const Conversation *conversation) const
{
    const auto it = std::find(m_rows.begin(), m_rows.end(), conversation);
    return it == m_rows.end() ? -1 : int(it - m_rows.begin());
}

Conversation *ConversationListModel::at(int row) const
{
    return row >= 0 && row < count() ? m_rows[size_t(row)] : nullptr;
}

Conversation *ConversationListModel::get(int row) const
{
    return at(row);
}

int ConversationListModel::placeFor(const Conversation *conversation) const
{
    if (m_order == Order::Insertion)
        return count();
    const auto it =
        std::find_if(m_rows.begin(), m_rows.end(), [conversation](const Conversation *row) {
            return row->lastActivityMs() < conversation->lastActivityMs();
        });
    return int(it - m_rows.begin());
}

void ConversationListModel::add(Conversation *conversation)
{
    if (!conversation || contains(conversation))
        return;
    const int row = placeFor(conversation);
    beginInsertRows({}, row, row);
    m_rows.insert(m_rows.begin() + row, conversation);
    endInsertRows();
    // The role lists are made once: a busy room changes its row on every message.
    static const QList<int> detailRoles { NameRole, DescriptionRole, AvatarRole, MemberCountRole };
    static const QList<int> joinedRoles { JoinedRole };
    static const QList<int> onlineRoles { OnlineRole };
    static const QList<int> mutedRoles { MutedRole };
    static const QList<int> summaryRoles { UnreadCountRole, LastMessageTextRole,
        LastMessageSenderNameRole, LastActivityRole, MentionCountRole };
    connect(conversation, &Conversation::detailsChanged, this,
        [this, conversation] { changed(conversation, detailRoles); });
    connect(conversation, &Conversation::membershipChanged, this,
        [this, conversation] { changed(conversation, joinedRoles); });
    connect(conversation, &Conversation::peerOnlineChanged, this,
        [this, conversation] { changed(conversation, onlineRoles); });
    connect(conversation, &Conversation::mutedChanged, this,
        [this, conversation] { changed(conversation, mutedRoles); });
    connect(conversation, &Conversation::summaryChanged, this, [this, conversation] {
        changed(conversation, summaryRoles);
        if (m_order == Order::RecentFirst)
            moveToItsPlace(indexOf(conversation));
    });
    connect(conversation, &QObject::destroyed, this, [this, conversation] {
        // Only reached if the owner forgot remove(): never keep a dangling row.
        const int gone = indexOf(conversation);
        if (gone >= 0) {
            beginRemoveRows({}, gone, gone);
            m_rows.erase(m_rows.begin() + gone);
            endRemoveRows();
            Q_EMIT countChanged();
        }
    });
    Q_EMIT countChanged();
}

void ConversationListModel::remove(Conversation *conversation)
{
    const int row = indexOf(conversation);
    if (row < 0)
        return;
    QObject::disconnect(conversation, nullptr, this, nullptr);
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
    Q_EMIT countChanged();
}

void ConversationListModel::clear()
{
    if (m_rows.empty())
        return;
    beginResetModel();
    for (Conversation *conversation : m_rows)
        QObject::disconnect(conversation, nullptr, this, nullptr);
    m_rows.clear();
    endResetModel();
    Q_EMIT countChanged();
}

void ConversationListModel::changed(Conversation *conversation, const QList<int> &roles)
{
    const int row = indexOf(conversation);
    if (row < 0)
        return;
    const QModelIndex at = index(row);
    Q_EMIT dataChanged(at, at, roles);
}

void ConversationListModel::moveToItsPlace(int row)
{
    if (row < 0)
        return;
    Conversation *conversation = m_rows[size_t(row)];
    int target = row;
    while (
        target > 0 && m_rows[size_t(target - 1)]->lastActivityMs() < conversation->lastActivityMs())
        --target;
    if (target == row)
        return;
    beginMoveRows({}, row, row, {}, target);
    m_rows.erase(m_rows.begin() + row);
    m_rows.insert(m_rows.begin() + target, conversation);
    endMoveRows();
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Conversation *conversation = m_rows[size_t(index.row())];
    switch (role) {
    case ConversationRole:
        return QVariant::fromValue(const_cast<Conversation *>(conversation));
    case IdRole:
        return conversation->id();
    case KeyRole:
        return conversation->key();
    case Qt::DisplayRole:
    case NameRole:
        return conversation->name();
    case DescriptionRole:
        return conversation->description();
    case AvatarRole:
        return conversation->avatar();
    case JoinedRole:
        return conversation->isMember();
    case UnreadCountRole:
        return conversation->unreadCount();
    case MentionCountRole:
        return conversation->mentionCount();
    case MutedRole:
        return conversation->isMuted();
    case LastMessageTextRole:
        return conversation->lastMessageText();
    case LastMessageSenderNameRole:
        return conversation->lastMessageSenderName();
    case LastActivityRole:
        return conversation->lastActivity();
    case MemberCountRole:
        return conversation->memberCount();
    case OnlineRole:
        return conversation->peerOnline();
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    return {
        { ConversationRole, "conversation" },
        { IdRole, "id" },
        { KeyRole, "key" },
        { NameRole, "name" },
        { DescriptionRole, "description" },
        { AvatarRole, "avatar" },
        { JoinedRole, "joined" },
        { UnreadCountRole, "unreadCount" },
        { MentionCountRole, "mentionCount" },
        { MutedRole, "muted" },
        { LastMessageTextRole, "lastMessageText" },
        { LastMessageSenderNameRole, "lastMessageSenderName" },
        { LastActivityRole, "lastActivity" },
        { MemberCountRole, "memberCount" },
        { OnlineRole, "online" },
    };
}
