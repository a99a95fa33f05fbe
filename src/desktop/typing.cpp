#include "typing.h"

#include <QStringList>

TypingNotifier::TypingNotifier(QObject *parent)
    : QObject(parent)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(4000);
    connect(&m_idle, &QTimer::timeout, this, &TypingNotifier::stop);
}

void TypingNotifier::setIdleTimeout(int ms)
{
    if (m_idle.interval() == ms)
        return;
    m_idle.setInterval(ms);
    Q_EMIT intervalsChanged();
}

void TypingNotifier::edited(bool empty)
{
    if (empty) {
        stop();
        return;
    }
    m_idle.start();
    if (m_typing && m_sinceStart.isValid() && m_sinceStart.elapsed() < m_repeatInterval)
        return;
    m_sinceStart.start();
    const bool was = m_typing;
    m_typing = true;
    if (!was)
        Q_EMIT typingChanged();
    Q_EMIT typingStarted();
}

void TypingNotifier::stop()
{
    m_idle.stop();
    if (!m_typing)
        return;
    m_typing = false;
    Q_EMIT typingChanged();
    Q_EMIT typingStopped();
}

TypingTracker::TypingTracker(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    m_pruneTimer.setInterval(1000);
    connect(&m_pruneTimer, &QTimer::timeout, this, &TypingTracker::prune);
}

void TypingTracker::note(const QString &key, const QString &userId, const QString &name, bool typing)
{
    if (key.isEmpty() || userId.isEmpty())
        return;
    if (typing) {
        m_typing[key].insert(userId, {name, m_clock.elapsed() + m_expiry});
        if (!m_pruneTimer.isActive())
            m_pruneTimer.start();
    } else {
        auto it = m_typing.find(key);
        if (it == m_typing.end() || !it->remove(userId))
            return;
        if (it->isEmpty())
            m_typing.erase(it);
    }
    ++m_revision;
    Q_EMIT changed();
}

void TypingTracker::noteEvent(const QVariant &payload, const QString &selfId)
{
    const QVariantMap map = payload.toMap();
    const QString userId = map.value(QStringLiteral("userId")).toString();
    if (userId.isEmpty() || userId == selfId)
        return;
    const QVariant roomId = map.value(QStringLiteral("roomId"));
    // A direct notice is about the conversation with its sender.
    const QString key = roomId.isValid() && !roomId.isNull() ? QStringLiteral("room:") + roomId.toString()
                                                              : QStringLiteral("dm:") + userId;
    const QVariantMap user = map.value(QStringLiteral("user")).toMap();
    QString name = QString(user.value(QStringLiteral("firstName")).toString() + u' '
                           + user.value(QStringLiteral("lastName")).toString())
                       .trimmed();
    if (name.isEmpty())
        name = tr("Someone");
    note(key, userId, name, map.value(QStringLiteral("typing")).toBool());
}

QString TypingTracker::text(const QString &key) const
{
    const auto it = m_typing.constFind(key);
    if (it == m_typing.cend() || it->isEmpty())
        return {};
    QStringList names;
    for (const Entry &entry : *it)
        names << entry.name;
    names.sort(Qt::CaseInsensitive);
    if (names.size() == 1)
        return tr("%1 is typing…").arg(names.first());
    if (names.size() == 2)
        return tr("%1 and %2 are typing…").arg(names.at(0), names.at(1));
    return tr("Several people are typing…");
}

void TypingTracker::clear()
{
    if (m_typing.isEmpty())
        return;
    m_typing.clear();
    ++m_revision;
    Q_EMIT changed();
}

void TypingTracker::prune()
{
    const qint64 now = m_clock.elapsed();
    bool removed = false;
    for (auto it = m_typing.begin(); it != m_typing.end();) {
        for (auto user = it->begin(); user != it->end();) {
            if (user->expiresAt <= now) {
                user = it->erase(user);
                removed = true;
            } else {
                ++user;
            }
        }
        it = it->isEmpty() ? m_typing.erase(it) : std::next(it);
    }
    if (m_typing.isEmpty())
        m_pruneTimer.stop();
    if (removed) {
        ++m_revision;
        Q_EMIT changed();
    }
}
