#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QQmlEngine>
#include <QTimer>

/// Turns keystrokes in the composer into few typing notices: typingStarted() on the first edit
/// and again at most every `repeatInterval` ms while the user keeps typing (so the other side's
/// indicator does not expire), typingStopped() after `idleTimeout` ms without an edit, when the
/// text becomes empty, or on stop() (message sent, conversation switched).
class TypingNotifier : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(bool typing READ typing NOTIFY typingChanged)
    Q_PROPERTY(int repeatInterval MEMBER m_repeatInterval NOTIFY intervalsChanged)
    Q_PROPERTY(int idleTimeout READ idleTimeout WRITE setIdleTimeout NOTIFY intervalsChanged)

public:
    explicit TypingNotifier(QObject *parent = nullptr);

    bool typing() const { return m_typing; }
    int idleTimeout() const { return m_idle.interval(); }
    void setIdleTimeout(int ms);

    /// The user edited the text; `empty` when it is now blank.
    Q_INVOKABLE void edited(bool empty);
    Q_INVOKABLE void stop();

Q_SIGNALS:
    void typingChanged();
    void intervalsChanged();
    void typingStarted();
    void typingStopped();

private:
    bool m_typing = false;
    int m_repeatInterval = 3000;
    QElapsedTimer m_sinceStart;
    QTimer m_idle;
};

/// Who is typing where, for the line under the timeline: entries expire after `expiry` ms
/// without a refresh (a lost typing:stop must not leave "Ada is typing…" up forever).
class TypingTracker : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(int expiry MEMBER m_expiry NOTIFY expiryChanged)
    /// Bumped on every change, for bindings on text(key).
    Q_PROPERTY(int revision READ revision NOTIFY changed)

public:
    explicit TypingTracker(QObject *parent = nullptr);

    int revision() const { return m_revision; }

    /// `key` is the conversation ("room:3", "dm:7"); `name` is shown to the user.
    Q_INVOKABLE void note(const QString &key, const QString &userId, const QString &name, bool typing);
    /// A `typing:update` payload as the server relays it ({roomId | recipientId, userId, user,
    /// typing}); notices from `selfId` (our other clients) are ignored. See docs/PROTOCOL.md.
    Q_INVOKABLE void noteEvent(const QVariant &payload, const QString &selfId);
    /// "Ada is typing…", "Ada and Alan are typing…", "Several people are typing…", or "".
    Q_INVOKABLE QString text(const QString &key) const;
    Q_INVOKABLE void clear();

Q_SIGNALS:
    void expiryChanged();
    void changed();

private:
    struct Entry
    {
        QString name;
        qint64 expiresAt;
    };
    void prune();

    QHash<QString, QHash<QString, Entry>> m_typing; // key -> userId -> entry
    QElapsedTimer m_clock;
    QTimer m_pruneTimer;
    int m_expiry = 6000;
    int m_revision = 0;
};
