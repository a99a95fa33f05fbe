#pragma once

#include "../conversationkey.h"
#include "../messagedetails.h"
#include "../outboxrequest.h"
#include "storethread.h"

#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <vector>

/// The offline store of one account on one server: a SQLite file (mode 0600, WAL) holding the
/// conversations with their read state and drafts, the people, the messages with a full-text
/// index, and the outbox.
///
/// Reads are synchronous on the calling (GUI) thread's own connection: they are small and
/// indexed (a conversation list, one page of messages). Writes are queued to a writer thread
/// that commits everything waiting in one transaction, so the GUI thread never waits for the
/// disk; a write that others depend on (an outbox entry, which must be on disk before it is
/// sent) reports back when committed. Searches run on a third thread.
///
/// When the file cannot be opened or written (corrupt, disk full, no permission), the store
/// turns Unavailable with an errorString and every call does nothing: the app runs without it.
class MessageStore : public QObject
{
    Q_OBJECT

public:
    enum class Status
    {
        Closed,
        Open,
        Unavailable
    };
    Q_ENUM(Status)

    struct ConversationRow
    {
        ConversationKey key;
        QString name;
        QString description;
        QString avatar;
        int memberCount = 0;
        bool member = false;
        bool listed = true;
        int unreadCount = 0;
        QString lastReadId;
        QString lastMessageText;
        qint64 lastActivityMs = 0;
        QString draft;
        /// The room's pinned message ids, in pin order.
        QStringList pins;
        int mentionCount = 0;
        bool muted = false;
        /// The files attached in the composer (not uploaded: local paths).
        QList<OutboxAttachment> draftAttachments;
    };
    struct PersonRow
    {
        QString id;
        QString name;
        QString role;
        QString avatar;
    };
    struct MessageRow
    {
        /// The server id (numeric; other ids are not stored).
        qint64 id = 0;
        QString senderId;
        qint64 createdAtMs = 0;
        QString text;
        QString clientId;
        /// MessageDetails::toJson(); empty when the message has none.
        QByteArray details;
    };
    struct Page
    {
        /// Newest first.
        std::vector<MessageRow> messages;
        /// The page ends where messages may be missing (the server has to be asked).
        bool reachedGap = false;
        /// The oldest message of the conversation is in the page (or there are none).
        bool reachedBeginning = false;
    };
    /// An outbox entry as kept: its request, and whether (and why) the server refused it.
    struct OutboxRow : OutboxRequest
    {
        bool failed = false;
        QString error;
    };
    struct SearchHit
    {
        ConversationKey key;
        qint64 id = 0;
        QString senderId;
        QString senderName;
        qint64 createdAtMs = 0;
        QString text;
        /// The text around the first match as StyledText (escaped, matches in <b>).
        QString excerpt;
    };
    struct SearchFilter
    {
        /// Only this conversation (invalid: all).
        ConversationKey key;
        /// Only messages older than this id (0: all).
        qint64 beforeId = 0;
        int limit = 50;
    };

    explicit MessageStore(QObject *parent = nullptr);
    ~MessageStore() override;

    /// Where the store of `userId` on `server` lives under `directory` (one file per server and
    /// user); `directory` empty: QStandardPaths::AppDataLocation + "/stores".
    static QString fileFor(
        const QUrl &server, const QString &userId, const QString &directory = {});
    /// Deletes a store file with its WAL and shared-memory files. True when none is left.
    static bool removeFiles(const QString &path);

    /// Opens (creating, migrating) the file. False with errorString() when it cannot be used.
    bool open(const QString &path);
    /// Waits for pending writes, then closes.
    void close();
    Status status() const { return m_status; }
    bool isOpen() const { return m_status == Status::Open; }
    QString path() const { return m_path; }
    QString errorString() const { return m_error; }

    // --- reads (synchronous) ---
    std::vector<ConversationRow> conversations();
    std::vector<PersonRow> people();
    std::vector<OutboxRow> outbox();
    /// Up to `limit` messages older than `beforeId` (0: the newest), newest first. With
    /// `stopAtGaps` the page ends at the first message below which messages may be missing.
    Page olderMessages(const ConversationKey &key, qint64 beforeId, int limit, bool stopAtGaps);
    /// The newest stored message id of the conversation; 0 when none.
    qint64 newestId(const ConversationKey &key);
    qint64 messageCount();

