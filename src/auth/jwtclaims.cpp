#include "jwtclaims.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <cmath>

std::optional<JwtClaims> JwtClaims::parse(const QString &token)
{
    const QList<QStringView> parts = QStringView(token).split(u'.');
    if (parts.size() != 3 || parts[1].isEmpty())
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(parts[1].toLatin1(),
        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject payload = document.object();

    JwtClaims claims;
    const QJsonValue id = payload.value(QLatin1String("id"));
    if (id.isString())
        claims.userId = id.toString();
    else if (id.isDouble())
        claims.userId = QString::number(id.toInteger());

    for (const QLatin1String key :
        { QLatin1String("firstName"), QLatin1String("lastName"), QLatin1String("name"),
            QLatin1String("role"), QLatin1String("avatar"), QLatin1String("email") }) {
        const QJsonValue value = payload.value(key);
        if (value.isString() && !value.toString().isEmpty())
            claims.profile.insert(key, value.toString());
    }

    const QJsonValue exp = payload.value(QLatin1String("exp"));
    if (!exp.isUndefined() && !exp.isNull()) {
        if (!exp.isDouble() || !std::isfinite(exp.toDouble()))
            return std::nullopt;
        claims.expiresAt = QDateTime::fromSecsSinceEpoch(qint64(exp.toDouble()), Qt::UTC);
    }
    return claims;
}
