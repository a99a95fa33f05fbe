#include "testcertificate.h"

#include <QProcess>

TestCertificate TestCertificate::create(const QTemporaryDir &dir)
{
    TestCertificate result;
    result.certificatePath = dir.filePath(QStringLiteral("cert.pem"));
    result.keyPath = dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
        { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
            QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
            QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
            QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
            QStringLiteral("-keyout"), result.keyPath, QStringLiteral("-out"),
            result.certificatePath });
    if (!openssl.waitForFinished(30000)) {
        result.error = QStringLiteral("openssl did not finish: %1").arg(openssl.errorString());
        return result;
    }
    result.ok = openssl.exitStatus() == QProcess::NormalExit && openssl.exitCode() == 0;
    if (!result.ok)
        result.error = QString::fromLocal8Bit(openssl.readAll());
    return result;
}
