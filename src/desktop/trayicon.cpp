#include "trayicon.h"

#include "logging.h"
#include "statusnotifieritem.h"

#include <QCoreApplication>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QFont>
#include <QPainter>
#include <QtEndian>

namespace {
const QString kWatcherService = QStringLiteral("org.kde.StatusNotifierWatcher");
const QString kWatcherPath = QStringLiteral("/StatusNotifierWatcher");
const QString kWatcherInterface = QStringLiteral("org.kde.StatusNotifierWatcher");
const QString kItemPath = QStringLiteral("/StatusNotifierItem");
const QString kMenuPath = QStringLiteral("/MenuBar");
/// The sizes panels ask for most; the host scales the nearest.
constexpr int kIconSizes[] = { 22, 32, 48, 64 };

enum MenuEntry
{
    OpenEntry = 1,
    SeparatorEntry,
    QuitEntry
};

SniPixmap toSniPixmap(const QImage &image)
{
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    SniPixmap pixmap { argb.width(), argb.height(), {} };
    pixmap.argb.resize(qsizetype(argb.width()) * argb.height() * 4);
    auto *out = reinterpret_cast<quint32 *>(pixmap.argb.data());
    for (int y = 0; y < argb.height(); ++y) {
        const auto *line = reinterpret_cast<const quint32 *>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x)
            *out++ = qToBigEndian(line[x]);
    }
    return pixmap;
}
} // namespace

TrayIcon::TrayIcon(QObject *parent, const QDBusConnection &bus)
    : QObject(parent)
    , m_bus(bus)
{
    static int instances = 0;
    // The specification's name for an item's service: one per process and icon.
    m_serviceName = QStringLiteral("org.kde.StatusNotifierItem-%1-%2")
                        .arg(QCoreApplication::applicationPid())
                        .arg(++instances);
    registerStatusNotifierTypes();
    m_item = new StatusNotifierItemObject([this] { Q_EMIT activated(); }, this);
    m_menu = new DBusMenuObject(this);
    m_menu->setEntries({
        { OpenEntry, tr("Open StudyConnect"), [this] { Q_EMIT activated(); } },
        { SeparatorEntry, {}, {} },
        { QuitEntry, tr("Quit StudyConnect"), [this] { Q_EMIT quitRequested(); } },
    });
    refresh();
    if (!m_bus.isConnected()) {
        qCDebug(lcDesktop) << "no session bus: no tray icon";
        return;
    }
    watchForTheWatcher();
}

TrayIcon::~TrayIcon()
{
    withdrawItem();
}

