#pragma once

#include <QObject>
#include <QString>

#include <functional>

/// One secret per key in the OS keychain through QtKeychain (service "StudyConnect"), and
/// nowhere else: the session token (TokenStore) and the proxy password (the desktop's network
/// settings) go through here.
///
/// QtKeychain's plaintext fallback (insecureFallback) is always off: without a keychain backend
/// the calls fail with backendAvailable == false and the caller keeps the secret in memory only.
/// QtKeychain runs its jobs one after the other, in the order they were started.
namespace SecretStore {

struct Result
{
    /// The operation did what was asked (for read: found a secret; for remove: nothing is left).
    bool ok = false;
    /// False when no keychain backend answered (no Secret Service, no KWallet), or it refused.
    bool backendAvailable = true;
    /// For read: the stored secret.
    QString secret;
    /// For the log and the user; never contains the secret.
    QString errorString;
};
using Callback = std::function<void(const Result &result)>;

inline QString serviceName()
{
    return QStringLiteral("StudyConnect");
}

/// Callbacks run on the event loop later; not at all when `context` is destroyed first.
void read(const QString &key, QObject *context, Callback callback);
void write(const QString &key, const QString &secret, QObject *context, Callback callback);
void remove(const QString &key, QObject *context, Callback callback);

} // namespace SecretStore
