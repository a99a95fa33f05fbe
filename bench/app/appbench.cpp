// Memory and scrolling benchmark of the real app: the real QML, singletons and models, signed in
// to a real backend, with 10 rooms x 10,000 messages fed through the chat connection's event entry
// point (ChatConnection::dispatchEvent, what the socket calls for every server event) instead of
// the network. Prints one "bench: <name> <value> <unit>" line per figure. Run by bench/app/run.sh.
#include "auth/session.h"
#include "chat/conversationmanager.h"
#include "chat/socketservice.h"
#include "desktop/appsetup.h"
#include "desktop/desktopsettings.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include <algorithm>
#include <cstdio>
#include <malloc.h>
#include <vector>

Q_IMPORT_QML_PLUGIN(StudyConnectPlugin)
Q_IMPORT_QML_PLUGIN(StudyConnect_AuthPlugin)
Q_IMPORT_QML_PLUGIN(StudyConnect_ChatPlugin)
Q_IMPORT_QML_PLUGIN(StudyConnect_DesktopPlugin)

namespace {

void report(const char *name, double value, const char *unit)
{
    std::printf("bench: %s %.1f %s\n", name, value, unit);
    std::fflush(stdout);
}

double rssMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

/// Runs the event loop until `done` or the timeout; false on timeout.
template<typename F>
bool waitFor(F done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    return true;
}

void settle(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        // processEvents() outside exec() never runs deleteLater(): released delegates would pile
        // up.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
}

QQuickItem *findItem(QQuickItem *root, const QString &name)
{
    if (root->objectName() == name)
        return root;
    for (QQuickItem *child : root->childItems()) {
        if (QQuickItem *found = findItem(child, name))
            return found;
    }
    return nullptr;
}

const char *const kWords[] = { "limit", "derivative", "integral", "proof", "exam", "lecture",
    "problem", "set", "chain", "rule", "theorem", "notes", "library", "tomorrow", "question",
    "answer", "graph", "vertex", "matrix", "vector", "https://example.edu/notes", "why",
    "because" };

QString sentence(quint32 seed)
{
    QString text;
    const int words = 6 + int(seed % 18);
    for (int i = 0; i < words; ++i) {
        seed = seed * 1103515245u + 12345u;
        if (i)
            text += u' ';
        text += QLatin1String(kWords[(seed >> 16) % (sizeof(kWords) / sizeof(*kWords))]);
    }
    return text;
}

const char *const kFormulas[] = { "\\int_0^\\pi \\sin x\\,dx = 2", "e^{i\\pi} + 1 = 0",
    "\\lim_{h \\to 0} \\frac{f(x+h)-f(x)}{h}", "\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}",
    "\\nabla \\cdot \\mathbf{E} = \\frac{\\rho}{\\varepsilon_0}", "O(n \\log n)",
    "\\binom{n}{k} = \\frac{n!}{k!\\,(n-k)!}", "x_{1,2} = \\frac{-b \\pm \\sqrt{b^2-4ac}}{2a}" };

const char *const kCode[] = {
    "```python\ndef fib(n):\n\ta, b = 0, 1\n\tfor _ in range(n):\n\t\ta, b = b, a + b\n\treturn "
    "a\n```",
    "```cpp\n#include <vector>\nint sum(const std::vector<int> &v) {\n    int s = 0;\n    for (int "
    "x : v) s += x; // "
    "a long comment that makes the line wider than the window\n    return s;\n}\n```",
    "```java\npublic static int gcd(int a, int b) {\n    return b == 0 ? a : gcd(b, a % "
    "b);\n}\n```",
    "```js\nconst squares = [1, 2, 3].map((x) => x * x);\nconsole.log(`squares: ${squares}`);\n```"
};

/// A study room's message: a sentence, a sentence with a formula, a formula on its own line, a
/// code block, or a short Markdown list, in a fixed mix (half of them plain sentences).
QString studyMessage(quint32 seed)
{
    const quint32 pick = (seed * 2654435761u) >> 24;
    const QString words = sentence(seed);
    const QString formula =
        QLatin1String(kFormulas[pick % (sizeof(kFormulas) / sizeof(*kFormulas))]);
    switch (pick % 8) {
    case 0:
        return words + QStringLiteral(": $") + formula + u'$';
    case 1:
        return words + QStringLiteral("\n$$") + formula + QStringLiteral("$$");
    case 2:
        return QStringLiteral("**Hint:** ") + words + QStringLiteral("\n")
            + QLatin1String(kCode[pick % (sizeof(kCode) / sizeof(*kCode))]);
    case 3:
        return QStringLiteral("Steps:\n1. ") + words + QStringLiteral("\n2. check $") + formula
            + QStringLiteral("$\n3. *done*");
    default:
        return words;
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("StudyConnect-bench"));
    QCoreApplication::setOrganizationName(QStringLiteral("StudyConnect"));

    QCommandLineParser parser;
    const QCommandLineOption serverOption(
        QStringLiteral("server"), QStringLiteral("Backend URL."), QStringLiteral("URL"));
    const QCommandLineOption roomsOption(QStringLiteral("rooms"), QStringLiteral("Rooms to feed."),
        QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption messagesOption(QStringLiteral("messages"),
        QStringLiteral("Messages per room."), QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption framesOption(QStringLiteral("scroll-frames"),
        QStringLiteral("Frames to scroll."), QStringLiteral("N"), QStringLiteral("600"));
    const QCommandLineOption studyOption(QStringLiteral("study"),
        QStringLiteral("Messages with formulas, code blocks and Markdown (half of them plain)."));
    const QCommandLineOption attachmentsOption(QStringLiteral("attachments"),
        QStringLiteral(
            "A JSON array of file objects the server stored (POST /api/files): message i "
            "carries file i, so the timeline shows their thumbnails."),
        QStringLiteral("FILE"));
    const QCommandLineOption stepOption(QStringLiteral("scroll-step"),
        QStringLiteral("Pixels scrolled per frame (150: a fast wheel scroll)."),
        QStringLiteral("PX"), QStringLiteral("150"));
    parser.addOptions({ serverOption, roomsOption, messagesOption, framesOption, studyOption,
        attachmentsOption, stepOption });
    parser.addHelpOption();
    parser.process(app);
    const QUrl server(parser.value(serverOption));

    // --- the app, signed in to the backend (email/password from the demo data) ---
    DesktopSettings::globalInstance()->setCommandLineServer(server);
    AppSetup::prepare();
    QQmlApplicationEngine engine;
    if (!AppSetup::load(engine))
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    window->resize(1280, 800);
    Session *session = Session::globalInstance();
    session->setKeychainEnabled(false); // the bench must not write to a keychain
    SocketService *service = SocketService::globalInstance();
    settle(300);
    session->signIn(
        server, QStringLiteral("ada@studyconnect.test"), QStringLiteral("studyconnect"));
    if (!waitFor(
            [&] {
                return service->connection()->state() == ChatConnection::Connected
                    && service->manager()->rooms()->count() > 0;
            },
            20000)) {
        std::fprintf(stderr, "bench: could not sign in to %s\n", qPrintable(server.toString()));
        return 1;
    }
    settle(1500);
    report("rss_after_sign_in", rssMiB(), "MiB");
    settle(5000);
    report("rss_idle", rssMiB(), "MiB");

    // --- 10 rooms x 10,000 messages through the socket's event entry point ---
    const int rooms = parser.value(roomsOption).toInt();
    const int perRoom = parser.value(messagesOption).toInt();
    const bool study = parser.isSet(studyOption);
    QVariantList files;
    if (parser.isSet(attachmentsOption)) {
        QFile list(parser.value(attachmentsOption));
        if (!list.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "bench: cannot read %s\n", qPrintable(list.fileName()));
            return 1;
        }
        files = QJsonDocument::fromJson(list.readAll()).array().toVariantList();
    }
    const QVariantMap senders[] = {
        { { QStringLiteral("id"), 2 }, { QStringLiteral("firstName"), QStringLiteral("Alan") },
            { QStringLiteral("lastName"), QStringLiteral("Turing") } },
        { { QStringLiteral("id"), 3 }, { QStringLiteral("firstName"), QStringLiteral("Grace") },
            { QStringLiteral("lastName"), QStringLiteral("Hopper") } },
        { { QStringLiteral("id"), 4 }, { QStringLiteral("firstName"), QStringLiteral("Linus") },
            { QStringLiteral("lastName"), QStringLiteral("Torvalds") } },
    };
    QElapsedTimer feedTimer;
    feedTimer.start();
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - qint64(perRoom) * 60000;
    qint64 id = 1000000;
    for (int r = 0; r < rooms; ++r) {
        const QString roomId = QString::number(9000 + r);
        for (int i = 0; i < perRoom; ++i) {
            ++id;
            QVariantMap payload {
                { QStringLiteral("id"), id },
                { QStringLiteral("roomId"), roomId },
                { QStringLiteral("sender"), senders[(i / 3) % 3] },
                { QStringLiteral("text"),
                    study ? studyMessage(quint32(id)) : sentence(quint32(id)) },
                { QStringLiteral("createdAt"),
                    QDateTime::fromMSecsSinceEpoch(start + qint64(i) * 60000, Qt::UTC)
                        .toString(Qt::ISODateWithMs) },
            };
            if (i < files.size())
                payload.insert(QStringLiteral("attachments"), QVariantList { files.at(i) });
            service->connection()->dispatchEvent(QStringLiteral("message:received"),
                SocketIo::Arguments::fromVariantList({ payload }));
        }
        QCoreApplication::processEvents(); // the model inserts the batch
    }
    report("feed_100k_messages", double(feedTimer.elapsed()), "ms");

    // Show every room once (delegates for each), ending on the first.
    report("rss_with_100k_messages_in_models", rssMiB(), "MiB");
    for (int r = rooms - 1; r >= 0; --r) {
        service->manager()->openKey(QStringLiteral("room:%1").arg(9000 + r));
        settle(300);
    }
    settle(2000);
    report("rss_with_100k_messages", rssMiB(), "MiB");
    // How much of that is memory glibc keeps after the feed's temporary payloads were freed.
    malloc_trim(0);
    report("rss_with_100k_messages_after_malloc_trim", rssMiB(), "MiB");

    // --- scroll the 10,000-message room towards older messages, one step per frame ---
    QQuickItem *timeline = findItem(window->contentItem(), QStringLiteral("timeline"));
    if (!files.isEmpty()) {
        // Every row with a picture in view in turn, long enough for its thumbnail to be fetched
        // and decoded (a scroll passing by cancels the pictures it does not stop at).
        const int count = timeline->property("count").toInt();
        for (int row = 0; row < count; ++row) {
            QMetaObject::invokeMethod(timeline, "positionViewAtIndex", Q_ARG(int, row),
                Q_ARG(int, 1 /* ListView.Center */));
            settle(120);
        }
        settle(2000);
        report("rss_after_showing_every_row", rssMiB(), "MiB");
    }

    // The reader leaves the newest message, as a wheel or a drag tells the timeline: else a row
    // that settles its height pulls the view back to the newest one (ChatPane's followLatest).
    timeline->setProperty("followLatest", false);
    const int frames = parser.value(framesOption).toInt();
    const qreal step = parser.value(stepOption).toDouble();
    // GUI-thread work per frame: from the scroll step to afterAnimating, which the render loops
    // emit on the GUI thread after polishing items (ListView layout, delegate creation and their
    // bindings) and before the scene graph sync; rendering itself is not included.
    std::vector<double> guiWork;
    std::vector<double> frameInterval;
    QElapsedTimer clock;
    clock.start();
    qint64 stepAt = 0, lastSwap = 0;
    int done = 0;
    const auto stepConnection = QObject::connect(
        window, &QQuickWindow::afterAnimating, window,
        [&] {
            if (stepAt > 0)
                guiWork.push_back(double(clock.nsecsElapsed() - stepAt) / 1e6);
            stepAt = 0;
        },
        Qt::DirectConnection);
    const auto swapConnection = QObject::connect(
        window, &QQuickWindow::frameSwapped, window,
        [&] {
            const qint64 now = clock.nsecsElapsed();
            if (lastSwap > 0)
                frameInterval.push_back(double(now - lastSwap) / 1e6);
            lastSwap = now;
            if (++done >= frames)
                return;
            // Next step on the GUI thread: `step` px up (150: a fast wheel scroll).
            QMetaObject::invokeMethod(
                timeline,
                [&, timeline, step] {
                    stepAt = clock.nsecsElapsed();
                    timeline->setProperty(
                        "contentY", timeline->property("contentY").toReal() - step);
                },
                Qt::QueuedConnection);
        },
        Qt::DirectConnection);
    window->update();
    waitFor([&] { return done >= frames; }, 120000);
    QObject::disconnect(stepConnection);
    QObject::disconnect(swapConnection);

    const auto summary = [](const char *name, std::vector<double> values) {
        if (values.empty())
            return;
        std::sort(values.begin(), values.end());
        const double p50 = values[values.size() / 2];
        const double p99 = values[std::min(values.size() - 1, values.size() * 99 / 100)];
        const auto over =
            std::count_if(values.begin(), values.end(), [](double v) { return v > 1000.0 / 60.0; });
        std::printf("bench: %s_ms p50 %.2f p99 %.2f max %.2f frames %zu over16.7ms %ld\n", name,
            p50, p99, values.back(), values.size(), long(over));
    };
    summary("scroll_gui_work", guiWork);
    summary("scroll_frame_interval", frameInterval);
    report("scrolled_px", double(frames) * step, "px");
    // Where the scroll ended: the top of the room is at originY.
    report("timeline_content_height", timeline->property("contentHeight").toReal(), "px");
    report("timeline_distance_from_top",
        timeline->property("contentY").toReal() - timeline->property("originY").toReal(), "px");
    report("rss_after_scroll", rssMiB(), "MiB");
    std::fflush(stdout);
    session->signOut();
    return 0;
}
