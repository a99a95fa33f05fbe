#pragma once

#include <QObject>
#include <QTimer>

class QQuickWindow;

/// Hands the memory that glibc's allocator keeps after big frees back to the system.
///
/// glibc returns freed memory only from the top of the heap; what a burst of work frees below
/// that (the payloads of thousands of ingested messages, the delegates of the conversation the
/// student just left) stays in the process's RSS until something is allocated there again. So,
/// a moment after the window drew a frame following such work, the trimmer looks at how much
/// free memory the allocator holds and, when that grew by a threshold since the last trim, calls
/// malloc_trim(). Checks follow frames, so an idle app does not wake up for them. Elsewhere than
/// glibc it does nothing.
class HeapTrimmer : public QObject
{
    Q_OBJECT

public:
    /// Free heap memory below this is not worth a trim.
    static constexpr qint64 DefaultThresholdBytes = 2 * 1024 * 1024;
    static constexpr int DefaultDelayMs = 1000;

    explicit HeapTrimmer(QQuickWindow *window);

    /// Free memory the allocator holds (all arenas), or -1 where that cannot be known.
    static qint64 freeHeapBytes();
    /// Trims now; returns whether the allocator gave memory back.
    static bool trim();

    void setThresholdBytes(qint64 bytes) { m_thresholdBytes = bytes; }
    void setDelayMs(int ms) { m_check.setInterval(ms); }

Q_SIGNALS:
    /// After a check where malloc_trim() gave memory back to the system.
    void trimmed();

private:
    void check();

    QTimer m_check;
    qint64 m_thresholdBytes = DefaultThresholdBytes;
    qint64 m_freeAfterLastTrim = 0;
};
