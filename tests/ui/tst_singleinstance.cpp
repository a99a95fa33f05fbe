// One app per user: SingleInstance in the test process (the hand-over, a running app that does
// not answer), then the real `studyconnect` binary started several times, offscreen, in a private
// runtime and configuration folder: a second start hands its --server and a sign-in link to the
// first and exits 0; after the first is killed (its socket file stays behind, as after a crash)
// the next start runs as the first.
#include "desktop/singleinstance.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <future>

class TestSingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void handsOverInProcess();
    void aSilentAppIsNotReplaced();
    void secondLaunchHandsOverAndExits();
    void cleanupTestCase();

private:
    /// Starts the app; its log (stderr) is collected in `log`.
    QProcess *launch(const QStringList &arguments, QByteArray *log);
    bool waitForLog(QProcess *app, QByteArray *log, const QByteArray &line, int timeoutMs = 20000);
    int runToEnd(const QStringList &arguments, QByteArray *output);

    QTemporaryDir m_home;
    QProcessEnvironment m_environment;
    QList<QProcess *> m_apps;
};

void TestSingleInstance::initTestCase()
{
    QVERIFY(m_home.isValid());
    const QString runtime = m_home.filePath(QStringLiteral("runtime"));
    QVERIFY(QDir().mkpath(runtime));
    QVERIFY(QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    m_environment = QProcessEnvironment::systemEnvironment();
    m_environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
    m_environment.insert(
        QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    m_environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    m_environment.insert(
        QStringLiteral("XDG_CACHE_HOME"), m_home.filePath(QStringLiteral("cache")));
    m_environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    m_environment.insert(
        QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("studyconnect.desktop.info=true"));
    m_environment.remove(QStringLiteral("STUDYCONNECT_TOKEN"));
    // The same folders here, so that defaultSocketPath() names the app's socket.
    for (const QString &name :
        { QStringLiteral("XDG_RUNTIME_DIR"), QStringLiteral("XDG_CONFIG_HOME") })
        qputenv(name.toLatin1(), m_environment.value(name).toLocal8Bit());
}

void TestSingleInstance::cleanupTestCase()
{
    for (QProcess *app : std::as_const(m_apps)) {
        if (app->state() != QProcess::NotRunning) {
            app->kill();
            app->waitForFinished(5000);
        }
        delete app;
    }
}

void TestSingleInstance::handsOverInProcess()
{
    const QString path = m_home.filePath(QStringLiteral("runtime/in-process.socket"));
    SingleInstance first(nullptr, path);
    QList<SingleInstance::Request> received;
    first.setHandler([&received](const SingleInstance::Request &request) {
        received.append(request);
        return QStringLiteral("already signed in elsewhere");
    });
    QCOMPARE(first.start({}), SingleInstance::Outcome::First);

    // The later start blocks in start(): on a thread of its own, while this one answers.
    auto later = std::async(std::launch::async, [path] {
        SingleInstance second(nullptr, path);
        const auto outcome = second.start(
            { QStringLiteral("http://127.0.0.1:7"), QStringLiteral("studyconnect://signin?x") });
        return std::make_pair(outcome, second.note());
    });
    QTRY_VERIFY(later.wait_for(std::chrono::seconds(0)) == std::future_status::ready);
    const auto [outcome, note] = later.get();
    QCOMPARE(outcome, SingleInstance::Outcome::HandedOver);
    QCOMPARE(note, QStringLiteral("already signed in elsewhere"));
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.constFirst().server, QStringLiteral("http://127.0.0.1:7"));
    QCOMPARE(received.constFirst().link, QStringLiteral("studyconnect://signin?x"));
}

void TestSingleInstance::aSilentAppIsNotReplaced()
{
    // Something holds the socket and never answers (a hung app): no second app starts.
    const QString path = m_home.filePath(QStringLiteral("runtime/silent.socket"));
    QLocalServer hung;
    QVERIFY(hung.listen(path));
    SingleInstance later(nullptr, path);
    QCOMPARE(later.start({}), SingleInstance::Outcome::NoAnswer);
    QVERIFY(QFile::exists(path));
}

QProcess *TestSingleInstance::launch(const QStringList &arguments, QByteArray *log)
{
    auto *app = new QProcess;
    m_apps.append(app);
    app->setProcessEnvironment(m_environment);
    connect(app, &QProcess::readyReadStandardError, app,
        [app, log] { *log += app->readAllStandardError(); });
    app->start(QStringLiteral(STUDYCONNECT_APP), arguments);
    return app;
}

bool TestSingleInstance::waitForLog(
    QProcess *app, QByteArray *log, const QByteArray &line, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!log->contains(line) && !deadline.hasExpired()) {
        if (app->state() == QProcess::NotRunning) {
            *log += app->readAllStandardError();
            break;
        }
        QTest::qWait(50);
    }
    if (!log->contains(line))
        qWarning().noquote() << "waited for" << line << "in:\n" << *log;
    return log->contains(line);
}

