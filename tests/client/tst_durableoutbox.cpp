// studyconnect-cli --profile: a message sent while the server is down is kept in the store's
// outbox; the process is killed (SIGKILL) once it is committed; the next run with the same
// profile, the server up, sends it, and the server has it exactly once with its clientId.
#include "clienttestsupport.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <csignal>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

struct OutboxState
{
    bool readable = false;
    int count = 0;
    QString clientId;
    QString text;
};

/// The outbox of the only store file in `profile`, read through a read-only connection of the
/// test's own (as another process would see it).
OutboxState readOutbox(const QString &profile)
{
    OutboxState state;
    const QStringList files = QDir(profile).entryList({ QStringLiteral("*.sqlite") }, QDir::Files);
    if (files.size() != 1)
        return state;
    const QString name = QStringLiteral("outbox-reader");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QDir(profile).filePath(files.constFirst()));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
        if (db.open()) {
            QSqlQuery count(db);
            if (count.exec(QStringLiteral("SELECT count(*) FROM outbox")) && count.next()) {
                state.readable = true;
                state.count = count.value(0).toInt();
            }
            QSqlQuery first(db);
            if (first.exec(QStringLiteral("SELECT client_id, text FROM outbox ORDER BY position"))
                && first.next()) {
                state.clientId = first.value(0).toString();
                state.text = first.value(1).toString();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return state;
}

} // namespace

class TestDurableOutbox : public QObject
{
    Q_OBJECT

    ReferenceServer m_server;
    QString m_token;

