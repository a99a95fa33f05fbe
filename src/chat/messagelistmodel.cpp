#include "messagelistmodel.h"

#include "logging.h"

#include <QDateTime>
#include <QPointer>

#include <algorithm>

MessageListModel::MessageListModel(const QString &conversationId, bool isDirect,
    std::shared_ptr<SenderDirectory> senders, QObject *parent)
    : QAbstractListModel(parent)
    , m_conversationId(conversationId)
    , m_isDirect(isDirect)
    , m_senders(std::move(senders))
{ }

MessageListModel::~MessageListModel() = default;

void MessageListModel::setSelfId(const QString &id)
{
    const bool hasSelf = !id.isEmpty();
    const quint32 index = hasSelf ? m_senders->indexOf(id) : 0;
    if (hasSelf == m_hasSelf && index == m_selfIndex)
        return;
    m_hasSelf = hasSelf;
    m_selfIndex = index;
    if (rowCount() > 0)
        Q_EMIT dataChanged(this->index(0), this->index(rowCount() - 1), { IsMineRole });
}

void MessageListModel::setHistoryUnavailable()
{
    if (m_historyComplete)
        return;
    m_historyComplete = true;
    Q_EMIT historyCompleteChanged();
}

void MessageListModel::reload()
{
    if (!m_messages.empty()) {
        beginRemoveRows({}, int(m_pending.size()), rowCount() - 1);
        m_messages.clear();
        m_numericIds = {};
        m_textIds.clear();
        m_confirmedClientIds.clear();
        m_batchIds.clear();
        m_storeInIdOrder = true;
        m_newestNumericId = 0;
        m_quotedBy.clear();
        endRemoveRows();
        Q_EMIT countChanged();
    }
    if (m_historyComplete && m_loader) {
        m_historyComplete = false;
        Q_EMIT historyCompleteChanged();
    }
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pending.size() + m_messages.size());
}

ChatMessage MessageListModel::messageAt(int row) const
{
    return storedAt(row).toChatMessage();
}

int MessageListModel::rowOfId(const QString &id) const
{
    if (id.isEmpty())
        return -1;
    ChatMessage probe;
    probe.setId(id);
    if (probe.numericId > 0)
        return rowOfNumericId(probe.numericId);
    // Newest first: a search hit is more often recent, and this runs once per opened hit.
    const int pending = int(m_pending.size());
    for (size_t back = 0; back < m_messages.size(); ++back) {
        const StoredMessage &message = m_messages[m_messages.size() - 1 - back];
        if (message.hasId() && message.id() == id)
            return pending + int(back);
    }
    return -1;
}

