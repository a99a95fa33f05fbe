#pragma once

#include <QString>
#include <QVariant>

namespace SocketIo {

/// A fast, strict (RFC 8259) JSON reader that parses UTF-16 text, as it arrives from QWebSocket,
/// into Qt values without a QJsonDocument or UTF-8 copy: JsonTape's parser, then
/// JsonValue::toVariant(). The packet decoder hands out the JsonValue itself.
///
/// Objects become QVariantMap, arrays QVariantList, strings QString, integral numbers that fit
/// qint64 become qint64 and all other numbers double, true/false bool, null a QVariant holding
/// std::nullptr_t. Nesting deeper than maxDepth is refused.
class JsonReader
{
public:
    static constexpr int DefaultMaxDepth = 128;

    /// Parses all of `json`; trailing non-whitespace is an error. On failure returns false and
    /// sets `error` (when given) to a message with the offending offset.
    static bool parse(QStringView json, QVariant *value, QString *error = nullptr,
        int maxDepth = DefaultMaxDepth);
};

} // namespace SocketIo
