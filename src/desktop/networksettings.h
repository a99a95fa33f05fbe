#pragma once

#include "api/proxyconfig.h"
#include "socketio/manageroptions.h"

#include <QObject>
#include <QQmlEngine>
#include <QString>
#include <QUrl>

/// How the app reaches the server, chosen in the "Network settings" dialog: the transport
/// (automatic, WebSocket only, long-polling only) and the proxy (the system's, none, or an
/// explicit HTTP or SOCKS5 proxy with host, port and user). Kept in QSettings (`network/…`),
/// nothing secret; the proxy password lives in the OS keychain (SecretStore, key
/// "network/proxy") and, without a keychain, in memory until the app quits.
///
/// The proxy is installed for the whole process (ProxyConfig::applyToApplication), so REST,
/// WebSocket and polling all use it; the transport goes to ConversationManager's options. Both
/// take effect on the next connection: test() and apply() reconnect at once.
class NetworkSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(TransportMode transportMode READ transportMode NOTIFY settingsChanged)
    Q_PROPERTY(ProxyMode proxyMode READ proxyMode NOTIFY settingsChanged)
    Q_PROPERTY(QString proxyHost READ proxyHost NOTIFY settingsChanged)
    /// 0: the usual port of the proxy type.
    Q_PROPERTY(int proxyPort READ proxyPort NOTIFY settingsChanged)
    Q_PROPERTY(QString proxyUser READ proxyUser NOTIFY settingsChanged)
    /// A proxy password is known (from the keychain or typed in this run); never the password.
    Q_PROPERTY(bool hasProxyPassword READ hasProxyPassword NOTIFY passwordChanged)
    /// False once the keychain failed: the proxy password then lasts until the app quits.
    Q_PROPERTY(bool keychainAvailable READ keychainAvailable NOTIFY keychainChanged)
    /// Settings under test (test()) that are not saved yet: revert() or apply() ends it.
    Q_PROPERTY(bool testing READ testing NOTIFY testingChanged)

public:
    enum TransportMode
    {
        Automatic,
        WebSocketOnly,
        LongPollingOnly
    };
    Q_ENUM(TransportMode)

    enum ProxyMode
    {
        SystemProxy,
        NoProxy,
        HttpProxy,
        Socks5Proxy
    };
    Q_ENUM(ProxyMode)

    /// Not default-constructible on purpose: Qt 6.4 would then build the QML singleton itself.
    explicit NetworkSettings(QObject *parent);

    static NetworkSettings *globalInstance();
    static NetworkSettings *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    TransportMode transportMode() const { return m_transport; }
    ProxyMode proxyMode() const;
    QString proxyHost() const { return m_proxy.host; }
    int proxyPort() const { return m_proxy.port; }
    QString proxyUser() const { return m_proxy.user; }
    bool hasProxyPassword() const { return !m_password.isEmpty(); }
    bool keychainAvailable() const { return m_keychainAvailable; }
    bool testing() const { return m_testing; }

    const ProxyConfig &proxy() const { return m_proxy; }
    static SocketIo::TransportPolicy policyFor(TransportMode mode);
    static ProxyConfig::Mode configModeFor(ProxyMode mode);
    /// The QNetworkProxy the current settings give (with the password).
    QNetworkProxy networkProxy() const { return m_proxy.toNetworkProxy(m_password); }

    /// At start-up, before the first connection: installs the saved proxy and transport; with a
    /// proxy user, reads the password from the keychain first (QtKeychain runs its jobs in
    /// order, so the session token read that follows finds the proxy in place).
    void applyAtStart();

    /// Why these values cannot be used (empty when they can): a proxy needs a host, a port is
    /// 0 (the usual one) to 65535.
    Q_INVOKABLE QString problem(int proxyMode, const QString &host, int port) const;
    /// Uses these values for the connection now, without saving them, and reconnects. An empty
    /// password keeps the known one.
    Q_INVOKABLE bool test(int transportMode, int proxyMode, const QString &host, int port,
        const QString &user, const QString &password);
    /// Saves these values (the password to the keychain), uses them and reconnects. An empty
    /// password keeps the known one; no user (or no explicit proxy) removes it.
    Q_INVOKABLE bool apply(int transportMode, int proxyMode, const QString &host, int port,
        const QString &user, const QString &password);
    /// After test(): back to the saved settings, and reconnect.
    Q_INVOKABLE void revert();
    /// A proxy stands between the app and this server (the explicit one, or the system's).
    Q_INVOKABLE bool usesProxyFor(const QUrl &server) const;

Q_SIGNALS:
    void settingsChanged();
    void passwordChanged();
    void keychainChanged();
    void testingChanged();
    /// The keychain answered the write of apply(): `stored` false means this run only.
    void passwordSaved(bool stored);

private:
    void load();
    void save() const;
    bool take(int transportMode, int proxyMode, const QString &host, int port, const QString &user,
        const QString &password);
    void setPassword(const QString &password);
    void setKeychainAvailable(bool available);
    void setTesting(bool testing);
    /// Installs the proxy and the transport policy; reconnects when `reconnect`.
    void use(bool reconnect);

    TransportMode m_transport = Automatic;
    ProxyConfig m_proxy;
    /// Memory only; written to the keychain by apply(), never to a file or a log.
    QString m_password;
    /// The password saved (or read from the keychain), to go back to after test().
    QString m_savedPassword;
    bool m_keychainAvailable = true;
    bool m_testing = false;
};
