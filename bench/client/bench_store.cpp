// The offline store (docs/PERFORMANCE.md, "Offline store"): start to the cached room list, search,
// a burst of incoming messages and the size on disk, each next to a floor measured in the same
// run on the same file (the bare SQLite work the feature cannot avoid).
//
//   bench_store [--messages N] [--search-messages N] [--dir DIR]
//   bench_store --fill-for URL USER_ID DIR N   (fills the store the app opens for that user on
//                                               that server in DIR; bench/app/run.sh)
#include "chat/conversationmanager.h"
#include "chat/socketservice.h"
#include "chat/store/messagestore.h"
#include "chat/store/searchquery.h"
#include "socketio/arguments.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace {

/// Pseudo-words with a Zipf-like frequency, so that common words match many messages and rare
/// ones few, as in real chat.
class TextMaker
{
public:
    explicit TextMaker(quint32 seed)
        : m_random(1234) // the same vocabulary for every seed
    {
        // The head of the distribution: words chat is made of, most frequent first.
        const QString common = QStringLiteral(
            "the i to a and you is it of that in for do this we on have what be can so just "
            "but with not are my at was if me how get know about think one like all yes no "
            "ok there will your they did he would when time now question then up out right "
            "exam problem homework lecture help thanks need does anyone answer solution week "
            "sheet exercise proof chapter notes tomorrow today deadline group meet library "
            "study tutorial slides assignment quiz grade formula equation function derivative "
            "integral limit matrix vector graph theorem lemma definition example case value "
            "result step method algorithm complexity runtime memory pointer array list tree "
            "node hash table sort search recursion induction series sequence probability "
            "distribution variance expected random sample test hypothesis error mean median "
            "chemistry physics biology reaction energy force velocity acceleration mass charge "
            "field wave frequency circuit voltage current resistance cell protein enzyme gene "
            "essay source citation draft paragraph thesis argument reading chapter review "
            "café naïve façade résumé über müller zoë");
        m_words = common.split(u' ', Qt::SkipEmptyParts);
        // The long tail: names, jargon, typos; each rare.
        static const char *const syllables[] = { "ka", "lo", "mi", "ser", "tan", "vo", "qua", "bel",
            "dor", "fin", "gra", "hul", "jex", "ny", "pol", "rud", "sto", "wim" };
        const int count = int(sizeof(syllables) / sizeof(syllables[0]));
        while (m_words.size() < 20000) {
            QString word;
            const int parts = 2 + int(m_random.bounded(3));
            for (int p = 0; p < parts; ++p)
                word += QString::fromLatin1(syllables[m_random.bounded(count)]);
            m_words.append(word);
        }
        m_random.seed(seed);
    }
    QString word()
    {
        // Rank r with probability ~ 1/r.
        const double u = m_random.generateDouble();
        const int rank = int(std::pow(double(m_words.size()) + 1, u)) - 1;
        return m_words.at(std::clamp(rank, 0, int(m_words.size()) - 1));
    }
    const QString &wordAtRank(int rank) const { return m_words.at(rank); }
    QString text()
    {
        // 60 % 10–80 characters, 30 % 80–300, 10 % 300–1,000 (as the ingest bench).
        const double kind = m_random.generateDouble();
        const int length = kind < 0.6 ? 10 + int(m_random.bounded(70))
            : kind < 0.9              ? 80 + int(m_random.bounded(220))
                                      : 300 + int(m_random.bounded(700));
        QString text;
        while (text.size() < length) {
            if (!text.isEmpty())
                text += u' ';
            text += word();
        }
        return text;
    }

private:
    QRandomGenerator m_random;
    QStringList m_words;
};

constexpr int kConversations = 40;

ConversationKey keyOf(int index)
{
    return index % 4 == 3 ? ConversationKey::directWith(QString::number(100 + index))
                          : ConversationKey::room(QString::number(index + 1));
}

