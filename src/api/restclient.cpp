#include "restclient.h"

#include "logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace {

bool isNetworkFailure(QNetworkReply::NetworkError error)
{
    // Everything below ContentAccessDenied is about reaching the server (connection, DNS, TLS,
    // timeout, proxy) rather than about what it answered.
    return error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied;
}

RestError errorFor(QNetworkReply *reply, const QVariant &body)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    RestError error;
    error.httpStatus = status;
    const QString serverMessage = body.toMap().value(QStringLiteral("error")).toString();
    if (status == 0 || isNetworkFailure(reply->error())) {
        error.kind = RestError::Kind::Network;
        error.message = reply->error() == QNetworkReply::OperationCanceledError
            ? QStringLiteral("The server did not answer in time")
            : reply->errorString();
        return error;
    }
    if (status == 401)
        error.kind = RestError::Kind::Unauthorized;
    else if (status == 404)
        error.kind = RestError::Kind::NotFound;
    else
        error.kind = RestError::Kind::Http;
    error.message =
        serverMessage.isEmpty() ? QStringLiteral("HTTP status %1").arg(status) : serverMessage;
    return error;
}

} // namespace

RestClient::RestClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{ }

RestClient::~RestClient() = default;

QUrl RestClient::urlFor(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_baseUrl;
    QString prefix = url.path(QUrl::FullyEncoded);
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    // Ids in `path` are already percent-encoded, so a "/" inside an id stays inside its segment.
    url.setPath(prefix + path, QUrl::TolerantMode);
    url.setQuery(query);
    url.setFragment({});
    return url;
}

void RestClient::get(
    const QString &path, const QUrlQuery &query, QObject *context, Callback callback)
{
    QNetworkRequest request(urlFor(path, query));
    request.setTransferTimeout(int(m_timeout.count()));
    request.setRawHeader("Accept", "application/json");
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    // The path only: query strings carry nothing secret here, but a base URL might carry userinfo.
    qCDebug(lcApi) << "GET" << path;
    send(m_network->get(request), context, std::move(callback));
}

void RestClient::post(
    const QString &path, const QVariantMap &body, QObject *context, Callback callback)
{
    QNetworkRequest request(urlFor(path));
    request.setTransferTimeout(int(m_timeout.count()));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    // Never the body: it may hold a password.
    qCDebug(lcApi) << "POST" << path;
    send(m_network->post(request,
             QJsonDocument(QJsonObject::fromVariantMap(body)).toJson(QJsonDocument::Compact)),
        context, std::move(callback));
}

void RestClient::send(QNetworkReply *reply, QObject *context, Callback callback)
{
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    connect(reply, &QNetworkReply::finished, this,
        [reply, guard, hasContext, callback = std::move(callback)] {
            reply->deleteLater();
            if (hasContext && !guard)
                return;
            const QByteArray bytes = reply->readAll();
            QVariant body;
            bool malformed = false;
            if (!bytes.isEmpty()) {
                QJsonParseError parseError;
                const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
                if (parseError.error != QJsonParseError::NoError)
                    malformed = true;
                else
                    body = document.toVariant();
            }
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (reply->error() != QNetworkReply::NoError || status >= 400 || status == 0) {
                const RestError error = errorFor(reply, body);
                qCDebug(lcApi) << "request failed:" << RestError::kindName(error.kind)
                               << error.httpStatus << error.message;
                callback(error, body);
                return;
            }
            if (malformed || bytes.isEmpty()) {
                RestError error { RestError::Kind::Malformed, status,
                    QStringLiteral("The server's answer is not valid JSON") };
                qCWarning(lcApi) << "malformed JSON from" << reply->url().path();
                callback(error, {});
                return;
            }
            callback({}, body);
        });
}

