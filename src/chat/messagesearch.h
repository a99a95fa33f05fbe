#pragma once

#include "searchresultmodel.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>

#include <vector>

class Conversation;
class ConversationManager;

/// Searches the messages: those kept on this computer (MessageStore, on its own thread) and, when
/// the server announces "search" and is connected, the server's (GET /api/search). The store's
/// hits are listed first, then the server's that are not among them; both get the same excerpt
/// (escaped StyledText with the matched words in <b>).
///
/// Also opens a hit: the conversation is opened and its history loaded until the message is in
/// its MessageListModel (from the store this takes no round trip), then messageRevealed() tells
/// the view which row to show.
class MessageSearch : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(ConversationManager *manager READ manager WRITE setManager NOTIFY managerChanged)
    /// What the user typed; searched ~150 ms after the last change.
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(SearchResultModel *results READ results CONSTANT)
    /// A search for the current query is still running (hits may still be added).
    Q_PROPERTY(bool searching READ searching NOTIFY searchingChanged)
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    /// Why the server's search failed (StoredOnlyServerError, Unavailable); plain text.
    Q_PROPERTY(QString errorString READ errorString NOTIFY statusChanged)

public:
    /// What the last search covered. Whether anything was found is results.count.
    enum Status
    {
        /// Nothing to search for: the query has no word.
        Idle,
        /// Everything available was searched.
        Complete,
        /// Offline: only the messages kept on this computer were searched.
        StoredOnlyOffline,
        /// The server's search failed (errorString): only the messages kept here were searched.
        StoredOnlyServerError,
        /// The server cannot search: only the messages kept here were searched.
        StoredOnlyNoServerSearch,
        /// Nothing could be searched: no messages are kept here and the server cannot be asked.
        Unavailable,
    };
    Q_ENUM(Status)

    static constexpr int kDebounceMs = 150;
    static constexpr int kLimit = 50;
    /// The server refuses a longer q.
    static constexpr int kMaxServerQuery = 500;
    /// History pages loaded at most to reach a hit (kPageSize each).
    static constexpr int kMaxRevealPages = 200;

    explicit MessageSearch(QObject *parent = nullptr);
    ~MessageSearch() override;

    ConversationManager *manager() const { return m_manager; }
    void setManager(ConversationManager *manager);
    QString query() const { return m_query; }
    void setQuery(const QString &query);
    SearchResultModel *results() const { return m_results; }
    bool searching() const { return m_localPending || m_serverPending; }
    Status status() const { return m_status; }
    QString errorString() const { return m_error; }

    /// Searches now instead of after the debounce (Enter in the field, tests).
    Q_INVOKABLE void searchNow();
    /// Opens the conversation of the hit in `row` at its message.
    Q_INVOKABLE void openResult(int row);
    /// Opens `conversation` and loads its history until `messageId` is in it.
    void reveal(Conversation *conversation, const QString &messageId);

    /// What is sent as q: the query's words, no longer than the server takes.
    static QString serverQuery(const QString &query);

Q_SIGNALS:
    void managerChanged();
    void queryChanged();
    void searchingChanged();
    void statusChanged();
    /// The message is in `row` of the conversation's messages now: the view shows that row.
    void messageRevealed(Conversation *conversation, int row, const QString &messageId);
    /// The message could not be loaded (deleted since, or history unavailable).
    void revealFailed(Conversation *conversation, const QString &messageId);

private:
    void run();
    void onLocalHits(quint64 generation, std::vector<SearchResultModel::Hit> hits);
    void onServerReply(quint64 generation, bool ok, const QString &error,
        std::vector<SearchResultModel::Hit> hits);
    void finishIfDone();
    void setStatus(Status status, const QString &error = {});
    void continueReveal();
    void endReveal();
    bool serverCanSearch() const;
    bool storeCanSearch() const;

    QPointer<ConversationManager> m_manager;
    QMetaObject::Connection m_connectionWatch;
    QMetaObject::Connection m_featuresWatch;
    QString m_query;
    QTimer m_debounce;
    SearchResultModel *m_results;
    Status m_status = Idle;
    QString m_error;
    /// Counts searches: an answer for an older query is dropped.
    quint64 m_generation = 0;
    bool m_localPending = false;
    bool m_serverPending = false;
    /// Server hits that came before the store's: listed after them.
    std::vector<SearchResultModel::Hit> m_serverWaiting;
    bool m_serverFailed = false;
    bool m_serverAsked = false;

    QPointer<Conversation> m_revealTarget;
    QString m_revealId;
    QString m_revealOldest;
    int m_revealPages = 0;
    QMetaObject::Connection m_revealWatch;
};
