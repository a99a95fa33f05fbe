#include "tokenstore.h"

#include "logging.h"

#include <QPointer>
#include <QSettings>
#include <qt6keychain/keychain.h>

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

bool meansNoBackend(QKeychain::Error error)
{
    return error != QKeychain::NoError && error != QKeychain::EntryNotFound;
}

template<typename Job>
void prepare(Job *job, const QUrl &server, const QString &account)
{
    job->setAutoDelete(true);
    // Explicitly: QtKeychain would otherwise be allowed to fall back to a plaintext QSettings file.
    job->setInsecureFallback(false);
    job->setKey(TokenStore::keyFor(server, account));
}

template<typename Job, typename Finish>
void run(Job *job, QObject *context, Finish finish)
{
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    QObject::connect(
        job, &QKeychain::Job::finished, job, [guard, hasContext, finish](QKeychain::Job *done) {
            if (hasContext && !guard)
                return;
            finish(static_cast<Job *>(done));
        });
    job->start();
}

} // namespace

TokenStore::TokenStore(QObject *parent)
    : QObject(parent)
{ }

QString TokenStore::keyFor(const QUrl &server, const QString &account)
{
    return serverKey(server) + u'|' + account;
}

void TokenStore::read(
    const QUrl &server, const QString &account, QObject *context, Callback callback)
{
    // No parent: a sign-out's delete must finish even when the session is destroyed right after.
    auto *job = new QKeychain::ReadPasswordJob(serviceName());
    prepare(job, server, account);
    run(job, context, [callback](QKeychain::ReadPasswordJob *done) {
        Result result;
        result.ok = done->error() == QKeychain::NoError;
        result.backendAvailable = !meansNoBackend(done->error());
        if (result.ok)
            result.token = done->textData();
        else if (done->error() != QKeychain::EntryNotFound)
            result.errorString = done->errorString();
        qCDebug(lcAuth) << "keychain read:" << (result.ok ? "found" : "not found")
                        << "backend available:" << result.backendAvailable << result.errorString;
        callback(result);
    });
}

void TokenStore::write(const QUrl &server, const QString &account, const QString &token,
    QObject *context, Callback callback)
{
    // No parent: a sign-out's delete must finish even when the session is destroyed right after.
    auto *job = new QKeychain::WritePasswordJob(serviceName());
    prepare(job, server, account);
    job->setTextData(token);
    run(job, context, [callback](QKeychain::WritePasswordJob *done) {
        Result result;
        result.ok = done->error() == QKeychain::NoError;
        result.backendAvailable = !meansNoBackend(done->error());
        if (!result.ok)
            result.errorString = done->errorString();
        qCDebug(lcAuth) << "keychain write:" << (result.ok ? "stored" : "failed")
                        << result.errorString;
        callback(result);
    });
}

void TokenStore::remove(
    const QUrl &server, const QString &account, QObject *context, Callback callback)
{
    // No parent: a sign-out's delete must finish even when the session is destroyed right after.
    auto *job = new QKeychain::DeletePasswordJob(serviceName());
    prepare(job, server, account);
    run(job, context, [callback](QKeychain::DeletePasswordJob *done) {
        Result result;
        // Nothing stored is as good as deleted.
        result.ok =
            done->error() == QKeychain::NoError || done->error() == QKeychain::EntryNotFound;
        result.backendAvailable = !meansNoBackend(done->error());
        if (!result.ok)
            result.errorString = done->errorString();
        qCDebug(lcAuth) << "keychain delete:" << (result.ok ? "done" : "failed")
                        << result.errorString;
        callback(result);
    });
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
