// MessageStore, the search half: full-text queries over the FTS5 index on the search thread (or
// the caller's, for the CLI). Opening, reading and writing are in messagestore.cpp.
#include "../logging.h"
#include "messagestore.h"
#include "searchquery.h"
#include "storesql.h"
#include "storethread.h"

#include <QPointer>
#include <QSqlError>
#include <QSqlQuery>

using StoreSql::idOfKey;

std::vector<MessageStore::SearchHit> MessageStore::runSearch(
    QSqlDatabase &db, const QString &text, const SearchFilter &filter)
{
    std::vector<SearchHit> hits;
    const QString match = SearchQuery::matchExpression(text);
    if (match.isEmpty())
        return hits;
    // Ranked (bm25) among the newest kRankedMatches matches only: the index yields matches in
    // key order, newest first, for the cost of reading them, while ranking every match of a
    // common word would score hundreds of thousands of rows. In a chat, the best match among the
    // latest thousand is the one wanted; older ones are found with more words, or a conversation.
    QString inner =
        QStringLiteral("SELECT rowid AS key, bm25(message_search) AS score FROM message_search "
                       "WHERE message_search MATCH :match");
    if (filter.beforeId > 0)
        inner += QStringLiteral(" AND rowid < :before");
    inner += QStringLiteral(" ORDER BY rowid DESC LIMIT %1").arg(kRankedMatches);
    QString sql = QStringLiteral(
        "SELECT m.key, c.direct, c.peer, m.sender, m.created_at, m.text, p.name FROM (%1) f "
        "JOIN messages m ON m.key = f.key JOIN conversations c ON c.rowid = m.conversation "
        "LEFT JOIN people p ON p.id = m.sender")
                      .arg(inner);
    if (filter.key.isValid())
        sql += QStringLiteral(" WHERE c.direct = :direct AND c.peer = :peer");
    sql += QStringLiteral(" ORDER BY f.score, f.key DESC LIMIT :limit");
    QSqlQuery query(db);
    query.prepare(sql);
    query.bindValue(QStringLiteral(":match"), match);
    if (filter.key.isValid()) {
        query.bindValue(QStringLiteral(":direct"), filter.key.direct ? 1 : 0);
        query.bindValue(QStringLiteral(":peer"), filter.key.id);
    }
    if (filter.beforeId > 0)
        query.bindValue(QStringLiteral(":before"), filter.beforeId * 2);
    query.bindValue(QStringLiteral(":limit"), qBound(1, filter.limit, 500));
    if (!query.exec()) {
        qCWarning(lcChat) << "search:" << query.lastError().text();
        return hits;
    }
    while (query.next()) {
        SearchHit hit;
        hit.id = idOfKey(query.value(0).toLongLong());
        hit.key = StoreSql::conversationAt(query, 1, 2);
        hit.senderId = query.value(3).toString();
        hit.createdAtMs = query.value(4).toLongLong();
        hit.text = query.value(5).toString();
        hit.excerpt = SearchQuery::styledExcerpt(SearchQuery::highlight(hit.text, text));
        hit.senderName = query.value(6).toString();
        hits.push_back(std::move(hit));
    }
    return hits;
}

void MessageStore::search(const QString &text, const SearchFilter &filter,
    std::function<void(std::vector<SearchHit> hits)> done)
{
    if (SearchQuery::matchExpression(text).isEmpty() || !isOpen() || !m_searcher) {
        done({});
        return;
    }
    QPointer<MessageStore> guard(this);
    m_searcher->post([guard, text, filter, done = std::move(done)](QSqlDatabase &db) {
        auto hits = std::make_shared<std::vector<SearchHit>>(runSearch(db, text, filter));
        QMetaObject::invokeMethod(
            guard, [done, hits] { done(std::move(*hits)); }, Qt::QueuedConnection);
    });
}

std::vector<MessageStore::SearchHit> MessageStore::searchNow(
    const QString &text, const SearchFilter &filter)
{
    if (!isOpen())
        return {};
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    return runSearch(db, text, filter);
}