int TestSingleInstance::runToEnd(const QStringList &arguments, QByteArray *output)
{
    QProcess app;
    app.setProcessEnvironment(m_environment);
    app.setProcessChannelMode(QProcess::MergedChannels);
    app.start(QStringLiteral(STUDYCONNECT_APP), arguments);
    // The event loop runs meanwhile: the first app, in another process, answers anyway.
    if (!app.waitForFinished(20000)) {
        app.kill();
        app.waitForFinished();
        *output = app.readAll();
        return -1;
    }
    *output = app.readAll();
    return app.exitStatus() == QProcess::NormalExit ? app.exitCode() : -1;
}

void TestSingleInstance::secondLaunchHandsOverAndExits()
{
    const QString socket = SingleInstance::defaultSocketPath();
    QVERIFY2(socket.startsWith(m_environment.value(QStringLiteral("XDG_RUNTIME_DIR"))),
        qPrintable(socket));

    QByteArray firstLog;
    QProcess *first =
        launch({ QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:9") }, &firstLog);
    QVERIFY(waitForLog(
        first, &firstLog, "single instance: listening on \"" + QFile::encodeName(socket) + '"'));

    // A second start: hands its server over, says nothing, exits 0; the first goes on.
    QByteArray output;
    QCOMPARE(
        runToEnd({ QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:7") }, &output), 0);
    QCOMPARE(output, QByteArray());
    QVERIFY(waitForLog(
        first, &firstLog, "a later start handed over the server http://127.0.0.1:7 and no link"));
    QCOMPARE(first->state(), QProcess::Running);

    // A sign-in link is handed over too, never written to the log.
    const QByteArray secret = "eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MX0.c2VjcmV0LXNpZ25hdHVyZQ";
    const QString link =
        QStringLiteral("studyconnect://signin?server=http%3A%2F%2F127.0.0.1%3A7&token=")
        + QString::fromLatin1(secret);
    QCOMPARE(runToEnd({ link }, &output), 0);
    QVERIFY(waitForLog(first, &firstLog, "a later start handed over no server and a sign-in link"));
    QVERIFY(waitForLog(first, &firstLog, "sign-in link for"));
    QVERIFY(!firstLog.contains(secret));
    QCOMPARE(first->state(), QProcess::Running);

    // The first crashes: its socket file stays behind and refuses connections.
    first->kill();
    QVERIFY(first->waitForFinished(5000));
    QVERIFY(QFile::exists(socket));
    QLocalSocket probe;
    probe.connectToServer(socket);
    QVERIFY(!probe.waitForConnected(1000));

    // The next start is the first again, and the one after hands over to it.
    QByteArray againLog;
    QProcess *again = launch({}, &againLog);
    QVERIFY(waitForLog(again, &againLog, "single instance: removing a stale socket"));
    QVERIFY(waitForLog(again, &againLog, "single instance: listening on"));
    QCOMPARE(runToEnd({}, &output), 0);
    QVERIFY(waitForLog(again, &againLog, "a later start handed over no server and no link"));
    QCOMPARE(again->state(), QProcess::Running);
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
