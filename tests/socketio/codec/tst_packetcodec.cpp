#include "tst_packetcodec.h"

#include "socketio/jsonreader.h"
#include "socketio/packetdecoder.h"
#include "socketio/packetencoder.h"
#include "testvalues.h"

#include <QTest>

#include <limits>

using SocketIo::JsonReader;
using SocketIo::Packet;
using SocketIo::PacketDecoder;
using SocketIo::PacketEncoder;
using SocketIo::PacketType;
using SocketIo::ReceivedPacket;
using TestValues::dump;
using TestValues::same;
using TestValues::str;

Q_DECLARE_METATYPE(SocketIo::PacketType)

namespace {

QVariant json(const QString &text)
{
    QVariant value;
    QString error;
    if (!JsonReader::parse(text, &value, &error))
        qFatal("bad test JSON %s: %s", qUtf8Printable(text), qUtf8Printable(error));
    return value;
}

Packet makePacket(PacketType type, const QString &nsp, qint64 id, const QVariant &data)
{
    Packet packet;
    packet.type = type;
    packet.nsp = nsp;
    packet.id = id;
    packet.data = data;
    return packet;
}

const QString root = QStringLiteral("/");

} // namespace

void TestPacketCodec::decode_data()
{
    QTest::addColumn<QString>("wire");
    QTest::addColumn<PacketType>("type");
    QTest::addColumn<QString>("nsp");
    QTest::addColumn<qint64>("id");
    QTest::addColumn<QVariant>("data");

    const QVariant none;
    QTest::newRow("connect") << QStringLiteral("0") << PacketType::Connect << root << qint64(-1)
                             << none;
    QTest::newRow("connect with auth") << str(uR"(0{"token":"abc"})") << PacketType::Connect << root
                                       << qint64(-1) << json(str(uR"({"token":"abc"})"));
    QTest::newRow("connect nsp with auth")
        << str(uR"(0/admin,{"token":"abc"})") << PacketType::Connect << QStringLiteral("/admin")
        << qint64(-1) << json(str(uR"({"token":"abc"})"));
    QTest::newRow("connected reply")
        << str(uR"(0{"sid":"oSO0OpakMV_3jnilAAAA","pid":"p1"})") << PacketType::Connect << root
        << qint64(-1) << json(str(uR"({"sid":"oSO0OpakMV_3jnilAAAA","pid":"p1"})"));
    QTest::newRow("disconnect") << QStringLiteral("1") << PacketType::Disconnect << root
                                << qint64(-1) << none;
    QTest::newRow("disconnect nsp") << QStringLiteral("1/admin,") << PacketType::Disconnect
                                    << QStringLiteral("/admin") << qint64(-1) << none;
    QTest::newRow("nsp without comma takes the rest")
        << QStringLiteral("1/admin") << PacketType::Disconnect << QStringLiteral("/admin")
        << qint64(-1) << none;
    QTest::newRow("event") << str(uR"(2["foo"])") << PacketType::Event << root << qint64(-1)
                           << json(str(uR"(["foo"])"));
    QTest::newRow("event with args")
        << str(uR"(2["foo",1,{"a":[true,null]},"x"])") << PacketType::Event << root << qint64(-1)
        << json(str(uR"(["foo",1,{"a":[true,null]},"x"])"));
    QTest::newRow("event with ack id") << str(uR"(212["foo"])") << PacketType::Event << root
                                       << qint64(12) << json(str(uR"(["foo"])"));
    QTest::newRow("event ack id 0") << str(uR"(20["foo"])") << PacketType::Event << root
                                    << qint64(0) << json(str(uR"(["foo"])"));
    QTest::newRow("event max safe ack id")
        << str(uR"(29007199254740991["foo"])") << PacketType::Event << root
        << qint64(9007199254740991) << json(str(uR"(["foo"])"));
    QTest::newRow("event with numeric name") << QStringLiteral("2[42]") << PacketType::Event << root
                                             << qint64(-1) << json(QStringLiteral("[42]"));
    QTest::newRow("event nsp ack id")
        << str(uR"(2/chat,7["msg","hi"])") << PacketType::Event << QStringLiteral("/chat")
        << qint64(7) << json(str(uR"(["msg","hi"])"));
    QTest::newRow("event with unicode")
        << str(uR"(2["m","héllo 😀 \ud83d\ude00 \"q\" \n"])") << PacketType::Event << root
        << qint64(-1)
        << QVariant(QVariantList { QStringLiteral("m"), QStringLiteral("héllo 😀 😀 \"q\" \n") });
    QTest::newRow("event with whitespace payload")
        << QStringLiteral("2 [\"foo\" ] ") << PacketType::Event << root << qint64(-1)
        << json(str(uR"(["foo"])"));
    QTest::newRow("ack") << str(uR"(312[{"ok":true}])") << PacketType::Ack << root << qint64(12)
                         << json(str(uR"([{"ok":true}])"));
    QTest::newRow("ack nsp") << str(uR"(3/admin,13["bar"])") << PacketType::Ack
                             << QStringLiteral("/admin") << qint64(13) << json(str(uR"(["bar"])"));
    QTest::newRow("ack empty array") << QStringLiteral("35[]") << PacketType::Ack << root
                                     << qint64(5) << QVariant(QVariantList());
    QTest::newRow("ack without payload is an empty array")
        << QStringLiteral("35") << PacketType::Ack << root << qint64(5) << QVariant(QVariantList());
    QTest::newRow("connect error object")
        << str(uR"(4{"message":"Not authorized"})") << PacketType::ConnectError << root
        << qint64(-1) << json(str(uR"({"message":"Not authorized"})"));
    QTest::newRow("connect error string")
        << str(uR"(4"plain string")") << PacketType::ConnectError << root << qint64(-1)
        << QVariant(QStringLiteral("plain string"));
    QTest::newRow("connect error nsp")
        << str(uR"(4/admin,{"message":"x","data":{"code":1}})") << PacketType::ConnectError
        << QStringLiteral("/admin") << qint64(-1)
        << json(str(uR"({"message":"x","data":{"code":1}})"));
    // Found by fuzzing: JSON.parse gives Infinity, a number, so this is a valid event name.
    QTest::newRow("fuzz: infinite event name")
        << QStringLiteral("2[47e5475788,-400]") << PacketType::Event << root << qint64(-1)
        << QVariant(QVariantList { std::numeric_limits<double>::infinity(), qint64(-400) });
    QTest::newRow("numbers") << str(
        uR"(2["n",0,-1,9007199254740993,1.5,-2e-3,1E21,12345678901234567890])")
                             << PacketType::Event << root << qint64(-1)
                             << QVariant(QVariantList { QStringLiteral("n"), qint64(0), qint64(-1),
                                    qint64(9007199254740993), 1.5, -2e-3, 1e21,
                                    12345678901234567890.0 });
}

