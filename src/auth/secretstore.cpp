#include "secretstore.h"

#include "logging.h"

#include <QPointer>
#include <qt6keychain/keychain.h>

namespace {

bool meansNoBackend(QKeychain::Error error)
{
    return error != QKeychain::NoError && error != QKeychain::EntryNotFound;
}

// No parent: a delete at sign-out must finish even when its caller is destroyed right after.
template<typename Job>
Job *prepare(const QString &key)
{
    auto *job = new Job(SecretStore::serviceName());
    job->setAutoDelete(true);
    // Explicitly: QtKeychain would otherwise be allowed to fall back to a plaintext QSettings file.
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
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

namespace SecretStore {

void read(const QString &key, QObject *context, Callback callback)
{
    auto *job = prepare<QKeychain::ReadPasswordJob>(key);
    run(job, context, [callback](QKeychain::ReadPasswordJob *done) {
        Result result;
        result.ok = done->error() == QKeychain::NoError;
        result.backendAvailable = !meansNoBackend(done->error());
        if (result.ok)
            result.secret = done->textData();
        else if (done->error() != QKeychain::EntryNotFound)
            result.errorString = done->errorString();
        qCDebug(lcAuth) << "keychain read:" << (result.ok ? "found" : "not found")
                        << "backend available:" << result.backendAvailable << result.errorString;
        callback(result);
    });
}

void write(const QString &key, const QString &secret, QObject *context, Callback callback)
{
    auto *job = prepare<QKeychain::WritePasswordJob>(key);
    job->setTextData(secret);
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

void remove(const QString &key, QObject *context, Callback callback)
{
    auto *job = prepare<QKeychain::DeletePasswordJob>(key);
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

} // namespace SecretStore
