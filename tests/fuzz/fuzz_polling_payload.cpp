// libFuzzer target for PollingPayload::decode, fed with whole response bodies as a server (or
// anything between it and us) might send them, and for what the connection does next: every
// text message goes to the PacketDecoder and every binary packet becomes an attachment, as the
// Manager does with them.
//
// Invariants: decode never crashes; a failure always says why; a payload that decodes
// re-encodes to packets that decode to the same list; encodedSize() is the size encode() gives;
// countThatFit() takes at least one packet and keeps the body within the limit when it takes
// more than one.

#include "socketio/packetdecoder.h"
#include "socketio/pollingpayload.h"

#include <cstdio>
#include <cstdlib>
#include <deque>

using namespace SocketIo;

namespace {

[[noreturn]] void failure(const char *what, const QString &detail)
{
    std::fprintf(stderr, "fuzz_polling_payload: %s: %s\n", what, qUtf8Printable(detail));
    std::abort();
}

bool samePackets(const QList<EnginePacket> &a, const QList<EnginePacket> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).isBinary != b.at(i).isBinary || a.at(i).text != b.at(i).text
            || a.at(i).binary != b.at(i).binary)
            return false;
    }
    return true;
}

void checkEncoding(const QList<EnginePacket> &packets)
{
    const QByteArray body = PollingPayload::encode(packets);
    qsizetype expected = packets.size() - 1; // separators
    for (const EnginePacket &packet : packets)
        expected += PollingPayload::encodedSize(packet);
    if (body.size() != expected)
        failure("encodedSize disagrees with encode", QString::number(body.size()));

    QList<EnginePacket> again;
    QString error;
    if (!PollingPayload::decode(body, &again, &error))
        failure("re-encoded payload does not decode", error);
    if (!samePackets(packets, again))
        failure("packets changed in round trip", QString::fromUtf8(body.left(200)));

    const std::deque<EnginePacket> queue(packets.cbegin(), packets.cend());
    for (const qint64 limit : { qint64(1), qint64(16), qint64(body.size() / 2 + 1) }) {
        const qsizetype count = PollingPayload::countThatFit(queue, limit);
        if (count < 1 || count > qsizetype(queue.size()))
            failure("countThatFit out of range", QString::number(count));
        if (count > 1 && PollingPayload::encode(queue, 0, count).size() > limit)
            failure("countThatFit exceeds the limit", QString::number(limit));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // A copy, as a network reply is: decoded packets may share it.
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    QList<EnginePacket> packets;
    QString error;
    if (!PollingPayload::decode(body, &packets, &error)) {
        if (error.isEmpty())
            failure("error without a reason", QString::fromUtf8(body.left(200)));
        return 0;
    }
    if (!error.isEmpty())
        failure("success with an error", error);
    for (const EnginePacket &packet : std::as_const(packets)) {
        if (!packet.isBinary && packet.text.isEmpty())
            failure("empty text packet accepted", QString());
    }
    checkEncoding(packets);

    PacketDecoder decoder;
    for (const EnginePacket &packet : std::as_const(packets)) {
        PacketDecoder::Result result;
        if (packet.isBinary)
            result = decoder.addAttachment(packet.binary);
        else if (packet.text.front() == u'4')
            result = decoder.decodeText(packet.text, 1);
        else
            continue;
        if (result == PacketDecoder::Result::Complete)
            (void)decoder.takePacket().data.toVariant();
        else if (result == PacketDecoder::Result::Error && decoder.errorString().isEmpty())
            failure("packet error without a reason", packet.text);
    }
    return 0;
}
