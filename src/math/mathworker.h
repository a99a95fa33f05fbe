#pragma once

#include "mathsvg.h"
#include "scriptworker.h"

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

/// MathJax (:/jsengine/math.js) on the JsThread, and the drawing of its SVG. Internal to
/// MathRenderer: render() runs on the worker thread.
class MathWorker : public ScriptWorker
{
    Q_OBJECT

public:
    MathWorker(int timeLimitMs, int idleUnloadMs);

    void render(const MathJob &job);

Q_SIGNALS:
    void rendered(const QString &key, const QImage &image, qreal verticalAlign);
    void failed(const QString &key, const QString &reason);
};