void TestPacketCodec::decode()
{
    QFETCH(QString, wire);
    QFETCH(PacketType, type);
    QFETCH(QString, nsp);
    QFETCH(qint64, id);
    QFETCH(QVariant, data);

    PacketDecoder decoder;
    QCOMPARE(decoder.decodeText(wire), PacketDecoder::Result::Complete);
    QVERIFY(decoder.errorString().isEmpty());
    const ReceivedPacket packet = decoder.takePacket();
    QCOMPARE(packet.type, type);
    QCOMPARE(packet.nsp, nsp);
    QCOMPARE(packet.id, id);
    const QVariant decoded = packet.data.toVariant();
    QVERIFY2(same(decoded, data), qPrintable(dump(decoded) + u" != " + dump(data)));
    QVERIFY(!decoder.isAwaitingAttachments());
}

void TestPacketCodec::decodeInvalid_data()
{
    QTest::addColumn<QString>("wire");
    QTest::addColumn<QString>("reason");

    const auto invalidPayload = QStringLiteral("invalid payload");
    QTest::newRow("empty") << QString() << QStringLiteral("empty");
    QTest::newRow("letters") << QStringLiteral("abc") << QStringLiteral("unknown packet type");
    QTest::newRow("type 7") << QStringLiteral("7") << QStringLiteral("unknown packet type");
    QTest::newRow("type 9") << str(uR"(9["x"])") << QStringLiteral("unknown packet type");
    QTest::newRow("event garbage") << QStringLiteral("2abc") << invalidPayload;
    QTest::newRow("event object") << QStringLiteral("2{}") << invalidPayload;
    QTest::newRow("event empty array") << QStringLiteral("2[]") << invalidPayload;
    QTest::newRow("event reserved connect") << str(uR"(2["connect"])") << invalidPayload;
    QTest::newRow("event reserved connect_error")
        << str(uR"(2["connect_error"])") << invalidPayload;
    QTest::newRow("event reserved disconnect") << str(uR"(2["disconnect"])") << invalidPayload;
    QTest::newRow("event reserved disconnecting")
        << str(uR"(2["disconnecting"])") << invalidPayload;
    QTest::newRow("event reserved newListener") << str(uR"(2["newListener"])") << invalidPayload;
    QTest::newRow("event reserved removeListener")
        << str(uR"(2["removeListener"])") << invalidPayload;
    QTest::newRow("event bool name") << QStringLiteral("2[true]") << invalidPayload;
    QTest::newRow("event null name") << QStringLiteral("2[null]") << invalidPayload;
    QTest::newRow("event object name") << QStringLiteral("2[{}]") << invalidPayload;
    QTest::newRow("event string payload") << str(uR"(2"foo")") << invalidPayload;
    QTest::newRow("event without payload") << QStringLiteral("2") << invalidPayload;
    QTest::newRow("event nsp without payload") << QStringLiteral("2/admin,") << invalidPayload;
    QTest::newRow("event ack id without payload") << QStringLiteral("212") << invalidPayload;
    QTest::newRow("disconnect with payload") << QStringLiteral("1{}") << invalidPayload;
    QTest::newRow("disconnect nsp with payload") << QStringLiteral("1/admin,[]") << invalidPayload;
    QTest::newRow("connect array") << QStringLiteral("0[]") << invalidPayload;
    QTest::newRow("connect string") << str(uR"(0"x")") << invalidPayload;
    QTest::newRow("connect null") << QStringLiteral("0null") << invalidPayload;
    QTest::newRow("ack object") << QStringLiteral("3{}") << invalidPayload;
    QTest::newRow("ack id object") << QStringLiteral("31{}") << invalidPayload;
    QTest::newRow("connect error number") << QStringLiteral("4 2") << invalidPayload;
    QTest::newRow("connect error bool") << QStringLiteral("4true") << invalidPayload;
    // The attachment count comes right after the type: the reference refuses this order too.
    QTest::newRow("binary nsp before count")
        << str(uR"(6/admin,1-12[{"_placeholder":true,"num":0}])")
        << QStringLiteral("illegal attachments");
    QTest::newRow("connect error array") << QStringLiteral("4[]") << invalidPayload;
    QTest::newRow("huge ack id") << str(uR"(2999999999999999999999["x"])")
                                 << QStringLiteral("bad ack id");
    QTest::newRow("ack id beyond safe integer")
        << str(uR"(29007199254740992["x"])") << QStringLiteral("bad ack id");
    QTest::newRow("ack id beyond int64")
        << QString(QStringLiteral("3") + QString(40, u'9') + u"[]") << QStringLiteral("bad ack id");
    QTest::newRow("negative ack id") << str(uR"(2-1["x"])") << invalidPayload;
    QTest::newRow("binary without dash")
        << str(uR"(51["x"])") << QStringLiteral("illegal attachments");
    QTest::newRow("binary no count") << str(uR"(5-["x"])") << QStringLiteral("illegal attachments");
    QTest::newRow("binary zero count")
        << str(uR"(50-["x"])") << QStringLiteral("illegal attachments");
    QTest::newRow("binary letters count")
        << str(uR"(5a-["x"])") << QStringLiteral("illegal attachments");
    QTest::newRow("binary only type")
        << QStringLiteral("5") << QStringLiteral("illegal attachments");
    QTest::newRow("binary without payload") << QStringLiteral("51-") << invalidPayload;
    QTest::newRow("binary ack without payload") << QStringLiteral("61-/admin,3") << invalidPayload;
    QTest::newRow("too many attachments") << str(uR"(511-["x",{"_placeholder":true,"num":0}])")
                                          << QStringLiteral("too many attachments");
    QTest::newRow("absurd attachment count")
        << QString(QStringLiteral("5") + QString(30, u'9') + u"-[\"x\"]")
        << QStringLiteral("too many attachments");
    QTest::newRow("binary event reserved name")
        << str(uR"(51-["disconnect",{"_placeholder":true,"num":0}])") << invalidPayload;
    QTest::newRow("binary ack object") << QStringLiteral("61-1{}") << invalidPayload;
    QTest::newRow("unterminated string") << str(uR"(2["foo)") << invalidPayload;
    QTest::newRow("unterminated array") << str(uR"(2["foo")") << invalidPayload;
    QTest::newRow("depth bomb") << QString(QStringLiteral("2") + QString(100000, u'['))
                                << invalidPayload;
    QTest::newRow("closed depth bomb")
        << QString(QStringLiteral("2[\"x\",") + QString(200, u'[') + QString(200, u']') + u']')
        << invalidPayload;
    QTest::newRow("invalid escape") << str(uR"(2["fo\o"])") << invalidPayload;
    QTest::newRow("bad unicode escape") << str(uR"(2["\u00zz"])") << invalidPayload;
    QTest::newRow("raw control character") << QStringLiteral("2[\"a\x01\"]") << invalidPayload;
    QTest::newRow("raw newline") << QStringLiteral("2[\"a\nb\"]") << invalidPayload;
    QTest::newRow("trailing garbage") << str(uR"(2["foo"]x)") << invalidPayload;
    QTest::newRow("two payloads") << str(uR"(2["foo"]["bar"])") << invalidPayload;
    QTest::newRow("trailing comma") << str(uR"(2["foo",])") << invalidPayload;
    QTest::newRow("NaN") << str(uR"(2["foo",NaN])") << invalidPayload;
    QTest::newRow("leading zero") << str(uR"(2["foo",01])") << invalidPayload;
    QTest::newRow("comment") << str(uR"(2["foo"/**/])") << invalidPayload;
    QTest::newRow("single quotes") << QStringLiteral("2['foo']") << invalidPayload;
}

