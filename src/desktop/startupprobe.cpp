#include "startupprobe.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QPointer>
#include <QQuickWindow>

#include <atomic>
#include <memory>

Q_LOGGING_CATEGORY(lcStartup, "studyconnect.desktop.startup", QtWarningMsg)

namespace {
QElapsedTimer &startClockTimer()
{
    static QElapsedTimer timer;
    return timer;
}
} // namespace

StartupProbe::StartupProbe(QObject *parent)
    : QObject(parent)
{ }

StartupProbe *StartupProbe::globalInstance()
{
    static QPointer<StartupProbe> instance;
    if (!instance)
        instance = new StartupProbe(QCoreApplication::instance());
    return instance;
}

StartupProbe *StartupProbe::create(QQmlEngine *, QJSEngine *)
{
    StartupProbe *probe = globalInstance();
    QJSEngine::setObjectOwnership(probe, QJSEngine::CppOwnership);
    return probe;
}

void StartupProbe::startClock()
{
    startClockTimer().start();
}

void StartupProbe::watchFirstFrame(QQuickWindow *window)
{
    if (!window)
        return;
    // frameSwapped comes from the render thread with the threaded render loop: log from there
    // (logging is thread-safe) rather than wait for the GUI thread to get round to it.
    auto connection = std::make_shared<QMetaObject::Connection>();
    auto done = std::make_shared<std::atomic_bool>(false);
    *connection = connect(
        window, &QQuickWindow::frameSwapped, window,
        [connection, done] {
            if (done->exchange(true))
                return;
            QObject::disconnect(*connection);
            log(QStringLiteral("first frame"));
        },
        Qt::DirectConnection);
}

void StartupProbe::mark(const QString &milestone)
{
    if (m_reached.contains(milestone))
        return;
    m_reached.insert(milestone);
    log(milestone);
}

void StartupProbe::log(const QString &milestone)
{
    // "epoch" lets a harness that started the process measure from its own clock, loader included.
    qCInfo(lcStartup).noquote() << QStringLiteral(
        "milestone \"%1\" after %2 ms since main(), epoch %3 ms")
                                       .arg(milestone)
                                       .arg(startClockTimer().isValid()
                                               ? startClockTimer().elapsed()
                                               : -1)
                                       .arg(QDateTime::currentMSecsSinceEpoch());
}