const StoredMessage &MessageListModel::storedAt(int row) const
{
    const int pending = int(m_pending.size());
    if (row < pending)
        return m_pending[size_t(pending - 1 - row)];
    return m_messages[m_messages.size() - 1 - size_t(row - pending)];
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    return {
        { IdRole, "id" },
        { ClientIdRole, "clientId" },
        { SenderIdRole, "senderId" },
        { SenderNameRole, "senderName" },
        { SenderAvatarRole, "senderAvatar" },
        { TextRole, "text" },
        { CreatedAtRole, "createdAt" },
        { IsMineRole, "isMine" },
        { DeliveryStateRole, "deliveryState" },
        { ShowSenderRole, "showSender" },
        { ShowDateRole, "showDate" },
        { KindRole, "kind" },
        { ErrorStringRole, "errorString" },
        { ShowReadMarkerRole, "showReadMarker" },
        { SourceTextRole, "sourceText" },
        { IsEditedRole, "isEdited" },
        { EditedAtRole, "editedAt" },
        { IsDeletedRole, "isDeleted" },
        { ReplyToIdRole, "replyToId" },
        { ReplyToSenderNameRole, "replyToSenderName" },
        { ReplyToTextRole, "replyToText" },
        { ThreadIdRole, "threadId" },
        { ThreadReplyCountRole, "threadReplyCount" },
        { ThreadLastReplyAtRole, "threadLastReplyAt" },
        { ThreadResolvedRole, "threadResolved" },
        { ReactionsRole, "reactions" },
        { MentionsMeRole, "mentionsMe" },
        { IsPinnedRole, "isPinned" },
        { ChangePendingRole, "changePending" },
        { AttachmentsRole, "attachments" },
        { UploadProgressRole, "uploadProgress" },
    };
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const StoredMessage &message = storedAt(row);
    const SenderDirectory::Sender &sender = m_senders->at(message.sender);
    const MessageDetails *details = message.details();
    const auto *quote = details && details->replyTo ? &*details->replyTo : nullptr;
    const auto *thread = details && details->thread ? &*details->thread : nullptr;
    switch (role) {
    case IdRole:
        return message.id();
    case ClientIdRole:
        return message.clientId();
    case SenderIdRole:
        return sender.id;
    case SenderNameRole:
        return sender.name;
    case SenderAvatarRole:
        return sender.avatar;
    case Qt::DisplayRole:
    case TextRole:
        switch (message.kind) {
        case ChatMessage::Kind::Joined:
            return tr("%1 joined").arg(sender.name);
        case ChatMessage::Kind::Left:
            return tr("%1 left").arg(sender.name);
        case ChatMessage::Kind::Message:
            break;
        }
        if (details && details->deleted)
            return tr("This message was deleted.");
        return displayText(message.text(), details);
    case CreatedAtRole:
        return QDateTime::fromMSecsSinceEpoch(message.createdAtMs);
    case IsMineRole:
        return m_hasSelf && message.sender == m_selfIndex
            && message.kind == ChatMessage::Kind::Message;
    case DeliveryStateRole:
        return QVariant::fromValue(DeliveryState(message.state));
    case ShowSenderRole:
        return showSender(row);
    case ShowDateRole:
        return showDate(row);
    case KindRole:
        return QVariant::fromValue(Kind(message.kind));
    case ErrorStringRole:
        return message.hasClientId() ? m_errors.value(message.clientId()) : QString();
    case ShowReadMarkerRole:
        return showReadMarker(row);
    case SourceTextRole:
        return message.text();
    case IsEditedRole:
        return details && details->editedAtMs > 0 && !details->deleted;
    case EditedAtRole:
        return details && details->editedAtMs > 0
            ? QDateTime::fromMSecsSinceEpoch(details->editedAtMs)
            : QDateTime();
    case IsDeletedRole:
        return details && details->deleted;
    case ReplyToIdRole:
        return quote ? quote->id : QString();
    case ReplyToSenderNameRole:
        if (!quote)
            return QString();
        return quote->senderName.isEmpty() ? m_senders->nameOf(quote->senderId) : quote->senderName;
    case ReplyToTextRole:
        if (!quote)
            return QString();
        return quote->deleted ? tr("This message was deleted.") : displayText(quote->text, nullptr);
    case ThreadIdRole:
        return details ? details->threadId : QString();
    case ThreadReplyCountRole:
        return thread ? thread->replyCount : 0;
    case ThreadLastReplyAtRole:
        return thread && thread->lastReplyAtMs > 0
            ? QDateTime::fromMSecsSinceEpoch(thread->lastReplyAtMs)
            : QDateTime();
    case ThreadResolvedRole:
        return thread && thread->resolved;
    case ReactionsRole:
        return details ? reactionList(*details) : QVariantList();
    case MentionsMeRole:
        return details && m_hasSelf && details->mentions.contains(m_senders->at(m_selfIndex).id);
    case IsPinnedRole:
        return message.numericId > 0 && m_pinned.contains(message.numericId);
    case ChangePendingRole:
        return message.numericId > 0 && m_changesPending.value(message.numericId) > 0;
    case AttachmentsRole:
        return attachmentList(message);
    case UploadProgressRole:
        return uploadProgressOf(message);
    default:
        return {};
    }
}

bool MessageListModel::showDate(int row) const
{
    if (row + 1 >= rowCount())
        return true;
    const QDate day = QDateTime::fromMSecsSinceEpoch(storedAt(row).createdAtMs).date();
    const QDate olderDay = QDateTime::fromMSecsSinceEpoch(storedAt(row + 1).createdAtMs).date();
    return day != olderDay;
}

