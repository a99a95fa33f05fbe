// The offline store (MessageStore) on its own: file mode, what survives a reopen, gap marks,
// pruning, migrations, damaged files and the full-text search. One case runs a
// ConversationManager against the reference backend with a damaged store file.
#include "chat/conversationmanager.h"
#include "chat/store/messagestore.h"
#include "chat/store/storeschema.h"
#include "clienttestsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/stat.h>

using namespace std::chrono_literals;

namespace {

const ConversationKey kRoom = ConversationKey::room(QStringLiteral("1"));

MessageStore::MessageRow message(qint64 id, const QString &text, const QString &sender = {})
{
    return { id, sender.isEmpty() ? QStringLiteral("2") : sender, 1700000000000 + id * 1000, text,
        {}, {} };
}

MessageStore::OutboxRow outboxRow(
    const QString &clientId, const ConversationKey &target, const QString &text, qint64 createdAtMs)
{
    MessageStore::OutboxRow row;
    row.clientId = clientId;
    row.target = target;
    row.text = text;
    row.createdAtMs = createdAtMs;
    return row;
}

/// Newest first, ids from `newest` down to `oldest`.
std::vector<MessageStore::MessageRow> run(qint64 newest, qint64 oldest)
{
    std::vector<MessageStore::MessageRow> rows;
    for (qint64 id = newest; id >= oldest; --id)
        rows.push_back(message(id, QStringLiteral("message %1").arg(id)));
    return rows;
}

QList<qint64> ids(const MessageStore::Page &page)
{
    QList<qint64> result;
    for (const auto &row : page.messages)
        result.append(row.id);
    return result;
}

QList<qint64> hitIds(const std::vector<MessageStore::SearchHit> &hits)
{
    QList<qint64> result;
    for (const auto &hit : hits)
        result.append(hit.id);
    return result;
}

int modeOf(const QString &path)
{
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 0777);
}

