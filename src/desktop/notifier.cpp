#include "notifier.h"

#include "logging.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QGuiApplication>
#include <QPointer>
#include <QVariantMap>

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
constexpr int kMaxBody = 300;
} // namespace

Notifier::Notifier(QObject *parent)
    : QObject(parent)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        qCDebug(lcDesktop) << "no session bus: desktop notifications are off";
        m_available = false;
        return;
    }
    bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
        SLOT(onActionInvoked(uint, QString)));
    bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this,
        SLOT(onNotificationClosed(uint, uint)));

    // Whether the server renders markup in the body decides how the text is escaped, so
    // notifications wait for the answer (a few milliseconds, once).
    auto *watcher =
        new QDBusPendingCallWatcher(bus.asyncCall(QDBusMessage::createMethodCall(kService, kPath,
                                        kInterface, QStringLiteral("GetCapabilities"))),
            this);
    connect(
        watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *call) {
            call->deleteLater();
            const QDBusPendingReply<QStringList> reply = *call;
            m_capabilitiesKnown = true;
            if (reply.isError()) {
                qCDebug(lcDesktop) << "no notification server:" << reply.error().name();
                setAvailable(false);
                m_waiting.clear();
                return;
            }
            m_bodyMarkup = reply.value().contains(QStringLiteral("body-markup"));
            const auto waiting = std::exchange(m_waiting, {});
            for (const Pending &notification : waiting)
                send(notification);
        });
}

Notifier::~Notifier() = default;

Notifier *Notifier::globalInstance()
{
    static QPointer<Notifier> instance;
    if (!instance)
        instance = new Notifier(QCoreApplication::instance());
    return instance;
}

Notifier *Notifier::create(QQmlEngine *, QJSEngine *)
{
    Notifier *notifier = globalInstance();
    QJSEngine::setObjectOwnership(notifier, QJSEngine::CppOwnership);
    return notifier;
}

void Notifier::setAvailable(bool available)
{
    if (m_available == available)
        return;
    m_available = available;
    Q_EMIT availableChanged();
}

void Notifier::notify(const QString &key, const QString &title, const QString &body)
{
    if (!m_available)
        return;
    Pending notification { key, title, body };
    if (!m_capabilitiesKnown) {
        m_waiting.append(notification);
        return;
    }
    send(notification);
}

void Notifier::notifyBeforeQuit(const QString &title, const QString &body)
{
    if (!m_available)
        return;
    // The event loop has ended: a blocking call, bounded, so that the message leaves before the
    // process does (a notification server answers in milliseconds).
    const QDBusMessage reply = QDBusConnection::sessionBus().call(
        notifyCall({ QStringLiteral("quit"), title, body }), QDBus::Block, 1000);
    if (reply.type() == QDBusMessage::ErrorMessage)
        qCDebug(lcDesktop) << "notification not shown:" << reply.errorName();
}

QDBusMessage Notifier::notifyCall(const Pending &notification) const
{
    QString body = notification.body.size() > kMaxBody
        ? notification.body.left(kMaxBody) + QChar(0x2026)
        : notification.body;
    if (m_bodyMarkup)
        body = body.toHtmlEscaped();

    QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    const QVariantMap hints {
        { QStringLiteral("desktop-entry"), QStringLiteral("org.studyconnect.StudyConnect") },
        { QStringLiteral("category"), QStringLiteral("im.received") },
    };
    call << QGuiApplication::applicationDisplayName() // app_name
         << m_idByKey.value(notification.key, 0u) // replaces_id
         << QStringLiteral("org.studyconnect.StudyConnect") // app_icon (the installed icon name)
         << notification.title // summary: never markup
         << body << QStringList { QStringLiteral("default"), tr("Open") } << hints
         << qint32(-1); // expire_timeout: the server's default
    return call;
}

void Notifier::send(const Pending &notification)
{
    auto *watcher = new QDBusPendingCallWatcher(
        QDBusConnection::sessionBus().asyncCall(notifyCall(notification)), this);
    const QString key = notification.key;
    connect(
        watcher, &QDBusPendingCallWatcher::finished, this, [this, key](QDBusPendingCallWatcher *w) {
            w->deleteLater();
            const QDBusPendingReply<uint> reply = *w;
            if (reply.isError()) {
                qCDebug(lcDesktop) << "notification not shown:" << reply.error().name();
                if (reply.error().type() == QDBusError::ServiceUnknown)
                    setAvailable(false);
                return;
            }
            m_idByKey.insert(key, reply.value());
            Q_EMIT delivered(key, reply.value());
        });
}

void Notifier::withdraw(const QString &key)
{
    const uint id = m_idByKey.take(key);
    if (id == 0 || !m_available)
        return;
    QDBusMessage call = QDBusMessage::createMethodCall(
        kService, kPath, kInterface, QStringLiteral("CloseNotification"));
    call << id;
    QDBusConnection::sessionBus().asyncCall(call);
}

void Notifier::onActionInvoked(uint id, const QString &action)
{
    if (action != u"default")
        return;
    const QString key = m_idByKey.key(id);
    if (!key.isEmpty())
        Q_EMIT activated(key);
}

void Notifier::onNotificationClosed(uint id, uint)
{
    const QString key = m_idByKey.key(id);
    if (!key.isEmpty())
        m_idByKey.remove(key);
}