void RestClient::login(
    const QString &email, const QString &password, QObject *context, LoginCallback callback)
{
    const QVariantMap body { { QStringLiteral("email"), email },
        { QStringLiteral("password"), password } };
    post(QStringLiteral("/api/auth/login"), body, context,
        [callback](const RestError &error, const QVariant &reply) {
            if (!error.ok()) {
                callback(error, {});
                return;
            }
            const QVariantMap map = reply.toMap();
            LoginResult result;
            const QVariant token = map.value(QStringLiteral("token"));
            result.user = map.value(QStringLiteral("user")).toMap();
            if (token.typeId() != QMetaType::QString || token.toString().isEmpty()
                || !result.user.contains(QStringLiteral("id"))) {
                callback({ RestError::Kind::Malformed, 200,
                             QStringLiteral("The login answer has no token or user") },
                    {});
                return;
            }
            result.token = token.toString();
            callback({}, result);
        });
}

void RestClient::fetchCurrentUser(QObject *context, Callback callback)
{
    get(QStringLiteral("/api/auth/me"), {}, context,
        [callback](const RestError &error, const QVariant &body) {
            if (error.ok() && body.typeId() != QMetaType::QVariantMap) {
                callback(
                    { RestError::Kind::Malformed, 200, QStringLiteral("Expected a user object") },
                    {});
                return;
            }
            callback(error, body);
        });
}

void RestClient::fetchList(
    const QString &path, const QUrlQuery &query, QObject *context, Callback callback)
{
    get(path, query, context, [callback](const RestError &error, const QVariant &body) {
        if (error.ok() && body.typeId() != QMetaType::QVariantList) {
            callback(
                { RestError::Kind::Malformed, 200, QStringLiteral("Expected a JSON array") }, {});
            return;
        }
        callback(error, body);
    });
}

QUrlQuery RestClient::pageQuery(const QString &beforeId, const QString &afterId, int limit)
{
    QUrlQuery query;
    if (!beforeId.isEmpty())
        query.addQueryItem(
            QStringLiteral("before"), QString::fromUtf8(QUrl::toPercentEncoding(beforeId)));
    if (!afterId.isEmpty())
        query.addQueryItem(
            QStringLiteral("after"), QString::fromUtf8(QUrl::toPercentEncoding(afterId)));
    if (limit > 0)
        query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return query;
}

void RestClient::fetchRooms(QObject *context, Callback callback)
{
    fetchList(QStringLiteral("/api/rooms"), {}, context, std::move(callback));
}

void RestClient::fetchRoomMessages(const QString &roomId, const QString &beforeId,
    const QString &afterId, int limit, QObject *context, Callback callback)
{
    const QString path = QStringLiteral("/api/rooms/%1/messages")
                             .arg(QString::fromUtf8(QUrl::toPercentEncoding(roomId)));
    fetchList(path, pageQuery(beforeId, afterId, limit), context, std::move(callback));
}

void RestClient::fetchUsers(QObject *context, Callback callback)
{
    fetchList(QStringLiteral("/api/users"), {}, context, std::move(callback));
}

void RestClient::fetchConversations(QObject *context, Callback callback)
{
    fetchList(QStringLiteral("/api/dms"), {}, context, std::move(callback));
}

void RestClient::fetchDirectMessages(const QString &userId, const QString &beforeId,
    const QString &afterId, int limit, QObject *context, Callback callback)
{
    const QString path =
        QStringLiteral("/api/dms/%1").arg(QString::fromUtf8(QUrl::toPercentEncoding(userId)));
    fetchList(path, pageQuery(beforeId, afterId, limit), context, std::move(callback));
}

void RestClient::search(const QString &text, const QString &roomId, const QString &userId,
    const QString &beforeId, int limit, QObject *context, Callback callback)
{
    QUrlQuery query = pageQuery(beforeId, {}, limit);
    // Percent-encoded by hand, as in pageQuery: QUrlQuery leaves a "+" as it is, which the server
    // reads as a space.
    query.addQueryItem(QStringLiteral("q"), QString::fromUtf8(QUrl::toPercentEncoding(text)));
    if (!roomId.isEmpty())
        query.addQueryItem(
            QStringLiteral("roomId"), QString::fromUtf8(QUrl::toPercentEncoding(roomId)));
    if (!userId.isEmpty())
        query.addQueryItem(
            QStringLiteral("userId"), QString::fromUtf8(QUrl::toPercentEncoding(userId)));
    fetchList(QStringLiteral("/api/search"), query, context, std::move(callback));
}
