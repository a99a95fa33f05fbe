// HeapTrimmer against glibc's real allocator: memory freed in the middle of the heap goes back to
// the system after the window's next frame, and not before there is a frame.
#include "desktop/heaptrimmer.h"

#include <QFile>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>

#include <cstdlib>
#include <memory>
#include <vector>

namespace {

qint64 residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * 4096 : -1;
}

} // namespace

class TestHeapTrimmer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void givesFreedMemoryBackAfterAFrame()
    {
#if !defined(__GLIBC__)
        QSKIP("HeapTrimmer only acts on glibc");
#endif
        QQuickWindow window;
        window.resize(200, 200);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *trimmer = new HeapTrimmer(&window);
        trimmer->setDelayMs(100);
        QSignalSpy trimmed(trimmer, &HeapTrimmer::trimmed);
        QTest::qWait(500); // the first frames' own check
        trimmed.clear();

        // 40 MB in blocks below the mmap threshold, touched, then all freed but a small block
        // allocated after them, so that glibc cannot give them back by shrinking the heap top.
        constexpr size_t BlockBytes = 64 * 1024;
        std::vector<std::unique_ptr<char[]>> blocks;
        for (int i = 0; i < 640; ++i) {
            blocks.emplace_back(new char[BlockBytes]);
            std::fill_n(blocks.back().get(), BlockBytes, char(i));
        }
        std::unique_ptr<char[]> pinned(new char[64]);
        pinned[0] = 1;
        const qint64 before = residentBytes();
        blocks.clear();
        QTest::qWait(300);
        QCOMPARE(trimmed.count(), 0); // no frame yet: the idle app is not woken up
        QVERIFY2(residentBytes() > before - 20'000'000, "glibc gave the memory back by itself");

        window.update();
        QVERIFY(trimmed.wait(3000));
        const qint64 after = residentBytes();
        QVERIFY2(after < before - 30'000'000,
            qPrintable(QStringLiteral("RSS %1 -> %2 bytes").arg(before).arg(after)));
    }
};

QTEST_MAIN(TestHeapTrimmer)
#include "tst_heaptrimmer.moc"
