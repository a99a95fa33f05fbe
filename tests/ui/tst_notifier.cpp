// Notifier against a notification server on a real (private) session bus: run under
// dbus-run-session. The server is a small org.freedesktop.Notifications implementation on its
// own bus connection, so every call goes through dbus-daemon.
#include "desktop/notifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QSignalSpy>
#include <QTest>

class FakeNotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call
    {
        QString appName;
        uint replacesId = 0;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
    };
    QStringList capabilities;
    QList<Call> calls;
    QList<uint> closed;
    uint nextId = 41;

public Q_SLOTS:
    QStringList GetCapabilities() { return capabilities; }
    uint Notify(const QString &appName, uint replacesId, const QString &, const QString &summary,
        const QString &body, const QStringList &actions, const QVariantMap &hints, int)
    {
        calls.append({ appName, replacesId, summary, body, actions, hints });
        return replacesId ? replacesId : ++nextId;
    }
    void CloseNotification(uint id) { closed.append(id); }
};

class TestNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void noServerIsQuiet();
    void notifyEscapesForMarkupServers();
    void plainServersGetTheTextAsIs();
    void clickOpensAndWithdrawCloses();
    void cleanupTestCase();

private:
    bool startServer(const QStringList &capabilities);
    void stopServer();
    void emitSignal(const QString &name, const QVariantList &arguments);

    QDBusConnection m_serverBus { QString() };
    FakeNotificationServer *m_server = nullptr;
};

void TestNotifier::initTestCase()
{
    if (!QDBusConnection::sessionBus().isConnected())
        QFAIL("no session bus: run this test under dbus-run-session");
}

bool TestNotifier::startServer(const QStringList &capabilities)
{
    m_serverBus = QDBusConnection::connectToBus(
        QDBusConnection::SessionBus, QStringLiteral("fake-notification-server"));
    m_server = new FakeNotificationServer;
    m_server->capabilities = capabilities;
    return m_serverBus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), m_server,
               QDBusConnection::ExportAllSlots)
        && m_serverBus.registerService(QStringLiteral("org.freedesktop.Notifications"));
}

void TestNotifier::stopServer()
{
    m_serverBus.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
    m_serverBus.unregisterObject(QStringLiteral("/org/freedesktop/Notifications"));
    QDBusConnection::disconnectFromBus(QStringLiteral("fake-notification-server"));
    delete m_server;
    m_server = nullptr;
}

void TestNotifier::emitSignal(const QString &name, const QVariantList &arguments)
{
    QDBusMessage signal =
        QDBusMessage::createSignal(QStringLiteral("/org/freedesktop/Notifications"),
            QStringLiteral("org.freedesktop.Notifications"), name);
    signal.setArguments(arguments);
    QVERIFY(m_serverBus.send(signal));
}

void TestNotifier::noServerIsQuiet()
{
    Notifier notifier(nullptr);
    QSignalSpy delivered(&notifier, &Notifier::delivered);
    notifier.notify(QStringLiteral("room:1"), QStringLiteral("Calculus"), QStringLiteral("hello"));
    QTRY_VERIFY(!notifier.available());
    notifier.notify(QStringLiteral("room:1"), QStringLiteral("Calculus"), QStringLiteral("again"));
    QTest::qWait(100);
    QCOMPARE(delivered.size(), 0);
}

void TestNotifier::notifyEscapesForMarkupServers()
{
    QVERIFY(startServer(
        { QStringLiteral("body"), QStringLiteral("body-markup"), QStringLiteral("actions") }));
    Notifier notifier(nullptr);
    QSignalSpy delivered(&notifier, &Notifier::delivered);
    notifier.notify(QStringLiteral("room:1"), QStringLiteral("Calculus <i>I</i>"),
        QStringLiteral("<b>hi</b> & <img src=\"http://x/y.png\">"));
    QTRY_COMPARE(delivered.size(), 1);
    QVERIFY(notifier.available());
    QCOMPARE(m_server->calls.size(), 1);
    const auto &first = m_server->calls.constFirst();
    QCOMPARE(first.summary, QStringLiteral("Calculus <i>I</i>")); // the summary is never markup
    QCOMPARE(first.body,
        QStringLiteral("&lt;b&gt;hi&lt;/b&gt; &amp; &lt;img src=&quot;http://x/y.png&quot;&gt;"));
    QCOMPARE(first.replacesId, 0u);
    QVERIFY(first.actions.contains(QStringLiteral("default")));
    QCOMPARE(first.hints.value(QStringLiteral("desktop-entry")).toString(),
        QStringLiteral("org.studyconnect.StudyConnect"));
    const uint id = delivered.at(0).at(1).toUInt();

    // The same conversation replaces its notification; another one gets its own.
    notifier.notify(QStringLiteral("room:1"), QStringLiteral("Calculus"), QStringLiteral("second"));
    notifier.notify(QStringLiteral("dm:2"), QStringLiteral("Alan Turing"), QStringLiteral("psst"));
    QTRY_COMPARE(delivered.size(), 3);
    QCOMPARE(m_server->calls.at(1).replacesId, id);
    QCOMPARE(m_server->calls.at(2).replacesId, 0u);

    // Long texts are cut.
    notifier.notify(QStringLiteral("dm:3"), QStringLiteral("Grace"), QString(5000, u'x'));
    QTRY_COMPARE(delivered.size(), 4);
    QVERIFY(m_server->calls.at(3).body.size() < 400);
    stopServer();
}

void TestNotifier::plainServersGetTheTextAsIs()
{
    QVERIFY(startServer({ QStringLiteral("body") }));
    Notifier notifier(nullptr);
    QSignalSpy delivered(&notifier, &Notifier::delivered);
    notifier.notify(
        QStringLiteral("room:1"), QStringLiteral("Calculus"), QStringLiteral("a < b && c"));
    QTRY_COMPARE(delivered.size(), 1);
    QCOMPARE(m_server->calls.constFirst().body, QStringLiteral("a < b && c"));
    stopServer();
}

void TestNotifier::clickOpensAndWithdrawCloses()
{
    QVERIFY(startServer({ QStringLiteral("body"), QStringLiteral("actions") }));
    Notifier notifier(nullptr);
    QSignalSpy delivered(&notifier, &Notifier::delivered);
    QSignalSpy activated(&notifier, &Notifier::activated);
    notifier.notify(QStringLiteral("dm:2"), QStringLiteral("Alan Turing"), QStringLiteral("psst"));
    QTRY_COMPARE(delivered.size(), 1);
    const uint id = delivered.at(0).at(1).toUInt();

    emitSignal(QStringLiteral("ActionInvoked"),
        { QVariant::fromValue(id + 100), QStringLiteral("default") });
    emitSignal(
        QStringLiteral("ActionInvoked"), { QVariant::fromValue(id), QStringLiteral("default") });
    QTRY_COMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("dm:2"));

    notifier.withdraw(QStringLiteral("dm:2"));
    QTRY_COMPARE(m_server->closed, QList<uint> { id });
    notifier.withdraw(QStringLiteral("dm:2")); // already gone: no second call
    QTest::qWait(100);
    QCOMPARE(m_server->closed.size(), 1);
    stopServer();
}

void TestNotifier::cleanupTestCase()
{
    if (m_server)
        stopServer();
}

QTEST_GUILESS_MAIN(TestNotifier)
#include "tst_notifier.moc"
