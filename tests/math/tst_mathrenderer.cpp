// MathRenderer against the real MathJax bundle in a real QJSEngine: sizes, colours, the cache,
// bad TeX, the time limit, the GUI thread staying free, and the engine unloading when idle.
#include "math/mathrenderer.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace std::chrono_literals;

namespace {

const QString Integral = QStringLiteral(R"(\int_0^\pi \sin x\,dx = 2)");
// 10,000 expansions of \x each leave an "a" behind: MathJax's own macro limit is reached only
// after many seconds of work in QJSEngine, so the time limit has to stop it.
const QString SlowMacroLoop = QStringLiteral(R"(\def\x{a\x}\x)");

struct Answer
{
    bool done = false;
    bool ok = false;
    QImage image;
    qreal verticalAlign = 0;
    QString reason;
    qint64 elapsedMs = 0;
};

Answer waitFor(MathRenderer &renderer, const QString &tex, bool display, qreal px,
    const QColor &color, qreal dpr = 1.0, int timeoutMs = 30'000)
{
    Answer answer;
    QElapsedTimer timer;
    timer.start();
    QString key;
    const auto onRendered = QObject::connect(&renderer, &MathRenderer::rendered,
        [&](const QString &k, const QImage &image, qreal align) {
            if (k != key)
                return;
            answer = { true, true, image, align, {}, timer.elapsed() };
        });
    const auto onFailed = QObject::connect(
        &renderer, &MathRenderer::failed, [&](const QString &k, const QString &reason) {
            if (k != key)
                return;
            answer = { true, false, {}, 0, reason, timer.elapsed() };
        });
    key = renderer.request(tex, display, px, color, dpr);
    // A timeout leaves answer.done false, which the callers check.
    (void)QTest::qWaitFor([&] { return answer.done; }, timeoutMs);
    QObject::disconnect(onRendered);
    QObject::disconnect(onFailed);
    return answer;
}

// Pixels drawn (alpha over half) and, of those, how many are the given colour.
std::pair<int, int> inkPixels(const QImage &image, const QColor &color)
{
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    int ink = 0;
    int matching = 0;
    for (int y = 0; y < argb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x) {
            if (qAlpha(line[x]) < 128)
                continue;
            ++ink;
            if (qAbs(qRed(line[x]) - color.red()) <= 2 && qAbs(qGreen(line[x]) - color.green()) <= 2
                && qAbs(qBlue(line[x]) - color.blue()) <= 2)
                ++matching;
        }
    }
    return { ink, matching };
}

} // namespace

class TestMathRenderer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rendersAFormulaAtAPlausibleSize();
    void drawsInTheRequestedColour_data();
    void drawsInTheRequestedColour();
    void followsTheDevicePixelRatio();
    void drawsTextOutsideMathJaxFonts();
    void displayIsLargerThanInline();
    void cacheHitIsFastAndTheSameImage();
    void badTexFailsWithAReason_data();
    void badTexFailsWithAReason();
    void definitionsDoNotLeakIntoTheNextFormula();
    void deepNestingWithoutBracesEndsInTime();
    void slowMacroLoopIsInterruptedAndTheNextFormulaRenders();
    void guiThreadKeepsRunningDuringASlowFormula();
    void engineUnloadsWhenIdle();
};

void TestMathRenderer::rendersAFormulaAtAPlausibleSize()
{
    MathRenderer renderer;
    QVERIFY(!renderer.engineLoaded());
    const Answer answer = waitFor(renderer, Integral, false, 16, Qt::black);
    QVERIFY2(answer.ok, qPrintable(answer.reason));
    QVERIFY(renderer.engineLoaded());
    const QSizeF size = answer.image.deviceIndependentSize();
    qInfo() << "inline integral at 16 px:" << size << "vertical-align" << answer.verticalAlign
            << "in" << answer.elapsedMs << "ms (engine load included)";
    // 14.4 ex wide, 2.7 ex high; an x-height of 16 px text is 7 to 10 px.
    QVERIFY2(size.width() > 80 && size.width() < 200, qPrintable(QString::number(size.width())));
    QVERIFY2(size.height() > 15 && size.height() < 35, qPrintable(QString::number(size.height())));
    // The integral sign reaches below the baseline.
    QVERIFY(answer.verticalAlign < 0);
    QVERIFY(answer.verticalAlign > -size.height());
}

