#pragma once

#include "watchdog.h"

#include <QJSValue>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

class QJSEngine;

/// A QJSEngine running one bundled script (tools/jsengine) on the JsThread, for one function.
///
/// The engine is created on the first call (the script from the resources), deleted after the
/// idle time without calls, and deleted after a call that had to be interrupted (the library's
/// state is not to be trusted after that; the next call loads afresh). Each call has the time
/// limit; a Watchdog interrupts it from another thread. The engine gets nothing but strings in
/// and strings out: no console, no timers, no access to the application.
/// Everything but shutDown() runs on the worker thread.
class ScriptWorker : public QObject
{
    Q_OBJECT

public:
    /// `resource`: the bundle in the resources; `global.function` is what call() calls.
    ScriptWorker(
        QString resource, QString global, QString function, int timeLimitMs, int idleUnloadMs);
    ~ScriptWorker() override;

    void setTimeLimitMs(int ms) { m_timeLimitMs = ms; }
    void setIdleUnloadMs(int ms);

    /// Thread-safe: interrupts the call running now; later calls fail at once.
    void shutDown();

Q_SIGNALS:
    void engineLoadedChanged(bool loaded);

protected:
    /// Calls the function; returns its result as a string, or sets `error` (the script's error
    /// message, or why it was stopped) and returns a null string.
    QString call(const QJSValueList &arguments, QString *error);

private:
    bool loadEngine(QString *error);
    void unloadEngine();

    const QString m_resource;
    const QString m_global;
    const QString m_function;
    std::unique_ptr<QJSEngine> m_engine;
    QJSValue m_callable;
    Watchdog m_watchdog;
    QTimer m_idle;
    int m_timeLimitMs;
    std::atomic_bool m_shuttingDown = false;
};