struct Filled
{
    qint64 textBytes = 0;
    double seconds = 0;
};

Filled fill(const QString &path, int messages, quint32 seed)
{
    MessageStore store;
    if (!store.open(path)) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(store.errorString()));
        std::exit(1);
    }
    TextMaker maker(seed);
    Filled filled;
    std::vector<MessageStore::PersonRow> people;
    for (int i = 0; i < 50; ++i)
        people.push_back({ QString::number(i + 1), QStringLiteral("Student %1").arg(i + 1),
            QStringLiteral("student"), {} });
    store.savePeople(people);
    for (int c = 0; c < kConversations; ++c) {
        MessageStore::ConversationRow row;
        row.key = keyOf(c);
        row.name = QStringLiteral("Conversation %1").arg(c);
        row.member = true;
        store.saveConversation(row);
    }
    QElapsedTimer timer;
    timer.start();
    const int perConversation = messages / kConversations;
    const int chunk = 5000;
    // Ids are one sequence across conversations, as on the server.
    qint64 nextId = 1;
    for (int done = 0; done < perConversation; done += chunk) {
        for (int c = 0; c < kConversations; ++c) {
            std::vector<MessageStore::MessageRow> rows;
            const int n = std::min(chunk, perConversation - done);
            rows.reserve(size_t(n));
            for (int i = 0; i < n; ++i) {
                MessageStore::MessageRow row;
                row.id = nextId++;
                row.senderId = QString::number(1 + (row.id % 50));
                row.createdAtMs = 1'700'000'000'000 + row.id * 60'000;
                row.text = maker.text();
                filled.textBytes += row.text.toUtf8().size();
                rows.push_back(std::move(row));
            }
            std::reverse(rows.begin(), rows.end()); // newest first
            store.saveMessages(keyOf(c), std::move(rows), done == 0);
        }
        store.flush();
    }
    filled.seconds = timer.nsecsElapsed() / 1e9;
    store.close();
    return filled;
}

qint64 fileBytes(const QString &path)
{
    // Checkpointed: the -wal file is folded into the database when the last connection closes.
    qint64 total = 0;
    for (const QString &suffix : { QString(), QStringLiteral("-wal") })
        total += QFileInfo(path + suffix).size();
    return total;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[std::min(values.size() - 1, size_t(p * values.size()))];
}

QString unsignedToken(int userId)
{
    const QByteArray header =
        QByteArrayLiteral(R"({"alg":"HS256","typ":"JWT"})")
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QByteArray payload =
        QStringLiteral(R"({"id":%1,"iat":1700000000,"exp":4102444800})")
            .arg(userId)
            .toUtf8()
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return QString::fromLatin1(header + '.' + payload + ".c2lnbmF0dXJl");
}

/// Start: a new ConversationManager with the store, signed in against a server that is down,
/// until the room list and the first page of the first room are shown from the store.
void benchStart(const QString &directory, const QString &path, int runs)
{
    std::vector<double> ours;
    std::vector<double> floor;
    for (int run = 0; run < runs; ++run) {
        {
            QElapsedTimer timer;
            timer.start();
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("floor"));
            db.setDatabaseName(path);
            db.open();
            QSqlQuery query(db);
            query.exec(QStringLiteral("SELECT * FROM conversations"));
            while (query.next()) { }
            query.exec(QStringLiteral("SELECT key, sender, created_at, text FROM messages WHERE "
                                      "conversation = 1 ORDER BY key DESC LIMIT 50"));
            while (query.next()) { }
            query.finish();
            db.close();
            floor.push_back(timer.nsecsElapsed() / 1e6);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("floor"));
        QElapsedTimer timer;
        timer.start();
        auto *manager = new ConversationManager(nullptr);
        manager->setOfflineStore(true, directory);
        manager->connectWithToken(QUrl(QStringLiteral("http://127.0.0.1:9")), unsignedToken(1));
        const int rooms = manager->rooms()->count();
        Conversation *first = manager->rooms()->get(0);
        manager->open(first);
        first->messages()->fetchMore({});
        const int shown = first->messages()->rowCount();
        ours.push_back(timer.nsecsElapsed() / 1e6);
        if (rooms == 0 || shown == 0) {
            std::fprintf(stderr, "nothing restored (rooms %d, messages %d)\n", rooms, shown);
            std::exit(1);
        }
        delete manager;
    }
    std::printf("start to cached room list + first page: median %.1f ms (floor: open + 2 "
                "queries %.1f ms, ratio %.1f)\n",
        median(ours), median(floor), median(ours) / median(floor));
}

