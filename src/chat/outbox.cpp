#include "outbox.h"

#include "logging.h"

#include <QPointer>
#include <QUuid>

#include <algorithm>
#include <memory>
#include <utility>

Outbox::Outbox(Sender sender, QObject *parent)
    : QObject(parent)
    , m_send(std::move(sender))
    , m_newClientId([] { return QUuid::createUuid().toString(QUuid::WithoutBraces); })
{ }

QString Outbox::enqueue(const ConversationKey &target, const QString &text, qint64 nowMs)
{
    Entry entry;
    entry.target = target;
    entry.text = text;
    entry.createdAtMs = nowMs;
    return enqueue(std::move(entry));
}

QString Outbox::enqueue(Entry entry)
{
    entry.clientId = m_newClientId();
    entry.inFlight = false;
    entry.uploading = false;
    entry.uploadSent = 0;
    entry.failed = false;
    entry.attempt = 0;
    entry.kept = !m_keep;
    m_entries.push_back(entry);
    Q_EMIT added(entry);
    Q_EMIT sizeChanged();
    if (m_keep) {
        QPointer<Outbox> guard(this);
        m_keep(entry, [guard, clientId = entry.clientId] {
            if (guard)
                guard->onKept(clientId);
        });
    } else {
        onKept(entry.clientId);
    }
    return entry.clientId;
}

void Outbox::restore(const Entry &restored)
{
    if (restored.clientId.isEmpty() || find(restored.clientId))
        return;
    Entry entry = restored;
    entry.inFlight = false;
    entry.uploading = false;
    entry.uploadSent = 0;
    entry.kept = true;
    entry.attempt = 0;
    m_entries.push_back(entry);
    Q_EMIT added(entry);
    Q_EMIT sizeChanged();
    if (m_online && !entry.failed)
        transmit(*findEntry(entry.clientId));
}

void Outbox::onKept(const QString &clientId)
{
    Entry *entry = findEntry(clientId);
    if (!entry)
        return; // discarded meanwhile
    entry->kept = true;
    if (m_online && !entry->failed && !entry->inFlight)
        transmit(*entry);
    else if (!m_online)
        qCDebug(lcChat) << "offline: message" << clientId << "kept pending";
}

void Outbox::setOnline(bool online)
{
    m_online = online;
    if (!online) {
        // Acks of what was in flight will not come (the socket fails them as Disconnected). An
        // upload goes on: it does not need the socket, and its message waits for the next
        // connect.
        for (Entry &entry : m_entries) {
            if (!entry.uploading)
                entry.inFlight = false;
        }
        return;
    }
    // By clientId: a Sender may answer synchronously and change the list.
    QStringList waiting;
    for (const Entry &entry : m_entries) {
        if (!entry.failed && !entry.inFlight && entry.kept)
            waiting.append(entry.clientId);
    }
    for (const QString &clientId : std::as_const(waiting)) {
        if (Entry *entry = findEntry(clientId); entry && m_online && !entry->inFlight)
            transmit(*entry);
    }
}

void Outbox::transmit(Entry &entry)
{
    if (!entry.attachmentsUploaded()) {
        uploadNext(entry);
        return;
    }
    entry.inFlight = true;
    const quint64 attempt = ++entry.attempt;
    const QString clientId = entry.clientId;
    QPointer<Outbox> guard(this);
    m_send(entry, [guard, clientId, attempt](const SendResult &result) {
        if (guard)
            guard->onResult(clientId, attempt, result);
    });
}

void Outbox::onResult(const QString &clientId, quint64 attempt, const SendResult &result)
{
    Entry *entry = findEntry(clientId);
    if (!entry)
        return; // confirmed by its echo already, or discarded
    if (entry->attempt == attempt)
        entry->inFlight = false;
    switch (result.outcome) {
    case SendResult::Outcome::Accepted:
        if (entry->action != Action::Send)
            Q_EMIT actionAccepted(*entry, result.reply);
        confirm(clientId, result.id, result.createdAtMs, true);
        return;
    case SendResult::Outcome::Refused:
    case SendResult::Outcome::LocalError:
        fail(clientId,
            result.error.isEmpty() ? tr("The server refused the message.") : result.error);
        return;
    case SendResult::Outcome::Unrecognised:
        qCWarning(lcChat) << "unexpected ack for" << clientId << "- waiting for the echo";
        return;
    case SendResult::Outcome::NoAnswer:
        // Not refused: it stays pending and goes again (same clientId) after a reconnect. A
        // seed backend never acks and confirms by its echo instead.
        qCDebug(lcChat) << "no ack for" << clientId;
        return;
    }
}

