#include "tst_jsoncodec.h"

#include "socketio/jsonreader.h"
#include "socketio/jsonwriter.h"
#include "testvalues.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTest>
#include <QUrl>

#include <limits>

using SocketIo::JsonReader;
using SocketIo::JsonWriter;
using TestValues::dump;
using TestValues::same;
using TestValues::str;

namespace {

QVariant parsed(const QString &json)
{
    QVariant value;
    QString error;
    if (!JsonReader::parse(json, &value, &error))
        qWarning("unexpected parse failure of %s: %s", qUtf8Printable(json), qUtf8Printable(error));
    return value;
}

QVariant null()
{
    return QVariant::fromValue(nullptr);
}

QVariantMap map(std::initializer_list<std::pair<QString, QVariant>> entries)
{
    QVariantMap m;
    for (const auto &[key, value] : entries)
        m.insert(key, value);
    return m;
}

// JSON documents of every shape the reader must agree with QJsonDocument on.
QStringList crossCheckCorpus()
{
    return {
        str(uR"({"a":1,"b":[true,false,null],"c":{"d":"e"}})"),
        str(uR"([1,-1,0,1.5,-2.25,1e3,1E-3,6.02e+23,123456789012345,-9007199254740991])"),
        str(uR"(["plain","esc\"aped\\\/\b\f\n\r\t","\u00e9\u4e2d\ud83d\ude00","émoji 😀 中文"])"),
        str(uR"({"message":"Not authorized","data":{"code":401,"retry":false}})"),
        str(uR"(  { "spaced" : [ 1 , 2 , { } , [ ] ] }  )"),
        str(uR"({"dup":1,"dup":2})"),
        str(uR"([[[[[[[[["deep"]]]]]]]]])"),
        str(uR"({"":"","empty":[],"obj":{}})"),
        str(uR"("just a string")"),
        str(uR"(3.141592653589793)"),
        str(uR"([0.1,0.2,0.30000000000000004,1e-7,5e-324,1.7976931348623157e308])"),
        str(uR"({"id":4242,"roomId":7,"content":"Hi \"there\"\nnew line","createdAt":"2026-01-01T10:00:00.000Z"})"),
    };
}

} // namespace

