#pragma once

#include "chatconnection.h"
#include "conversation.h"
#include "conversationkey.h"
#include "conversationlistmodel.h"
#include "outbox.h"
#include "presencemodel.h"
#include "store/messagestore.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <memory>

class HistorySync;
class Thread;
class RestClient;
struct RestError;
class Session;
class SenderDirectory;

/// The client's conversations and the one connection they share: every room the user is a
/// member of is joined after sign-in and after every reconnect, so each one gets messages,
/// unread counts and notifications from the first second, open or not.
///
/// Owns the ChatConnection, the Outbox, HistorySync and one Conversation per room and per person
/// written with; holds the current conversation. Servers are told apart by what they announce
/// (GET /api/server): the reference backend stores membership and read state, a seed backend
/// neither.
///
/// With the offline store on (setOfflineStore), everything is also kept in a MessageStore per
/// server and user: the conversations, people, messages, drafts, read state and the outbox are
/// shown from it at start before the server answers, history is read from it before the server
/// is asked, and a message is on disk before it is sent (conversationstore.cpp).
class ConversationManager : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(ChatConnection *connection READ connection CONSTANT)
    /// The rooms: the server's list (member or not), plus rooms joined by id.
    Q_PROPERTY(ConversationListModel *rooms READ rooms CONSTANT)
    /// Direct conversations, most recent first.
    Q_PROPERTY(ConversationListModel *directConversations READ directConversations CONSTANT)
    /// Everyone known, online first.
    Q_PROPERTY(PresenceModel *people READ people CONSTANT)
    Q_PROPERTY(Conversation *currentConversation READ currentConversation NOTIFY
            currentConversationChanged)
    /// The window is active: the open conversation is being read.
    Q_PROPERTY(bool windowActive READ windowActive WRITE setWindowActive NOTIFY windowActiveChanged)
    /// The signed-in user's id.
    Q_PROPERTY(QString currentUserId READ currentUserId NOTIFY currentUserIdChanged)
    /// Own messages not yet confirmed by the server (Pending and Failed).
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY pendingCountChanged)
    /// False for a server without a room list (the seed's backend): rooms are joined by id.
    Q_PROPERTY(bool roomListAvailable READ roomListAvailable NOTIFY roomListAvailableChanged)
    /// The lists and read state of the first connection have arrived: unread counts that go up
    /// from now on are new messages (notifications wait for this).
    Q_PROPERTY(bool synced READ synced NOTIFY syncedChanged)
    /// A join by id is waiting for the server's answer.
    Q_PROPERTY(bool joiningById READ joiningById NOTIFY joinByIdChanged)
    /// Why the last join by id failed; empty otherwise.
    Q_PROPERTY(QString joinByIdError READ joinByIdError NOTIFY joinByIdChanged)
    /// Why messages cannot be kept on this computer (the store could not be opened or written);
    /// empty while it works or when it is off.
    Q_PROPERTY(QString offlineStoreError READ offlineStoreError NOTIFY offlineStoreChanged)
    /// Something the user should know about their data, e.g. that signing out deleted it.
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    /// The largest file the server takes (GET /api/server `limits`); 0 when unknown.
    Q_PROPERTY(qint64 maxFileBytes READ maxFileBytes NOTIFY featuresChanged)
    /// How many files one message may carry.
    Q_PROPERTY(int maxAttachments READ maxAttachments NOTIFY featuresChanged)

