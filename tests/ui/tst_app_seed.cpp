// End to end with a token: the real app (the same QML, singletons and setup as main()) offscreen
// against the seed's socket layer as written (tests/client/fixtures/seed-server.js: no REST, no
// acks). A token pasted on the sign-in page is checked before anything is sent and refused tokens
// come back with the reason in words; signed in, the app says once that the server keeps no
// history, joins a room by id, sends and receives there and in a direct message with another
// client (studyconnect-cli, its token in STUDYCONNECT_TOKEN), offers no 📎 (the seed takes no
// files), shows presence, and returns to the
// sign-in page when the token expires. Then STUDYCONNECT_TOKEN signs it in (and chats the same
// way), and a studyconnect://signin link does once the user agrees.
#include "appdriver.h"
#include "auth/session.h"
#include "chat/conversationmanager.h"
#include "chat/socketservice.h"
#include "clienttestsupport.h"
#include "desktop/appsetup.h"
#include "desktop/desktopsettings.h"
#include "desktop/signinlink.h"
#include "nodeserver.h"
#include "privateappfolders.h"

#include <QAbstractItemModel>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>

#include <memory>

Q_IMPORT_QML_PLUGIN(StudyConnectPlugin)
Q_IMPORT_QML_PLUGIN(StudyConnect_AuthPlugin)
Q_IMPORT_QML_PLUGIN(StudyConnect_ChatPlugin)
Q_IMPORT_QML_PLUGIN(StudyConnect_DesktopPlugin)

namespace {

QVariant dataAt(const QAbstractItemModel *model, int row, const QByteArray &role)
{
    return model->index(row, 0).data(model->roleNames().key(role, -1));
}

int rowWithText(const QAbstractItemModel *model, const QString &text)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (dataAt(model, row, "text").toString() == text)
            return row;
    }
    return -1;
}

ConversationManager *manager()
{
    return ConversationManager::globalInstance();
}

Session *session()
{
    return Session::globalInstance();
}

} // namespace

class TestAppSeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tokenIsCheckedBeforeConnecting();
    void refusedTokensComeBackInWords_data();
    void refusedTokensComeBackInWords();
    void tokenSignInRoomDirectAndPresence();
    void expiredTokenEndsTheSession();
    void environmentTokenSignsIn();
    void signInLinkAsksFirst();
    void cleanupTestCase();

private:
    void loadApp();
    void unloadApp();
    /// Switches the sign-in page to the token form and pastes `token` there, then Enter.
    void signInWithToken(const QString &token);
    /// studyconnect-cli as `userId` with a token from the environment (never an argument).
    std::unique_ptr<QProcess> startCli(const QString &userId, const QStringList &arguments);
    /// Waits for the CLI to exit 0 while the app runs; what it printed goes to m_cliOutput.
    void finishCli(QProcess &cli);
    QByteArray m_cliOutput;

    NodeServer m_server { QStringLiteral("tests/client/fixtures/seed-server.js") };
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    AppDriver m_app;
};

void TestAppSeed::initTestCase()
{
    m_server.setEnvironmentValue(
        QStringLiteral("JWT_SECRET"), QString::fromLatin1(ReferenceServer::secret()));
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    DesktopSettings::globalInstance()->setCommandLineServer(m_server.httpUrl());
    AppSetup::prepare();
    loadApp();
}

void TestAppSeed::loadApp()
{
    m_engine = std::make_unique<QQmlApplicationEngine>();
    QVERIFY(AppSetup::load(*m_engine));
    m_app.window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
    QVERIFY(m_app.window);
    QVERIFY(QTest::qWaitForWindowExposed(m_app.window));
    m_app.window->requestActivate();
}

void TestAppSeed::unloadApp()
{
    if (session()->state() == Session::SignedIn)
        session()->signOut();
    m_engine.reset();
    m_app.window = nullptr;
}

