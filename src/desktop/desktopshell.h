#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QWindow>

class AppPreferences;
class TrayIcon;

/// The main window's life on the desktop:
///  - with "keep running in the background" on and a system tray to come back from, closing
///    the window hides it and the app stays connected; the tray icon shows the unread count and
///    opens the window again (Open, a click) or quits (Quit);
///  - without a tray, or with the setting off, closing quits as it always did;
///  - bringToFront() shows, raises and activates the window, for a clicked notification, the
///    tray and a second launch (SingleInstance).
class DesktopShell : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    /// A system tray (a StatusNotifierItem host) is there to keep the app in.
    Q_PROPERTY(bool trayAvailable READ trayAvailable NOTIFY trayAvailableChanged)
    /// Closing the window hides it instead of quitting.
    Q_PROPERTY(bool closingHidesWindow READ closingHidesWindow NOTIFY closingHidesWindowChanged)
    /// The unread total, for the tray icon (the window binds it).
    Q_PROPERTY(int unreadCount READ unreadCount WRITE setUnreadCount NOTIFY unreadCountChanged)

public:
    /// Not default-constructible on purpose: Qt 6.4 would then build the QML singleton with
    /// `new DesktopShell` and ignore create(), giving QML a second instance.
    DesktopShell(QObject *parent, AppPreferences *preferences,
        const QDBusConnection &bus = QDBusConnection::sessionBus());
    ~DesktopShell() override;

    static DesktopShell *globalInstance();
    static DesktopShell *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    /// The main window, once loaded (AppSetup).
    void setWindow(QWindow *window);
    QWindow *window() const { return m_window; }
    TrayIcon *trayIcon() const { return m_tray; }

    bool trayAvailable() const;
    bool closingHidesWindow() const;
    int unreadCount() const;
    void setUnreadCount(int count);

    /// Shows the window if hidden or minimized, raises it and asks for the keyboard focus.
    Q_INVOKABLE void bringToFront();
    /// Quits the app (the tray's Quit): the window closes for real from now on.
    void quit();

Q_SIGNALS:
    void trayAvailableChanged();
    void closingHidesWindowChanged();
    void unreadCountChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void followPreferences();

    QPointer<AppPreferences> m_preferences;
    TrayIcon *m_tray;
    QPointer<QWindow> m_window;
    /// Quitting: QGuiApplication closes every window first and gives up when one refuses, so the
    /// window must not hide itself any more.
    bool m_quitting = false;
};
