#include "typingnotifier.h"

TypingNotifier::TypingNotifier(QObject *parent)
    : QObject(parent)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(4000);
    connect(&m_idle, &QTimer::timeout, this, &TypingNotifier::stop);
}

void TypingNotifier::setIdleTimeout(int ms)
{
    if (m_idle.interval() == ms)
        return;
    m_idle.setInterval(ms);
    Q_EMIT intervalsChanged();
}

void TypingNotifier::edited(bool empty)
{
    if (empty) {
        stop();
        return;
    }
    m_idle.start();
    if (m_typing && m_sinceStart.isValid() && m_sinceStart.elapsed() < m_repeatInterval)
        return;
    m_sinceStart.start();
    const bool was = m_typing;
    m_typing = true;
    if (!was)
        Q_EMIT typingChanged();
    Q_EMIT typingStarted();
}

void TypingNotifier::stop()
{
    m_idle.stop();
    if (!m_typing)
        return;
    m_typing = false;
    Q_EMIT typingChanged();
    Q_EMIT typingStopped();
}
