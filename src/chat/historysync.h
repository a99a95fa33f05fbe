#pragma once

#include "api/resterror.h"
#include "conversationkey.h"
#include "payload.h"

#include <QObject>
#include <QVariant>

#include <functional>
#include <vector>

/// History over the REST API: older pages for scrolling up, and the catch-up after a reconnect
/// (newest pages until a known message, so nothing sent meanwhile is missed). It parses messages
/// and knows paging; it neither stores nor shows them. Requests go through an injected fetcher
/// (ConversationManager wires it to the one RestClient the Session uses), so the paging rules are
/// tested without a server.
class HistorySync : public QObject
{
    Q_OBJECT

public:
    using Reply = std::function<void(const RestError &error, const QVariant &body)>;
    /// GET …/messages?before=&after=&limit= for the conversation: newest first, or with an
    /// afterId the messages after it, oldest first.
    using PageFetcher = std::function<void(const ConversationKey &key, const QString &beforeId,
        const QString &afterId, int limit, Reply reply)>;

    struct Page
    {
        bool ok = true;
        /// No older messages exist (a short page, a 404, or no history API at all).
        bool complete = false;
        /// Newest first, as the server sent them; unreadable entries are left out.
        std::vector<Payload::Message> messages;
        QString error;
    };
    using PageDone = std::function<void(Page page)>;
    struct CatchUpResult
    {
        /// The missed messages, newest first, all known ones left out.
        std::vector<Payload::Message> missed;
        /// They join up with the known newest message: nothing between is missing. False when
        /// the catch-up stopped early (too many, an error): messages may be missing between.
        bool joinsKnown = false;
        /// They reach the server's newest message.
        bool reachesNewest = false;
    };
    using CatchUpDone = std::function<void(CatchUpResult result)>;

    // Pages of the catch-up after a reconnect; beyond this the rest is reachable as history.
    static constexpr int kCatchUpPageSize = 100;
    static constexpr int kCatchUpMaxPages = 10;

    explicit HistorySync(PageFetcher fetcher, QObject *parent = nullptr);

    /// False for a server without the history API (the seed's backend): every page is complete
    /// and empty, and catch-up finds nothing.
    void setAvailable(bool available) { m_available = available; }
    bool isAvailable() const { return m_available; }
    /// The server pages forward with ?after= (historyAfter): a catch-up then fetches exactly the
    /// missed messages, oldest first, instead of newest pages down to the known one.
    void setForwardPaging(bool available) { m_forward = available; }

    /// One page of messages older than `beforeId` (empty: the newest page).
    void loadPage(const ConversationKey &key, const QString &beforeId, int limit, PageDone done);
    /// Everything newer than `knownNewestId` (numeric ids), page after page, at most
    /// kCatchUpMaxPages. With no known message the newest page is the catch-up.
    void catchUp(const ConversationKey &key, qint64 knownNewestId, CatchUpDone done);

    /// The messages of a REST page (a JSON array); `count` is the array's length, bad items
    /// included (they are logged and skipped).
    static std::vector<Payload::Message> readMessages(const QVariant &body, int *count);

private:
    struct CatchUp;
    void continueCatchUp(std::shared_ptr<CatchUp> run, const QString &beforeId);
    void continueForward(std::shared_ptr<CatchUp> run, const QString &afterId);

    PageFetcher m_fetch;
    bool m_available = true;
    bool m_forward = false;
};
