#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>

#include <vector>

/// The study rooms: from GET /api/rooms when the server has it, plus every room joined by id
/// (a seed-style server has no room list, so a room may be known by its id only).
class RoomListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Use SocketService.rooms")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role
    {
        /// QString: the room id.
        IdRole = Qt::UserRole + 1,
        /// QString: the room name ("Room <id>" when only the id is known).
        NameRole,
        /// QString: what the room is about; may be empty.
        DescriptionRole,
        /// bool: this client has joined it (and re-joins it after every reconnect).
        JoinedRole,
        /// int: messages from others received since markRoomRead().
        UnreadCountRole,
        /// QString: text of the newest known message; may be empty.
        LastMessageTextRole,
        /// QDateTime: time of the newest known message; invalid when none.
        LastActivityRole,
        /// int: members according to the server (0 when unknown).
        MemberCountRole,
    };
    Q_ENUM(Role)

    struct Room
    {
        QString id;
        QString name;
        QString description;
        bool joined = false;
        int unreadCount = 0;
        QString lastMessageText;
        qint64 lastActivityMs = 0;
        int memberCount = 0;
    };

    explicit RoomListModel(QObject *parent = nullptr);

    int count() const { return int(m_rooms.size()); }
    /// Merges GET /api/rooms: known rooms are updated, new ones appended; joined state is kept.
    void mergeServerList(const QVariantList &rooms);
    /// The row of the room, adding a placeholder for an unknown id.
    int ensureRoom(const QString &id);
    void setJoined(const QString &id, bool joined);
    void noteMessage(const QString &id, const QString &text, qint64 atMs, bool unread);
    void adjustMemberCount(const QString &id, int delta);
    void clear();

    Q_INVOKABLE int indexOf(const QString &id) const;
    Q_INVOKABLE void markRead(const QString &id);
    /// The room's fields by role name, for QML code outside a delegate.
    Q_INVOKABLE QVariantMap get(int row) const;
    const Room *room(const QString &id) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();

private:
    void changed(int row, const QList<int> &roles);

    std::vector<Room> m_rooms;
};
