#include "desktopshell.h"

#include "apppreferences.h"
#include "logging.h"
#include "trayicon.h"

#include <QCoreApplication>
#include <QEvent>
#include <QGuiApplication>

DesktopShell::DesktopShell(QObject *parent, AppPreferences *preferences, const QDBusConnection &bus)
    : QObject(parent)
    , m_preferences(preferences)
    , m_tray(new TrayIcon(this, bus))
{
    connect(m_tray, &TrayIcon::availableChanged, this, [this] {
        Q_EMIT trayAvailableChanged();
        Q_EMIT closingHidesWindowChanged();
    });
    connect(m_tray, &TrayIcon::activated, this, &DesktopShell::bringToFront);
    connect(m_tray, &TrayIcon::quitRequested, this, [this] {
        qCInfo(lcDesktop) << "quit from the tray";
        quit();
    });
    // Logging out: the session asks the app to save and end; nothing hides then.
    connect(qGuiApp, &QGuiApplication::commitDataRequest, this, [this] { m_quitting = true; });
    connect(m_preferences, &AppPreferences::keepRunningInBackgroundChanged, this,
        &DesktopShell::followPreferences);
    followPreferences();
}

DesktopShell::~DesktopShell() = default;

DesktopShell *DesktopShell::globalInstance()
{
    static QPointer<DesktopShell> instance;
    if (!instance)
        instance = new DesktopShell(QCoreApplication::instance(), AppPreferences::globalInstance());
    return instance;
}

DesktopShell *DesktopShell::create(QQmlEngine *, QJSEngine *)
{
    DesktopShell *shell = globalInstance();
    QJSEngine::setObjectOwnership(shell, QJSEngine::CppOwnership);
    return shell;
}

void DesktopShell::followPreferences()
{
    // The icon is there while the app keeps running in the background: it is the way back.
    m_tray->setShown(m_preferences && m_preferences->keepRunningInBackground());
    Q_EMIT closingHidesWindowChanged();
}

void DesktopShell::setWindow(QWindow *window)
{
    if (m_window)
        m_window->removeEventFilter(this);
    m_window = window;
    if (m_window)
        m_window->installEventFilter(this);
}

bool DesktopShell::trayAvailable() const
{
    return m_tray->available();
}

bool DesktopShell::closingHidesWindow() const
{
    return m_preferences && m_preferences->keepRunningInBackground() && m_tray->available();
}

int DesktopShell::unreadCount() const
{
    return m_tray->unreadCount();
}

void DesktopShell::setUnreadCount(int count)
{
    if (count == m_tray->unreadCount())
        return;
    m_tray->setUnreadCount(count);
    Q_EMIT unreadCountChanged();
}

void DesktopShell::bringToFront()
{
    if (!m_window)
        return;
    if (m_window->windowStates() & Qt::WindowMinimized)
        m_window->setWindowStates(m_window->windowStates() & ~Qt::WindowMinimized);
    m_window->show();
    m_window->raise();
    m_window->requestActivate();
}

void DesktopShell::quit()
{
    m_quitting = true;
    QCoreApplication::quit();
}

bool DesktopShell::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Close && closingHidesWindow()
        && !m_quitting) {
        // Hidden, not closed: the connection, the unread count and notifications go on, and
        // the tray icon brings the window back as it was.
        qCInfo(lcDesktop) << "window closed: running on in the background";
        event->ignore();
        m_window->hide();
        return true;
    }
    return QObject::eventFilter(watched, event);
}
