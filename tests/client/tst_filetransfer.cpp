// Uploads and downloads (FileUpload, FileDownload, studyconnect-cli --download) against the
// reference backend, and where the token may go against small local HTTP servers.
#include "api/filedownload.h"
#include "api/fileupload.h"
#include "api/restclient.h"
#include "clienttestsupport.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

namespace {

/// An HTTP server on loopback that records the head of every request and answers each with the
/// same canned response, then closes the connection.
class RawHttpServer : public QObject
{
public:
    explicit RawHttpServer(QByteArray response)
        : m_response(std::move(response))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++connections;
                auto received = std::make_shared<QByteArray>();
                auto answered = std::make_shared<bool>(false);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket, received, answered] {
                    if (*answered) {
                        socket->readAll(); // the rest of a body is not needed
                        return;
                    }
                    *received += socket->readAll();
                    const qsizetype end = received->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    requests.append(received->left(end));
                    *answered = true;
                    socket->write(m_response);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    bool anyRequestHas(const QByteArray &text) const
    {
        return std::any_of(requests.begin(), requests.end(),
            [&text](const QByteArray &head) { return head.toLower().contains(text.toLower()); });
    }

    int connections = 0;
    QList<QByteArray> requests;

private:
    QTcpServer m_server;
    QByteArray m_response;
};

QByteArray randomBytes(qint64 size)
{
    QList<quint32> words((size + 3) / 4);
    QRandomGenerator { quint32(size) }.fillRange(words.data(), words.size());
    return QByteArray(reinterpret_cast<const char *>(words.constData()), size);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(bytes) == bytes.size();
}

/// Waits for a transfer's finished(); false after 60 s.
template<typename Transfer>
bool waitFinished(Transfer *transfer)
{
    if (transfer->isFinished())
        return true;
    QSignalSpy finished(transfer, &Transfer::finished);
    return finished.wait(60000);
}

} // namespace

class TestFileTransfer : public QObject
{
    Q_OBJECT

    ReferenceServer m_server;
    QTemporaryDir m_dir;
    QString m_adaToken;
    QString m_graceToken;

    std::unique_ptr<RestClient> client(const QString &token, const QUrl &url = {})
    {
        auto rest = std::make_unique<RestClient>();
        rest->setBaseUrl(url.isEmpty() ? m_server.url() : url);
        rest->setToken(token);
        return rest;
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

    /// Uploads `bytes` as `name` with Ada's token; an invalid FileInfo on failure.
    FileInfo uploadAsAda(const QString &name, const QByteArray &bytes)
    {
        const QString local = path(name);
        if (!writeAll(local, bytes))
            return {};
        auto rest = client(m_adaToken);
        FileUpload *upload = rest->uploadFile(local, rest.get());
        if (!waitFinished(upload) || !upload->error().ok()) {
            qWarning() << "upload failed:" << upload->error().message;
            return {};
        }
        return upload->result();
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Size texts are compared in English.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_server.start(), qPrintable(m_server.node().errorString()));
        m_adaToken = signToken(QStringLiteral("1"), 600);
        m_graceToken = signToken(QStringLiteral("3"), 600);
    }

