#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>

#include <vector>

/// Direct-message conversations, most recent first. A conversation appears when GET /api/dms
/// lists it, when a DM arrives, or when the user starts one (SocketService.startConversation()).
class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Use SocketService.conversations")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role
    {
        /// QString: the other user's id (also the conversation's id).
        PeerIdRole = Qt::UserRole + 1,
        /// QString: the other user's name.
        PeerNameRole,
        /// QString: the other user's avatar URL; may be empty.
        PeerAvatarRole,
        /// QString: text of the newest message; empty for a conversation just started.
        LastMessageTextRole,
        /// QDateTime: time of the newest message (or when the conversation was started).
        LastActivityRole,
        /// int: messages from the peer received since markConversationRead().
        UnreadCountRole,
    };
    Q_ENUM(Role)

    struct Conversation
    {
        QString peerId;
        QString peerName;
        QString peerAvatar;
        QString lastMessageText;
        qint64 lastActivityMs = 0;
        int unreadCount = 0;
    };

    explicit ConversationListModel(QObject *parent = nullptr);

    int count() const { return int(m_conversations.size()); }
    /// Merges GET /api/dms ([{user, lastMessage}]).
    void mergeServerList(const QVariantList &conversations);
    /// The row of the conversation with this peer, created when missing.
    int ensure(const QString &peerId, const QString &peerName, const QString &peerAvatar);
    void noteMessage(const QString &peerId, const QString &text, qint64 atMs, bool unread);
    void clear();

    Q_INVOKABLE int indexOf(const QString &peerId) const;
    Q_INVOKABLE void markRead(const QString &peerId);
    Q_INVOKABLE QVariantMap get(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();

private:
    void moveToItsPlace(int row);

    std::vector<Conversation> m_conversations;
};
