#include "watchdog.h"

#include <QJSEngine>

Watchdog::Watchdog()
    : m_thread([this] { run(); })
{ }

Watchdog::~Watchdog()
{
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
        m_engine = nullptr;
    }
    m_wake.notify_one();
    m_thread.join();
}

void Watchdog::arm(QJSEngine *engine, std::chrono::milliseconds limit)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopped) {
            engine->setInterrupted(true);
            m_fired = true;
            return;
        }
        m_engine = engine;
        m_deadline = std::chrono::steady_clock::now() + limit;
        m_fired = false;
    }
    m_wake.notify_one();
}

bool Watchdog::disarm()
{
    std::lock_guard lock(m_mutex);
    m_engine = nullptr;
    return m_fired;
}

void Watchdog::stop()
{
    std::lock_guard lock(m_mutex);
    m_stopped = true;
    if (m_engine) {
        m_engine->setInterrupted(true);
        m_fired = true;
        m_engine = nullptr;
    }
}

void Watchdog::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_quit) {
        if (!m_engine) {
            m_wake.wait(lock);
            continue;
        }
        // Woken early by arm() (a new deadline), disarm() or the destructor: look again.
        if (m_wake.wait_until(lock, m_deadline) == std::cv_status::timeout && m_engine
            && std::chrono::steady_clock::now() >= m_deadline) {
            m_engine->setInterrupted(true);
            m_fired = true;
            m_engine = nullptr;
        }
    }
}
