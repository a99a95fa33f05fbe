#pragma once

#include "jsontape.h"
#include "receivedpacket.h"

#include <QByteArrayList>
#include <QString>

namespace SocketIo {

/// Decodes Socket.IO v5 packets from Engine.IO message payloads (the text after the Engine.IO
/// `4`, and the binary frames that follow a BINARY_EVENT / BINARY_ACK).
///
/// The rules are those of the reference socket.io-parser: a known type digit; for binary types a
/// `<count>-` attachment prefix of at most maxAttachments(); an optional `/nsp,`; an optional
/// decimal ack id; a JSON payload valid for the type (CONNECT an object, DISCONNECT none,
/// CONNECT_ERROR a string or object, EVENT a non-empty array starting with a non-reserved string
/// or a number, ACK an array). Anything else is an error and no packet is produced.
///
/// Where the reference is lax this decoder is stricter: the attachment count and ack id must be
/// plain digits, an ack id above 2^53 - 1 is refused, and an EVENT, BINARY_EVENT or BINARY_ACK
/// without payload is refused (an ACK without payload gets an empty array, which is what the JS
/// client passes to the callback). A reassembled binary packet comes out as Event or Ack, as in
/// the reference; the data of every Event and Ack is an array.
///
/// The data is a JsonValue over a JsonTape: one allocation per packet, strings left in the frame.
class PacketDecoder
{
public:
    enum class Result
    {
        /// A whole packet is ready: call takePacket().
        Complete,
        /// A binary packet header was read; feed its attachments with addAttachment().
        AwaitingAttachments,
        /// The input was malformed; errorString() says why. The decoder is reset.
        Error,
    };

    static constexpr int DefaultMaxAttachments = 10;

    /// Decodes frame[from..]. The decoded packet's strings stay in `frame`, shared rather than
    /// copied (so the Engine.IO frame is passed whole, with `from` past its type digit).
    Result decodeText(const QString &frame, qsizetype from = 0);
    /// Copies the text first (tests, literals); the QString overload is the one for traffic.
    Result decodeText(QStringView frame);
    Result addAttachment(const QByteArray &attachment);

    /// The packet completed by the last call that returned Complete.
    ReceivedPacket takePacket();
    QString errorString() const { return m_error; }
    bool isAwaitingAttachments() const { return m_expectedAttachments > 0; }
    /// Forgets a half-received binary packet (the connection it belonged to is gone).
    void reset();

    void setMaxAttachments(int max) { m_maxAttachments = max; }
    int maxAttachments() const { return m_maxAttachments; }

private:
    Result fail(const QString &reason);
    Result finishBinaryPacket();

    ReceivedPacket m_packet;
    // The tape of a binary packet waiting for its attachments.
    QExplicitlySharedDataPointer<JsonTape> m_tape;
    QByteArrayList m_attachments;
    int m_expectedAttachments = 0;
    int m_maxAttachments = DefaultMaxAttachments;
    QString m_error;
};

} // namespace SocketIo
