#include "clidownload.h"

#include "api/filedownload.h"
#include "api/restclient.h"
#include "clirunner.h"
#include "logging.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <chrono>

namespace {

/// The REST API lives on http(s) whatever scheme --server was given with.
QUrl restUrl(QUrl server)
{
    if (server.scheme() == QLatin1String("ws"))
        server.setScheme(QStringLiteral("http"));
    else if (server.scheme() == QLatin1String("wss"))
        server.setScheme(QStringLiteral("https"));
    return server;
}

int exitCodeFor(const RestError &error)
{
    switch (error.kind) {
    case RestError::Kind::Unauthorized:
        return CliRunner::AuthenticationFailed;
    case RestError::Kind::Network:
        return CliRunner::Unreachable;
    default:
        return CliRunner::TimedOut; // "refused": not found, forbidden, disk, a broken answer
    }
}

/// A JSON object with its keys in the order given (QJsonObject would sort them).
QString jsonLine(const QList<QPair<const char *, QJsonValue>> &fields)
{
    QByteArray line = "{";
    for (const auto &[name, value] : fields) {
        const QByteArray json = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
        line += (line.size() > 1 ? ",\"" : "\"") + QByteArray(name)
            + "\":" + json.mid(1, json.size() - 2);
    }
    return QString::fromUtf8(line + "}\n");
}

} // namespace

int CliDownload::run(
    const CliOptions &options, const QString &password, QTextStream &out, QTextStream &err)
{
    auto fail = [&err](int code, const QString &why) {
        err << "studyconnect-cli: " << why << '\n';
        err.flush();
        return code;
    };
    const QFileInfo target(options.downloadPath);
    if (target.isDir())
        return fail(CliRunner::UsageError,
            QStringLiteral("--download: %1 is a folder; give the path of the file to write")
                .arg(options.downloadPath));

    RestClient rest;
    rest.setBaseUrl(restUrl(options.server));
    rest.setTimeout(std::chrono::milliseconds(options.timeoutMs));
    QEventLoop loop;

    QString token = options.token;
    if (!options.email.isEmpty()) {
        RestError loginError;
        rest.login(options.email, password, &loop,
            [&](const RestError &error, const RestClient::LoginResult &result) {
                loginError = error;
                token = result.token;
                loop.quit();
            });
        loop.exec();
        if (!loginError.ok())
            return fail(loginError.kind == RestError::Kind::Network
                    ? CliRunner::Unreachable
                    : CliRunner::AuthenticationFailed,
                QStringLiteral("sign-in failed: %1").arg(loginError.message));
    }
    rest.setToken(token);

    FileDownload *download =
        rest.downloadFile(options.downloadFileId, target.absoluteFilePath(), &rest);
    QObject::connect(download, &FileDownload::finished, &loop, &QEventLoop::quit);
    if (!download->isFinished())
        loop.exec();
    const RestError error = download->error();
    if (!error.ok()) {
        const QString status =
            error.httpStatus > 0 ? QStringLiteral(" (HTTP %1)").arg(error.httpStatus) : QString();
        QString why = QStringLiteral("--download %1 failed%2: %3")
                          .arg(options.downloadFileId, status, error.message);
        if (QFileInfo::exists(download->partialPath()))
            why += QStringLiteral("; %1 bytes are kept in %2 for the next run")
                       .arg(download->bytesReceived())
                       .arg(download->partialPath());
        return fail(exitCodeFor(error), why);
    }
    qCInfo(lcCli) << "downloaded" << download->bytesReceived() << "bytes";
    if (!options.quiet) {
        out << jsonLine(
            { { "event", QStringLiteral("download") }, { "fileId", options.downloadFileId },
                { "path", download->targetPath() }, { "size", download->bytesReceived() },
                { "mimeType", download->mimeType() }, { "resumedFrom", download->resumedFrom() } });
        out.flush();
    }
    return CliRunner::Done;
}
