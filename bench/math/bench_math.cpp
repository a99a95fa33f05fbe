// Figures for the math engine: engine load, time per formula (first and cached), and the
// process's resident memory before, while loaded and after the idle unload.
// Usage: QT_QPA_PLATFORM=offscreen bench_math
#include "math/mathrenderer.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace {

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Returns the milliseconds until rendered() or failed() for the request, or -1 on a failure.
double timeRequest(MathRenderer &renderer, const QString &tex, bool display)
{
    QElapsedTimer timer;
    timer.start();
    QString key;
    bool ok = false;
    // An event loop that wakes on the signal: QTest::qWaitFor would poll every 10 ms and round
    // every figure up to it.
    QEventLoop loop;
    const auto a = QObject::connect(
        &renderer, &MathRenderer::rendered, [&](const QString &k, const QImage &, qreal) {
            if (k == key) {
                ok = true;
                loop.quit();
            }
        });
    const auto b =
        QObject::connect(&renderer, &MathRenderer::failed, [&](const QString &k, const QString &) {
            if (k == key)
                loop.quit();
        });
    key = renderer.request(tex, display, 16, Qt::black, 1.0);
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(a);
    QObject::disconnect(b);
    return ok ? timer.nsecsElapsed() / 1e6 : -1;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    const QStringList formulas = {
        QStringLiteral(R"(\int_0^\pi \sin x\,dx = 2)"),
        QStringLiteral(R"(\sum_{k=1}^{n} k = \frac{n(n+1)}{2})"),
        QStringLiteral(R"(e^{i\pi} + 1 = 0)"),
        QStringLiteral(R"(\lim_{x \to 0} \frac{\sin x}{x} = 1)"),
        QStringLiteral(
            R"(\begin{pmatrix} a & b \\ c & d \end{pmatrix}^{-1} = \frac{1}{ad-bc}\begin{pmatrix} d & -b \\ -c & a \end{pmatrix})"),
        QStringLiteral(R"(f(x) = \sum_{n=0}^\infty \frac{f^{(n)}(a)}{n!}(x-a)^n)"),
        QStringLiteral(R"(\nabla \cdot \mathbf{E} = \frac{\rho}{\varepsilon_0})"),
        QStringLiteral(R"(P(A \mid B) = \frac{P(B \mid A)\,P(A)}{P(B)})"),
        QStringLiteral(R"(x = \frac{-b \pm \sqrt{b^2 - 4ac}}{2a})"),
        QStringLiteral(R"(\ce{2H2 + O2 -> 2H2O})"),
    };

    const qint64 rssBefore = residentKiB();
    MathRenderer renderer;
    renderer.setIdleUnloadMs(1000);

    // The first request pays for the engine; a formula alone costs the same as the next ones.
    const double firstWithLoad = timeRequest(renderer, QStringLiteral("x"), false);
    std::vector<double> first;
    for (const QString &tex : formulas)
        first.push_back(timeRequest(renderer, tex, false));
    std::vector<double> display;
    for (const QString &tex : formulas)
        display.push_back(timeRequest(renderer, tex, true));
    std::vector<double> cached;
    for (int round = 0; round < 10; ++round) {
        for (const QString &tex : formulas)
            cached.push_back(timeRequest(renderer, tex, false));
    }
    const qint64 rssLoaded = residentKiB();
    (void)QTest::qWaitFor([&] { return !renderer.engineLoaded(); }, 10'000);
    QTest::qWait(200);
    const qint64 rssUnloaded = residentKiB();

    std::printf("engine load + first formula (\"x\"): %.0f ms\n", firstWithLoad);
    std::printf("formula, first time (inline, %lld formulas): median %.1f ms, max %.1f ms\n",
        static_cast<long long>(first.size()), median(first),
        *std::max_element(first.begin(), first.end()));
    std::printf("formula, first time (display): median %.1f ms\n", median(display));
    std::printf("formula, cached: median %.3f ms, max %.3f ms\n", median(cached),
        *std::max_element(cached.begin(), cached.end()));
    std::printf(
        "RSS: before %lld KiB, engine loaded %lld KiB (+%lld), after unload %lld KiB (+%lld)\n",
        static_cast<long long>(rssBefore), static_cast<long long>(rssLoaded),
        static_cast<long long>(rssLoaded - rssBefore), static_cast<long long>(rssUnloaded),
        static_cast<long long>(rssUnloaded - rssBefore));
    return 0;
}
