#include "tst_jsonvalue.h"

#include "socketio/arguments.h"
#include "socketio/jsonreader.h"
#include "socketio/jsonvalue.h"
#include "socketio/packetdecoder.h"
#include "testvalues.h"

#include <QTest>

#include <cmath>
#include <limits>

using SocketIo::Arguments;
using SocketIo::JsonReader;
using SocketIo::JsonValue;
using SocketIo::PacketDecoder;
using SocketIo::ReceivedPacket;
using TestValues::dump;
using TestValues::same;
using TestValues::str;

namespace {

JsonValue json(const QString &text)
{
    QString error;
    const JsonValue value = JsonValue::fromJson(text, &error);
    if (value.isUndefined())
        qFatal("bad test JSON %s: %s", qUtf8Printable(text), qUtf8Printable(error));
    return value;
}

} // namespace

void TestJsonValue::scalars()
{
    QCOMPARE(json(QStringLiteral("null")).type(), JsonValue::Type::Null);
    QVERIFY(json(QStringLiteral("null")).isNull());
    QCOMPARE(json(QStringLiteral("true")).toBool(), true);
    QCOMPARE(json(QStringLiteral("false")).toBool(true), false);
    QCOMPARE(json(QStringLiteral("42")).type(), JsonValue::Type::Integer);
    QCOMPARE(json(QStringLiteral("42")).toInteger(), 42);
    QCOMPARE(json(QStringLiteral("42")).toDouble(), 42.0);
    QCOMPARE(json(QStringLiteral("-9223372036854775808")).toInteger(),
        std::numeric_limits<qint64>::min());
    QCOMPARE(json(QStringLiteral("2.5")).type(), JsonValue::Type::Double);
    QCOMPARE(json(QStringLiteral("2.5")).toDouble(), 2.5);
    // A JS sender may write an integral id as 3.0 or 3e0.
    QCOMPARE(json(QStringLiteral("3e0")).toInteger(), 3);
    QCOMPARE(json(QStringLiteral("1e300")).toInteger(-1), -1);
    QVERIFY(std::signbit(json(QStringLiteral("-0")).toDouble()));
    QCOMPARE(json(str(uR"("héllo 😀")")).toString(), str(u"héllo 😀"));
    QCOMPARE(json(str(uR"("abc")")).toStringView(), QStringView(u"abc"));
    QCOMPARE(json(QStringLiteral(" [] ")).type(), JsonValue::Type::Array);
    QCOMPARE(json(QStringLiteral("{}")).type(), JsonValue::Type::Object);
    QVERIFY(JsonValue().isUndefined());
    QCOMPARE(JsonValue().type(), JsonValue::Type::Undefined);
}

void TestJsonValue::wrongTypeGivesFallback()
{
    const JsonValue text = json(str(uR"("7")"));
    QCOMPARE(text.toInteger(), 0);
    QCOMPARE(text.toInteger(-1), -1);
    QCOMPARE(text.toDouble(1.5), 1.5);
    QCOMPARE(text.toBool(true), true);
    QVERIFY(text.toByteArray().isNull());
    QCOMPARE(json(QStringLiteral("7")).toString(QStringLiteral("none")), QStringLiteral("none"));
    QCOMPARE(json(QStringLiteral("7")).size(), 0);
    QVERIFY(json(QStringLiteral("7")).at(0).isUndefined());
    QVERIFY(json(QStringLiteral("7")).value(u"a").isUndefined());
    QVERIFY(JsonValue().value(u"a").at(3).isUndefined());
    QVERIFY(JsonValue().toString().isNull());
}

void TestJsonValue::arrays()
{
    const JsonValue array = json(str(uR"([1, "two", [3, [4]], {"five": 5}, null])"));
    QCOMPARE(array.size(), 5);
    QCOMPARE(array.at(0).toInteger(), 1);
    QCOMPARE(array.at(1).toString(), QStringLiteral("two"));
    QCOMPARE(array.at(2).size(), 2);
    QCOMPARE(array.at(2).at(1).at(0).toInteger(), 4);
    QCOMPARE(array[3][u"five"].toInteger(), 5);
    QVERIFY(array.at(4).isNull());
    QVERIFY(array.at(5).isUndefined());
    QVERIFY(array.at(-1).isUndefined());
    QVERIFY(json(QStringLiteral("[]")).isEmpty());
}

void TestJsonValue::objects()
{
    const JsonValue object =
        json(str(uR"({"id": 7, "user": {"name": "Ada", "tags": ["a", "b"]}, "empty": {}})"));
    QCOMPARE(object.size(), 3);
    QCOMPARE(object.value(u"id").toInteger(), 7);
    QCOMPARE(object[u"user"][u"name"].toString(), QStringLiteral("Ada"));
    QCOMPARE(object[u"user"][u"tags"].at(1).toString(), QStringLiteral("b"));
    QVERIFY(object.contains(u"empty"));
    QVERIFY(!object.contains(u"missing"));
    QVERIFY(object.value(u"missing").isUndefined());
    QCOMPARE(object.keys(),
        QStringList({ QStringLiteral("id"), QStringLiteral("user"), QStringLiteral("empty") }));
}

