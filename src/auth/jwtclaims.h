#pragma once

#include <QDateTime>
#include <QString>
#include <QVariantMap>

#include <optional>

/// The claims of a JWT that the client needs, read from its payload without verifying the
/// signature (only the server can, and does). Used to know who we are and when to stop using the
/// token.
struct JwtClaims
{
    /// The `id` claim as a string (the backend signs {id}); empty when absent.
    QString userId;
    /// The `exp` claim; invalid when the token never expires.
    QDateTime expiresAt;
    /// Whatever the token says about the person beyond the id (firstName, lastName, name, role,
    /// avatar, email), for a server with no REST API to ask; usually empty.
    QVariantMap profile;

    bool hasExpiry() const { return expiresAt.isValid(); }
    bool isExpired(const QDateTime &now = QDateTime::currentDateTimeUtc()) const
    {
        return hasExpiry() && expiresAt <= now;
    }

    /// nullopt when the token is not three base64url parts with a JSON object in the middle, or
    /// when `exp` is present but not a number.
    static std::optional<JwtClaims> parse(const QString &token);
};
