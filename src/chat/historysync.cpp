#include "historysync.h"

#include "logging.h"

#include <QPointer>

HistorySync::HistorySync(PageFetcher fetcher, QObject *parent)
    : QObject(parent)
    , m_fetch(std::move(fetcher))
{ }

std::vector<Payload::Message> HistorySync::readMessages(const QVariant &body, int *count)
{
    const QVariantList list = body.toList();
    *count = int(list.size());
    std::vector<Payload::Message> messages;
    messages.reserve(size_t(list.size()));
    for (const QVariant &value : list) {
        QString why;
        if (auto message = Payload::message(value, &why))
            messages.push_back(std::move(*message));
        else
            qCWarning(lcChat) << "a message from the server was ignored:" << why;
    }
    return messages;
}

void HistorySync::loadPage(
    const ConversationKey &key, const QString &beforeId, int limit, PageDone done)
{
    if (!m_available) {
        Page page;
        page.complete = true;
        done(std::move(page));
        return;
    }
    QPointer<HistorySync> guard(this);
    m_fetch(key, beforeId, {}, limit,
        [guard, key, limit, done = std::move(done)](const RestError &error, const QVariant &body) {
            if (!guard)
                return;
            Page page;
            if (!error.ok()) {
                page.ok = false;
                page.error = error.message;
                // 404: the room or user is unknown, or (seed backend) there is no such route.
                page.complete = error.kind == RestError::Kind::NotFound;
                qCInfo(lcChat) << "history of" << key.toString() << "unavailable:" << error.message;
                done(std::move(page));
                return;
            }
            int count = 0;
            page.messages = readMessages(body, &count);
            page.complete = count < limit;
            done(std::move(page));
        });
}

struct HistorySync::CatchUp
{
    ConversationKey key;
    qint64 knownNewestId = 0;
    int pagesLeft = kCatchUpMaxPages;
    CatchUpResult result;
    CatchUpDone done;
};

void HistorySync::catchUp(const ConversationKey &key, qint64 knownNewestId, CatchUpDone done)
{
    if (!m_available) {
        done({});
        return;
    }
    auto run = std::make_shared<CatchUp>();
    run->key = key;
    run->knownNewestId = knownNewestId;
    run->done = std::move(done);
    if (m_forward && knownNewestId > 0)
        continueForward(std::move(run), QString::number(knownNewestId));
    else
        continueCatchUp(std::move(run), {});
}

void HistorySync::continueForward(std::shared_ptr<CatchUp> run, const QString &afterId)
{
    QPointer<HistorySync> guard(this);
    m_fetch(run->key, {}, afterId, kCatchUpPageSize,
        [guard, run](const RestError &error, const QVariant &body) {
            if (!guard)
                return;
            if (!error.ok()) {
                qCInfo(lcChat) << "catch-up of" << run->key.toString()
                               << "stopped:" << error.message;
                // What arrived joins up with the known message; the newest may be missing.
                run->result.joinsKnown = true;
                run->done(std::move(run->result));
                return;
            }
            int count = 0;
            std::vector<Payload::Message> page = readMessages(body, &count);
            QString newestInPage;
            // Oldest first here; the result is newest first.
            for (Payload::Message &message : page) {
                bool numeric = false;
                const qint64 id = message.id.toLongLong(&numeric);
                if (!numeric || id <= run->knownNewestId)
                    continue;
                newestInPage = message.id;
                run->result.missed.insert(run->result.missed.begin(), std::move(message));
            }
            --run->pagesLeft;
            if (count == kCatchUpPageSize && run->pagesLeft > 0 && !newestInPage.isEmpty()) {
                guard->continueForward(run, newestInPage);
                return;
            }
            run->result.joinsKnown = true;
            run->result.reachesNewest = count < kCatchUpPageSize;
            qCDebug(lcChat) << "catch-up of" << run->key.toString() << ":"
                            << run->result.missed.size() << "messages";
            run->done(std::move(run->result));
        });
}

void HistorySync::continueCatchUp(std::shared_ptr<CatchUp> run, const QString &beforeId)
{
    QPointer<HistorySync> guard(this);
    m_fetch(run->key, beforeId, {}, kCatchUpPageSize,
        [guard, run](const RestError &error, const QVariant &body) {
            if (!guard)
                return;
            if (!error.ok()) {
                qCInfo(lcChat) << "catch-up of" << run->key.toString()
                               << "stopped:" << error.message;
                run->result.reachesNewest = !run->result.missed.empty();
                run->done(std::move(run->result));
                return;
            }
            int count = 0;
            std::vector<Payload::Message> page = readMessages(body, &count);
            // Nothing known: one page is the catch-up.
            bool reachedKnown = run->knownNewestId == 0;
            QString oldestInPage;
            for (Payload::Message &message : page) {
                bool numeric = false;
                const qint64 id = message.id.toLongLong(&numeric);
                if (numeric && id <= run->knownNewestId) {
                    reachedKnown = true;
                    continue;
                }
                oldestInPage = message.id;
                run->result.missed.push_back(std::move(message));
            }
            --run->pagesLeft;
            if (!reachedKnown && count == kCatchUpPageSize && run->pagesLeft > 0
                && !oldestInPage.isEmpty()) {
                guard->continueCatchUp(run, oldestInPage);
                return;
            }
            run->result.reachesNewest = true;
            // Reached the known message, or the beginning of the conversation.
            run->result.joinsKnown = reachedKnown || count < kCatchUpPageSize;
            qCDebug(lcChat) << "catch-up of" << run->key.toString() << ":"
                            << run->result.missed.size() << "messages";
            run->done(std::move(run->result));
        });
}
