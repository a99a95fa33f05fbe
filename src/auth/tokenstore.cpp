#include "tokenstore.h"

#include "secretstore.h"

#include <QSettings>

namespace {

QString serverKey(const QUrl &server)
{
    QUrl normalized = server.adjusted(
        QUrl::StripTrailingSlash | QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (normalized.path() == QLatin1String("/"))
        normalized.setPath({});
    return normalized.toString();
}

QString settingsGroup(const QUrl &server)
{
    // QSettings treats "/" as a group separator; keep the server as one key segment.
    return QStringLiteral("accounts/")
        + QString::fromLatin1(serverKey(server).toUtf8().toBase64(QByteArray::Base64UrlEncoding));
}

} // namespace

TokenStore::TokenStore(QObject *parent)
    : QObject(parent)
{ }

QString TokenStore::keyFor(const QUrl &server, const QString &account)
{
    return serverKey(server) + u'|' + account;
}

namespace {

TokenStore::Result fromSecret(const SecretStore::Result &stored)
{
    return { stored.ok, stored.backendAvailable, stored.secret, stored.errorString };
}

} // namespace

void TokenStore::read(
    const QUrl &server, const QString &account, QObject *context, Callback callback)
{
    SecretStore::read(keyFor(server, account), context,
        [callback](const SecretStore::Result &result) { callback(fromSecret(result)); });
}

void TokenStore::write(const QUrl &server, const QString &account, const QString &token,
    QObject *context, Callback callback)
{
    SecretStore::write(keyFor(server, account), token, context,
        [callback](const SecretStore::Result &result) { callback(fromSecret(result)); });
}

void TokenStore::remove(
    const QUrl &server, const QString &account, QObject *context, Callback callback)
{
    SecretStore::remove(keyFor(server, account), context,
        [callback](const SecretStore::Result &result) { callback(fromSecret(result)); });
}

QUrl TokenStore::lastServer() const
{
    return QSettings().value(QStringLiteral("session/lastServer")).toUrl();
}

QString TokenStore::lastAccount(const QUrl &server) const
{
    return QSettings().value(settingsGroup(server) + QStringLiteral("/account")).toString();
}

void TokenStore::rememberAccount(const QUrl &server, const QString &account)
{
    QSettings settings;
    settings.setValue(QStringLiteral("session/lastServer"), server);
    settings.setValue(settingsGroup(server) + QStringLiteral("/account"), account);
}

void TokenStore::forgetAccount(const QUrl &server)
{
    QSettings settings;
    settings.remove(settingsGroup(server));
}
