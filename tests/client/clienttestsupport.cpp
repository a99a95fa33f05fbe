#include "clienttestsupport.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>

ReferenceServer::ReferenceServer()
    : m_node(QStringLiteral("server/src/index.js"))
{
    m_node.setEnvironmentValue(QStringLiteral("SEED_DEMO"), QStringLiteral("1"));
    m_node.setEnvironmentValue(QStringLiteral("DB_PATH"), databasePath());
    m_node.setEnvironmentValue(QStringLiteral("JWT_SECRET"), QString::fromLatin1(secret()));
    m_node.setEnvironmentValue(QStringLiteral("LOG_LEVEL"), QStringLiteral("warn"));
}

bool ReferenceServer::start()
{
    return m_node.start();
}

bool ReferenceServer::runSql(const QString &statement)
{
    QProcess node;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("NODE_PATH"),
        NodeServer::sourceDir() + QStringLiteral("/server/node_modules"));
    environment.insert(QStringLiteral("DB"), databasePath());
    environment.insert(QStringLiteral("SQL"), statement);
    node.setProcessEnvironment(environment);
    node.start(QStringLiteral("node"),
        { QStringLiteral("-e"),
            QStringLiteral("const db = require('better-sqlite3')(process.env.DB);"
                           "db.pragma('busy_timeout = 5000');"
                           "db.exec(process.env.SQL); db.close();") });
    return node.waitForFinished(15000) && node.exitStatus() == QProcess::NormalExit
        && node.exitCode() == 0;
}

QString signToken(const QString &userId, qint64 expiresInSeconds, const QByteArray &secret)
{
    const auto encode = [](const QByteArray &bytes) {
        return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QJsonObject payload { { QStringLiteral("iat"), now },
        { QStringLiteral("exp"), now + expiresInSeconds } };
    bool numeric = false;
    const qint64 numericId = userId.toLongLong(&numeric);
    payload.insert(QStringLiteral("id"), numeric ? QJsonValue(numericId) : QJsonValue(userId));
    const QByteArray signingInput = encode(R"({"alg":"HS256","typ":"JWT"})") + '.'
        + encode(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    const QByteArray signature =
        QMessageAuthenticationCode::hash(signingInput, secret, QCryptographicHash::Sha256);
    return QString::fromLatin1(signingInput + '.' + encode(signature));
}

QString loginToken(const QUrl &server, const QString &email, const QString &password)
{
    QNetworkAccessManager network;
    QUrl url = server;
    url.setPath(QStringLiteral("/api/auth/login"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    const QByteArray body = QJsonDocument(
        QJsonObject { { QStringLiteral("email"), email },
            { QStringLiteral("password"),
                password } }).toJson(QJsonDocument::Compact);
    QNetworkReply *reply = network.post(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll())
        .object()
        .value(QStringLiteral("token"))
        .toString();
}

void useScratchSettings()
{
    static QTemporaryDir settingsHome;
    qputenv("XDG_CONFIG_HOME", settingsHome.path().toLocal8Bit());
    static QTemporaryDir dataHome; // offline stores
    qputenv("XDG_DATA_HOME", dataHome.path().toLocal8Bit());
}
