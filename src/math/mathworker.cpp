#include "mathworker.h"

#include "logging.h"

#include <QElapsedTimer>

MathWorker::MathWorker(int timeLimitMs, int idleUnloadMs)
    : ScriptWorker(QStringLiteral(":/jsengine/math.js"), QStringLiteral("StudyMath"),
        QStringLiteral("texToSvg"), timeLimitMs, idleUnloadMs)
{ }

void MathWorker::render(const MathJob &job)
{
    QElapsedTimer timer;
    timer.start();
    QString error;
    const QString svg = call({ job.tex, job.display }, &error);
    const qint64 mathJaxMs = timer.elapsed();
    if (svg.isNull()) {
        Q_EMIT failed(job.key, error);
        return;
    }
    const MathPicture picture =
        drawMathSvg(svg, job.fontPixelSize, job.color, job.devicePixelRatio, &error);
    if (picture.image.isNull()) {
        Q_EMIT failed(job.key, error);
        return;
    }
    qCDebug(lcMath) << "formula: MathJax" << mathJaxMs << "ms, drawn" << timer.elapsed() - mathJaxMs
                    << "ms";
    Q_EMIT rendered(job.key, picture.image, picture.verticalAlign);
}
