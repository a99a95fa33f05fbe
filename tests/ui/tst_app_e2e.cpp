// End to end: the real app (the same QML, singletons and setup as main()) offscreen against the
// reference backend. Signs in by typing into the sign-in page, opens a room from the sidebar,
// sends a message with the composer and sees it delivered (and one in Markdown with a code
// block, drawn as a code block), then receives one sent by another
// client (studyconnect-cli, as Alan) and a direct message that shows in the window title; then a
// message to a member room never opened raises its unread count and asks for a notification, and
// the count is still there after a restart; clicking its notification shows the window again
// (hidden as in the tray) and opens the room. Ctrl+, (settings, then network settings) and the
// arrow keys switch the transport to long-polling and back, reconnecting with the rooms still
// live. Last, a token pasted on the
// sign-in page signs in on this backend too (and finds its REST API: names, room list).
#include "appdriver.h"
#include "auth/session.h"
#include "chat/conversationmanager.h"
#include "chat/socketservice.h"
#include "clienttestsupport.h"
#include "desktop/appsetup.h"
#include "desktop/desktopsettings.h"
#include "desktop/networksettings.h"
#include "desktop/notifier.h"
#include "desktop/unreadwatcher.h"
#include "nodeserver.h"
#include "privateappfolders.h"
#include "richmessagechecks.h"

#include <QAbstractItemModel>
#include <QClipboard>
#include <QGuiApplication>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

#include <algorithm>
#include <memory>

Q_IMPORT_QML_PLUGIN(StudyConnectPlugin)
Q_IMPORT_QML_PLUGIN(StudyConnect_AuthPlugin)
Q_IMPORT_QML_PLUGIN(StudyConnect_ChatPlugin)
Q_IMPORT_QML_PLUGIN(StudyConnect_DesktopPlugin)

namespace {

int roleOf(const QAbstractItemModel *model, const QByteArray &name)
{
    return model->roleNames().key(name, -1);
}

QVariant dataAt(const QAbstractItemModel *model, int row, const QByteArray &role)
{
    return model->index(row, 0).data(roleOf(model, role));
}

} // namespace

class TestAppEndToEnd : public QObject, private AppDriver
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signInSendAndReceive();
    void unreadForRoomsNotOpenedSurvivesARestart();
    void networkSettingsFromTheKeyboardReconnect();
    void tokenSignInOnTheReferenceBackend();
    void studyConversations();
    void smallWindowsAndKeyboard();
    void memberList();
    void cleanupTestCase();

private:
    void signInWithKeyboard(const QString &account);
    /// Runs studyconnect-cli signed in as `account` with these arguments until it exits 0.
    void runCli(const QString &account, const QStringList &arguments);
    /// The count in the window title, "(3) StudyConnect" → 3.
    int titleUnread() const
    {
        const QString title = window->title();
        return title.startsWith(u'(') ? title.mid(1, title.indexOf(u')') - 1).toInt() : 0;
    }
    static ConversationManager *manager() { return ConversationManager::globalInstance(); }
    static Conversation *room(const QString &id)
    {
        return manager()->find(ConversationKey::room(id));
    }
    void loadApp();

    QTemporaryDir m_dir;
    std::unique_ptr<NodeServer> m_server;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
};

void TestAppEndToEnd::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<NodeServer>(QStringLiteral("server/src/index.js"));
    m_server->setEnvironmentValue(QStringLiteral("SEED_DEMO"), QStringLiteral("1"));
    m_server->setEnvironmentValue(QStringLiteral("HOST"), QStringLiteral("127.0.0.1"));
    m_server->setEnvironmentValue(QStringLiteral("JWT_SECRET"), QStringLiteral("e2e-test-secret"));
    m_server->setEnvironmentValue(
        QStringLiteral("DB_PATH"), m_dir.filePath(QStringLiteral("e2e.db")));
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));

    DesktopSettings::globalInstance()->setCommandLineServer(m_server->httpUrl());
    AppSetup::prepare();
    // Whatever the machine's locale, plurals are words ("4 members"), never "member(s)".
    if (!QLocale().uiLanguages().first().startsWith(u"de"))
        QCOMPARE(QCoreApplication::translate("ChatPane", "%n member(s)", nullptr, 4),
            QStringLiteral("4 members"));
    loadApp();
}

void TestAppEndToEnd::loadApp()
{
    m_engine = std::make_unique<QQmlApplicationEngine>();
    QVERIFY(AppSetup::load(*m_engine));
    window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    window->requestActivate();
}

