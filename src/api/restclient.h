#pragma once

#include "resterror.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>
#include <QVariant>

#include <chrono>
#include <functional>

class FileDownload;
class FileUpload;
class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

/// The StudyConnect REST API over QNetworkAccessManager: JSON in, JSON out (as Qt variants), a
/// bearer token, and errors sorted into RestError kinds. Every call takes a `context` object:
/// when it is destroyed before the reply arrives, the callback is not called.
///
/// Bodies are handed over as QVariant (QVariantMap for objects, QVariantList for arrays), the same
/// representation the socket layer uses for event payloads, so one parser serves both.
class RestClient : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const RestError &error, const QVariant &body)>;

    struct LoginResult
    {
        QString token;
        /// {id, firstName, lastName, role, avatar, email}
        QVariantMap user;
    };
    using LoginCallback = std::function<void(const RestError &error, const LoginResult &result)>;

    explicit RestClient(QObject *parent = nullptr);
    ~RestClient() override;

    /// The server's base URL (http or https), e.g. http://127.0.0.1:5000. A path is kept as a
    /// prefix.
    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    QUrl baseUrl() const { return m_baseUrl; }
    /// The bearer token sent with every call; empty sends none. Never logged.
    void setToken(const QString &token) { m_token = token; }
    bool hasToken() const { return !m_token.isEmpty(); }
    /// How long a call may take before it fails with a Network error.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    void get(const QString &path, const QUrlQuery &query, QObject *context, Callback callback);
    void post(const QString &path, const QVariantMap &body, QObject *context, Callback callback);

    /// POST /api/auth/login {email, password} → {token, user}.
    void login(
        const QString &email, const QString &password, QObject *context, LoginCallback callback);
    /// GET /api/auth/me → user object.
    void fetchCurrentUser(QObject *context, Callback callback);
    /// GET /api/rooms → [{id, name, description, memberCount, lastMessage}].
    void fetchRooms(QObject *context, Callback callback);
    /// GET /api/rooms/:id/messages?before=&after=&limit= → messages, newest first; with
    /// `afterId` (servers announcing historyAfter) the ones after it, oldest first.
    void fetchRoomMessages(const QString &roomId, const QString &beforeId, const QString &afterId,
        int limit, QObject *context, Callback callback);
    /// GET /api/users → users with presence.
    void fetchUsers(QObject *context, Callback callback);
    /// GET /api/dms → [{user, lastMessage}].
    void fetchConversations(QObject *context, Callback callback);
    /// GET /api/dms/:userId?before=&after=&limit= → direct messages, as fetchRoomMessages.
    void fetchDirectMessages(const QString &userId, const QString &beforeId, const QString &afterId,
        int limit, QObject *context, Callback callback);

    /// GET /api/search?q=&roomId=&userId=&before=&limit= (servers announcing search) → room
    /// messages and DMs with `kind` ("room" or "dm"), most relevant first. `roomId` / `userId`
    /// narrow it to one conversation (not both); empty ones are left out.
    void search(const QString &text, const QString &roomId, const QString &userId,
        const QString &beforeId, int limit, QObject *context, Callback callback);

    /// Files (servers announcing "files"). The largest file the server takes, from GET /api/server
    /// limits.maxFileBytes; 0 = unknown (nothing is checked before sending).
    void setMaxFileBytes(qint64 bytes) { m_maxFileBytes = bytes; }
    qint64 maxFileBytes() const { return m_maxFileBytes; }
    /// POST /api/files: streams `localPath` (multipart, part "file") to the server. A missing or
    /// unreadable file, or one over maxFileBytes(), fails before any request. The upload belongs
    /// to `parent`.
    FileUpload *uploadFile(const QString &localPath, QObject *parent);
    /// GET /api/files/:id into `targetPath` (through targetPath.part, resumed when one is there
    /// from an earlier download of the same id). The download belongs to `parent`.
    FileDownload *downloadFile(const QString &fileId, const QString &targetPath, QObject *parent);
    /// The URL of a file on this server: /api/files/ and the id percent-encoded as one path
    /// segment (an id like "../x" stays inside /api/files/). The only URL a token is sent to for
    /// files. Empty for an empty id and for "." and "..", which no encoding keeps in place.
    QUrl fileUrl(const QString &fileId) const;

    /// The URL of an API path; exposed for tests.
    QUrl urlFor(const QString &path, const QUrlQuery &query = {}) const;

private:
    void send(QNetworkReply *reply, QObject *context, Callback callback);
    void fetchList(
        const QString &path, const QUrlQuery &query, QObject *context, Callback callback);
    static QUrlQuery pageQuery(const QString &beforeId, const QString &afterId, int limit);
    /// A request for a file transfer: redirects only within the same origin, and the token only
    /// when `url` is on the base URL's origin.
    QNetworkRequest fileRequest(const QUrl &url) const;

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QString m_token;
    std::chrono::milliseconds m_timeout { 15000 };
    qint64 m_maxFileBytes = 0;
};
