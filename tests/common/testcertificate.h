#pragma once

#include <QString>
#include <QTemporaryDir>

/// A self-signed certificate for 127.0.0.1 (openssl req), written into `dir`.
struct TestCertificate
{
    QString certificatePath;
    QString keyPath;
    /// False when openssl failed; `error` says why.
    bool ok = false;
    QString error;

    static TestCertificate create(const QTemporaryDir &dir);
};
