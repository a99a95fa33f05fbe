#include "mathrenderer.h"

#include "jsthread.h"
#include "logging.h"
#include "mathworker.h"

#include <QMetaObject>

namespace {

constexpr int FailureCacheEntries = 256;

qsizetype imageCost(const QImage &image)
{
    return qMax<qsizetype>(1, image.sizeInBytes());
}

} // namespace

MathRenderer::MathRenderer(QObject *parent)
    : QObject(parent)
    , m_jsThread(JsThread::shared())
    , m_cache(static_cast<qsizetype>(DefaultCacheBytes))
    , m_failures(FailureCacheEntries)
{
    m_worker = new MathWorker(m_timeLimitMs, m_idleUnloadMs);
    m_worker->moveToThread(m_jsThread->thread());
    connect(m_worker, &MathWorker::rendered, this, &MathRenderer::onRendered);
    connect(m_worker, &MathWorker::failed, this, &MathRenderer::onFailed);
    connect(m_worker, &MathWorker::engineLoadedChanged, this, &MathRenderer::setEngineLoaded);
}

MathRenderer::~MathRenderer()
{
    // A formula being rendered is interrupted rather than waited for; jobs still queued are
    // dropped with the worker (the thread may go on serving a CodeHighlighter).
    m_worker->shutDown();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { delete worker; }, Qt::BlockingQueuedConnection);
}

QString MathRenderer::precheck(const QString &tex)
{
    if (tex.trimmed().isEmpty())
        return QStringLiteral("empty formula");
    if (tex.size() > MaxSourceLength)
        return QStringLiteral("formula longer than %1 characters").arg(MaxSourceLength);
    int depth = 0;
    for (qsizetype i = 0; i < tex.size(); ++i) {
        const QChar c = tex.at(i);
        if (c == u'\\') {
            ++i; // \{ and \} are characters, not groups
        } else if (c == u'{' && ++depth > MaxBraceDepth) {
            return QStringLiteral("braces nested deeper than %1").arg(MaxBraceDepth);
        } else if (c == u'}') {
            --depth;
        }
    }
    return {};
}

QString MathRenderer::request(const QString &tex, bool display, qreal fontPixelSize,
    const QColor &color, qreal devicePixelRatio)
{
    const QString key = (display ? QStringLiteral("D|") : QStringLiteral("I|"))
        + QString::number(fontPixelSize, 'g', 6) + u'|' + color.name(QColor::HexArgb) + u'|'
        + QString::number(devicePixelRatio, 'g', 6) + u'|' + tex;

    if (const MathPicture *picture = m_cache.object(key)) {
        QMetaObject::invokeMethod(
            this,
            [this, key, image = picture->image, align = picture->verticalAlign] {
                Q_EMIT rendered(key, image, align);
            },
            Qt::QueuedConnection);
        return key;
    }
    QString reason;
    if (const QString *failure = m_failures.object(key))
        reason = *failure;
    else if (fontPixelSize <= 0 || devicePixelRatio <= 0)
        reason = QStringLiteral("invalid size");
    else
        reason = precheck(tex);
    if (!reason.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this, key, reason] { Q_EMIT failed(key, reason); }, Qt::QueuedConnection);
        return key;
    }
    if (m_inFlight.contains(key))
        return key;
    m_inFlight.insert(key);
    MathJob job { key, tex, display, fontPixelSize, color, devicePixelRatio };
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, job] { worker->render(job); }, Qt::QueuedConnection);
    return key;
}

void MathRenderer::onRendered(const QString &key, const QImage &image, qreal verticalAlign)
{
    m_inFlight.remove(key);
    m_cache.insert(key, new MathPicture { image, verticalAlign }, imageCost(image));
    Q_EMIT rendered(key, image, verticalAlign);
}

void MathRenderer::onFailed(const QString &key, const QString &reason)
{
    m_inFlight.remove(key);
    qCDebug(lcMath) << "formula failed:" << reason;
    m_failures.insert(key, new QString(reason));
    Q_EMIT failed(key, reason);
}

void MathRenderer::setEngineLoaded(bool loaded)
{
    if (m_engineLoaded == loaded)
        return;
    m_engineLoaded = loaded;
    Q_EMIT engineLoadedChanged();
}

void MathRenderer::setTimeLimitMs(int ms)
{
    m_timeLimitMs = ms;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, ms] { worker->setTimeLimitMs(ms); }, Qt::QueuedConnection);
}

void MathRenderer::setIdleUnloadMs(int ms)
{
    m_idleUnloadMs = ms;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, ms] { worker->setIdleUnloadMs(ms); }, Qt::QueuedConnection);
}

void MathRenderer::setCacheCapacityBytes(qint64 bytes)
{
    m_cache.setMaxCost(
        static_cast<qsizetype>(qMin<qint64>(bytes, std::numeric_limits<int>::max())));
}