void TestJsonCodec::parseValid_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QVariant>("expected");

    QTest::newRow("int") << QStringLiteral("42") << QVariant(qint64(42));
    QTest::newRow("negative int") << QStringLiteral("-17") << QVariant(qint64(-17));
    QTest::newRow("zero") << QStringLiteral("0") << QVariant(qint64(0));
    QTest::newRow("minus zero keeps its sign") << QStringLiteral("-0") << QVariant(-0.0);
    QTest::newRow("int64 max") << QStringLiteral("9223372036854775807")
                               << QVariant(std::numeric_limits<qint64>::max());
    QTest::newRow("int64 min") << QStringLiteral("-9223372036854775808")
                               << QVariant(std::numeric_limits<qint64>::min());
    QTest::newRow("beyond int64 becomes double")
        << QStringLiteral("9223372036854775808") << QVariant(9223372036854775808.0);
    QTest::newRow("20 digits") << QStringLiteral("12345678901234567890")
                               << QVariant(12345678901234567890.0);
    QTest::newRow("fraction") << QStringLiteral("1.5") << QVariant(1.5);
    QTest::newRow("integral fraction is double") << QStringLiteral("2.0") << QVariant(2.0);
    QTest::newRow("exponent is double") << QStringLiteral("1e2") << QVariant(100.0);
    QTest::newRow("negative exponent") << QStringLiteral("-2.5E-3") << QVariant(-0.0025);
    QTest::newRow("plus exponent") << QStringLiteral("1e+2") << QVariant(100.0);
    QTest::newRow("overflow to infinity")
        << QStringLiteral("1e400") << QVariant(std::numeric_limits<double>::infinity());
    QTest::newRow("negative overflow")
        << QStringLiteral("-1e400") << QVariant(-std::numeric_limits<double>::infinity());
    QTest::newRow("underflow to zero") << QStringLiteral("1e-400") << QVariant(0.0);
    QTest::newRow("long fraction underflow")
        << QString(QStringLiteral("0.") + QString(400, u'0') + u'1') << QVariant(0.0);
    QTest::newRow("long integer overflow")
        << QString(u'1' + QString(400, u'0')) << QVariant(std::numeric_limits<double>::infinity());
    QTest::newRow("true") << QStringLiteral("true") << QVariant(true);
    QTest::newRow("false") << QStringLiteral("false") << QVariant(false);
    QTest::newRow("null") << QStringLiteral("null") << null();
    QTest::newRow("string") << str(uR"("abc")") << QVariant(QStringLiteral("abc"));
    QTest::newRow("empty string") << str(uR"("")") << QVariant(QString());
    QTest::newRow("escapes") << str(uR"("\"\\\/\b\f\n\r\t")")
                             << QVariant(QStringLiteral("\"\\/\b\f\n\r\t"));
    QTest::newRow("unicode escape") << str(uR"("\u00e9\u00C9")") << QVariant(QStringLiteral("éÉ"));
    QTest::newRow("surrogate pair escape")
        << str(uR"("\ud83d\ude00!")") << QVariant(QStringLiteral("😀!"));
    QTest::newRow("raw emoji") << str(uR"("a😀b")") << QVariant(QStringLiteral("a😀b"));
    QTest::newRow("lone surrogate escape is kept, as JSON.parse does")
        << str(uR"("\ud800x")") << QVariant(QString(QString(QChar(0xd800)) + u'x'));
    QTest::newRow("escape after long text")
        << str(uR"("0123456789abcdef0123\n456789")")
        << QVariant(QStringLiteral("0123456789abcdef0123\n456789"));
    QTest::newRow("DEL and non-ASCII are plain")
        << QString(QStringLiteral("\"\x7f") + QChar(0x80) + QChar(0xffff) + u'"')
        << QVariant(QString(QStringLiteral("\x7f") + QChar(0x80) + QChar(0xffff)));
    QTest::newRow("whitespace") << QStringLiteral(" \t\r\n[ 1 ,\n2 ] \n")
                                << QVariant(QVariantList { qint64(1), qint64(2) });
    QTest::newRow("empty array") << QStringLiteral("[]") << QVariant(QVariantList());
    QTest::newRow("empty object") << QStringLiteral("{}") << QVariant(QVariantMap());
    QTest::newRow("nested") << str(uR"({"a":[1,{"b":null}],"c":"d"})")
                            << QVariant(map({ { QStringLiteral("a"),
                                                  QVariantList { qint64(1),
                                                      map({ { QStringLiteral("b"), null() } }) } },
                                   { QStringLiteral("c"), QStringLiteral("d") } }));
    QTest::newRow("duplicate key: last wins")
        << str(uR"({"a":1,"b":2,"a":3})")
        << QVariant(
               map({ { QStringLiteral("a"), qint64(3) }, { QStringLiteral("b"), qint64(2) } }));
    QTest::newRow("long key is not cached")
        << str(uR"({"a_very_long_key_that_is_longer_than_the_cache_limit":1})")
        << QVariant(map({ { QStringLiteral("a_very_long_key_that_is_longer_than_the_cache_limit"),
               qint64(1) } }));
    QTest::newRow("escaped key") << str(uR"({"k\"ey":true})")
                                 << QVariant(map({ { QStringLiteral("k\"ey"), true } }));
}

void TestJsonCodec::parseValid()
{
    QFETCH(QString, json);
    QFETCH(QVariant, expected);
    QVariant value;
    QString error;
    QVERIFY2(JsonReader::parse(json, &value, &error), qPrintable(error));
    QVERIFY2(same(value, expected), qPrintable(dump(value) + u" != " + dump(expected)));
    if (expected.typeId() == QMetaType::Double && expected.toDouble() == 0)
        QCOMPARE(std::signbit(value.toDouble()), std::signbit(expected.toDouble()));
}

