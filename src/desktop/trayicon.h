#pragma once

#include <QDBusConnection>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QString>

class QDBusServiceWatcher;
class StatusNotifierItemObject;
class DBusMenuObject;

/// The app's icon in the system tray, with the unread count in its title, tooltip and a badge
/// drawn on the icon, and a menu: Open, Quit.
///
/// Written as a StatusNotifierItem over QtDBus rather than with Qt.labs.platform's
/// SystemTrayIcon: Qt's own item takes its title from the application name (the host's list
/// could not show the count), cannot be given a badge without a file per count, hides whether
/// the tray went away, and its tray detection is not available on the offscreen platform the
/// tests run on; our own few hundred lines are testable against a real watcher on a private
/// bus (tst_trayicon). Hosts that only know the old XEmbed tray (no StatusNotifierWatcher) get
/// no icon: `available` is then false and closing the window quits.
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    explicit TrayIcon(
        QObject *parent = nullptr, const QDBusConnection &bus = QDBusConnection::sessionBus());
    ~TrayIcon() override;

    /// A StatusNotifierWatcher is on the bus and a host (a panel) shows its items.
    bool available() const { return m_available; }
    /// Asks for the icon to be in the tray (it is while `available`); off by default.
    void setShown(bool shown);
    bool isShown() const { return m_shown; }
    /// Registered with the watcher: the panel shows the icon.
    bool isRegistered() const { return m_registered; }
    /// The service name the item is exported under while shown.
    QString serviceName() const { return m_serviceName; }

    void setUnreadCount(int count);
    int unreadCount() const { return m_unreadCount; }

    /// "StudyConnect", or with the count: "StudyConnect: 3 unread".
    QString title() const;
    /// "No unread messages", "3 unread messages".
    QString toolTipText() const;
    /// The icon at `size` pixels, with the count on a badge when there is one.
    QImage iconImage(int size) const;

Q_SIGNALS:
    void availableChanged();
    void registeredChanged();
    /// The icon was clicked, or Open chosen in its menu.
    void activated();
    /// Quit was chosen in its menu.
    void quitRequested();

private Q_SLOTS:
    void askWhetherAHostShowsItems();

private:
    void watchForTheWatcher();
    void setAvailable(bool available);
    void exportItem();
    void withdrawItem();
    void registerWithWatcher();
    void setRegistered(bool registered);
    void refresh();

    QDBusConnection m_bus;
    QDBusServiceWatcher *m_watcher = nullptr;
    StatusNotifierItemObject *m_item = nullptr;
    DBusMenuObject *m_menu = nullptr;
    QString m_serviceName;
    bool m_available = false;
    bool m_shown = false;
    bool m_exported = false;
    bool m_registered = false;
    int m_unreadCount = 0;
};
