// MessageSearch against the reference backend: the store's hits and the server's merged without
// duplicates, what the user types never being syntax, and opening a hit at its message.
#include "chat/conversationmanager.h"
#include "chat/messagesearch.h"
#include "chat/socketservice.h"
#include "chat/store/searchquery.h"
#include "clienttestsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;

namespace {

QVariant roleAt(const QAbstractItemModel *model, int row, int role)
{
    return model->index(row, 0).data(role);
}

QString identityAt(const QAbstractItemModel *model, int row)
{
    const auto *conversation =
        roleAt(model, row, SearchResultModel::ConversationRole).value<Conversation *>();
    return (conversation ? conversation->key() : QStringLiteral("?")) + u'#'
        + roleAt(model, row, SearchResultModel::MessageIdRole).toString();
}

} // namespace

class TestMessageSearch : public QObject
{
    Q_OBJECT

    ReferenceServer m_server;
    QTemporaryDir m_stores;
    // A message only the server has for Ada: sent to a room before her store existed.
    const QString m_onlyOnServer = QStringLiteral("Derivations of the quokka rate law, anyone?");

    std::unique_ptr<SocketService> client(const QString &userId, bool store)
    {
        auto service = std::make_unique<SocketService>(nullptr);
        SocketIo::ManagerOptions options;
        options.reconnectionDelay = 100ms;
        options.reconnectionDelayMax = 400ms;
        service->manager()->setManagerOptions(options);
        if (store)
            service->manager()->setOfflineStore(true, m_stores.path());
        service->setServerUrl(m_server.url());
        service->init(signToken(userId, 3600));
        return service;
    }

    /// Connected, lists loaded and the server's features known.
    static bool ready(ConversationManager *manager)
    {
        return QTest::qWaitFor(
            [manager] {
                return manager->connection()->isConnected() && manager->synced()
                    && manager->hasFeature(QStringLiteral("search"));
            },
            10000);
    }

    static bool finished(MessageSearch &search)
    {
        return QTest::qWaitFor([&search] { return !search.searching(); }, 10000);
    }