void benchSearch(const QString &path, int seedWords)
{
    MessageStore store;
    store.open(path);
    TextMaker maker(7);
    // Words of several frequencies, prefixes, two-word queries.
    // What students search for: a subject word, its beginning while typing, two words, a name
    // from the long tail; some common words too.
    QStringList queries;
    for (int rank : { 20, 60, 80, 100, 120, 150, 180, 200, 230, 300, 1000, 5000, 15000 }) {
        const QString word = maker.wordAtRank(rank);
        queries << word << word.left(qMax(3, int(word.size()) - 3))
                << word + u' ' + maker.wordAtRank((rank * 7 + 61) % 240);
    }
    queries << QStringLiteral("cafe") << QStringLiteral("muller") << QStringLiteral("the");
    Q_UNUSED(seedWords);
    std::vector<double> ours;
    std::vector<double> floor;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("floor"));
    db.setDatabaseName(path);
    db.open();
    for (int round = 0; round < 3; ++round) {
        for (const QString &query : std::as_const(queries)) {
            QElapsedTimer timer;
            timer.start();
            const auto hits = store.searchNow(query, {});
            ours.push_back(timer.nsecsElapsed() / 1e6);
            timer.restart();
            QSqlQuery bare(db);
            bare.prepare(QStringLiteral("SELECT rowid FROM message_search WHERE message_search "
                                        "MATCH ? ORDER BY rank LIMIT 50"));
            bare.addBindValue(SearchQuery::matchExpression(query));
            bare.exec();
            int n = 0;
            while (bare.next())
                ++n;
            floor.push_back(timer.nsecsElapsed() / 1e6);
            if (round == 0 && hits.empty())
                std::fprintf(stderr, "no hit for %s\n", qPrintable(query));
        }
    }
    db.close();
    db = {};
    QSqlDatabase::removeDatabase(QStringLiteral("floor"));
    std::printf("search (%lld queries): p50 %.2f ms, p95 %.2f ms (floor: bare FTS5 MATCH ORDER BY "
                "rank p50 %.2f ms, ratio %.2f)\n",
        qlonglong(ours.size()), median(ours), percentile(ours, 0.95), median(floor),
        median(ours) / median(floor));
}