void TestJsonCodec::parseInvalid_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<int>("offset");

    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("whitespace only") << QStringLiteral("  ") << 2;
    QTest::newRow("bare word") << QStringLiteral("abc") << 0;
    QTest::newRow("truncated literal") << QStringLiteral("tru") << 0;
    QTest::newRow("wrong literal") << QStringLiteral("nul1") << 0;
    QTest::newRow("capital literal") << QStringLiteral("True") << 0;
    QTest::newRow("NaN") << QStringLiteral("NaN") << 0;
    QTest::newRow("Infinity") << QStringLiteral("Infinity") << 0;
    QTest::newRow("leading zero") << QStringLiteral("01") << 1;
    QTest::newRow("negative leading zero") << QStringLiteral("-01") << 2;
    QTest::newRow("plus sign") << QStringLiteral("+1") << 0;
    QTest::newRow("lone minus") << QStringLiteral("-") << 1;
    QTest::newRow("trailing dot") << QStringLiteral("1.") << 2;
    QTest::newRow("leading dot") << QStringLiteral(".5") << 0;
    QTest::newRow("empty exponent") << QStringLiteral("1e") << 2;
    QTest::newRow("signed empty exponent") << QStringLiteral("1e+") << 3;
    QTest::newRow("hex") << QStringLiteral("0x10") << 1;
    QTest::newRow("unterminated string") << str(uR"("abc)") << 4;
    QTest::newRow("unterminated after escape") << str(uR"("abc\)") << 5;
    QTest::newRow("unterminated escaped string") << str(uR"("a\nbc)") << 6;
    QTest::newRow("invalid escape") << str(uR"("\x41")") << 2;
    QTest::newRow("short unicode escape") << str(uR"("\u12")") << 2;
    QTest::newRow("bad unicode escape") << str(uR"("\u12G4")") << 5;
    QTest::newRow("raw newline") << QStringLiteral("\"a\nb\"") << 2;
    QTest::newRow("raw tab") << QStringLiteral("\"a\tb\"") << 2;
    QTest::newRow("raw NUL") << QString(QStringLiteral("\"a") + QChar(0) + u'"') << 2;
    QTest::newRow("raw control after escape") << QStringLiteral("\"\\n\x01\"") << 3;
    QTest::newRow("single quotes") << QStringLiteral("'a'") << 0;
    QTest::newRow("trailing comma in array") << QStringLiteral("[1,]") << 3;
    QTest::newRow("trailing comma in object") << str(uR"({"a":1,})") << 7;
    QTest::newRow("missing comma") << QStringLiteral("[1 2]") << 3;
    QTest::newRow("missing colon") << str(uR"({"a" 1})") << 5;
    QTest::newRow("unquoted key") << QStringLiteral("{a:1}") << 1;
    QTest::newRow("number key") << QStringLiteral("{1:1}") << 1;
    QTest::newRow("unterminated array") << QStringLiteral("[1") << 2;
    QTest::newRow("unterminated object") << str(uR"({"a":1)") << 6;
    QTest::newRow("unterminated nested") << QStringLiteral("[[[") << 3;
    QTest::newRow("line comment") << QStringLiteral("[1]//x") << 3;
    QTest::newRow("block comment") << QStringLiteral("/*x*/[1]") << 0;
    QTest::newRow("trailing garbage") << QStringLiteral("[1]x") << 3;
    QTest::newRow("two values") << QStringLiteral("1 2") << 2;
    QTest::newRow("closing mismatch") << QStringLiteral("[1}") << 2;
}

void TestJsonCodec::parseInvalid()
{
    QFETCH(QString, json);
    QFETCH(int, offset);
    QVariant value = QStringLiteral("untouched");
    QString error;
    QVERIFY(!JsonReader::parse(json, &value, &error));
    QCOMPARE(value, QVariant(QStringLiteral("untouched")));
    QVERIFY2(error.contains(QStringLiteral("offset %1:").arg(offset)), qPrintable(error));
}

