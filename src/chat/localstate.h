#pragma once

#include "conversationkey.h"

#include <QSet>
#include <QString>
#include <QUrl>

/// What the client remembers per server and user between runs, for what a server may not know:
/// the rooms joined (a seed backend has no room list) and the read state (a seed backend stores
/// none). Kept in QSettings; nothing secret. The offline store (SQLite) will take this over.
class LocalState
{
public:
    /// An empty user or server gives a state that remembers nothing.
    LocalState(const QUrl &server = {}, const QString &userId = {});

    bool isValid() const { return !m_group.isEmpty(); }

    QSet<QString> memberRooms() const;
    void setMember(const QString &roomId, bool member);

    struct ReadState
    {
        int unreadCount = 0;
        QString lastReadId;
    };
    ReadState readState(const ConversationKey &key) const;
    void setReadState(const ConversationKey &key, const ReadState &state);

private:
    QString m_group;
};
