#pragma once

#include "apppreferences.h"
#include "notifier.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>

/// Watches the room and conversation list models (by their role names, so it knows nothing of
/// the chat library) for unread counts that go up, and
///  - keeps `totalUnread` for the window title;
///  - asks the Notifier for a desktop notification when the message is not in view: always for
///    a conversation other than the open one, and for the open one while the window is inactive
///    (hidden in the tray included); never while notifications are off or do not disturb is on
///    (AppPreferences), mentions included; in a muted conversation only for mentions.
///
/// The title names the newest message's sender and, for a room, the room ("Ada Lovelace in
/// Calculus I"); the body is that message's text.
///
/// Rows are told apart by their `key` role, the conversation's opaque key that the views use for
/// the open conversation and the Notifier for activation.
class UnreadWatcher : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    /// Rows with roles key, name, unreadCount, lastMessageText, lastMessageSenderName,
    /// mentionCount, muted (ConversationListModel).
    Q_PROPERTY(QAbstractItemModel *rooms READ rooms WRITE setRooms NOTIFY roomsChanged)
    /// The same roles, for the direct conversations.
    Q_PROPERTY(QAbstractItemModel *conversations READ conversations WRITE setConversations NOTIFY
            conversationsChanged)
    /// The conversation in view, e.g. "room:3"; empty when none.
    Q_PROPERTY(QString activeKey READ activeKey WRITE setActiveKey NOTIFY activeKeyChanged)
    Q_PROPERTY(bool windowActive READ windowActive WRITE setWindowActive NOTIFY windowActiveChanged)
    /// Off while signed out or while the first lists load (no burst of notifications on start).
    Q_PROPERTY(bool notificationsEnabled READ notificationsEnabled WRITE setNotificationsEnabled
            NOTIFY notificationsEnabledChanged)
    Q_PROPERTY(int totalUnread READ totalUnread NOTIFY totalUnreadChanged)

public:
    explicit UnreadWatcher(QObject *parent = nullptr);

    QAbstractItemModel *rooms() const { return m_rooms.model; }
    void setRooms(QAbstractItemModel *model);
    QAbstractItemModel *conversations() const { return m_conversations.model; }
    void setConversations(QAbstractItemModel *model);
    QString activeKey() const { return m_activeKey; }
    void setActiveKey(const QString &key);
    bool windowActive() const { return m_windowActive; }
    void setWindowActive(bool active);
    bool notificationsEnabled() const { return m_notificationsEnabled; }
    void setNotificationsEnabled(bool enabled);
    int totalUnread() const { return m_totalUnread; }

    /// The Notifier to use (the QML singleton's instance by default, set on first use).
    void setNotifier(Notifier *notifier) { m_notifier = notifier; }
    /// Where notifications off and do not disturb are read (the global instance by default).
    void setPreferences(AppPreferences *preferences) { m_preferences = preferences; }

    /// A notification's title: "Ada Lovelace in Calculus I" for a room, "Ada Lovelace" for a
    /// direct conversation, "Ada Lovelace mentioned you in Calculus I" for a mention; the
    /// conversation's name alone when the sender is not known.
    static QString notificationTitle(
        bool direct, const QString &conversationName, const QString &senderName, bool mentioned);

Q_SIGNALS:
    void roomsChanged();
    void conversationsChanged();
    void activeKeyChanged();
    void windowActiveChanged();
    void notificationsEnabledChanged();
    void totalUnreadChanged();
    /// A notification for `key` was requested (tests and the log).
    void notified(const QString &key, const QString &title, const QString &body);

private:
    struct Source
    {
        QPointer<QAbstractItemModel> model;
        QByteArray idRole;
        QByteArray nameRole;
        bool direct = false;
        int id = -1, name = -1, unread = -1, text = -1, sender = -1, mentions = -1, muted = -1;
        QList<QMetaObject::Connection> connections;
        QHash<QString, int> lastUnread;
        QHash<QString, int> lastMentions;
    };
    void attach(Source &source, QAbstractItemModel *model);
    void resolveRoles(Source &source);
    /// Re-reads every row: updates the total and notifies for counts that went up.
    void scan(Source &source, bool mayNotify);
    void recomputeTotal();

    Source m_rooms;
    Source m_conversations;
    QString m_activeKey;
    bool m_windowActive = true;
    bool m_notificationsEnabled = true;
    int m_totalUnread = 0;
    QPointer<Notifier> m_notifier;
    QPointer<AppPreferences> m_preferences;
};