public:
    /// No default argument on purpose: a default-constructible type would make Qt 6.4 create its
    /// own QML singleton instead of calling create().
    explicit ConversationManager(QObject *parent);
    ~ConversationManager() override;

    /// The app's instance (owned by SocketService::globalInstance()).
    static ConversationManager *globalInstance();
    static ConversationManager *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    ChatConnection *connection() const { return m_connection; }
    ConversationListModel *rooms() const { return m_rooms; }
    ConversationListModel *directConversations() const { return m_directs; }
    PresenceModel *people() const { return m_people; }
    Conversation *currentConversation() const { return m_current; }
    bool windowActive() const { return m_windowActive; }
    void setWindowActive(bool active);
    QString currentUserId() const { return m_selfId; }
    int pendingCount() const;
    bool roomListAvailable() const { return m_roomListAvailable; }
    bool synced() const { return m_synced; }
    bool joiningById() const { return !m_joiningById.isEmpty(); }
    QString joinByIdError() const { return m_joinByIdError; }
    QString offlineStoreError() const;
    QString notice() const { return m_notice; }
    Q_INVOKABLE void clearNotice();
    Outbox *outbox() const { return m_outbox; }
    MessageStore *store() const { return m_store; }
    /// The REST client of the session (or the manager's own without one).
    RestClient *restClient() const { return m_rest; }

    // --- offline store ---
    /// Keeps everything in a store per server and user under `directory` (empty: the app's data
    /// folder), opened when a user signs in. Off by default (tests, the CLI without --profile).
    void setOfflineStore(bool enabled, const QString &directory = {});
    /// Keeps at most this many messages per conversation on disk (0: all).
    void setStoredMessageLimit(int limit);
    /// Writes what is waiting to the store now (quitting).
    void flushStore();
    /// "2 messages will be sent when you next open StudyConnect", or empty when none wait.
    QString pendingOnQuitText() const;
    /// Features the server announced (GET /api/server); empty for a seed backend.
    bool hasFeature(const QString &feature) const { return m_features.contains(feature); }
    qint64 maxFileBytes() const { return m_maxFileBytes; }
    int maxAttachments() const { return m_maxAttachments; }
    /// GET /api/server has answered on this connection (with features, or without: a seed
    /// backend); until then hasFeature() is false for every feature.
    bool featuresKnown() const { return m_featuresKnown; }

    // --- connection ---
    /// Follows a Session: signing in connects, signing out disconnects, a refused token ends it.
    void attachSession(Session *session);
    /// Connects without a Session (the seed API's init(token); tests).
    void connectWithToken(const QUrl &server, const QString &token);
    void disconnectFromServer();
    void setManagerOptions(const SocketIo::ManagerOptions &options);
    void setAckTimeout(std::chrono::milliseconds timeout) { m_ackTimeout = timeout; }

    // --- conversations ---
    /// The conversation of this room or person, created when missing (and listed when
    /// `list` is true).
    Conversation *conversation(const ConversationKey &key, bool list = false);
    Conversation *find(const ConversationKey &key) const { return m_conversations.value(key); }
    Q_INVOKABLE void open(Conversation *conversation);
    Q_INVOKABLE void openKey(const QString &key);
    Q_INVOKABLE void openDirect(const QString &userId);
    /// The next (+1) or previous (-1) conversation in sidebar order: rooms, then direct ones.
    Q_INVOKABLE void openRelative(int step);
    /// Joins a room by the id the user typed; the answer comes as joinedById or joinByIdError.
    Q_INVOKABLE void joinRoomById(const QString &text);
    Q_INVOKABLE void clearJoinByIdError();
    /// What the quick switcher offers: rooms, people and direct conversations, as
    /// {conversation, name, detail, isRoom}.
    Q_INVOKABLE QVariantList switcherEntries();
    Q_INVOKABLE void retryConnectionNow() { m_connection->retryNow(); }
    /// A new connection with the options set since (network settings changed).
    Q_INVOKABLE void reconnect() { m_connection->reopen(); }

    void join(Conversation *conversation);
    void leave(Conversation *conversation);
    /// Returns the clientId (empty when nothing was sent).
    QString send(Conversation *conversation, const QString &text);

    // --- study conversations (studyactions.cpp) ---
    // Each returns the outbox entry's clientId, or empty when the server does not announce the
    // feature (or the input is unusable): nothing is queued then.
    /// A message answering `replyTo` (0: none), into the thread of `threadId` (0: the timeline).
    QString sendMessage(
        Conversation *conversation, const QString &text, qint64 replyTo, qint64 threadId);
    QString editMessage(Conversation *conversation, qint64 id, const QString &text);
    QString deleteMessage(Conversation *conversation, qint64 id);
    QString react(Conversation *conversation, qint64 id, const QString &emoji, bool add);
    QString resolveThread(Conversation *conversation, qint64 rootId, bool resolved);
    QString pinMessage(Conversation *conversation, qint64 id, bool pinned);
    /// A message with files (feature "files"; conversationattachments.cpp): they are uploaded
    /// first, then the message goes with their ids. `text` may be empty. Empty when the server
    /// does not take files, there are none or too many.
    QString sendWithAttachments(Conversation *conversation, const QString &text,
        const QList<OutboxAttachment> &attachments, qint64 replyTo = 0);
    /// Fetches the room's pinned messages into its pinnedMessages list.
    void loadPins(Conversation *room);
    /// A Thread for the room's thread of `rootId`, its replies paged from the server.
    Thread *createThread(Conversation *room, qint64 rootId);
    /// The (empty) list a conversation shows its pinned messages in.
    MessageListModel *newPinnedMessageModel(const ConversationKey &key);
    /// Whether the user's reaction `emoji` on a message will be there once the outbox is sent,
    /// given whether it is there now.
    bool reactionAfterPending(
        const ConversationKey &key, qint64 id, const QString &emoji, bool shown) const;
    /// The signed-in user is a tutor (moderates rooms).
    bool isTutor() const;
    /// Fetches who is in the room (feature roomMembers), for mention completion.
    void loadMembers(Conversation *room);
    /// Everyone known, as {id, name} (mention completion without a member list).
    QList<std::pair<QString, QString>> knownPeople() const;
    /// The role the server gave this user ("student", "tutor"); empty when unknown.
    QString roleOf(const QString &userId) const;
    QString nameOf(const QString &userId) const;
    void retry(const QString &clientId);
    void discard(const QString &clientId);

