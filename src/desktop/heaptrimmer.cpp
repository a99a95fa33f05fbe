#include "heaptrimmer.h"

#include "logging.h"

#include <QElapsedTimer>
#include <QQuickWindow>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

HeapTrimmer::HeapTrimmer(QQuickWindow *window)
    : QObject(window)
{
    m_check.setSingleShot(true);
    m_check.setInterval(DefaultDelayMs);
    connect(&m_check, &QTimer::timeout, this, &HeapTrimmer::check);
#if defined(__GLIBC__)
    // frameSwapped comes from the render thread with the threaded render loop: queued to ours.
    // The timer is not restarted by later frames, or a blinking cursor would postpone it forever.
    connect(
        window, &QQuickWindow::frameSwapped, this,
        [this] {
            if (!m_check.isActive())
                m_check.start();
        },
        Qt::QueuedConnection);
#endif
}

qint64 HeapTrimmer::freeHeapBytes()
{
#if defined(__GLIBC__)
    return qint64(mallinfo2().fordblks);
#else
    return -1;
#endif
}

bool HeapTrimmer::trim()
{
#if defined(__GLIBC__)
    return malloc_trim(0) != 0;
#else
    return false;
#endif
}

void HeapTrimmer::check()
{
    // Free memory in partly used pages cannot be given back, so what stays free after a trim is
    // the baseline: only what was freed since then is worth another trim.
    const qint64 freeBytes = freeHeapBytes();
    if (freeBytes < 0 || freeBytes - m_freeAfterLastTrim < m_thresholdBytes)
        return;
    QElapsedTimer timer;
    timer.start();
    const bool gaveBack = trim();
    m_freeAfterLastTrim = freeHeapBytes();
    qCDebug(lcDesktop) << "heap trim:" << freeBytes / 1024 << "KiB were free,"
                       << m_freeAfterLastTrim / 1024 << "KiB stay free; took" << timer.elapsed()
                       << "ms";
    if (gaveBack)
        Q_EMIT trimmed();
}
