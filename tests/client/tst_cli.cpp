// studyconnect-cli as a user runs it: the built binary against the reference backend.
#include "clienttestsupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

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

    // Variables with an empty value in `extra` are removed.
    using Environment = QList<QPair<QString, QString>>;

    static void prepare(QProcess &process, const QStringList &arguments,
        const QString &envToken = {}, const Environment &extra = {})
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("STUDYCONNECT_TOKEN"));
        environment.remove(QStringLiteral("QT_LOGGING_RULES"));
        // What the CLI remembers (rooms joined, read state) stays out of the user's settings.
        static QTemporaryDir settingsHome;
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), settingsHome.path());
        // Whatever proxy the machine running the tests has, each test says which it wants.
        for (const char *name : { "http_proxy", "https_proxy", "all_proxy", "no_proxy",
                 "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY" })
            environment.remove(QString::fromLatin1(name));
        if (!envToken.isEmpty())
            environment.insert(QStringLiteral("STUDYCONNECT_TOKEN"), envToken);
        for (const auto &[name, value] : extra) {
            if (value.isEmpty())
                environment.remove(name);
            else
                environment.insert(name, value);
        }
        process.setProcessEnvironment(environment);
        process.setProgram(QStringLiteral(STUDYCONNECT_CLI_PATH));
        process.setArguments(arguments);
    }

    Run run(const QStringList &arguments, const QByteArray &input = {},
        const QString &envToken = {}, const Environment &extra = {})
    {
        QProcess process;
        prepare(process, arguments, envToken, extra);
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

    void profileAndSearch()
    {
        const QString token = signToken(QStringLiteral("1"), 600);
        QTemporaryDir profile;
        const QString word =
            QStringLiteral("Zyxderivative%1").arg(QDateTime::currentMSecsSinceEpoch());
        const QString text = QStringLiteral("the <b>%1</b> of x² at the Café").arg(word);
        // A send with --profile is kept in the store there, and is found again offline.
        const Run send = run(
            { QStringLiteral("--server"), server(), QStringLiteral("--profile"), profile.path(),
                QStringLiteral("--quiet"), QStringLiteral("--send"), QStringLiteral("1"), text },
            {}, token);
        QVERIFY2(send.exitCode == 0, send.err.constData());
        QVERIFY2(send.err.isEmpty(), send.err.constData());
        QCOMPARE(QDir(profile.path()).entryList({ QStringLiteral("*.sqlite") }).size(), 1);

        // Offline: a prefix of the word, any case, and "cafe" for "Café".
        const Run found = run({ QStringLiteral("--profile"), profile.path(),
            QStringLiteral("--search"), word.left(12).toLower() + QStringLiteral(" cafe") });
        QVERIFY2(found.exitCode == 0, found.err.constData());
        const QList<QJsonObject> hits = jsonLines(found.out);
        QCOMPARE(hits.size(), 1);
        const QJsonObject hit = hits.constFirst();
        QCOMPARE(hit.keys().size(), 6);
        QCOMPARE(hit.value(QStringLiteral("conversation")).toString(), QStringLiteral("room:1"));
        QVERIFY(hit.value(QStringLiteral("id")).toString().toLongLong() > 0);
        QCOMPARE(hit.value(QStringLiteral("sender")).toString(), QStringLiteral("1"));
        QCOMPARE(hit.value(QStringLiteral("text")).toString(), text);
        const QDateTime createdAt = QDateTime::fromString(
            hit.value(QStringLiteral("createdAt")).toString(), Qt::ISODateWithMs);
        QVERIFY(createdAt.isValid());
        QCOMPARE(createdAt.timeSpec(), Qt::UTC);
        QVERIFY(qAbs(createdAt.secsTo(QDateTime::currentDateTimeUtc())) < 120);
        // Keys in the documented order.
        QVERIFY(found.out.startsWith("{\"conversation\":\"room:1\",\"id\":"));

        // No match: exit 1, nothing printed.
        const Run none = run({ QStringLiteral("--profile"), profile.path(),
            QStringLiteral("--search"), QStringLiteral("qqqnothingqqq") });
        QCOMPARE(none.exitCode, 1);
        QVERIFY(none.out.isEmpty());
        // Syntax is just characters.
        QCOMPARE(run({ QStringLiteral("--profile"), profile.path(), QStringLiteral("--search"),
                         QStringLiteral("\"*NEAR(") })
                     .exitCode,
            1);

        // Online on a new profile: the newest page of each conversation is stored first.
        QTemporaryDir fresh;
        const Run online =
            run({ QStringLiteral("--server"), server(), QStringLiteral("--profile"), fresh.path(),
                    QStringLiteral("--quiet"), QStringLiteral("--search"), word },
                {}, token);
        QVERIFY2(online.exitCode == 0, online.err.constData());
        const QList<QJsonObject> onlineHits = jsonLines(online.out);
        QCOMPARE(onlineHits.size(), 1);
        QCOMPARE(
            onlineHits.constFirst().value(QStringLiteral("id")), hit.value(QStringLiteral("id")));
        QCOMPARE(onlineHits.constFirst().value(QStringLiteral("senderName")).toString(),
            QStringLiteral("Ada Lovelace"));

        // Online on the first profile: what came since its last run is caught up, then searched.
        const QString later = word + QStringLiteral("later");
        QCOMPARE(run({ QStringLiteral("--server"), server(), QStringLiteral("--quiet"),
                         QStringLiteral("--send"), QStringLiteral("1"), later },
                     {}, signToken(QStringLiteral("2"), 600))
                     .exitCode,
            0);
        QCOMPARE(
            run({ QStringLiteral("--profile"), profile.path(), QStringLiteral("--search"), later })
                .exitCode,
            1);
        const Run caughtUp =
            run({ QStringLiteral("--server"), server(), QStringLiteral("--profile"), profile.path(),
                    QStringLiteral("--quiet"), QStringLiteral("--search"), later },
                {}, token);
        QVERIFY2(caughtUp.exitCode == 0, caughtUp.err.constData());
        QCOMPARE(jsonLines(caughtUp.out).size(), 1);
        QCOMPARE(
            jsonLines(caughtUp.out).constFirst().value(QStringLiteral("senderName")).toString(),
            QStringLiteral("Alan Turing"));

        // Usage: --search needs --profile; offline there is nothing to send; no store to search.
        QCOMPARE(run({ QStringLiteral("--search"), QStringLiteral("x") }).exitCode, 2);
        QCOMPARE(run({ QStringLiteral("--profile"), profile.path(), QStringLiteral("--search"),
                         QStringLiteral("x"), QStringLiteral("--send"), QStringLiteral("1"),
                         QStringLiteral("y") })
                     .exitCode,
            2);
        QCOMPARE(run({ QStringLiteral("--profile"), profile.path() }).exitCode, 2);
        QTemporaryDir empty;
        const Run nothing = run({ QStringLiteral("--profile"), empty.path(),
            QStringLiteral("--search"), QStringLiteral("x") });
        QCOMPARE(nothing.exitCode, 6);
        QVERIFY(nothing.err.contains("no offline store"));
        // A damaged store: said so, no crash.
        QFile damaged(empty.filePath(QStringLiteral("127.0.0.1-000000000000.sqlite")));
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write(QByteArray(8192, 'x'));
        damaged.close();
        const Run broken = run({ QStringLiteral("--profile"), empty.path(),
            QStringLiteral("--search"), QStringLiteral("x") });
        QCOMPARE(broken.exitCode, 6);
        QVERIFY2(
            broken.err.contains("cannot be used: file is not a database"), broken.err.constData());
        QVERIFY(!QByteArray(send.err + found.err + online.err).contains(token.toLatin1()));
    }

    void studyConversations()
    {
        const QString ada = signToken(QStringLiteral("1"), 600);
        const QString alan = signToken(QStringLiteral("2"), 600);
        const QString grace = signToken(QStringLiteral("3"), 600);
        const auto cli = [this](const QString &token, const QStringList &arguments) {
            return run(QStringList {
                           QStringLiteral("--server"), server(), QStringLiteral("--token"), token }
                + arguments);
        };
        // The "message" of the line that received `text`.
        const auto received = [](const Run &result, const QString &text) {
            for (const QJsonObject &line : jsonLines(result.out)) {
                const QJsonObject message = line.value(QStringLiteral("message")).toObject();
                if (message.value(QStringLiteral("text")).toString() == text)
                    return message;
            }
            return QJsonObject();
        };

        const QString question = QStringLiteral("cli: is a ring a field?");
        const Run asked = cli(ada, { QStringLiteral("--send"), QStringLiteral("4"), question });
        QCOMPARE(asked.exitCode, 0);
        const QJsonObject asMessage = received(asked, question);
        const QString id = asMessage.value(QStringLiteral("id")).toString();
        QVERIFY(id.toLongLong() > 0);
        QCOMPARE(asMessage.value(QStringLiteral("senderId")).toString(), QStringLiteral("1"));
        QCOMPARE(asMessage.value(QStringLiteral("roomId")).toString(), QStringLiteral("4"));
        QVERIFY(!asMessage.contains(QStringLiteral("replyTo")));

        // --reply: the quote (and a mention) in the printed message.
        const QString answer = QStringLiteral("<@1> not always");
        const Run replied = cli(alan,
            { QStringLiteral("--room"), QStringLiteral("4"), QStringLiteral("--reply"), id,
                answer });
        QVERIFY2(replied.exitCode == 0, replied.err.constData());
        const QJsonObject reply = received(replied, answer);
        const QJsonObject quote = reply.value(QStringLiteral("replyTo")).toObject();
        QCOMPARE(quote.value(QStringLiteral("id")).toString(), id);
        QCOMPARE(quote.value(QStringLiteral("senderId")).toString(), QStringLiteral("1"));
        QCOMPARE(quote.value(QStringLiteral("text")).toString(), question);
        QCOMPARE(quote.value(QStringLiteral("deleted")).toBool(), false);
        QCOMPARE(
            reply.value(QStringLiteral("mentions")).toArray(), QJsonArray { QStringLiteral("1") });

        // --thread: the reply names its thread.
        const Run threaded = cli(alan,
            { QStringLiteral("--room"), QStringLiteral("4"), QStringLiteral("--thread"), id,
                QStringLiteral("cli: in the thread") });
        QVERIFY2(threaded.exitCode == 0, threaded.err.constData());
        QCOMPARE(received(threaded, QStringLiteral("cli: in the thread"))
                     .value(QStringLiteral("threadId"))
                     .toString(),
            id);

        // --edit and --react in one run: both confirmed, the events printed.
        const Run changed = cli(ada,
            { QStringLiteral("--room"), QStringLiteral("4"), QStringLiteral("--edit"), id,
                QStringLiteral("cli: is every ring a field?"), QStringLiteral("--react"), id,
                QStringLiteral("🤔"), QStringLiteral("--resolve"), id });
        QVERIFY2(changed.exitCode == 0, changed.err.constData());
        QVERIFY(changed.out.contains("\"event\":\"message:updated\""));
        QVERIFY(changed.out.contains("\"event\":\"message:reactions\""));
        QVERIFY(changed.out.contains("\"event\":\"thread:updated\""));

        // Refusals: the server's reason, exit 1.
        const Run notMine = cli(alan,
            { QStringLiteral("--room"), QStringLiteral("4"), QStringLiteral("--edit"), id,
                QStringLiteral("hijacked") });
        QCOMPARE(notMine.exitCode, 1);
        QVERIFY2(notMine.err.contains(
                     QByteArray("--edit " + id.toLatin1() + ": Only the author may edit")),
            notMine.err.constData());
        const Run studentPin = cli(
            ada, { QStringLiteral("--room"), QStringLiteral("4"), QStringLiteral("--pin"), id });
        QCOMPARE(studentPin.exitCode, 1);
        QVERIFY(studentPin.err.contains("Only tutors may pin messages"));
        // A tutor pins and unpins.
        const Run pinned = cli(
            grace, { QStringLiteral("--room"), QStringLiteral("4"), QStringLiteral("--pin"), id });
        QVERIFY2(pinned.exitCode == 0, pinned.err.constData());
        QVERIFY(pinned.out.contains("\"event\":\"room:pins\""));
        QCOMPARE(
            cli(grace,
                { QStringLiteral("--room"), QStringLiteral("4"), QStringLiteral("--unpin"), id })
                .exitCode,
            0);
        QCOMPARE(cli(ada,
                     { QStringLiteral("--room"), QStringLiteral("4"), QStringLiteral("--unreact"),
                         id, QStringLiteral("🤔"), QStringLiteral("--delete"), id })
                     .exitCode,
            0);

        // Direct conversations: --user names the other user.
        const Run dm = cli(ada,
            { QStringLiteral("--dm"), QStringLiteral("2"), QStringLiteral("cli: dm question") });
        QCOMPARE(dm.exitCode, 0);
        const QString dmId =
            received(dm, QStringLiteral("cli: dm question")).value(QStringLiteral("id")).toString();
        QVERIFY(dmId.toLongLong() > 0);
        const Run dmReply = cli(alan,
            { QStringLiteral("--user"), QStringLiteral("1"), QStringLiteral("--reply"), dmId,
                QStringLiteral("cli: dm answer") });
        QVERIFY2(dmReply.exitCode == 0, dmReply.err.constData());
        QCOMPARE(received(dmReply, QStringLiteral("cli: dm answer"))
                     .value(QStringLiteral("replyTo"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString(),
            dmId);

        // Usage errors.
        for (const QStringList &wrong :
            QList<QStringList> { { QStringLiteral("--reply"), id, QStringLiteral("which room?") },
                { QStringLiteral("--room"), QStringLiteral("4") },
                { QStringLiteral("--room"), QStringLiteral("4"), QStringLiteral("--edit"),
                    QStringLiteral("abc"), QStringLiteral("x") },
                { QStringLiteral("--room"), QStringLiteral("4"), QStringLiteral("--edit"), id,
                    QStringLiteral(" ") },
                { QStringLiteral("--room"), QStringLiteral("4"), QStringLiteral("--react"), id },
                { QStringLiteral("--user"), QStringLiteral("1"), QStringLiteral("--pin"), id },
                { QStringLiteral("--room"), QStringLiteral("4"), QStringLiteral("--user"),
                    QStringLiteral("1"), QStringLiteral("--delete"), id } })
            QVERIFY2(cli(ada, wrong).exitCode == 2, qPrintable(wrong.join(u' ')));
        const Run help = run({ QStringLiteral("--help") });
        QCOMPARE(help.exitCode, 0);
        for (const char *documented : { "--reply ID TEXT", "--thread ID TEXT", "--edit ID TEXT",
                 "--delete ID", "--react ID EMOJI", "--resolve ID", "--pin ID", "--room ROOM",
                 "--user USER_ID", "5 not supported by this server" })
            QVERIFY2(help.out.contains(documented), documented);

        // A seed backend announces none of it: exit 6, nothing sent.
        NodeServer seed(QStringLiteral("tests/client/fixtures/seed-server.js"));
        seed.setEnvironmentValue(
            QStringLiteral("JWT_SECRET"), QString::fromLatin1(ReferenceServer::secret()));
        QVERIFY2(seed.start(), qPrintable(seed.errorString()));
        const Run unsupported = run({ QStringLiteral("--server"), seed.httpUrl().toString(),
            QStringLiteral("--token"), ada, QStringLiteral("--room"), QStringLiteral("1"),
            QStringLiteral("--reply"), QStringLiteral("1"), QStringLiteral("hello?") });
        QCOMPARE(unsupported.exitCode, 5);
        QVERIFY2(
            unsupported.err.contains("not supported by this server"), unsupported.err.constData());
        QVERIFY(!unsupported.out.contains("hello?"));
    }

    void transportFlag()
    {
        const QString token = signToken(QStringLiteral("3"), 600);
        for (const char *transport : { "auto", "websocket", "polling" }) {
            const Run joined =
                run({ QStringLiteral("--server"), server(), QStringLiteral("--transport"),
                        QLatin1String(transport), QStringLiteral("--send"), QStringLiteral("1"),
                        QStringLiteral("over %1").arg(QLatin1String(transport)) },
                    {}, token);
            QVERIFY2(joined.exitCode == 0, transport);
            QVERIFY(joined.out.contains(QByteArray(QByteArray("over ") + transport)));
        }
        QCOMPARE(run({ QStringLiteral("--server"), server(), QStringLiteral("--transport"),
                         QStringLiteral("carrier-pigeon") },
                     {}, token)
                     .exitCode,
            2);
    }

    void proxiesAreHonoured()
    {
        // The server is reachable only through the proxy, under a name only the proxy resolves
        // (Qt never proxies loopback addresses): a run that gets through went through it.
        const QString viaProxy =
            QStringLiteral("http://studyconnect.test:%1").arg(m_server.node().port());
        const QString token = signToken(QStringLiteral("2"), 600);
        auto startProxy = [](const Environment &environment) {
            auto proxy =
                std::make_unique<NodeServer>(QStringLiteral("tests/common/forward-proxy.js"));
            proxy->setEnvironmentValue(
                QStringLiteral("LOCAL_NAME"), QStringLiteral("studyconnect.test"));
            for (const auto &[name, value] : environment)
                proxy->setEnvironmentValue(name, value);
            [&] { QVERIFY2(proxy->start(), qPrintable(proxy->errorString())); }();
            return proxy;
        };
        auto stats = [](const NodeServer &proxy) {
            QProcess curl; // QNetworkAccessManager would need an event loop here
            curl.start(QStringLiteral("node"),
                { QStringLiteral("-e"),
                    QStringLiteral("require('http').get('http://127.0.0.1:%1/__stats', (r) => "
                                   "r.pipe(process.stdout))")
                        .arg(proxy.port()) });
            curl.waitForFinished(10000);
            return QJsonDocument::fromJson(curl.readAllStandardOutput()).object();
        };
        const QStringList send { QStringLiteral("--server"), viaProxy, QStringLiteral("--send"),
            QStringLiteral("1"), QStringLiteral("through the proxy"), QStringLiteral("--timeout"),
            QStringLiteral("15") };

        // http_proxy from the environment (the system configuration), WebSocket through CONNECT.
        auto open = startProxy({});
        const QString proxyUrl = QStringLiteral("http://127.0.0.1:%1").arg(open->port());
        Run result =
            run(send + QStringList { QStringLiteral("--transport"), QStringLiteral("websocket") },
                {}, token, { { QStringLiteral("http_proxy"), proxyUrl } });
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QJsonObject counted = stats(*open);
        QVERIFY(counted.value(QStringLiteral("connects")).toInt() >= 1);
        QVERIFY(counted.value(QStringLiteral("rest")).toInt() >= 1);
        QCOMPARE(counted.value(QStringLiteral("socketIo")).toInt(), 0);

        // no_proxy is honoured too: then the name does not resolve and nothing gets through.
        result =
            run(send + QStringList { QStringLiteral("--timeout"), QStringLiteral("2") }, {}, token,
                { { QStringLiteral("http_proxy"), proxyUrl },
                    { QStringLiteral("no_proxy"), QStringLiteral("studyconnect.test") } });
        QCOMPARE(result.exitCode, 4);

        // --proxy with a user; the password from the environment, never an argument.
        auto guarded = startProxy(
            { { QStringLiteral("PROXY_AUTH"), QStringLiteral("student:s3cret-proxy-pw") } });
        const QString guardedUrl =
            QStringLiteral("http://student@127.0.0.1:%1").arg(guarded->port());
        result = run(send
                + QStringList { QStringLiteral("--transport"), QStringLiteral("polling"),
                    QStringLiteral("--proxy"), guardedUrl },
            {}, token,
            { { QStringLiteral("STUDYCONNECT_PROXY_PASSWORD"),
                QStringLiteral("s3cret-proxy-pw") } });
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY(!QByteArray(result.out + result.err).contains("s3cret-proxy-pw"));
        counted = stats(*guarded);
        QVERIFY(counted.value(QStringLiteral("socketIo")).toInt() >= 2);
        QVERIFY(counted.value(QStringLiteral("rest")).toInt() >= 1);
        QCOMPARE(counted.value(QStringLiteral("connects")).toInt(), 0);

        // --proxy none ignores the environment; a password in the URL is refused.
        result = run(send
                + QStringList { QStringLiteral("--proxy"), QStringLiteral("none"),
                    QStringLiteral("--timeout"), QStringLiteral("2") },
            {}, token, { { QStringLiteral("http_proxy"), proxyUrl } });
        QCOMPARE(result.exitCode, 4);
        result = run(send
                + QStringList { QStringLiteral("--proxy"),
                    QStringLiteral("http://student:pw@127.0.0.1:%1").arg(guarded->port()) },
            {}, token);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(!result.err.contains(":pw@"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
