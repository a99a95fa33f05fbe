#pragma once

#include "conversationkey.h"
#include "outboxrequest.h"
#include "socketio/jsonvalue.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <vector>

/// Our own messages on their way to the server, in send order, until the server has them.
///
/// An entry is sent only while online (setOnline(true)), through the injected Sender, with its
/// clientId; every (re)connect sends again each entry that is neither Failed nor in flight, with
/// the same clientId, so the server keeps it once. An entry is confirmed by whichever comes first:
/// the ack, its own echo (noteEcho: by clientId, or for servers that do not echo it, the oldest
/// unconfirmed entry to the same conversation with the same text), or a REST page that carries
/// its clientId (noteStored). It fails only on an explicit refusal; a timeout or a dropped
/// connection leaves it pending, because a seed backend never acks at all.
///
/// It knows no event names: the Sender turns an entry into an emit (ConversationManager does).
///
/// With a Keeper (the offline store), an entry is kept on disk before it is first sent: after a
/// quit or a crash, restore() brings it back with the same clientId, and the server keeps it once.
///
/// A message with attachments is not transmitted until every file has its id: when it would be
/// sent, the injected Uploader uploads the missing files one after the other (starting only
/// while online), attachmentUploaded() reports each id as it arrives (the store keeps it, so a
/// restart does not upload that file again), uploadProgress() reports the bytes over all of the
/// message's files, and then the message is sent with the ids. A refusal (too large, not allowed)
/// or a vanished local file fails the entry; a network error leaves it pending, uploaded again
/// on the next connect. Discarding the entry aborts its upload.
///
///   state        how it gets there                         signal
///   queued       enqueue(), retry()                        added (enqueue only)
///   uploading    online, a file without id                 uploadProgress, attachmentUploaded
///   in flight    online and sent                           -
///   queued       ack Timeout/Disconnected, setOnline(false) -
///   confirmed    ack ok, noteEcho(), noteStored()          confirmed (then gone)
///   failed       ack refused, local send error             failed
///   gone         discard()                                 discarded
class Outbox : public QObject
{
    Q_OBJECT

public:
    using Action = OutboxRequest::Action;

    /// A request on its way: what is kept on disk, and where its transmission stands.
    struct Entry : OutboxRequest
    {
        /// Sent and waiting for the answer, or uploading a file.
        bool inFlight = false;
        /// A file of it is being uploaded (inFlight too).
        bool uploading = false;
        /// Bytes of the file being uploaded that went out so far.
        qint64 uploadSent = 0;
        bool failed = false;
        /// Kept by the Keeper (or there is none): it may be sent.
        bool kept = true;
        quint64 attempt = 0;
    };

    /// What became of one transmission.
    struct SendResult
    {
        enum class Outcome
        {
            /// The server stored it: id and createdAtMs are set.
            Accepted,
            /// The server said no (error is its reason): the entry fails.
            Refused,
            /// No answer in time, or the link dropped: still pending, sent again on reconnect.
            NoAnswer,
            /// An answer without ok (an unknown server): wait for the echo.
            Unrecognised,
            /// Could not be sent at all (e.g. too large): the entry fails.
            LocalError,
        };
        Outcome outcome = Outcome::NoAnswer;
        QString id;
        qint64 createdAtMs = 0;
        QString error;
        /// The ack's object, for actions whose answer carries the new state.
        SocketIo::JsonValue reply;
    };
    using Done = std::function<void(const SendResult &result)>;
    using Sender = std::function<void(const Entry &entry, Done done)>;
    using ClientIdFactory = std::function<QString()>;
    /// Keeps a new entry somewhere safe and calls `kept` once it is.
    using Keeper = std::function<void(const Entry &entry, std::function<void()> kept)>;

    /// What became of one file's upload.
    struct UploadResult
    {
        enum class Outcome
        {
            /// The server has the file: `uploaded` holds its id, name, type and image size.
            Uploaded,
            /// The server said no (too large, not allowed...): the entry fails with `error`.
            Refused,
            /// The local file is gone or unreadable: the entry fails with `error`.
            LocalError,
            /// No answer (the network): still pending, uploaded again on the next connect.
            NoAnswer,
            /// Aborted here (the entry was discarded).
            Cancelled,
        };
        Outcome outcome = Outcome::NoAnswer;
        OutboxAttachment uploaded;
        QString error;
    };
    using UploadDone = std::function<void(const UploadResult &result)>;
    using UploadProgress = std::function<void(qint64 sent, qint64 total)>;
    /// Stops a running upload (its done may follow with Cancelled, or not at all).
    using UploadAbort = std::function<void()>;
    /// Starts uploading one file; `done` may be called at once (a file that is gone).
    using Uploader = std::function<UploadAbort(
        const OutboxAttachment &attachment, UploadProgress progress, UploadDone done)>;