    void prepare(QProcess &process, const QStringList &arguments)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("QT_LOGGING_RULES"));
        for (const char *name : { "http_proxy", "https_proxy", "all_proxy", "no_proxy",
                 "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY" })
            environment.remove(QString::fromLatin1(name));
        static QTemporaryDir settingsHome;
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), settingsHome.path());
        // The token through the environment: it never shows in a process list or a log.
        environment.insert(QStringLiteral("STUDYCONNECT_TOKEN"), m_token);
        process.setProcessEnvironment(environment);
        process.setProgram(QStringLiteral(STUDYCONNECT_CLI_PATH));
        process.setArguments(arguments);
    }

    Run run(const QStringList &arguments, int timeoutMs = 60000)
    {
        QProcess process;
        prepare(process, arguments);
        process.start();
        [&] { QVERIFY(process.waitForStarted(5000)); }();
        process.closeWriteChannel();
        [&] { QVERIFY(process.waitForFinished(timeoutMs)); }();
        return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError() };
    }

    QStringList connectArguments(const QString &profile) const
    {
        return { QStringLiteral("--server"), m_server.url().toString(), QStringLiteral("--profile"),
            profile, QStringLiteral("--quiet") };
    }

    /// The room's messages as the server has them (GET /api/rooms/1/messages).
    QJsonArray roomMessages()
    {
        QNetworkAccessManager network;
        QUrl url = m_server.url();
        url.setPath(QStringLiteral("/api/rooms/1/messages"));
        url.setQuery(QStringLiteral("limit=100"));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        QNetworkReply *reply = network.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll()).array();
    }

    /// How often the server has `text`, and the clientIds it has it with.
    QStringList clientIdsOf(const QString &text)
    {
        QStringList clientIds;
        for (const QJsonValue &message : roomMessages()) {
            if (message[QStringLiteral("text")].toString() == text)
                clientIds.append(message[QStringLiteral("clientId")].toString());
        }
        return clientIds;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.node().errorString()));
        m_token = signToken(QStringLiteral("1"), 3600);
    }

    void survivesSigkill_data()
    {
        QTest::addColumn<int>("round");
        QTest::newRow("first") << 1;
        QTest::newRow("second") << 2;
    }

    void survivesSigkill()
    {
        QFETCH(int, round);
        QTemporaryDir profile;
        QVERIFY(profile.isValid());
        const QString text = QStringLiteral("kept through a kill, round %1, %2")
                                 .arg(round)
                                 .arg(QUuid::createUuid().toString(QUuid::WithoutBraces));

        // The server is down: the message is kept, but cannot go.
        m_server.node().terminate();
        QVERIFY(!m_server.node().isRunning());
        QProcess sender;
        prepare(sender,
            connectArguments(profile.path())
                + QStringList { QStringLiteral("--send"), QStringLiteral("1"), text,
                    QStringLiteral("--timeout"), QStringLiteral("120") });
        sender.start();
        QVERIFY(sender.waitForStarted(5000));
        OutboxState kept;
        QTRY_VERIFY_WITH_TIMEOUT((kept = readOutbox(profile.path())).count == 1, 20000);
        QCOMPARE(kept.text, text);
        QVERIFY(!kept.clientId.isEmpty());
        QCOMPARE(sender.state(), QProcess::Running);
        ::kill(pid_t(sender.processId()), SIGKILL);
        QVERIFY(sender.waitForFinished(5000));
        QCOMPARE(sender.exitStatus(), QProcess::CrashExit);

        // Still there after the kill (committed, not just written to a buffer).
        const OutboxState afterKill = readOutbox(profile.path());
        QVERIFY(afterKill.readable);
        QCOMPARE(afterKill.count, 1);
        QCOMPARE(afterKill.clientId, kept.clientId);

        // The server is back; a run without any send delivers what was kept.
        QVERIFY2(m_server.start(), qPrintable(m_server.node().errorString()));
        QVERIFY(clientIdsOf(text).isEmpty());
        const Run restart = run(connectArguments(profile.path()));
        QVERIFY2(restart.exitCode == 0, restart.err.constData());
        QVERIFY2(!restart.err.contains("will be sent"), restart.err.constData());
        QCOMPARE(clientIdsOf(text), QStringList { kept.clientId });
        QCOMPARE(readOutbox(profile.path()).count, 0);

        // Another restart sends nothing again.
        const Run again = run(connectArguments(profile.path()));
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(clientIdsOf(text), QStringList { kept.clientId });
        QCOMPARE(readOutbox(profile.path()).count, 0);
        QVERIFY(!restart.err.contains(m_token.toLatin1()));
    }

    void unsentAtExitIsReported()
    {
        QTemporaryDir profile;
        const QString text = QStringLiteral("left for the next run %1")
                                 .arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
        m_server.node().terminate();
        const Run offline = run(connectArguments(profile.path())
            + QStringList { QStringLiteral("--send"), QStringLiteral("1"), text,
                QStringLiteral("--timeout"), QStringLiteral("3") });
        QCOMPARE(offline.exitCode, 4); // unreachable
        QVERIFY2(offline.err.contains("1 message(s) will be sent"), offline.err.constData());
        QCOMPARE(readOutbox(profile.path()).count, 1);

        QVERIFY2(m_server.start(), qPrintable(m_server.node().errorString()));
        // A new send queues behind the kept one; both arrive, in order, once each.
        const QString second = text + QStringLiteral(" (second)");
        const Run online = run(connectArguments(profile.path())
            + QStringList { QStringLiteral("--send"), QStringLiteral("1"), second });
        QVERIFY2(online.exitCode == 0, online.err.constData());
        QVERIFY2(online.err.isEmpty(), online.err.constData());
        QCOMPARE(clientIdsOf(text).size(), 1);
        QCOMPARE(clientIdsOf(second).size(), 1);
        QCOMPARE(readOutbox(profile.path()).count, 0);
        const QJsonArray messages = roomMessages(); // newest first
        int firstRow = -1;
        int secondRow = -1;
        for (int row = 0; row < messages.size(); ++row) {
            const QString each = messages.at(row)[QStringLiteral("text")].toString();
            if (each == text)
                firstRow = row;
            else if (each == second)
                secondRow = row;
        }
        QVERIFY(secondRow >= 0 && firstRow > secondRow);
    }

    void attachKeptForTheNextRun()
    {
        QTemporaryDir profile;
        QTemporaryDir files;
        const QString path = files.filePath(QStringLiteral("kept notes.txt"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("kept by the cli\n");
        }
        const QString text = QStringLiteral("a file for the next run %1")
                                 .arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
        // Online once, with a file: the profile learns that this server takes files.
        const Run online = run(connectArguments(profile.path())
            + QStringList { QStringLiteral("--attach"), QStringLiteral("1"), path,
                text + QStringLiteral(" (online)") });
        QVERIFY2(online.exitCode == 0, online.err.constData());

        // The server is down: the message with its file is kept, not uploaded.
        m_server.node().terminate();
        const Run offline = run(connectArguments(profile.path())
            + QStringList { QStringLiteral("--attach"), QStringLiteral("1"), path, text,
                QStringLiteral("--timeout"), QStringLiteral("3") });
        QCOMPARE(offline.exitCode, 4); // unreachable
        QVERIFY2(offline.err.contains("1 message(s) will be sent"), offline.err.constData());
        QCOMPARE(readOutbox(profile.path()).count, 1);

        // The next run uploads the file and sends the message, once.
        QVERIFY2(m_server.start(), qPrintable(m_server.node().errorString()));
        const Run restart = run(connectArguments(profile.path()));
        QVERIFY2(restart.exitCode == 0, restart.err.constData());
        QCOMPARE(readOutbox(profile.path()).count, 0);
        QList<QJsonObject> copies;
        for (const QJsonValue &message : roomMessages()) {
            if (message[QStringLiteral("text")].toString() == text)
                copies.append(message.toObject());
        }
        QCOMPARE(copies.size(), 1);
        const QJsonArray attached = copies.at(0).value(QStringLiteral("attachments")).toArray();
        QCOMPARE(attached.size(), 1);
        QCOMPARE(
            attached.at(0)[QStringLiteral("name")].toString(), QStringLiteral("kept notes.txt"));
    }
};

QTEST_GUILESS_MAIN(TestDurableOutbox)
#include "tst_durableoutbox.moc"
