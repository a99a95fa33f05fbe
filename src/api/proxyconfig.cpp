#include "proxyconfig.h"

#include "logging.h"

#include <QNetworkProxyFactory>

quint16 ProxyConfig::defaultPort(Mode mode)
{
    switch (mode) {
    case Mode::Http:
        return 8080;
    case Mode::Socks5:
        return 1080;
    case Mode::System:
    case Mode::None:
        break;
    }
    return 0;
}

quint16 ProxyConfig::effectivePort() const
{
    return port != 0 ? port : defaultPort(mode);
}

QString ProxyConfig::displayName() const
{
    if (!isExplicit())
        return mode == Mode::None ? QStringLiteral("none") : QStringLiteral("system");
    return QStringLiteral("%1://%2:%3")
        .arg(mode == Mode::Socks5 ? QStringLiteral("socks5") : QStringLiteral("http"), host)
        .arg(effectivePort());
}

std::optional<ProxyConfig> ProxyConfig::fromUrl(const QUrl &url)
{
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty()
        || !(scheme == QLatin1String("http") || scheme == QLatin1String("socks5"))
        || !url.password().isEmpty())
        return std::nullopt;
    ProxyConfig config;
    config.mode = scheme == QLatin1String("socks5") ? Mode::Socks5 : Mode::Http;
    config.host = url.host();
    config.port = quint16(url.port(0));
    config.user = url.userName();
    return config;
}

QNetworkProxy ProxyConfig::toNetworkProxy(const QString &password) const
{
    if (mode == Mode::None)
        return QNetworkProxy(QNetworkProxy::NoProxy);
    if (!isExplicit())
        return QNetworkProxy(QNetworkProxy::DefaultProxy);
    QNetworkProxy proxy(
        mode == Mode::Socks5 ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, host,
        effectivePort());
    if (!user.isEmpty()) {
        proxy.setUser(user);
        proxy.setPassword(password);
    }
    proxy.setCapabilities(proxy.capabilities() | QNetworkProxy::HostNameLookupCapability);
    return proxy;
}

void ProxyConfig::applyToApplication(const QString &password) const
{
    if (mode == Mode::System) {
        // Also drops an application proxy set before (setApplicationProxyFactory replaces it).
        QNetworkProxyFactory::setUseSystemConfiguration(true);
        qCInfo(lcApi) << "proxy: the system configuration";
        return;
    }
    QNetworkProxyFactory::setUseSystemConfiguration(false);
    QNetworkProxy::setApplicationProxy(toNetworkProxy(password));
    // Host and port only: the user name is nobody's business in a log, the password never.
    qCInfo(lcApi).noquote() << "proxy:" << displayName();
}
