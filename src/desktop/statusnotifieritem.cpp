#include "statusnotifieritem.h"

#include <QDBusMetaType>
#include <QGuiApplication>

#include <algorithm>

// --- D-Bus types ------------------------------------------------------------------------------

QDBusArgument &operator<<(QDBusArgument &argument, const SniPixmap &pixmap)
{
    argument.beginStructure();
    argument << pixmap.width << pixmap.height << pixmap.argb;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, SniPixmap &pixmap)
{
    argument.beginStructure();
    argument >> pixmap.width >> pixmap.height >> pixmap.argb;
    argument.endStructure();
    return argument;
}

QDBusArgument &operator<<(QDBusArgument &argument, const SniToolTip &toolTip)
{
    argument.beginStructure();
    argument << toolTip.iconName << toolTip.pixmaps << toolTip.title << toolTip.text;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, SniToolTip &toolTip)
{
    argument.beginStructure();
    argument >> toolTip.iconName >> toolTip.pixmaps >> toolTip.title >> toolTip.text;
    argument.endStructure();
    return argument;
}

QDBusArgument &operator<<(QDBusArgument &argument, const DBusMenuLayout &layout)
{
    argument.beginStructure();
    argument << layout.id << layout.properties;
    // The children are variants (av), each holding a layout of its own.
    argument.beginArray(qMetaTypeId<QDBusVariant>());
    for (const DBusMenuLayout &child : layout.children)
        argument << QDBusVariant(QVariant::fromValue(child));
    argument.endArray();
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, DBusMenuLayout &layout)
{
    argument.beginStructure();
    argument >> layout.id >> layout.properties;
    layout.children.clear();
    argument.beginArray();
    while (!argument.atEnd()) {
        QDBusVariant child;
        argument >> child;
        DBusMenuLayout childLayout;
        qvariant_cast<QDBusArgument>(child.variant()) >> childLayout;
        layout.children.append(childLayout);
    }
    argument.endArray();
    argument.endStructure();
    return argument;
}

QDBusArgument &operator<<(QDBusArgument &argument, const DBusMenuItemProperties &item)
{
    argument.beginStructure();
    argument << item.id << item.properties;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, DBusMenuItemProperties &item)
{
    argument.beginStructure();
    argument >> item.id >> item.properties;
    argument.endStructure();
    return argument;
}

QDBusArgument &operator<<(QDBusArgument &argument, const DBusMenuEvent &event)
{
    argument.beginStructure();
    argument << event.id << event.eventId << event.data << event.timestamp;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, DBusMenuEvent &event)
{
    argument.beginStructure();
    argument >> event.id >> event.eventId >> event.data >> event.timestamp;
    argument.endStructure();
    return argument;
}

void registerStatusNotifierTypes()
{
    static const bool registered = [] {
        qDBusRegisterMetaType<SniPixmap>();
        qDBusRegisterMetaType<SniPixmapList>();
        qDBusRegisterMetaType<SniToolTip>();
        qDBusRegisterMetaType<DBusMenuLayout>();
        qDBusRegisterMetaType<DBusMenuItemProperties>();
        qDBusRegisterMetaType<DBusMenuItemPropertiesList>();
        qDBusRegisterMetaType<DBusMenuEvent>();
        qDBusRegisterMetaType<DBusMenuEventList>();
        return true;
    }();
    Q_UNUSED(registered);
}

// --- org.kde.StatusNotifierItem ---------------------------------------------------------------

namespace {
bool samePixmaps(const SniPixmapList &a, const SniPixmapList &b)
{
    return std::equal(
        a.cbegin(), a.cend(), b.cbegin(), b.cend(), [](const SniPixmap &x, const SniPixmap &y) {
            return x.width == y.width && x.height == y.height && x.argb == y.argb;
        });
}
} // namespace

StatusNotifierItemObject::StatusNotifierItemObject(
    std::function<void()> onActivate, QObject *parent)
    : QObject(parent)
    , m_onActivate(std::move(onActivate))
{ }

void StatusNotifierItemObject::update(const QString &title, const QString &status,
    const SniPixmapList &pixmaps, const SniToolTip &toolTip)
{
    if (title != m_title) {
        m_title = title;
        Q_EMIT NewTitle();
    }
    if (!samePixmaps(pixmaps, m_pixmaps)) {
        m_pixmaps = pixmaps;
        Q_EMIT NewIcon();
        Q_EMIT NewAttentionIcon();
    }
    if (toolTip.title != m_toolTip.title || toolTip.text != m_toolTip.text
        || !samePixmaps(toolTip.pixmaps, m_toolTip.pixmaps)) {
        m_toolTip = toolTip;
        Q_EMIT NewToolTip();
    }
    if (status != m_status) {
        m_status = status;
        Q_EMIT NewStatus(status);
    }
}