/// 10,000 live messages arriving 100 per socket read (one event-loop pass each): the longest
/// pass on the GUI thread with the store, next to the same without one.
double burstLongestPassMs(
    const QString &directory, bool withStore, qint64 *stored, double *medianPass)
{
    SocketService service(nullptr);
    if (withStore)
        service.manager()->setOfflineStore(true, directory);
    service.manager()->connectWithToken(
        QUrl(QStringLiteral("http://127.0.0.1:9")), unsignedToken(1));
    TextMaker maker(11);
    const QString event = QStringLiteral("message:received");
    const QVariantMap sender { { QStringLiteral("id"), 2 },
        { QStringLiteral("firstName"), QStringLiteral("Alan") },
        { QStringLiteral("lastName"), QStringLiteral("Turing") } };
    double longest = 0;
    std::vector<double> passes;
    const qint64 base = 10'000'000;
    for (int first = 0; first < 10000; first += 100) {
        std::vector<SocketIo::Arguments> batch;
        for (int i = 0; i < 100; ++i) {
            const qint64 id = base + first + i;
            batch.push_back(SocketIo::Arguments::fromVariantList({ QVariantMap {
                { QStringLiteral("id"), id }, { QStringLiteral("roomId"), QStringLiteral("500") },
                { QStringLiteral("sender"), sender }, { QStringLiteral("text"), maker.text() },
                { QStringLiteral("createdAt"), 1'741'600'000'000 + id } } }));
        }
        QElapsedTimer timer;
        timer.start();
        for (const SocketIo::Arguments &args : batch)
            service.connection()->dispatchEvent(event, args);
        QCoreApplication::processEvents();
        passes.push_back(timer.nsecsElapsed() / 1e6);
        longest = std::max(longest, passes.back());
    }
    *medianPass = median(passes);
    if (withStore) {
        // Conversation state is written a moment later; everything is committed here.
        service.manager()->flushStore();
        MessageStore *store = service.manager()->store();
        *stored =
            store->olderMessages(ConversationKey::room(QStringLiteral("500")), 0, 20000, false)
                .messages.size();
    }
    return longest;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_store"));
    int startMessages = 100000;
    int searchMessages = 1000000;
    QString directory;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--messages")
            startMessages = args[i + 1].toInt();
        else if (args[i] == u"--search-messages")
            searchMessages = args[i + 1].toInt();
        else if (args[i] == u"--dir")
            directory = args[i + 1];
    }
    if (args.size() == 6 && args[1] == u"--fill-for") {
        const QString path = MessageStore::fileFor(QUrl(args[2]), args[3], args[4]);
        const Filled filled = fill(path, args[5].toInt(), 3);
        std::printf("filled %s with %d messages in %.1f s\n", qPrintable(path), args[5].toInt(),
            filled.seconds);
        return 0;
    }
    QTemporaryDir scratch;
    if (directory.isEmpty())
        directory = scratch.path();

    // The store a user with id 1 gets on this (dead) server: what the start finds.
    const QString startPath = MessageStore::fileFor(
        QUrl(QStringLiteral("http://127.0.0.1:9")), QStringLiteral("1"), directory);
    const Filled small = fill(startPath, startMessages, 1);
    const qint64 smallBytes = fileBytes(startPath);
    std::printf("filled %d messages in %.1f s (%.0f messages/s)\n", startMessages, small.seconds,
        startMessages / small.seconds);
    const double perMessage = double(smallBytes) / startMessages;
    const double textPerMessage = double(small.textBytes) / startMessages;
    std::printf("size: %.1f bytes per message for %.1f bytes of text (limit 1.5 x text + 100 = "
                "%.1f)\n",
        perMessage, textPerMessage, 1.5 * textPerMessage + 100);
    benchStart(directory, startPath, 7);

    qint64 stored = 0;
    double withoutMedian = 0;
    double withMedian = 0;
    const double without =
        burstLongestPassMs(directory + QStringLiteral("/none"), false, &stored, &withoutMedian);
    const double with = burstLongestPassMs(directory, true, &stored, &withMedian);
    std::printf("burst of 10,000 live messages, 100 per read: GUI pass median %.2f ms, longest "
                "%.2f ms with the store; median %.2f ms, longest %.2f ms without (ratio of "
                "medians %.2f; a frame is 16.7 ms); %lld stored\n",
        withMedian, with, withoutMedian, without, withMedian / withoutMedian, qlonglong(stored));

    const QString searchPath = directory + QStringLiteral("/search.sqlite");
    const Filled big = fill(searchPath, searchMessages, 2);
    std::printf("filled %d messages in %.1f s; %.1f bytes per message for %.1f bytes of text\n",
        searchMessages, big.seconds, double(fileBytes(searchPath)) / searchMessages,
        double(big.textBytes) / searchMessages);
    benchSearch(searchPath, 0);
    return 0;
}
