#pragma once

#include "nodeserver.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

/// The reference backend (server/src/index.js) with the demo data on a temporary database, and
/// the helpers the client tests share. Demo user ids: ada 1, alan 2, grace 3, linus 4; rooms 1–4.
class ReferenceServer
{
public:
    static QByteArray secret() { return QByteArrayLiteral("client-tests-secret"); }

    ReferenceServer();
    bool start();
    NodeServer &node() { return m_node; }
    QUrl url() const { return m_node.httpUrl(); }
    QString databasePath() const { return m_dir.filePath(QStringLiteral("studyconnect.db")); }
    /// Runs a Node.js snippet with better-sqlite3 on the server's database (`db` is open).
    bool runSql(const QString &statement);

private:
    QTemporaryDir m_dir;
    NodeServer m_node;
};

/// An HS256 JWT {id, iat, exp} as jsonwebtoken would sign it; `expiresInSeconds` may be negative.
QString signToken(const QString &userId, qint64 expiresInSeconds,
    const QByteArray &secret = ReferenceServer::secret());

/// POST /api/auth/login synchronously (an event loop inside); empty on failure.
QString loginToken(const QUrl &server, const QString &email,
    const QString &password = QStringLiteral("studyconnect"));

/// Points QSettings at a scratch folder for this process (the chat core remembers rooms and read
/// state per server and user), so test runs do not see each other's. Call before anything uses
/// QSettings.
void useScratchSettings();
