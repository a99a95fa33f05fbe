// PollingPayload against engine.io-parser 5's encodePayload / decodePayload: the byte strings
// below are what the reference writes and reads.
#include "socketio/pollingpayload.h"

#include <QTest>

using SocketIo::EnginePacket;
namespace PollingPayload = SocketIo::PollingPayload;

class TestPollingPayload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodeLikeTheReference()
    {
        const QList<EnginePacket> packets { EnginePacket::fromText(QStringLiteral("4hello €")),
            EnginePacket::fromBinary(QByteArray("\x01\x02\x03\x04", 4)),
            EnginePacket::fromText(QStringLiteral("3probe")) };
        // encodePayload([{message,"hello €"},{message,<01 02 03 04>},{pong,"probe"}])
        QCOMPARE(PollingPayload::encode(packets),
            QByteArray("4hello \xe2\x82\xac\x1e"
                       "bAQIDBA==\x1e"
                       "3probe"));
    }

    void decodeLikeTheReference()
    {
        QList<EnginePacket> packets;
        QString error;
        QVERIFY(PollingPayload::decode(QByteArray("0{\"sid\":\"a\"}\x1e"
                                                  "42[\"x\",\"\xc3\xa9\"]\x1e"
                                                  "bAQID\x1e"
                                                  "6"),
            &packets, &error));
        QCOMPARE(packets.size(), 4);
        QCOMPARE(packets.at(0).text, QStringLiteral("0{\"sid\":\"a\"}"));
        QCOMPARE(packets.at(1).text, QStringLiteral("42[\"x\",\"é\"]"));
        QVERIFY(packets.at(2).isBinary);
        QCOMPARE(packets.at(2).binary, QByteArray("\x01\x02\x03", 3));
        QCOMPARE(packets.at(3).text, QStringLiteral("6"));
        QVERIFY(error.isEmpty());
    }

    void decodeInvalid_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty polling payload");
        QTest::newRow("empty packet") << QByteArray("4a\x1e\x1e"
                                                    "4b")
                                      << QStringLiteral("empty packet 1");
        QTest::newRow("trailing separator")
            << QByteArray("4a\x1e") << QStringLiteral("empty packet 1");
        QTest::newRow("unknown type") << QByteArray("4a\x1e"
                                                    "9x")
                                      << QStringLiteral("unknown Engine.IO packet type");
        QTest::newRow("letter type")
            << QByteArray("x") << QStringLiteral("unknown Engine.IO packet type");
        QTest::newRow("bad base64") << QByteArray("b!!!!") << QStringLiteral("invalid base64");
        QTest::newRow("non-ASCII base64")
            << QByteArray("bAA\xc3\xa9") << QStringLiteral("invalid base64");
        QTest::newRow("not UTF-8") << QByteArray("4\xff\xfe") << QStringLiteral("not valid UTF-8");
        QTest::newRow("truncated UTF-8")
            << QByteArray("4\xe2\x82") << QStringLiteral("not valid UTF-8");
        QTest::newRow("html") << QByteArray("<html>")
                              << QStringLiteral("unknown Engine.IO packet type");
    }

    void decodeInvalid()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        QList<EnginePacket> packets;
        QString message;
        QVERIFY(!PollingPayload::decode(body, &packets, &message));
        QVERIFY2(message.contains(error), qPrintable(message));
    }

    void sizesAreUtf8Bytes()
    {
        QCOMPARE(PollingPayload::encodedSize(EnginePacket::fromText(QStringLiteral("4aé€🎓"))),
            qsizetype(1 + 1 + 2 + 3 + 4));
        QCOMPARE(PollingPayload::encodedSize(EnginePacket::fromBinary(QByteArray(4, 'x'))),
            qsizetype(1 + 8));
        // A lone surrogate is written as U+FFFD: three bytes.
        QCOMPARE(PollingPayload::encodedSize(EnginePacket::fromText(QString(QChar(0xd800)))),
            qsizetype(3));
        const QString mixed = QStringLiteral("4∫ x dx = x²/2 🎓 ok");
        QCOMPARE(PollingPayload::encodedSize(EnginePacket::fromText(mixed)), mixed.toUtf8().size());
    }

    void countThatFitHonoursMaxPayload()
    {
        std::deque<EnginePacket> packets;
        for (int i = 0; i < 5; ++i)
            packets.push_back(EnginePacket::fromText(QStringLiteral("4") + QString(9, u'x')));
        // Each packet is 10 bytes, plus a separator between two.
        QCOMPARE(PollingPayload::countThatFit(packets, 0), qsizetype(5));
        QCOMPARE(PollingPayload::countThatFit(packets, 10), qsizetype(1));
        QCOMPARE(PollingPayload::countThatFit(packets, 20), qsizetype(1));
        QCOMPARE(PollingPayload::countThatFit(packets, 21), qsizetype(2));
        QCOMPARE(PollingPayload::countThatFit(packets, 54), qsizetype(5));
        // A packet that alone exceeds the limit still goes (the caller checked it first).
        QCOMPARE(PollingPayload::countThatFit(packets, 3), qsizetype(1));
        const QByteArray body = PollingPayload::encode(packets, 1, 2);
        QCOMPARE(body.size(), 21);
        QCOMPARE(body.count('\x1e'), 1);
    }

    void roundTrip()
    {
        QList<EnginePacket> packets;
        for (int i = 0; i < 300; ++i) {
            if (i % 3 == 0)
                packets.append(EnginePacket::fromBinary(QByteArray(i, char(i))));
            else
                packets.append(
                    EnginePacket::fromText(QStringLiteral("42[\"n\",%1,\"ü🎓\"]").arg(i)));
        }
        QList<EnginePacket> decoded;
        QString error;
        QVERIFY(PollingPayload::decode(PollingPayload::encode(packets), &decoded, &error));
        QCOMPARE(decoded.size(), packets.size());
        for (qsizetype i = 0; i < packets.size(); ++i) {
            QCOMPARE(decoded.at(i).isBinary, packets.at(i).isBinary);
            QCOMPARE(decoded.at(i).text, packets.at(i).text);
            QCOMPARE(decoded.at(i).binary, packets.at(i).binary);
        }
    }
};

QTEST_GUILESS_MAIN(TestPollingPayload)
#include "tst_pollingpayload.moc"
