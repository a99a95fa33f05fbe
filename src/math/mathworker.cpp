#include "mathworker.h"

#include "logging.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJSEngine>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

MathWorker::MathWorker(int timeLimitMs, int idleUnloadMs)
    : m_idle(this)
    , m_timeLimitMs(timeLimitMs)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(idleUnloadMs);
    connect(&m_idle, &QTimer::timeout, this, &MathWorker::unloadEngine);
}

MathWorker::~MathWorker()
{
    m_watchdog.disarm();
    m_texToSvg = QJSValue();
    m_engine.reset();
}

void MathWorker::setIdleUnloadMs(int ms)
{
    m_idle.setInterval(ms);
    if (m_idle.isActive())
        m_idle.start();
}

void MathWorker::shutDown()
{
    m_shuttingDown = true;
    m_watchdog.interruptNow();
}

bool MathWorker::loadEngine(QString *error)
{
    QElapsedTimer timer;
    timer.start();
    QFile file(QStringLiteral(":/jsengine/math.js"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("the math engine is missing from the resources");
        return false;
    }
    const QString source = QString::fromUtf8(file.readAll());
    // Nothing but the language itself: no console, no timers, no access to the application.
    m_engine = std::make_unique<QJSEngine>();
    const QJSValue result = m_engine->evaluate(source, QStringLiteral("qrc:/jsengine/math.js"));
    m_texToSvg = m_engine->globalObject()
                     .property(QStringLiteral("StudyMath"))
                     .property(QStringLiteral("texToSvg"));
    if (result.isError() || !m_texToSvg.isCallable()) {
        *error = QStringLiteral("the math engine did not load: ") + result.toString();
        m_texToSvg = QJSValue();
        m_engine.reset();
        return false;
    }
    qCDebug(lcMath) << "math engine loaded in" << timer.elapsed() << "ms";
    Q_EMIT engineLoadedChanged(true);
    return true;
}

void MathWorker::unloadEngine()
{
    if (!m_engine)
        return;
    m_idle.stop();
    m_texToSvg = QJSValue();
    m_engine.reset();
#if defined(__GLIBC__)
    // The engine's heap was tens of megabytes of small blocks: hand them back to the system.
    malloc_trim(0);
#endif
    qCDebug(lcMath) << "math engine unloaded";
    Q_EMIT engineLoadedChanged(false);
}

void MathWorker::render(const MathJob &job)
{
    if (m_shuttingDown)
        return;
    QString error;
    if (!m_engine && !loadEngine(&error)) {
        Q_EMIT failed(job.key, error);
        return;
    }

    QElapsedTimer timer;
    timer.start();
    m_watchdog.arm(m_engine.get(), std::chrono::milliseconds(m_timeLimitMs));
    const QJSValue result = m_texToSvg.call({ job.tex, job.display });
    const bool interrupted = m_watchdog.disarm();

    if (interrupted || m_engine->isInterrupted()) {
        qCInfo(lcMath) << "formula interrupted after" << timer.elapsed() << "ms";
        unloadEngine();
        Q_EMIT failed(job.key,
            m_shuttingDown
                ? QStringLiteral("shutting down")
                : QStringLiteral("the formula took longer than %1 ms").arg(m_timeLimitMs));
        return;
    }
    m_idle.start();
    if (result.isError()) {
        const QString message = result.property(QStringLiteral("message")).toString();
        Q_EMIT failed(job.key, message.isEmpty() ? result.toString() : message);
        return;
    }
    const MathPicture picture =
        drawMathSvg(result.toString(), job.fontPixelSize, job.color, job.devicePixelRatio, &error);
    if (picture.image.isNull()) {
        Q_EMIT failed(job.key, error);
        return;
    }
    qCDebug(lcMath) << "formula drawn in" << timer.elapsed() << "ms";
    Q_EMIT rendered(job.key, picture.image, picture.verticalAlign);
}
