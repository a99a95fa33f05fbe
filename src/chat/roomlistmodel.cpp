#include "roomlistmodel.h"

#include "modelrow.h"
#include "payload.h"

#include <QDateTime>

RoomListModel::RoomListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int RoomListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rooms.size());
}

QHash<int, QByteArray> RoomListModel::roleNames() const
{
    return {
        { IdRole, "id" },
        { NameRole, "name" },
        { DescriptionRole, "description" },
        { JoinedRole, "joined" },
        { UnreadCountRole, "unreadCount" },
        { LastMessageTextRole, "lastMessageText" },
        { LastActivityRole, "lastActivity" },
        { MemberCountRole, "memberCount" },
    };
}

QVariant RoomListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Room &room = m_rooms[size_t(index.row())];
    switch (role) {
    case IdRole:
        return room.id;
    case Qt::DisplayRole:
    case NameRole:
        return room.name;
    case DescriptionRole:
        return room.description;
    case JoinedRole:
        return room.joined;
    case UnreadCountRole:
        return room.unreadCount;
    case LastMessageTextRole:
        return room.lastMessageText;
    case LastActivityRole:
        return room.lastActivityMs > 0 ? QDateTime::fromMSecsSinceEpoch(room.lastActivityMs)
                                       : QDateTime();
    case MemberCountRole:
        return room.memberCount;
    default:
        return {};
    }
}

QVariantMap RoomListModel::get(int row) const
{
    return modelRowAsMap(this, row);
}

int RoomListModel::indexOf(const QString &id) const
{
    for (size_t i = 0; i < m_rooms.size(); ++i) {
        if (m_rooms[i].id == id)
            return int(i);
    }
    return -1;
}

const RoomListModel::Room *RoomListModel::room(const QString &id) const
{
    const int row = indexOf(id);
    return row < 0 ? nullptr : &m_rooms[size_t(row)];
}

void RoomListModel::changed(int row, const QList<int> &roles)
{
    Q_EMIT dataChanged(index(row), index(row), roles);
}

void RoomListModel::mergeServerList(const QVariantList &rooms)
{
    for (const QVariant &value : rooms) {
        const QVariantMap map = value.toMap();
        const QString id = Payload::idString(map.value(QStringLiteral("id")));
        if (id.isEmpty())
            continue;
        const int row = ensureRoom(id);
        Room &room = m_rooms[size_t(row)];
        const QString name = Payload::string(map, QStringLiteral("name"));
        if (!name.isEmpty())
            room.name = name;
        room.description = Payload::string(map, QStringLiteral("description"));
        room.memberCount = map.value(QStringLiteral("memberCount")).toInt();
        const QVariantMap last = map.value(QStringLiteral("lastMessage")).toMap();
        const qint64 lastMs = Payload::timestampMs(last.value(QStringLiteral("createdAt")));
        if (lastMs > room.lastActivityMs) {
            room.lastActivityMs = lastMs;
            room.lastMessageText = Payload::string(last, QStringLiteral("text"));
        }
        changed(row, {});
    }
}

int RoomListModel::ensureRoom(const QString &id)
{
    const int existing = indexOf(id);
    if (existing >= 0)
        return existing;
    const int row = count();
    beginInsertRows({}, row, row);
    Room room;
    room.id = id;
    room.name = tr("Room %1").arg(id);
    m_rooms.push_back(std::move(room));
    endInsertRows();
    Q_EMIT countChanged();
    return row;
}

void RoomListModel::setJoined(const QString &id, bool joined)
{
    const int row = ensureRoom(id);
    if (m_rooms[size_t(row)].joined == joined)
        return;
    m_rooms[size_t(row)].joined = joined;
    changed(row, { JoinedRole });
}

void RoomListModel::noteMessage(const QString &id, const QString &text, qint64 atMs, bool unread)
{
    const int row = ensureRoom(id);
    Room &room = m_rooms[size_t(row)];
    if (atMs >= room.lastActivityMs) {
        room.lastActivityMs = atMs;
        room.lastMessageText = text;
    }
    if (unread)
        ++room.unreadCount;
    changed(row, { LastMessageTextRole, LastActivityRole, UnreadCountRole });
}

void RoomListModel::adjustMemberCount(const QString &id, int delta)
{
    const int row = indexOf(id);
    if (row < 0)
        return;
    m_rooms[size_t(row)].memberCount = std::max(0, m_rooms[size_t(row)].memberCount + delta);
    changed(row, { MemberCountRole });
}

void RoomListModel::markRead(const QString &id)
{
    const int row = indexOf(id);
    if (row < 0 || m_rooms[size_t(row)].unreadCount == 0)
        return;
    m_rooms[size_t(row)].unreadCount = 0;
    changed(row, { UnreadCountRole });
}

void RoomListModel::clear()
{
    if (m_rooms.empty())
        return;
    beginResetModel();
    m_rooms.clear();
    endResetModel();
    Q_EMIT countChanged();
}
