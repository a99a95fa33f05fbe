// TrayIcon and DesktopShell against a StatusNotifierWatcher on a real (private) session bus: run
// under dbus-run-session. The watcher is a small org.kde.StatusNotifierWatcher on its own bus
// connection, as a panel's would be, and reads the item back through dbus-daemon the way a
// panel does: its title, tooltip, icon and menu, clicks and menu events.
#include "desktop/apppreferences.h"
#include "desktop/desktopshell.h"
#include "desktop/statusnotifieritem.h"
#include "desktop/trayicon.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QWindow>

class StatusNotifierWatcher : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.StatusNotifierWatcher")
    Q_PROPERTY(bool IsStatusNotifierHostRegistered READ isHostRegistered)
    Q_PROPERTY(QStringList RegisteredStatusNotifierItems READ items)
    Q_PROPERTY(int ProtocolVersion READ protocolVersion)

public:
    QStringList registered;
    bool isHostRegistered() const { return true; }
    QStringList items() const { return registered; }
    int protocolVersion() const { return 0; }

public Q_SLOTS:
    void RegisterStatusNotifierItem(const QString &service)
    {
        registered.append(service);
        Q_EMIT StatusNotifierItemRegistered(service);
    }
    void RegisterStatusNotifierHost(const QString &) { }

Q_SIGNALS:
    void StatusNotifierItemRegistered(const QString &service);
    void StatusNotifierItemUnregistered(const QString &service);
    void StatusNotifierHostRegistered();
};

/// Counts a D-Bus signal received on the panel's connection.
class SignalCounter : public QObject
{
    Q_OBJECT

public:
    int hits = 0;

public Q_SLOTS:
    void hit() { ++hits; }
};

/// Shows `window` and hands it to `shell`, as the app does once its window is up.
static bool showUnder(DesktopShell &shell, QWindow &window)
{
    window.resize(200, 100);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    shell.setWindow(&window);
    return true;
}

class TestTrayIcon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void noWatcherNoTray();
    void registersAndShowsTheUnreadCount();
    void menuOpensAndQuits();
    void comesBackWhenThePanelRestarts();
    void closingHidesTheWindowOnlyWithATray();
    void quitFromTheTrayClosesTheWindow();
    void cleanup();

private:
    bool startWatcher();
    void stopWatcher();
    QVariant itemProperty(const QString &service, const QString &name);

    QTemporaryDir m_config;
    QTranslator m_english;
    QDBusConnection m_panelBus { QString() };
    StatusNotifierWatcher *m_watcher = nullptr;
};