    // --- writes (queued; committed in batches on the writer thread) ---
    void saveConversation(const ConversationRow &conversation);
    void savePeople(const std::vector<PersonRow> &people);
    /// A contiguous run of messages, newest first: each message's older neighbour on the server
    /// is the next one in the list. `oldestHasGapBelow`: messages older than the last one may be
    /// missing. `directlyAboveId`: a stored message whose older neighbour is the first one here
    /// (the page was fetched before it), so the gap below it is closed.
    void saveMessages(const ConversationKey &key, std::vector<MessageRow> messages,
        bool oldestHasGapBelow, qint64 directlyAboveId = 0);
    /// Everything newer than `knownId` is stored now (a catch-up ended): no gaps above it.
    void closeGapsAbove(const ConversationKey &key, qint64 knownId);
    /// Calls `stored` (on this object's thread) once the entry is on disk, even when the store
    /// cannot write: a message is never held back by a broken store.
    void saveOutboxEntry(const OutboxRow &entry, std::function<void()> stored);
    void removeOutboxEntry(const QString &clientId);
    void setOutboxFailed(const QString &clientId, bool failed, const QString &error);
    /// The entry's attachments changed (a file was uploaded: its id is kept).
    void setOutboxAttachments(const QString &clientId, const QList<OutboxAttachment> &attachments);
    /// Changes a stored message in place (an edit, a deletion, reactions, a thread's summary):
    /// `change` runs on the writer thread with the row's text and details and must only touch
    /// them. Nothing happens when the message is not stored.
    using MessageChange = std::function<void(QString &text, MessageDetails &details)>;
    void changeMessage(const ConversationKey &key, qint64 id, MessageChange change);
    /// Quotes of `quotedId` in stored replies follow its edit (`text`: its whole new text, quoted
    /// here by MessageDetails::quoteOf) or deletion.
    void changeQuotes(
        const ConversationKey &key, qint64 quotedId, const QString &text, bool deleted);
    /// Keeps at most `limit` messages per conversation, deleting the oldest (0: keep all).
    void setMessageLimit(int limit);
    int messageLimit() const { return m_messageLimit; }
    /// Blocks until every queued write is committed (quitting, tests).
    void flush();

    // --- search (asynchronous) ---
    /// Full-text search: every word of `text` as a prefix, case and accents ignored; the best
    /// (bm25) among the newest 1,000 matches first. `done` gets the hits on this object's thread.
    /// A query without any word finds nothing.
    void search(const QString &text, const SearchFilter &filter,
        std::function<void(std::vector<SearchHit> hits)> done);
    /// The same, synchronously on the calling thread (the CLI).
    std::vector<SearchHit> searchNow(const QString &text, const SearchFilter &filter);

Q_SIGNALS:
    /// Opened, closed, or unavailable (errorString() says why; also when only the reason changed).
    void statusChanged();

private:
    struct MessageBatch
    {
        ConversationKey key;
        std::vector<MessageRow> messages;
        bool oldestHasGapBelow = false;
        qint64 directlyAboveId = 0;
    };
    void fail(const QString &error);
    void scheduleHandOver();
    void handOver();
    void queueMessageBatches();
    static void writeMessages(
        QSqlDatabase &db, const std::vector<MessageBatch> &batches, int limit);
    void post(std::function<void(QSqlDatabase &db)> job, std::function<void()> afterCommit = {});
    static std::vector<SearchHit> runSearch(
        QSqlDatabase &db, const QString &text, const SearchFilter &filter);
    static constexpr int kRankedMatches = 1000;

    Status m_status = Status::Closed;
    QString m_path;
    QString m_error;
    QString m_connectionName;
    std::unique_ptr<StoreThread> m_writer;
    std::unique_ptr<StoreThread> m_searcher;
    int m_messageLimit = 0;
    std::vector<StoreThread::Entry> m_queued;
    std::vector<MessageBatch> m_messageBatches;
    bool m_handOverScheduled = false;
};