bool MessageListModel::showReadMarker(int row) const
{
    const StoredMessage &message = storedAt(row);
    if (m_readMarker <= 0 || message.numericId <= m_readMarker
        || message.kind != ChatMessage::Kind::Message
        || (m_hasSelf && message.sender == m_selfIndex))
        return false;
    // The oldest unread one: the next older message (notices have no id) was read.
    for (int older = row + 1; older < rowCount(); ++older) {
        const qint64 id = storedAt(older).numericId;
        if (id > 0)
            return id <= m_readMarker;
    }
    return m_historyComplete;
}

void MessageListModel::setReadMarker(const QString &lastReadId)
{
    const qint64 marker = lastReadId.toLongLong();
    if (marker == m_readMarker)
        return;
    m_readMarker = marker;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), { ShowReadMarkerRole });
}

bool MessageListModel::showSender(int row) const
{
    const StoredMessage &message = storedAt(row);
    if (message.kind != ChatMessage::Kind::Message)
        return false;
    if (row + 1 >= rowCount())
        return true;
    const StoredMessage &older = storedAt(row + 1);
    return older.kind != ChatMessage::Kind::Message || older.sender != message.sender
        || message.createdAtMs - older.createdAtMs > kRunGapMs || showDate(row);
}

void MessageListModel::notifyNeighbourChanged(int row)
{
    if (row >= 0 && row < rowCount())
        Q_EMIT dataChanged(index(row), index(row), { ShowSenderRole, ShowDateRole });
}

int MessageListModel::pendingIndex(const QString &clientId) const
{
    if (clientId.isEmpty())
        return -1;
    for (size_t i = 0; i < m_pending.size(); ++i) {
        if (m_pending[i].hasClientId() && m_pending[i].clientId() == clientId)
            return int(i);
    }
    return -1;
}

bool MessageListModel::hasPending(const QString &clientId) const
{
    return pendingIndex(clientId) >= 0;
}

bool MessageListModel::isKnown(
    qint64 numericId, const QString &textId, const QString &clientId) const
{
    if (numericId > 0 && isKnownNumericId(numericId))
        return true;
    if (!textId.isEmpty() && m_textIds.contains(textId))
        return true;
    return !clientId.isEmpty() && m_confirmedClientIds.contains(clientId);
}

bool MessageListModel::isKnown(const StoredMessage &message) const
{
    return isKnown(message.numericId, message.textId(), message.clientId());
}

bool MessageListModel::isKnownNumericId(qint64 id) const
{
    if (!m_storeInIdOrder)
        return m_numericIds.contains(id);
    return m_batchIds.contains(id) || indexOfNumericId(id) >= 0;
}

qsizetype MessageListModel::indexOfNumericId(qint64 id) const
{
    if (!m_storeInIdOrder) {
        for (size_t i = m_messages.size(); i > 0; --i) {
            if (m_messages[i - 1].numericId == id)
                return qsizetype(i - 1);
        }
        return -1;
    }
    // Binary search over the store; rows without a numeric id (notices, text ids) are skipped
    // towards the newer end.
    size_t low = 0;
    size_t high = m_messages.size();
    while (low < high) {
        const size_t middle = low + (high - low) / 2;
        size_t probe = middle;
        while (probe < high && m_messages[probe].numericId == 0)
            ++probe;
        if (probe == high) {
            high = middle;
            continue;
        }
        const qint64 found = m_messages[probe].numericId;
        if (found == id)
            return qsizetype(probe);
        if (found < id)
            low = probe + 1;
        else
            high = middle;
    }
    return -1;
}

void MessageListModel::remember(const StoredMessage &message)
{
    if (message.numericId > 0) {
        if (m_storeInIdOrder)
            m_batchIds.insert(message.numericId);
        else
            m_numericIds.insert(message.numericId);
        m_newestNumericId = std::max(m_newestNumericId, message.numericId);
    } else if (QString textId = message.textId(); !textId.isEmpty()) {
        m_textIds.insert(std::move(textId));
    }
    if (message.hasClientId())
        m_confirmedClientIds.insert(message.clientId());
    if (const MessageDetails *details = message.details(); details && details->replyTo) {
        if (const qint64 quoted = details->replyTo->id.toLongLong(); quoted > 0)
            m_quotedBy.insert(quoted, message.numericId);
    }
}

