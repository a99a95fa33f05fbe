#pragma once

#include <QString>

/// Why a REST call did not produce a result. The kinds are kept apart because callers react
/// differently: Network means "try again later", Unauthorized means "sign in again", NotFound on a
/// route means "this server has no REST API" (the seed's backend), Malformed means a broken server.
/// File transfers add Cancelled (the user stopped it), LocalFile (a file on this computer cannot be
/// read or written) and TooLarge (over the server's size limit, found locally or answered 413).
struct RestError
{
    enum class Kind
    {
        None,
        /// The server could not be reached (refused, DNS, TLS, timeout).
        Network,
        /// HTTP 401: missing, invalid or expired token, or wrong email/password on login.
        Unauthorized,
        /// HTTP 404: unknown route or resource.
        NotFound,
        /// The body was not the JSON the API documents.
        Malformed,
        /// Any other HTTP error status (400, 403, 500, 507...).
        Http,
        /// abort() on an upload or a download.
        Cancelled,
        /// A local file is missing, unreadable, or cannot be written (a download's target).
        LocalFile,
        /// The file is over the server's limit: refused before sending it, or HTTP 413.
        TooLarge,
    };

    Kind kind = Kind::None;
    /// The HTTP status when there was a response, else 0.
    int httpStatus = 0;
    /// A sentence for the user: the server's `error` field when it sent one.
    QString message;

    bool ok() const { return kind == Kind::None; }
    static QString kindName(Kind kind);
};
