#pragma once

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QString>
#include <QTimer>

/// The choices of the settings page that are not about the network or storage, kept in
/// QSettings: whether desktop notifications are shown at all, do not disturb until a time,
/// keeping the app running in the background when its window is closed, and starting at login
/// (an XDG autostart entry, which is the setting itself: nothing else is stored for it).
class AppPreferences : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    /// Desktop notifications for new messages; on by default.
    Q_PROPERTY(bool notificationsEnabled READ notificationsEnabled WRITE setNotificationsEnabled
            NOTIFY notificationsEnabledChanged)
    /// When do not disturb ends; invalid while it is off (also once the time has passed).
    Q_PROPERTY(QDateTime doNotDisturbUntil READ doNotDisturbUntil NOTIFY doNotDisturbChanged)
    /// Do not disturb is on now: no notification at all, mentions included (as in Slack).
    Q_PROPERTY(bool doNotDisturb READ doNotDisturb NOTIFY doNotDisturbChanged)
    /// Closing the window hides it (when a system tray can bring it back); on by default.
    Q_PROPERTY(bool keepRunningInBackground READ keepRunningInBackground WRITE
            setKeepRunningInBackground NOTIFY keepRunningInBackgroundChanged)
    /// An autostart entry for this app exists in $XDG_CONFIG_HOME/autostart.
    Q_PROPERTY(bool startAtLogin READ startAtLogin WRITE setStartAtLogin NOTIFY startAtLoginChanged)
    /// Why the autostart entry could not be written or removed; empty when it could.
    Q_PROPERTY(QString startAtLoginError READ startAtLoginError NOTIFY startAtLoginChanged)

public:
    enum DoNotDisturbChoice
    {
        DoNotDisturbOff,
        ForOneHour,
        /// Until the next 08:00.
        UntilMorning,
    };
    Q_ENUM(DoNotDisturbChoice)

    /// Not default-constructible on purpose: Qt 6.4 would then build the QML singleton with
    /// `new AppPreferences` and ignore create(), giving QML a second instance.
    explicit AppPreferences(QObject *parent);

    static AppPreferences *globalInstance();
    static AppPreferences *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    /// The desktop file id, also the autostart entry's name.
    static QString applicationId();
    /// $XDG_CONFIG_HOME/autostart/<application id>.desktop
    static QString autostartFilePath();
    /// The autostart entry that starts `executable`.
    static QByteArray autostartEntry(const QString &executable);
    /// When `choice`, made at `now`, ends; invalid for DoNotDisturbOff.
    static QDateTime doNotDisturbEnd(DoNotDisturbChoice choice, const QDateTime &now);

    bool notificationsEnabled() const { return m_notificationsEnabled; }
    void setNotificationsEnabled(bool enabled);
    QDateTime doNotDisturbUntil() const;
    bool doNotDisturb() const { return doNotDisturbUntil().isValid(); }
    /// Starts (or ends, with DoNotDisturbOff) do not disturb.
    Q_INVOKABLE void setDoNotDisturb(AppPreferences::DoNotDisturbChoice choice);
    /// When the choice would end if made now, for the labels of the choices.
    Q_INVOKABLE QDateTime doNotDisturbEndIfChosenNow(
        AppPreferences::DoNotDisturbChoice choice) const;
    /// What the UnreadWatcher asks before every notification.
    bool notificationsAllowedNow() const { return m_notificationsEnabled && !doNotDisturb(); }

    bool keepRunningInBackground() const { return m_keepRunningInBackground; }
    void setKeepRunningInBackground(bool keep);

    bool startAtLogin() const;
    void setStartAtLogin(bool start);
    QString startAtLoginError() const { return m_startAtLoginError; }

Q_SIGNALS:
    void notificationsEnabledChanged();
    void doNotDisturbChanged();
    void keepRunningInBackgroundChanged();
    void startAtLoginChanged();

private:
    void armDoNotDisturbTimer();

    bool m_notificationsEnabled = true;
    bool m_keepRunningInBackground = true;
    QDateTime m_doNotDisturbUntil;
    QString m_startAtLoginError;
    /// Tells the views when do not disturb ends by itself. The decision never waits for it:
    /// doNotDisturb() compares with the clock, as timers run late after a laptop sleeps.
    QTimer m_doNotDisturbEnds;
};
