#pragma once

#include "chatmessage.h"
#include "numericidset.h"
#include "senderdirectory.h"

#include <QAbstractListModel>
#include <QHash>
#include <QQmlEngine>
#include <QSet>

#include <deque>
#include <functional>
#include <memory>
#include <vector>

/// The messages of one room or one direct conversation, newest first (row 0 is the newest, for a
/// ListView with verticalLayoutDirection: ListView.BottomToTop).
///
/// Rows are two sections: our own messages that the server has not confirmed yet (Pending or
/// Failed) on top, then confirmed messages in server order. Live messages are queued and inserted
/// in one batch per event-loop pass (one beginInsertRows per batch); history pages arrive through
/// canFetchMore()/fetchMore() and are inserted below in one batch each. Duplicates (by server id
/// and by clientId) are dropped, so merging a REST page over live events is safe.
class MessageListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Get one from a Conversation's messages")

    /// The room id, or the other user's id for a direct conversation.
    Q_PROPERTY(QString conversationId READ conversationId CONSTANT)
    Q_PROPERTY(bool isDirect READ isDirect CONSTANT)
    /// A history page is being fetched.
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    /// The oldest message has been reached (or the server has no history API).
    Q_PROPERTY(bool historyComplete READ historyComplete NOTIFY historyCompleteChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role
    {
        /// QString: the server's message id; empty while Pending and for joined/left notices.
        IdRole = Qt::UserRole + 1,
        /// QString: our idempotency key, set on messages this user sent from this client.
        ClientIdRole,
        /// QString: the sender's user id.
        SenderIdRole,
        /// QString: "First Last" of the sender.
        SenderNameRole,
        /// QString: the sender's avatar URL, may be empty.
        SenderAvatarRole,
        /// QString: the message text (plain text: render with Text.PlainText); for notices the
        /// sentence "<name> joined" / "<name> left".
        TextRole,
        /// QDateTime: when the server stored it (local time of sending while Pending).
        CreatedAtRole,
        /// bool: sent by the signed-in user.
        IsMineRole,
        /// DeliveryState: Pending, Sent or Failed.
        DeliveryStateRole,
        /// bool: first message of a run from one sender within 5 minutes: show name and avatar.
        ShowSenderRole,
        /// bool: first message of its (local) day: show a day separator above it.
        ShowDateRole,
        /// Kind: Message, JoinedNotice or LeftNotice.
        KindRole,
        /// QString: why a Failed message was refused; empty otherwise.
        ErrorStringRole,
        /// bool: the first message the user has not read: a "New messages" line goes above it.
        ShowReadMarkerRole,
        /// QString: the text as sent, with mention tokens (what an edit starts from); TextRole
        /// shows mentions as names and a deleted message as a placeholder sentence.
        SourceTextRole,
        /// bool: edited since it was sent ("edited" next to the time).
        IsEditedRole,
        /// QDateTime: the last edit; invalid when never edited.
        EditedAtRole,
        /// bool: deleted: only a placeholder remains.
        IsDeletedRole,
        /// QString: the id of the message this one replies to; empty when it is no reply.
        ReplyToIdRole,
        /// QString: who wrote the message replied to.
        ReplyToSenderNameRole,
        /// QString: the start of the message replied to (mentions as names); a placeholder
        /// sentence when it was deleted.
        ReplyToTextRole,
        /// QString: on a reply inside a thread, the thread's root id; empty otherwise.
        ThreadIdRole,
        /// int: on a thread's root, the number of replies in the thread (0: no thread yet).
        ThreadReplyCountRole,
        /// QDateTime: on a thread's root, the time of the newest reply.
        ThreadLastReplyAtRole,
        /// bool: on a thread's root, the question is marked resolved.
        ThreadResolvedRole,
        /// QVariantList of {emoji: string, count: int, mine: bool, names: string ("Ada, Alan")},
        /// in the order the emoji were first used.
        ReactionsRole,
        /// bool: the text mentions the signed-in user.
        MentionsMeRole,
        /// bool: pinned in its room.
        IsPinnedRole,
        /// bool: an edit, delete, reaction or pin of this message waits for the server.
        ChangePendingRole,
        /// QVariantList of {id, name, size, sizeText ("2.4 MB"), mimeType, width, height,
        /// isImage, localPath}, in the order sent; empty for a message without files. On our own
        /// pending message `localPath` is the file on this computer (show it from there) and `id`
        /// is empty until that file is uploaded.
        AttachmentsRole,
        /// real: how far the upload of a pending message's files is, 0..1 over all of their
        /// bytes; -1 when nothing uploads.
        UploadProgressRole,
    };
    Q_ENUM(Role)

    enum DeliveryState
    {
        Pending,
        Sent,
        Failed
    };
    Q_ENUM(DeliveryState)
    enum Kind
    {
        Message,
        JoinedNotice,
        LeftNotice
    };
    Q_ENUM(Kind)

    struct HistoryPage
    {
        bool ok = true;
        /// No older messages exist (a short page, or no history API).
        bool complete = false;
        /// Newest first, as the REST API returns them.
        std::vector<ChatMessage> messages;
    };
    using HistoryLoader = std::function<void(
        const QString &beforeId, int limit, std::function<void(HistoryPage page)> done)>;
    static constexpr int kPageSize = 50;
    /// Two messages from one sender further apart than this start a new run (ShowSenderRole).
    static constexpr qint64 kRunGapMs = 5 * 60 * 1000;

    MessageListModel(const QString &conversationId, bool isDirect,
        std::shared_ptr<SenderDirectory> senders, QObject *parent = nullptr);
    ~MessageListModel() override;

    QString conversationId() const { return m_conversationId; }
    bool isDirect() const { return m_isDirect; }
    bool isLoading() const { return m_loading; }
    bool historyComplete() const { return m_historyComplete; }
    int count() const { return rowCount(); }

    void setSelfId(const QString &id);
    void setHistoryLoader(HistoryLoader loader) { m_loader = std::move(loader); }
    /// No history API (seed-style server): canFetchMore() turns false for good.
    void setHistoryUnavailable();
    /// Drops the confirmed rows (pending ones stay) so history loads again from the newest: for
    /// when messages turned out to be missing between the rows shown and newer ones.
    void reload();

    /// Shows our own message as Pending on top until the server confirms it; `localPaths` are
    /// the files of its attachments on this computer, in the same order.
    void addPending(ChatMessage message, const QStringList &localPaths = {});
    /// The upload of a pending message's files (0..1; -1: nothing uploads).
    void setUploadProgress(const QString &clientId, double progress);
    /// Queues a live or fetched message; inserted with the others at the next flush(), which is
    /// scheduled on the event loop. A message carrying the clientId of a pending row replaces it.
    void enqueue(ChatMessage message);
    /// Inserts what enqueue() queued now, in one batch.
    void flush();
    void markFailed(const QString &clientId, const QString &error);
    void markPending(const QString &clientId);
    bool removePending(const QString &clientId);
    bool hasPending(const QString &clientId) const;

    /// Marks where reading stopped: the message after `lastReadId` gets ShowReadMarkerRole
    /// (numeric ids only); empty removes the line.
    void setReadMarker(const QString &lastReadId);
    /// The newest confirmed message id, for "what did I miss" queries; empty when none.
    QString newestId() const;
    /// The oldest confirmed message id, the `before` of the next history page.
    QString oldestId() const;
    int pendingCount() const { return int(m_pending.size()); }
    /// The row of the confirmed message with this server id; -1 when it is not loaded.
    Q_INVOKABLE int rowOfId(const QString &id) const;
    /// The row of the confirmed message with this numeric id (a binary search); -1 when absent.
    int rowOfNumericId(qint64 id) const;
    /// A copy: rows are stored compactly (StoredMessage), not as ChatMessage.
    ChatMessage messageAt(int row) const;
    /// The newest own message that is not deleted (for "Up edits your last message"); -1 when
    /// none is loaded.
    Q_INVOKABLE int lastOwnMessageRow() const;

    // --- changes to loaded messages, in place (one dataChanged each; messageupdates.cpp) ---
    /// An edit: new text, when, and the mentions the server found in it (null: the row keeps
    /// its mentions, for an edit the server has not acknowledged yet).
    void applyEdit(qint64 id, const QString &text, qint64 editedAtMs, const QStringList *mentions);
    void applyDelete(qint64 id);
    void setReactions(qint64 id, const QList<MessageDetails::Reaction> &reactions);
    /// The server's current copy of a loaded message (a page fetched again): text and details
    /// replace the row's when they differ. True when the row changed.
    bool refresh(qint64 id, const QString &text, const MessageDetails &details);
    void setThread(qint64 rootId, const MessageDetails::Thread &thread);
    /// Quotes of this message in replies follow its edit or deletion.
    void updateQuotes(qint64 quotedId, const QString &text, bool deleted);
    /// The room's pinned messages (ids); rows that change state get a dataChanged.
    void setPinnedIds(const QStringList &ids);
    bool isPinned(qint64 id) const { return m_pinned.contains(id); }
    /// The signed-in user gave this reaction to the confirmed message `id` (false when the
    /// message is not loaded).
    bool hasOwnReaction(qint64 id, const QString &emoji) const;
    /// A change of this message waits for the server (count of such changes).
    void setChangePending(qint64 id, bool pending);

    /// Sends a Failed message again with the same clientId (handled by ConversationManager).
    Q_INVOKABLE void retry(const QString &clientId);
    /// Drops a Failed (or Pending) message for good.
    Q_INVOKABLE void discard(const QString &clientId);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void loadingChanged();
    void historyCompleteChanged();
    void countChanged();
    void retryRequested(const QString &clientId);
    void discardRequested(const QString &clientId);
    /// A history page was inserted (count may be 0).
    void historyPageLoaded(int count);

private:
    const StoredMessage &storedAt(int row) const;
    int pendingIndex(const QString &clientId) const;
    bool isKnown(qint64 numericId, const QString &textId, const QString &clientId) const;
    bool isKnown(const StoredMessage &message) const;
    bool isKnownNumericId(qint64 id) const;
    /// The index in m_messages of this id; -1 when absent.
    qsizetype indexOfNumericId(qint64 id) const;
    void remember(const StoredMessage &message);
    /// After rows [first, last) of the store were inserted: still in id order? Ends the batch.
    void checkIdOrder(size_t first, size_t last);
    /// Inserts one message at its place by id among the confirmed ones (rare: gaps, merges).
    void insertSorted(StoredMessage &&message);
    void insertHistory(std::vector<ChatMessage> &&page);
    void notifyNeighbourChanged(int row);
    bool showSender(int row) const;
    bool showDate(int row) const;
    bool showReadMarker(int row) const;
    /// The row and the stored message with this id, also while it waits in m_incoming; calls
    /// `change` and emits dataChanged for `roles` when it is shown. False when not loaded.
    bool changeMessage(qint64 id, const QList<int> &roles,
        const std::function<void(StoredMessage &message)> &change);
    /// Mentions as "@Name", for display.
    QString displayText(const QString &text, const MessageDetails *details) const;
    QVariantList reactionList(const MessageDetails &details) const;
    QVariantList attachmentList(const StoredMessage &message) const;
    double uploadProgressOf(const StoredMessage &message) const;

    QString m_conversationId;
    bool m_isDirect;
    std::shared_ptr<SenderDirectory> m_senders;
    // The texts of every StoredMessage below; declared first so it outlives them.
    TextPool m_texts;
    quint32 m_selfIndex = 0;
    bool m_hasSelf = false;
    // Oldest first; row r of the confirmed section is m_messages[size - 1 - r]. A deque, not a
    // vector: it grows by small blocks (no spare capacity of up to a half, no copy of the whole
    // room when it grows) and a history page goes in at the front without moving the rest.
    std::deque<StoredMessage> m_messages;
    // In send order; row r of the pending section is m_pending[size - 1 - r].
    std::vector<StoredMessage> m_pending;
    // Already compact: a room's backlog can be thousands of events before the flush, and the
    // payload's UTF-16 copy is freed at once instead of all together after the batch.
    std::vector<StoredMessage> m_incoming;
    // Numeric ids grow with the store's order on every server we know, so a duplicate check is a
    // binary search over the store itself, plus the ids of the batch being inserted; a set of
    // every id (8+ bytes a message) is only built for a server whose ids do not follow its order.
    bool m_storeInIdOrder = true;
    QSet<qint64> m_batchIds;
    NumericIdSet m_numericIds;
    QSet<QString> m_textIds;
    QSet<QString> m_confirmedClientIds;
    QHash<QString, QString> m_errors;
    /// Pending messages with files: where the files are here, and how far their upload is.
    struct PendingFiles
    {
        QStringList localPaths;
        double progress = -1;
    };
    QHash<QString, PendingFiles> m_pendingFiles;
    qint64 m_newestNumericId = 0;
    qint64 m_readMarker = 0;
    QSet<qint64> m_pinned;
    /// Quoted message id → the ids of the confirmed replies quoting it (an edit finds its quotes).
    QMultiHash<qint64, qint64> m_quotedBy;
    QHash<qint64, int> m_changesPending;
    bool m_flushScheduled = false;
    HistoryLoader m_loader;
    bool m_loading = false;
    bool m_historyComplete = false;
};