    void fileInfoReadsWhatTheServerSends()
    {
        const FileInfo image =
            FileInfo::fromVariant(QVariantMap { { QStringLiteral("id"), QStringLiteral("a1_B-") },
                { QStringLiteral("name"), QStringLiteral("photo.jpg") },
                { QStringLiteral("size"), 123456.0 },
                { QStringLiteral("mimeType"), QStringLiteral("image/jpeg") },
                { QStringLiteral("width"), 800 }, { QStringLiteral("height"), 600 } });
        QVERIFY(image.isValid());
        QVERIFY(image.isImage());
        QCOMPARE(image.size, 123456);
        QCOMPARE(FileInfo::fromVariant(image.toVariant()), image);

        // Wrong types read as nothing; without a string id there is no file.
        const FileInfo odd =
            FileInfo::fromVariant(QVariantMap { { QStringLiteral("id"), QStringLiteral("x") },
                { QStringLiteral("name"), 42 }, { QStringLiteral("size"), QStringLiteral("12") },
                { QStringLiteral("mimeType"), QStringLiteral("image/png") },
                { QStringLiteral("width"), -3 }, { QStringLiteral("height"), 1.5 } });
        QVERIFY(odd.isValid());
        QCOMPARE(odd.name, QStringLiteral("file"));
        QCOMPARE(odd.size, 0);
        QCOMPARE(odd.width, 0);
        QVERIFY(!odd.isImage()); // an image type without a size is shown as a file
        QVERIFY(!odd.toVariant().contains(QStringLiteral("width")));
        QVERIFY(!FileInfo::fromVariant(QVariantMap { { QStringLiteral("id"), 7 } }).isValid());
        QVERIFY(!FileInfo::fromVariant(QStringLiteral("abc")).isValid());

        QCOMPARE(FileInfo::cleanName(QStringLiteral("../../etc/pass\nwd\x7f")),
            QStringLiteral("....etcpasswd"));
        QCOMPARE(FileInfo::cleanName(QStringLiteral("C:\\Users\\me\\notes.pdf")),
            QStringLiteral("C:Usersmenotes.pdf"));
        QCOMPARE(FileInfo::cleanName(QStringLiteral(" \t.. ")), QStringLiteral("file"));
        QCOMPARE(FileInfo::cleanName(QStringLiteral("Übung 3.pdf")), QStringLiteral("Übung 3.pdf"));
        // Bidirectional overrides: "exe.jpg" that is really a .exe.
        QCOMPARE(FileInfo::cleanName(QStringLiteral("photo\u202Egpj.exe")),
            QStringLiteral("photogpj.exe"));
        // NFC: "U" + combining diaeresis is "Ü".
        QCOMPARE(FileInfo::cleanName(QStringLiteral("U\u0308bung")), QStringLiteral("Übung"));
        // 255 code points; an emoji (two UTF-16 units) is not cut in half.
        const QString emoji = QStringLiteral("\U0001F4DA");
        const QString longName = FileInfo::cleanName(emoji.repeated(300));
        QCOMPARE(longName, emoji.repeated(255));
    }

    void uploadTellsWhatTheServerFound()
    {
        // A PNG named like a text file: the type comes from the bytes.
        QImage image(640, 480, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        QByteArray png;
        QBuffer buffer(&png);
        QVERIFY(image.save(&buffer, "PNG"));
        const FileInfo info = uploadAsAda(QStringLiteral("notes.txt"), png);
        QVERIFY(info.isValid());
        QCOMPARE(info.name, QStringLiteral("notes.txt"));
        QCOMPARE(info.mimeType, QStringLiteral("image/png"));
        QCOMPARE(info.size, png.size());
        QCOMPARE(info.width, 640);
        QCOMPARE(info.height, 480);
        QVERIFY(info.isImage());

        // A name beyond ASCII arrives as it was (filename* in the multipart header).
        const QString name = QStringLiteral("Übung 3 – Lösung \"final\".pdf");
        const FileInfo pdf = uploadAsAda(name, QByteArrayLiteral("%PDF-1.4\n%…\n"));
        QVERIFY(pdf.isValid());
        QCOMPARE(pdf.name, name);
        QCOMPARE(pdf.mimeType, QStringLiteral("application/pdf"));
        QVERIFY(!pdf.isImage());
        QCOMPARE(pdf.width, 0);

        // Progress ends at the file's size, not the multipart body's.
        const QByteArray bytes = randomBytes(3 * 1024 * 1024);
        QVERIFY(writeAll(path(QStringLiteral("progress.bin")), bytes));
        auto rest = client(m_adaToken);
        FileUpload *upload = rest->uploadFile(path(QStringLiteral("progress.bin")), rest.get());
        QSignalSpy progress(upload, &FileUpload::progress);
        QVERIFY(waitFinished(upload));
        QVERIFY2(upload->error().ok(), qPrintable(upload->error().message));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.constLast().at(0).toLongLong(), bytes.size());
        QCOMPARE(progress.constLast().at(1).toLongLong(), bytes.size());
        QCOMPARE(upload->result().mimeType, QStringLiteral("application/octet-stream"));
    }