void MessageListModel::checkIdOrder(size_t first, size_t last)
{
    m_batchIds.clear();
    if (!m_storeInIdOrder)
        return;
    // The rows just inserted, and their numeric neighbours on both sides.
    qint64 previous = 0;
    for (size_t i = first; i > 0 && previous == 0; --i)
        previous = m_messages[i - 1].numericId;
    for (size_t i = first; i < m_messages.size(); ++i) {
        const qint64 id = m_messages[i].numericId;
        if (id == 0)
            continue;
        if (id < previous) {
            // A server whose ids do not follow its order: fall back to a set of every id.
            qCInfo(lcChat) << "message ids out of order in" << m_conversationId
                           << "- keeping a separate id set";
            m_storeInIdOrder = false;
            for (const StoredMessage &message : m_messages) {
                if (message.numericId > 0)
                    m_numericIds.insert(message.numericId);
            }
            return;
        }
        previous = id;
        if (i >= last)
            break;
    }
}

void MessageListModel::addPending(ChatMessage message, const QStringList &localPaths)
{
    message.state = ChatMessage::State::Pending;
    if (!localPaths.isEmpty() && !message.clientId.isEmpty())
        m_pendingFiles.insert(message.clientId, { localPaths, -1 });
    beginInsertRows({}, 0, 0);
    m_pending.emplace_back(std::move(message), m_texts);
    endInsertRows();
    Q_EMIT countChanged();
}

void MessageListModel::markFailed(const QString &clientId, const QString &error)
{
    const int i = pendingIndex(clientId);
    if (i < 0)
        return;
    m_pending[size_t(i)].state = ChatMessage::State::Failed;
    m_errors.insert(clientId, error);
    const int row = int(m_pending.size()) - 1 - i;
    Q_EMIT dataChanged(index(row), index(row), { DeliveryStateRole, ErrorStringRole });
}

void MessageListModel::markPending(const QString &clientId)
{
    const int i = pendingIndex(clientId);
    if (i < 0)
        return;
    m_pending[size_t(i)].state = ChatMessage::State::Pending;
    m_errors.remove(clientId);
    const int row = int(m_pending.size()) - 1 - i;
    Q_EMIT dataChanged(index(row), index(row), { DeliveryStateRole, ErrorStringRole });
}

bool MessageListModel::removePending(const QString &clientId)
{
    const int i = pendingIndex(clientId);
    if (i < 0)
        return false;
    const int row = int(m_pending.size()) - 1 - i;
    beginRemoveRows({}, row, row);
    m_pending.erase(m_pending.begin() + i);
    m_errors.remove(clientId);
    m_pendingFiles.remove(clientId);
    endRemoveRows();
    // The row above now has a different older neighbour.
    notifyNeighbourChanged(row - 1);
    Q_EMIT countChanged();
    return true;
}

void MessageListModel::retry(const QString &clientId)
{
    if (hasPending(clientId))
        Q_EMIT retryRequested(clientId);
}

void MessageListModel::discard(const QString &clientId)
{
    if (hasPending(clientId))
        Q_EMIT discardRequested(clientId);
}

void MessageListModel::enqueue(ChatMessage message)
{
    m_incoming.emplace_back(std::move(message), m_texts);
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        QMetaObject::invokeMethod(this, &MessageListModel::flush, Qt::QueuedConnection);
    }
}

void MessageListModel::flush()
{
    m_flushScheduled = false;
    if (m_incoming.empty())
        return;
    std::vector<StoredMessage> incoming;
    incoming.swap(m_incoming);

    // Messages newer than every confirmed one, oldest first: inserted on top in one batch.
    std::vector<StoredMessage> newer;
    newer.reserve(incoming.size());
    const qint64 newestBefore = m_newestNumericId;
    for (StoredMessage &message : incoming) {
        // Our own echo replaces the local copy, and is then shown even if its id looks known (a
        // server that reused an id must not make a sent message vanish).
        const bool replacesPending = message.hasClientId() && removePending(message.clientId());
        if (message.kind == ChatMessage::Kind::Message && !replacesPending && isKnown(message))
            continue;
        message.state = ChatMessage::State::Sent;
        remember(message);
        if (message.numericId == 0 || message.numericId > newestBefore) {
            // Keep the batch in id order too: a REST page merged with live events may interleave.
            auto position = newer.end();
            if (message.numericId > 0) {
                while (position != newer.begin()) {
                    const StoredMessage &previous = *(position - 1);
                    if (previous.numericId > 0 && previous.numericId < message.numericId)
                        break;
                    if (previous.numericId == 0)
                        break;
                    --position;
                }
            }
            newer.insert(position, std::move(message));
        } else {
            insertSorted(std::move(message));
        }
    }
    const size_t storedBefore = m_messages.size();
    if (!newer.empty()) {
        const int first = int(m_pending.size());
        beginInsertRows({}, first, first + int(newer.size()) - 1);
        m_messages.insert(m_messages.end(), std::make_move_iterator(newer.begin()),
            std::make_move_iterator(newer.end()));
        endInsertRows();
        // A pending row above the batch now has a different older neighbour.
        notifyNeighbourChanged(first - 1);
    }
    checkIdOrder(storedBefore, m_messages.size());
    Q_EMIT countChanged();
}

