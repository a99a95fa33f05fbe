#include "unreadwatcher.h"

#include "logging.h"
#include "notifier.h"

UnreadWatcher::UnreadWatcher(QObject *parent)
    : QObject(parent)
{
    // Both lists name a row by its conversation's opaque key ("room:3"), the one the views
    // use for the open conversation and the notifier for activation.
    for (Source *source : { &m_rooms, &m_conversations }) {
        source->idRole = "key";
        source->nameRole = "name";
    }
    m_conversations.direct = true;
}

QString UnreadWatcher::notificationTitle(
    bool direct, const QString &conversationName, const QString &senderName, bool mentioned)
{
    if (senderName.isEmpty()) {
        // A mention says so in the title: it is for this user, not the room at large.
        return mentioned ? tr("%1: you were mentioned").arg(conversationName) : conversationName;
    }
    if (direct)
        return mentioned ? tr("%1 mentioned you").arg(senderName) : senderName;
    return mentioned ? tr("%1 mentioned you in %2").arg(senderName, conversationName)
                     : tr("%1 in %2", "sender in room").arg(senderName, conversationName);
}

void UnreadWatcher::setRooms(QAbstractItemModel *model)
{
    if (m_rooms.model == model)
        return;
    attach(m_rooms, model);
    Q_EMIT roomsChanged();
}

void UnreadWatcher::setConversations(QAbstractItemModel *model)
{
    if (m_conversations.model == model)
        return;
    attach(m_conversations, model);
    Q_EMIT conversationsChanged();
}

void UnreadWatcher::setActiveKey(const QString &key)
{
    if (m_activeKey == key)
        return;
    m_activeKey = key;
    Q_EMIT activeKeyChanged();
}

void UnreadWatcher::setWindowActive(bool active)
{
    if (m_windowActive == active)
        return;
    m_windowActive = active;
    Q_EMIT windowActiveChanged();
}

void UnreadWatcher::setNotificationsEnabled(bool enabled)
{
    if (m_notificationsEnabled == enabled)
        return;
    m_notificationsEnabled = enabled;
    Q_EMIT notificationsEnabledChanged();
}

void UnreadWatcher::attach(Source &source, QAbstractItemModel *model)
{
    for (const auto &connection : std::as_const(source.connections))
        disconnect(connection);
    source.connections.clear();
    source.lastUnread.clear();
    source.lastMentions.clear();
    source.model = model;
    if (model) {
        resolveRoles(source);
        Source *s = &source;
        // Rows that appear or move are not news; only counts that go up on an existing
        // conversation are (a brand-new DM conversation arrives as an insert, then a change).
        const auto quiet = [this, s] { scan(*s, false); };
        const auto changed = [this, s](const QModelIndex &, const QModelIndex &,
                                 const QList<int> &roles) {
            if (roles.isEmpty() || roles.contains(s->unread))
                scan(*s, true);
        };
        source.connections << connect(model, &QAbstractItemModel::dataChanged, this, changed)
                           << connect(model, &QAbstractItemModel::rowsInserted, this,
                                  [this, s] { scan(*s, true); })
                           << connect(model, &QAbstractItemModel::rowsRemoved, this, quiet)
                           << connect(model, &QAbstractItemModel::rowsMoved, this, quiet)
                           << connect(model, &QAbstractItemModel::layoutChanged, this, quiet)
                           << connect(model, &QAbstractItemModel::modelReset, this, [this, s] {
                                  resolveRoles(*s);
                                  s->lastUnread.clear();
                                  s->lastMentions.clear();
                                  scan(*s, false);
                              });
        scan(source, false);
    }
    recomputeTotal();
}

void UnreadWatcher::resolveRoles(Source &source)
{
    const auto names = source.model->roleNames();
    source.id = names.key(source.idRole, -1);
    source.name = names.key(source.nameRole, -1);
    source.unread = names.key("unreadCount", -1);
    source.text = names.key("lastMessageText", -1);
    source.sender = names.key("lastMessageSenderName", -1);
    source.mentions = names.key("mentionCount", -1);
    source.muted = names.key("muted", -1);
    if (source.id < 0 || source.unread < 0)
        qCWarning(lcDesktop) << "UnreadWatcher: the model has no" << source.idRole
                             << "or unreadCount role";
}

void UnreadWatcher::scan(Source &source, bool mayNotify)
{
    if (!source.model || source.id < 0 || source.unread < 0)
        return;
    QHash<QString, int> now;
    QHash<QString, int> mentionsNow;
    const int rows = source.model->rowCount();
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = source.model->index(row, 0);
        const QString id = index.data(source.id).toString();
        const int unread = index.data(source.unread).toInt();
        now.insert(id, unread);
        const int mentions = source.mentions >= 0 ? index.data(source.mentions).toInt() : 0;
        mentionsNow.insert(id, mentions);
        const bool mentioned = mentions > source.lastMentions.value(id, 0);
        const int before = source.lastUnread.value(id, 0);
        const bool known = source.lastUnread.contains(id);
        if (!mayNotify || unread <= before || (!known && unread == 0))
            continue;
        const QString &key = id;
        // A hidden window (in the tray) is not active: nothing there is in view.
        const bool inView = m_windowActive && key == m_activeKey;
        // A muted conversation stays quiet, except for a message that mentions the user.
        const bool muted = source.muted >= 0 && index.data(source.muted).toBool();
        if (!m_preferences)
            m_preferences = AppPreferences::globalInstance();
        // Do not disturb silences everything, mentions too, as Slack does.
        if (inView || !m_notificationsEnabled || !m_preferences->notificationsAllowedNow()
            || (muted && !mentioned))
            continue;
        const QString name = source.name >= 0 ? index.data(source.name).toString() : id;
        const QString sender =
            source.sender >= 0 ? index.data(source.sender).toString() : QString();
        const QString title = notificationTitle(source.direct, name, sender, mentioned);
        const QString body = source.text >= 0 ? index.data(source.text).toString() : QString();
        Q_EMIT notified(key, title, body);
        if (!m_notifier)
            m_notifier = Notifier::globalInstance();
        m_notifier->notify(key, title, body);
    }
    source.lastUnread = now;
    source.lastMentions = mentionsNow;
    recomputeTotal();
}

void UnreadWatcher::recomputeTotal()
{
    int total = 0;
    for (const Source *source : { &m_rooms, &m_conversations }) {
        for (auto it = source->lastUnread.cbegin(); it != source->lastUnread.cend(); ++it)
            total += it.value();
    }
    if (total == m_totalUnread)
        return;
    m_totalUnread = total;
    Q_EMIT totalUnreadChanged();
}
