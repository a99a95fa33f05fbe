#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

class QJSEngine;

/// Interrupts a QJSEngine that runs past a deadline, from a thread of its own.
///
/// The engine's thread cannot watch itself while it is inside a script, and the GUI thread must
/// not be the one to notice (it may be busy too), so a small std::thread sleeps until the
/// deadline and then calls QJSEngine::setInterrupted(true), which is safe from any thread.
/// arm() and disarm() are called by the engine's thread around each call into the engine; the
/// engine must outlive the armed period (disarm() before deleting it).
class Watchdog
{
public:
    Watchdog();
    ~Watchdog();
    Watchdog(const Watchdog &) = delete;
    Watchdog &operator=(const Watchdog &) = delete;

    /// Interrupts `engine` unless disarm() comes within `limit`.
    void arm(QJSEngine *engine, std::chrono::milliseconds limit);
    /// Stops watching; returns whether the deadline passed and the engine was interrupted.
    bool disarm();
    /// Shutting down: interrupts the engine being watched now, and any engine armed later at once.
    void stop();

private:
    void run();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    QJSEngine *m_engine = nullptr;
    std::chrono::steady_clock::time_point m_deadline;
    bool m_fired = false;
    bool m_stopped = false;
    bool m_quit = false;
    std::thread m_thread;
};