    void downloadIsByteEqual()
    {
        const QByteArray bytes = randomBytes(5 * 1024 * 1024 + 17);
        const FileInfo info = uploadAsAda(QStringLiteral("lecture.bin"), bytes);
        QVERIFY(info.isValid());
        const QString target = path(QStringLiteral("lecture-copy.bin"));
        auto rest = client(m_adaToken);
        FileDownload *download = rest->downloadFile(info.id, target, rest.get());
        QSignalSpy progress(download, &FileDownload::progress);
        QVERIFY(waitFinished(download));
        QVERIFY2(download->error().ok(), qPrintable(download->error().message));
        QCOMPARE(readAll(target), bytes);
        QCOMPARE(download->bytesReceived(), bytes.size());
        QCOMPARE(download->bytesTotal(), bytes.size());
        QCOMPARE(download->resumedFrom(), 0);
        QCOMPARE(download->mimeType(), QStringLiteral("application/octet-stream"));
        QCOMPARE(progress.constLast().at(0).toLongLong(), bytes.size());
        // Nothing left beside it.
        QVERIFY(!QFile::exists(download->partialPath()));
        QVERIFY(!QFile::exists(download->partialPath() + QStringLiteral(".meta")));

        // An empty file: no body at all, still a file at the end.
        const FileInfo empty = uploadAsAda(QStringLiteral("empty.txt"), {});
        QVERIFY(empty.isValid());
        QCOMPARE(empty.size, 0);
        const QString emptyTarget = path(QStringLiteral("empty-copy.txt"));
        download = rest->downloadFile(empty.id, emptyTarget, rest.get());
        QVERIFY(waitFinished(download));
        QVERIFY2(download->error().ok(), qPrintable(download->error().message));
        QVERIFY(QFileInfo(emptyTarget).isFile());
        QCOMPARE(QFileInfo(emptyTarget).size(), 0);
    }

    void abortedDownloadResumesWithARange()
    {
        const QByteArray bytes = randomBytes(8 * 1024 * 1024);
        const FileInfo info = uploadAsAda(QStringLiteral("resume.bin"), bytes);
        QVERIFY(info.isValid());
        const QString target = path(QStringLiteral("resume-copy.bin"));
        auto rest = client(m_adaToken);

        // Stopped with the first bytes on disk: the .part stays for later.
        FileDownload *first = rest->downloadFile(info.id, target, rest.get());
        connect(first, &FileDownload::progress, first, [first](qint64 received) {
            if (received > 0)
                first->abort();
        });
        QVERIFY(waitFinished(first));
        QCOMPARE(first->error().kind, RestError::Kind::Cancelled);
        const qint64 kept = first->bytesReceived();
        QVERIFY(kept > 0);
        QVERIFY(kept < bytes.size());
        QVERIFY(!QFile::exists(target));
        QCOMPARE(QFileInfo(first->partialPath()).size(), kept);

        // The kept bytes are replaced by a marker of the same length. Had the server sent the
        // whole file again, the result would not have the marker: only a Range request answered
        // with 206 from byte `kept` on leaves it there.
        const QByteArray marker(kept, 'X');
        QVERIFY(writeAll(first->partialPath(), marker));
        FileDownload *second = rest->downloadFile(info.id, target, rest.get());
        QVERIFY(waitFinished(second));
        QVERIFY2(second->error().ok(), qPrintable(second->error().message));
        QCOMPARE(second->resumedFrom(), kept);
        QCOMPARE(second->bytesTotal(), bytes.size());
        QCOMPARE(readAll(target), marker + bytes.mid(kept));
        QVERIFY(!QFile::exists(second->partialPath()));
    }