void TestJsonCodec::depthLimit()
{
    const auto nested = [](int depth) -> QString {
        return QString(depth, u'[') + QString(depth, u']');
    };
    QVariant value;
    QVERIFY(JsonReader::parse(nested(JsonReader::DefaultMaxDepth), &value));
    QString error;
    QVERIFY(!JsonReader::parse(nested(JsonReader::DefaultMaxDepth + 1), &value, &error));
    QVERIFY2(error.contains(QStringLiteral("too deep")), qPrintable(error));
    QVERIFY(JsonReader::parse(nested(3), &value, nullptr, 3));
    QVERIFY(!JsonReader::parse(nested(4), &value, nullptr, 3));
    QVERIFY(!JsonReader::parse(str(uR"({"a":{"b":{"c":{}}}})"), &value, nullptr, 3));
    // A bomb far deeper than the stack could take fails fast and cleanly.
    QVERIFY(!JsonReader::parse(QString(1'000'000, u'['), &value));
    QVERIFY(!JsonReader::parse(
        QString(500'000, u'{').replace(QStringLiteral("{"), QStringLiteral("{\"a\":")), &value));
}

void TestJsonCodec::nullArguments()
{
    QVERIFY(JsonReader::parse(u"[1]", nullptr));
    QVERIFY(!JsonReader::parse(u"[1", nullptr, nullptr));
}

void TestJsonCodec::crossCheckWithQJsonDocument_data()
{
    QTest::addColumn<QString>("json");
    const QStringList corpus = crossCheckCorpus();
    for (qsizetype i = 0; i < corpus.size(); ++i)
        QTest::addRow("%lld", qlonglong(i)) << corpus.at(i);
}

void TestJsonCodec::crossCheckWithQJsonDocument()
{
    QFETCH(QString, json);
    QVariant ours;
    QString error;
    QVERIFY2(JsonReader::parse(json, &ours, &error), qPrintable(error));
    // Wrapped in an array: QJsonDocument (6.4) takes no scalar documents.
    QJsonParseError qtError;
    const QJsonDocument document =
        QJsonDocument::fromJson(QString(u'[' + json + u']').toUtf8(), &qtError);
    QCOMPARE(qtError.error, QJsonParseError::NoError);
    const QVariant theirs = document.array().toVariantList().value(0);
    // QJsonDocument types integral doubles differently; compare numbers by value.
    QVERIFY2(same(ours, theirs, false), qPrintable(dump(ours) + u" != " + dump(theirs)));
}

void TestJsonCodec::writerRoundTrip_data()
{
    crossCheckWithQJsonDocument_data();
}

void TestJsonCodec::writerRoundTrip()
{
    QFETCH(QString, json);
    const QVariant value = parsed(json);
    const QString written = JsonWriter::toJson(value);
    QVariant reparsed;
    QString error;
    QVERIFY2(JsonReader::parse(written, &reparsed, &error), qPrintable(error + u": " + written));
    QVERIFY2(same(reparsed, value, false), qPrintable(written));
    // Writing is deterministic and idempotent.
    QCOMPARE(JsonWriter::toJson(reparsed), written);
}

void TestJsonCodec::write_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("invalid") << QVariant() << QStringLiteral("null");
    QTest::newRow("null") << null() << QStringLiteral("null");
    QTest::newRow("true") << QVariant(true) << QStringLiteral("true");
    QTest::newRow("false") << QVariant(false) << QStringLiteral("false");
    QTest::newRow("int") << QVariant(-12) << QStringLiteral("-12");
    QTest::newRow("uint") << QVariant(4000000000u) << QStringLiteral("4000000000");
    QTest::newRow("qint64") << QVariant(qint64(-9007199254740993))
                            << QStringLiteral("-9007199254740993");
    QTest::newRow("quint64") << QVariant(std::numeric_limits<quint64>::max())
                             << QStringLiteral("18446744073709551615");
    // Doubles as JS Number::toString prints them.
    QTest::newRow("integral double") << QVariant(3.0) << QStringLiteral("3");
    QTest::newRow("0.1") << QVariant(0.1) << QStringLiteral("0.1");
    QTest::newRow("0.1+0.2") << QVariant(0.1 + 0.2) << QStringLiteral("0.30000000000000004");
    QTest::newRow("-1.5") << QVariant(-1.5) << QStringLiteral("-1.5");
    QTest::newRow("minus zero") << QVariant(-0.0) << QStringLiteral("0");
    QTest::newRow("1e20") << QVariant(1e20) << QStringLiteral("100000000000000000000");
    QTest::newRow("1e21") << QVariant(1e21) << QStringLiteral("1e+21");
    QTest::newRow("1.5e300") << QVariant(1.5e300) << QStringLiteral("1.5e+300");
    QTest::newRow("1e-6") << QVariant(1e-6) << QStringLiteral("0.000001");
    QTest::newRow("1e-7") << QVariant(1e-7) << QStringLiteral("1e-7");
    QTest::newRow("1.25e-7") << QVariant(1.25e-7) << QStringLiteral("1.25e-7");
    QTest::newRow("123.456") << QVariant(123.456) << QStringLiteral("123.456");
    QTest::newRow("5e-324") << QVariant(5e-324) << QStringLiteral("5e-324");
    QTest::newRow("max double") << QVariant(std::numeric_limits<double>::max())
                                << QStringLiteral("1.7976931348623157e+308");
    QTest::newRow("NaN") << QVariant(std::numeric_limits<double>::quiet_NaN())
                         << QStringLiteral("null");
    QTest::newRow("Infinity") << QVariant(std::numeric_limits<double>::infinity())
                              << QStringLiteral("null");
    QTest::newRow("float") << QVariant(0.5f) << QStringLiteral("0.5");
    QTest::newRow("string escapes")
        << QVariant(QStringLiteral("q\"b\\s/\b\f\n\r\t\x01\x1f\x7f"))
        << QString(str(uR"("q\"b\\s/\b\f\n\r\t\u0001\u001f)") + QChar(0x7f) + u'"');
    QTest::newRow("non-ASCII kept")
        << QVariant(QStringLiteral("é中😀")) << QStringLiteral("\"é中😀\"");
    QTest::newRow("lone surrogates escaped")
        << QVariant(QString(QString(QChar(0xd83d)) + u'x' + QChar(0xde00)))
        << str(uR"("\ud83dx\ude00")");
    QTest::newRow("map") << QVariant(
        map({ { QStringLiteral("b"), 1 }, { QStringLiteral("a"), QVariantList {} } }))
                         << str(uR"({"a":[],"b":1})");
    QVariantHash hash;
    hash.insert(QStringLiteral("z"), true);
    hash.insert(QStringLiteral("y"), QVariant());
    QTest::newRow("hash, sorted") << QVariant(hash) << str(uR"({"y":null,"z":true})");
    QTest::newRow("list") << QVariant(QVariantList { 1, QStringLiteral("x"), null() })
                          << str(uR"([1,"x",null])");
    QTest::newRow("string list") << QVariant(QStringList { QStringLiteral("a"),
        QStringLiteral("\"") }) << str(uR"(["a","\""])");
    QTest::newRow("date time UTC")
        << QVariant(QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7, 89), Qt::UTC))
        << str(uR"("2026-03-04T05:06:07.089Z")");
    QTest::newRow("date time offset")
        << QVariant(QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7), Qt::OffsetFromUTC, 3600))
        << str(uR"("2026-03-04T04:06:07.000Z")");
    QTest::newRow("invalid date time") << QVariant(QDateTime()) << QStringLiteral("null");
    QTest::newRow("byte array without attachments")
        << QVariant(QByteArray("bytes")) << str(uR"("bytes")");
    QJsonObject object;
    object.insert(QStringLiteral("n"), 5);
    object.insert(QStringLiteral("d"), 2.5);
    object.insert(QStringLiteral("a"), QJsonArray { true, QJsonValue(), QStringLiteral("s") });
    QTest::newRow("json object") << QVariant(object)
                                 << str(uR"({"a":[true,null,"s"],"d":2.5,"n":5})");
    QTest::newRow("json array") << QVariant(QJsonArray { 1, 2 }) << QStringLiteral("[1,2]");
    QTest::newRow("json value") << QVariant(QJsonValue(QStringLiteral("v"))) << str(uR"("v")");
    QTest::newRow("json document")
        << QVariant(QJsonDocument(object)) << str(uR"({"a":[true,null,"s"],"d":2.5,"n":5})");
    QTest::newRow("QChar") << QVariant(QChar(u'c')) << str(uR"("c")");
    QTest::newRow("other via toString") << QVariant(QUrl(QStringLiteral("https://x.example/a b")))
                                        << str(uR"("https://x.example/a b")");
}

