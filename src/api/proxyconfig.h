#pragma once

#include <QNetworkProxy>
#include <QString>
#include <QUrl>

#include <optional>

/// How this process reaches the network: the system configuration, directly, or through an
/// explicit HTTP (CONNECT) or SOCKS5 proxy. Shared by the app's network settings and the CLI's
/// --proxy, so that both build and install the proxy the same way. Holds nothing secret: the
/// password is passed in when the proxy is built and is never stored here.
struct ProxyConfig
{
    enum class Mode
    {
        /// http_proxy, https_proxy, no_proxy, or the desktop's settings (QNetworkProxyFactory).
        System,
        /// Directly, whatever the environment says.
        None,
        Http,
        Socks5,
    };

    Mode mode = Mode::System;
    QString host;
    /// 0: the usual port of the mode (8080 for HTTP, 1080 for SOCKS5).
    quint16 port = 0;
    QString user;

    bool isExplicit() const { return mode == Mode::Http || mode == Mode::Socks5; }
    /// The port used: `port`, else the usual one of the mode.
    quint16 effectivePort() const;
    static quint16 defaultPort(Mode mode);

    /// "http://host:port" or "socks5://host:port": no user and no password, so it may be logged.
    QString displayName() const;

    /// Parses --proxy's http://[user@]host[:port] or socks5://[user@]host[:port]. std::nullopt
    /// for anything else, and for a URL carrying a password (it would be visible to every user
    /// of the computer in the process list).
    static std::optional<ProxyConfig> fromUrl(const QUrl &url);

    /// The QNetworkProxy of an explicit proxy (NoProxy for None, DefaultProxy for System). Host
    /// names are resolved by the proxy: behind one, the client often cannot resolve them itself.
    QNetworkProxy toNetworkProxy(const QString &password = {}) const;

    /// Installs this configuration for the whole process, so that REST, WebSocket and polling all
    /// go the same way; takes effect for connections opened from now on.
    void applyToApplication(const QString &password = {}) const;

    friend bool operator==(const ProxyConfig &, const ProxyConfig &) = default;
};
