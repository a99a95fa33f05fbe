#include "pollingpayload.h"

#include <QStringDecoder>

namespace SocketIo::PollingPayload {

namespace {

constexpr char16_t BinaryPrefix = u'b';

// UTF-8 length without converting: long texts are the common case over polling (a message is a
// whole Socket.IO packet), and every payload is measured before it is encoded.
qsizetype utf8Size(QStringView text)
{
    qsizetype size = 0;
    const qsizetype length = text.size();
    for (qsizetype i = 0; i < length; ++i) {
        const char16_t c = text[i].unicode();
        if (c < 0x80) {
            size += 1;
        } else if (c < 0x800) {
            size += 2;
        } else if (QChar::isHighSurrogate(c) && i + 1 < length
            && QChar::isLowSurrogate(text[i + 1].unicode())) {
            size += 4;
            ++i;
        } else {
            size += 3; // a lone surrogate becomes U+FFFD, three bytes as well
        }
    }
    return size;
}

qsizetype base64Size(qsizetype bytes)
{
    return (bytes + 2) / 3 * 4;
}

void append(QByteArray &body, const EnginePacket &packet)
{
    if (packet.isBinary) {
        body.append(char(BinaryPrefix));
        body.append(packet.binary.toBase64());
    } else {
        body.append(packet.text.toUtf8());
    }
}

} // namespace

qsizetype encodedSize(const EnginePacket &packet)
{
    return packet.isBinary ? 1 + base64Size(packet.binary.size()) : utf8Size(packet.text);
}

qsizetype countThatFit(const std::deque<EnginePacket> &packets, qint64 maxPayload)
{
    if (maxPayload <= 0)
        return qsizetype(packets.size());
    qint64 size = 0;
    qsizetype count = 0;
    for (const EnginePacket &packet : packets) {
        size += encodedSize(packet) + (count > 0 ? 1 : 0);
        if (count > 0 && size > maxPayload)
            break;
        ++count;
    }
    return count;
}

QByteArray encode(const std::deque<EnginePacket> &packets, qsizetype first, qsizetype count)
{
    qsizetype size = 0;
    for (qsizetype i = first; i < first + count; ++i)
        size += encodedSize(packets[size_t(i)]) + 1;
    QByteArray body;
    body.reserve(size);
    for (qsizetype i = first; i < first + count; ++i) {
        if (i > first)
            body.append(char(Separator));
        append(body, packets[size_t(i)]);
    }
    return body;
}

QByteArray encode(const QList<EnginePacket> &packets)
{
    const std::deque<EnginePacket> queue(packets.cbegin(), packets.cend());
    return encode(queue, 0, qsizetype(queue.size()));
}

bool decode(const QByteArray &body, QList<EnginePacket> *packets, QString *error)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(body);
    if (decoder.hasError()) {
        *error = QStringLiteral("the polling payload is not valid UTF-8");
        return false;
    }
    if (text.isEmpty()) {
        *error = QStringLiteral("empty polling payload");
        return false;
    }
    qsizetype start = 0;
    int index = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(Separator, start);
        if (end < 0)
            end = text.size();
        const QStringView segment = QStringView(text).sliced(start, end - start);
        if (segment.isEmpty()) {
            *error = QStringLiteral("empty packet %1 in a polling payload").arg(index);
            return false;
        }
        const char16_t type = segment.front().unicode();
        if (type == BinaryPrefix) {
            const auto decoded = QByteArray::fromBase64Encoding(
                segment.sliced(1).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            // toLatin1() would turn non-Latin-1 characters into '?', which is no base64 digit
            // either, so invalid input cannot slip through it.
            if (!decoded) {
                *error = QStringLiteral("invalid base64 in binary packet %1 of a polling payload")
                             .arg(index);
                return false;
            }
            packets->append(EnginePacket::fromBinary(decoded.decoded));
        } else if (type >= u'0' && type <= u'6') {
            // A payload of one packet (the usual case) is shared, not copied.
            packets->append(
                EnginePacket::fromText(segment.size() == text.size() ? text : segment.toString()));
        } else {
            *error = QStringLiteral("unknown Engine.IO packet type U+%1 in a polling payload")
                         .arg(int(type), 4, 16, QLatin1Char('0'));
            return false;
        }
        start = end + 1;
        ++index;
    }
    return true;
}

} // namespace SocketIo::PollingPayload
