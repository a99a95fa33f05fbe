// studyconnect-cli as a user runs it: the built binary against the reference backend.
#include "clienttestsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> lines;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    }
    return lines;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

    ReferenceServer m_server;

    static void prepare(
        QProcess &process, const QStringList &arguments, const QString &envToken = {})
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("STUDYCONNECT_TOKEN"));
        environment.remove(QStringLiteral("QT_LOGGING_RULES"));
        // What the CLI remembers (rooms joined, read state) stays out of the user's settings.
        static QTemporaryDir settingsHome;
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), settingsHome.path());
        if (!envToken.isEmpty())
            environment.insert(QStringLiteral("STUDYCONNECT_TOKEN"), envToken);
        process.setProcessEnvironment(environment);
        process.setProgram(QStringLiteral(STUDYCONNECT_CLI_PATH));
        process.setArguments(arguments);
    }

    Run run(
        const QStringList &arguments, const QByteArray &input = {}, const QString &envToken = {})
    {
        QProcess process;
        prepare(process, arguments, envToken);
        process.start();
        [&] { QVERIFY(process.waitForStarted(5000)); }();
        if (!input.isEmpty())
            process.write(input);
        process.closeWriteChannel();
        [&] { QVERIFY(process.waitForFinished(30000)); }();
        return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError() };
    }

    QString server() const { return m_server.url().toString(); }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.node().errorString())); }

    void twoClisTalk()
    {
        // Alan's CLI announces itself in the room (its send follows its join), then waits for one
        // more message: Ada's.
        QProcess receiver;
        prepare(receiver,
            { QStringLiteral("--server"), server(), QStringLiteral("--join"), QStringLiteral("2"),
                QStringLiteral("--send"), QStringLiteral("2"), QStringLiteral("alan is listening"),
                QStringLiteral("--wait-for"), QStringLiteral("message:received:2"),
                QStringLiteral("--timeout"), QStringLiteral("20") },
            signToken(QStringLiteral("2"), 600));
        receiver.start();
        QVERIFY(receiver.waitForStarted(5000));
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT(
            (received += receiver.readAllStandardOutput()).contains("alan is listening"), 10000);

        const Run sender = run({ QStringLiteral("--server"), server(), QStringLiteral("--token"),
            signToken(QStringLiteral("1"), 600), QStringLiteral("--send"), QStringLiteral("2"),
            QStringLiteral("hello from ada's cli"), QStringLiteral("--dm"), QStringLiteral("2"),
            QStringLiteral("and a dm") });
        QCOMPARE(sender.exitCode, 0);
        QVERIFY(receiver.waitForFinished(20000));
        QCOMPARE(receiver.exitCode(), 0);
        received += receiver.readAllStandardOutput();

        const QList<QJsonObject> lines = jsonLines(received);
        QCOMPARE(lines.constFirst().value(QStringLiteral("event")).toString(),
            QStringLiteral("connect"));
        const auto adaMessage =
            std::find_if(lines.begin(), lines.end(), [](const QJsonObject &line) {
                return line.value(QStringLiteral("event")) == QLatin1String("message:received")
                    && line.value(QStringLiteral("data")).toObject().value(QStringLiteral("text"))
                    == QLatin1String("hello from ada's cli");
            });
        QVERIFY(adaMessage != lines.end());
        QCOMPARE(adaMessage->value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("sender"))
                     .toObject()
                     .value(QStringLiteral("firstName"))
                     .toString(),
            QStringLiteral("Ada"));
        // The sender printed its own confirmed echoes and nothing that is not JSON.
        const QList<QJsonObject> sent = jsonLines(sender.out);
        QVERIFY(!sent.isEmpty());
        for (const QJsonObject &line : sent)
            QVERIFY(line.contains(QStringLiteral("event")));
        QVERIFY(sender.out.contains("\"event\":\"dm:received\""));
    }

    void memberRoomsAreLiveWithoutJoin()
    {
        // Grace is a member of room 1 (demo data): no --join, and messages there still arrive.
        QProcess receiver;
        prepare(receiver,
            { QStringLiteral("--server"), server(), QStringLiteral("--wait-for"),
                QStringLiteral("message:received"), QStringLiteral("--timeout"),
                QStringLiteral("20") },
            signToken(QStringLiteral("3"), 600));
        receiver.start();
        QVERIFY(receiver.waitForStarted(5000));
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT(
            (received += receiver.readAllStandardOutput()).contains("\"connect\""), 10000);
        // Her member rooms are joined right after the connect: send until one arrives.
        for (int attempt = 0; attempt < 10 && receiver.state() != QProcess::NotRunning; ++attempt) {
            const Run sender =
                run({ QStringLiteral("--server"), server(), QStringLiteral("--token"),
                    signToken(QStringLiteral("4"), 600), QStringLiteral("--send"),
                    QStringLiteral("1"), QStringLiteral("is anyone in room 1?") });
            QCOMPARE(sender.exitCode, 0);
            receiver.waitForFinished(1000);
        }
        if (receiver.state() != QProcess::NotRunning)
            QVERIFY(receiver.waitForFinished(10000));
        received += receiver.readAllStandardOutput();
        QCOMPARE(receiver.exitCode(), 0);
        QVERIFY(received.contains("is anyone in room 1?"));
    }

    void signInWithPasswordFromStdin()
    {
        const Run ok =
            run({ QStringLiteral("--server"), server(), QStringLiteral("--email"),
                    QStringLiteral("grace@studyconnect.test"), QStringLiteral("--password-stdin"),
                    QStringLiteral("--join"), QStringLiteral("1") },
                "studyconnect\n");
        QCOMPARE(ok.exitCode, 0);
        QVERIFY(ok.out.startsWith("{\"event\":\"connect\"}"));
        QVERIFY(!ok.err.contains("studyconnect\n")); // the password is never echoed

        const Run wrong =
            run({ QStringLiteral("--server"), server(), QStringLiteral("--email"),
                    QStringLiteral("grace@studyconnect.test"), QStringLiteral("--password-stdin") },
                "not-the-password\n");
        QCOMPARE(wrong.exitCode, 3);
        QVERIFY(wrong.err.contains("Wrong email address or password"));
    }

    void exitCodes()
    {
        const QString token = signToken(QStringLiteral("4"), 600);
        // 0: connected and joined, token from the environment.
        QCOMPARE(run({ QStringLiteral("--server"), server(), QStringLiteral("--join"),
                         QStringLiteral("3") },
                     {}, token)
                     .exitCode,
            0);
        // --quiet: nothing on stdout.
        const Run quiet =
            run({ QStringLiteral("--server"), server(), QStringLiteral("--quiet") }, {}, token);
        QCOMPARE(quiet.exitCode, 0);
        QVERIFY(quiet.out.isEmpty());
        // 1: what we wait for never comes.
        const Run timeout = run({ QStringLiteral("--server"), server(),
                                    QStringLiteral("--wait-for"), QStringLiteral("never:happens"),
                                    QStringLiteral("--timeout"), QStringLiteral("1.5") },
            {}, token);
        QCOMPARE(timeout.exitCode, 1);
        QVERIFY(timeout.out.contains("{\"event\":\"connect\"}"));
        // 2: usage errors.
        QCOMPARE(run({}).exitCode, 2);
        QCOMPARE(run({ QStringLiteral("--server"), server() }).exitCode, 2); // no credentials
        QCOMPARE(run({ QStringLiteral("--server"), server(), QStringLiteral("--send"),
                         QStringLiteral("1") },
                     {}, token)
                     .exitCode,
            2);
        QCOMPARE(run({ QStringLiteral("--server"), server(), QStringLiteral("--wait-for"),
                         QStringLiteral("x:0") },
                     {}, token)
                     .exitCode,
            2);
        QCOMPARE(
            run({ QStringLiteral("--server"), QStringLiteral("not a url") }, {}, token).exitCode,
            2);
        QCOMPARE(run({ QStringLiteral("--server"), server(), QStringLiteral("--email"),
                         QStringLiteral("a@b") },
                     {})
                     .exitCode,
            2);
        QCOMPARE(run({ QStringLiteral("--server"), server(), QStringLiteral("--bogus") }, {}, token)
                     .exitCode,
            2);
        // 3: the server refuses the token (expired, or signed with another secret).
        const Run expired = run({ QStringLiteral("--server"), server(), QStringLiteral("--timeout"),
                                    QStringLiteral("10") },
            {}, signToken(QStringLiteral("4"), -60));
        QCOMPARE(expired.exitCode, 3);
        const Run forged = run({ QStringLiteral("--server"), server(), QStringLiteral("--token"),
            signToken(QStringLiteral("4"), 600, "another secret") });
        QCOMPARE(forged.exitCode, 3);
        // Whichever refuses first (the socket's connect_error or REST's 401) says why.
        QVERIFY(QByteArray(forged.out + forged.err).contains("Authentication error"));
        // 4: nothing listens there.
        const QString nowhere = QStringLiteral("http://127.0.0.1:%1").arg(NodeServer::freePort());
        const Run unreachable =
            run({ QStringLiteral("--server"), nowhere, QStringLiteral("--timeout"),
                    QStringLiteral("1.5"), QStringLiteral("--send"), QStringLiteral("1"),
                    QStringLiteral("lost?") },
                {}, token);
        QCOMPARE(unreachable.exitCode, 4);
        const Run unreachableLogin =
            run({ QStringLiteral("--server"), nowhere, QStringLiteral("--timeout"),
                    QStringLiteral("1.5"), QStringLiteral("--email"), QStringLiteral("a@b"),
                    QStringLiteral("--password-stdin") },
                "pw\n");
        QCOMPARE(unreachableLogin.exitCode, 4);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
