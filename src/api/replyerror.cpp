#include "replyerror.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkReply>

namespace {

bool isNetworkFailure(QNetworkReply::NetworkError error)
{
    // Everything below ContentAccessDenied is about reaching the server (connection, DNS, TLS,
    // timeout, proxy) rather than about what it answered.
    return error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied;
}

} // namespace

RestError ReplyError::from(QNetworkReply *reply, const QVariant &body, bool cancelledByUser)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    RestError error;
    error.httpStatus = status;
    if (reply->error() == QNetworkReply::InsecureRedirectError) {
        // SameOriginRedirectPolicy refused it: the request (and its token) stays with the server.
        error.kind = RestError::Kind::Http;
        error.message = QStringLiteral("The server redirected the request to another site; it "
                                       "was not followed");
        return error;
    }
    if (reply->error() == QNetworkReply::OperationCanceledError && cancelledByUser) {
        error.kind = RestError::Kind::Cancelled;
        error.message = QStringLiteral("Cancelled");
        return error;
    }
    if (status == 0 || isNetworkFailure(reply->error())) {
        error.kind = RestError::Kind::Network;
        error.message = reply->error() == QNetworkReply::OperationCanceledError
            ? QStringLiteral("The server did not answer in time")
            : reply->errorString();
        return error;
    }
    return fromStatus(status, body);
}

RestError ReplyError::fromStatus(int status, const QVariant &body)
{
    RestError error;
    error.httpStatus = status;
    if (status == 401)
        error.kind = RestError::Kind::Unauthorized;
    else if (status == 404)
        error.kind = RestError::Kind::NotFound;
    else if (status == 413)
        error.kind = RestError::Kind::TooLarge;
    else
        error.kind = RestError::Kind::Http;
    const QString serverMessage = body.toMap().value(QStringLiteral("error")).toString();
    error.message =
        serverMessage.isEmpty() ? QStringLiteral("HTTP status %1").arg(status) : serverMessage;
    return error;
}

QVariant ReplyError::parseJson(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return {};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return {};
    return document.toVariant();
}