void TestAppEndToEnd::signInWithKeyboard(const QString &account)
{
    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("emailField")), 10000);
    QQuickItem *email = item(QStringLiteral("emailField"));
    QTRY_VERIFY(email->hasActiveFocus());
    QCOMPARE(item(QStringLiteral("serverField"))->property("text").toUrl(), m_server->httpUrl());
    typeText(account);
    QTest::keyClick(window, Qt::Key_Tab);
    QVERIFY(item(QStringLiteral("passwordField"))->hasActiveFocus());
    typeText(QStringLiteral("studyconnect"));
    QTest::keyClick(window, Qt::Key_Return);

    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("mainView")), 15000);
    QCOMPARE(Session::globalInstance()->state(), Session::SignedIn);
    QTRY_COMPARE_WITH_TIMEOUT(manager()->connection()->state(), ChatConnection::Connected, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(manager()->synced(), 15000);
}

void TestAppEndToEnd::runCli(const QString &account, const QStringList &arguments)
{
    QProcess cli;
    cli.setProcessChannelMode(QProcess::MergedChannels);
    cli.start(QStringLiteral(STUDYCONNECT_CLI),
        QStringList { QStringLiteral("--server"), m_server->httpUrl().toString(),
            QStringLiteral("--email"), account, QStringLiteral("--password-stdin"),
            QStringLiteral("--quiet"), QStringLiteral("--timeout"), QStringLiteral("20") }
            + arguments);
    QVERIFY(cli.waitForStarted());
    cli.write("studyconnect\n");
    cli.closeWriteChannel();
    // Wait while the event loop runs: the app must receive as the CLI sends.
    QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 30000);
    QVERIFY2(
        cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0, cli.readAll().constData());
}

