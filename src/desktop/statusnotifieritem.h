#pragma once

#include <QDBusArgument>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <functional>

// The two objects a tray icon exports on the session bus, as the StatusNotifierItem
// specification (freedesktop.org, as implemented by KDE Plasma, the GNOME AppIndicator extension,
// Xfce, waybar...) and its menu protocol com.canonical.dbusmenu define them. TrayIcon owns them
// and keeps their state; these classes only answer the host's calls.

/// An icon as the host draws it: ARGB32 in network byte order.
struct SniPixmap
{
    int width = 0;
    int height = 0;
    QByteArray argb;
};
using SniPixmapList = QList<SniPixmap>;

/// (sa(iiay)ss): icon name, icons, title, text.
struct SniToolTip
{
    QString iconName;
    SniPixmapList pixmaps;
    QString title;
    QString text;
};

/// (ia{sv}av): a menu entry, its properties, and its children (as variants of the same).
struct DBusMenuLayout
{
    int id = 0;
    QVariantMap properties;
    QList<DBusMenuLayout> children;
};

/// (ia{sv}): an entry's properties.
struct DBusMenuItemProperties
{
    int id = 0;
    QVariantMap properties;
};
using DBusMenuItemPropertiesList = QList<DBusMenuItemProperties>;

/// (isvu): an event on an entry ("clicked", "hovered", "opened", "closed").
struct DBusMenuEvent
{
    int id = 0;
    QString eventId;
    QDBusVariant data;
    uint timestamp = 0;
};
using DBusMenuEventList = QList<DBusMenuEvent>;

Q_DECLARE_METATYPE(SniPixmap)
Q_DECLARE_METATYPE(SniToolTip)
Q_DECLARE_METATYPE(DBusMenuLayout)
Q_DECLARE_METATYPE(DBusMenuItemProperties)
Q_DECLARE_METATYPE(DBusMenuEvent)

QDBusArgument &operator<<(QDBusArgument &argument, const SniPixmap &pixmap);
const QDBusArgument &operator>>(const QDBusArgument &argument, SniPixmap &pixmap);
QDBusArgument &operator<<(QDBusArgument &argument, const SniToolTip &toolTip);
const QDBusArgument &operator>>(const QDBusArgument &argument, SniToolTip &toolTip);
QDBusArgument &operator<<(QDBusArgument &argument, const DBusMenuLayout &layout);
const QDBusArgument &operator>>(const QDBusArgument &argument, DBusMenuLayout &layout);
QDBusArgument &operator<<(QDBusArgument &argument, const DBusMenuItemProperties &item);
const QDBusArgument &operator>>(const QDBusArgument &argument, DBusMenuItemProperties &item);
QDBusArgument &operator<<(QDBusArgument &argument, const DBusMenuEvent &event);
const QDBusArgument &operator>>(const QDBusArgument &argument, DBusMenuEvent &event);

/// Registers the types above with QtDBus; once, before the first object is exported.
void registerStatusNotifierTypes();

/// org.kde.StatusNotifierItem, exported at /StatusNotifierItem. The properties are the state
/// TrayIcon sets; the host is told of changes by the New* signals.
class StatusNotifierItemObject : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.StatusNotifierItem")
    Q_PROPERTY(QString Category READ category)
    Q_PROPERTY(QString Id READ id)
    Q_PROPERTY(QString Title READ title)
    Q_PROPERTY(QString Status READ status)
    Q_PROPERTY(int WindowId READ windowId)
    Q_PROPERTY(QString IconThemePath READ noName)
    Q_PROPERTY(QString IconName READ noName)
    Q_PROPERTY(SniPixmapList IconPixmap READ iconPixmap)
    Q_PROPERTY(QString OverlayIconName READ noName)
    Q_PROPERTY(SniPixmapList OverlayIconPixmap READ noPixmap)
    Q_PROPERTY(QString AttentionIconName READ noName)
    Q_PROPERTY(SniPixmapList AttentionIconPixmap READ iconPixmap)
    Q_PROPERTY(QString AttentionMovieName READ noName)
    Q_PROPERTY(SniToolTip ToolTip READ toolTip)
    Q_PROPERTY(bool ItemIsMenu READ itemIsMenu)
    Q_PROPERTY(QDBusObjectPath Menu READ menu)

public:
    /// `onActivate` runs when the icon is clicked (or middle-clicked).
    explicit StatusNotifierItemObject(std::function<void()> onActivate, QObject *parent = nullptr);

    /// What the host shows; tells it what changed.
    void update(const QString &title, const QString &status, const SniPixmapList &pixmaps,
        const SniToolTip &toolTip);

    QString category() const { return QStringLiteral("Communications"); }
    QString id() const;
    QString title() const { return m_title; }
    QString status() const { return m_status; }
    int windowId() const { return 0; }
    QString noName() const { return {}; }
    SniPixmapList iconPixmap() const { return m_pixmaps; }
    SniPixmapList noPixmap() const { return {}; }
    SniToolTip toolTip() const { return m_toolTip; }
    /// A click opens the window; the menu is for the right button.
    bool itemIsMenu() const { return false; }
    QDBusObjectPath menu() const;

public Q_SLOTS:
    void Activate(int x, int y);
    void SecondaryActivate(int x, int y);
    /// Only for hosts that do not read the menu: ours is exported, so there is nothing to do.
    void ContextMenu(int x, int y);
    void Scroll(int delta, const QString &orientation);

Q_SIGNALS:
    void NewTitle();
    void NewIcon();
    void NewAttentionIcon();
    void NewOverlayIcon();
    void NewToolTip();
    void NewStatus(const QString &status);

private:
    std::function<void()> m_onActivate;
    QString m_title;
    QString m_status = QStringLiteral("Active");
    SniPixmapList m_pixmaps;
    SniToolTip m_toolTip;
};

/// com.canonical.dbusmenu, exported at /MenuBar: a flat menu of entries without submenus.
class DBusMenuObject : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "com.canonical.dbusmenu")
    Q_PROPERTY(uint Version READ version)
    Q_PROPERTY(QString TextDirection READ textDirection)
    Q_PROPERTY(QString Status READ status)
    Q_PROPERTY(QStringList IconThemePath READ iconThemePath)

public:
    struct Entry
    {
        /// Above 0; 0 is the menu itself.
        int id = 0;
        /// Empty for a separator.
        QString label;
        std::function<void()> onClicked;
    };

    explicit DBusMenuObject(QObject *parent = nullptr);

    void setEntries(const QList<Entry> &entries);

    uint version() const { return 3; }
    QString textDirection() const;
    QString status() const { return QStringLiteral("normal"); }
    QStringList iconThemePath() const { return {}; }

public Q_SLOTS:
    uint GetLayout(
        int parentId, int recursionDepth, const QStringList &propertyNames, DBusMenuLayout &layout);
    DBusMenuItemPropertiesList GetGroupProperties(
        const QList<int> &ids, const QStringList &propertyNames);
    QDBusVariant GetProperty(int id, const QString &name);
    void Event(int id, const QString &eventId, const QDBusVariant &data, uint timestamp);
    QList<int> EventGroup(const DBusMenuEventList &events);
    bool AboutToShow(int id);
    QList<int> AboutToShowGroup(const QList<int> &ids, QList<int> &idErrors);

Q_SIGNALS:
    void LayoutUpdated(uint revision, int parent);

private:
    QVariantMap propertiesOf(int id, const QStringList &names) const;
    bool handleEvent(int id, const QString &eventId);

    QList<Entry> m_entries;
    uint m_revision = 1;
};
