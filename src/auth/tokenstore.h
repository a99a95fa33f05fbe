#pragma once

#include "secretstore.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

/// Keeps session tokens in the OS keychain through SecretStore (service "StudyConnect", key
/// "<server>|<account>") and nothing secret anywhere else. Which account was used last on which
/// server is not secret and goes to QSettings, so that the app can find the token again.
///
/// QtKeychain's plaintext fallback (insecureFallback) is always off: without a keychain backend
/// the calls fail with backendAvailable == false and the caller keeps the token in memory only.
class TokenStore : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        /// The operation did what was asked (for read: found a token).
        bool ok = false;
        /// False when no keychain backend answered (no Secret Service, no KWallet), or it refused.
        bool backendAvailable = true;
        /// For read: the stored token.
        QString token;
        /// For the log and the user; never contains the token.
        QString errorString;
    };
    using Callback = std::function<void(const Result &result)>;

    explicit TokenStore(QObject *parent = nullptr);

    static QString serviceName() { return SecretStore::serviceName(); }
    /// "<server URL without trailing slash>|<account>"
    static QString keyFor(const QUrl &server, const QString &account);

    /// Callbacks run on the event loop later; not at all when `context` is destroyed first.
    void read(const QUrl &server, const QString &account, QObject *context, Callback callback);
    void write(const QUrl &server, const QString &account, const QString &token, QObject *context,
        Callback callback);
    void remove(const QUrl &server, const QString &account, QObject *context, Callback callback);

    // Not secret, in QSettings.
    QUrl lastServer() const;
    QString lastAccount(const QUrl &server) const;
    void rememberAccount(const QUrl &server, const QString &account);
    void forgetAccount(const QUrl &server);
};