void TestAppEndToEnd::signInSendAndReceive()
{
    // --- sign in with the keyboard only ---
    signInWithKeyboard(QStringLiteral("ada@studyconnect.test"));
    // No Secret Service in the test: the app keeps going and says what that means.
    if (!Session::globalInstance()->keychainAvailable())
        QTRY_VERIFY(item(QStringLiteral("keychainBar"))->isVisible());

    // --- open "Calculus I" (room 1) from the sidebar ---
    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("room:1")), 10000);
    // Lists complete: the sidebar's rows no longer move under the click.
    QTRY_VERIFY_WITH_TIMEOUT(manager()->synced(), 15000);
    click(item(QStringLiteral("room:1")));
    QTRY_COMPARE(item(QStringLiteral("conversationTitle"))->property("text").toString(),
        QStringLiteral("Calculus I"));
    QQuickItem *timeline = item(QStringLiteral("timeline"));
    QVERIFY(timeline);
    auto *messages = timeline->property("model").value<QAbstractItemModel *>();
    QVERIFY(messages);
    QTRY_VERIFY_WITH_TIMEOUT(messages->rowCount() > 0, 10000); // history
    QTRY_VERIFY_WITH_TIMEOUT(SocketService::globalInstance()->isJoined(QStringLiteral("1")), 10000);

    // --- send with the composer: opening the room put the focus there, Enter sends ---
    QQuickItem *input = item(QStringLiteral("composerInput"));
    QVERIFY(input);
    QTRY_VERIFY(input->hasActiveFocus());
    const QString mine =
        QStringLiteral("e2e: <b>not bold</b> %1").arg(QDateTime::currentMSecsSinceEpoch());
    typeText(mine);
    QTest::keyClick(window, Qt::Key_Return);
    QTRY_COMPARE(dataAt(messages, 0, "text").toString(), mine);
    QCOMPARE(dataAt(messages, 0, "isMine").toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(
        dataAt(messages, 0, "deliveryState").toInt(), int(MessageListModel::Sent), 10000);
    QVERIFY(!dataAt(messages, 0, "id").toString().isEmpty());
    QCOMPARE(input->property("text").toString(), QString());
    QTRY_VERIFY(itemWithText(QStringLiteral("messageText"), mine));
    QVERIFY(!itemWithText(QStringLiteral("messageText"), mine)->property("hasLinks").toBool());

    // --- Markdown with a code block: sent and stored as its source, drawn as blocks ---
    sendMarkdownWithCodeBlock(*this, messages);
    input->forceActiveFocus();

    // --- another client (Alan) writes in the room and sends Ada a direct message ---
    const QString theirs =
        QStringLiteral("Hi Ada, Alan here %1").arg(QDateTime::currentMSecsSinceEpoch());
    const int unreadBefore = titleUnread();
    runCli(QStringLiteral("alan@studyconnect.test"),
        { QStringLiteral("--send"), QStringLiteral("1"), theirs, QStringLiteral("--dm"),
            QStringLiteral("1"), QStringLiteral("psst, Ada") });

    QTRY_COMPARE_WITH_TIMEOUT(dataAt(messages, 0, "text").toString(), theirs, 10000);
    QCOMPARE(dataAt(messages, 0, "senderName").toString(), QStringLiteral("Alan Turing"));
    QCOMPARE(dataAt(messages, 0, "isMine").toBool(), false);
    QTRY_VERIFY(itemWithText(QStringLiteral("messageText"), theirs));

    // The direct message: its conversation shows an unread badge and the title counts it.
    // (The room in view takes no count: it is being read.)
    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("dm:2")), 10000);
    QTRY_COMPARE(titleUnread(), unreadBefore + 1);

    // Opening it clears the count.
    click(item(QStringLiteral("dm:2")));
    QTRY_COMPARE(item(QStringLiteral("conversationTitle"))->property("text").toString(),
        QStringLiteral("Alan Turing"));
    QTRY_COMPARE(titleUnread(), unreadBefore);
    QTRY_VERIFY(input->hasActiveFocus());
    auto *dm = timeline->property("model").value<QAbstractItemModel *>();
    QTRY_COMPARE(dataAt(dm, 0, "text").toString(), QStringLiteral("psst, Ada"));

    // --- older history loads while scrolling up; "Latest" brings the newest back ---
    // Organic Chemistry (room 2) has 33 messages; 20 more from Grace make two pages of 50. Ada
    // leaves it first, so they are not live here: a room she is not in shows its history with a
    // Join button.
    room(QStringLiteral("2"))->leave();
    QStringList notes;
    for (int i = 1; i <= 20; ++i)
        notes << QStringLiteral("--send") << QStringLiteral("2")
              << QStringLiteral("Reaction mechanism note %1").arg(i);
    runCli(QStringLiteral("grace@studyconnect.test"), notes);

    click(item(QStringLiteral("room:2")));
    QTRY_COMPARE(item(QStringLiteral("conversationTitle"))->property("text").toString(),
        QStringLiteral("Organic Chemistry"));
    auto *room2 = timeline->property("model").value<QAbstractItemModel *>();
    QTRY_VERIFY(item(QStringLiteral("joinButton"))->isVisible());
    QVERIFY(!item(QStringLiteral("leaveButton"))->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(room2->rowCount(), 50, 10000);
    QCOMPARE(dataAt(room2, 0, "text").toString(), QStringLiteral("Reaction mechanism note 20"));
    QVERIFY(!room2->property("historyComplete").toBool());
    QQuickItem *jump = item(QStringLiteral("jumpToLatestButton"));
    QVERIFY(jump);
    QVERIFY(!jump->isVisible());
    // Scroll up in steps, as a reader does, until the oldest message is there.
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
        wheel(timeline, 3);
        return room2->property("historyComplete").toBool();
    }()),
        15000);
    QTRY_COMPARE(room2->rowCount(), 53);
    QTRY_VERIFY(jump->isVisible());
    click(jump);
    QTRY_VERIFY(timeline->property("atYEnd").toBool());
    QTRY_VERIFY(!jump->isVisible());

    // Joining again makes it writable.
    click(item(QStringLiteral("joinButton")));
    QTRY_VERIFY_WITH_TIMEOUT(room(QStringLiteral("2"))->isMember(), 10000);
    QTRY_VERIFY(item(QStringLiteral("leaveButton"))->isVisible());
}

