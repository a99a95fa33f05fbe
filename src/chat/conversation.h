#pragma once

#include "conversationkey.h"
#include "messagelistmodel.h"

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
    /// The newest message the user has read; empty when unknown.
    Q_PROPERTY(QString lastReadId READ lastReadId NOTIFY summaryChanged)
    Q_PROPERTY(QString lastMessageText READ lastMessageText NOTIFY summaryChanged)
    Q_PROPERTY(QDateTime lastActivity READ lastActivity NOTIFY summaryChanged)
    /// What the composer holds for this conversation; kept while others are open.
    Q_PROPERTY(QString draft READ draft WRITE setDraft NOTIFY draftChanged)
    /// "Ada is typing…", "Ada and Alan are typing…", "Several people are typing…", or "".
    Q_PROPERTY(QString typingText READ typingText NOTIFY typingChanged)

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
    QString lastReadId() const { return m_lastReadId; }
    QString lastMessageText() const { return m_lastMessageText; }
    QDateTime lastActivity() const;
    qint64 lastActivityMs() const { return m_lastActivityMs; }
    QString draft() const { return m_draft; }
    void setDraft(const QString &draft);
    QString typingText() const;

    /// Sends the text (Pending until the server has it); clears the draft. False when blank.
    Q_INVOKABLE bool send(const QString &text);
    /// Joins the room (rooms only).
    Q_INVOKABLE void join();
    /// Leaves the room: the membership ends (rooms only).
    Q_INVOKABLE void leave();

    // --- kept current by ConversationManager ---
    void setDetails(
        const QString &name, const QString &description, const QString &avatar, int memberCount);
    void setPeerOnline(bool online);
    void setMembership(Membership membership);
    /// A message was added (live or confirmed send): activity, and unread when from someone else
    /// and not being read.
    void noteMessage(const QString &text, qint64 atMs, bool countsAsUnread);
    /// Server or stored read state: the count and where reading stopped.
    void setReadState(int unreadCount, const QString &lastReadId);
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
    void typingChanged();
    /// Our own typing state changed (the manager sends the notice).
    void ownTypingChanged(bool typing);

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
    QString m_lastReadId;
    QString m_lastMessageText;
    qint64 m_lastActivityMs = 0;
    QString m_draft;
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
};
