#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>

#include <vector>

class Conversation;

/// A list of conversations for the sidebar: the rooms (in the server's order) or the direct
/// conversations (most recent first). Rows are the Conversation objects themselves, so a row
/// changes when its conversation does; the model keeps no state of its own.
class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Use ConversationManager.rooms or ConversationManager.directConversations")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role
    {
        /// Conversation *: the conversation itself (open it with ConversationManager.open()).
        ConversationRole = Qt::UserRole + 1,
        /// QString: the room id, or the other user's id.
        IdRole,
        /// QString: an opaque key for notifications ("room:3").
        KeyRole,
        /// QString: the room's or the other user's name.
        NameRole,
        /// QString: the room's description, or the other user's role; may be empty.
        DescriptionRole,
        /// QString: avatar URL; may be empty.
        AvatarRole,
        /// bool: the user is a member (always true for direct conversations).
        JoinedRole,
        /// int: unread messages from others.
        UnreadCountRole,
        /// QString: text of the newest known message; may be empty.
        LastMessageTextRole,
        /// QDateTime: time of the newest known message; invalid when none.
        LastActivityRole,
        /// int: members according to the server (0 when unknown).
        MemberCountRole,
        /// bool: the other user is online (direct conversations).
        OnlineRole,
        /// int: unread messages that mention the user.
        MentionCountRole,
        /// bool: notifications are off here (mentions still notify).
        MutedRole,
        /// QString: who wrote the newest known message; empty when unknown.
        LastMessageSenderNameRole,
    };
    Q_ENUM(Role)

    enum class Order
    {
        /// As added (the server's room order).
        Insertion,
        /// The newest activity first.
        RecentFirst
    };

    explicit ConversationListModel(Order order, QObject *parent = nullptr);

    int count() const { return int(m_rows.size()); }
    bool contains(const Conversation *conversation) const { return indexOf(conversation) >= 0; }
    int indexOf(const Conversation *conversation) const;
    Conversation *at(int row) const;
    /// Adds the conversation (nothing when it is already listed).
    void add(Conversation *conversation);
    void remove(Conversation *conversation);
    void clear();

    /// The conversation in this row, for QML code outside a delegate.
    Q_INVOKABLE Conversation *get(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();

private:
    void changed(Conversation *conversation, const QList<int> &roles);
    void moveToItsPlace(int row);
    int placeFor(const Conversation *conversation) const;

    Order m_order;
    std::vector<Conversation *> m_rows;
};