    void partThatIsNotThisFileStartsOver()
    {
        const QByteArray bytes = randomBytes(1024 * 1024 + 3);
        const FileInfo info = uploadAsAda(QStringLiteral("changed.bin"), bytes);
        QVERIFY(info.isValid());
        const QString target = path(QStringLiteral("changed-copy.bin"));
        const QString part = target + QStringLiteral(".part");
        const QString meta = part + QStringLiteral(".meta");
        auto rest = client(m_adaToken);

        // A .part whose ETag is not the file's: If-Range does not match, the server sends all
        // of it (200) and the .part is written from the start.
        QVERIFY(writeAll(part, QByteArray(1000, 'X')));
        QVERIFY(writeAll(meta, info.id.toUtf8() + "\n\"not-the-etag\"\n"));
        FileDownload *download = rest->downloadFile(info.id, target, rest.get());
        QVERIFY(waitFinished(download));
        QVERIFY2(download->error().ok(), qPrintable(download->error().message));
        QCOMPARE(download->resumedFrom(), 0);
        QCOMPARE(readAll(target), bytes);

        // A .part longer than the file, with the right ETag (taken from a HEAD request): 416,
        // then once more from the start.
        QVERIFY(QFile::remove(target));
        QNetworkAccessManager network;
        QNetworkRequest head(rest->fileUrl(info.id));
        head.setRawHeader("Authorization", "Bearer " + m_adaToken.toUtf8());
        QNetworkReply *reply = network.head(head);
        QSignalSpy headDone(reply, &QNetworkReply::finished);
        QVERIFY(headDone.wait(10000));
        const QByteArray etag = reply->rawHeader("ETag");
        reply->deleteLater();
        QVERIFY(!etag.isEmpty());
        QVERIFY(writeAll(part, QByteArray(bytes.size() + 10, 'X')));
        QVERIFY(writeAll(meta, info.id.toUtf8() + '\n' + etag + '\n'));
        download = rest->downloadFile(info.id, target, rest.get());
        QVERIFY(waitFinished(download));
        QVERIFY2(download->error().ok(), qPrintable(download->error().message));
        QCOMPARE(readAll(target), bytes);

        // A .part of another file id is not resumed.
        QVERIFY(QFile::remove(target));
        QVERIFY(writeAll(part, QByteArray(1000, 'X')));
        QVERIFY(writeAll(meta, "another-id\n" + etag + '\n'));
        download = rest->downloadFile(info.id, target, rest.get());
        QVERIFY(waitFinished(download));
        QVERIFY2(download->error().ok(), qPrintable(download->error().message));
        QCOMPARE(download->resumedFrom(), 0);
        QCOMPARE(readAll(target), bytes);
    }

    void answersThatDoNotAddUpKeepThePart()
    {
        const QString target = path(QStringLiteral("short.bin"));
        const QString part = target + QStringLiteral(".part");
        {
            // The connection ends 95 bytes short of the Content-Length: no file, and the 5
            // bytes stay for a resume (with the ETag beside them).
            RawHttpServer cut("HTTP/1.1 200 OK\r\nContent-Length: 100\r\nETag: \"abc\"\r\n"
                              "Connection: close\r\n\r\nfirst");
            auto rest = client(m_adaToken, cut.url());
            FileDownload *download = rest->downloadFile(QStringLiteral("abc"), target, rest.get());
            QVERIFY(waitFinished(download));
            QCOMPARE(download->error().kind, RestError::Kind::Network);
            QVERIFY(!QFile::exists(target));
            QCOMPARE(readAll(part), QByteArrayLiteral("first"));
        }
        {
            // The resume asks for byte 5 on; a 206 from byte 0 is not what was asked for.
            RawHttpServer wrongRange("HTTP/1.1 206 Partial Content\r\nContent-Range: bytes "
                                     "0-9/10\r\nContent-Length: 10\r\n\r\n0123456789");
            auto rest = client(m_adaToken, wrongRange.url());
            FileDownload *download = rest->downloadFile(QStringLiteral("abc"), target, rest.get());
            QVERIFY(waitFinished(download));
            QCOMPARE(download->error().kind, RestError::Kind::Malformed);
            QCOMPARE(wrongRange.requests.size(), 1);
            QVERIFY(wrongRange.anyRequestHas("range: bytes=5-"));
            QVERIFY(wrongRange.anyRequestHas("if-range: \"abc\""));
            QVERIFY(!QFile::exists(target));
            QCOMPARE(readAll(part), QByteArrayLiteral("first"));
        }
    }

