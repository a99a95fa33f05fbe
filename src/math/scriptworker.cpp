#include "scriptworker.h"

#include "logging.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJSEngine>

#include <mutex>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {

// While a bundle is compiled on this thread, V4's "Variable X is used before its declaration"
// warnings (about minified let/const used in functions declared earlier, which is legal) are
// dropped: twenty lines of noise at every load. Everything else, and every other thread, goes to
// the handler that was there before.
thread_local bool compilingBundle = false;
// Far above the few hundred milliseconds a load takes on a busy machine.
constexpr int LoadTimeLimitMs = 30'000;
QtMessageHandler previousHandler = nullptr;

void quietBundleCompiler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (compilingBundle && context.category && qstrcmp(context.category, "qt.qml.compiler") == 0)
        return;
    previousHandler(type, context, message);
}

} // namespace

ScriptWorker::ScriptWorker(
    QString resource, QString global, QString function, int timeLimitMs, int idleUnloadMs)
    : m_resource(std::move(resource))
    , m_global(std::move(global))
    , m_function(std::move(function))
    , m_idle(this)
    , m_timeLimitMs(timeLimitMs)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(idleUnloadMs);
    connect(&m_idle, &QTimer::timeout, this, &ScriptWorker::unloadEngine);
}

ScriptWorker::~ScriptWorker()
{
    m_watchdog.disarm();
    m_callable = QJSValue();
    m_engine.reset();
}

void ScriptWorker::setIdleUnloadMs(int ms)
{
    m_idle.setInterval(ms);
    if (m_idle.isActive())
        m_idle.start();
}

void ScriptWorker::shutDown()
{
    m_shuttingDown = true;
    m_watchdog.stop();
}

bool ScriptWorker::loadEngine(QString *error)
{
    QElapsedTimer timer;
    timer.start();
    QFile file(m_resource);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1 is missing from the resources").arg(m_resource);
        return false;
    }
    const QString source = QString::fromUtf8(file.readAll());
    static std::once_flag installHandler;
    std::call_once(
        installHandler, [] { previousHandler = qInstallMessageHandler(quietBundleCompiler); });
    m_engine = std::make_unique<QJSEngine>();
    // Loading runs the libraries' set-up code: watched too, so that shutting down stops it.
    m_watchdog.arm(m_engine.get(), std::chrono::milliseconds(LoadTimeLimitMs));
    compilingBundle = true;
    const QJSValue result = m_engine->evaluate(source, QStringLiteral("qrc") + m_resource);
    compilingBundle = false;
    const bool interrupted = m_watchdog.disarm();
    m_callable = m_engine->globalObject().property(m_global).property(m_function);
    if (interrupted || result.isError() || !m_callable.isCallable()) {
        *error = m_shuttingDown
            ? QStringLiteral("shutting down")
            : QStringLiteral("%1 did not load: %2").arg(m_resource, result.toString());
        m_callable = QJSValue();
        m_engine.reset();
        return false;
    }
    qCDebug(lcMath) << m_resource << "loaded in" << timer.elapsed() << "ms";
    Q_EMIT engineLoadedChanged(true);
    return true;
}

void ScriptWorker::unloadEngine()
{
    if (!m_engine)
        return;
    m_idle.stop();
    m_callable = QJSValue();
    m_engine.reset();
#if defined(__GLIBC__)
    // The engine's heap was tens of megabytes of small blocks: hand them back to the system.
    malloc_trim(0);
#endif
    qCDebug(lcMath) << m_resource << "unloaded";
    Q_EMIT engineLoadedChanged(false);
}

QString ScriptWorker::call(const QJSValueList &arguments, QString *error)
{
    if (m_shuttingDown) {
        *error = QStringLiteral("shutting down");
        return {};
    }
    if (!m_engine && !loadEngine(error))
        return {};

    QElapsedTimer timer;
    timer.start();
    m_watchdog.arm(m_engine.get(), std::chrono::milliseconds(m_timeLimitMs));
    const QJSValue result = m_callable.call(arguments);
    const bool interrupted = m_watchdog.disarm();
    if (interrupted || m_engine->isInterrupted()) {
        qCInfo(lcMath) << m_global << "interrupted after" << timer.elapsed() << "ms";
        unloadEngine();
        *error = m_shuttingDown ? QStringLiteral("shutting down")
                                : QStringLiteral("took longer than %1 ms").arg(m_timeLimitMs);
        return {};
    }
    m_idle.start();
    if (result.isError()) {
        const QString message = result.property(QStringLiteral("message")).toString();
        *error = message.isEmpty() ? result.toString() : message;
        return {};
    }
    return result.toString();
}
