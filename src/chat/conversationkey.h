#pragma once

#include <QHashFunctions>
#include <QString>

/// Which conversation something belongs to: a room by its id, or the direct conversation with a
/// user by that user's id. Ids are compared as strings (the server may send 3 or "3").
struct ConversationKey
{
    bool direct = false;
    QString id;

    static ConversationKey room(const QString &id) { return { false, id }; }
    static ConversationKey directWith(const QString &userId) { return { true, userId }; }

    bool isValid() const { return !id.isEmpty(); }
    /// "room:<id>" or "dm:<user id>": an opaque name for notifications and settings; nothing
    /// parses it back but fromString().
    QString toString() const
    {
        return (direct ? QStringLiteral("dm:") : QStringLiteral("room:")) + id;
    }
    static ConversationKey fromString(const QString &text)
    {
        if (text.startsWith(QLatin1String("room:")))
            return room(text.mid(5));
        if (text.startsWith(QLatin1String("dm:")))
            return directWith(text.mid(3));
        return {};
    }

    friend bool operator==(const ConversationKey &a, const ConversationKey &b)
    {
        return a.direct == b.direct && a.id == b.id;
    }
    friend size_t qHash(const ConversationKey &key, size_t seed = 0)
    {
        return qHashMulti(seed, key.direct, key.id);
    }
};

/// One message: where it is, its id (the study additions use numeric ids only) and, for a reply
/// inside a thread, the thread's root.
struct MessageRef
{
    ConversationKey where;
    qint64 id = 0;
    qint64 threadId = 0;
};