    void abortedUpload()
    {
        QVERIFY(writeAll(path(QStringLiteral("big.bin")), randomBytes(20 * 1024 * 1024)));
        auto rest = client(m_adaToken);
        FileUpload *upload = rest->uploadFile(path(QStringLiteral("big.bin")), rest.get());
        QSignalSpy finished(upload, &FileUpload::finished);
        connect(upload, &FileUpload::progress, upload, [upload](qint64 sent) {
            if (sent > 0)
                upload->abort();
        });
        QVERIFY(waitFinished(upload));
        QCOMPARE(upload->error().kind, RestError::Kind::Cancelled);
        QVERIFY(!upload->result().isValid());
        QVERIFY(upload->bytesSent() < upload->bytesTotal());
        QTest::qWait(50);
        QCOMPARE(finished.size(), 1);

        // Stopped before it got going.
        FileUpload *early = rest->uploadFile(path(QStringLiteral("big.bin")), rest.get());
        early->abort();
        QVERIFY(waitFinished(early));
        QCOMPARE(early->error().kind, RestError::Kind::Cancelled);

        // The server is none the worse.
        QVERIFY(uploadAsAda(QStringLiteral("after-abort.txt"), "still works").isValid());
    }

    void localProblemsFailBeforeAnyRequest()
    {
        RawHttpServer counter("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n");
        auto rest = client(m_adaToken, counter.url());
        rest->setMaxFileBytes(25 * 1024 * 1024);
        QVERIFY(writeAll(path(QStringLiteral("over.bin")), QByteArray(25 * 1024 * 1024 + 1, 'a')));

        FileUpload *tooLarge = rest->uploadFile(path(QStringLiteral("over.bin")), rest.get());
        QVERIFY(!tooLarge->isFinished()); // finished() comes from the event loop
        QVERIFY(waitFinished(tooLarge));
        QCOMPARE(tooLarge->error().kind, RestError::Kind::TooLarge);
        QCOMPARE(tooLarge->error().message,
            QStringLiteral("“over.bin” is 25.0 MB; the server takes files up to 25 MB"));

        FileUpload *missing = rest->uploadFile(path(QStringLiteral("nothing.pdf")), rest.get());
        QVERIFY(waitFinished(missing));
        QCOMPARE(missing->error().kind, RestError::Kind::LocalFile);
        QCOMPARE(missing->error().message, QStringLiteral("“nothing.pdf” does not exist"));

        FileUpload *folder = rest->uploadFile(m_dir.path(), rest.get());
        QVERIFY(waitFinished(folder));
        QCOMPARE(folder->error().kind, RestError::Kind::LocalFile);

        FileDownload *nowhere = rest->downloadFile(
            QStringLiteral("abc"), path(QStringLiteral("no/such/folder/file.bin")), rest.get());
        QVERIFY(waitFinished(nowhere));
        QCOMPARE(nowhere->error().kind, RestError::Kind::LocalFile);

        QTest::qWait(100);
        QCOMPARE(counter.connections, 0);
        QCOMPARE(FileInfo::sizeText(32715571), QStringLiteral("31.2 MB"));
        QCOMPARE(FileInfo::sizeText(900), QStringLiteral("900 bytes"));
    }

    void serverLimitIsA413()
    {
        // The client does not know this server's limit: the server refuses with 413.
        ReferenceServer small;
        small.node().setEnvironmentValue(
            QStringLiteral("MAX_FILE_BYTES"), QStringLiteral("1048576"));
        QVERIFY2(small.start(), qPrintable(small.node().errorString()));
        QVERIFY(writeAll(path(QStringLiteral("two-mb.bin")), randomBytes(2 * 1024 * 1024)));
        auto rest = client(m_adaToken, small.url());
        FileUpload *upload = rest->uploadFile(path(QStringLiteral("two-mb.bin")), rest.get());
        QVERIFY(waitFinished(upload));
        QVERIFY2(upload->error().kind == RestError::Kind::TooLarge,
            qPrintable(RestError::kindName(upload->error().kind) + u' ' + upload->error().message));
        QCOMPARE(upload->error().httpStatus, 413);
        QCOMPARE(upload->error().message, QStringLiteral("The file is larger than 1 MB"));
    }