void TestJsonCodec::write()
{
    QFETCH(QVariant, value);
    QFETCH(QString, expected);
    QCOMPARE(JsonWriter::toJson(value), expected);
}

void TestJsonCodec::writeDoublesRoundTrip()
{
    // Shortest round-trip formatting must give back the very same bits.
    const double values[] = { 0.1, 1.0 / 3, 2.0 / 3 * 1e-300, 123456789.123456789,
        9007199254740993.0, 1e21, 1e22 + 1, 4.35e-7, 1.7e308, -2.2250738585072014e-308 };
    for (double d : values) {
        const QString json = JsonWriter::toJson(d);
        QVariant back;
        QVERIFY2(JsonReader::parse(json, &back), qPrintable(json));
        QCOMPARE(back.toDouble(), d);
    }
}

void TestJsonCodec::writeCollectsAttachments()
{
    QByteArrayList attachments;
    const QVariant value = QVariantList { QStringLiteral("e"), QByteArray("one"),
        map({ { QStringLiteral("b"), QByteArray("three") },
            { QStringLiteral("a"), QByteArray("two") } }) };
    QCOMPARE(JsonWriter::toJson(value, &attachments),
        str(uR"(["e",{"_placeholder":true,"num":0},{"a":{"_placeholder":true,"num":1},"b":{"_placeholder":true,"num":2}}])"));
    QCOMPARE(attachments, (QByteArrayList { "one", "two", "three" }));
}

