#pragma once

#include "composermode.h"
#include "conversationkey.h"
#include "messagelistmodel.h"
#include "outboxrequest.h"
#include "thread.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QQmlEngine>
#include <QSet>
#include <QTimer>

class ConversationManager;
class TypingNotifier;

/// One room or one direct conversation, as the views see it: its messages, whether the user is a
/// member, what is unread and where reading stopped, the draft in the composer and who is typing.
/// Created and owned by ConversationManager (one per room and per person written with); QML
/// gets them from the manager's lists and currentConversation.
class Conversation : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Conversations come from ConversationManager")

    Q_PROPERTY(Kind kind READ kind CONSTANT)
    Q_PROPERTY(bool isDirect READ isDirect CONSTANT)
    /// The room id, or the other user's id.
    Q_PROPERTY(QString id READ id CONSTANT)
    /// An opaque name for notifications ("room:3"); nothing in the views parses it.
    Q_PROPERTY(QString key READ key CONSTANT)
    /// The room's name, or the other user's name.
    Q_PROPERTY(QString name READ name NOTIFY detailsChanged)
    /// What the room is about, or the other user's role; may be empty.
    Q_PROPERTY(QString description READ description NOTIFY detailsChanged)
    Q_PROPERTY(QString avatar READ avatar NOTIFY detailsChanged)
    /// Members according to the server; 0 when unknown (and for direct conversations).
    Q_PROPERTY(int memberCount READ memberCount NOTIFY detailsChanged)
    /// The other user is online (direct conversations).
    Q_PROPERTY(bool peerOnline READ peerOnline NOTIFY peerOnlineChanged)
    Q_PROPERTY(Membership membership READ membership NOTIFY membershipChanged)
    /// Messages can be written here: a direct conversation, or a room the user is a member of.
    Q_PROPERTY(bool canWrite READ canWrite NOTIFY membershipChanged)
    Q_PROPERTY(MessageListModel *messages READ messages CONSTANT)
    Q_PROPERTY(int unreadCount READ unreadCount NOTIFY summaryChanged)
    /// Unread messages that mention the user (counted apart: they notify, muted or not).
    Q_PROPERTY(int mentionCount READ mentionCount NOTIFY summaryChanged)
    /// No notifications for new messages here, except those that mention the user; kept with the
    /// conversation in the offline store.
    Q_PROPERTY(bool muted READ isMuted WRITE setMuted NOTIFY mutedChanged)
    /// The newest message the user has read; empty when unknown.
    Q_PROPERTY(QString lastReadId READ lastReadId NOTIFY summaryChanged)
    Q_PROPERTY(QString lastMessageText READ lastMessageText NOTIFY summaryChanged)
    /// Who wrote the newest known message (a notification's title); empty when unknown.
    Q_PROPERTY(QString lastMessageSenderName READ lastMessageSenderName NOTIFY summaryChanged)
    Q_PROPERTY(QDateTime lastActivity READ lastActivity NOTIFY summaryChanged)
    /// What the composer holds for this conversation; kept while others are open.
    Q_PROPERTY(QString draft READ draft WRITE setDraft NOTIFY draftChanged)
    /// "Ada is typing…", "Ada and Alan are typing…", "Several people are typing…", or "".
    Q_PROPERTY(QString typingText READ typingText NOTIFY typingChanged)
    /// Files can be sent here: the server announces "files" and the user may write.
    Q_PROPERTY(bool canAttach READ canAttach NOTIFY abilitiesChanged)
    /// The files attached in the composer, sent with the next message: {name, size, sizeText,
    /// localPath, isImage, mimeType}. Part of the draft: kept while other conversations are open.
    Q_PROPERTY(
        QVariantList draftAttachments READ draftAttachmentList NOTIFY draftAttachmentsChanged)

    // --- study conversations: each true only when the server announces the feature ---
    /// Messages can answer another one (Reply).
    Q_PROPERTY(bool canReply READ canReply NOTIFY abilitiesChanged)
    /// Rooms: questions get threads (Reply in thread, the thread panel, resolved marks).
    Q_PROPERTY(bool canUseThreads READ canUseThreads NOTIFY abilitiesChanged)
    /// The user may edit their own messages.
    Q_PROPERTY(bool canEdit READ canEdit NOTIFY abilitiesChanged)
    /// The user may delete their own messages.
    Q_PROPERTY(bool canDelete READ canDelete NOTIFY abilitiesChanged)
    /// The user moderates this room (a tutor): deletes anyone's message, resolves any thread.
    Q_PROPERTY(bool canModerate READ canModerate NOTIFY abilitiesChanged)
    Q_PROPERTY(bool canReact READ canReact NOTIFY abilitiesChanged)
    /// The user may pin and unpin messages here (tutors, in rooms).
    Q_PROPERTY(bool canPin READ canPin NOTIFY abilitiesChanged)
    /// The server lists a room's members (feature "roomMembers"): the header's "N members" opens
    /// them.
    Q_PROPERTY(bool canListMembers READ canListMembers NOTIFY abilitiesChanged)
    /// The room's members as the member list shows them: {userId, name, role, online, isSelf},
    /// online first, then by name; empty until the server answered (rooms only).
    Q_PROPERTY(QVariantList members READ members NOTIFY membersChanged)
    /// The room announces pins: the header lists them.
    Q_PROPERTY(bool hasPins READ hasPins NOTIFY abilitiesChanged)
    /// The pinned messages, newest pin first; loaded by loadPins(). Null in a direct
    /// conversation (only rooms have pins).
    Q_PROPERTY(MessageListModel *pinnedMessages READ pinnedMessages CONSTANT)
    Q_PROPERTY(int pinnedCount READ pinnedCount NOTIFY pinsChanged)
    /// The message the composer answers (Reply); empty when none.
    Q_PROPERTY(QString replyToId READ replyToId NOTIFY composerModeChanged)
    Q_PROPERTY(QString replyToSenderName READ replyToSenderName NOTIFY composerModeChanged)
    Q_PROPERTY(QString replyToText READ replyToText NOTIFY composerModeChanged)
    /// The message the composer edits; empty when it writes a new one.
    Q_PROPERTY(QString editingId READ editingId NOTIFY composerModeChanged)
    /// The thread shown beside the timeline; null when none is open.
    Q_PROPERTY(Thread *openThread READ openThread NOTIFY openThreadChanged)
    /// Why the last edit, deletion, reaction or pin was refused; empty otherwise.
    Q_PROPERTY(QString actionError READ actionError NOTIFY actionErrorChanged)

