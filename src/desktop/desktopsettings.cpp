#include "desktopsettings.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSettings>

namespace {
const QString kLastServerKey = QStringLiteral("desktop/lastServer");
}

DesktopSettings::DesktopSettings(QObject *parent)
    : QObject(parent)
    , m_serverUrl(lastServer())
{ }

DesktopSettings *DesktopSettings::globalInstance()
{
    static QPointer<DesktopSettings> instance;
    if (!instance)
        instance = new DesktopSettings(QCoreApplication::instance());
    return instance;
}

DesktopSettings *DesktopSettings::create(QQmlEngine *, QJSEngine *)
{
    DesktopSettings *settings = globalInstance();
    QJSEngine::setObjectOwnership(settings, QJSEngine::CppOwnership);
    return settings;
}

QUrl DesktopSettings::defaultServer()
{
    return QUrl(QStringLiteral("http://localhost:5000"));
}

QUrl DesktopSettings::lastServer()
{
    const QUrl stored = QSettings().value(kLastServerKey).toUrl();
    return stored.isValid() && !stored.isEmpty() ? stored : defaultServer();
}

void DesktopSettings::setCommandLineServer(const QUrl &server)
{
    m_fromCommandLine = true;
    if (m_serverUrl == server)
        return;
    m_serverUrl = server;
    Q_EMIT serverUrlChanged();
}

QString DesktopSettings::version() const
{
    return QCoreApplication::applicationVersion();
}

void DesktopSettings::rememberServer(const QUrl &server)
{
    if (!server.isValid() || server.isEmpty())
        return;
    QSettings().setValue(kLastServerKey, server);
    if (m_serverUrl != server) {
        m_serverUrl = server;
        Q_EMIT serverUrlChanged();
    }
}

QUrl DesktopSettings::normalizeServer(const QString &text) const
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    QUrl url = QUrl::fromUserInput(trimmed);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"http" && scheme != u"https"))
        return {};
    return url.adjusted(QUrl::StripTrailingSlash);
}

int DesktopSettings::storedMessageLimit() const
{
    return qMax(0, QSettings().value(QStringLiteral("storage/messagesPerConversation"), 0).toInt());
}

void DesktopSettings::setStoredMessageLimit(int limit)
{
    limit = qMax(0, limit);
    if (limit == storedMessageLimit())
        return;
    QSettings().setValue(QStringLiteral("storage/messagesPerConversation"), limit);
    Q_EMIT storedMessageLimitChanged();
}