/// Runs a script of statements separated by ";\n" on its own connection (no triggers in it).
bool runScript(const QString &path, const QString &script, QString *error)
{
    bool ok = true;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        ok = db.open();
        for (const QString &statement : script.split(QStringLiteral(";\n"), Qt::SkipEmptyParts)) {
            if (!ok || statement.trimmed().isEmpty())
                continue;
            QSqlQuery query(db);
            if (!query.exec(statement)) {
                *error = query.lastError().text() + QStringLiteral(" in ") + statement;
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return ok;
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_serial = 0;

    QString newPath() { return m_dir.filePath(QStringLiteral("store-%1.sqlite").arg(++m_serial)); }

    /// A store with people and a few messages to search.
    void fillForSearch(MessageStore &store)
    {
        store.savePeople({ { QStringLiteral("1"), QStringLiteral("Ada Lovelace"), {}, {} },
            { QStringLiteral("2"), QStringLiteral("Alan Turing"), {}, {} } });
        store.saveMessages(kRoom,
            { message(9, QStringLiteral("the integral of the derivative"), QStringLiteral("1")),
                message(8, QStringLiteral("Müller wrote it at the Café"), QStringLiteral("2")),
                // Decomposed (NFD): u + combining diaeresis, e + combining acute.
                message(7, QStringLiteral("Mu\u0308ller again, cafe\u0301 au lait")),
                message(6, QStringLiteral("look <img src=x> here: integral")),
                message(5,
                    QStringLiteral("a long message about many things, lectures, exams, deadlines, "
                                   "the weather, lunch, and somewhere in the middle of it all an "
                                   "integral that nobody wanted to compute on a friday")),
                message(4, QStringLiteral("integral")),
                message(3, QStringLiteral("nothing to see"), QStringLiteral("1")) },
            false);
        store.saveMessages(ConversationKey::directWith(QStringLiteral("2")),
            { message(4, QStringLiteral("a DERIVATIVE in a dm")) }, false);
        store.flush();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        useScratchSettings();
    }

    void fileIsPrivate()
    {
        MessageStore store;
        const QString path = newPath();
        QVERIFY2(store.open(path), qPrintable(store.errorString()));
        QCOMPARE(store.status(), MessageStore::Status::Open);
        store.saveMessages(kRoom, run(3, 1), false);
        store.flush();
        QCOMPARE(modeOf(path), 0600);
        // SQLite gives its side files the database's mode.
        for (const char *suffix : { "-wal", "-shm" }) {
            if (QFile::exists(path + QLatin1String(suffix)))
                QCOMPARE(modeOf(path + QLatin1String(suffix)), 0600);
        }
        store.close();
        // A folder the store creates is private; an existing one (the CLI's --profile may be
        // any folder) is left as it is.
        QTemporaryDir shared;
        QVERIFY(QFile::setPermissions(shared.path(),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                | QFileDevice::ExeOther));
        {
            MessageStore inShared;
            QVERIFY(inShared.open(shared.filePath(QStringLiteral("store.sqlite"))));
            MessageStore nested;
            QVERIFY(nested.open(shared.filePath(QStringLiteral("new/store.sqlite"))));
        }
        QCOMPARE(modeOf(shared.path()), 0755);
        QCOMPARE(modeOf(shared.filePath(QStringLiteral("store.sqlite"))), 0600);
        QCOMPARE(modeOf(shared.filePath(QStringLiteral("new"))), 0700);
        QCOMPARE(modeOf(shared.filePath(QStringLiteral("new/store.sqlite"))), 0600);
        // A file that somehow became readable by others is made private again on open.
        QFile::setPermissions(path,
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                | QFileDevice::ReadOther);
        QVERIFY(store.open(path));
        QCOMPARE(modeOf(path), 0600);
    }

    void reopenKeepsEverything()
    {
        const QString path = newPath();
        {
            MessageStore store;
            QVERIFY(store.open(path));
            MessageStore::ConversationRow room;
            room.key = kRoom;
            room.name = QStringLiteral("Calculus");
            room.description = QStringLiteral("limits");
            room.memberCount = 12;
            room.member = true;
            room.unreadCount = 3;
            room.lastReadId = QStringLiteral("41");
            room.lastMessageText = QStringLiteral("see you");
            room.lastActivityMs = 1700000000123;
            room.draft = QStringLiteral("half a thought");
            room.pins = QStringList { QStringLiteral("40"), QStringLiteral("12") };
            room.mentionCount = 2;
            room.muted = true;
            store.saveConversation(room);
            MessageStore::ConversationRow direct;
            direct.key = ConversationKey::directWith(QStringLiteral("3"));
            direct.name = QStringLiteral("Grace Hopper");
            direct.listed = false;
            store.saveConversation(direct);
            store.savePeople({ { QStringLiteral("3"), QStringLiteral("Grace Hopper"),
                QStringLiteral("teacher"), QStringLiteral("g.png") } });
            bool stored = false;
            store.saveOutboxEntry(
                outboxRow(QStringLiteral("c-1"), kRoom, QStringLiteral("unsent"), 1700000000999),
                [&stored] { stored = true; });
            MessageStore::OutboxRow reaction = outboxRow(
                QStringLiteral("c-2"), direct.key, QStringLiteral("\U0001F44D"), 1700000001000);
            reaction.action = OutboxRequest::Action::AddReaction;
            reaction.messageId = 40;
            store.saveOutboxEntry(reaction, {});
            store.setOutboxFailed(QStringLiteral("c-2"), true, QStringLiteral("Too long"));
            QTRY_VERIFY(stored);
            store.close();
        }
        MessageStore store;
        QVERIFY(store.open(path));
        const auto conversations = store.conversations();
        QCOMPARE(conversations.size(), size_t(2));
        const auto &room = conversations.at(0);
        QCOMPARE(room.key, kRoom);
        QCOMPARE(room.name, QStringLiteral("Calculus"));
        QCOMPARE(room.description, QStringLiteral("limits"));
        QCOMPARE(room.memberCount, 12);
        QCOMPARE(room.pins, QStringList({ QStringLiteral("40"), QStringLiteral("12") }));
        QCOMPARE(room.mentionCount, 2);
        QVERIFY(room.muted);
        QVERIFY(!conversations.at(1).muted);
        QVERIFY(room.member);
        QVERIFY(room.listed);
        QCOMPARE(room.unreadCount, 3);
        QCOMPARE(room.lastReadId, QStringLiteral("41"));
        QCOMPARE(room.lastMessageText, QStringLiteral("see you"));
        QCOMPARE(room.lastActivityMs, 1700000000123);
        QCOMPARE(room.draft, QStringLiteral("half a thought"));
        QCOMPARE(conversations.at(1).key, ConversationKey::directWith(QStringLiteral("3")));
        QVERIFY(!conversations.at(1).listed);
        const auto people = store.people();
        QCOMPARE(people.size(), size_t(1));
        QCOMPARE(people.at(0).name, QStringLiteral("Grace Hopper"));
        QCOMPARE(people.at(0).role, QStringLiteral("teacher"));
        QCOMPARE(people.at(0).avatar, QStringLiteral("g.png"));
        const auto outbox = store.outbox();
        QCOMPARE(outbox.size(), size_t(2));
        QCOMPARE(outbox.at(0).clientId, QStringLiteral("c-1"));
        QCOMPARE(outbox.at(0).target, kRoom);
        QCOMPARE(outbox.at(0).text, QStringLiteral("unsent"));
        QCOMPARE(outbox.at(0).createdAtMs, 1700000000999);
        QVERIFY(!outbox.at(0).failed);
        QVERIFY(outbox.at(0).action == OutboxRequest::Action::Send);
        QCOMPARE(outbox.at(1).clientId, QStringLiteral("c-2"));
        QVERIFY(outbox.at(1).action == OutboxRequest::Action::AddReaction);
        QCOMPARE(outbox.at(1).messageId, qint64(40));
        QCOMPARE(outbox.at(1).text, QStringLiteral("\U0001F44D"));
        QVERIFY(outbox.at(1).failed);
        QCOMPARE(outbox.at(1).error, QStringLiteral("Too long"));
        store.removeOutboxEntry(QStringLiteral("c-1"));
        store.flush();
        QCOMPARE(store.outbox().size(), size_t(1));
    }

    void gaps()
    {
        MessageStore store;
        QVERIFY(store.open(newPath()));
        // Nothing stored: the server has to be asked.
        MessageStore::Page page = store.olderMessages(kRoom, 0, 50, true);
        QVERIFY(page.messages.empty());
        QVERIFY(page.reachedGap);

        // The newest page, more below it on the server.
        store.saveMessages(kRoom, run(10, 8), true);
        store.flush();
        page = store.olderMessages(kRoom, 0, 50, true);
        QCOMPARE(ids(page), (QList<qint64> { 10, 9, 8 }));
        QVERIFY(page.reachedGap);
        QVERIFY(!page.reachedBeginning);
        // Continuing below the gap: nothing, ask the server.
        page = store.olderMessages(kRoom, 8, 50, true);
        QVERIFY(page.messages.empty());
        QVERIFY(page.reachedGap);
        // Without stopping at gaps, everything stored is given.
        page = store.olderMessages(kRoom, 0, 50, false);
        QCOMPARE(ids(page), (QList<qint64> { 10, 9, 8 }));
        QVERIFY(page.reachedBeginning);

        // The page before 8, down to the first message: the gap is closed.
        store.saveMessages(kRoom, run(7, 5), false, 8);
        store.flush();
        page = store.olderMessages(kRoom, 0, 50, true);
        QCOMPARE(ids(page), (QList<qint64> { 10, 9, 8, 7, 6, 5 }));
        QVERIFY(!page.reachedGap);
        QVERIFY(page.reachedBeginning);
        // Paging in small steps.
        page = store.olderMessages(kRoom, 0, 2, true);
        QCOMPARE(ids(page), (QList<qint64> { 10, 9 }));
        QVERIFY(!page.reachedGap);
        QVERIFY(!page.reachedBeginning);
        page = store.olderMessages(kRoom, 9, 2, true);
        QCOMPARE(ids(page), (QList<qint64> { 8, 7 }));
        page = store.olderMessages(kRoom, 6, 2, true);
        QCOMPARE(ids(page), (QList<qint64> { 5 }));
        QVERIFY(page.reachedBeginning);
        QCOMPARE(store.newestId(kRoom), qint64(10));

        // A live message after a time offline: messages may be missing below it...
        store.saveMessages(kRoom, { message(20, QStringLiteral("live")) }, true);
        store.flush();
        page = store.olderMessages(kRoom, 0, 50, true);
        QCOMPARE(ids(page), (QList<qint64> { 20 }));
        QVERIFY(page.reachedGap);
        // ...until the catch-up from 10 ends: everything above 10 is known.
        store.saveMessages(kRoom, run(19, 11), false);
        store.closeGapsAbove(kRoom, 10);
        store.flush();
        page = store.olderMessages(kRoom, 0, 50, true);
        QCOMPARE(page.messages.size(), size_t(16));
        QVERIFY(page.reachedBeginning);
        QCOMPARE(store.newestId(kRoom), qint64(20));
        // Another conversation is separate (DM ids are their own sequence).
        QCOMPARE(store.newestId(ConversationKey::directWith(QStringLiteral("1"))), qint64(0));
        store.saveMessages(ConversationKey::directWith(QStringLiteral("1")), run(10, 10), false);
        store.flush();
        QCOMPARE(store.messageCount(), qint64(17));
        QCOMPARE(store.olderMessages(kRoom, 0, 50, true).messages.size(), size_t(16));
    }

    void messageLimit()
    {
        MessageStore store;
        QVERIFY(store.open(newPath()));
        store.saveMessages(kRoom, run(10, 1), false);
        store.flush();
        QVERIFY(store.olderMessages(kRoom, 0, 50, true).reachedBeginning);
        store.setMessageLimit(4);
        store.flush();
        QCOMPARE(store.messageCount(), qint64(4));
        MessageStore::Page page = store.olderMessages(kRoom, 0, 50, true);
        QCOMPARE(ids(page), (QList<qint64> { 10, 9, 8, 7 }));
        // What was pruned is still on the server: the page ends at a gap, not the beginning.
        QVERIFY(page.reachedGap);
        QVERIFY(!page.reachedBeginning);
        // New messages keep it at the limit.
        store.saveMessages(kRoom, run(12, 11), false);
        store.flush();
        QCOMPARE(ids(store.olderMessages(kRoom, 0, 50, true)), (QList<qint64> { 12, 11, 10, 9 }));
        QVERIFY(store.olderMessages(kRoom, 0, 50, true).reachedGap);
    }

    void migratesFromVersionOne()
    {
        const QString path = newPath();
        QString error;
        QVERIFY2(runScript(path,
                     StoreSchema::stepsUpTo(1)
                         + QStringLiteral(
                             "INSERT INTO conversations (direct, peer, name) VALUES (0, '1', "
                             "'Calculus');\n"
                             "INSERT INTO people (id, name) VALUES ('2', 'Alan Turing');\n"
                             "INSERT INTO messages (key, conversation, sender, created_at, text) "
                             "VALUES (14, 1, '2', 1700000000000, 'the derivative of a "
                             "derivative');\n"
                             "INSERT INTO messages (key, conversation, sender, created_at, text) "
                             "VALUES (16, 1, '2', 1700000001000, 'nothing else');\n"
                             "PRAGMA user_version = 1;\n"),
                     &error),
            qPrintable(error));
        QVERIFY(StoreSchema::currentVersion() > 1);
        MessageStore store;
        QVERIFY2(store.open(path), qPrintable(store.errorString()));
        const auto hits = store.searchNow(QStringLiteral("deriv"), {});
        QCOMPARE(hits.size(), size_t(1));
        QCOMPARE(hits.at(0).id, qint64(7));
        QCOMPARE(hits.at(0).key, kRoom);
        QCOMPARE(hits.at(0).senderName, QStringLiteral("Alan Turing"));
        QCOMPARE(store.olderMessages(kRoom, 0, 50, false).messages.size(), size_t(2));
        // New messages are indexed too (the triggers came with the migration).
        store.saveMessages(kRoom, { message(9, QStringLiteral("derivatives again")) }, false);
        store.flush();
        QCOMPARE(store.searchNow(QStringLiteral("deriv"), {}).size(), size_t(2));
        store.close();
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery version(QStringLiteral("PRAGMA user_version"), db);
        QVERIFY(version.next());
        QCOMPARE(version.value(0).toInt(), StoreSchema::currentVersion());
        version = QSqlQuery();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("v"));
    }

    void refusesANewerFile()
    {
        const QString path = newPath();
        QString error;
        QVERIFY2(runScript(path,
                     StoreSchema::stepsUpTo(1)
                         + QStringLiteral("PRAGMA user_version = %1;\n")
                               .arg(StoreSchema::currentVersion() + 1),
                     &error),
            qPrintable(error));
        MessageStore store;
        QSignalSpy status(&store, &MessageStore::statusChanged);
        QVERIFY(!store.open(path));
        QCOMPARE(store.status(), MessageStore::Status::Unavailable);
        QVERIFY2(
            store.errorString().contains(QLatin1String("newer")), qPrintable(store.errorString()));
        QCOMPARE(status.size(), 1);
        // Every call does nothing.
        QVERIFY(store.conversations().empty());
        QVERIFY(store.searchNow(QStringLiteral("anything"), {}).empty());
        store.saveMessages(kRoom, run(2, 1), false);
        bool stored = false;
        store.saveOutboxEntry(outboxRow(QStringLiteral("c"), kRoom, QStringLiteral("t"), 1),
            [&stored] { stored = true; });
        QTRY_VERIFY(stored); // never held back
        store.flush();
        QCOMPARE(store.messageCount(), qint64(0));
        // And the newer file is left as it was.
        QVERIFY(QFileInfo(path).size() > 0);
    }

    void damagedFiles_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("random bytes") << QStringLiteral("random");
        QTest::newRow("truncated store") << QStringLiteral("truncated");
        QTest::newRow("header only") << QStringLiteral("header");
    }

    void damagedFiles()
    {
        QFETCH(QString, damage);
        const QString path = newPath();
        if (damage == QLatin1String("random")) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QByteArray bytes(64 * 1024, Qt::Uninitialized);
            QRandomGenerator generator(42);
            generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
            file.write(bytes);
        } else {
            {
                MessageStore store;
                QVERIFY(store.open(path));
                fillForSearch(store);
                for (int page = 0; page < 20; ++page)
                    store.saveMessages(
                        kRoom, run(1000 + page * 100 + 99, 1000 + page * 100), false);
                store.flush();
                store.close();
            }
            QVERIFY(!QFile::exists(path + QLatin1String("-wal")));
            const qint64 size = QFileInfo(path).size();
            QVERIFY(size > 8 * 4096);
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            // Keeps the first page (the header and the schema), loses the tables.
            QVERIFY(file.resize(damage == QLatin1String("header") ? 100 : 4096));
        }
        MessageStore store;
        QVERIFY(!store.open(path));
        QCOMPARE(store.status(), MessageStore::Status::Unavailable);
        QVERIFY(!store.errorString().isEmpty());
        QVERIFY(store.conversations().empty());
        QVERIFY(store.olderMessages(kRoom, 0, 50, true).reachedGap);
        QVERIFY(store.searchNow(QStringLiteral("message"), {}).empty());
        bool searched = false;
        store.search(
            QStringLiteral("message"), {}, [&searched](std::vector<MessageStore::SearchHit> hits) {
                QVERIFY(hits.empty());
                searched = true;
            });
        QVERIFY(searched);
    }

    void managerWorksWithADamagedStore()
    {
        ReferenceServer server;
        QVERIFY2(server.start(), qPrintable(server.node().errorString()));
        QTemporaryDir stores;
        const QString path =
            MessageStore::fileFor(server.url(), QStringLiteral("1"), stores.path());
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
        file.close();

        ConversationManager manager(nullptr);
        manager.setAckTimeout(5s);
        manager.setOfflineStore(true, stores.path());
        QSignalSpy confirmed(&manager, &ConversationManager::messageConfirmed);
        manager.connectWithToken(server.url(), signToken(QStringLiteral("1"), 600));
        QCOMPARE(manager.store()->status(), MessageStore::Status::Unavailable);
        QVERIFY(!manager.offlineStoreError().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(manager.connection()->isConnected(), 15000);
        const QString clientId =
            manager.send(manager.conversation(kRoom, true), QStringLiteral("sent without a store"));
        QVERIFY(!clientId.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!confirmed.isEmpty(), 10000);
        QCOMPARE(confirmed.constFirst().at(0).toString(), clientId);
        QCOMPARE(manager.pendingCount(), 0);
        // The damaged file is left alone.
        QCOMPARE(QFileInfo(path).size(), qint64(8192));
    }

    void searchFindsWords_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QList<qint64>>("expected");
        QTest::addColumn<bool>("ordered");
        QTest::newRow("prefix") << QStringLiteral("deriv") << QList<qint64> { 9 } << false;
        QTest::newRow("case") << QStringLiteral("DERIVATIVE") << QList<qint64> { 9 } << false;
        QTest::newRow("cafe finds Café, also decomposed")
            << QStringLiteral("cafe") << QList<qint64> { 8, 7 } << false;
        QTest::newRow("muller finds Müller, also decomposed")
            << QStringLiteral("muller") << QList<qint64> { 8, 7 } << false;
        QTest::newRow("Müller finds decomposed")
            << QStringLiteral("Müller") << QList<qint64> { 8, 7 } << false;
        QTest::newRow("decomposed query")
            << QStringLiteral("Mu\u0308ller") << QList<qint64> { 8, 7 } << false;
        QTest::newRow("all words required")
            << QStringLiteral("integral deriv") << QList<qint64> { 9 } << false;
        // The short message that is only the word first, the long one where it is lost last.
        QTest::newRow("ranking") << QStringLiteral("integral") << QList<qint64> { 4, 9, 6, 5 }
                                 << true;
    }

    void searchFindsWords()
    {
        QFETCH(QString, query);
        QFETCH(QList<qint64>, expected);
        QFETCH(bool, ordered);
        MessageStore store;
        QVERIFY(store.open(newPath()));
        fillForSearch(store);
        MessageStore::SearchFilter inRoom;
        inRoom.key = kRoom;
        QList<qint64> found = hitIds(store.searchNow(query, inRoom));
        if (!ordered) {
            std::sort(found.begin(), found.end(), std::greater<>());
            std::sort(expected.begin(), expected.end(), std::greater<>());
        }
        QCOMPARE(found, expected);
    }

    void searchDetails()
    {
        MessageStore store;
        QVERIFY(store.open(newPath()));
        fillForSearch(store);
        // Rooms and DMs together unless a conversation is given.
        auto hits = store.searchNow(QStringLiteral("derivative"), {});
        QCOMPARE(hits.size(), size_t(2));
        MessageStore::SearchFilter filter;
        filter.key = ConversationKey::directWith(QStringLiteral("2"));
        hits = store.searchNow(QStringLiteral("derivative"), filter);
        QCOMPARE(hits.size(), size_t(1));
        QCOMPARE(hits.at(0).key, filter.key);
        QCOMPARE(hits.at(0).text, QStringLiteral("a DERIVATIVE in a dm"));
        QCOMPARE(hits.at(0).senderName, QStringLiteral("Alan Turing"));
        QCOMPARE(hits.at(0).createdAtMs, 1700000004000);
        // Older than an id; a limit.
        filter = {};
        filter.key = kRoom;
        filter.beforeId = 6;
        QCOMPARE(
            hitIds(store.searchNow(QStringLiteral("integral"), filter)), (QList<qint64> { 4, 5 }));
        filter.beforeId = 0;
        filter.limit = 1;
        QCOMPARE(
            hitIds(store.searchNow(QStringLiteral("integral"), filter)), (QList<qint64> { 4 }));

        // The excerpt is StyledText: the text escaped, the match in bold.
        filter = {};
        filter.key = kRoom;
        hits = store.searchNow(QStringLiteral("here"), filter);
        QCOMPARE(hits.size(), size_t(1));
        QCOMPARE(hits.at(0).text, QStringLiteral("look <img src=x> here: integral"));
        QCOMPARE(
            hits.at(0).excerpt, QStringLiteral("look &lt;img src=x&gt; <b>here</b>: integral"));
        QVERIFY(!hits.at(0).excerpt.contains(QLatin1String("<img")));
        hits = store.searchNow(QStringLiteral("img"), filter);
        QCOMPARE(hits.size(), size_t(1));
        QCOMPARE(
            hits.at(0).excerpt, QStringLiteral("look &lt;<b>img</b> src=x&gt; here: integral"));

        // The asynchronous search gives the same, on this thread.
        std::vector<MessageStore::SearchHit> async;
        bool done = false;
        store.search(QStringLiteral("muller"), {}, [&](std::vector<MessageStore::SearchHit> found) {
            QCOMPARE(QThread::currentThread(), thread());
            async = std::move(found);
            done = true;
        });
        QTRY_VERIFY(done);
        QCOMPARE(async.size(), size_t(2));
    }

    void hostileQueries_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("hits");
        QTest::newRow("quote") << QStringLiteral("\"") << 0;
        QTest::newRow("unbalanced quote") << QStringLiteral("\"integral") << 4;
        QTest::newRow("star") << QStringLiteral("*") << 0;
        QTest::newRow("NEAR(") << QStringLiteral("NEAR(") << 0;
        QTest::newRow("NEAR(a b)") << QStringLiteral("NEAR(integral derivative, 2)") << 0;
        QTest::newRow("minus") << QStringLiteral("-foo") << 0;
        QTest::newRow("not") << QStringLiteral("NOT integral") << 0;
        QTest::newRow("or") << QStringLiteral("a OR b") << 0;
        QTest::newRow("or of matches") << QStringLiteral("integral OR muller") << 0;
        QTest::newRow("paren") << QStringLiteral(")") << 0;
        QTest::newRow("caret") << QStringLiteral("^") << 0;
        QTest::newRow("caret word") << QStringLiteral("^integral") << 4;
        QTest::newRow("colon") << QStringLiteral(":") << 0;
        QTest::newRow("column filter") << QStringLiteral("text:integral") << 0;
        QTest::newRow("braces") << QStringLiteral("{text}: x") << 0;
        QTest::newRow("500 letters") << QString(500, u'x') << 0;
        QTest::newRow("500 symbols") << QStringLiteral("\"*()^:-+").repeated(63).left(500) << 0;
        QTest::newRow("500 chars of words") << QStringLiteral("zq ").repeated(166) << 0;
        // Only the first 16 words count, and a one-letter word is matched whole: only the
        // messages with the word "a", not every word starting with a.
        QTest::newRow("250 times a") << QStringLiteral("a ").repeated(250) << 2;
        QTest::newRow("empty") << QString() << 0;
        QTest::newRow("blank") << QStringLiteral("  \t\n ") << 0;
        QTest::newRow("nul") << QString::fromUtf16(u"integral\0x", 10) << 1;
    }

    void hostileQueries()
    {
        QFETCH(QString, query);
        QFETCH(int, hits);
        // An FTS5 syntax error would be logged as "store: …" and give nothing.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("store")));
        MessageStore store;
        QVERIFY(store.open(newPath()));
        fillForSearch(store);
        const auto found = store.searchNow(query, {});
        QCOMPARE(int(found.size()), hits);
        QVERIFY(found.size() < size_t(store.messageCount()));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
