// C++ side of the codec benchmark: PacketDecoder decoding the shared corpus (QStrings already in
// memory, as QWebSocket delivers them) and PacketEncoder encoding the decoded packets. Mirrors
// parser-bench.js step by step.
//
//   bench_socketio_codec --corpus=build/bench/socketio-corpus.ndjson [--passes=5] [--reps=7]
// Prints one JSON line with the rates.

#include "socketio/packetdecoder.h"
#include "socketio/packetencoder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <limits>
#include <vector>

using namespace SocketIo;

namespace {

struct Frames
{
    QString text;
    QByteArrayList attachments;
};

QString argument(const QStringList &args, const QString &name, const QString &fallback = {})
{
    const QString prefix = u"--" + name + u'=';
    for (const QString &arg : args) {
        if (arg.startsWith(prefix))
            return arg.mid(prefix.size());
    }
    return fallback;
}

template<typename F>
double bestSeconds(int reps, F &&run)
{
    run(); // warm-up, as the Node side does for its JIT
    qint64 best = std::numeric_limits<qint64>::max();
    for (int r = 0; r < reps; ++r) {
        QElapsedTimer timer;
        timer.start();
        run();
        best = std::min(best, timer.nsecsElapsed());
    }
    return double(best) / 1e9;
}

QJsonObject rate(double count, double bytes, double seconds)
{
    return { { QStringLiteral("packetsPerSec"), count / seconds },
        { QStringLiteral("mbPerSec"), bytes / seconds / 1e6 },
        { QStringLiteral("seconds"), seconds } };
}

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "bench_socketio_codec: %s\n", qUtf8Printable(message));
    std::exit(1);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString corpusPath = argument(args, QStringLiteral("corpus"));
    const int passes = argument(args, QStringLiteral("passes"), QStringLiteral("5")).toInt();
    const int reps = argument(args, QStringLiteral("reps"), QStringLiteral("7")).toInt();
    const int singleCount =
        argument(args, QStringLiteral("single"), QStringLiteral("200000")).toInt();
    // For profiling one part: decode, encode or single (the others then run once, untimed).
    const QString only = argument(args, QStringLiteral("only"));
    const auto repsFor = [&](const QString &part) {
        return only.isEmpty() || only == part ? reps : 0;
    };

    QFile file(corpusPath);
    if (!file.open(QIODevice::ReadOnly))
        die(u"cannot read the corpus " + corpusPath);
    std::vector<Frames> corpus;
    qint64 bytesPerPass = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QJsonArray frames = QJsonDocument::fromJson(line).array();
        Frames entry;
        entry.text = frames.at(0).toString();
        bytesPerPass += entry.text.toUtf8().size();
        for (qsizetype i = 1; i < frames.size(); ++i) {
            entry.attachments.append(QByteArray::fromBase64(frames.at(i).toString().toLatin1()));
            bytesPerPass += entry.attachments.last().size();
        }
        corpus.push_back(std::move(entry));
    }
    QFile singleFile(
        QString(corpusPath).replace(QStringLiteral(".ndjson"), QStringLiteral(".single.txt")));
    if (!singleFile.open(QIODevice::ReadOnly))
        die(QStringLiteral("cannot read the single-packet file"));
    const QString single = QString::fromUtf8(singleFile.readAll());

    // Decode: every frame through one PacketDecoder. Each packet is taken and dropped at once, as
    // a handler would; the Node side drops its decoded objects likewise. What is taken is what
    // handlers receive: a JsonValue over the frame, every value reachable, strings made QStrings
    // when a handler asks.
    PacketDecoder decoder;
    qint64 decodedCount = 0;
    const auto decodeAll = [&](std::vector<ReceivedPacket> *keep) {
        for (size_t i = 0; i < corpus.size(); ++i) {
            auto result = decoder.decodeText(corpus[i].text);
            for (const QByteArray &attachment : corpus[i].attachments)
                result = decoder.addAttachment(attachment);
            if (result != PacketDecoder::Result::Complete)
                die(u"decode failed: " + decoder.errorString());
            const ReceivedPacket packet = decoder.takePacket();
            decodedCount += !packet.data.isUndefined();
            if (keep)
                keep->push_back(packet);
        }
    };
    const double decodeSeconds = bestSeconds(repsFor(QStringLiteral("decode")), [&] {
        for (int pass = 0; pass < passes; ++pass)
            decodeAll(nullptr);
    });
    std::vector<ReceivedPacket> received;
    received.reserve(corpus.size());
    decodeAll(&received);
    // Encode measures what emits go through: PacketEncoder on Qt values, here the decoded
    // packets' toVariant() form (which the sanity check below then proves complete).
    std::vector<Packet> decoded;
    decoded.reserve(corpus.size());
    for (const ReceivedPacket &packet : received)
        decoded.push_back({ packet.type, packet.nsp, packet.id, packet.data.toVariant() });

    qint64 sink = 0;
    const double encodeSeconds = bestSeconds(repsFor(QStringLiteral("encode")), [&] {
        for (int pass = 0; pass < passes; ++pass) {
            for (const Packet &packet : decoded) {
                const EncodedPacket encoded = PacketEncoder::encode(packet);
                sink += encoded.text.size() + encoded.attachments.size();
            }
        }
    });

    // Sanity: encoding what was decoded gives the corpus back. QVariantMap sorts the keys, so
    // only the length must match, and the attachments exactly.
    for (size_t i = 0; i < corpus.size(); ++i) {
        const EncodedPacket encoded = PacketEncoder::encode(decoded[i]);
        if (encoded.attachments != corpus[i].attachments)
            die(QStringLiteral("attachments differ at packet %1").arg(i));
        if (encoded.text.size() != corpus[i].text.size())
            die(QStringLiteral("re-encoded text differs at packet %1:\n%2\n%3")
                    .arg(i)
                    .arg(corpus[i].text.left(300), encoded.text.left(300)));
    }

    qint64 singleDecoded = 0;
    const double singleSeconds = bestSeconds(repsFor(QStringLiteral("single")), [&] {
        for (int i = 0; i < singleCount; ++i) {
            if (decoder.decodeText(single) == PacketDecoder::Result::Complete) {
                const ReceivedPacket packet = decoder.takePacket();
                singleDecoded += packet.id;
            }
        }
    });

    const double count = double(corpus.size()) * passes;
    const double bytes = double(bytesPerPass) * passes;
    const QJsonObject result {
        { QStringLiteral("side"), QStringLiteral("cpp") },
        { QStringLiteral("runtime"), QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion())) },
        { QStringLiteral("packets"), qint64(corpus.size()) },
        { QStringLiteral("bytesPerPass"), bytesPerPass },
        { QStringLiteral("passes"), passes },
        { QStringLiteral("reps"), reps },
        { QStringLiteral("sink"), sink > 0 },
        { QStringLiteral("decode"), rate(count, bytes, decodeSeconds) },
        { QStringLiteral("encode"), rate(count, bytes, encodeSeconds) },
        { QStringLiteral("single"),
            QJsonObject { { QStringLiteral("length"), single.size() },
                { QStringLiteral("packetsPerSec"), singleCount / singleSeconds },
                { QStringLiteral("checked"), singleDecoded < 0 } } },
    };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
