#include "codehighlighter.h"

#include "codeworker.h"
#include "jsthread.h"
#include "logging.h"

#include <QMetaObject>

namespace {

constexpr int FailureCacheEntries = 64;

} // namespace

CodeHighlighter::CodeHighlighter(QObject *parent)
    : QObject(parent)
    , m_jsThread(JsThread::shared())
    , m_cache(CacheEntries)
    , m_failures(FailureCacheEntries)
{
    m_worker = new CodeWorker(DefaultTimeLimitMs, DefaultIdleUnloadMs);
    m_worker->moveToThread(m_jsThread->thread());
    connect(m_worker, &CodeWorker::highlighted, this, &CodeHighlighter::onHighlighted);
    connect(m_worker, &CodeWorker::failed, this, &CodeHighlighter::onFailed);
    connect(m_worker, &CodeWorker::engineLoadedChanged, this, &CodeHighlighter::setEngineLoaded);
}

CodeHighlighter::~CodeHighlighter()
{
    m_worker->shutDown();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { delete worker; }, Qt::BlockingQueuedConnection);
}

QString CodeHighlighter::request(const QString &code, const QString &language)
{
    const QString key = language + u'\n' + code;
    if (const CodeHighlight *result = m_cache.object(key)) {
        QMetaObject::invokeMethod(
            this, [this, key, copy = *result] { Q_EMIT highlighted(key, copy); },
            Qt::QueuedConnection);
        return key;
    }
    QString reason;
    if (const QString *failure = m_failures.object(key))
        reason = *failure;
    else if (code.size() > MaxCodeLength)
        reason = QStringLiteral("code longer than %1 characters").arg(MaxCodeLength);
    if (!reason.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this, key, reason] { Q_EMIT failed(key, reason); }, Qt::QueuedConnection);
        return key;
    }
    if (language.trimmed().isEmpty()) {
        // Guessing the language is left out: V4 and highlight.js's relevance scoring disagree.
        auto *none = new CodeHighlight;
        m_cache.insert(key, none);
        QMetaObject::invokeMethod(
            this, [this, key] { Q_EMIT highlighted(key, CodeHighlight {}); }, Qt::QueuedConnection);
        return key;
    }
    if (m_inFlight.contains(key))
        return key;
    m_inFlight.insert(key);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, key, code, language] { worker->highlight(key, code, language); },
        Qt::QueuedConnection);
    return key;
}

void CodeHighlighter::onHighlighted(const QString &key, const CodeHighlight &result)
{
    m_inFlight.remove(key);
    m_cache.insert(key, new CodeHighlight(result));
    Q_EMIT highlighted(key, result);
}

void CodeHighlighter::onFailed(const QString &key, const QString &reason)
{
    m_inFlight.remove(key);
    qCDebug(lcMath) << "code block failed:" << reason;
    m_failures.insert(key, new QString(reason));
    Q_EMIT failed(key, reason);
}

void CodeHighlighter::setEngineLoaded(bool loaded)
{
    if (m_engineLoaded == loaded)
        return;
    m_engineLoaded = loaded;
    Q_EMIT engineLoadedChanged();
}

void CodeHighlighter::setTimeLimitMs(int ms)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, ms] { worker->setTimeLimitMs(ms); }, Qt::QueuedConnection);
}

void CodeHighlighter::setIdleUnloadMs(int ms)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, ms] { worker->setIdleUnloadMs(ms); }, Qt::QueuedConnection);
}