public:
    enum Kind
    {
        Room,
        Direct
    };
    Q_ENUM(Kind)
    enum Membership
    {
        NotMember,
        Joining,
        Member
    };
    Q_ENUM(Membership)

    Conversation(
        const ConversationKey &key, MessageListModel *messages, ConversationManager *manager);
    ~Conversation() override;

    Kind kind() const { return m_key.direct ? Direct : Room; }
    bool isDirect() const { return m_key.direct; }
    QString id() const { return m_key.id; }
    QString key() const { return m_key.toString(); }
    const ConversationKey &conversationKey() const { return m_key; }
    QString name() const;
    QString description() const { return m_description; }
    QString avatar() const { return m_avatar; }
    int memberCount() const { return m_memberCount; }
    bool peerOnline() const { return m_peerOnline; }
    Membership membership() const { return m_membership; }
    bool canWrite() const { return isDirect() || m_membership == Member; }
    bool isMember() const { return m_membership == Member; }
    MessageListModel *messages() const { return m_messages; }
    int unreadCount() const { return m_unreadCount; }
    int mentionCount() const { return m_mentionCount; }
    bool isMuted() const { return m_muted; }
    void setMuted(bool muted);
    QString lastReadId() const { return m_lastReadId; }
    QString lastMessageText() const { return m_lastMessageText; }
    QString lastMessageSenderName() const { return m_lastMessageSenderName; }
    QDateTime lastActivity() const;
    qint64 lastActivityMs() const { return m_lastActivityMs; }
    QString draft() const { return m_draft; }
    void setDraft(const QString &draft);
    QString typingText() const;

    /// Sends the text with the draft's attachments (Pending until the server has it; the files
    /// are uploaded first); clears the draft and its attachments. The text may be blank when
    /// there are attachments. False when there is nothing to send. While editing, only the text
    /// goes (an edit changes the text) and the attachments stay in the draft.
    Q_INVOKABLE bool send(const QString &text);
    /// Joins the room (rooms only).
    Q_INVOKABLE void join();
    /// Leaves the room: the membership ends (rooms only).
    Q_INVOKABLE void leave();

    // --- files (conversationfiles.cpp) ---
    bool canAttach() const;
    QVariantList draftAttachmentList() const;
    const QList<OutboxAttachment> &draftAttachments() const { return m_draftAttachments; }
    /// The attachments kept in the store with the draft.
    void setDraftAttachments(const QList<OutboxAttachment> &attachments);
    /// Attaches a file on this computer (a file: URL) to the draft. Returns why it cannot be
    /// (missing, a folder, unreadable, over the server's size limit, too many files, already
    /// attached, files not taken here), or an empty string when it was attached.
    Q_INVOKABLE QString addAttachment(const QUrl &fileUrl);
    Q_INVOKABLE void removeAttachment(int index);
    /// Stops sending a pending message with files (its id or clientId): the upload is aborted
    /// and the message discarded.
    Q_INVOKABLE void cancelUpload(const QString &messageId);

    // --- study conversations (conversationstudy.cpp) ---
    bool canReply() const;
    bool canUseThreads() const;
    bool canEdit() const;
    bool canDelete() const;
    bool canModerate() const;
    bool canReact() const;
    bool canPin() const;
    bool canListMembers() const;
    QVariantList members() const;
    bool hasPins() const;
    /// Made on first use (most rooms never show their pins); null for a direct conversation.
    MessageListModel *pinnedMessages();
    /// The pinned messages if something asked for them already, else null: what must be kept
    /// current (an edit, a reaction) without making the list.
    MessageListModel *existingPinnedMessages() const { return m_pinnedMessages; }
    int pinnedCount() const { return int(m_pins.size()); }
    QStringList pins() const { return m_pins; }
    QString replyToId() const { return m_composerMode.replyToId(); }
    QString replyToSenderName() const { return m_composerMode.replyToSenderName(); }
    QString replyToText() const { return m_composerMode.replyToText(); }
    QString editingId() const { return m_composerMode.editingId(); }
    Thread *openThread() const { return m_openThread; }
    QString actionError() const { return m_actionError; }

    /// The next message sent answers this one (shown above the composer until sent or
    /// cancelled).
    Q_INVOKABLE void startReply(const QString &messageId);
    /// The composer edits this own message: the draft becomes its text until sent or cancelled
    /// (the draft that was there comes back afterwards).
    Q_INVOKABLE void startEdit(const QString &messageId);
    /// Starts editing the newest own message (Up in an empty composer). False when none.
    Q_INVOKABLE bool editLastMessage();
    /// Leaves reply and edit mode.
    Q_INVOKABLE void cancelComposerMode();
    /// Deletes a message (the views confirm first).
    Q_INVOKABLE void deleteMessage(const QString &messageId);
    /// Adds the user's reaction, or removes it when they already gave this emoji.
    Q_INVOKABLE void toggleReaction(const QString &messageId, const QString &emoji);
    /// Marks a thread resolved (true) or open again.
    Q_INVOKABLE void setThreadResolved(const QString &rootId, bool resolved);
    Q_INVOKABLE void setPinned(const QString &messageId, bool pinned);
    /// Opens the thread of this root beside the timeline (the root may have no replies yet).
    Q_INVOKABLE void showThread(const QString &rootId);
    Q_INVOKABLE void closeThread();
    /// Fetches the pinned messages into pinnedMessages.
    Q_INVOKABLE void loadPins();
    /// Whom `@prefix` may mention: up to 8 {userId, name}, the room's members (or the other
    /// user of a direct conversation) whose name starts a word with the prefix.
    Q_INVOKABLE QVariantList mentionCandidates(const QString &prefix) const;
    /// The text the composer shows for a mention of this user ("@Ada Lovelace"); sending turns
    /// it into the server's token.
    Q_INVOKABLE QString mentionText(const QString &userId);
    Q_INVOKABLE void clearActionError();

    /// The open thread of this root, if it is the one open.
    Thread *thread(qint64 rootId) const;
    /// A reply into the thread of `rootId`, answering `replyTo` (0: none) (Thread::send).
    void sendInThread(qint64 rootId, const QString &text, qint64 replyTo = 0);
    /// The edit of an own reply in the open thread (Thread::send while editing).
    void editInThread(qint64 id, const QString &text);
    void setPins(const QStringList &pins);
    /// Who can be mentioned here: {id, name} of the room's members.
    void setMembers(const QList<std::pair<QString, QString>> &members);
    /// A user's presence changed: the member list shows it when they are a member.
    void notePresenceOf(const QString &userId);
    /// The composer's "@Name" mentions as the server's `<@id>` tokens.
    QString encodeMentions(const QString &text) const;
    /// Tokens as "@Name", remembered so that sending turns them back (editing).
    QString decodeMentions(const QString &text);
    void setActionError(const QString &error);

    // --- kept current by ConversationManager ---
    void setDetails(
        const QString &name, const QString &description, const QString &avatar, int memberCount);
    void setPeerOnline(bool online);
    void setMembership(Membership membership);
    /// A message was added (live or confirmed send): activity, and unread when from someone else
    /// and not being read. `senderName` may be empty where it is not known (the stored summary).
    void noteMessage(const QString &text, qint64 atMs, bool countsAsUnread,
        bool mentionsUser = false, const QString &senderName = {});
    /// Server or stored read state: the counts and where reading stopped (`mentionCount` -1:
    /// unchanged, for servers that do not count mentions).
    void setReadState(int unreadCount, const QString &lastReadId, int mentionCount = -1);
    /// The user has seen everything shown: unread 0, lastReadId the newest message. Returns true
    /// when the read position moved (the manager then tells the server and stores it).
    bool markRead();
    /// Fixes the "New messages" line where reading stopped (when the conversation is opened).
    void placeReadMarker();
    /// A typing notice from someone else; expires after a while without a refresh.
    void noteTyping(const QString &userId, const QString &name, bool typing);
    void clearTyping();
    /// Stops our own typing notice (sent, switched away).
    void stopTyping();
    /// Whether a "<name> joined" line should be shown for this user (seed backends send
    /// room:userJoined on every connect; once per user and run is enough).
    bool firstJoinSeen(const QString &userId);

    static constexpr int kTypingExpiryMs = 6000;

