#pragma once

#include "mathsvg.h"
#include "watchdog.h"

#include <QJSValue>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

class QJSEngine;

/// One formula to draw; `key` comes back with the answer.
struct MathJob
{
    QString key;
    QString tex;
    bool display = false;
    qreal fontPixelSize = 0;
    QColor color;
    qreal devicePixelRatio = 1;
};

/// Lives on MathRenderer's worker thread and owns the QJSEngine running MathJax there.
///
/// The engine is created on the first job (the bundle from :/jsengine/math.js, a few hundred
/// milliseconds) and deleted after the idle time without jobs, or after a formula that had to be
/// interrupted (MathJax's state is not to be trusted after that; the next job loads afresh).
/// Internal to MathRenderer: every slot runs on the worker thread.
class MathWorker : public QObject
{
    Q_OBJECT

public:
    MathWorker(int timeLimitMs, int idleUnloadMs);
    ~MathWorker() override;

    void render(const MathJob &job);
    void setTimeLimitMs(int ms) { m_timeLimitMs = ms; }
    void setIdleUnloadMs(int ms);

    /// Thread-safe: stops the formula being rendered, and the jobs still queued, at once.
    void shutDown();

Q_SIGNALS:
    void rendered(const QString &key, const QImage &image, qreal verticalAlign);
    void failed(const QString &key, const QString &reason);
    void engineLoadedChanged(bool loaded);

private:
    bool loadEngine(QString *error);
    void unloadEngine();

    std::unique_ptr<QJSEngine> m_engine;
    QJSValue m_texToSvg;
    Watchdog m_watchdog;
    QTimer m_idle;
    int m_timeLimitMs;
    std::atomic_bool m_shuttingDown = false;
};
