// Ingests 100,000 `message:received` events of realistic sizes through SocketService into the
// room's MessageListModel and reports throughput and memory per message.
//
// What is measured: ChatConnection::dispatchEvent() with the decoded event arguments, exactly as
// SocketIo::Socket hands them over (SocketIo::Arguments over a decoded frame), and everything
// after it:
// payload validation, sender interning, outbox matching, the room list update, listeners, the
// model's batching and one beginInsertRows per batch of 1,000 (one event-loop pass). Not
// measured: the WebSocket and the JSON decoding (bench/socketio covers the codec).
//
// Memory: heap in use (mallinfo2) held by the service after the input events are freed, minus
// the heap in use before; "overhead" is that minus the bytes of the texts themselves as the model
// stores them (one byte per character for Latin-1 text, else UTF-8: see StoredMessage), so it is
// what each message costs beyond its characters.
#include "chat/chatconnection.h"
#include "chat/messagelistmodel.h"
#include "chat/socketservice.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTextStream>

#include <malloc.h>
#include <random>

namespace {

constexpr int kMessages = 100000;
constexpr int kBatch = 1000;
constexpr int kSenders = 50;

size_t heapInUse()
{
    // Small blocks in the arenas plus large ones served by mmap (the message vector).
    const struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

/// Text lengths as in a study chat: mostly short lines, some paragraphs, a few long posts.
QString makeText(std::mt19937 &random)
{
    static const QString words = QStringLiteral(
        "derivative integral limit proof lemma homework exam tomorrow anyone notes lecture chapter "
        "problem set answer question thanks group meet library quiz theorem graph matrix vector ");
    std::uniform_int_distribution<int> kind(0, 99);
    const int k = kind(random);
    const int length = k < 60 ? std::uniform_int_distribution<int>(10, 80)(random)
        : k < 90              ? std::uniform_int_distribution<int>(80, 300)(random)
                              : std::uniform_int_distribution<int>(300, 1000)(random);
    const int offset = std::uniform_int_distribution<int>(0, int(words.size()) - 1)(random);
    QString text;
    text.reserve(length);
    while (text.size() < length)
        text += words.mid((offset + text.size()) % words.size(), length - text.size());
    return text;
}

struct TextBytes
{
    qint64 utf16 = 0;
    qint64 stored = 0;
};

SocketIo::Arguments makeEvent(
    qint64 id, std::mt19937 &random, const QList<QVariantMap> &senders, TextBytes *textBytes)
{
    const QString text = makeText(random);
    textBytes->utf16 += text.size() * qint64(sizeof(QChar));
    // The words are ASCII, so Latin-1 and UTF-8 agree; UTF-8 is the upper bound either way.
    textBytes->stored += text.toUtf8().size();
    const QVariantMap payload {
        { QStringLiteral("id"), id },
        { QStringLiteral("roomId"), QStringLiteral("1") },
        { QStringLiteral("sender"),
            senders.at(std::uniform_int_distribution<int>(0, kSenders - 1)(random)) },
        { QStringLiteral("text"), text },
        { QStringLiteral("createdAt"),
            QDateTime::fromMSecsSinceEpoch(1741600000000 + id * 1000, Qt::UTC)
                .toString(Qt::ISODateWithMs) },
    };
    // Made as a decoded frame would be: strings in place, read through JsonValue.
    return SocketIo::Arguments::fromVariantList({ payload });
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);

    std::mt19937 random(42);
    QList<QVariantMap> senders;
    for (int i = 0; i < kSenders; ++i) {
        senders.append({ { QStringLiteral("id"), i + 10 },
            { QStringLiteral("firstName"), QStringLiteral("Student%1").arg(i) },
            { QStringLiteral("lastName"), QStringLiteral("Example") },
            { QStringLiteral("role"), QStringLiteral("student") },
            { QStringLiteral("avatar"), QVariant::fromValue(nullptr) } });
    }

    SocketService service(nullptr);
    MessageListModel *model = service.roomMessages(QStringLiteral("1"));
    const QString event = QStringLiteral("message:received");
    malloc_trim(0);
    const size_t heapBefore = heapInUse();

    TextBytes textBytes;
    qint64 elapsedNs = 0;
    QElapsedTimer timer;
    for (int first = 0; first < kMessages; first += kBatch) {
        // Build a batch of decoded events (not timed), then feed it as one socket read would.
        std::vector<SocketIo::Arguments> batch;
        batch.reserve(kBatch);
        for (int i = 0; i < kBatch; ++i)
            batch.push_back(makeEvent(first + i + 1, random, senders, &textBytes));
        timer.start();
        for (const SocketIo::Arguments &args : batch)
            service.connection()->dispatchEvent(event, args);
        QCoreApplication::processEvents(); // the model's queued flush: one insert per batch
        elapsedNs += timer.nsecsElapsed();
    }
    senders.clear();
    malloc_trim(0);
    const size_t heapAfter = heapInUse();

    if (model->rowCount() != kMessages) {
        out << "error: the model holds " << model->rowCount() << " messages, expected " << kMessages
            << '\n';
        return 1;
    }
    const double seconds = double(elapsedNs) / 1e9;
    const double held = double(heapAfter) - double(heapBefore);
    out << "messages:                 " << kMessages << '\n';
    out << "ingest time:              " << QString::number(seconds * 1000, 'f', 1) << " ms\n";
    out << "throughput:               " << QString::number(kMessages / seconds, 'f', 0)
        << " messages/s\n";
    out << "text (UTF-16) per message: "
        << QString::number(double(textBytes.utf16) / kMessages, 'f', 1) << " bytes\n";
    out << "text (stored) per message: "
        << QString::number(double(textBytes.stored) / kMessages, 'f', 1) << " bytes\n";
    out << "heap held per message:    " << QString::number(held / kMessages, 'f', 1) << " bytes\n";
    out << "overhead per message:     "
        << QString::number((held - double(textBytes.stored)) / kMessages, 'f', 1)
        << " bytes (beyond its stored text)\n";
    return 0;
}
