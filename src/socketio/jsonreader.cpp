#include "jsonreader.h"

#include "jsontape.h"
#include "jsonvalue.h"

namespace SocketIo {

bool JsonReader::parse(QStringView json, QVariant *value, QString *error, int maxDepth)
{
    // The tape only lives for this call and toVariant() copies every string out of it, so it may
    // look at the caller's text without a copy.
    const QString source = QString::fromRawData(json.data(), json.size());
    auto tape = JsonTape::parse(source, 0, error, maxDepth);
    if (!tape)
        return false;
    if (value)
        *value = JsonValue::fromTape(std::move(tape)).toVariant();
    return true;
}

} // namespace SocketIo