Q_SIGNALS:
    void detailsChanged();
    void peerOnlineChanged();
    void membershipChanged();
    /// The unread count, the read position or the last message changed: one signal for all of
    /// them, since a new message changes several at once and the lists redraw one row per signal.
    void summaryChanged();
    void draftChanged();
    void draftAttachmentsChanged();
    void typingChanged();
    /// Our own typing state changed (the manager sends the notice).
    void ownTypingChanged(bool typing);
    void abilitiesChanged();
    void mutedChanged();
    void pinsChanged();
    void composerModeChanged();
    void openThreadChanged();
    void actionErrorChanged();
    /// The member list arrived, or a member's presence changed.
    void membersChanged();

private:
    void pruneTyping();

    ConversationKey m_key;
    ConversationManager *m_manager;
    MessageListModel *m_messages;
    QString m_name;
    QString m_description;
    QString m_avatar;
    int m_memberCount = 0;
    bool m_peerOnline = false;
    Membership m_membership = NotMember;
    int m_unreadCount = 0;
    int m_mentionCount = 0;
    bool m_muted = false;
    QString m_lastReadId;
    QString m_lastMessageText;
    QString m_lastMessageSenderName;
    qint64 m_lastActivityMs = 0;
    QString m_draft;
    QList<OutboxAttachment> m_draftAttachments;
    TypingNotifier *m_typingNotifier = nullptr;
    struct Typist
    {
        QString name;
        qint64 expiresAt;
    };
    QHash<QString, Typist> m_typing;
    QElapsedTimer m_clock;
    QTimer m_typingPrune;
    QSet<QString> m_joinSeen;
    QStringList m_pins;
    MessageListModel *m_pinnedMessages = nullptr;
    ComposerMode m_composerMode;
    Thread *m_openThread = nullptr;
    QString m_actionError;
    QList<std::pair<QString, QString>> m_members;
    /// "@Name" → user id, for the mentions picked in the composer.
    QHash<QString, QString> m_mentionsInDraft;
};