void Outbox::uploadNext(Entry &entry)
{
    const auto missing = std::find_if(entry.attachments.cbegin(), entry.attachments.cend(),
        [](const OutboxAttachment &attachment) { return !attachment.isUploaded(); });
    const qsizetype index = missing - entry.attachments.cbegin();
    const QString clientId = entry.clientId;
    if (!m_upload) {
        fail(clientId, tr("Files cannot be sent from here."));
        return;
    }
    entry.inFlight = true;
    entry.uploading = true;
    entry.uploadSent = 0;
    const quint64 attempt = ++entry.attempt;
    Q_EMIT uploadProgress(entry, progressOf(entry));
    // The uploader may answer at once (a file that is gone): then there is nothing to abort.
    auto answered = std::make_shared<bool>(false);
    QPointer<Outbox> guard(this);
    UploadAbort abort = m_upload(
        entry.attachments.at(index),
        [guard, clientId, attempt](qint64 sent, qint64) {
            if (guard)
                guard->onUploadProgress(clientId, attempt, sent);
        },
        [guard, clientId, attempt, index, answered](const UploadResult &result) {
            *answered = true;
            if (guard)
                guard->onUploaded(clientId, attempt, index, result);
        });
    if (!*answered && abort)
        m_aborts.insert(clientId, std::move(abort));
}

double Outbox::progressOf(const Entry &entry)
{
    qint64 total = 0;
    qint64 done = 0;
    for (const OutboxAttachment &attachment : entry.attachments) {
        total += attachment.size;
        if (attachment.isUploaded())
            done += attachment.size;
    }
    if (total <= 0)
        return 0;
    return std::clamp(double(done + entry.uploadSent) / double(total), 0.0, 1.0);
}

void Outbox::onUploadProgress(const QString &clientId, quint64 attempt, qint64 sent)
{
    Entry *entry = findEntry(clientId);
    if (!entry || entry->attempt != attempt || !entry->uploading)
        return;
    entry->uploadSent = std::max<qint64>(0, sent);
    Q_EMIT uploadProgress(*entry, progressOf(*entry));
}

void Outbox::onUploaded(
    const QString &clientId, quint64 attempt, qsizetype index, const UploadResult &result)
{
    Entry *entry = findEntry(clientId);
    if (!entry || entry->attempt != attempt || !entry->uploading
        || index >= entry->attachments.size())
        return; // discarded, or an answer to an upload given up on
    m_aborts.remove(clientId);
    entry->uploading = false;
    entry->inFlight = false;
    entry->uploadSent = 0;
    using Outcome = UploadResult::Outcome;
    Outcome outcome = result.outcome;
    QString error = result.error;
    if (outcome == Outcome::Uploaded && result.uploaded.fileId.isEmpty()) {
        outcome = Outcome::Refused;
        error = tr("The server did not say where it keeps the file.");
    }
    switch (outcome) {
    case Outcome::Uploaded: {
        OutboxAttachment &attachment = entry->attachments[index];
        attachment.fileId = result.uploaded.fileId;
        if (!result.uploaded.name.isEmpty())
            attachment.name = result.uploaded.name;
        attachment.mimeType = result.uploaded.mimeType;
        attachment.width = result.uploaded.width;
        attachment.height = result.uploaded.height;
        qCDebug(lcChat) << "message" << clientId << "file" << index << "uploaded";
        Q_EMIT attachmentUploaded(*entry);
        entry = findEntry(clientId);
        if (!entry || entry->failed)
            return;
        if (!m_online || !entry->kept || entry->attachmentsUploaded()) {
            // Nothing uploads now; the message goes next (or on the next connect).
            Q_EMIT uploadProgress(*entry, -1);
            entry = findEntry(clientId);
        }
        // The next file, or with all of them uploaded the message itself.
        if (entry && m_online && entry->kept)
            transmit(*entry);
        return;
    }
    case Outcome::Refused:
    case Outcome::LocalError:
        Q_EMIT uploadProgress(*entry, -1);
        fail(clientId, error.isEmpty() ? tr("The server refused the file.") : error);
        return;
    case Outcome::NoAnswer:
        qCDebug(lcChat) << "upload for" << clientId << "got no answer:" << error;
        Q_EMIT uploadProgress(*entry, -1);
        return;
    case Outcome::Cancelled:
        Q_EMIT uploadProgress(*entry, -1);
        return;
    }
}