void TestJsonValue::duplicateKeysLastWins()
{
    // As JSON.parse, and as JsonReader's QVariantMap.
    const JsonValue object = json(str(uR"({"a": 1, "b": 2, "a": 3, "c": {"a": 4}, "a": 5})"));
    QCOMPARE(object.size(), 3);
    QCOMPARE(object.value(u"a").toInteger(), 5);
    QCOMPARE(object.keys(),
        QStringList({ QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("a") }));
    // Equal once unescaped.
    const JsonValue escaped = json(str(uR"({"ab": 1, "a\u0062": 2})"));
    QCOMPARE(escaped.size(), 1);
    QCOMPARE(escaped.value(u"ab").toInteger(), 2);
    QVariant variant;
    QVERIFY(
        JsonReader::parse(str(uR"({"a": 1, "b": 2, "a": 3, "c": {"a": 4}, "a": 5})"), &variant));
    QVERIFY(same(object.toVariant(), variant));
}

void TestJsonValue::escapedStrings()
{
    const JsonValue array = json(str(uR"(["a\"b\\c\/\n\t\u00e9\ud83d\ude00", "plain", "\u0000"])"));
    QCOMPARE(array.at(0).toString(), str(u"a\"b\\c/\n\té😀"));
    QCOMPARE(array.at(1).toString(), QStringLiteral("plain"));
    QCOMPARE(array.at(2).toString(), QString(QChar(0)));
    const JsonValue keys = json(str(uR"({"k\u00e9y": "v", "\"": 2})"));
    QCOMPARE(keys.value(str(u"kéy")).toString(), QStringLiteral("v"));
    QCOMPARE(keys.value(u"\"").toInteger(), 2);
}

void TestJsonValue::iteration()
{
    const JsonValue array = json(QStringLiteral("[1, [2, 3], {\"x\": 4}, 5]"));
    QList<JsonValue::Type> types;
    for (const JsonValue &element : array)
        types.append(element.type());
    QCOMPARE(types,
        QList<JsonValue::Type>({ JsonValue::Type::Integer, JsonValue::Type::Array,
            JsonValue::Type::Object, JsonValue::Type::Integer }));

    const JsonValue object = json(str(uR"({"x": [1, 2], "y": {"z": 3}, "x": 9})"));
    QStringList seen;
    for (auto it = object.begin(); it != object.end(); ++it)
        seen.append(it.key() + u'=' + it.value().toVariant().toString());
    QCOMPARE(seen, QStringList({ QStringLiteral("y="), QStringLiteral("x=9") }));

    int count = 0;
    for (const JsonValue &nothing : json(QStringLiteral("\"text\""))) {
        Q_UNUSED(nothing);
        ++count;
    }
    for (const JsonValue &nothing : JsonValue()) {
        Q_UNUSED(nothing);
        ++count;
    }
    QCOMPARE(count, 0);
}

void TestJsonValue::toVariantMatchesJsonReader_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("event") << str(
        uR"(["message:received",{"id":4242,"roomId":7,"senderName":"Chloé","content":"a\"b\nc","createdAt":"2026-01-05T10:11:12.345Z","attachments":[]}])");
    QTest::newRow("numbers") << str(
        uR"([0,-0,1.5,-1e400,1e400,9223372036854775807,9223372036854775808,-9223372036854775809,1e-400])");
    QTest::newRow("nested") << str(uR"({"a":[{"b":[[],{}]},null,true,false],"":"empty key"})");
    QTest::newRow("many keys") << str(
        uR"({"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":10,"k11":11,"k12":12,"k13":13,"k14":14,"k15":15,"k16":16,"k17":17,"k18":18,"k19":19,"k20":20,"k21":21,"k22":22,"k23":23,"k24":24,"k25":25,"k26":26,"k27":27,"k28":28,"k29":29,"k30":30,"k31":31,"k32":32,"k33":33,"k1":0})");
    QTest::newRow("scalar") << QStringLiteral("\"just a string\"");
}

void TestJsonValue::toVariantMatchesJsonReader()
{
    QFETCH(QString, text);
    QVariant expected;
    QVERIFY(JsonReader::parse(text, &expected));
    const QVariant actual = json(text).toVariant();
    QVERIFY2(same(actual, expected), qPrintable(dump(actual) + u" != " + dump(expected)));
    if (expected.typeId() == QMetaType::QVariantList) {
        QVERIFY(same(json(text).toVariantList(), expected));
    }
}

void TestJsonValue::equality()
{
    QVERIFY(json(str(uR"({"a":[1,"x"],"b":null})")) == json(str(uR"({"b":null,"a":[1,"x"]})")));
    QVERIFY(!(json(QStringLiteral("[1]")) == json(QStringLiteral("[1.0]"))));
    QVERIFY(!(json(QStringLiteral("[1]")) == json(QStringLiteral("[1,2]"))));
    QVERIFY(!(json(str(uR"({"a":1})")) == json(str(uR"({"b":1})"))));
    QVERIFY(JsonValue() == JsonValue());
}