void TestPacketCodec::decodeInvalid()
{
    QFETCH(QString, wire);
    QFETCH(QString, reason);
    PacketDecoder decoder;
    QCOMPARE(decoder.decodeText(wire), PacketDecoder::Result::Error);
    QVERIFY2(decoder.errorString().contains(reason), qPrintable(decoder.errorString()));
    QVERIFY(!decoder.isAwaitingAttachments());
    // The decoder is usable again right away.
    QCOMPARE(decoder.decodeText(u"2[\"ok\"]"), PacketDecoder::Result::Complete);
    QVERIFY(decoder.errorString().isEmpty());
}

void TestPacketCodec::decodeBinary_data()
{
    QTest::addColumn<QString>("wire");
    QTest::addColumn<QByteArrayList>("attachments");
    QTest::addColumn<PacketType>("type");
    QTest::addColumn<QString>("nsp");
    QTest::addColumn<qint64>("id");
    QTest::addColumn<QVariant>("data");

    QTest::newRow("binary event") << str(uR"(51-["baz",{"_placeholder":true,"num":0}])")
                                  << QByteArrayList { QByteArray("\x00\x01\xff", 3) }
                                  << PacketType::Event << root << qint64(-1)
                                  << QVariant(QVariantList {
                                         QStringLiteral("baz"), QByteArray("\x00\x01\xff", 3) });
    QTest::newRow("binary ack nsp")
        << str(uR"(61-/admin,12[{"_placeholder":true,"num":0}])")
        << QByteArrayList { QByteArray("abc") } << PacketType::Ack << QStringLiteral("/admin")
        << qint64(12) << QVariant(QVariantList { QByteArray("abc") });
    QTest::newRow("nested, out of order") << str(
        uR"(52-["f",{"a":[{"_placeholder":true,"num":1}],"b":{"_placeholder":true,"num":0}}])")
                                          << QByteArrayList { "zero", "one" } << PacketType::Event
                                          << root << qint64(-1)
                                          << QVariant(QVariantList { QStringLiteral("f"),
                                                 QVariantMap {
                                                     { QStringLiteral("a"),
                                                         QVariantList { QByteArray("one") } },
                                                     { QStringLiteral("b"),
                                                         QByteArray("zero") } } });
    QTest::newRow("same attachment twice, num as 0.0")
        << str(uR"(51-["f",{"_placeholder":true,"num":0},{"_placeholder":true,"num":0.0}])")
        << QByteArrayList { "x" } << PacketType::Event << root << qint64(-1)
        << QVariant(QVariantList { QStringLiteral("f"), QByteArray("x"), QByteArray("x") });
    QTest::newRow("placeholder false is data")
        << str(uR"(51-["f",{"_placeholder":false,"num":9},{"_placeholder":true,"num":0}])")
        << QByteArrayList { "x" } << PacketType::Event << root << qint64(-1)
        << QVariant(QVariantList { QStringLiteral("f"),
               QVariantMap { { QStringLiteral("_placeholder"), false },
                   { QStringLiteral("num"), qint64(9) } },
               QByteArray("x") });
    QTest::newRow("ten attachments")
        << QString(str(uR"(510-["f",)") +
               [] {
                   QStringList parts;
                   for (int i = 0; i < 10; ++i)
                       parts << str(uR"({"_placeholder":true,"num":%1})").arg(i);
                   return parts.join(u',');
               }()
               + u']')
        << QByteArrayList { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" } << PacketType::Event
        << root << qint64(-1)
        << QVariant(QVariantList { QStringLiteral("f"), QByteArray("0"), QByteArray("1"),
               QByteArray("2"), QByteArray("3"), QByteArray("4"), QByteArray("5"), QByteArray("6"),
               QByteArray("7"), QByteArray("8"), QByteArray("9") });
    QTest::newRow("empty attachment")
        << str(uR"(51-["f",{"_placeholder":true,"num":0}])") << QByteArrayList { QByteArray() }
        << PacketType::Event << root << qint64(-1)
        << QVariant(QVariantList { QStringLiteral("f"), QByteArray() });
}

void TestPacketCodec::decodeBinary()
{
    QFETCH(QString, wire);
    QFETCH(QByteArrayList, attachments);
    QFETCH(PacketType, type);
    QFETCH(QString, nsp);
    QFETCH(qint64, id);
    QFETCH(QVariant, data);

    PacketDecoder decoder;
    QCOMPARE(decoder.decodeText(wire), PacketDecoder::Result::AwaitingAttachments);
    for (qsizetype i = 0; i < attachments.size(); ++i) {
        QVERIFY(decoder.isAwaitingAttachments());
        const auto expected = i + 1 < attachments.size()
            ? PacketDecoder::Result::AwaitingAttachments
            : PacketDecoder::Result::Complete;
        QCOMPARE(decoder.addAttachment(attachments.at(i)), expected);
    }
    QVERIFY(!decoder.isAwaitingAttachments());
    const ReceivedPacket packet = decoder.takePacket();
    QCOMPARE(packet.type, type);
    QCOMPARE(packet.nsp, nsp);
    QCOMPARE(packet.id, id);
    const QVariant decoded = packet.data.toVariant();
    QVERIFY2(same(decoded, data), qPrintable(dump(decoded) + u" != " + dump(data)));
}

void TestPacketCodec::binaryErrors()
{
    PacketDecoder decoder;
    QCOMPARE(decoder.addAttachment("x"), PacketDecoder::Result::Error);
    QVERIFY(decoder.errorString().contains(u"not reconstructing"));

    QCOMPARE(decoder.decodeText(u"52-[\"f\",{\"_placeholder\":true,\"num\":0}]"),
        PacketDecoder::Result::AwaitingAttachments);
    QCOMPARE(decoder.addAttachment("a"), PacketDecoder::Result::AwaitingAttachments);
    QCOMPARE(decoder.decodeText(u"2[\"x\"]"), PacketDecoder::Result::Error);
    QVERIFY(decoder.errorString().contains(u"got plaintext data when reconstructing a packet"));
    QVERIFY(!decoder.isAwaitingAttachments());
    // The half packet is gone: its second attachment is now unexpected.
    QCOMPARE(decoder.addAttachment("b"), PacketDecoder::Result::Error);

    const QString outOfRange[] = {
        str(uR"(51-["f",{"_placeholder":true,"num":1}])"),
        str(uR"(51-["f",{"_placeholder":true,"num":-1}])"),
        str(uR"(51-["f",{"_placeholder":true,"num":0.5}])"),
        str(uR"(51-["f",{"_placeholder":true,"num":"0"}])"),
        str(uR"(51-["f",{"_placeholder":true}])"),
        str(uR"(51-["f",[{"x":{"_placeholder":true,"num":99}}]])"),
    };
    for (const QString &wire : outOfRange) {
        QCOMPARE(decoder.decodeText(wire), PacketDecoder::Result::AwaitingAttachments);
        QCOMPARE(decoder.addAttachment("a"), PacketDecoder::Result::Error);
        QVERIFY2(decoder.errorString().contains(u"illegal attachments"), qPrintable(wire));
        QVERIFY(!decoder.isAwaitingAttachments());
    }

    QCOMPARE(decoder.decodeText(u"51-[\"f\",{\"_placeholder\":true,\"num\":0}]"),
        PacketDecoder::Result::AwaitingAttachments);
    decoder.reset();
    QVERIFY(!decoder.isAwaitingAttachments());
    QCOMPARE(decoder.addAttachment("a"), PacketDecoder::Result::Error);
}

void TestPacketCodec::maxAttachments()
{
    PacketDecoder decoder;
    QCOMPARE(decoder.maxAttachments(), 10);
    decoder.setMaxAttachments(2);
    QCOMPARE(decoder.decodeText(u"53-[\"f\"]"), PacketDecoder::Result::Error);
    QVERIFY(decoder.errorString().contains(u"too many attachments"));
    QCOMPARE(decoder.decodeText(u"52-[\"f\"]"), PacketDecoder::Result::AwaitingAttachments);
}

void TestPacketCodec::encode_data()
{
    QTest::addColumn<Packet>("packet");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArrayList>("attachments");

    const QByteArrayList none;
    QTest::newRow("connect") << makePacket(PacketType::Connect, root, -1, {}) << QStringLiteral("0")
                             << none;
    QTest::newRow("connect auth") << makePacket(
        PacketType::Connect, root, -1, json(str(uR"({"token":"abc"})")))
                                  << str(uR"(0{"token":"abc"})") << none;
    QTest::newRow("connect nsp auth")
        << makePacket(PacketType::Connect, QStringLiteral("/admin"), -1,
               json(str(uR"({"token":"abc","pid":"x","offset":"1-0"})")))
        << str(uR"(0/admin,{"offset":"1-0","pid":"x","token":"abc"})") << none;
    QTest::newRow("connect null data")
        << makePacket(PacketType::Connect, root, -1, QVariant::fromValue(nullptr))
        << QStringLiteral("0") << none;
    QTest::newRow("disconnect") << makePacket(PacketType::Disconnect, root, -1, {})
                                << QStringLiteral("1") << none;
    QTest::newRow("disconnect ignores data")
        << makePacket(PacketType::Disconnect, QStringLiteral("/admin"), -1, QVariantMap())
        << QStringLiteral("1/admin,") << none;
    QTest::newRow("event") << makePacket(
        PacketType::Event, root, -1, QVariantList { QStringLiteral("foo") })
                           << str(uR"(2["foo"])") << none;
    QTest::newRow("event ack id") << makePacket(
        PacketType::Event, root, 12, QVariantList { QStringLiteral("foo"), 1, 2.5, true })
                                  << str(uR"(212["foo",1,2.5,true])") << none;
    QTest::newRow("event empty nsp is root")
        << makePacket(PacketType::Event, QString(), -1, QVariantList { QStringLiteral("foo") })
        << str(uR"(2["foo"])") << none;
    QTest::newRow("ack nsp") << makePacket(
        PacketType::Ack, QStringLiteral("/admin"), 13, QVariantList { QStringLiteral("bar") })
                             << str(uR"(3/admin,13["bar"])") << none;
    QTest::newRow("event unicode") << makePacket(PacketType::Event, root, -1,
        QVariantList { QStringLiteral("m"), QStringLiteral("é 😀 \"\n") })
                                   << QStringLiteral("2[\"m\",\"é 😀 \\\"\\n\"]") << none;
    QTest::newRow("binary event") << makePacket(
        PacketType::Event, root, -1, QVariantList { QStringLiteral("baz"), QByteArray("\x01\x02") })
                                  << str(uR"(51-["baz",{"_placeholder":true,"num":0}])")
                                  << QByteArrayList { QByteArray("\x01\x02") };
    QTest::newRow("binary ack nsp") << makePacket(
        PacketType::Ack, QStringLiteral("/admin"), 12, QVariantList { QByteArray("abc") })
                                    << str(uR"(61-/admin,12[{"_placeholder":true,"num":0}])")
                                    << QByteArrayList { QByteArray("abc") };
    QTest::newRow("nested binary")
        << makePacket(PacketType::Event, root, 3,
               QVariantList { QStringLiteral("up"),
                   QVariantMap { { QStringLiteral("files"),
                                     QVariantList { QByteArray("a"), QByteArray("b") } },
                       { QStringLiteral("name"), QStringLiteral("n") } } })
        << str(uR"(52-3["up",{"files":[{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}],"name":"n"}])")
        << QByteArrayList { "a", "b" };
    QTest::newRow("binary type without binary becomes plain")
        << makePacket(PacketType::BinaryEvent, root, -1, QVariantList { QStringLiteral("x") })
        << str(uR"(2["x"])") << none;
    // As JSON.stringify does; the server will refuse such an event, as it would from JS.
    QTest::newRow("non-finite numbers become null") << makePacket(PacketType::Event, root, -1,
        QVariantList {
            std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN() })
                                                    << QStringLiteral("2[null,null]") << none;
    QTest::newRow("connect error") << makePacket(
        PacketType::ConnectError, root, -1, json(str(uR"({"message":"Not authorized"})")))
                                   << str(uR"(4{"message":"Not authorized"})") << none;
    QTest::newRow("connect error string")
        << makePacket(PacketType::ConnectError, root, -1, QStringLiteral("plain string"))
        << str(uR"(4"plain string")") << none;
}

void TestPacketCodec::encode()
{
    QFETCH(Packet, packet);
    QFETCH(QString, text);
    QFETCH(QByteArrayList, attachments);
    const auto encoded = PacketEncoder::encode(packet);
    QCOMPARE(encoded.text, text);
    QCOMPARE(encoded.attachments, attachments);
}

void TestPacketCodec::roundTrip_data()
{
    QTest::addColumn<Packet>("packet");

    const QVariantMap nested { { QStringLiteral("deep"),
        QVariantList { QVariantMap { { QStringLiteral("bin"), QByteArray("\xde\xad") } },
            QByteArray(1000, 'z'), QVariant::fromValue(nullptr) } } };
    QTest::newRow("event") << makePacket(
        PacketType::Event, root, -1, json(str(uR"(["message:received",{"id":1,"content":"hi"}])")));
    QTest::newRow("event nsp id") << makePacket(PacketType::Event, QStringLiteral("/room-odd"),
        9007199254740991, QVariantList { QStringLiteral("e") });
    QTest::newRow("ack") << makePacket(PacketType::Ack, root, 0, QVariantList());
    QTest::newRow("numbers") << makePacket(PacketType::Event, root, 1,
        QVariantList { QStringLiteral("n"), qint64(-9223372036854775807 - 1),
            qint64(9223372036854775807), 1.5e-300, -0.25, 6.02e23 });
    QTest::newRow("unicode and escapes") << makePacket(PacketType::Event, root, -1,
        QVariantList { QStringLiteral("😀 é \\ \" / \t \x01"),
            QVariantMap { { QStringLiteral("ключ \"k\""), QStringLiteral("中文\r\n") } } });
    QTest::newRow("nested binary") << makePacket(PacketType::Event, QStringLiteral("/files"), 4,
        QVariantList { QStringLiteral("up"), nested, QByteArray("x") });
    QTest::newRow("binary ack") << makePacket(
        PacketType::Ack, root, 77, QVariantList { QByteArray(), nested });
    QTest::newRow("connect") << makePacket(PacketType::Connect, QStringLiteral("/admin"), -1,
        QVariantMap { { QStringLiteral("token"), QStringLiteral("t") } });
    QTest::newRow("connect error") << makePacket(PacketType::ConnectError, root, -1,
        QVariantMap { { QStringLiteral("message"), QStringLiteral("no") } });
    QTest::newRow("disconnect") << makePacket(
        PacketType::Disconnect, QStringLiteral("/admin"), -1, {});
}

void TestPacketCodec::roundTrip()
{
    QFETCH(Packet, packet);
    const auto encoded = PacketEncoder::encode(packet);
    PacketDecoder decoder;
    auto result = decoder.decodeText(encoded.text);
    for (const QByteArray &attachment : encoded.attachments) {
        QCOMPARE(result, PacketDecoder::Result::AwaitingAttachments);
        result = decoder.addAttachment(attachment);
    }
    QCOMPARE(result, PacketDecoder::Result::Complete);
    const ReceivedPacket received = decoder.takePacket();
    const Packet decoded { received.type, received.nsp, received.id, received.data.toVariant() };
    QCOMPARE(decoded.type, packet.type);
    QCOMPARE(decoded.nsp, packet.nsp);
    QCOMPARE(decoded.id, packet.id);
    // Numbers come back as qint64 or double, whatever type they were sent as.
    QVERIFY2(same(decoded.data, packet.data, false),
        qPrintable(dump(decoded.data) + u" != " + dump(packet.data)));
    // And encoding again gives the same wire form.
    const auto again = PacketEncoder::encode(decoded);
    QCOMPARE(again.text, encoded.text);
    QCOMPARE(again.attachments, encoded.attachments);
}

void TestPacketCodec::decodeFromOffset()
{
    // The manager hands over the whole Engine.IO frame and says where the packet starts.
    PacketDecoder decoder;
    const QString frame = str(uR"(42/chat,7["hi",{"n":1}])");
    QCOMPARE(decoder.decodeText(frame, 1), PacketDecoder::Result::Complete);
    const ReceivedPacket packet = decoder.takePacket();
    QCOMPARE(packet.type, PacketType::Event);
    QCOMPARE(packet.nsp, QStringLiteral("/chat"));
    QCOMPARE(packet.id, 7);
    QCOMPARE(packet.data.at(0).toString(), QStringLiteral("hi"));
    QCOMPARE(packet.data.at(1).value(u"n").toInteger(), 1);

    QCOMPARE(decoder.decodeText(QStringLiteral("4"), 1), PacketDecoder::Result::Error);
    QCOMPARE(decoder.errorString(), QStringLiteral("empty packet"));
    QCOMPARE(decoder.decodeText(str(uR"(451-["f",{"_placeholder":true,"num":0}])"), 1),
        PacketDecoder::Result::AwaitingAttachments);
    QCOMPARE(decoder.addAttachment("x"), PacketDecoder::Result::Complete);
    QCOMPARE(decoder.takePacket().data.at(1).toByteArray(), QByteArray("x"));
    QCOMPARE(decoder.decodeText(str(uR"(42["x")"), 1), PacketDecoder::Result::Error);
    QVERIFY2(decoder.errorString().startsWith(
                 QStringLiteral("invalid payload (JSON parse error at offset 4:")),
        qPrintable(decoder.errorString()));
}

void TestPacketCodec::takePacketResets()
{
    PacketDecoder decoder;
    QCOMPARE(decoder.decodeText(u"2/x,5[\"a\"]"), PacketDecoder::Result::Complete);
    QCOMPARE(decoder.takePacket().id, 5);
    const ReceivedPacket empty = decoder.takePacket();
    QCOMPARE(empty.nsp, root);
    QCOMPARE(empty.id, -1);
    QVERIFY(empty.data.isUndefined());
}

QTEST_GUILESS_MAIN(TestPacketCodec)
