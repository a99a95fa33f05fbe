#pragma once

#include "chat/conversation.h"
#include "chat/conversationkey.h"
#include "chat/conversationmanager.h"
#include "chat/messagelistmodel.h"

#include <QTest>

/// Waits the client tests against the reference backend share.
namespace ConversationWaits {

/// Lists loaded and the server's features known (within 10 s).
inline bool ready(ConversationManager &manager)
{
    return QTest::qWaitFor([&] { return manager.synced() && manager.featuresKnown(); }, 10000);
}

/// The room with its newest page loaded (not opened: unread state stays as it is); null when
/// nothing arrived within 10 s.
inline Conversation *loaded(ConversationManager &manager, const QString &roomId)
{
    Conversation *room = manager.conversation(ConversationKey::room(roomId), true);
    if (room->messages()->rowCount() == 0 && room->messages()->canFetchMore({}))
        room->messages()->fetchMore({});
    if (!QTest::qWaitFor([room] { return room->messages()->rowCount() > 0; }, 10000))
        return nullptr;
    return room;
}

} // namespace ConversationWaits
