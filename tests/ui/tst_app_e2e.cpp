// End to end: the real app (the same QML, singletons and setup as main()) offscreen against the
// reference backend. Signs in by typing into the sign-in page, opens a room from the sidebar,
// sends a message with the composer and sees it delivered, then receives one sent by another
// client (studyconnect-cli, as Alan) and a direct message that shows in the window title.
#include "auth/session.h"
#include "chat/socketservice.h"
#include "desktop/appsetup.h"
#include "desktop/desktopsettings.h"
#include "nodeserver.h"

#include <QAbstractItemModel>
#include <QGuiApplication>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

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

class TestAppEndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signInSendAndReceive();
    void cleanupTestCase();

private:
    /// Every item named `objectName` in the visual tree (Loader and popup items are not always
    /// QObject children, so the search follows childItems()).
    static void collect(QQuickItem *root, const QString &objectName, QList<QQuickItem *> &found)
    {
        if (root->objectName() == objectName)
            found << root;
        for (QQuickItem *child : root->childItems())
            collect(child, objectName, found);
    }
    QQuickItem *item(const QString &objectName) const
    {
        QList<QQuickItem *> found;
        if (m_window)
            collect(m_window->contentItem(), objectName, found);
        return found.isEmpty() ? nullptr : found.constFirst();
    }
    /// A visible item with this objectName whose `text` is `text` (delegates are reused).
    QQuickItem *itemWithText(const QString &objectName, const QString &text) const
    {
        QList<QQuickItem *> found;
        collect(m_window->contentItem(), objectName, found);
        for (QQuickItem *candidate : std::as_const(found)) {
            if (candidate->isVisible() && candidate->property("text").toString() == text)
                return candidate;
        }
        return nullptr;
    }
    /// Types ASCII text into the focused item, one key press per character.
    void typeText(const QString &text)
    {
        for (const QChar c : text)
            QTest::keyClick(m_window, c.toLatin1());
    }
    void click(QQuickItem *target)
    {
        QVERIFY(target);
        const QPointF center = target->mapToScene(QPointF(target->width() / 2, target->height() / 2));
        QTest::mouseClick(m_window, Qt::LeftButton, {}, center.toPoint());
    }

    QTemporaryDir m_dir;
    std::unique_ptr<NodeServer> m_server;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
};