void TestAppSeed::signInWithToken(const QString &token)
{
    QTRY_VERIFY_WITH_TIMEOUT(m_app.item(QStringLiteral("signInPage")), 10000);
    QCOMPARE(
        m_app.item(QStringLiteral("serverField"))->property("text").toUrl(), m_server.httpUrl());
    QQuickItem *tokenField = m_app.item(QStringLiteral("tokenField"));
    QVERIFY(tokenField);
    if (!tokenField->isVisible())
        m_app.click(m_app.item(QStringLiteral("tokenModeButton")));
    QTRY_VERIFY(tokenField->hasActiveFocus());
    tokenField->setProperty("text", QString());
    m_app.paste(token);
    QTRY_COMPARE(tokenField->property("text").toString(), token);
    QTest::keyClick(m_app.window, Qt::Key_Return);
}

std::unique_ptr<QProcess> TestAppSeed::startCli(const QString &userId, const QStringList &arguments)
{
    auto cli = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("STUDYCONNECT_TOKEN"), signToken(userId, 3600));
    cli->setProcessEnvironment(environment);
    cli->setProcessChannelMode(QProcess::MergedChannels);
    cli->start(QStringLiteral(STUDYCONNECT_CLI),
        QStringList { QStringLiteral("--server"), m_server.httpUrl().toString(),
            QStringLiteral("--timeout"), QStringLiteral("20") }
            + arguments);
    // Here, not later: waitForStarted() is false for a process that has already finished.
    [&] { QVERIFY(cli->waitForStarted()); }();
    return cli;
}

void TestAppSeed::finishCli(QProcess &cli)
{
    // Wait while the event loop runs: the app must receive as the CLI sends.
    QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 30000);
    m_cliOutput = cli.readAll();
    QVERIFY2(
        cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0, m_cliOutput.constData());
}

void TestAppSeed::tokenIsCheckedBeforeConnecting()
{
    // No keychain and no stored session: the sign-in page, with email focused.
    QTRY_VERIFY_WITH_TIMEOUT(m_app.item(QStringLiteral("emailField")), 10000);
    QTRY_VERIFY(m_app.item(QStringLiteral("emailField"))->hasActiveFocus());
    // A password first: this server has no login route, and the page says what to do instead of
    // showing an HTTP error.
    m_app.typeText(QStringLiteral("ada@studyconnect.test"));
    QTest::keyClick(m_app.window, Qt::Key_Tab);
    m_app.typeText(QStringLiteral("studyconnect"));
    QTest::keyClick(m_app.window, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_app.item(QStringLiteral("signInError"))->property("text").toString(),
        QStringLiteral("This server does not offer sign-in with a password. Choose \"Token\" and "
                       "paste the token your school's sign-in gave you."),
        10000);
    m_app.click(m_app.item(QStringLiteral("emailField")));
    QTRY_VERIFY(m_app.item(QStringLiteral("emailField"))->hasActiveFocus());
    // Keyboard only: Shift+Tab from the email field reaches the "Token" tab, Space picks it.
    QQuickItem *tokenMode = m_app.item(QStringLiteral("tokenModeButton"));
    QVERIFY(tokenMode);
    QCOMPARE(tokenMode->property("text").toString(), QStringLiteral("Token"));
    QTest::keyClick(m_app.window, Qt::Key_Backtab, Qt::ShiftModifier);
    QTRY_VERIFY(tokenMode->hasActiveFocus());
    QTest::keyClick(m_app.window, Qt::Key_Space);
    QQuickItem *tokenField = m_app.item(QStringLiteral("tokenField"));
    QTRY_VERIFY(tokenField->isVisible());
    QTRY_VERIFY(tokenField->hasActiveFocus());
    QVERIFY(!m_app.item(QStringLiteral("emailField"))->isVisible());
    QCOMPARE(tokenField->property("echoMode").toInt(), 2); // TextInput.Password

    QSignalSpy connecting(manager()->connection(), &ChatConnection::stateChanged);
    QQuickItem *error = m_app.item(QStringLiteral("signInError"));
    m_app.typeText(QStringLiteral("hello"));
    QTRY_VERIFY(
        error->property("text").toString().startsWith(QStringLiteral("This is not a token")));
    QTest::keyClick(m_app.window, Qt::Key_Return);
    QCOMPARE(session()->state(), Session::SignedOut);

    const QString expired = signToken(QStringLiteral("1"), -60);
    signInWithToken(expired);
    QTRY_VERIFY(
        error->property("text").toString().startsWith(QStringLiteral("This token expired on")));
    QCOMPARE(session()->state(), Session::SignedOut);
    QVERIFY(tokenField->hasActiveFocus());
    // Nothing was sent anywhere.
    QTest::qWait(200);
    QCOMPARE(connecting.count(), 0);
}