void TestTrayIcon::initTestCase()
{
    if (!QDBusConnection::sessionBus().isConnected())
        QFAIL("no session bus: run this test under dbus-run-session");
    // The windows here come and go; the test decides when it ends.
    QGuiApplication::setQuitOnLastWindowClosed(false);
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    // The app's English plural forms: "1 unread message", "3 unread messages".
    QVERIFY(m_english.load(QStringLiteral("studyconnect_en"), QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(&m_english);
    registerStatusNotifierTypes();
}

bool TestTrayIcon::startWatcher()
{
    m_panelBus =
        QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("panel"));
    m_watcher = new StatusNotifierWatcher;
    return m_panelBus.registerObject(QStringLiteral("/StatusNotifierWatcher"), m_watcher,
               QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllProperties
                   | QDBusConnection::ExportAllSignals)
        && m_panelBus.registerService(QStringLiteral("org.kde.StatusNotifierWatcher"));
}

void TestTrayIcon::stopWatcher()
{
    if (!m_watcher)
        return;
    m_panelBus.unregisterService(QStringLiteral("org.kde.StatusNotifierWatcher"));
    m_panelBus.unregisterObject(QStringLiteral("/StatusNotifierWatcher"));
    delete m_watcher;
    m_watcher = nullptr;
    QDBusConnection::disconnectFromBus(QStringLiteral("panel"));
}

void TestTrayIcon::cleanup()
{
    stopWatcher();
}

/// Read as a panel does; the call waits with the event loop running, as the item answers from
/// this same thread.
QVariant TestTrayIcon::itemProperty(const QString &service, const QString &name)
{
    QDBusMessage get =
        QDBusMessage::createMethodCall(service, QStringLiteral("/StatusNotifierItem"),
            QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << QStringLiteral("org.kde.StatusNotifierItem") << name;
    const QDBusMessage reply = m_panelBus.call(get, QDBus::BlockWithGui);
    if (reply.type() != QDBusMessage::ReplyMessage) {
        qWarning() << "Get" << name << reply.errorMessage();
        return {};
    }
    return reply.arguments().constFirst().value<QDBusVariant>().variant();
}

void TestTrayIcon::noWatcherNoTray()
{
    TrayIcon tray;
    tray.setShown(true);
    tray.setUnreadCount(2);
    // The question has been answered (no watcher) when the bus has replied to anything after it.
    QDBusConnection::sessionBus().interface()->isServiceRegistered(
        QStringLiteral("org.example.none"));
    QTest::qWait(100);
    QVERIFY(!tray.available());
    QVERIFY(!tray.isRegistered());
    QVERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(tray.serviceName()));
}

void TestTrayIcon::registersAndShowsTheUnreadCount()
{
    QVERIFY(startWatcher());
    TrayIcon tray;
    QTRY_VERIFY(tray.available());
    QVERIFY(!tray.isRegistered());
    tray.setShown(true);
    QTRY_VERIFY(tray.isRegistered());
    QCOMPARE(m_watcher->registered, QStringList { tray.serviceName() });

    const QString service = tray.serviceName();
    QCOMPARE(
        itemProperty(service, QStringLiteral("Title")).toString(), QStringLiteral("StudyConnect"));
    QCOMPARE(itemProperty(service, QStringLiteral("Status")).toString(), QStringLiteral("Active"));
    QCOMPARE(itemProperty(service, QStringLiteral("ItemIsMenu")).toBool(), false);
    QCOMPARE(itemProperty(service, QStringLiteral("Menu")).value<QDBusObjectPath>().path(),
        QStringLiteral("/MenuBar"));
    const SniPixmapList quietIcons =
        qdbus_cast<SniPixmapList>(itemProperty(service, QStringLiteral("IconPixmap")));
    QCOMPARE(quietIcons.size(), 4);
    QCOMPARE(quietIcons.constFirst().width, 22);
    QCOMPARE(quietIcons.constFirst().argb.size(), 22 * 22 * 4);

    // Three unread: the title, the tooltip and the icon say so, and the panel is told.
    SignalCounter newTitle;
    SignalCounter newToolTip;
    SignalCounter newIcon;
    const QString itemPath = QStringLiteral("/StatusNotifierItem");
    const QString itemInterface = QStringLiteral("org.kde.StatusNotifierItem");
    QVERIFY(m_panelBus.connect(
        service, itemPath, itemInterface, QStringLiteral("NewTitle"), &newTitle, SLOT(hit())));
    QVERIFY(m_panelBus.connect(
        service, itemPath, itemInterface, QStringLiteral("NewToolTip"), &newToolTip, SLOT(hit())));
    QVERIFY(m_panelBus.connect(
        service, itemPath, itemInterface, QStringLiteral("NewIcon"), &newIcon, SLOT(hit())));
    tray.setUnreadCount(3);
    QTRY_COMPARE(newTitle.hits, 1);
    QTRY_COMPARE(newToolTip.hits, 1);
    QTRY_COMPARE(newIcon.hits, 1);
    QCOMPARE(itemProperty(service, QStringLiteral("Title")).toString(),
        QStringLiteral("StudyConnect: 3 unread"));
    const SniToolTip toolTip =
        qdbus_cast<SniToolTip>(itemProperty(service, QStringLiteral("ToolTip")));
    QCOMPARE(toolTip.title, QStringLiteral("StudyConnect"));
    QCOMPARE(toolTip.text, QStringLiteral("3 unread messages"));
    QCOMPARE(itemProperty(service, QStringLiteral("Status")).toString(),
        QStringLiteral("NeedsAttention"));
    const SniPixmapList badgeIcons =
        qdbus_cast<SniPixmapList>(itemProperty(service, QStringLiteral("IconPixmap")));
    QCOMPARE(badgeIcons.size(), 4);
    // The badge changed the picture: the top right corner is red now.
    QVERIFY(badgeIcons.constLast().argb != quietIcons.constLast().argb);
    const QImage badged = tray.iconImage(64);
    const QColor corner = badged.pixelColor(64 - 12, 10);
    QVERIFY2(corner.red() > 180 && corner.green() < 90, qPrintable(corner.name()));

    tray.setUnreadCount(1);
    QCOMPARE(qdbus_cast<SniToolTip>(itemProperty(service, QStringLiteral("ToolTip"))).text,
        QStringLiteral("1 unread message"));
    tray.setUnreadCount(0);
    QCOMPARE(
        itemProperty(service, QStringLiteral("Title")).toString(), QStringLiteral("StudyConnect"));
    QCOMPARE(qdbus_cast<SniToolTip>(itemProperty(service, QStringLiteral("ToolTip"))).text,
        QStringLiteral("No unread messages"));

    // A click on the icon opens the window.
    QSignalSpy activated(&tray, &TrayIcon::activated);
    QDBusMessage click =
        QDBusMessage::createMethodCall(service, QStringLiteral("/StatusNotifierItem"),
            QStringLiteral("org.kde.StatusNotifierItem"), QStringLiteral("Activate"));
    click << 10 << 10;
    QCOMPARE(m_panelBus.call(click, QDBus::BlockWithGui).type(), QDBusMessage::ReplyMessage);
    QTRY_COMPARE(activated.size(), 1);

    // Hidden (background mode off): the service leaves the bus, which is how the panel learns.
    tray.setShown(false);
    QVERIFY(!tray.isRegistered());
    QTRY_VERIFY(!m_panelBus.interface()->isServiceRegistered(service));
}

void TestTrayIcon::menuOpensAndQuits()
{
    QVERIFY(startWatcher());
    TrayIcon tray;
    tray.setShown(true);
    QTRY_VERIFY(tray.isRegistered());
    const QString service = tray.serviceName();

    QDBusMessage getLayout = QDBusMessage::createMethodCall(service, QStringLiteral("/MenuBar"),
        QStringLiteral("com.canonical.dbusmenu"), QStringLiteral("GetLayout"));
    getLayout << 0 << -1 << QStringList();
    const QDBusMessage reply = m_panelBus.call(getLayout, QDBus::BlockWithGui);
    QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
    QCOMPARE(reply.signature(), QStringLiteral("u(ia{sv}av)"));
    const DBusMenuLayout layout = qdbus_cast<DBusMenuLayout>(reply.arguments().at(1));
    QCOMPARE(layout.id, 0);
    QCOMPARE(layout.children.size(), 3);
    QCOMPARE(layout.children.at(0).properties.value(QStringLiteral("label")).toString(),
        QStringLiteral("Open StudyConnect"));
    QCOMPARE(layout.children.at(1).properties.value(QStringLiteral("type")).toString(),
        QStringLiteral("separator"));
    QCOMPARE(layout.children.at(2).properties.value(QStringLiteral("label")).toString(),
        QStringLiteral("Quit StudyConnect"));

    const auto clickEntry = [&](int id) {
        QDBusMessage event = QDBusMessage::createMethodCall(service, QStringLiteral("/MenuBar"),
            QStringLiteral("com.canonical.dbusmenu"), QStringLiteral("Event"));
        event << id << QStringLiteral("clicked") << QVariant::fromValue(QDBusVariant(0)) << 0u;
        return m_panelBus.call(event, QDBus::BlockWithGui).type() == QDBusMessage::ReplyMessage;
    };
    QSignalSpy activated(&tray, &TrayIcon::activated);
    QSignalSpy quit(&tray, &TrayIcon::quitRequested);
    QVERIFY(clickEntry(layout.children.at(0).id));
    QTRY_COMPARE(activated.size(), 1);
    QCOMPARE(quit.size(), 0);
    QVERIFY(clickEntry(layout.children.at(2).id));
    QTRY_COMPARE(quit.size(), 1);
    QCOMPARE(activated.size(), 1);
}

void TestTrayIcon::comesBackWhenThePanelRestarts()
{
    TrayIcon tray;
    tray.setShown(true);
    QTest::qWait(100);
    QVERIFY(!tray.available());

    // A panel that starts after the app gets the icon.
    QVERIFY(startWatcher());
    QTRY_VERIFY(tray.available());
    QTRY_VERIFY(tray.isRegistered());

    // It goes away: no tray. It comes back: registered again.
    stopWatcher();
    QTRY_VERIFY(!tray.available());
    QVERIFY(!tray.isRegistered());
    QVERIFY(startWatcher());
    QTRY_VERIFY(tray.isRegistered());
    QCOMPARE(m_watcher->registered, QStringList { tray.serviceName() });
}

void TestTrayIcon::closingHidesTheWindowOnlyWithATray()
{
    AppPreferences preferences(nullptr);
    preferences.setKeepRunningInBackground(true);
    DesktopShell shell(nullptr, &preferences);
    QWindow window;
    QVERIFY(showUnder(shell, window));

    // No tray: closing closes, as before.
    QVERIFY(!shell.trayAvailable());
    QVERIFY(!shell.closingHidesWindow());
    QVERIFY(window.close());
    QVERIFY(!window.isVisible());
    window.show();

    // A tray, and background mode: closing hides the window, the app goes on.
    QVERIFY(startWatcher());
    QTRY_VERIFY(shell.trayAvailable());
    QVERIFY(shell.closingHidesWindow());
    QTRY_VERIFY(shell.trayIcon()->isRegistered());
    // close() says whether the window closed: it did not, it only hid.
    QVERIFY(!window.close());
    QVERIFY(!window.isVisible());

    // The unread count reaches the tray; the icon brings the window back.
    shell.setUnreadCount(5);
    QCOMPARE(itemProperty(shell.trayIcon()->serviceName(), QStringLiteral("Title")).toString(),
        QStringLiteral("StudyConnect: 5 unread"));
    Q_EMIT shell.trayIcon()->activated();
    QVERIFY(window.isVisible());

    // Background mode off: no icon, closing closes.
    preferences.setKeepRunningInBackground(false);
    QVERIFY(!shell.closingHidesWindow());
    QVERIFY(!shell.trayIcon()->isRegistered());
    QVERIFY(window.close());
    QVERIFY(!window.isVisible());
    preferences.setKeepRunningInBackground(true);
}

void TestTrayIcon::quitFromTheTrayClosesTheWindow()
{
    AppPreferences preferences(nullptr);
    preferences.setKeepRunningInBackground(true);
    DesktopShell shell(nullptr, &preferences);
    QWindow window;
    QVERIFY(showUnder(shell, window));
    QVERIFY(startWatcher());
    QTRY_VERIFY(shell.closingHidesWindow());

    // QGuiApplication quits by closing every window first, and gives up if one refuses: after
    // Quit the window closes for real (it once hid itself and the app ran on).
    Q_EMIT shell.trayIcon()->quitRequested();
    QVERIFY(window.close());
    QVERIFY(!window.isVisible());
}

QTEST_MAIN(TestTrayIcon)
#include "tst_trayicon.moc"