void TestMathRenderer::drawsInTheRequestedColour_data()
{
    QTest::addColumn<QColor>("color");
    QTest::newRow("black on light") << QColor(Qt::black);
    QTest::newRow("white-ish on dark") << QColor(0xe8, 0xea, 0xed);
    QTest::newRow("accent") << QColor(0x1a, 0x73, 0xe8);
}

void TestMathRenderer::drawsInTheRequestedColour()
{
    QFETCH(QColor, color);
    MathRenderer renderer;
    const Answer answer = waitFor(renderer, Integral, false, 20, color);
    QVERIFY2(answer.ok, qPrintable(answer.reason));
    const auto [ink, matching] = inkPixels(answer.image, color);
    qInfo() << color.name() << ink << "ink pixels," << matching << "of the colour";
    QVERIFY(ink > 100);
    // Antialiased edges blend with transparency only, so the opaque ink is the colour itself.
    QVERIFY2(
        matching > ink * 9 / 10, qPrintable(QStringLiteral("%1 of %2").arg(matching).arg(ink)));
}

void TestMathRenderer::followsTheDevicePixelRatio()
{
    MathRenderer renderer;
    const Answer one = waitFor(renderer, Integral, false, 16, Qt::black, 1.0);
    const Answer two = waitFor(renderer, Integral, false, 16, Qt::black, 2.0);
    QVERIFY(one.ok && two.ok);
    QCOMPARE(two.image.devicePixelRatio(), 2.0);
    QVERIFY(qAbs(two.image.width() - 2 * one.image.width()) <= 2);
    QVERIFY(qAbs(two.image.deviceIndependentSize().height()
                - one.image.deviceIndependentSize().height())
        <= 1);
}

void TestMathRenderer::drawsTextOutsideMathJaxFonts()
{
    // MathJax leaves characters its fonts lack to <text> elements, drawn with the system's fonts.
    MathRenderer renderer;
    const QColor color(0x20, 0x80, 0x20);
    const Answer answer =
        waitFor(renderer, QStringLiteral(R"(\text{Größe ≈ 日本} = x_{ü})"), false, 16, color);
    QVERIFY2(answer.ok, qPrintable(answer.reason));
    const auto [ink, matching] = inkPixels(answer.image, color);
    QVERIFY(ink > 100);
    QVERIFY(matching > ink * 9 / 10);
}

void TestMathRenderer::displayIsLargerThanInline()
{
    MathRenderer renderer;
    const QString sum = QStringLiteral(R"(\sum_{k=1}^{n} k = \frac{n(n+1)}{2})");
    const Answer inlineSum = waitFor(renderer, sum, false, 16, Qt::black);
    const Answer displaySum = waitFor(renderer, sum, true, 16, Qt::black);
    QVERIFY(inlineSum.ok && displaySum.ok);
    qInfo() << "inline" << inlineSum.image.size() << "display" << displaySum.image.size();
    QVERIFY(displaySum.image.height() > inlineSum.image.height() * 1.2);
}

void TestMathRenderer::cacheHitIsFastAndTheSameImage()
{
    MathRenderer renderer;
    const Answer first = waitFor(renderer, Integral, true, 18, Qt::black);
    QVERIFY(first.ok);
    const Answer second = waitFor(renderer, Integral, true, 18, Qt::black);
    QVERIFY(second.ok);
    qInfo() << "first" << first.elapsedMs << "ms, cached" << second.elapsedMs << "ms";
    QVERIFY(second.elapsedMs < 50);
    QCOMPARE(second.image.cacheKey(), first.image.cacheKey());
    QCOMPARE(second.verticalAlign, first.verticalAlign);
    // Another colour is another picture.
    const Answer red = waitFor(renderer, Integral, true, 18, Qt::red);
    QVERIFY(red.ok);
    QVERIFY(red.image.cacheKey() != first.image.cacheKey());
}