void MessageListModel::insertSorted(StoredMessage &&message)
{
    size_t position = m_messages.size();
    while (position > 0) {
        const StoredMessage &previous = m_messages[position - 1];
        if (previous.numericId > 0 && previous.numericId < message.numericId)
            break;
        --position;
    }
    const int row = int(m_pending.size()) + int(m_messages.size() - position);
    beginInsertRows({}, row, row);
    m_messages.emplace(m_messages.begin() + qsizetype(position), std::move(message));
    endInsertRows();
    notifyNeighbourChanged(row - 1);
}

bool MessageListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_loader && !m_loading && !m_historyComplete;
}

void MessageListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_loading = true;
    Q_EMIT loadingChanged();
    QPointer<MessageListModel> guard(this);
    m_loader(oldestId(), kPageSize, [guard](HistoryPage page) {
        if (!guard)
            return;
        MessageListModel *self = guard.data();
        const int count = int(page.messages.size());
        // Still "loading" while the rows go in, so a view reacting to them cannot start a second
        // request for the same page.
        if (page.ok)
            self->insertHistory(std::move(page.messages));
        self->m_loading = false;
        if (page.complete && !self->m_historyComplete) {
            self->m_historyComplete = true;
            Q_EMIT self->historyCompleteChanged();
        }
        Q_EMIT self->loadingChanged();
        Q_EMIT self->historyPageLoaded(page.ok ? count : 0);
    });
}

void MessageListModel::insertHistory(std::vector<ChatMessage> &&page)
{
    const qint64 oldestNumeric = [this] {
        for (const StoredMessage &message : m_messages) {
            if (message.numericId > 0)
                return message.numericId;
        }
        return qint64(0);
    }();
    // Oldest first, to be put below everything we have in one batch.
    std::vector<StoredMessage> older;
    older.reserve(page.size());
    for (auto it = page.rbegin(); it != page.rend(); ++it) {
        if (!it->clientId.isEmpty())
            removePending(it->clientId);
        // Checked before the text goes into the pool, where a dropped copy would stay.
        if (isKnown(it->numericId, it->textId, it->clientId))
            continue;
        StoredMessage message(std::move(*it), m_texts);
        message.state = ChatMessage::State::Sent;
        const bool belowAll = m_messages.empty()
            || (message.numericId > 0 && message.numericId < oldestNumeric) || oldestNumeric == 0;
        remember(message);
        if (belowAll)
            older.push_back(std::move(message));
        else
            insertSorted(std::move(message));
    }
    if (older.empty()) {
        checkIdOrder(0, 0);
        return;
    }
    const int oldLast = rowCount() - 1;
    beginInsertRows({}, rowCount(), rowCount() + int(older.size()) - 1);
    // `older` is oldest first: the last of it goes in front first.
    for (auto it = older.rbegin(); it != older.rend(); ++it)
        m_messages.emplace_front(std::move(*it));
    endInsertRows();
    checkIdOrder(0, older.size());
    notifyNeighbourChanged(oldLast);
    Q_EMIT countChanged();
}

QString MessageListModel::newestId() const
{
    for (auto it = m_messages.rbegin(); it != m_messages.rend(); ++it) {
        if (it->hasId())
            return it->id();
    }
    return {};
}

QString MessageListModel::oldestId() const
{
    for (const StoredMessage &message : m_messages) {
        if (message.hasId())
            return message.id();
    }
    return {};
}