void TestJsonCodec::writeAppends()
{
    QString out = QStringLiteral("prefix:");
    JsonWriter::write(QVariantList { 1 }, out);
    QCOMPARE(out, QStringLiteral("prefix:[1]"));
}

void TestJsonCodec::writeEscapesAtEveryPosition()
{
    // The writer skips plain text 8 code units at a time: a character that needs escaping must
    // be found wherever it falls in or after a block, and a surrogate pair split across blocks
    // must stay as it is.
    const QList<QString> specials { QStringLiteral("\""), QStringLiteral("\\"),
        QStringLiteral("\n"), QString(QChar(0x01)), QString(QChar(0x1f)), QString(QChar(0xd800)),
        QString(QChar(0xdfff)), str(u"\U0001F600"), QString(QChar(0xdbff)) + QChar(0xdc00) };
    for (const QString &special : specials) {
        for (int before = 0; before <= 18; ++before) {
            for (int after : { 0, 1, 7, 8, 9 }) {
                const QString text =
                    QString(before, u'a') + special + QString(after, u'\u00e9') + special;
                const QString json = JsonWriter::toJson(text);
                for (const QChar c : json) {
                    QVERIFY2(c.unicode() >= 0x20, qPrintable(json));
                }
                QString unpaired;
                for (qsizetype i = 0; i < json.size(); ++i) {
                    const char16_t c = json.at(i).unicode();
                    if (c >= 0xd800 && c <= 0xdbff && i + 1 < json.size()
                        && json.at(i + 1).isLowSurrogate()) {
                        ++i;
                    } else if (c >= 0xd800 && c <= 0xdfff) {
                        unpaired = json;
                    }
                }
                QVERIFY2(unpaired.isEmpty(), qPrintable(unpaired));
                QCOMPARE(parsed(json).toString(), text);
            }
        }
    }
}

void TestJsonCodec::keyCacheKeepsKeysDistinct()
{
    // Many distinct short keys through the same cache slots must never mix up.
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 2000; ++i) {
            const QString key = QStringLiteral("k%1").arg(i);
            const QVariantMap m = parsed(QStringLiteral("{\"%1\":%2}").arg(key).arg(i)).toMap();
            QCOMPARE(m.firstKey(), key);
            QCOMPARE(m.first().toLongLong(), qint64(i));
        }
    }
}

QTEST_GUILESS_MAIN(TestJsonCodec)