void TestMathRenderer::badTexFailsWithAReason_data()
{
    QTest::addColumn<QString>("tex");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unclosed") << QStringLiteral(R"(\frac{)") << QStringLiteral("Missing");
    QTest::newRow("undefined") << QStringLiteral(R"(\notamacro x)") << QStringLiteral("Undefined");
    QTest::newRow("nested braces")
        << QString(QStringLiteral("{").repeated(1500) + u'x' + QStringLiteral("}").repeated(1500))
        << QStringLiteral("nested");
    QTest::newRow("def loop") << QStringLiteral(R"(\def\x{\x}\x)") << QStringLiteral("macro");
    QTest::newRow("newcommand loop")
        << QStringLiteral(R"(\newcommand{\x}{\x}\x)") << QStringLiteral("macro");
    QTest::newRow("buffer bomb") << QStringLiteral(
        R"(\def\a{xxxxxxxx}\def\b{\a\a\a\a\a\a\a\a})"
        R"(\def\c{\b\b\b\b\b\b\b\b}\def\d{\c\c\c\c\c\c\c\c}\d\d\d)")
                                 << QStringLiteral("buffer|longer than");
    QTest::newRow("too long") << QStringLiteral("x+").repeated(3000) << QStringLiteral("longer");
    QTest::newRow("empty") << QStringLiteral("  ") << QStringLiteral("empty");
}

void TestMathRenderer::badTexFailsWithAReason()
{
    QFETCH(QString, tex);
    QFETCH(QString, reason);
    MathRenderer renderer;
    const Answer answer = waitFor(renderer, tex, false, 16, Qt::black);
    QVERIFY(answer.done);
    qInfo() << "failed in" << answer.elapsedMs << "ms:" << answer.reason;
    QVERIFY(!answer.ok);
    QVERIFY(!answer.reason.isEmpty());
    const QRegularExpression expected(reason, QRegularExpression::CaseInsensitiveOption);
    QVERIFY2(answer.reason.contains(expected), qPrintable(answer.reason));
    // Engine load (a second at most on a busy machine) plus the time limit.
    QVERIFY(answer.elapsedMs < MathRenderer::DefaultTimeLimitMs + 5000);
    // The engine is still usable.
    QVERIFY(waitFor(renderer, QStringLiteral("x^2"), false, 16, Qt::black).ok);
}

void TestMathRenderer::definitionsDoNotLeakIntoTheNextFormula()
{
    MathRenderer renderer;
    const QString fraction = QStringLiteral(R"(\frac{a}{b})");
    const Answer before = waitFor(renderer, fraction, false, 16, Qt::black);
    QVERIFY(before.ok);
    QVERIFY(waitFor(renderer, QStringLiteral(R"(\def\foo{Q}\foo)"), false, 16, Qt::black).ok);
    const Answer foo = waitFor(renderer, QStringLiteral(R"(\foo)"), false, 16, Qt::black);
    QVERIFY(!foo.ok);
    QVERIFY2(foo.reason.contains(QStringLiteral("Undefined")), qPrintable(foo.reason));
    // One message redefining \frac changes nothing for the next (another colour: not cached).
    QVERIFY(
        waitFor(renderer, QStringLiteral(R"(\renewcommand{\frac}{X}\frac)"), false, 16, Qt::black)
            .ok);
    const Answer after = waitFor(renderer, fraction, false, 16, Qt::blue);
    QVERIFY(after.ok);
    QCOMPARE(after.image.size(), before.image.size());
}

void TestMathRenderer::deepNestingWithoutBracesEndsInTime()
{
    // \left( ... \right) nests without braces, so the brace check lets it through to MathJax,
    // whose parser and SVG output then recurse 300 levels: drawn or refused, but in time.
    MathRenderer renderer;
    const QString deep = QStringLiteral(R"(\left()").repeated(300) + u'x'
        + QStringLiteral(R"(\right))").repeated(300);
    const Answer answer = waitFor(renderer, deep, false, 16, Qt::black);
    QVERIFY(answer.done);
    qInfo() << (answer.ok ? "drawn" : "refused") << "in" << answer.elapsedMs << "ms"
            << answer.reason << answer.image.size();
    QVERIFY(answer.elapsedMs < MathRenderer::DefaultTimeLimitMs + 5000);
    QVERIFY(waitFor(renderer, QStringLiteral("x^2"), false, 16, Qt::black).ok);
}

void TestMathRenderer::slowMacroLoopIsInterruptedAndTheNextFormulaRenders()
{
    MathRenderer renderer;
    renderer.setTimeLimitMs(1000);
    QVERIFY(waitFor(renderer, QStringLiteral("x"), false, 16, Qt::black).ok); // engine loaded
    QSignalSpy loaded(&renderer, &MathRenderer::engineLoadedChanged);

    const Answer loop = waitFor(renderer, SlowMacroLoop, false, 16, Qt::black);
    QVERIFY(loop.done);
    qInfo() << "interrupted after" << loop.elapsedMs << "ms:" << loop.reason;
    QVERIFY(!loop.ok);
    QVERIFY2(loop.reason.contains(QStringLiteral("longer than 1000 ms")), qPrintable(loop.reason));
    QVERIFY(loop.elapsedMs >= 1000);
    QVERIFY(loop.elapsedMs < 4000);

    const Answer next = waitFor(renderer, Integral, false, 16, Qt::black);
    QVERIFY2(next.ok, qPrintable(next.reason));
    // The interrupted engine was dropped and a fresh one loaded.
    QVERIFY(loaded.count() >= 2);
    QVERIFY(renderer.engineLoaded());

    // The failure is remembered: asking again does not run the loop again.
    const Answer again = waitFor(renderer, SlowMacroLoop, false, 16, Qt::black);
    QVERIFY(!again.ok);
    QVERIFY(again.elapsedMs < 100);
}

void TestMathRenderer::guiThreadKeepsRunningDuringASlowFormula()
{
    MathRenderer renderer;
    renderer.setTimeLimitMs(1500);
    QElapsedTimer sinceTick;
    qint64 longestGapMs = 0;
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this, [&] {
        if (ticks++ > 0)
            longestGapMs = qMax(longestGapMs, sinceTick.elapsed());
        sinceTick.restart();
    });
    sinceTick.start();
    ticker.start();
    // Engine load and then the slow formula, both on the worker thread.
    const Answer loop = waitFor(renderer, SlowMacroLoop, false, 16, Qt::black);
    ticker.stop();
    QVERIFY(loop.done && !loop.ok);
    qInfo() << ticks << "ticks in" << loop.elapsedMs << "ms, longest gap" << longestGapMs << "ms";
    QVERIFY(ticks > loop.elapsedMs / 10 / 3);
    // A 10 ms timer on a shared machine: anything near the formula's time would be a block.
    QVERIFY2(longestGapMs < 250, qPrintable(QString::number(longestGapMs)));
}

void TestMathRenderer::engineUnloadsWhenIdle()
{
    MathRenderer renderer;
    QCOMPARE(renderer.idleUnloadMs(), MathRenderer::DefaultIdleUnloadMs);
    renderer.setIdleUnloadMs(300);
    QSignalSpy changed(&renderer, &MathRenderer::engineLoadedChanged);
    QVERIFY(waitFor(renderer, Integral, false, 16, Qt::black).ok);
    QVERIFY(renderer.engineLoaded());
    QTRY_VERIFY_WITH_TIMEOUT(!renderer.engineLoaded(), 5000);
    QCOMPARE(changed.count(), 2);
    // Cached pictures need no engine.
    QVERIFY(waitFor(renderer, Integral, false, 16, Qt::black).ok);
    QVERIFY(!renderer.engineLoaded());
    // A new formula loads it again.
    QVERIFY(waitFor(renderer, QStringLiteral("e^{i\\pi}+1=0"), false, 16, Qt::black).ok);
    QVERIFY(renderer.engineLoaded());
}

QTEST_MAIN(TestMathRenderer)
#include "tst_mathrenderer.moc"
