#include "localstate.h"

#include <QSettings>

namespace {
const QString kMemberRooms = QStringLiteral("memberRooms");
}

LocalState::LocalState(const QUrl &server, const QString &userId)
{
    if (server.isEmpty() || userId.isEmpty())
        return;
    // One group per server and user; QSettings would read '/' in a key as nesting.
    const QString serverName =
        server.adjusted(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash).toString();
    m_group = QStringLiteral("chat/")
        + QString::fromLatin1(QUrl::toPercentEncoding(serverName + u'|' + userId));
}

QSet<QString> LocalState::memberRooms() const
{
    if (!isValid())
        return {};
    QSettings settings;
    settings.beginGroup(m_group);
    const QStringList rooms = settings.value(kMemberRooms).toStringList();
    return QSet<QString>(rooms.begin(), rooms.end());
}

void LocalState::setMember(const QString &roomId, bool member)
{
    if (!isValid())
        return;
    QSet<QString> rooms = memberRooms();
    if (rooms.contains(roomId) == member)
        return;
    if (member)
        rooms.insert(roomId);
    else
        rooms.remove(roomId);
    QStringList list(rooms.begin(), rooms.end());
    list.sort();
    QSettings settings;
    settings.beginGroup(m_group);
    settings.setValue(kMemberRooms, list);
}

LocalState::ReadState LocalState::readState(const ConversationKey &key) const
{
    if (!isValid())
        return {};
    QSettings settings;
    settings.beginGroup(m_group);
    settings.beginGroup(QStringLiteral("read"));
    const QStringList value = settings.value(key.toString().replace(u':', u'_')).toStringList();
    ReadState state;
    if (value.size() == 2) {
        state.unreadCount = value.at(0).toInt();
        state.lastReadId = value.at(1);
    }
    return state;
}

void LocalState::setReadState(const ConversationKey &key, const ReadState &state)
{
    if (!isValid())
        return;
    QSettings settings;
    settings.beginGroup(m_group);
    settings.beginGroup(QStringLiteral("read"));
    settings.setValue(key.toString().replace(u':', u'_'),
        QStringList { QString::number(state.unreadCount), state.lastReadId });
}
