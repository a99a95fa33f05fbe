#pragma once

#include "../conversationkey.h"
#include "../logging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QString>

/// Small helpers every part of MessageStore uses on its connections.
namespace StoreSql {

/// The integer key of a message: room and DM ids are separate sequences on the server.
inline qint64 messageKey(const ConversationKey &key, qint64 id)
{
    return id * 2 + (key.direct ? 1 : 0);
}

inline qint64 idOfKey(qint64 key)
{
    return key / 2;
}

/// The conversation a row names in its `direct` (0 or 1) and `peer` columns, the way the
/// conversations, outbox and messages tables keep it.
inline ConversationKey conversationAt(const QSqlQuery &query, int directColumn, int peerColumn)
{
    const QString peer = query.value(peerColumn).toString();
    return query.value(directColumn).toBool() ? ConversationKey::directWith(peer)
                                              : ConversationKey::room(peer);
}

/// A null QString binds as SQL NULL; the columns are NOT NULL text.
inline QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

inline bool run(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcChat) << "store:" << query.lastError().text();
    return false;
}

} // namespace StoreSql