void TestAppSeed::refusedTokensComeBackInWords_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unknown user") << signToken(QStringLiteral("99"),
        3600) << QStringLiteral("This server does not know the account in that token.");
    QTest::newRow("other issuer")
        << signToken(QStringLiteral("1"), 3600, QByteArrayLiteral("someone else's secret"))
        << QStringLiteral("This server did not issue that token: its signature does not match.");
}

void TestAppSeed::refusedTokensComeBackInWords()
{
    QFETCH(QString, token);
    QFETCH(QString, reason);
    QSignalSpy ended(session(), &Session::signedOut);
    signInWithToken(token);
    // Shape and expiry are fine, so the server is asked; its connect_error ends the session.
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 10000);
    QCOMPARE(ended.constFirst().at(0).toString(), reason);
    QTRY_VERIFY_WITH_TIMEOUT(m_app.item(QStringLiteral("signInError")), 10000);
    QTRY_COMPARE(m_app.item(QStringLiteral("signInError"))->property("text").toString(), reason);
    // Back on the token form, ready for another one.
    QTRY_VERIFY(m_app.visible(QStringLiteral("tokenField")));
}

void TestAppSeed::tokenSignInRoomDirectAndPresence()
{
    signInWithToken(signToken(QStringLiteral("1"), 3600));
    QTRY_VERIFY_WITH_TIMEOUT(m_app.item(QStringLiteral("mainView")), 15000);
    QCOMPARE(session()->userId(), QStringLiteral("1"));
    QVERIFY(session()->tokenSession());
    QTRY_COMPARE_WITH_TIMEOUT(manager()->connection()->state(), ChatConnection::Connected, 15000);

    // One notice for the whole server, nothing about HTTP anywhere.
    QTRY_VERIFY_WITH_TIMEOUT(m_app.visible(QStringLiteral("limitedServerNotice")), 10000);
    QVERIFY(!manager()->roomListAvailable());
    QVERIFY(session()->errorString().isEmpty());
    QVERIFY(!m_app.visible(QStringLiteral("connectionBanner")));

    // --- join room 7 by its id ---
    m_app.click(m_app.item(QStringLiteral("joinByIdButton")));
    QTRY_VERIFY(m_app.item(QStringLiteral("roomIdField")));
    QTRY_VERIFY(m_app.item(QStringLiteral("roomIdField"))->hasActiveFocus());
    m_app.typeText(QStringLiteral("7"));
    QTest::keyClick(m_app.window, Qt::Key_Return);
    // The seed never answers a join: it counts once not refused in time.
    QTRY_COMPARE_WITH_TIMEOUT(
        m_app.item(QStringLiteral("conversationTitle"))->property("text").toString(),
        QStringLiteral("Room 7"), 10000);
    QTRY_VERIFY(m_app.item(QStringLiteral("room:7")));
    QQuickItem *timeline = m_app.item(QStringLiteral("timeline"));
    auto *room = timeline->property("model").value<QAbstractItemModel *>();
    QVERIFY(room);

    // --- Alan (the CLI) comes online, joins room 7 and waits for Ada's message ---
    const QString mine = QStringLiteral("hello room 7 %1").arg(QDateTime::currentMSecsSinceEpoch());
    auto listener = startCli(QStringLiteral("2"),
        { QStringLiteral("--join"), QStringLiteral("7"), QStringLiteral("--wait-for"),
            QStringLiteral("message:received") });
    QTRY_VERIFY_WITH_TIMEOUT(m_app.item(QStringLiteral("person:2")), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_app.item(QStringLiteral("person:2"))->property("online").toBool(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(rowWithText(room, QStringLiteral("Alan Turing joined")) >= 0, 10000);

    QQuickItem *input = m_app.item(QStringLiteral("composerInput"));
    m_app.click(input);
    QTRY_VERIFY(input->hasActiveFocus());
    // The seed takes no files: nothing offers to attach one.
    QVERIFY(m_app.item(QStringLiteral("attachButton")));
    QVERIFY(!m_app.item(QStringLiteral("attachButton"))->isVisible());
    m_app.typeText(mine);
    QTest::keyClick(m_app.window, Qt::Key_Return);
    QTRY_COMPARE(dataAt(room, 0, "text").toString(), mine);
    QTRY_COMPARE_WITH_TIMEOUT(
        dataAt(room, 0, "deliveryState").toInt(), int(MessageListModel::Sent), 10000);
    finishCli(*listener);
    QVERIFY(m_cliOutput.contains(mine.toUtf8()));
    // The echo named us: the sidebar shows the name the server has for the token's user.
    QTRY_COMPARE(
        session()->user().value(QStringLiteral("name")).toString(), QStringLiteral("Ada Lovelace"));
    // Alan went away: presence follows.
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_app.item(QStringLiteral("person:2"))->property("online").toBool(), 10000);

    // --- Alan writes in the room and sends Ada a direct message ---
    const QString theirs = QStringLiteral("Hi Ada %1").arg(QDateTime::currentMSecsSinceEpoch());
    auto sender = startCli(QStringLiteral("2"),
        { QStringLiteral("--quiet"), QStringLiteral("--send"), QStringLiteral("7"), theirs,
            QStringLiteral("--dm"), QStringLiteral("1"), QStringLiteral("psst, Ada") });
    finishCli(*sender);
    QTRY_COMPARE_WITH_TIMEOUT(dataAt(room, 0, "text").toString(), theirs, 10000);
    QCOMPARE(dataAt(room, 0, "senderName").toString(), QStringLiteral("Alan Turing"));
    // Presence gave only an id; his message names him in the people list too.
    QTRY_COMPARE(m_app.item(QStringLiteral("person:2"))->property("label").toString(),
        QStringLiteral("Alan Turing"));
    QTRY_VERIFY_WITH_TIMEOUT(m_app.item(QStringLiteral("dm:2")), 10000);

    // --- Ada answers in the direct conversation; Alan receives it ---
    auto dmListener = startCli(
        QStringLiteral("2"), { QStringLiteral("--wait-for"), QStringLiteral("dm:received") });
    QTRY_VERIFY_WITH_TIMEOUT(
        m_app.item(QStringLiteral("person:2"))->property("online").toBool(), 10000);
    m_app.click(m_app.item(QStringLiteral("dm:2")));
    QTRY_COMPARE(m_app.item(QStringLiteral("conversationTitle"))->property("text").toString(),
        QStringLiteral("Alan Turing"));
    auto *direct = timeline->property("model").value<QAbstractItemModel *>();
    QTRY_COMPARE(dataAt(direct, 0, "text").toString(), QStringLiteral("psst, Ada"));
    QTRY_VERIFY(input->hasActiveFocus());
    const QString answer =
        QStringLiteral("see you at 5 %1").arg(QDateTime::currentMSecsSinceEpoch());
    m_app.typeText(answer);
    QTest::keyClick(m_app.window, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(
        dataAt(direct, 0, "deliveryState").toInt(), int(MessageListModel::Sent), 10000);
    QCOMPARE(dataAt(direct, 0, "text").toString(), answer);
    finishCli(*dmListener);
    QVERIFY(m_cliOutput.contains(answer.toUtf8()));

    // --- a DM by user id to someone never seen (the seed lists nobody) ---
    m_app.click(m_app.item(QStringLiteral("messageByIdButton")));
    QTRY_VERIFY(m_app.item(QStringLiteral("personIdField")));
    QTRY_VERIFY(m_app.item(QStringLiteral("personIdField"))->hasActiveFocus());
    m_app.typeText(QStringLiteral("1"));
    QTest::keyClick(m_app.window, Qt::Key_Return);
    QTRY_COMPARE(m_app.item(QStringLiteral("messageByIdError"))->property("text").toString(),
        QStringLiteral("That is your own id."));
    QTest::keyClick(m_app.window, Qt::Key_Backspace);
    m_app.typeText(QStringLiteral("4"));
    QTest::keyClick(m_app.window, Qt::Key_Return);
    QTRY_VERIFY(manager()->currentConversation()
        && manager()->currentConversation()->conversationKey()
            == ConversationKey::directWith(QStringLiteral("4")));
    QTRY_VERIFY(m_app.item(QStringLiteral("dm:4")));
    QTRY_VERIFY(input->hasActiveFocus());
    m_app.typeText(QStringLiteral("hello Linus"));
    QTest::keyClick(m_app.window, Qt::Key_Return);
    auto *toLinus = timeline->property("model").value<QAbstractItemModel *>();
    QTRY_COMPARE_WITH_TIMEOUT(
        dataAt(toLinus, 0, "deliveryState").toInt(), int(MessageListModel::Sent), 10000);

    // Still one notice, no error anywhere.
    QVERIFY(m_app.visible(QStringLiteral("limitedServerNotice")));
    QVERIFY(session()->errorString().isEmpty());
    unloadApp();
    loadApp();
}

void TestAppSeed::expiredTokenEndsTheSession()
{
    signInWithToken(signToken(QStringLiteral("3"), 4));
    QTRY_VERIFY_WITH_TIMEOUT(m_app.item(QStringLiteral("mainView")), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(manager()->connection()->state(), ChatConnection::Connected, 15000);
    // The expiry timer ends it at `exp`, whatever the connection does.
    QTRY_COMPARE_WITH_TIMEOUT(session()->state(), Session::SignedOut, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_app.item(QStringLiteral("signInError")), 10000);
    QTRY_COMPARE(m_app.item(QStringLiteral("signInError"))->property("text").toString(),
        QStringLiteral("Your session has expired. Please sign in again."));
    QVERIFY(m_app.visible(QStringLiteral("tokenField")));
}

void TestAppSeed::environmentTokenSignsIn()
{
    unloadApp();
    // An expired one first: the sign-in page with the reason, no other session restored.
    qputenv("STUDYCONNECT_TOKEN", signToken(QStringLiteral("4"), -10).toLatin1());
    loadApp();
    QVERIFY(qEnvironmentVariableIsEmpty("STUDYCONNECT_TOKEN"));
    QTRY_VERIFY_WITH_TIMEOUT(m_app.item(QStringLiteral("signInError")), 10000);
    QVERIFY(m_app.item(QStringLiteral("signInError"))
                ->property("text")
                .toString()
                .startsWith(QStringLiteral("This token expired on")));
    unloadApp();

    qputenv("STUDYCONNECT_TOKEN", signToken(QStringLiteral("4"), 3600).toLatin1());
    loadApp();
    QVERIFY(qEnvironmentVariableIsEmpty("STUDYCONNECT_TOKEN"));
    QTRY_VERIFY_WITH_TIMEOUT(m_app.item(QStringLiteral("mainView")), 15000);
    QCOMPARE(session()->userId(), QStringLiteral("4"));
    QTRY_COMPARE_WITH_TIMEOUT(manager()->connection()->state(), ChatConnection::Connected, 15000);
    QVERIFY(!m_app.item(QStringLiteral("signInPage")));
    QTRY_VERIFY_WITH_TIMEOUT(m_app.visible(QStringLiteral("limitedServerNotice")), 10000);

    // The same chat as with a pasted token: room 8 by id, a message each way, a DM from Alan.
    manager()->joinRoomById(QStringLiteral("8"));
    QTRY_COMPARE_WITH_TIMEOUT(
        m_app.item(QStringLiteral("conversationTitle"))->property("text").toString(),
        QStringLiteral("Room 8"), 10000);
    auto *room =
        m_app.item(QStringLiteral("timeline"))->property("model").value<QAbstractItemModel *>();
    auto listener = startCli(QStringLiteral("2"),
        { QStringLiteral("--join"), QStringLiteral("8"), QStringLiteral("--wait-for"),
            QStringLiteral("message:received") });
    QTRY_VERIFY_WITH_TIMEOUT(rowWithText(room, QStringLiteral("Alan Turing joined")) >= 0, 10000);
    QQuickItem *input = m_app.item(QStringLiteral("composerInput"));
    QTRY_VERIFY(input->hasActiveFocus());
    m_app.typeText(QStringLiteral("kiosk here"));
    QTest::keyClick(m_app.window, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(
        dataAt(room, 0, "deliveryState").toInt(), int(MessageListModel::Sent), 10000);
    finishCli(*listener);
    QVERIFY(m_cliOutput.contains("kiosk here"));
    auto sender = startCli(QStringLiteral("2"),
        { QStringLiteral("--quiet"), QStringLiteral("--send"), QStringLiteral("8"),
            QStringLiteral("hello kiosk"), QStringLiteral("--dm"), QStringLiteral("4"),
            QStringLiteral("psst, kiosk") });
    finishCli(*sender);
    QTRY_COMPARE_WITH_TIMEOUT(
        dataAt(room, 0, "text").toString(), QStringLiteral("hello kiosk"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_app.item(QStringLiteral("dm:2")), 10000);
    unloadApp();
    loadApp();
}

void TestAppSeed::signInLinkAsksFirst()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_app.item(QStringLiteral("signInPage")), 10000);
    const QString host = QStringLiteral("127.0.0.1:%1").arg(m_server.port());
    const auto link = [this](const QString &token) {
        return QStringLiteral("studyconnect://signin?server=%1&token=%2")
            .arg(
                QString::fromLatin1(QUrl::toPercentEncoding(m_server.httpUrl().toString())), token);
    };

    // Declined: nothing happens.
    QVERIFY(SignInLink::globalInstance()->setLink(link(signToken(QStringLiteral("2"), 3600))));
    QTRY_VERIFY(m_app.visible(QStringLiteral("signInLinkText")));
    QVERIFY(
        m_app.item(QStringLiteral("signInLinkText"))->property("text").toString().contains(host));
    QCOMPARE(session()->state(), Session::SignedOut);
    QTest::keyClick(m_app.window, Qt::Key_Escape);
    QTRY_VERIFY(!SignInLink::globalInstance()->pending());
    QTest::qWait(200);
    QCOMPARE(session()->state(), Session::SignedOut);

    // A link that cannot be used says why and offers nothing to accept.
    QVERIFY(!SignInLink::globalInstance()->setLink(
        QStringLiteral("studyconnect://signin?server=ftp://x&token=a.b.c")));
    QTRY_VERIFY(m_app.visible(QStringLiteral("signInLinkText")));
    QVERIFY(!m_app.visible(QStringLiteral("signInLinkAccept")));
    SignInLink::globalInstance()->decline();

    // Accepted: signed in as the link's user, on the link's server.
    QVERIFY(SignInLink::globalInstance()->setLink(link(signToken(QStringLiteral("2"), 3600))));
    QTRY_VERIFY(m_app.visible(QStringLiteral("signInLinkAccept")));
    QCOMPARE(m_app.item(QStringLiteral("signInLinkAccept"))->property("text").toString(),
        QStringLiteral("Sign in to %1").arg(host));
    m_app.click(m_app.item(QStringLiteral("signInLinkAccept")));
    QTRY_VERIFY_WITH_TIMEOUT(m_app.item(QStringLiteral("mainView")), 15000);
    QCOMPARE(session()->userId(), QStringLiteral("2"));
    QTRY_COMPARE_WITH_TIMEOUT(manager()->connection()->state(), ChatConnection::Connected, 15000);
}

void TestAppSeed::cleanupTestCase()
{
    unloadApp();
    m_server.terminate();
}

int main(int argc, char *argv[])
{
    PrivateAppFolders folders(QStringLiteral("StudyConnect-e2e-seed"));
    qunsetenv("STUDYCONNECT_TOKEN");
    QGuiApplication app(argc, argv);
    TestAppSeed test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_app_seed.moc"
