#include "messagesearch.h"

#include "api/restclient.h"
#include "conversation.h"
#include "conversationmanager.h"
#include "logging.h"
#include "payload.h"
#include "store/searchquery.h"

#include <algorithm>

namespace {

const QString kSearchFeature = QStringLiteral("search");

} // namespace

MessageSearch::MessageSearch(QObject *parent)
    : QObject(parent)
    , m_results(new SearchResultModel(this))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &MessageSearch::run);
}

MessageSearch::~MessageSearch() = default;

void MessageSearch::setManager(ConversationManager *manager)
{
    if (m_manager == manager)
        return;
    QObject::disconnect(m_connectionWatch);
    QObject::disconnect(m_featuresWatch);
    m_manager = manager;
    if (manager) {
        // Offline results are completed by the server's once it is back, while the user looks.
        m_connectionWatch = connect(manager->connection(), &ChatConnection::stateChanged, this,
            [this](ChatConnection::State state) {
                if (state == ChatConnection::Connected && m_status == StoredOnlyOffline)
                    m_debounce.start();
            });
        // Likewise when the server turns out to search (its features arrive after connecting).
        m_featuresWatch = connect(manager, &ConversationManager::featuresChanged, this, [this] {
            if (m_status == StoredOnlyNoServerSearch && serverCanSearch())
                m_debounce.start();
        });
    }
    Q_EMIT managerChanged();
    if (!m_query.isEmpty())
        m_debounce.start();
}

void MessageSearch::setQuery(const QString &query)
{
    if (m_query == query)
        return;
    m_query = query;
    Q_EMIT queryChanged();
    m_debounce.start();
}

void MessageSearch::searchNow()
{
    m_debounce.stop();
    run();
}

QString MessageSearch::serverQuery(const QString &query)
{
    // The words only, as the store gets them: the server would drop the rest anyway, and the
    // two then agree on what was asked.
    QString result;
    for (const QString &word : SearchQuery::words(query)) {
        const qsizetype room = kMaxServerQuery - result.size() - (result.isEmpty() ? 0 : 1);
        if (room <= 0)
            break;
        if (!result.isEmpty())
            result += u' ';
        // A word cut short still finds what the whole one finds (words match as prefixes), and
        // more: better than a 400 from the server.
        qsizetype take = std::min(room, word.size());
        if (take < word.size() && take > 0 && word.at(take - 1).isHighSurrogate())
            --take;
        result += word.left(take);
    }
    return result.trimmed();
}

bool MessageSearch::storeCanSearch() const
{
    return m_manager && m_manager->store()->isOpen();
}

bool MessageSearch::serverCanSearch() const
{
    return m_manager && m_manager->hasFeature(kSearchFeature)
        && m_manager->connection()->isConnected() && m_manager->restClient();
}

void MessageSearch::setStatus(Status status, const QString &error)
{
    if (m_status == status && m_error == error)
        return;
    m_status = status;
    m_error = error;
    Q_EMIT statusChanged();
}

void MessageSearch::run()
{
    const bool wasSearching = searching();
    ++m_generation;
    m_localPending = false;
    m_serverPending = false;
    m_serverWaiting.clear();
    m_serverFailed = false;
    m_serverAsked = false;

    const QString serverText = serverQuery(m_query);
    if (serverText.isEmpty() || !m_manager) {
        m_results->clear();
        setStatus(Idle);
        if (wasSearching)
            Q_EMIT searchingChanged();
        return;
    }
    const quint64 generation = m_generation;
    const bool connected = m_manager->connection()->isConnected();
    m_localPending = storeCanSearch();
    m_serverPending = m_serverAsked = serverCanSearch();
    qCDebug(lcChat) << "search: stored" << m_localPending << "server" << m_serverAsked;

    if (m_serverAsked)
        setStatus(Complete);
    else if (!m_localPending)
        setStatus(Unavailable);
    else
        setStatus(connected ? StoredOnlyNoServerSearch : StoredOnlyOffline);
    if (!m_localPending)
        m_results->clear();
    if (searching() != wasSearching)
        Q_EMIT searchingChanged();

    if (m_serverAsked) {
        const QString selfId = m_manager->currentUserId();
        m_manager->restClient()->search(serverText, {}, {}, {}, kLimit, this,
            [this, generation, selfId, serverText](const RestError &error, const QVariant &body) {
                std::vector<SearchResultModel::Hit> hits;
                if (!error.ok()) {
                    onServerReply(generation, false, error.message, {});
                    return;
                }
                for (const QVariant &value : body.toList()) {
                    const auto message = Payload::message(value);
                    if (!message || message->id.isEmpty())
                        continue;
                    const bool direct = Payload::string(value.toMap(), QStringLiteral("kind"))
                        == QLatin1String("dm");
                    const QString peer =
                        message->sender.id == selfId ? message->recipientId : message->sender.id;
                    const ConversationKey key = direct ? ConversationKey::directWith(peer)
                                                       : ConversationKey::room(message->roomId);
                    if (!key.isValid())
                        continue;
                    SearchResultModel::Hit hit;
                    hit.key = key;
                    hit.messageId = message->id;
                    hit.senderId = message->sender.id;
                    hit.senderName = message->sender.name;
                    hit.createdAtMs = message->createdAtMs;
                    hit.excerpt = SearchQuery::excerptFor(message->text, serverText);
                    hit.text = message->text;
                    hit.fromServer = true;
                    hits.push_back(std::move(hit));
                }
                onServerReply(generation, true, {}, std::move(hits));
            });
    }
    if (m_localPending) {
        QPointer<MessageSearch> guard(this);
        m_manager->store()->search(m_query, { {}, 0, kLimit },
            [guard, generation](std::vector<MessageStore::SearchHit> found) {
                if (!guard)
                    return;
                std::vector<SearchResultModel::Hit> hits;
                hits.reserve(found.size());
                for (MessageStore::SearchHit &each : found) {
                    SearchResultModel::Hit hit;
                    hit.key = each.key;
                    hit.messageId = QString::number(each.id);
                    hit.senderId = each.senderId;
                    hit.senderName = each.senderName;
                    hit.createdAtMs = each.createdAtMs;
                    hit.excerpt = std::move(each.excerpt);
                    hit.text = std::move(each.text);
                    hits.push_back(std::move(hit));
                }
                guard->onLocalHits(generation, std::move(hits));
            });
    }
}

