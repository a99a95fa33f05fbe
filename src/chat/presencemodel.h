#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>

#include <vector>

/// Who is online: GET /api/users when the server has it, then kept current by `user:status`
/// events (and users seen in room:userJoined). Online users first, then by name.
class PresenceModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Use SocketService.presence")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int onlineCount READ onlineCount NOTIFY countChanged)

public:
    enum Role
    {
        /// QString: the user id.
        IdRole = Qt::UserRole + 1,
        /// QString: "First Last" ("User <id>" until known).
        NameRole,
        /// QString: avatar URL; may be empty.
        AvatarRole,
        /// QString: "student", "tutor"... as the server says; may be empty.
        RoleRole,
        /// QString: "online" or "offline" (or another status the server sends).
        StatusRole,
        /// QDateTime: last status change known; invalid when unknown.
        LastActivityRole,
        /// bool: status == "online".
        OnlineRole,
    };
    Q_ENUM(Role)

    struct User
    {
        QString id;
        QString name;
        QString avatar;
        QString role;
        QString status = QStringLiteral("offline");
        qint64 lastActivityMs = 0;
    };

    explicit PresenceModel(QObject *parent = nullptr);

    int count() const { return int(m_users.size()); }
    int onlineCount() const;
    /// Merges GET /api/users ([{id, firstName, lastName, role, avatar, status, lastActivity}]).
    void mergeServerList(const QVariantList &users);
    /// Adds or updates a user from a {id, firstName, ...} object; the status is kept.
    void upsertUser(const QVariant &user);
    void setStatus(const QString &id, const QString &status, qint64 atMs);
    void clear();

    Q_INVOKABLE int indexOf(const QString &id) const;
    Q_INVOKABLE QString statusOf(const QString &id) const;
    Q_INVOKABLE QVariantMap get(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();
    void statusChanged(const QString &id, const QString &status);

private:
    static bool before(const User &a, const User &b);
    /// Moves the row to where the sort order wants it; returns its new row.
    int reposition(int row);
    int insertUser(User user);

    std::vector<User> m_users;
};