    void unauthenticatedAndUnauthorised()
    {
        const QByteArray bytes = QByteArrayLiteral("only for ada");
        const FileInfo info = uploadAsAda(QStringLiteral("private.txt"), bytes);
        QVERIFY(info.isValid());
        QVERIFY(writeAll(path(QStringLiteral("anonymous.txt")), "who am i"));

        auto anonymous = client({});
        FileUpload *upload =
            anonymous->uploadFile(path(QStringLiteral("anonymous.txt")), anonymous.get());
        QVERIFY(waitFinished(upload));
        QCOMPARE(upload->error().kind, RestError::Kind::Unauthorized);
        QCOMPARE(upload->error().httpStatus, 401);

        const QString target = path(QStringLiteral("private-copy.txt"));
        FileDownload *download = anonymous->downloadFile(info.id, target, anonymous.get());
        QVERIFY(waitFinished(download));
        QCOMPARE(download->error().kind, RestError::Kind::Unauthorized);
        QCOMPARE(download->error().httpStatus, 401);
        QVERIFY(!QFile::exists(target));
        QVERIFY(!QFile::exists(download->partialPath()));

        // Grace sees no message carrying it. What is at the target stays as it was.
        QVERIFY(writeAll(target, "grace's own file"));
        auto grace = client(m_graceToken);
        download = grace->downloadFile(info.id, target, grace.get());
        QVERIFY(waitFinished(download));
        QCOMPARE(download->error().kind, RestError::Kind::Http);
        QCOMPARE(download->error().httpStatus, 403);
        QVERIFY(!download->error().message.isEmpty());
        QCOMPARE(readAll(target), QByteArrayLiteral("grace's own file"));
        QVERIFY(!QFile::exists(download->partialPath()));

        download = grace->downloadFile(QStringLiteral("no-such-file"), target, grace.get());
        QVERIFY(waitFinished(download));
        QCOMPARE(download->error().kind, RestError::Kind::NotFound);
        QCOMPARE(readAll(target), QByteArrayLiteral("grace's own file"));
    }

