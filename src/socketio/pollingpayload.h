#pragma once

#include "enginepacket.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <deque>

namespace SocketIo {

/// The body of an Engine.IO v4 long-polling request or response, as engine.io-parser's
/// encodePayload / decodePayload write and read it: packets separated by the record separator
/// (U+001E), each a type digit and its data, binary messages as `b` + base64. The body is UTF-8.
namespace PollingPayload {

constexpr char16_t Separator = u'\x1e';

/// The UTF-8 size of one packet inside a payload, separator excluded.
qsizetype encodedSize(const EnginePacket &packet);

/// How many packets from the front of `packets` fit in one payload of at most `maxPayload` bytes
/// (at least one, so a packet that alone exceeds it is still sent and refused by the server,
/// as engine.io-client does; the callers check single packets first). `maxPayload` <= 0 takes
/// them all.
qsizetype countThatFit(const std::deque<EnginePacket> &packets, qint64 maxPayload);

/// Encodes packets [first, first + count) into one request body.
QByteArray encode(const std::deque<EnginePacket> &packets, qsizetype first, qsizetype count);
QByteArray encode(const QList<EnginePacket> &packets);

/// Decodes a response body into `packets`. On malformed input (not UTF-8, an empty packet, an
/// unknown type, bad base64) it returns false with a description in `error`; packets decoded
/// before the fault are kept in `packets`, but a caller treats the whole payload as a parse error.
bool decode(const QByteArray &body, QList<EnginePacket> *packets, QString *error);

} // namespace PollingPayload
} // namespace SocketIo