void TestJsonValue::fromVariant()
{
    const QVariantMap map { { QStringLiteral("name"), QStringLiteral("Ada") },
        { QStringLiteral("bytes"), QByteArray("\x00\x01", 2) },
        { QStringLiteral("list"), QVariantList { 1, 2.5, QVariant::fromValue(nullptr) } } };
    const JsonValue value = JsonValue::fromVariant(map);
    QCOMPARE(value.value(u"name").toString(), QStringLiteral("Ada"));
    QVERIFY(value.value(u"bytes").isBinary());
    QCOMPARE(value.value(u"bytes").toByteArray(), QByteArray("\x00\x01", 2));
    QVERIFY(same(value.toVariant(), map, false));
}

void TestJsonValue::outlivesFrameAndDecoder()
{
    JsonValue kept;
    {
        PacketDecoder decoder;
        QString frame = str(uR"(2["chat",{"text":"hello","n":1}])");
        QCOMPARE(decoder.decodeText(frame), PacketDecoder::Result::Complete);
        kept = decoder.takePacket().data;
        // The value shares the frame; changing the caller's string detaches it, not the value.
        frame.fill(u'x');
    }
    QCOMPARE(kept.at(1).value(u"text").toString(), QStringLiteral("hello"));
    QCOMPARE(kept.at(0).toStringView(), QStringView(u"chat"));
}

void TestJsonValue::binaryAttachments()
{
    PacketDecoder decoder;
    QCOMPARE(
        decoder.decodeText(str(
            uR"(52-["file",{"a":{"_placeholder":true,"num":1}},[{"_placeholder":true,"num":0}]])")),
        PacketDecoder::Result::AwaitingAttachments);
    QCOMPARE(decoder.addAttachment("zero"), PacketDecoder::Result::AwaitingAttachments);
    QCOMPARE(decoder.addAttachment("one"), PacketDecoder::Result::Complete);
    const ReceivedPacket packet = decoder.takePacket();
    const JsonValue file = packet.data.at(1).value(u"a");
    QCOMPARE(file.type(), JsonValue::Type::Binary);
    QCOMPARE(file.toByteArray(), QByteArray("one"));
    QCOMPARE(packet.data.at(2).at(0).toByteArray(), QByteArray("zero"));
    QCOMPARE(packet.data.at(2).size(), 1);
    QCOMPARE(packet.data.at(1).toVariant().toMap().value(QStringLiteral("a")).toByteArray(),
        QByteArray("one"));
    // An attachment is a leaf: nothing of the placeholder object shows through.
    QCOMPARE(file.size(), 0);
    QVERIFY(file.value(u"num").isUndefined());
}

void TestJsonValue::placeholderWithDuplicateKeys()
{
    // The last _placeholder and num count, as with the QVariantMap the reference builds.
    PacketDecoder decoder;
    QCOMPARE(decoder.decodeText(
                 str(uR"(51-["f",{"_placeholder":false,"num":5,"_placeholder":true,"num":0}])")),
        PacketDecoder::Result::AwaitingAttachments);
    QCOMPARE(decoder.addAttachment("a"), PacketDecoder::Result::Complete);
    QCOMPARE(decoder.takePacket().data.at(1).toByteArray(), QByteArray("a"));

    QCOMPARE(
        decoder.decodeText(str(
            uR"(51-["f",{"_placeholder":true,"num":0,"_placeholder":false},{"_placeholder":true,"num":0}])")),
        PacketDecoder::Result::AwaitingAttachments);
    QCOMPARE(decoder.addAttachment("a"), PacketDecoder::Result::Complete);
    const JsonValue data = decoder.takePacket().data;
    QVERIFY(data.at(1).isObject());
    QCOMPARE(data.at(1).value(u"num").toInteger(), 0);
    QVERIFY(data.at(2).isBinary());
}

void TestJsonValue::arguments()
{
    const JsonValue event = json(str(uR"(["name", 1, {"a": 2}, "offset"])"));
    Arguments args(event, 1);
    QCOMPARE(args.size(), 3);
    QCOMPARE(args.value(0).toInteger(), 1);
    QCOMPARE(args.at(1).value(u"a").toInteger(), 2);
    QCOMPARE(args.last().toString(), QStringLiteral("offset"));
    QVERIFY(args.value(3).isUndefined());
    QVERIFY(args.value(-1).isUndefined());
    args.removeLast();
    QCOMPARE(args.size(), 2);
    QVERIFY(args.value(2).isUndefined());
    QVERIFY(same(args.toVariantList(),
        QVariantList { qint64(1), QVariantMap { { QStringLiteral("a"), qint64(2) } } }));
    int count = 0;
    for (const JsonValue &arg : args) {
        QVERIFY(!arg.isString());
        ++count;
    }
    QCOMPARE(count, 2);
    QVERIFY(args == Arguments::fromVariantList({ 1, QVariantMap { { QStringLiteral("a"), 2 } } }));
    QVERIFY(!(args == Arguments(event)));
    QVERIFY(Arguments().isEmpty());
    QVERIFY(Arguments(json(QStringLiteral("{}"))).isEmpty());
    QVERIFY(Arguments(event, 9).isEmpty());
}

QTEST_GUILESS_MAIN(TestJsonValue)
