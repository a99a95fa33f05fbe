#include "chatmessage.h"

void ChatMessage::setId(const QString &id)
{
    bool numeric = false;
    const qint64 value = id.toLongLong(&numeric);
    // "007" is not the integer 7 as far as the server is concerned: keep it as text.
    if (numeric && value > 0 && QString::number(value) == id) {
        numericId = value;
        textId.clear();
    } else {
        numericId = 0;
        textId = id;
    }
}
