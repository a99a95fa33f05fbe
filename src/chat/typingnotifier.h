#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

/// Turns keystrokes in the composer into few typing notices: typingStarted() on the first edit
/// and again at most every `repeatInterval` ms while the user keeps typing (so the other side's
/// indicator does not expire), typingStopped() after `idleTimeout` ms without an edit, when the
/// text becomes empty, or on stop() (message sent, conversation switched).
class TypingNotifier : public QObject
{
    Q_OBJECT

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
