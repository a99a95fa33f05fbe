#pragma once

// Internal to src/api: how a QNetworkReply that failed becomes a RestError, shared by the JSON
// calls of RestClient and the file transfers.
#include "resterror.h"

#include <QVariant>

class QNetworkReply;

namespace ReplyError {

/// The error of a finished reply that failed (a network error or an HTTP status of 400 or more).
/// `body` is the parsed JSON body, if any: its `error` field becomes the message.
/// `cancelledByUser`: an OperationCanceledError came from abort(), not from the timeout.
RestError from(QNetworkReply *reply, const QVariant &body, bool cancelledByUser = false);

/// The error of an HTTP status of 400 or more that arrived (not a network failure): 401
/// Unauthorized, 404 NotFound, 413 TooLarge, anything else Http; the body's `error` is the message.
RestError fromStatus(int status, const QVariant &body);

/// The JSON body as Qt variants, or an invalid QVariant when it is empty or not JSON.
QVariant parseJson(const QByteArray &bytes);

} // namespace ReplyError
