#include "networksettings.h"

#include "auth/secretstore.h"
#include "chat/conversationmanager.h"
#include "logging.h"

#include <QCoreApplication>
#include <QNetworkProxyFactory>
#include <QPointer>
#include <QSettings>

namespace {

const QString kTransportKey = QStringLiteral("network/transport");
const QString kProxyModeKey = QStringLiteral("network/proxy/mode");
const QString kProxyHostKey = QStringLiteral("network/proxy/host");
const QString kProxyPortKey = QStringLiteral("network/proxy/port");
const QString kProxyUserKey = QStringLiteral("network/proxy/user");
/// The keychain entry of the proxy password (one explicit proxy at a time).
const QString kPasswordKey = QStringLiteral("network/proxy");

// Words, not enum numbers, in the settings file: it stays readable and survives reordering.
const QStringList kTransportNames { QStringLiteral("auto"), QStringLiteral("websocket"),
    QStringLiteral("polling") };
const QStringList kProxyModeNames { QStringLiteral("system"), QStringLiteral("none"),
    QStringLiteral("http"), QStringLiteral("socks5") };

} // namespace

NetworkSettings::NetworkSettings(QObject *parent)
    : QObject(parent)
{
    load();
}

NetworkSettings *NetworkSettings::globalInstance()
{
    static QPointer<NetworkSettings> instance;
    if (!instance)
        instance = new NetworkSettings(QCoreApplication::instance());
    return instance;
}

NetworkSettings *NetworkSettings::create(QQmlEngine *, QJSEngine *)
{
    NetworkSettings *settings = globalInstance();
    QJSEngine::setObjectOwnership(settings, QJSEngine::CppOwnership);
    return settings;
}

NetworkSettings::ProxyMode NetworkSettings::proxyMode() const
{
    switch (m_proxy.mode) {
    case ProxyConfig::Mode::System:
        break;
    case ProxyConfig::Mode::None:
        return NoProxy;
    case ProxyConfig::Mode::Http:
        return HttpProxy;
    case ProxyConfig::Mode::Socks5:
        return Socks5Proxy;
    }
    return SystemProxy;
}

SocketIo::TransportPolicy NetworkSettings::policyFor(TransportMode mode)
{
    switch (mode) {
    case Automatic:
        break;
    case WebSocketOnly:
        return SocketIo::TransportPolicy::WebSocketOnly;
    case LongPollingOnly:
        return SocketIo::TransportPolicy::PollingOnly;
    }
    return SocketIo::TransportPolicy::Auto;
}

ProxyConfig::Mode NetworkSettings::configModeFor(ProxyMode mode)
{
    switch (mode) {
    case SystemProxy:
        break;
    case NoProxy:
        return ProxyConfig::Mode::None;
    case HttpProxy:
        return ProxyConfig::Mode::Http;
    case Socks5Proxy:
        return ProxyConfig::Mode::Socks5;
    }
    return ProxyConfig::Mode::System;
}

void NetworkSettings::load()
{
    QSettings settings;
    m_transport = TransportMode(
        std::max(0, int(kTransportNames.indexOf(settings.value(kTransportKey).toString()))));
    ProxyConfig proxy;
    proxy.mode = configModeFor(ProxyMode(
        std::max(0, int(kProxyModeNames.indexOf(settings.value(kProxyModeKey).toString())))));
    if (proxy.isExplicit()) {
        proxy.host = settings.value(kProxyHostKey).toString();
        proxy.port = quint16(std::clamp(settings.value(kProxyPortKey).toInt(), 0, 65535));
        proxy.user = settings.value(kProxyUserKey).toString();
        if (proxy.host.isEmpty())
            proxy = {};
    }
    m_proxy = proxy;
    Q_EMIT settingsChanged();
}

void NetworkSettings::save() const
{
    QSettings settings;
    settings.setValue(kTransportKey, kTransportNames.value(m_transport));
    settings.setValue(kProxyModeKey, kProxyModeNames.value(proxyMode()));
    if (m_proxy.isExplicit()) {
        settings.setValue(kProxyHostKey, m_proxy.host);
        settings.setValue(kProxyPortKey, int(m_proxy.port));
        settings.setValue(kProxyUserKey, m_proxy.user);
    } else {
        settings.remove(kProxyHostKey);
        settings.remove(kProxyPortKey);
        settings.remove(kProxyUserKey);
    }
}

