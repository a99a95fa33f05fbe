#pragma once

#include <QDBusMessage>
#include <QHash>
#include <QList>
#include <QObject>
#include <QQmlEngine>
#include <QStringList>

/// Desktop notifications through org.freedesktop.Notifications on the session bus. Where there is
/// no bus or no notification server, notify() does nothing and `available` turns false: the app
/// never complains about it.
///
/// Notifications are keyed by conversation ("room:3", "dm:7"): a new message in the same
/// conversation replaces its previous notification instead of stacking up. Clicking one emits
/// activated(key). The body is untrusted text: it is escaped when the server renders markup.
class Notifier : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(bool available READ available NOTIFY availableChanged)

public:
    /// Not default-constructible on purpose: Qt 6.4 would then build the QML singleton with
    /// `new Notifier` and ignore create(), giving QML a second instance.
    explicit Notifier(QObject *parent);
    ~Notifier() override;

    /// The instance the app and the QML singleton share.
    static Notifier *globalInstance();
    static Notifier *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    bool available() const { return m_available; }

    Q_INVOKABLE void notify(const QString &key, const QString &title, const QString &body);
    /// A notification sent while the app quits: waits (at most a second) until it is delivered.
    void notifyBeforeQuit(const QString &title, const QString &body);
    /// Closes the notification of `key`, e.g. when its conversation is opened.
    Q_INVOKABLE void withdraw(const QString &key);

Q_SIGNALS:
    void availableChanged();
    /// The user clicked the notification of `key`.
    void activated(const QString &key);
    /// The server accepted a notification (for tests and the log).
    void delivered(const QString &key, uint id);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);
    void onNotificationClosed(uint id, uint reason);

private:
    struct Pending
    {
        QString key;
        QString title;
        QString body;
    };
    void send(const Pending &notification);
    QDBusMessage notifyCall(const Pending &notification) const;
    void setAvailable(bool available);

    bool m_available = true;
    bool m_capabilitiesKnown = false;
    bool m_bodyMarkup = false;
    QList<Pending> m_waiting; // until the server's capabilities are known
    QHash<QString, uint> m_idByKey;
};