void MessageSearch::onLocalHits(quint64 generation, std::vector<SearchResultModel::Hit> hits)
{
    if (generation != m_generation || !m_manager)
        return;
    PresenceModel *people = m_manager->people();
    for (SearchResultModel::Hit &hit : hits) {
        hit.conversation = m_manager->conversation(hit.key);
        // A sender the store has no name for (never listed): whoever the server listed since.
        if (hit.senderName.isEmpty()) {
            const int row = people->indexOf(hit.senderId);
            hit.senderName =
                row >= 0 ? people->get(row).value(QStringLiteral("name")).toString() : hit.senderId;
        }
    }
    m_results->reset(std::move(hits));
    m_localPending = false;
    if (!m_serverWaiting.empty())
        m_results->append(std::exchange(m_serverWaiting, {}));
    finishIfDone();
}

void MessageSearch::onServerReply(
    quint64 generation, bool ok, const QString &error, std::vector<SearchResultModel::Hit> hits)
{
    if (generation != m_generation || !m_manager)
        return;
    m_serverPending = false;
    if (!ok) {
        qCInfo(lcChat) << "server search failed:" << error;
        m_serverFailed = true;
        setStatus(storeCanSearch() ? StoredOnlyServerError : Unavailable, error);
    }
    for (SearchResultModel::Hit &hit : hits)
        hit.conversation = m_manager->conversation(hit.key);
    if (m_localPending)
        m_serverWaiting = std::move(hits); // the store's hits go first
    else
        m_results->append(std::move(hits));
    finishIfDone();
}

void MessageSearch::finishIfDone()
{
    if (!searching())
        Q_EMIT searchingChanged();
}

// ---------------------------------------------------------------------------------------------
// Opening a hit

void MessageSearch::openResult(int row)
{
    if (!m_manager || row < 0 || row >= m_results->count())
        return;
    const SearchResultModel::Hit &hit = m_results->at(row);
    Conversation *target =
        hit.conversation ? hit.conversation.data() : m_manager->conversation(hit.key, true);
    reveal(target, hit.messageId);
}

void MessageSearch::reveal(Conversation *target, const QString &messageId)
{
    endReveal();
    if (!target || !m_manager)
        return;
    m_manager->open(target);
    m_revealTarget = target;
    m_revealId = messageId;
    m_revealPages = 0;
    m_revealOldest.clear();
    // Queued: a page from the store arrives inside fetchMore(), and the next one is asked for
    // after the model has finished with this one.
    m_revealWatch = connect(target->messages(), &MessageListModel::historyPageLoaded, this,
        &MessageSearch::continueReveal, Qt::QueuedConnection);
    continueReveal();
}

void MessageSearch::continueReveal()
{
    Conversation *target = m_revealTarget.data();
    MessageListModel *messages = target ? target->messages() : nullptr;
    if (!messages) {
        endReveal();
        return;
    }
    // Live messages waiting for the next batch would shift the row under the view's feet.
    messages->flush();
    const int row = messages->rowOfId(m_revealId);
    if (row >= 0) {
        const QString id = m_revealId;
        endReveal();
        Q_EMIT messageRevealed(target, row, id);
        return;
    }
    if (messages->isLoading())
        return; // a page is on its way (the view asked for it): continue after it
    const QString oldest = messages->oldestId();
    // Nothing older came with the last page (the server failed, or sent only known messages),
    // the start was reached, or it is taking too long: the message is not to be had.
    const bool stalled = m_revealPages > 0 && oldest == m_revealOldest;
    if (stalled || m_revealPages >= kMaxRevealPages || !messages->canFetchMore({})) {
        qCInfo(lcChat) << "search: message" << m_revealId << "not found in"
                       << target->conversationKey().toString() << "after" << m_revealPages
                       << "pages";
        const QString id = m_revealId;
        endReveal();
        Q_EMIT revealFailed(target, id);
        return;
    }
    m_revealOldest = oldest;
    ++m_revealPages;
    messages->fetchMore({});
}

void MessageSearch::endReveal()
{
    QObject::disconnect(m_revealWatch);
    m_revealTarget.clear();
    m_revealId.clear();
}
