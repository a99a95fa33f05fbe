#include "presencemodel.h"

#include "modelrow.h"
#include "payload.h"

#include <QDateTime>

PresenceModel::PresenceModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int PresenceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int PresenceModel::onlineCount() const
{
    return int(std::count_if(m_users.begin(), m_users.end(),
        [](const User &user) { return user.status == QLatin1String("online"); }));
}

QHash<int, QByteArray> PresenceModel::roleNames() const
{
    return {
        { IdRole, "id" },
        { NameRole, "name" },
        { AvatarRole, "avatar" },
        { RoleRole, "role" },
        { StatusRole, "status" },
        { LastActivityRole, "lastActivity" },
        { OnlineRole, "online" },
    };
}

QVariant PresenceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const User &user = m_users[size_t(index.row())];
    switch (role) {
    case IdRole:
        return user.id;
    case Qt::DisplayRole:
    case NameRole:
        return user.name;
    case AvatarRole:
        return user.avatar;
    case RoleRole:
        return user.role;
    case StatusRole:
        return user.status;
    case LastActivityRole:
        return user.lastActivityMs > 0 ? QDateTime::fromMSecsSinceEpoch(user.lastActivityMs)
                                       : QDateTime();
    case OnlineRole:
        return user.status == QLatin1String("online");
    default:
        return {};
    }
}

QVariantMap PresenceModel::get(int row) const
{
    return modelRowAsMap(this, row);
}

int PresenceModel::indexOf(const QString &id) const
{
    for (size_t i = 0; i < m_users.size(); ++i) {
        if (m_users[i].id == id)
            return int(i);
    }
    return -1;
}

QString PresenceModel::statusOf(const QString &id) const
{
    const int row = indexOf(id);
    return row < 0 ? QString() : m_users[size_t(row)].status;
}

bool PresenceModel::before(const User &a, const User &b)
{
    const bool aOnline = a.status == QLatin1String("online");
    const bool bOnline = b.status == QLatin1String("online");
    if (aOnline != bOnline)
        return aOnline;
    const int byName = a.name.localeAwareCompare(b.name);
    if (byName != 0)
        return byName < 0;
    return a.id < b.id;
}

int PresenceModel::insertUser(User user)
{
    const auto position =
        std::lower_bound(m_users.begin(), m_users.end(), user, &PresenceModel::before);
    const int row = int(position - m_users.begin());
    beginInsertRows({}, row, row);
    m_users.insert(position, std::move(user));
    endInsertRows();
    Q_EMIT countChanged();
    return row;
}

int PresenceModel::reposition(int row)
{
    User user = m_users[size_t(row)];
    // Where it belongs among the others.
    int target = 0;
    for (size_t i = 0; i < m_users.size(); ++i) {
        if (int(i) != row && before(m_users[i], user))
            ++target;
    }
    if (target == row)
        return row;
    // beginMoveRows wants the destination as a row of the model before the move.
    const int destination = target > row ? target + 1 : target;
    beginMoveRows({}, row, row, {}, destination);
    m_users.erase(m_users.begin() + row);
    m_users.insert(m_users.begin() + target, std::move(user));
    endMoveRows();
    return target;
}

void PresenceModel::mergeServerList(const QVariantList &users)
{
    for (const QVariant &value : users) {
        const auto parsed = Payload::user(value);
        if (!parsed)
            continue;
        const QVariantMap map = value.toMap();
        const QString status = Payload::string(map, QStringLiteral("status"));
        const qint64 at = Payload::timestampMs(map.value(QStringLiteral("lastActivity")));
        int row = indexOf(parsed->id);
        if (row < 0) {
            User user { parsed->id, parsed->name, parsed->avatar, parsed->role,
                status.isEmpty() ? QStringLiteral("offline") : status, at };
            insertUser(std::move(user));
            continue;
        }
        User &user = m_users[size_t(row)];
        if (!parsed->name.isEmpty())
            user.name = parsed->name;
        user.avatar = parsed->avatar;
        user.role = parsed->role;
        // A live user:status may be newer than the list; only take the list's status when it is.
        if (!status.isEmpty() && at >= user.lastActivityMs) {
            user.status = status;
            user.lastActivityMs = at;
        }
        Q_EMIT dataChanged(index(row), index(row));
        reposition(row);
    }
    Q_EMIT countChanged();
}

void PresenceModel::upsertUser(const QVariant &value)
{
    const auto parsed = Payload::user(value);
    if (!parsed)
        return;
    const int row = indexOf(parsed->id);
    if (row < 0) {
        insertUser(
            { parsed->id, parsed->name.isEmpty() ? tr("User %1").arg(parsed->id) : parsed->name,
                parsed->avatar, parsed->role, QStringLiteral("offline"), 0 });
        return;
    }
    User &user = m_users[size_t(row)];
    if (!parsed->name.isEmpty())
        user.name = parsed->name;
    if (!parsed->avatar.isEmpty())
        user.avatar = parsed->avatar;
    if (!parsed->role.isEmpty())
        user.role = parsed->role;
    Q_EMIT dataChanged(index(row), index(row), { NameRole, AvatarRole, RoleRole });
    reposition(row);
}

void PresenceModel::setStatus(const QString &id, const QString &status, qint64 atMs)
{
    if (id.isEmpty() || status.isEmpty())
        return;
    int row = indexOf(id);
    if (row < 0)
        row = insertUser({ id, tr("User %1").arg(id), {}, {}, QStringLiteral("offline"), 0 });
    User &user = m_users[size_t(row)];
    const bool statusChanged_ = user.status != status;
    user.status = status;
    user.lastActivityMs = atMs;
    Q_EMIT dataChanged(index(row), index(row), { StatusRole, LastActivityRole, OnlineRole });
    reposition(row);
    if (statusChanged_) {
        Q_EMIT countChanged(); // onlineCount
        Q_EMIT statusChanged(id, status);
    }
}

void PresenceModel::clear()
{
    if (m_users.empty())
        return;
    beginResetModel();
    m_users.clear();
    endResetModel();
    Q_EMIT countChanged();
}