void TestAppEndToEnd::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<NodeServer>(QStringLiteral("server/src/index.js"));
    m_server->setEnvironmentValue(QStringLiteral("SEED_DEMO"), QStringLiteral("1"));
    m_server->setEnvironmentValue(QStringLiteral("HOST"), QStringLiteral("127.0.0.1"));
    m_server->setEnvironmentValue(QStringLiteral("JWT_SECRET"), QStringLiteral("e2e-test-secret"));
    m_server->setEnvironmentValue(QStringLiteral("DB_PATH"), m_dir.filePath(QStringLiteral("e2e.db")));
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));

    DesktopSettings::globalInstance()->setCommandLineServer(m_server->httpUrl());
    AppSetup::prepare();
    m_engine = std::make_unique<QQmlApplicationEngine>();
    QVERIFY(AppSetup::load(*m_engine));
    m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
    QVERIFY(m_window);
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestAppEndToEnd::signInSendAndReceive()
{
    // --- sign in with the keyboard only ---
    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("emailField")), 10000);
    QQuickItem *email = item(QStringLiteral("emailField"));
    QTRY_VERIFY(email->hasActiveFocus());
    QCOMPARE(item(QStringLiteral("serverField"))->property("text").toUrl(), m_server->httpUrl());
    typeText(QStringLiteral("ada@studyconnect.test"));
    QTest::keyClick(m_window, Qt::Key_Tab);
    QVERIFY(item(QStringLiteral("passwordField"))->hasActiveFocus());
    typeText(QStringLiteral("studyconnect"));
    QTest::keyClick(m_window, Qt::Key_Return);

    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("mainView")), 15000);
    QCOMPARE(Session::globalInstance()->state(), Session::SignedIn);
    QTRY_COMPARE_WITH_TIMEOUT(SocketService::globalInstance()->connectionState(), SocketService::Connected, 15000);
    // No Secret Service in the test: the app keeps going and says what that means.
    if (!Session::globalInstance()->keychainAvailable())
        QTRY_VERIFY(item(QStringLiteral("keychainBar"))->isVisible());

    // --- open "Calculus I" (room 1) from the sidebar ---
    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("room:1")), 10000);
    click(item(QStringLiteral("room:1")));
    QTRY_COMPARE(item(QStringLiteral("conversationTitle"))->property("text").toString(), QStringLiteral("Calculus I"));
    QQuickItem *timeline = item(QStringLiteral("timeline"));
    QVERIFY(timeline);
    auto *messages = timeline->property("model").value<QAbstractItemModel *>();
    QVERIFY(messages);
    QTRY_VERIFY_WITH_TIMEOUT(messages->rowCount() > 0, 10000); // history
    QTRY_VERIFY_WITH_TIMEOUT(SocketService::globalInstance()->isJoined(QStringLiteral("1")), 10000);

    // --- send with the composer: Enter sends ---
    QQuickItem *input = item(QStringLiteral("composerInput"));
    QVERIFY(input);
    click(input);
    QTRY_VERIFY(input->hasActiveFocus());
    const QString mine = QStringLiteral("e2e: <b>not bold</b> %1").arg(QDateTime::currentMSecsSinceEpoch());
    typeText(mine);
    QTest::keyClick(m_window, Qt::Key_Return);
    QTRY_COMPARE(dataAt(messages, 0, "text").toString(), mine);
    QCOMPARE(dataAt(messages, 0, "isMine").toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(dataAt(messages, 0, "deliveryState").toInt(), 1 /* Sent */, 10000);
    QVERIFY(!dataAt(messages, 0, "id").toString().isEmpty());
    QCOMPARE(input->property("text").toString(), QString());
    QTRY_VERIFY(itemWithText(QStringLiteral("messageText"), mine));
    QVERIFY(!itemWithText(QStringLiteral("messageText"), mine)->property("hasLinks").toBool());

    // --- another client (Alan) writes in the room and sends Ada a direct message ---
    const QString theirs = QStringLiteral("Hi Ada, Alan here %1").arg(QDateTime::currentMSecsSinceEpoch());
    QProcess cli;
    cli.setProcessChannelMode(QProcess::MergedChannels);
    cli.start(QStringLiteral(STUDYCONNECT_CLI),
              {QStringLiteral("--server"), m_server->httpUrl().toString(), QStringLiteral("--email"),
               QStringLiteral("alan@studyconnect.test"), QStringLiteral("--password-stdin"), QStringLiteral("--send"),
               QStringLiteral("1"), theirs, QStringLiteral("--dm"), QStringLiteral("1"), QStringLiteral("psst, Ada"),
               QStringLiteral("--quiet"), QStringLiteral("--timeout"), QStringLiteral("20")});
    QVERIFY(cli.waitForStarted());
    cli.write("studyconnect\n");
    cli.closeWriteChannel();
    // Wait while the event loop runs: the app must receive as the CLI sends.
    QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 30000);
    QVERIFY2(cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0, cli.readAll().constData());

    QTRY_COMPARE_WITH_TIMEOUT(dataAt(messages, 0, "text").toString(), theirs, 10000);
    QCOMPARE(dataAt(messages, 0, "senderName").toString(), QStringLiteral("Alan Turing"));
    QCOMPARE(dataAt(messages, 0, "isMine").toBool(), false);
    QTRY_VERIFY(itemWithText(QStringLiteral("messageText"), theirs));

    // The direct message: its conversation shows an unread badge and the title counts it.
    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("dm:2")), 10000);
    QTRY_VERIFY(m_window->title().startsWith(QStringLiteral("(1) ")));

    // Opening it clears the count.
    click(item(QStringLiteral("dm:2")));
    QTRY_COMPARE(item(QStringLiteral("conversationTitle"))->property("text").toString(), QStringLiteral("Alan Turing"));
    QTRY_COMPARE(m_window->title(), QStringLiteral("StudyConnect"));
    auto *dm = timeline->property("model").value<QAbstractItemModel *>();
    QTRY_COMPARE(dataAt(dm, 0, "text").toString(), QStringLiteral("psst, Ada"));

    // --- older history loads while scrolling up; "Latest" brings the newest back ---
    // Organic Chemistry (room 2) has 33 messages; 20 more from Grace make two pages of 50.
    QStringList arguments{QStringLiteral("--server"), m_server->httpUrl().toString(), QStringLiteral("--email"),
                          QStringLiteral("grace@studyconnect.test"), QStringLiteral("--password-stdin"),
                          QStringLiteral("--quiet"), QStringLiteral("--timeout"), QStringLiteral("20")};
    for (int i = 1; i <= 20; ++i)
        arguments << QStringLiteral("--send") << QStringLiteral("2") << QStringLiteral("Reaction mechanism note %1").arg(i);
    QProcess grace;
    grace.setProcessChannelMode(QProcess::MergedChannels);
    grace.start(QStringLiteral(STUDYCONNECT_CLI), arguments);
    QVERIFY(grace.waitForStarted());
    grace.write("studyconnect\n");
    grace.closeWriteChannel();
    QTRY_VERIFY_WITH_TIMEOUT(grace.state() == QProcess::NotRunning, 30000);
    QVERIFY2(grace.exitCode() == 0, grace.readAll().constData());

    click(item(QStringLiteral("room:2")));
    QTRY_COMPARE(item(QStringLiteral("conversationTitle"))->property("text").toString(), QStringLiteral("Organic Chemistry"));
    auto *room2 = timeline->property("model").value<QAbstractItemModel *>();
    QTRY_COMPARE_WITH_TIMEOUT(room2->rowCount(), 50, 10000); // the first page
    QCOMPARE(dataAt(room2, 0, "text").toString(), QStringLiteral("Reaction mechanism note 20"));
    QVERIFY(!room2->property("historyComplete").toBool());
    QQuickItem *jump = item(QStringLiteral("jumpToLatestButton"));
    QVERIFY(jump);
    QVERIFY(!jump->isVisible());
    // Scroll up in steps, as a reader does, until the oldest message is there.
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
        timeline->setProperty("contentY", timeline->property("contentY").toReal() - 400);
        return room2->property("historyComplete").toBool();
    }()), 15000);
    QTRY_COMPARE(room2->rowCount(), 53);
    QTRY_VERIFY(jump->isVisible());
    click(jump);
    QTRY_VERIFY(timeline->property("atYEnd").toBool());
    QTRY_VERIFY(!jump->isVisible());
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
    // A private settings folder: the test never reads or changes the user's.
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit());
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("StudyConnect-e2e"));
    QCoreApplication::setOrganizationName(QStringLiteral("StudyConnect"));
    TestAppEndToEnd test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_app_e2e.moc"