void TestAppEndToEnd::unreadForRoomsNotOpenedSurvivesARestart()
{
    // Room 4 was never opened in this run; Ada is a member, so it is live all the same.
    Conversation *linearAlgebra = room(QStringLiteral("4"));
    QVERIFY(linearAlgebra);
    QVERIFY(linearAlgebra->isMember());
    QVERIFY(manager()->currentConversation() != linearAlgebra);
    const int before = linearAlgebra->unreadCount();
    const int titleBefore = titleUnread();
    auto *watcher = window->findChild<UnreadWatcher *>();
    QVERIFY(watcher);
    QSignalSpy notified(watcher, &UnreadWatcher::notified);

    const QString text = QStringLiteral("Anyone up for eigenvalues tonight? %1")
                             .arg(QDateTime::currentMSecsSinceEpoch());
    runCli(QStringLiteral("linus@studyconnect.test"),
        { QStringLiteral("--send"), QStringLiteral("4"), text });
    QTRY_COMPARE_WITH_TIMEOUT(linearAlgebra->unreadCount(), before + 1, 10000);
    QTRY_COMPARE(item(linearAlgebra->key())->property("unread").toInt(), before + 1);
    QTRY_COMPARE(titleUnread(), titleBefore + 1);
    QTRY_VERIFY(!notified.isEmpty());
    QCOMPARE(notified.constLast().at(0).toString(), linearAlgebra->key());
    QCOMPARE(notified.constLast().at(2).toString(), text);
    // Titled with the sender and the room.
    const QString title = notified.constLast().at(1).toString();
    QVERIFY2(title.startsWith(QStringLiteral("Linus"))
            && title.endsWith(QStringLiteral(" in ") + linearAlgebra->name()),
        qPrintable(title));

    // Quit and start again: nothing of the old run is left in memory; the count comes back.
    m_engine.reset();
    window = nullptr;
    delete SocketService::globalInstance();
    loadApp();
    if (Session::globalInstance()->state() != Session::SignedIn)
        signInWithKeyboard(QStringLiteral("ada@studyconnect.test")); // no keychain in this test
    QTRY_VERIFY_WITH_TIMEOUT(manager()->synced(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(room(QStringLiteral("4")), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(room(QStringLiteral("4"))->unreadCount(), before + 1, 10000);
    QTRY_COMPARE(item(QStringLiteral("room:4"))->property("unread").toInt(), before + 1);
    QTRY_COMPARE(titleUnread(), titleBefore + 1);

    // Its notification is clicked while the window is hidden (as in the tray): the window comes
    // back with the room open (raising it from QML, as before, left a hidden window hidden), and
    // no TypeError is logged. Reading it there marks it read on the server: a "New messages" line
    // shows where.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("TypeError")));
    window->hide();
    QTRY_VERIFY(!window->isVisible());
    Q_EMIT Notifier::globalInstance()->activated(QStringLiteral("room:4"));
    QTRY_VERIFY(window->isVisible());
    QCOMPARE(manager()->currentConversation(), room(QStringLiteral("4")));
    QTRY_COMPARE(room(QStringLiteral("4"))->unreadCount(), 0);
    QTRY_VERIFY(item(QStringLiteral("readMarker")));
    QTRY_COMPARE(titleUnread(), titleBefore - before);
}

void TestAppEndToEnd::networkSettingsFromTheKeyboardReconnect()
{
    ChatConnection *connection = manager()->connection();
    QTRY_COMPARE_WITH_TIMEOUT(connection->state(), ChatConnection::Connected, 10000);
    QCOMPARE(connection->transport(), ChatConnection::WebSocket);
    auto chooseTransport = [this](Qt::Key key) {
        // Ctrl+, opens the settings, whose "Network settings…" opens the dialog with the focus
        // on the transport; the arrow keys choose.
        QTest::keyClick(window, Qt::Key_Comma, Qt::ControlModifier);
        QTRY_VERIFY(visible(QStringLiteral("networkSettingsButton")));
        QTRY_VERIFY(item(QStringLiteral("notificationsSwitch"))->hasActiveFocus());
        click(item(QStringLiteral("networkSettingsButton")));
        QTRY_VERIFY(item(QStringLiteral("transportBox"))
            && item(QStringLiteral("transportBox"))->hasActiveFocus());
        QTest::keyClick(window, key);
        QTest::keyClick(window, key);
        click(item(QStringLiteral("networkApplyButton")));
        // A closed popup's items leave the window's tree.
        QTRY_VERIFY(!item(QStringLiteral("transportBox"))
            || !item(QStringLiteral("transportBox"))->isVisible());
    };

    chooseTransport(Qt::Key_Down);
    QCOMPARE(NetworkSettings::globalInstance()->transportMode(), NetworkSettings::LongPollingOnly);
    QTRY_COMPARE_WITH_TIMEOUT(connection->transport(), ChatConnection::Polling, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(connection->state(), ChatConnection::Connected, 15000);
    // Still in the room after the reconnect: a message from another client arrives.
    const QString text =
        QStringLiteral("over long-polling %1").arg(QDateTime::currentMSecsSinceEpoch());
    runCli(QStringLiteral("linus@studyconnect.test"),
        { QStringLiteral("--send"), QStringLiteral("4"), text });
    QTRY_VERIFY_WITH_TIMEOUT(room(QStringLiteral("4"))->messages()->rowCount() > 0
            && dataAt(room(QStringLiteral("4"))->messages(), 0, "text").toString() == text,
        10000);

    chooseTransport(Qt::Key_Up);
    QCOMPARE(NetworkSettings::globalInstance()->transportMode(), NetworkSettings::Automatic);
    QTRY_COMPARE_WITH_TIMEOUT(connection->transport(), ChatConnection::WebSocket, 15000);
}

void TestAppEndToEnd::tokenSignInOnTheReferenceBackend()
{
    Session::globalInstance()->signOut();
    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("emailField")), 10000);
    // The page is laid out once its first field has the focus: then a click lands.
    QTRY_VERIFY(item(QStringLiteral("emailField"))->hasActiveFocus());
    click(item(QStringLiteral("tokenModeButton")));
    QQuickItem *tokenField = item(QStringLiteral("tokenField"));
    QTRY_VERIFY(tokenField->hasActiveFocus());
    // The network settings are one click away on the Token tab too; cancelled, the tab stays.
    QQuickItem *networkButton = item(QStringLiteral("signInNetworkSettingsButton"));
    QVERIFY(networkButton && networkButton->isVisible());
    click(networkButton);
    QTRY_VERIFY(
        item(QStringLiteral("transportBox")) && item(QStringLiteral("transportBox"))->isVisible());
    click(item(QStringLiteral("networkCancelButton")));
    QTRY_VERIFY(!item(QStringLiteral("transportBox"))
        || !item(QStringLiteral("transportBox"))->isVisible());
    QVERIFY(tokenField->isVisible());
    tokenField->forceActiveFocus();
    QTRY_VERIFY(tokenField->hasActiveFocus());
    // Linus, signed the way the backend signs its own tokens (JWT_SECRET above).
    QGuiApplication::clipboard()->setText(
        signToken(QStringLiteral("4"), 3600, QByteArrayLiteral("e2e-test-secret")));
    QTest::keyClick(window, Qt::Key_V, Qt::ControlModifier);
    QTRY_VERIFY(!tokenField->property("text").toString().isEmpty());
    QTest::keyClick(window, Qt::Key_Return);

    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("mainView")), 15000);
    QVERIFY(Session::globalInstance()->tokenSession());
    QCOMPARE(Session::globalInstance()->account(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(manager()->connection()->state(), ChatConnection::Connected, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(manager()->synced(), 15000);
    // The REST API answers with the same token: the user's names and the room list.
    QTRY_COMPARE_WITH_TIMEOUT(
        Session::globalInstance()->user().value(QStringLiteral("firstName")).toString(),
        QStringLiteral("Linus"), 10000);
    QVERIFY(manager()->roomListAvailable());
    QVERIFY(!item(QStringLiteral("limitedServerNotice"))->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("room:4")), 10000);
}

void TestAppEndToEnd::studyConversations()
{
    // Linus (signed in by the test before) in Calculus I: a question, a reply with the context
    // menu, a reaction from the emoji picker, Up to edit, delete with its confirmation, and a
    // thread that Alan answers and Linus marks resolved. Every step through the window.
    click(item(QStringLiteral("room:1")));
    QTRY_COMPARE(item(QStringLiteral("conversationTitle"))->property("text").toString(),
        QStringLiteral("Calculus I"));
    QQuickItem *timeline = item(QStringLiteral("timeline"));
    auto *messages = timeline->property("model").value<QAbstractItemModel *>();
    QTRY_VERIFY_WITH_TIMEOUT(messages->rowCount() > 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(room(QStringLiteral("1"))->canReply(), 10000);
    QQuickItem *input = item(QStringLiteral("composerInput"));
    QTRY_VERIFY(input->hasActiveFocus());
    // Delegates are reused and popups keep their items: the one that shows.
    const auto visibleItem = [this](const QString &name) -> QQuickItem * {
        QList<QQuickItem *> found;
        collect(window->contentItem()->parentItem() ? window->contentItem()->parentItem()
                                                    : window->contentItem(),
            name, found);
        for (QQuickItem *candidate : std::as_const(found)) {
            if (candidate->isVisible())
                return candidate;
        }
        return nullptr;
    };
    // Right click on a message's text until its menu shows `entry` (the row may still be
    // settling in the list when the first click lands).
    const auto openMenu = [&](const QString &text, const QString &entry) {
        return QTest::qWaitFor(
                   [&] {
                       if (visibleItem(entry))
                           return true;
                       QQuickItem *target = itemWithText(QStringLiteral("messageText"), text);
                       if (target) {
                           const QPointF point =
                               target->mapToScene(QPointF(4, target->height() / 2));
                           QTest::mouseClick(window, Qt::RightButton, {}, point.toPoint());
                       }
                       return QTest::qWaitFor([&] { return visibleItem(entry) != nullptr; }, 500);
                   },
                   10000)
            && (QTest::qWait(400), true); // the menu's opening transition moves its items
    };

    // --- the question, written in the composer ---
    const QString question =
        QStringLiteral("Is 0.999... equal to 1? %1").arg(QDateTime::currentMSecsSinceEpoch());
    typeText(question);
    QTest::keyClick(window, Qt::Key_Return);
    // Found by its text, not as row 0: another message may arrive meanwhile.
    const auto rowWithText = [&](const QString &text) {
        for (int row = 0; row < messages->rowCount(); ++row) {
            if (dataAt(messages, row, "text").toString() == text)
                return row;
        }
        return -1;
    };
    QTRY_COMPARE_WITH_TIMEOUT(
        dataAt(messages, std::max(0, rowWithText(question)), "deliveryState").toInt(),
        int(MessageListModel::Sent), 10000);
    const QString questionId = dataAt(messages, rowWithText(question), "id").toString();

    // --- Reply from the context menu ---
    QVERIFY(openMenu(question, QStringLiteral("menuReply")));
    click(visibleItem(QStringLiteral("menuReply")));
    QTRY_VERIFY(visibleItem(QStringLiteral("composerModeBar")));
    QTRY_VERIFY(input->hasActiveFocus());
    typeText(QStringLiteral("Yes: 1 - 0.999... is smaller than every positive number"));
    QTest::keyClick(window, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(
        dataAt(messages, 0, "deliveryState").toInt(), int(MessageListModel::Sent), 10000);
    QCOMPARE(dataAt(messages, 0, "replyToId").toString(), questionId);
    QCOMPARE(dataAt(messages, 0, "replyToText").toString(), question);
    QTRY_VERIFY(!visibleItem(QStringLiteral("composerModeBar")));
    QTRY_VERIFY(visibleItem(QStringLiteral("replyQuote")));

    // --- React to the question from the menu's emoji picker ---
    QVERIFY(openMenu(question, QStringLiteral("menuReact")));
    click(visibleItem(QStringLiteral("menuReact")));
    QTRY_VERIFY(visibleItem(QStringLiteral("emoji:👍")));
    QTest::qWait(400); // the picker's opening transition
    click(visibleItem(QStringLiteral("emoji:👍")));
    const auto questionRow = [&] {
        return manager()
            ->find(ConversationKey::room(QStringLiteral("1")))
            ->messages()
            ->rowOfId(questionId);
    };
    QVERIFY(questionRow() >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(
        dataAt(messages, questionRow(), "reactions").toList().size(), 1, 10000);
    const QVariantMap reaction =
        dataAt(messages, questionRow(), "reactions").toList().first().toMap();
    QCOMPARE(reaction.value(QStringLiteral("emoji")).toString(), QStringLiteral("👍"));
    QCOMPARE(reaction.value(QStringLiteral("count")).toInt(), 1);
    // Seen failing once in a while under load; say whose reaction it was when it does.
    QVERIFY2(reaction.value(QStringLiteral("mine")).toBool(),
        qPrintable(QStringLiteral("reacted: %1; signed in as %2")
                       .arg(reaction.value(QStringLiteral("names")).toString(),
                           manager()->currentUserId())));
    QTRY_VERIFY(visibleItem(QStringLiteral("reaction:👍")));

    // --- Up in the empty composer edits the last own message (the reply) ---
    input->forceActiveFocus();
    QTRY_VERIFY(input->hasActiveFocus());
    QCOMPARE(input->property("text").toString(), QString());
    QTest::keyClick(window, Qt::Key_Up);
    QTRY_VERIFY(visibleItem(QStringLiteral("composerModeBar")));
    QTRY_VERIFY(input->property("text").toString().startsWith(u"Yes: 1 - 0.999"));
    QTest::keyClick(window, Qt::Key_A, Qt::ControlModifier);
    typeText(QStringLiteral("Yes, they are the same real number"));
    QTest::keyClick(window, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(dataAt(messages, 0, "text").toString(),
        QStringLiteral("Yes, they are the same real number"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(dataAt(messages, 0, "isEdited").toBool(), 10000);
    QTRY_VERIFY(!dataAt(messages, 0, "changePending").toBool());

    // --- Delete the reply, confirmed in the dialog ---
    QVERIFY(openMenu(
        QStringLiteral("Yes, they are the same real number"), QStringLiteral("menuDelete")));
    click(visibleItem(QStringLiteral("menuDelete")));
    QTRY_VERIFY(visibleItem(QStringLiteral("confirmDeleteButton")));
    click(visibleItem(QStringLiteral("confirmDeleteButton")));
    QTRY_VERIFY_WITH_TIMEOUT(dataAt(messages, 0, "isDeleted").toBool(), 10000);
    QVERIFY(dataAt(messages, 0, "sourceText").toString().isEmpty());

    // --- Alan answers in the question's thread (the CLI); Linus resolves it ---
    runCli(QStringLiteral("alan@studyconnect.test"),
        { QStringLiteral("--room"), QStringLiteral("1"), QStringLiteral("--thread"), questionId,
            QStringLiteral("Think of 1/3 = 0.333... times 3") });
    const auto questionRowNow = [&] {
        return manager()
            ->find(ConversationKey::room(QStringLiteral("1")))
            ->messages()
            ->rowOfId(questionId);
    };
    QTRY_COMPARE_WITH_TIMEOUT(
        dataAt(messages, questionRowNow(), "threadReplyCount").toInt(), 1, 10000);
    // Thread replies stay out of the timeline.
    QVERIFY(!itemWithText(
        QStringLiteral("messageText"), QStringLiteral("Think of 1/3 = 0.333... times 3")));
    QTRY_VERIFY(visibleItem(QStringLiteral("threadSummary")));
    click(visibleItem(QStringLiteral("threadSummary")));
    QTRY_VERIFY(visibleItem(QStringLiteral("threadPanel")));
    QTRY_VERIFY_WITH_TIMEOUT(itemWithText(QStringLiteral("messageText"),
                                 QStringLiteral("Think of 1/3 = 0.333... times 3")),
        10000);
    QTRY_VERIFY(visibleItem(QStringLiteral("resolveButton")));
    click(visibleItem(QStringLiteral("resolveButton")));
    QTRY_VERIFY_WITH_TIMEOUT(dataAt(messages, questionRowNow(), "threadResolved").toBool(), 10000);
    click(visibleItem(QStringLiteral("closeThreadButton")));
    QTRY_VERIFY(!visibleItem(QStringLiteral("threadPanel")));
}

/// The scene rectangle of an item.
static QRectF sceneRect(const QQuickItem *item)
{
    return item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
}

void TestAppEndToEnd::smallWindowsAndKeyboard()
{
    // A narrow window puts the sidebar in a drawer: nothing overlaps down to 360 x 560, the
    // keyboard opens the drawer (Ctrl+Shift+D, F6) and a conversation from it (Enter).
    const QSize wide = window->size();
    click(item(QStringLiteral("room:1")));
    QTRY_COMPARE(item(QStringLiteral("conversationTitle"))->property("text").toString(),
        QStringLiteral("Calculus I"));
    for (const QSize size : { QSize(400, 700), QSize(360, 560) }) {
        window->resize(size);
        QQuickItem *chat = item(QStringLiteral("chatPane"));
        QTRY_COMPARE(chat->width(), qreal(size.width()));
        QCOMPARE(sceneRect(chat).left(), 0.0);
        QTRY_VERIFY(visible(QStringLiteral("sidebarButton")));
        // The header: the title keeps its place, no button over another or over it.
        QList<QQuickItem *> header;
        for (const char *name :
            { "sidebarButton", "conversationTitle", "pinsButton", "conversationMenuButton",
                "leaveButton", "searchButton", "unresolvedFilterButton" }) {
            if (QQuickItem *found = item(QString::fromLatin1(name)); found && found->isVisible())
                header << found;
        }
        QVERIFY(header.size() >= 3);
        for (int a = 0; a < header.size(); ++a) {
            QVERIFY2(
                sceneRect(header[a]).right() <= size.width(), qPrintable(header[a]->objectName()));
            for (int b = a + 1; b < header.size(); ++b)
                QVERIFY2(!sceneRect(header[a]).intersects(sceneRect(header[b])),
                    qPrintable(header[a]->objectName() + QStringLiteral(" overlaps ")
                        + header[b]->objectName()));
        }
        QVERIFY(item(QStringLiteral("conversationTitle"))->width() >= 100);
        QVERIFY(item(QStringLiteral("composerInput"))->width() >= size.width() - 140);
    }

    // Ctrl+Shift+D opens the drawer with the focus in it; Tab to a room, Enter opens it.
    QObject *drawer = window->findChild<QObject *>(QStringLiteral("sidebarDrawer"));
    QVERIFY(drawer);
    QTest::keyClick(window, Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(drawer->property("opened").toBool());
    QTRY_COMPARE(window->activeFocusItem()->objectName(), QStringLiteral("switcherButton"));
    // The account menu button, "+ Join by id", then the rooms.
    QQuickItem *target = item(QStringLiteral("room:2"));
    QVERIFY(target);
    for (int i = 0; i < 8 && window->activeFocusItem() != target; ++i)
        QTest::keyClick(window, Qt::Key_Tab);
    QCOMPARE(window->activeFocusItem(), target);
    QTest::keyClick(window, Qt::Key_Return);
    QTRY_COMPARE(item(QStringLiteral("conversationTitle"))->property("text").toString(),
        QStringLiteral("Organic Chemistry"));
    QTRY_VERIFY(!drawer->property("visible").toBool());

    // F6: sidebar (the drawer), messages, composer, and round again.
    window->resize(wide);
    QTRY_VERIFY(!visible(QStringLiteral("sidebarButton")));
    click(item(QStringLiteral("room:1")));
    QQuickItem *input = item(QStringLiteral("composerInput"));
    QTRY_VERIFY(input->hasActiveFocus());
    QTest::keyClick(window, Qt::Key_F6);
    QTRY_COMPARE(window->activeFocusItem()->objectName(), QStringLiteral("switcherButton"));
    QQuickItem *timeline = item(QStringLiteral("timeline"));
    QTest::keyClick(window, Qt::Key_F6);
    QTRY_VERIFY(timeline->hasActiveFocus());
    QTest::keyClick(window, Qt::Key_F6);
    QTRY_VERIFY(input->hasActiveFocus());
    QTest::keyClick(window, Qt::Key_F6, Qt::ShiftModifier);
    QTRY_VERIFY(timeline->hasActiveFocus());
    // Tab leaves the composer.
    QTest::keyClick(window, Qt::Key_F6);
    QTRY_VERIFY(input->hasActiveFocus());
    QTest::keyClick(window, Qt::Key_Tab);
    QTRY_VERIFY(!input->hasActiveFocus());
}

void TestAppEndToEnd::memberList()
{
    // "4 members" in Calculus I's header lists them with presence and role; Enter on one opens
    // the direct conversation with them.
    click(item(QStringLiteral("room:1")));
    QTRY_COMPARE(item(QStringLiteral("conversationTitle"))->property("text").toString(),
        QStringLiteral("Calculus I"));
    QQuickItem *button = item(QStringLiteral("membersButton"));
    QTRY_VERIFY(button && button->isVisible() && button->isEnabled());
    click(button);
    QQuickItem *list = nullptr;
    QTRY_VERIFY((list = item(QStringLiteral("membersList"))) && list->isVisible());
    QTRY_COMPARE(list->property("count").toInt(), 4);
    QQuickItem *grace = item(QStringLiteral("member:3"));
    QVERIFY(grace);
    // Down to Grace Hopper (the tutor) and Enter.
    QVERIFY(manager()->currentUserId() != QStringLiteral("3"));
    for (int i = 0; i < 4 && list->property("currentItem").value<QQuickItem *>() != grace; ++i)
        QTest::keyClick(window, Qt::Key_Down);
    QCOMPARE(list->property("currentItem").value<QQuickItem *>(), grace);
    QTest::keyClick(window, Qt::Key_Return);
    QTRY_COMPARE(item(QStringLiteral("conversationTitle"))->property("text").toString(),
        QStringLiteral("Grace Hopper"));
}

void TestAppEndToEnd::cleanupTestCase()
{
    if (Session::globalInstance()->state() == Session::SignedIn)
        Session::globalInstance()->signOut();
    m_engine.reset();
    m_server.reset();
}

int main(int argc, char *argv[])
{
    PrivateAppFolders folders(QStringLiteral("StudyConnect-e2e"));
    QGuiApplication app(argc, argv);
    TestAppEndToEnd test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_app_e2e.moc"