    explicit Outbox(Sender sender, QObject *parent = nullptr);

    /// Entries enqueued from now on wait for the keeper before they are sent; none: sent at once.
    void setKeeper(Keeper keeper) { m_keep = std::move(keeper); }
    /// Uploads the files of messages with attachments; without one such a message fails.
    void setUploader(Uploader uploader) { m_upload = std::move(uploader); }
    /// An entry kept by an earlier run, sent again with its clientId (emits added).
    void restore(const Entry &entry);

    /// Tests make clientIds predictable; the default is a random UUID.
    void setClientIdFactory(ClientIdFactory factory) { m_newClientId = std::move(factory); }

    /// Queues a message and sends it when online. Returns its clientId.
    QString enqueue(const ConversationKey &target, const QString &text, qint64 nowMs);
    /// Queues any entry (a reply, an edit, a reaction...); its clientId is made here.
    QString enqueue(Entry entry);
    /// While online, entries are transmitted; going online sends every waiting entry in order.
    void setOnline(bool online);
    bool isOnline() const { return m_online; }

    /// An own message the server relayed (message:received / dm:received). Returns the clientId
    /// of the entry it confirmed, or an empty string.
    QString noteEcho(const ConversationKey &target, const QString &clientId, const QString &text,
        const QString &id, qint64 createdAtMs);
    /// An own message seen in a REST page: confirms the entry with that clientId, if any.
    bool noteStored(const QString &clientId, const QString &id, qint64 createdAtMs);

    /// Sends a Failed entry again, with the same clientId.
    bool retry(const QString &clientId);
    /// Drops an entry (Failed or Pending) for good, aborting its upload.
    bool discard(const QString &clientId);
    /// Forgets everything (another user signed in).
    void clear();

    const Entry *find(const QString &clientId) const;
    const std::vector<Entry> &entries() const { return m_entries; }
    /// Pending and Failed entries.
    int size() const { return int(m_entries.size()); }
    /// Pending messages (Send entries) only.
    int pendingCount() const;

Q_SIGNALS:
    void added(const Outbox::Entry &entry);
    /// Gone from the outbox: the server has it as `id`. `fromAck` when no echo carried it, so the
    /// conversation must add the server's copy itself.
    void confirmed(const Outbox::Entry &entry, const QString &id, qint64 createdAtMs, bool fromAck);
    /// An action (not Send) was accepted; `reply` is the ack's object. confirmed() follows.
    void actionAccepted(const Outbox::Entry &entry, const SocketIo::JsonValue &reply);
    void failed(const Outbox::Entry &entry, const QString &error);
    void retried(const Outbox::Entry &entry);
    /// How far the upload of the entry's files is: 0..1 over all of their bytes, -1 when no
    /// upload runs (not started, done, or stopped by an error).
    void uploadProgress(const Outbox::Entry &entry, double progress);
    /// A file of the entry was uploaded: its attachment has the file id now (keep it).
    void attachmentUploaded(const Outbox::Entry &entry);
    void discarded(const Outbox::Entry &entry);
    void sizeChanged();

private:
    Entry *findEntry(const QString &clientId);
    void transmit(Entry &entry);
    void uploadNext(Entry &entry);
    void onUploadProgress(const QString &clientId, quint64 attempt, qint64 sent);
    void onUploaded(
        const QString &clientId, quint64 attempt, qsizetype index, const UploadResult &result);
    static double progressOf(const Entry &entry);
    void onResult(const QString &clientId, quint64 attempt, const SendResult &result);
    void confirm(const QString &clientId, const QString &id, qint64 createdAtMs, bool fromAck);
    void fail(const QString &clientId, const QString &error);

    void onKept(const QString &clientId);

    Sender m_send;
    Keeper m_keep;
    Uploader m_upload;
    /// The running uploads, by clientId.
    QHash<QString, UploadAbort> m_aborts;
    ClientIdFactory m_newClientId;
    std::vector<Entry> m_entries;
    bool m_online = false;
};
