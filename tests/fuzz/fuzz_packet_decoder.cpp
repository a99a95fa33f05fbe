// libFuzzer target for PacketDecoder and the JsonTape / JsonValue beneath it (and JsonReader).
//
// The input is split at NUL bytes: the first part is a text frame, every later part is a binary
// frame while the decoder waits for attachments and a text frame otherwise. Every packet that
// decodes must survive encode -> decode unchanged (numbers compared by value, as JS sees them).

#include "socketio/jsonreader.h"
#include "socketio/jsonvalue.h"
#include "socketio/jsonwriter.h"
#include "socketio/packetdecoder.h"
#include "socketio/packetencoder.h"

#include <QByteArrayList>
#include <QVariantList>
#include <QVariantMap>

#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace SocketIo;

namespace {

[[noreturn]] void failure(const char *what, const QString &detail)
{
    std::fprintf(stderr, "fuzz_packet_decoder: %s: %s\n", what, qUtf8Printable(detail));
    std::abort();
}

bool isNumber(const QVariant &v)
{
    return v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Double;
}

// JSON has no Infinity: the writer sends it as null, like JSON.stringify.
bool isNullLike(const QVariant &v)
{
    return v.typeId() == QMetaType::Nullptr
        || (v.typeId() == QMetaType::Double && !std::isfinite(v.toDouble()));
}

bool sameValue(const QVariant &a, const QVariant &b)
{
    if (isNullLike(a) || isNullLike(b))
        return isNullLike(a) && isNullLike(b);
    if (isNumber(a) && isNumber(b)) {
        if (a.typeId() == QMetaType::LongLong && b.typeId() == QMetaType::LongLong)
            return a.toLongLong() == b.toLongLong();
        return a.toDouble() == b.toDouble();
    }
    if (a.typeId() != b.typeId())
        return false;
    switch (a.typeId()) {
    case QMetaType::QVariantList: {
        const auto &x = *static_cast<const QVariantList *>(a.constData());
        const auto &y = *static_cast<const QVariantList *>(b.constData());
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!sameValue(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    case QMetaType::QVariantMap: {
        const auto &x = *static_cast<const QVariantMap *>(a.constData());
        const auto &y = *static_cast<const QVariantMap *>(b.constData());
        if (x.size() != y.size())
            return false;
        for (auto i = x.cbegin(), j = y.cbegin(); i != x.cend(); ++i, ++j) {
            if (i.key() != j.key() || !sameValue(i.value(), j.value()))
                return false;
        }
        return true;
    }
    case QMetaType::UnknownType:
        return true;
    default:
        return a == b;
    }
}

bool containsNonFinite(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::Double:
        return !std::isfinite(v.toDouble());
    case QMetaType::QVariantList:
        for (const QVariant &item : *static_cast<const QVariantList *>(v.constData())) {
            if (containsNonFinite(item))
                return true;
        }
        return false;
    case QMetaType::QVariantMap:
        for (const QVariant &item : *static_cast<const QVariantMap *>(v.constData())) {
            if (containsNonFinite(item))
                return true;
        }
        return false;
    default:
        return false;
    }
}

// Everything the JsonValue API reaches agrees with its toVariant() form: types, sizes, elements
// by index and by iteration, members by key and by iteration (duplicates hidden alike).
void checkValue(const JsonValue &value, const QVariant &variant)
{
    switch (value.type()) {
    case JsonValue::Type::Undefined:
        if (variant.isValid())
            failure("undefined value has a variant", QString());
        return;
    case JsonValue::Type::Null:
        if (variant.typeId() != QMetaType::Nullptr)
            failure("null differs", QString());
        return;
    case JsonValue::Type::Bool:
        if (variant.typeId() != QMetaType::Bool || variant.toBool() != value.toBool())
            failure("bool differs", QString());
        return;
    case JsonValue::Type::Integer:
        if (variant.typeId() != QMetaType::LongLong || variant.toLongLong() != value.toInteger())
            failure("integer differs", QString());
        return;
    case JsonValue::Type::Double:
        // JSON has no NaN; -0 keeps its sign.
        if (variant.typeId() != QMetaType::Double || variant.toDouble() != value.toDouble()
            || std::signbit(variant.toDouble()) != std::signbit(value.toDouble()))
            failure("double differs", QString());
        return;
    case JsonValue::Type::String:
        if (variant.typeId() != QMetaType::QString || variant.toString() != value.toString()
            || value.toStringView() != value.toString())
            failure("string differs", value.toString());
        return;
    case JsonValue::Type::Binary:
        if (variant.typeId() != QMetaType::QByteArray
            || variant.toByteArray() != value.toByteArray())
            failure("binary differs", QString());
        return;
    case JsonValue::Type::Array: {
        if (variant.typeId() != QMetaType::QVariantList)
            failure("array differs", QString());
        const auto &list = *static_cast<const QVariantList *>(variant.constData());
        if (list.size() != value.size())
            failure("array size differs", QString());
        qsizetype i = 0;
        for (const JsonValue &element : value) {
            if (i >= list.size())
                failure("array iterates too far", QString());
            checkValue(element, list.at(i));
            if (i < 8)
                checkValue(value.at(i), list.at(i));
            ++i;
        }
        if (i != list.size() || !value.at(i).isUndefined())
            failure("array iteration differs", QString());
        return;
    }
    case JsonValue::Type::Object: {
        if (variant.typeId() != QMetaType::QVariantMap)
            failure("object differs", QString());
        const auto &map = *static_cast<const QVariantMap *>(variant.constData());
        if (map.size() != value.size())
            failure("object size differs", QString());
        qsizetype count = 0;
        for (auto it = value.begin(); it != value.end(); ++it) {
            const auto found = map.constFind(it.key());
            if (found == map.cend())
                failure("object member missing", it.key());
            checkValue(it.value(), *found);
            checkValue(value.value(it.keyView()), *found);
            ++count;
        }
        if (count != map.size())
            failure("object iteration differs", QString());
        return;
    }
    }
}

void checkRoundTrip(const ReceivedPacket &received)
{
    const QVariant data = received.data.toVariant();
    checkValue(received.data, data);
    const Packet packet { received.type, received.nsp, received.id, data };
    const EncodedPacket encoded = PacketEncoder::encode(packet);
    // `2[1e400]` is a valid event named Infinity, re-sent as `2[null]` which is not: JSON.parse
    // and JSON.stringify behave the same way, so only the encoding itself is checked then.
    if (containsNonFinite(packet.data))
        return;
    PacketDecoder decoder;
    PacketDecoder::Result result = decoder.decodeText(encoded.text);
    for (const QByteArray &attachment : encoded.attachments) {
        if (result != PacketDecoder::Result::AwaitingAttachments)
            failure("re-encoded binary packet not awaiting attachments", encoded.text);
        result = decoder.addAttachment(attachment);
    }
    if (result != PacketDecoder::Result::Complete)
        failure(
            "re-encoded packet does not decode", encoded.text + u" -> " + decoder.errorString());
    const ReceivedPacket again = decoder.takePacket();
    if (again.type != packet.type || again.nsp != packet.nsp || again.id != packet.id)
        failure("header changed in round trip", encoded.text);
    if (!sameValue(again.data.toVariant(), packet.data))
        failure("data changed in round trip", encoded.text);
}

void checkJson(QStringView text)
{
    QVariant value;
    if (!JsonReader::parse(text, &value))
        return;
    const QString written = JsonWriter::toJson(value);
    QVariant again;
    QString error;
    if (!JsonReader::parse(written, &again, &error))
        failure("written JSON does not parse", written + u" -> " + error);
    if (!sameValue(value, again))
        failure("JSON changed in round trip", written);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<QByteArray> parts = input.split('\0');
    PacketDecoder decoder;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        PacketDecoder::Result result;
        if (i > 0 && decoder.isAwaitingAttachments()) {
            // A copy: the attachment must not point into libFuzzer's buffer once kept.
            result = decoder.addAttachment(QByteArray(parts.at(i).constData(), parts.at(i).size()));
        } else {
            const QString text = QString::fromUtf8(parts.at(i));
            if (i == 0)
                checkJson(text);
            result = decoder.decodeText(text);
        }
        if (result == PacketDecoder::Result::Complete) {
            const ReceivedPacket packet = decoder.takePacket();
            if ((packet.type == PacketType::Event || packet.type == PacketType::Ack)
                && !packet.data.isArray())
                failure("event or ack data is not a list", QString::fromUtf8(parts.at(i)));
            checkRoundTrip(packet);
        } else if (result == PacketDecoder::Result::Error && decoder.errorString().isEmpty()) {
            failure("error without a reason", QString::fromUtf8(parts.at(i)));
        }
    }
    // A stray binary frame must be refused cleanly whatever state the decoder is in.
    if (!decoder.isAwaitingAttachments()
        && decoder.addAttachment(QByteArray("x")) != PacketDecoder::Result::Error)
        failure("binary frame accepted without a pending packet", QString());
    return 0;
}
