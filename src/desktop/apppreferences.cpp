#include "apppreferences.h"

#include "logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

namespace {
const QString kNotificationsKey = QStringLiteral("notifications/enabled");
const QString kDoNotDisturbKey = QStringLiteral("notifications/doNotDisturbUntil");
const QString kBackgroundKey = QStringLiteral("window/keepRunningInBackground");
constexpr int kMorningHour = 8;

/// One argument of a desktop entry's Exec key (Desktop Entry Specification, "The Exec key"):
/// quoted when it holds a reserved character, then escaped as any string value is.
QString execArgument(const QString &argument)
{
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    QString quoted = argument;
    if (std::any_of(
            argument.cbegin(), argument.cend(), [](QChar c) { return reserved.contains(c); })) {
        quoted.clear();
        for (const QChar c : argument) {
            if (c == u'"' || c == u'`' || c == u'$' || c == u'\\')
                quoted += u'\\';
            quoted += c;
        }
        quoted = u'"' + quoted + u'"';
    }
    // A literal percent sign is written twice; a backslash in a string value is escaped.
    return quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'%', QStringLiteral("%%"));
}
} // namespace

AppPreferences::AppPreferences(QObject *parent)
    : QObject(parent)
{
    const QSettings settings;
    m_notificationsEnabled = settings.value(kNotificationsKey, true).toBool();
    m_keepRunningInBackground = settings.value(kBackgroundKey, true).toBool();
    m_doNotDisturbUntil = settings.value(kDoNotDisturbKey).toDateTime();
    m_doNotDisturbEnds.setSingleShot(true);
    connect(&m_doNotDisturbEnds, &QTimer::timeout, this, [this] {
        // Late or early by a little: whichever, the views read the clock again.
        if (doNotDisturb())
            armDoNotDisturbTimer();
        else
            Q_EMIT doNotDisturbChanged();
    });
    armDoNotDisturbTimer();
}

AppPreferences *AppPreferences::globalInstance()
{
    static QPointer<AppPreferences> instance;
    if (!instance)
        instance = new AppPreferences(QCoreApplication::instance());
    return instance;
}

AppPreferences *AppPreferences::create(QQmlEngine *, QJSEngine *)
{
    AppPreferences *preferences = globalInstance();
    QJSEngine::setObjectOwnership(preferences, QJSEngine::CppOwnership);
    return preferences;
}

QString AppPreferences::applicationId()
{
    return QStringLiteral("org.studyconnect.StudyConnect");
}

QString AppPreferences::autostartFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/autostart/") + applicationId() + QStringLiteral(".desktop");
}

QByteArray AppPreferences::autostartEntry(const QString &executable)
{
    // The packaged entry's keys (packaging/studyconnect.desktop), with this executable: the
    // one the user runs, installed or not.
    const QString entry = QStringLiteral("[Desktop Entry]\n"
                                         "Type=Application\n"
                                         "Name=StudyConnect\n"
                                         "Comment=Chat with your study groups in real time\n"
                                         "Exec=%1\n"
                                         "Icon=%2\n"
                                         "Terminal=false\n"
                                         "X-GNOME-Autostart-enabled=true\n")
                              .arg(execArgument(executable), applicationId());
    return entry.toUtf8();
}

QDateTime AppPreferences::doNotDisturbEnd(DoNotDisturbChoice choice, const QDateTime &now)
{
    switch (choice) {
    case ForOneHour:
        return now.addSecs(3600);
    case UntilMorning: {
        // The morning of the user's clock.
        const QDateTime local = now.toLocalTime();
        const QDateTime today(local.date(), QTime(kMorningHour, 0));
        return today > local ? today : QDateTime(local.date().addDays(1), QTime(kMorningHour, 0));
    }
    case DoNotDisturbOff:
        break;
    }
    return {};
}

void AppPreferences::setNotificationsEnabled(bool enabled)
{
    if (m_notificationsEnabled == enabled)
        return;
    m_notificationsEnabled = enabled;
    QSettings().setValue(kNotificationsKey, enabled);
    Q_EMIT notificationsEnabledChanged();
}

QDateTime AppPreferences::doNotDisturbUntil() const
{
    return m_doNotDisturbUntil.isValid() && m_doNotDisturbUntil > QDateTime::currentDateTime()
        ? m_doNotDisturbUntil
        : QDateTime();
}

void AppPreferences::setDoNotDisturb(DoNotDisturbChoice choice)
{
    m_doNotDisturbUntil = doNotDisturbEnd(choice, QDateTime::currentDateTime());
    QSettings settings;
    if (m_doNotDisturbUntil.isValid())
        settings.setValue(kDoNotDisturbKey, m_doNotDisturbUntil);
    else
        settings.remove(kDoNotDisturbKey);
    qCInfo(lcDesktop) << "do not disturb until" << m_doNotDisturbUntil;
    armDoNotDisturbTimer();
    Q_EMIT doNotDisturbChanged();
}

QDateTime AppPreferences::doNotDisturbEndIfChosenNow(DoNotDisturbChoice choice) const
{
    return doNotDisturbEnd(choice, QDateTime::currentDateTime());
}

void AppPreferences::armDoNotDisturbTimer()
{
    m_doNotDisturbEnds.stop();
    const QDateTime until = doNotDisturbUntil();
    if (until.isValid())
        m_doNotDisturbEnds.start(
            std::chrono::milliseconds(QDateTime::currentDateTime().msecsTo(until) + 1));
}

void AppPreferences::setKeepRunningInBackground(bool keep)
{
    if (m_keepRunningInBackground == keep)
        return;
    m_keepRunningInBackground = keep;
    QSettings().setValue(kBackgroundKey, keep);
    Q_EMIT keepRunningInBackgroundChanged();
}

bool AppPreferences::startAtLogin() const
{
    return QFileInfo::exists(autostartFilePath());
}

void AppPreferences::setStartAtLogin(bool start)
{
    const QString path = autostartFilePath();
    QString error;
    if (start) {
        QSaveFile file(path);
        if (!QDir().mkpath(QFileInfo(path).absolutePath()) || !file.open(QIODevice::WriteOnly)
            || file.write(autostartEntry(QCoreApplication::applicationFilePath())) < 0
            || !file.commit())
            error = tr("Cannot write %1: %2").arg(path, file.errorString());
    } else if (QFileInfo::exists(path)) {
        QFile file(path);
        if (!file.remove())
            error = tr("Cannot remove %1: %2").arg(path, file.errorString());
    }
    if (error.isEmpty())
        qCInfo(lcDesktop) << (start ? "start at login:" : "no start at login:") << path;
    else
        qCWarning(lcDesktop) << error;
    m_startAtLoginError = error;
    // Also on failure: the switch goes back to what the file system says.
    Q_EMIT startAtLoginChanged();
}
