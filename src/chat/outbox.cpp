#include "outbox.h"

#include "logging.h"

#include <QPointer>
#include <QUuid>

#include <algorithm>

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
        // Acks of what was in flight will not come (the socket fails them as Disconnected).
        for (Entry &entry : m_entries)
            entry.inFlight = false;
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

QString Outbox::noteEcho(const ConversationKey &target, const QString &clientId,
    const QString &text, const QString &id, qint64 createdAtMs)
{
    const Entry *entry = nullptr;
    if (!clientId.isEmpty()) {
        entry = find(clientId);
    } else {
        const auto it = std::find_if(m_entries.begin(), m_entries.end(), [&](const Entry &e) {
            return e.action == Action::Send && !e.failed && e.target == target && e.text == text;
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
    Q_EMIT discarded(entry);
    Q_EMIT sizeChanged();
    return true;
}

void Outbox::clear()
{
    if (m_entries.empty())
        return;
    m_entries.clear();
    Q_EMIT sizeChanged();
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