Q_SIGNALS:
    void currentConversationChanged();
    void windowActiveChanged();
    void currentUserIdChanged();
    void pendingCountChanged();
    void roomListAvailableChanged();
    void syncedChanged();
    void joinByIdChanged();
    void offlineStoreChanged();
    void noticeChanged();
    /// The server's features are known (GET /api/server answered, also when it announced none)
    /// or forgotten.
    void featuresChanged();
    /// A conversation was opened by any means: the views put the focus in the composer.
    void conversationOpened(Conversation *conversation);
    void joinedById(Conversation *conversation);
    /// An outbox entry reached the server: a message (`id` its id) or a change of message `id`.
    void messageConfirmed(const QString &clientId, const QString &id);
    /// The server refused an outbox entry (a message stays Failed; a change is dropped).
    void messageFailed(const QString &clientId, const QString &error);
    void roomJoinConfirmed(const QString &roomId);
    void roomJoinFailed(const QString &roomId, const QString &error);
    /// The REST catch-up after a reconnect finished for this conversation.
    void missedMessagesMerged(const ConversationKey &key);

private:
    void setSelf(const QString &userId, const QUrl &server);
    void resetData();
    void setRoomListAvailable(bool available);
    void setSynced(bool synced);

    void onConnected(bool reconnect);
    void onDisconnected();
    void loadServerState(bool reconnect);
    /// GET /api/server answered: the features and limits it announces (conversationserver.cpp).
    void applyServerInfo(const RestError &error, const QVariant &body);
    /// `limits` of GET /api/server (or as remembered from it): maxFileBytes, maxAttachments.
    void applyLimits(const QVariantMap &limits);
    void mergeRooms(const QVariantList &rooms);
    void mergeDirectConversations(const QVariantList &conversations);
    void joinMemberRooms();
    void emitJoin(Conversation *room);
    void catchUp(Conversation *conversation);

    void onRoomMessage(const Payload::Message &message);
    void onDirectMessage(const Payload::Message &message, const QString &peerId);
    void addIncoming(Conversation *conversation, const Payload::Message &message);
    void onUserJoined(
        const QString &roomId, const Payload::User &user, ChatConnection::Membership membership);
    void onUserLeft(const QString &roomId, const QString &userId);
    void onUserStatus(const QString &userId, bool online);
    void addNotice(Conversation *room, const QString &userId, ChatMessage::Kind kind);

    void transmit(const Outbox::Entry &entry, Outbox::Done done);
    void onConfirmed(
        const Outbox::Entry &entry, const QString &id, qint64 createdAtMs, bool fromAck);
    ChatMessage toChatMessage(const Payload::Message &message);
    static Outbox::SendResult sendResultOf(const SocketIo::AckResult &result);
    /// The local copy of our own message while it is on its way.
    ChatMessage pendingCopy(const Outbox::Entry &entry);

    // conversationattachments.cpp
    /// The outbox uploads files through the REST client; the store keeps each file id.
    void setUpFileUploads();
    /// The attachments as a message shows them (an id once uploaded).
    static QList<FileInfo> filesOf(const QList<OutboxAttachment> &attachments);
    static QStringList localPathsOf(const Outbox::Entry &entry);
    /// What the conversation list and notifications show for a message: its text, or for files
    /// sent without one "📎 notes.pdf" / "📎 3 files".
    static QString summaryOf(const QString &text, const MessageDetails *details);
    /// The list an own message belongs in: its thread's (when that thread is open) or the
    /// conversation's; null for a thread reply whose thread is not shown.
    MessageListModel *listFor(const ConversationKey &key, qint64 threadId);

    // studyactions.cpp
    /// A Send entry for `target` (joining the room first when needed): what sendMessage() and
    /// sendWithAttachments() fill in further.
    Outbox::Entry sendEntry(Conversation *target, const QString &text, qint64 replyTo);
    QString enqueueAction(
        Conversation *target, Outbox::Action action, qint64 messageId, const QString &text = {});
    void transmitAction(const Outbox::Entry &entry, Outbox::Done done);
    void onActionAccepted(const Outbox::Entry &entry, const SocketIo::JsonValue &reply);
    void onActionFailed(const Outbox::Entry &entry, const QString &error);
    void notePendingChange(const Outbox::Entry &entry, bool pending);
    /// Runs `change` on every loaded list holding this message (timeline, open thread, pins).
    void forEachCopy(
        const MessageRef &ref, const std::function<void(MessageListModel *model)> &change);
    /// `mentions` null: an ack, which does not carry them (the loaded ones stay).
    void applyEdit(
        const MessageRef &ref, const QString &text, qint64 editedAtMs, const QStringList *mentions);
    void onMessageEdited(
        const MessageRef &ref, const QString &text, qint64 editedAtMs, const QStringList &mentions);
    void onMessageDeleted(const MessageRef &ref);
    void onReactionsChanged(
        const MessageRef &ref, const QList<MessageDetails::Reaction> &reactions);
    void onThreadChanged(
        const QString &roomId, qint64 rootId, const MessageDetails::Thread &thread);
    void onPinsChanged(const QString &roomId, const QStringList &pinnedIds);
    /// After a reconnect: the newest page of a conversation with loaded rows, fetched again so
    /// that edits, deletions and reactions made while this client was away show.
    void refreshChanged(Conversation *conversation);
    /// An open thread's header follows its root (edited, deleted).
    void refreshThreadRoot(const MessageRef &ref);
    /// A reply inside a thread: to the thread's view when open, never the timeline.
    void addThreadReply(Conversation *room, const Payload::Message &message);
    /// A message from a REST page: interned, and confirming our own pending send by clientId.
    ChatMessage adoptFetched(const Payload::Message &message);
    MessageListModel *newMessageModel(const ConversationKey &key);

    void markCurrentRead();
    void sendReadState(Conversation *conversation);

    // conversationstore.cpp
    void openStore();
    void restoreFromStore();
    void forgetStoredData();
    void followForStore(Conversation *conversation);
    /// Conversation state is written a moment later, in one go (a busy room changes its unread
    /// count with every message).
    void keepConversationLater(Conversation *conversation);
    void keepConversations();
    void keepMessages(const ConversationKey &key, const std::vector<Payload::Message> &newestFirst,
        bool oldestHasGapBelow, qint64 directlyAboveId = 0);
    /// A live message (received, or our own confirmed by its ack).
    void keepLiveMessage(const ConversationKey &key, const Payload::Message &message);
    void keepSender(const Payload::User &sender);
    void keepOutboxEntry(const Outbox::Entry &entry, std::function<void()> kept);
    /// The model's history: from the store as far as it is complete, then from the server.
    void loadHistory(const ConversationKey &key, const QString &beforeId, int limit,
        std::function<void(MessageListModel::HistoryPage page)> done);
    void loadServerHistory(const ConversationKey &key, const QString &beforeId, int limit,
        MessageListModel::HistoryPage fromStore,
        std::function<void(MessageListModel::HistoryPage page)> done);
    ChatMessage fromStored(const MessageStore::MessageRow &row);
    bool isSelf(const QString &userId) const { return !m_selfId.isEmpty() && userId == m_selfId; }
    /// The name the message carries, else the one known for its sender.
    QString senderNameOf(const Payload::User &sender) const;

    ChatConnection *m_connection;
    RestClient *m_ownRest;
    RestClient *m_rest;
    HistorySync *m_history;
    Outbox *m_outbox;
    std::shared_ptr<SenderDirectory> m_senders;
    ConversationListModel *m_rooms;
    ConversationListModel *m_directs;
    PresenceModel *m_people;
    QHash<ConversationKey, Conversation *> m_conversations;
    /// Rooms joined on the current socket (membership on the server belongs to the socket).
    QSet<QString> m_joinedOnSocket;
    QPointer<Conversation> m_current;
    QPointer<Session> m_session;
    MessageStore *m_store;
    bool m_storeEnabled = false;
    QString m_storeDirectory;
    bool m_restoring = false;
    QSet<ConversationKey> m_unsaved;
    QTimer m_saver;
    /// Conversations whose catch-up ended on this connection: live messages join up.
    QSet<ConversationKey> m_caughtUp;
    /// Names of senders already in the store, so a message does not rewrite its sender.
    QHash<QString, QString> m_keptSenders;
    QString m_notice;

    QUrl m_server;
    QString m_selfId;
    QSet<QString> m_features;
    bool m_featuresKnown = false;
    qint64 m_maxFileBytes = 0;
    int m_maxAttachments = kDefaultMaxAttachments;
    static constexpr int kDefaultMaxAttachments = 10;
    bool m_windowActive = true;
    bool m_roomListAvailable = true;
    bool m_synced = false;
    int m_syncWaiting = 0;
    QString m_joiningById;
    QString m_joinByIdError;
    std::chrono::milliseconds m_ackTimeout { 10000 };
    std::chrono::milliseconds m_joinAckTimeout { 3000 };
};