    /// Loads the whole history of a room into its model (and so into the store).
    static bool loadAll(MessageListModel *messages)
    {
        return QTest::qWaitFor(
            [messages] {
                if (messages->canFetchMore({}))
                    messages->fetchMore({});
                return messages->historyComplete() && !messages->isLoading();
            },
            10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        useScratchSettings();
        QVERIFY(m_stores.isValid());
        QVERIFY2(m_server.start(), qPrintable(m_server.node().errorString()));
        auto grace = client(QStringLiteral("3"), false);
        QVERIFY(ready(grace->manager()));
        QSignalSpy confirmed(grace->manager(), &ConversationManager::messageConfirmed);
        grace->sendMessage(2, m_onlyOnServer);
        QVERIFY(confirmed.wait(10000));
    }

    void highlightEscapesAndFolds()
    {
        // Case and diacritics do not count; whole words from their start only.
        QCOMPARE(SearchQuery::excerptFor(QStringLiteral("<b>x</b> Café & antiderivative Derive"),
                     QStringLiteral("cafe deriv")),
            QStringLiteral("&lt;b&gt;x&lt;/b&gt; <b>Café</b> &amp; antiderivative <b>Derive</b>"));
        // A decomposed "é" in the text.
        QCOMPARE(
            SearchQuery::excerptFor(QStringLiteral("Cafe\u0301 au lait"), QStringLiteral("CAFÉ")),
            QStringLiteral("<b>Cafe\u0301</b> au lait"));
        // The markers cannot be smuggled in by a message.
        const QString fake = QString(SearchQuery::kMatchStart) + QStringLiteral("<i>fake</i>")
            + SearchQuery::kMatchEnd + QStringLiteral(" real");
        QCOMPARE(SearchQuery::excerptFor(fake, QStringLiteral("real")),
            QStringLiteral("&lt;i&gt;fake&lt;/i&gt; <b>real</b>"));
        // No words: nothing marked.
        QCOMPARE(SearchQuery::excerptFor(QStringLiteral("a \"b\""), QStringLiteral("\"*")),
            QStringLiteral("a &quot;b&quot;"));
    }

    void serverQueryIsWordsWithinTheLimit()
    {
        QCOMPARE(
            MessageSearch::serverQuery(QStringLiteral("a\" OR \"b*")), QStringLiteral("a OR b"));
        QCOMPARE(MessageSearch::serverQuery(QStringLiteral("\"*() -^: 🙂")), QString());
        // Words match as prefixes: a word cut short finds at least the same.
        QCOMPARE(MessageSearch::serverQuery(QString(600, u'x')), QString(500, u'x'));
        const QString many = QStringLiteral("abcdefghi ").repeated(100);
        QVERIFY(MessageSearch::serverQuery(many).size() <= MessageSearch::kMaxServerQuery);
        QVERIFY(!MessageSearch::serverQuery(many).isEmpty());
    }

    void serverOnlyWithoutStore()
    {
        auto ada = client(QStringLiteral("1"), false);
        QVERIFY(ready(ada->manager()));
        MessageSearch search;
        QAbstractItemModelTester tester(
            search.results(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        search.setManager(ada->manager());
        search.setQuery(QStringLiteral("deriv"));
        QVERIFY(QTest::qWaitFor([&search] { return search.searching(); }, 2000));
        QVERIFY(finished(search));
        QCOMPARE(search.status(), MessageSearch::Complete);
        const SearchResultModel *results = search.results();
        QVERIFY(results->count() >= 3);
        bool sawQuokka = false;
        for (int row = 0; row < results->count(); ++row) {
            QVERIFY(roleAt(results, row, SearchResultModel::FromServerRole).toBool());
            const QString excerpt = roleAt(results, row, SearchResultModel::ExcerptRole).toString();
            QVERIFY2(excerpt.contains(QLatin1String("<b>Deriv"), Qt::CaseInsensitive),
                qPrintable(excerpt));
            // Prefix matches only: "antiderivative" is not one.
            QVERIFY2(!excerpt.contains(QLatin1String("anti<b>")), qPrintable(excerpt));
            sawQuokka |= excerpt.contains(QLatin1String("quokka"));
            QVERIFY(!roleAt(results, row, SearchResultModel::SenderNameRole).toString().isEmpty());
            QVERIFY(roleAt(results, row, SearchResultModel::TimeRole).toDateTime().isValid());
        }
        QVERIFY(sawQuokka);
    }

    void storedFirstThenServerWithoutDuplicates()
    {
        auto ada = client(QStringLiteral("1"), true);
        QVERIFY(ready(ada->manager()));
        QVERIFY(ada->manager()->store()->isOpen());
        // Calculus I is kept on this computer; Organic Chemistry (the quokka) is not.
        QVERIFY(loadAll(ada->roomMessages(1)));
        ada->manager()->flushStore();

        MessageSearch search;
        QAbstractItemModelTester tester(
            search.results(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        search.setManager(ada->manager());
        search.setQuery(QStringLiteral("DERIV"));
        search.searchNow();
        QVERIFY(finished(search));
        QCOMPARE(search.status(), MessageSearch::Complete);
        const SearchResultModel *results = search.results();
        QSet<QString> seen;
        int stored = 0;
        int lastStoredRow = -1;
        int firstServerRow = results->count();
        for (int row = 0; row < results->count(); ++row) {
            const QString identity = identityAt(results, row);
            QVERIFY2(!seen.contains(identity), qPrintable(identity));
            seen.insert(identity);
            if (roleAt(results, row, SearchResultModel::FromServerRole).toBool()) {
                firstServerRow = std::min(firstServerRow, row);
            } else {
                ++stored;
                lastStoredRow = row;
            }
        }
        QVERIFY2(stored >= 2, // the two Calculus messages about derivatives
            qPrintable(QStringLiteral("%1 of %2 stored, %3 messages in the store")
                           .arg(stored)
                           .arg(results->count())
                           .arg(ada->manager()->store()->messageCount())));
        QVERIFY(lastStoredRow < firstServerRow);
        // The server found the Calculus messages too: only the quokka is new from it.
        QCOMPARE(results->count() - stored, 1);
        QVERIFY(roleAt(results, firstServerRow, SearchResultModel::ExcerptRole)
                    .toString()
                    .contains(QLatin1String("<b>Derivations</b> of the quokka")));
        QCOMPARE(
            roleAt(results, firstServerRow, SearchResultModel::ConversationNameRole).toString(),
            QStringLiteral("Organic Chemistry"));

        // Offline: the kept messages only, and said so.
        ada->manager()->disconnectFromServer();
        QTRY_VERIFY(!ada->manager()->connection()->isConnected());
        search.setQuery(QStringLiteral("deriva"));
        search.searchNow();
        QVERIFY(finished(search));
        QCOMPARE(search.status(), MessageSearch::StoredOnlyOffline);
        QCOMPARE(results->count(), stored); // the same Calculus messages, kept here
        for (int row = 0; row < results->count(); ++row)
            QVERIFY(!roleAt(results, row, SearchResultModel::FromServerRole).toBool());
    }

    void hostileQueries()
    {
        auto ada = client(QStringLiteral("1"), true);
        QVERIFY(ready(ada->manager()));
        MessageSearch search;
        QAbstractItemModelTester tester(
            search.results(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        search.setManager(ada->manager());
        const QStringList noWords { QStringLiteral("\""), QStringLiteral("*"), QStringLiteral("()"),
            QStringLiteral("🙂🙂"), QStringLiteral("  -^: "),
            QString(SearchQuery::kMatchStart) };
        for (const QString &query : noWords) {
            search.setQuery(query);
            search.searchNow();
            QVERIFY(finished(search));
            QCOMPARE(search.status(), MessageSearch::Idle);
            QCOMPARE(search.results()->count(), 0);
        }
        const QStringList odd { QStringLiteral("a\" OR \"b"), QStringLiteral("NEAR(deriv"),
            QStringLiteral("deriv*"), QStringLiteral("<script>alert(1)</script>"),
            QStringLiteral("x ").repeated(400), QString(700, u'y'),
            QStringLiteral("deriv ") + QString(SearchQuery::kMatchEnd) };
        for (const QString &query : odd) {
            search.setQuery(query);
            search.searchNow();
            QVERIFY(finished(search));
            // The server was asked and answered (no 400 for a long q, no FTS5 syntax error).
            QVERIFY2(search.status() == MessageSearch::Complete, qPrintable(search.errorString()));
            for (int row = 0; row < search.results()->count(); ++row) {
                const QString excerpt =
                    roleAt(search.results(), row, SearchResultModel::ExcerptRole).toString();
                QVERIFY(!excerpt.contains(QLatin1String("<script")));
            }
        }
        search.setQuery(QStringLiteral("NEAR(deriv"));
        search.searchNow();
        QVERIFY(finished(search));
        QCOMPARE(search.results()->count(), 0); // "near" is a word to find, and none has it
    }

    void openingAHitLoadsHistoryUntilItIsThere()
    {
        // No store: the pages come from the server.
        auto ada = client(QStringLiteral("1"), false);
        QVERIFY(ready(ada->manager()));
        MessageSearch search;
        search.setManager(ada->manager());
        search.setQuery(QStringLiteral("deriv"));
        search.searchNow();
        QVERIFY(finished(search));
        // The oldest Calculus hit: furthest from the newest page.
        int target = -1;
        QString oldestId;
        for (int row = 0; row < search.results()->count(); ++row) {
            const QString id =
                roleAt(search.results(), row, SearchResultModel::MessageIdRole).toString();
            const auto *conversation =
                roleAt(search.results(), row, SearchResultModel::ConversationRole)
                    .value<Conversation *>();
            if (conversation && conversation->id() == u"1"
                && (target < 0 || id.toLongLong() < oldestId.toLongLong())) {
                target = row;
                oldestId = id;
            }
        }
        QVERIFY(target >= 0);
        QSignalSpy revealed(&search, &MessageSearch::messageRevealed);
        QSignalSpy failed(&search, &MessageSearch::revealFailed);
        search.openResult(target);
        QCOMPARE(ada->manager()->currentConversation()->id(), QStringLiteral("1"));
        QTRY_COMPARE_WITH_TIMEOUT(revealed.count(), 1, 10000);
        QCOMPARE(failed.count(), 0);
        const int row = revealed.at(0).at(1).toInt();
        MessageListModel *messages = ada->roomMessages(1);
        QCOMPARE(roleAt(messages, row, MessageListModel::IdRole).toString(), oldestId);
        QCOMPARE(revealed.at(0).at(2).toString(), oldestId);

        // A message that is not there (deleted since): the search gives up once history ends.
        search.reveal(ada->manager()->currentConversation(), QStringLiteral("999999"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    }
};

QTEST_GUILESS_MAIN(TestMessageSearch)
#include "tst_messagesearch.moc"