QString NetworkSettings::problem(int proxyMode, const QString &host, int port) const
{
    if (proxyMode != HttpProxy && proxyMode != Socks5Proxy)
        return {};
    const QString trimmed = host.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter the proxy's host name or address.");
    if (trimmed.contains(u' ') || trimmed.contains(u'/') || trimmed.contains(u'@'))
        return tr("The proxy host is a name or an address only, without a scheme or a user.");
    if (port < 0 || port > 65535)
        return tr("The proxy port is a number from 1 to 65535.");
    return {};
}

bool NetworkSettings::take(int transportMode, int proxyMode, const QString &host, int port,
    const QString &user, const QString &password)
{
    if (transportMode < Automatic || transportMode > LongPollingOnly || proxyMode < SystemProxy
        || proxyMode > Socks5Proxy || !problem(proxyMode, host, port).isEmpty())
        return false;
    m_transport = TransportMode(transportMode);
    ProxyConfig proxy;
    proxy.mode = configModeFor(ProxyMode(proxyMode));
    if (proxy.isExplicit()) {
        proxy.host = host.trimmed();
        proxy.port = quint16(port);
        proxy.user = user.trimmed();
    }
    m_proxy = proxy;
    if (!m_proxy.isExplicit() || m_proxy.user.isEmpty())
        setPassword({});
    else if (!password.isEmpty())
        setPassword(password);
    Q_EMIT settingsChanged();
    return true;
}

bool NetworkSettings::test(int transportMode, int proxyMode, const QString &host, int port,
    const QString &user, const QString &password)
{
    if (!take(transportMode, proxyMode, host, port, user, password))
        return false;
    setTesting(true);
    use(true);
    return true;
}

bool NetworkSettings::apply(int transportMode, int proxyMode, const QString &host, int port,
    const QString &user, const QString &password)
{
    if (!take(transportMode, proxyMode, host, port, user, password))
        return false;
    save();
    m_savedPassword = m_password;
    if (m_password.isEmpty()) {
        SecretStore::remove(kPasswordKey, this, [](const SecretStore::Result &) {});
    } else {
        SecretStore::write(
            kPasswordKey, m_password, this, [this](const SecretStore::Result &result) {
                if (!result.ok)
                    qCWarning(lcDesktop)
                        << "the proxy password is kept for this run only:" << result.errorString;
                setKeychainAvailable(result.ok);
                Q_EMIT passwordSaved(result.ok);
            });
    }
    setTesting(false);
    use(true);
    return true;
}

void NetworkSettings::revert()
{
    if (!m_testing)
        return;
    load();
    setPassword(m_savedPassword);
    setTesting(false);
    use(true);
}

void NetworkSettings::applyAtStart()
{
    use(false);
    if (!m_proxy.isExplicit() || m_proxy.user.isEmpty())
        return;
    SecretStore::read(kPasswordKey, this, [this](const SecretStore::Result &result) {
        setKeychainAvailable(result.backendAvailable);
        if (!result.ok)
            return;
        m_savedPassword = result.secret;
        setPassword(result.secret);
        m_proxy.applyToApplication(m_password);
        // Normally the first connection starts after this (the token read is queued behind
        // it); should one have started without the password, it starts over with it.
        ConversationManager *manager = ConversationManager::globalInstance();
        if (manager->connection()->state() != ChatConnection::Connected)
            manager->reconnect();
    });
}

bool NetworkSettings::usesProxyFor(const QUrl &server) const
{
    if (m_proxy.isExplicit())
        return true;
    if (m_proxy.mode == ProxyConfig::Mode::None)
        return false;
    const QList<QNetworkProxy> proxies =
        QNetworkProxyFactory::systemProxyForQuery(QNetworkProxyQuery(server));
    return !proxies.isEmpty() && proxies.constFirst().type() != QNetworkProxy::NoProxy
        && proxies.constFirst().type() != QNetworkProxy::DefaultProxy;
}

void NetworkSettings::setPassword(const QString &password)
{
    if (m_password == password)
        return;
    m_password = password;
    Q_EMIT passwordChanged();
}

void NetworkSettings::setKeychainAvailable(bool available)
{
    if (m_keychainAvailable == available)
        return;
    m_keychainAvailable = available;
    Q_EMIT keychainChanged();
}

void NetworkSettings::setTesting(bool testing)
{
    if (m_testing == testing)
        return;
    m_testing = testing;
    Q_EMIT testingChanged();
}

void NetworkSettings::use(bool reconnect)
{
    m_proxy.applyToApplication(m_password);
    ConversationManager *manager = ConversationManager::globalInstance();
    SocketIo::ManagerOptions options;
    options.transports = policyFor(m_transport);
    manager->setManagerOptions(options);
    qCInfo(lcDesktop).noquote() << "transport:" << kTransportNames.value(m_transport);
    if (reconnect)
        manager->reconnect();
}