    void fileIdStaysInsideFiles()
    {
        auto rest = client(m_adaToken);
        QCOMPARE(rest->fileUrl(QStringLiteral("../server")).path(QUrl::FullyEncoded),
            QStringLiteral("/api/files/..%2Fserver"));
        QCOMPARE(rest->fileUrl(QStringLiteral("a/b?c#d%e")).path(QUrl::FullyEncoded),
            QStringLiteral("/api/files/a%2Fb%3Fc%23d%25e"));
        QVERIFY(rest->fileUrl(QStringLiteral("..")).isEmpty());
        QVERIFY(rest->fileUrl(QString()).isEmpty());

        // GET /api/server would answer 200 with JSON, which would be saved as the "file".
        const QString target = path(QStringLiteral("escaped.json"));
        for (const QString &id : { QStringLiteral("../server"), QStringLiteral("..") }) {
            FileDownload *download = rest->downloadFile(id, target, rest.get());
            QVERIFY(waitFinished(download));
            QCOMPARE(download->error().kind, RestError::Kind::NotFound);
            QVERIFY(!QFile::exists(target));
        }

        // What goes on the wire: one segment under /api/files/.
        RawHttpServer recorder("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
        auto recorded = client(m_adaToken, recorder.url());
        FileDownload *download =
            recorded->downloadFile(QStringLiteral("../../api/server"), target, recorded.get());
        QVERIFY(waitFinished(download));
        QCOMPARE(recorder.requests.size(), 1);
        QVERIFY2(recorder.requests.constFirst().startsWith(
                     "GET /api/files/..%2F..%2Fapi%2Fserver HTTP/1.1\r\n"),
            recorder.requests.constFirst().constData());
    }

    void tokenNeverFollowsARedirectToAnotherOrigin()
    {
        RawHttpServer elsewhere("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nstolen");
        const QByteArray location = elsewhere.url().toEncoded() + "/api/files/abc";
        for (const QByteArray &status :
            { QByteArray("302 Found"), QByteArray("307 Temporary Redirect") }) {
            RawHttpServer redirecting("HTTP/1.1 " + status + "\r\nLocation: " + location
                + "\r\nContent-Length: 0\r\n\r\n");
            auto rest = client(QStringLiteral("the-secret-token"), redirecting.url());
            const QString target = path(QStringLiteral("redirected.bin"));
            FileDownload *download = rest->downloadFile(QStringLiteral("abc"), target, rest.get());
            QVERIFY(waitFinished(download));
            QCOMPARE(download->error().kind, RestError::Kind::Http);
            QVERIFY(download->error().message.contains(QStringLiteral("another site")));
            QVERIFY(!QFile::exists(target));

            QVERIFY(writeAll(path(QStringLiteral("upload.txt")), "some text"));
            FileUpload *upload = rest->uploadFile(path(QStringLiteral("upload.txt")), rest.get());
            QVERIFY(waitFinished(upload));
            QCOMPARE(upload->error().kind, RestError::Kind::Http);

            // The server's own origin got the token; the other one never did.
            QCOMPARE(redirecting.requests.size(), 2);
            QVERIFY(redirecting.anyRequestHas("authorization: Bearer the-secret-token"));
            QTest::qWait(50);
            QVERIFY(!elsewhere.anyRequestHas("authorization"));
            QVERIFY(!elsewhere.anyRequestHas("the-secret-token"));
        }
    }

    void cliDownload()
    {
#ifndef STUDYCONNECT_CLI_PATH
        QSKIP("studyconnect-cli is not built");
#else
        const QByteArray bytes = randomBytes(300 * 1024);
        const FileInfo info = uploadAsAda(QStringLiteral("cli.bin"), bytes);
        QVERIFY(info.isValid());
        auto cli = [](const QStringList &arguments) {
            QProcess process;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.remove(QStringLiteral("STUDYCONNECT_TOKEN"));
            process.setProcessEnvironment(environment);
            process.start(QStringLiteral(STUDYCONNECT_CLI_PATH), arguments);
            process.waitForFinished(30000);
            return std::tuple { process.exitStatus() == QProcess::NormalExit ? process.exitCode()
                                                                             : -1,
                process.readAllStandardOutput(), process.readAllStandardError() };
        };
        const QString server = m_server.url().toString();
        const QString target = path(QStringLiteral("cli-copy.bin"));
        const auto [code, out, err] = cli({ QStringLiteral("--server"), server,
            QStringLiteral("--token"), m_adaToken, QStringLiteral("--download"), info.id, target });
        QVERIFY2(code == 0, err.constData());
        QCOMPARE(readAll(target), bytes);
        const QJsonObject line = QJsonDocument::fromJson(out.trimmed()).object();
        QCOMPARE(line.value(QStringLiteral("event")).toString(), QStringLiteral("download"));
        QCOMPARE(line.value(QStringLiteral("fileId")).toString(), info.id);
        QCOMPARE(
            line.value(QStringLiteral("path")).toString(), QFileInfo(target).absoluteFilePath());
        QCOMPARE(line.value(QStringLiteral("size")).toInteger(), bytes.size());
        QCOMPARE(line.value(QStringLiteral("mimeType")).toString(),
            QStringLiteral("application/octet-stream"));
        QVERIFY(out.startsWith("{\"event\":\"download\""));

        // Refused: exit 1 with the server's reason; no credentials: a usage error.
        const auto [refused, refusedOut, refusedErr] =
            cli({ QStringLiteral("--server"), server, QStringLiteral("--token"), m_graceToken,
                QStringLiteral("--download"), info.id, path(QStringLiteral("cli-refused.bin")) });
        QCOMPARE(refused, 1);
        QVERIFY(refusedOut.isEmpty());
        QVERIFY2(refusedErr.contains("HTTP 403"), refusedErr.constData());
        QVERIFY(!QFile::exists(path(QStringLiteral("cli-refused.bin"))));
        const auto [expired, expiredOut, expiredErr] = cli({ QStringLiteral("--server"), server,
            QStringLiteral("--token"), signToken(QStringLiteral("1"), -10),
            QStringLiteral("--download"), info.id, path(QStringLiteral("cli-expired.bin")) });
        QCOMPARE(expired, 3);
        const auto [usage, usageOut, usageErr] = cli(
            { QStringLiteral("--server"), server, QStringLiteral("--download"), info.id, target });
        QCOMPARE(usage, 2);
        QVERIFY(usageErr.contains("no credentials"));
        const auto [both, bothOut, bothErr] = cli({ QStringLiteral("--server"), server,
            QStringLiteral("--token"), m_adaToken, QStringLiteral("--download"), info.id, target,
            QStringLiteral("--send"), QStringLiteral("1"), QStringLiteral("hi") });
        QCOMPARE(both, 2);
        QVERIFY(bothErr.contains("--download runs alone"));
#endif
    }
};

QTEST_GUILESS_MAIN(TestFileTransfer)
#include "tst_filetransfer.moc"