QString StatusNotifierItemObject::id() const
{
    return QGuiApplication::desktopFileName().isEmpty() ? QStringLiteral("studyconnect")
                                                        : QGuiApplication::desktopFileName();
}

QDBusObjectPath StatusNotifierItemObject::menu() const
{
    return QDBusObjectPath(QStringLiteral("/MenuBar"));
}

void StatusNotifierItemObject::Activate(int, int)
{
    if (m_onActivate)
        m_onActivate();
}

void StatusNotifierItemObject::SecondaryActivate(int, int)
{
    if (m_onActivate)
        m_onActivate();
}

void StatusNotifierItemObject::ContextMenu(int, int) { }

void StatusNotifierItemObject::Scroll(int, const QString &) { }

// --- com.canonical.dbusmenu -------------------------------------------------------------------

DBusMenuObject::DBusMenuObject(QObject *parent)
    : QObject(parent)
{ }

void DBusMenuObject::setEntries(const QList<Entry> &entries)
{
    m_entries = entries;
    ++m_revision;
    Q_EMIT LayoutUpdated(m_revision, 0);
}

QString DBusMenuObject::textDirection() const
{
    return QGuiApplication::layoutDirection() == Qt::RightToLeft ? QStringLiteral("rtl")
                                                                 : QStringLiteral("ltr");
}

QVariantMap DBusMenuObject::propertiesOf(int id, const QStringList &names) const
{
    QVariantMap properties;
    if (id == 0) {
        properties.insert(QStringLiteral("children-display"), QStringLiteral("submenu"));
    } else {
        const auto entry = std::find_if(m_entries.cbegin(), m_entries.cend(),
            [id](const Entry &candidate) { return candidate.id == id; });
        if (entry == m_entries.cend())
            return {};
        if (entry->label.isEmpty()) {
            properties.insert(QStringLiteral("type"), QStringLiteral("separator"));
        } else {
            // dbusmenu labels mark mnemonics with "_": a literal one is doubled.
            properties.insert(
                QStringLiteral("label"), QString(entry->label).replace(u'_', QStringLiteral("__")));
            properties.insert(QStringLiteral("enabled"), true);
        }
        properties.insert(QStringLiteral("visible"), true);
    }
    // An empty list asks for every property.
    if (!names.isEmpty()) {
        for (auto it = properties.begin(); it != properties.end();)
            it = names.contains(it.key()) ? std::next(it) : properties.erase(it);
    }
    return properties;
}

uint DBusMenuObject::GetLayout(
    int parentId, int recursionDepth, const QStringList &propertyNames, DBusMenuLayout &layout)
{
    layout = DBusMenuLayout { parentId, propertiesOf(parentId, propertyNames), {} };
    // Entries have no children: only the menu itself lists some, unless asked for none.
    if (parentId == 0 && recursionDepth != 0) {
        for (const Entry &entry : std::as_const(m_entries))
            layout.children.append({ entry.id, propertiesOf(entry.id, propertyNames), {} });
    }
    return m_revision;
}

DBusMenuItemPropertiesList DBusMenuObject::GetGroupProperties(
    const QList<int> &ids, const QStringList &propertyNames)
{
    DBusMenuItemPropertiesList items;
    for (int id : ids)
        items.append({ id, propertiesOf(id, propertyNames) });
    return items;
}

QDBusVariant DBusMenuObject::GetProperty(int id, const QString &name)
{
    return QDBusVariant(propertiesOf(id, { name }).value(name));
}

bool DBusMenuObject::handleEvent(int id, const QString &eventId)
{
    const auto entry = std::find_if(m_entries.cbegin(), m_entries.cend(),
        [id](const Entry &candidate) { return candidate.id == id; });
    if (id != 0 && entry == m_entries.cend())
        return false;
    if (eventId == u"clicked" && entry != m_entries.cend() && entry->onClicked) {
        // After the reply: the action may quit the app, and the host waits for its answer.
        QMetaObject::invokeMethod(this, entry->onClicked, Qt::QueuedConnection);
    }
    return true;
}

void DBusMenuObject::Event(int id, const QString &eventId, const QDBusVariant &, uint)
{
    handleEvent(id, eventId);
}

QList<int> DBusMenuObject::EventGroup(const DBusMenuEventList &events)
{
    QList<int> unknown;
    for (const DBusMenuEvent &event : events) {
        if (!handleEvent(event.id, event.eventId))
            unknown.append(event.id);
    }
    return unknown;
}

bool DBusMenuObject::AboutToShow(int)
{
    // The entries never change while the app runs: no update is needed.
    return false;
}

QList<int> DBusMenuObject::AboutToShowGroup(const QList<int> &, QList<int> &idErrors)
{
    idErrors.clear();
    return {};
}