QString Outbox::noteEcho(const ConversationKey &target, const QString &clientId,
    const QString &text, const QString &id, qint64 createdAtMs)
{
    const Entry *entry = nullptr;
    if (!clientId.isEmpty()) {
        entry = find(clientId);
    } else {
        const auto it = std::find_if(m_entries.begin(), m_entries.end(), [&](const Entry &e) {
            // A message with files has a clientId on every server that takes files.
            return e.action == Action::Send && !e.failed && e.target == target && e.text == text
                && e.attachments.isEmpty();
        });
        entry = it == m_entries.end() ? nullptr : &*it;
    }
    if (!entry || entry->action != Action::Send)
        return {};
    const QString matched = entry->clientId;
    confirm(matched, id, createdAtMs, false);
    return matched;
}

bool Outbox::noteStored(const QString &clientId, const QString &id, qint64 createdAtMs)
{
    const Entry *entry = find(clientId);
    if (clientId.isEmpty() || !entry || entry->action != Action::Send)
        return false;
    confirm(clientId, id, createdAtMs, false);
    return true;
}

void Outbox::confirm(const QString &clientId, const QString &id, qint64 createdAtMs, bool fromAck)
{
    const auto it = std::find_if(m_entries.begin(), m_entries.end(),
        [&clientId](const Entry &entry) { return entry.clientId == clientId; });
    if (it == m_entries.end())
        return;
    const Entry entry = std::move(*it);
    m_entries.erase(it);
    qCDebug(lcChat) << "message" << entry.clientId << "confirmed as" << id;
    Q_EMIT confirmed(entry, id, createdAtMs > 0 ? createdAtMs : entry.createdAtMs, fromAck);
    Q_EMIT sizeChanged();
}

void Outbox::fail(const QString &clientId, const QString &error)
{
    Entry *entry = findEntry(clientId);
    if (!entry)
        return;
    entry->failed = true;
    entry->inFlight = false;
    qCWarning(lcChat) << "message" << clientId << "refused:" << error;
    // A copy: a receiver may discard the entry (a refused change is dropped at once), which
    // would leave a reference into m_entries dangling for the receivers after it.
    const Entry refused = *entry;
    Q_EMIT failed(refused, error);
    Q_EMIT sizeChanged();
}

bool Outbox::retry(const QString &clientId)
{
    Entry *entry = findEntry(clientId);
    if (!entry || !entry->failed)
        return false;
    entry->failed = false;
    Q_EMIT retried(*entry);
    Q_EMIT sizeChanged();
    // retried() may have joined a room; the entry is still where it was.
    entry = findEntry(clientId);
    if (entry && m_online && !entry->inFlight && entry->kept)
        transmit(*entry);
    return true;
}

bool Outbox::discard(const QString &clientId)
{
    const auto it = std::find_if(m_entries.begin(), m_entries.end(),
        [&clientId](const Entry &entry) { return entry.clientId == clientId; });
    if (it == m_entries.end())
        return false;
    const Entry entry = std::move(*it);
    m_entries.erase(it);
    const UploadAbort abort = m_aborts.take(clientId);
    Q_EMIT discarded(entry);
    Q_EMIT sizeChanged();
    // After the entry is gone: a Cancelled answer given at once finds nothing to change.
    if (abort)
        abort();
    return true;
}

void Outbox::clear()
{
    const QHash<QString, UploadAbort> aborts = std::exchange(m_aborts, {});
    if (!m_entries.empty()) {
        m_entries.clear();
        Q_EMIT sizeChanged();
    }
    for (const UploadAbort &abort : aborts)
        abort();
}

const Outbox::Entry *Outbox::find(const QString &clientId) const
{
    const auto it = std::find_if(m_entries.begin(), m_entries.end(),
        [&clientId](const Entry &entry) { return entry.clientId == clientId; });
    return it == m_entries.end() ? nullptr : &*it;
}

Outbox::Entry *Outbox::findEntry(const QString &clientId)
{
    return const_cast<Entry *>(std::as_const(*this).find(clientId));
}

int Outbox::pendingCount() const
{
    return int(std::count_if(m_entries.begin(), m_entries.end(),
        [](const Entry &entry) { return !entry.failed && entry.action == Action::Send; }));
}