void TrayIcon::watchForTheWatcher()
{
    // The panel may start after the app, or restart: the item registers again each time.
    m_watcher = new QDBusServiceWatcher(
        kWatcherService, m_bus, QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(m_watcher, &QDBusServiceWatcher::serviceOwnerChanged, this,
        [this](const QString &, const QString &, const QString &newOwner) {
            setRegistered(false);
            if (newOwner.isEmpty())
                setAvailable(false);
            else
                askWhetherAHostShowsItems();
        });
    m_bus.connect(kWatcherService, kWatcherPath, kWatcherInterface,
        QStringLiteral("StatusNotifierHostRegistered"), this, SLOT(askWhetherAHostShowsItems()));
    m_bus.connect(kWatcherService, kWatcherPath, kWatcherInterface,
        QStringLiteral("StatusNotifierHostUnregistered"), this, SLOT(askWhetherAHostShowsItems()));
    askWhetherAHostShowsItems();
}

void TrayIcon::askWhetherAHostShowsItems()
{
    QDBusMessage get = QDBusMessage::createMethodCall(kWatcherService, kWatcherPath,
        QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << kWatcherInterface << QStringLiteral("IsStatusNotifierHostRegistered");
    auto *call = new QDBusPendingCallWatcher(m_bus.asyncCall(get), this);
    connect(call, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<QDBusVariant> reply = *w;
        // No watcher (ServiceUnknown) or one without a host: no tray to go to.
        const bool hostShowsItems = !reply.isError() && reply.value().variant().toBool();
        if (reply.isError())
            qCDebug(lcDesktop) << "no system tray:" << reply.error().name();
        setAvailable(hostShowsItems);
        if (hostShowsItems && m_shown && !m_registered)
            registerWithWatcher();
    });
}

void TrayIcon::setAvailable(bool available)
{
    if (m_available == available)
        return;
    m_available = available;
    qCInfo(lcDesktop) << (available ? "a system tray is available" : "no system tray");
    Q_EMIT availableChanged();
}

void TrayIcon::setShown(bool shown)
{
    if (m_shown == shown)
        return;
    m_shown = shown;
    if (!shown) {
        withdrawItem();
        return;
    }
    if (m_available)
        registerWithWatcher();
}

void TrayIcon::exportItem()
{
    if (m_exported)
        return;
    const auto everything = QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals
        | QDBusConnection::ExportAllProperties;
    m_exported = m_bus.registerObject(kItemPath, m_item, everything)
        && m_bus.registerObject(kMenuPath, m_menu, everything)
        && m_bus.registerService(m_serviceName);
    if (!m_exported) {
        qCWarning(lcDesktop) << "the tray icon cannot be exported:" << m_bus.lastError().message();
        m_bus.unregisterObject(kItemPath);
        m_bus.unregisterObject(kMenuPath);
    }
}

void TrayIcon::withdrawItem()
{
    setRegistered(false);
    if (!m_exported)
        return;
    // The watcher forgets an item whose service has gone.
    m_bus.unregisterService(m_serviceName);
    m_bus.unregisterObject(kItemPath);
    m_bus.unregisterObject(kMenuPath);
    m_exported = false;
}

void TrayIcon::registerWithWatcher()
{
    exportItem();
    if (!m_exported)
        return;
    QDBusMessage call = QDBusMessage::createMethodCall(kWatcherService, kWatcherPath,
        kWatcherInterface, QStringLiteral("RegisterStatusNotifierItem"));
    call << m_serviceName;
    auto *pending = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(pending, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<> reply = *w;
        if (reply.isError()) {
            qCWarning(lcDesktop) << "the tray did not take the icon:" << reply.error().message();
            return;
        }
        // Hidden again while the call was on its way: the withdrawn service is gone already.
        setRegistered(m_shown && m_exported);
    });
}

void TrayIcon::setRegistered(bool registered)
{
    if (m_registered == registered)
        return;
    m_registered = registered;
    Q_EMIT registeredChanged();
}

void TrayIcon::setUnreadCount(int count)
{
    count = std::max(0, count);
    if (m_unreadCount == count)
        return;
    m_unreadCount = count;
    refresh();
}

QString TrayIcon::title() const
{
    return m_unreadCount > 0 ? tr("StudyConnect: %n unread", "", m_unreadCount)
                             : tr("StudyConnect");
}

QString TrayIcon::toolTipText() const
{
    return m_unreadCount > 0 ? tr("%n unread message(s)", "", m_unreadCount)
                             : tr("No unread messages");
}

QImage TrayIcon::iconImage(int size) const
{
    QImage icon(QStringLiteral(":/icons/tray/studyconnect-%1.png").arg(size));
    if (icon.isNull()) {
        icon = QImage(QStringLiteral(":/icons/tray/studyconnect-64.png"))
                   .scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    icon = icon.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    if (m_unreadCount <= 0)
        return icon;
    // A red badge in the top right corner, as chat apps draw it; "99+" above that.
    const QString count =
        m_unreadCount > 99 ? QStringLiteral("99+") : QString::number(m_unreadCount);
    QPainter painter(&icon);
    painter.setRenderHint(QPainter::Antialiasing);
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(std::max(7, int(size * 0.36)));
    painter.setFont(font);
    const qreal height = size * 0.55;
    const qreal width =
        std::max(height, painter.fontMetrics().horizontalAdvance(count) + size * 0.16);
    const QRectF badge(size - width, 0, width, height);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xd9, 0x30, 0x25));
    painter.drawRoundedRect(badge, height / 2, height / 2);
    painter.setPen(Qt::white);
    painter.drawText(badge, Qt::AlignCenter, count);
    return icon;
}

void TrayIcon::refresh()
{
    SniPixmapList pixmaps;
    for (int size : kIconSizes)
        pixmaps.append(toSniPixmap(iconImage(size)));
    const SniToolTip toolTip { {}, {}, tr("StudyConnect"), toolTipText() };
    // NeedsAttention keeps the icon out of a panel's overflow while messages wait.
    m_item->update(title(),
        m_unreadCount > 0 ? QStringLiteral("NeedsAttention") : QStringLiteral("Active"), pixmaps,
        toolTip);
}
