#include "restclient.h"

#include "filedownload.h"
#include "fileupload.h"
#include "logging.h"
#include "replyerror.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

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
                const RestError error = ReplyError::from(reply, body);
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

QUrl RestClient::fileUrl(const QString &fileId) const
{
    // QUrl decodes %2E back to ".", so a segment of dots cannot be kept from meaning "up".
    if (fileId.isEmpty() || fileId == QLatin1String(".") || fileId == QLatin1String(".."))
        return {};
    // Everything but [A-Za-z0-9_-] encoded: "/", "\\", "?", "#" and "%" stay inside the segment.
    return urlFor(QStringLiteral("/api/files/")
        + QString::fromUtf8(QUrl::toPercentEncoding(fileId, {}, QByteArrayLiteral(".~"))));
}

QNetworkRequest RestClient::fileRequest(const QUrl &url) const
{
    QNetworkRequest request(url);
    // Inactivity, not duration: a large file on a slow line may take much longer.
    request.setTransferTimeout(int(m_timeout.count()));
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    const QUrl base = urlFor({});
    const bool sameOrigin = url.scheme() == base.scheme() && url.host() == base.host()
        && url.port(url.scheme() == QLatin1String("https") ? 443 : 80)
            == base.port(base.scheme() == QLatin1String("https") ? 443 : 80);
    if (!m_token.isEmpty() && sameOrigin)
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    return request;
}

FileUpload *RestClient::uploadFile(const QString &localPath, QObject *parent)
{
    auto *upload = new FileUpload(localPath, parent);
    const RestError problem = FileUpload::checkLocalFile(localPath, m_maxFileBytes);
    if (!problem.ok())
        upload->failSoon(problem);
    else
        upload->start(urlFor(QStringLiteral("/api/files")), m_token, m_timeout);
    return upload;
}

FileDownload *RestClient::downloadFile(
    const QString &fileId, const QString &targetPath, QObject *parent)
{
    auto *download = new FileDownload(fileId, targetPath, parent);
    const QUrl url = fileUrl(fileId);
    if (url.isEmpty())
        download->failSoon(
            { RestError::Kind::NotFound, 0, QStringLiteral("“%1” is not a file id").arg(fileId) });
    else
        download->start(m_network, fileRequest(url));
    return download;
}
