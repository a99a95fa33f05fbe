#pragma once

#include <QString>
#include <QUrl>

/// The QSettings key of something remembered per server ("connection/<server>/<name>"): the
/// transport that worked, the features it announced.
inline QString serverSettingsKey(const QUrl &server, const QString &name)
{
    // QSettings would read '/' in a key as nesting.
    const QString serverName =
        server.adjusted(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash).toString();
    return QStringLiteral("connection/") + QString::fromLatin1(QUrl::toPercentEncoding(serverName))
        + u'/' + name;
}
