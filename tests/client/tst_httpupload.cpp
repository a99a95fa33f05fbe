// FileUpload's own HTTP/1.1 client (HttpUpload, HttpResponseParser): the parser on its own, and
// uploads against small scripted servers on loopback (plain and TLS) that answer in pieces,
// chunked, too much, too little, or refuse in the middle of the body.
#include "api/fileupload.h"
#include "api/httpresponseparser.h"
#include "api/proxyconfig.h"
#include "api/restclient.h"
#include "nodeserver.h"
#include "testcertificate.h"

#include <QFile>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

namespace {

const QByteArray fileJson = R"({"id":"f1","name":"a.txt","size":5,"mimeType":"text/plain"})";

/// A loopback server that hands each connection's request head, then the count of body bytes
/// received so far, to the test's script. With a certificate and key it speaks TLS.
class ScriptedServer : public QTcpServer
{
public:
    std::function<void(QTcpSocket *, const QByteArray &head)> onHead;
    std::function<void(QTcpSocket *, qint64 bodyBytes, qint64 contentLength)> onBody;
    QList<QByteArray> heads;
    qint64 bodyBytes = 0;
    QSslCertificate certificate;
    QSslKey key;

    ScriptedServer() { listen(QHostAddress::LocalHost, 0); }
    QUrl url(const char *scheme = "http") const
    {
        return QUrl(
            QStringLiteral("%1://127.0.0.1:%2").arg(QLatin1String(scheme)).arg(serverPort()));
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        QTcpSocket *socket = certificate.isNull() ? new QTcpSocket(this) : new QSslSocket(this);
        socket->setSocketDescriptor(descriptor);
        if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
            ssl->setLocalCertificate(certificate);
            ssl->setPrivateKey(key);
            ssl->startServerEncryption();
        }
        auto received = std::make_shared<QByteArray>();
        auto length = std::make_shared<qint64>(-1);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, received, length] {
            const QByteArray bytes = socket->readAll();
            if (*length >= 0) {
                bodyBytes += bytes.size();
                if (onBody)
                    onBody(socket, bodyBytes, *length);
                return;
            }
            *received += bytes;
            const qsizetype end = received->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = received->left(end);
            heads.append(head);
            *length = 0;
            for (const QByteArray &line : head.split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    *length = line.mid(15).trimmed().toLongLong();
            }
            bodyBytes = received->size() - end - 4;
            if (onHead)
                onHead(socket, head);
            if (bodyBytes > 0 && onBody)
                onBody(socket, bodyBytes, *length);
        });
    }
};

/// Writes `bytes` a few at a time, 2 ms apart: every read of the client gets a piece.
void writeInPieces(QTcpSocket *socket, const QByteArray &bytes, qsizetype piece = 7)
{
    for (qsizetype offset = 0; offset < bytes.size(); offset += piece) {
        QTimer::singleShot(int(offset / piece) * 2, socket,
            [socket, part = bytes.mid(offset, piece)] { socket->write(part); });
    }
}

bool waitFinished(FileUpload *upload, int timeout = 20000)
{
    if (upload->isFinished())
        return true;
    QSignalSpy finished(upload, &FileUpload::finished);
    return finished.wait(timeout);
}

} // namespace

class TestHttpUpload : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString file(const QString &name, qint64 size)
    {
        const QString path = m_dir.filePath(name);
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        const QByteArray block(64 * 1024, 'x');
        for (qint64 left = size; left > 0; left -= block.size())
            out.write(block.constData(), std::min<qint64>(left, block.size()));
        return path;
    }

    FileUpload *upload(ScriptedServer &server, const QString &path, const char *scheme = "http")
    {
        auto *rest = new RestClient(this);
        rest->setBaseUrl(server.url(scheme));
        rest->setToken(QStringLiteral("the-token"));
        rest->setTimeout(std::chrono::milliseconds(5000));
        return rest->uploadFile(path, rest);
    }

    /// 100 Continue at once, then `answer` when the whole body is there.
    static void answerAfterBody(ScriptedServer &server, std::function<void(QTcpSocket *)> answer)
    {
        server.onHead = [](QTcpSocket *socket, const QByteArray &) {
            socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        };
        server.onBody = [answer](QTcpSocket *socket, qint64 received, qint64 length) {
            if (received == length)
                answer(socket);
        };
    }

private Q_SLOTS:
    void parserReadsAResponseByteByByte()
    {
        const QByteArray bytes = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\n"
                                 "Content-Type: application/json\r\nContent-Length: 10\r\n"
                                 "X-A: 1\r\nx-a: 2\r\n\r\n{\"id\":\"f\"}";
        HttpResponseParser parser;
        for (const char byte : bytes)
            parser.feed(QByteArrayView(&byte, 1));
        QCOMPARE(parser.state(), HttpResponseParser::State::Done);
        QVERIFY(parser.isInterim());
        QCOMPARE(parser.startNext(), HttpResponseParser::State::Done);
        QCOMPARE(parser.status(), 201);
        QCOMPARE(parser.header("x-A"), QByteArrayLiteral("1, 2"));
        QCOMPARE(parser.body(), QByteArrayLiteral("{\"id\":\"f\"}"));
    }

    void parserReadsChunkedAndUntilClose()
    {
        HttpResponseParser chunked;
        chunked.feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nabcd\r\n"
                     "A\r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\n");
        QCOMPARE(chunked.state(), HttpResponseParser::State::Done);
        QCOMPARE(chunked.body(), QByteArrayLiteral("abcd0123456789"));

        HttpResponseParser untilClose;
        untilClose.feed("HTTP/1.0 413 Too Large\r\n\r\n{\"error\":\"no\"}");
        QCOMPARE(untilClose.state(), HttpResponseParser::State::Body);
        QCOMPARE(untilClose.closed(), HttpResponseParser::State::Done);
        QCOMPARE(untilClose.body(), QByteArrayLiteral("{\"error\":\"no\"}"));

        HttpResponseParser cut;
        cut.feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
        QCOMPARE(cut.closed(), HttpResponseParser::State::Failed);
        QVERIFY(cut.errorString().contains(QStringLiteral("middle")));
    }

    void parserRefusesWhatIsTooMuchOrNotHttp()
    {
        HttpResponseParser headers;
        headers.feed("HTTP/1.1 200 OK\r\nX-Pad: ");
        headers.feed(QByteArray(HttpResponseParser::maxHeaderBytes, 'a'));
        QCOMPARE(headers.state(), HttpResponseParser::State::Failed);
        QVERIFY(headers.errorString().contains(QStringLiteral("64 KiB of headers")));

        HttpResponseParser declared;
        declared.feed("HTTP/1.1 200 OK\r\nContent-Length: 2000000\r\n\r\n");
        QCOMPARE(declared.state(), HttpResponseParser::State::Failed);

        HttpResponseParser chunks;
        chunks.feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        const QByteArray chunk = "80000\r\n" + QByteArray(0x80000, 'b') + "\r\n";
        chunks.feed(chunk);
        chunks.feed(chunk);
        QCOMPARE(chunks.state(), HttpResponseParser::State::Body); // exactly 1 MiB
        chunks.feed("1\r\n");
        QCOMPARE(chunks.state(), HttpResponseParser::State::Failed);

        for (const QByteArray &bad : { QByteArray("SSH-2.0-OpenSSH\r\n"),
                 QByteArray("HTTP/1.1 20 OK\r\n"), QByteArray("HTTP/1.1 200 OK\r\nno colon\r\n"),
                 QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1, 2\r\n\r\n") }) {
            HttpResponseParser parser;
            QCOMPARE(parser.feed(bad), HttpResponseParser::State::Failed);
        }
    }

    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void requestOnTheWire()
    {
        ScriptedServer server;
        server.onHead = [](QTcpSocket *socket, const QByteArray &) {
            socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        };
        const QString path = file(QStringLiteral("small.txt"), 5);
        FileUpload *up = upload(server, path);
        QVERIFY(waitFinished(up, 500) == false); // the server has not answered yet
        QCOMPARE(server.heads.size(), 1);
        const QByteArray head = server.heads.constFirst();
        QVERIFY2(head.startsWith("POST /api/files HTTP/1.1\r\nHost: 127.0.0.1:"), head.constData());
        QVERIFY(head.contains("\r\nAuthorization: Bearer the-token\r\n"));
        QVERIFY(head.contains("\r\nExpect: 100-continue\r\n"));
        QVERIFY(head.contains("\r\nContent-Type: multipart/form-data; boundary=----StudyConnect"));
        const qsizetype at = head.indexOf("\r\nContent-Length: ") + 18;
        const qint64 length = head.mid(at, head.indexOf('\r', at) - at).toLongLong();
        QVERIFY(length > 5 + 2 * 30); // the file with its multipart framing
        QCOMPARE(server.bodyBytes, length);
        up->abort();
        QCOMPARE(up->error().kind, RestError::Kind::Cancelled);
    }

    void chunkedAnswerInPieces()
    {
        ScriptedServer server;
        server.onHead = [](QTcpSocket *socket, const QByteArray &) {
            writeInPieces(socket, "HTTP/1.1 100 Continue\r\n\r\n", 3);
        };
        server.onBody = [](QTcpSocket *socket, qint64 received, qint64 length) {
            if (received != length)
                return;
            writeInPieces(socket,
                "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\nContent-Type: "
                "application/json\r\n\r\n10\r\n"
                    + fileJson.left(16) + "\r\n" + QByteArray::number(fileJson.size() - 16, 16)
                    + "\r\n" + fileJson.mid(16) + "\r\n0\r\n\r\n");
        };
        FileUpload *up = upload(server, file(QStringLiteral("chunked.txt"), 300 * 1024));
        QSignalSpy progress(up, &FileUpload::progress);
        QVERIFY(waitFinished(up));
        QVERIFY2(up->error().ok(), qPrintable(up->error().message));
        QCOMPARE(up->result().id, QStringLiteral("f1"));
        QCOMPARE(progress.constLast().at(0).toLongLong(), 300 * 1024);
    }

    void oversizedHeadersAreAClearError()
    {
        ScriptedServer server;
        answerAfterBody(server, [](QTcpSocket *socket) {
            socket->write("HTTP/1.1 201 Created\r\nX-Pad: " + QByteArray(70 * 1024, 'p'));
        });
        FileUpload *up = upload(server, file(QStringLiteral("headers.txt"), 10));
        QVERIFY(waitFinished(up));
        QCOMPARE(up->error().kind, RestError::Kind::Malformed);
        QVERIFY2(up->error().message.contains(QStringLiteral("64 KiB of headers")),
            qPrintable(up->error().message));
    }

    void closedMidAnswerIsANetworkError()
    {
        ScriptedServer server;
        answerAfterBody(server, [](QTcpSocket *socket) {
            socket->write("HTTP/1.1 201 Created\r\nContent-Length: 100\r\n\r\n{\"id\"");
            socket->disconnectFromHost();
        });
        FileUpload *up = upload(server, file(QStringLiteral("cut.txt"), 10));
        QVERIFY(waitFinished(up));
        QCOMPARE(up->error().kind, RestError::Kind::Network);
        QVERIFY2(up->error().message.contains(QStringLiteral("middle")),
            qPrintable(up->error().message));

        ScriptedServer silent;
        answerAfterBody(silent, [](QTcpSocket *socket) { socket->disconnectFromHost(); });
        up = upload(silent, file(QStringLiteral("cut.txt"), 10));
        QVERIFY(waitFinished(up));
        QCOMPARE(up->error().kind, RestError::Kind::Network);
    }

    void refusalBeforeTheBodySendsNoFile()
    {
        ScriptedServer server;
        server.onHead = [](QTcpSocket *socket, const QByteArray &) {
            const QByteArray json = "{\"error\":\"The file is larger than 1 MB\"}";
            socket->write("HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\n"
                          "Connection: close\r\nContent-Length: "
                + QByteArray::number(json.size()) + "\r\n\r\n" + json);
        };
        FileUpload *up = upload(server, file(QStringLiteral("refused.bin"), 4 * 1024 * 1024));
        QVERIFY(waitFinished(up));
        QCOMPARE(up->error().kind, RestError::Kind::TooLarge);
        QCOMPARE(up->error().httpStatus, 413);
        QCOMPARE(up->error().message, QStringLiteral("The file is larger than 1 MB"));
        QCOMPARE(up->bytesSent(), 0);
        QTest::qWait(50);
        QCOMPARE(server.bodyBytes, 0);
    }

    void refusalInTheMiddleOfTheBodyStopsIt()
    {
        // No "100 Continue": after a second the client sends anyway; half a MiB in, the server
        // answers 413 and soon resets the connection, as Node does with a client that goes on.
        ScriptedServer server;
        bool answered = false;
        server.onBody = [&answered](QTcpSocket *socket, qint64 received, qint64) {
            if (answered || received < 512 * 1024)
                return;
            answered = true;
            const QByteArray json = "{\"error\":\"The file is larger than 1 MB\"}";
            socket->write("HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\nContent-Length: "
                + QByteArray::number(json.size()) + "\r\n\r\n" + json);
            QTimer::singleShot(20, socket, [socket] { socket->abort(); });
        };
        const qint64 size = 30 * 1024 * 1024;
        FileUpload *up = upload(server, file(QStringLiteral("mid.bin"), size));
        QVERIFY(waitFinished(up));
        QCOMPARE(up->error().kind, RestError::Kind::TooLarge);
        QCOMPARE(up->error().message, QStringLiteral("The file is larger than 1 MB"));
        QVERIFY(up->bytesSent() < size);
    }

    void noAnswerTimesOut()
    {
        ScriptedServer server;
        auto *rest = new RestClient(this);
        rest->setBaseUrl(server.url());
        rest->setTimeout(std::chrono::milliseconds(300));
        FileUpload *up = rest->uploadFile(file(QStringLiteral("slow.txt"), 10), rest);
        QVERIFY(waitFinished(up, 5000));
        QCOMPARE(up->error().kind, RestError::Kind::Network);
        QCOMPARE(up->error().message, QStringLiteral("The server did not answer in time"));
    }

    void uploadThroughTheApplicationProxy()
    {
        // studyconnect.test is a name only the proxy knows: an upload that arrives went through
        // it (CONNECT, with the proxy's credentials from the application proxy).
        NodeServer proxy(QStringLiteral("tests/common/forward-proxy.js"));
        proxy.setEnvironmentValue(
            QStringLiteral("LOCAL_NAME"), QStringLiteral("studyconnect.test"));
        proxy.setEnvironmentValue(QStringLiteral("PROXY_AUTH"), QStringLiteral("student:pw"));
        QVERIFY2(proxy.start(), qPrintable(proxy.errorString()));
        ProxyConfig config;
        config.mode = ProxyConfig::Mode::Http;
        config.host = QStringLiteral("127.0.0.1");
        config.port = quint16(proxy.port());
        config.user = QStringLiteral("student");
        config.applyToApplication(QStringLiteral("pw"));

        ScriptedServer server;
        answerAfterBody(server, [](QTcpSocket *socket) {
            socket->write("HTTP/1.1 201 Created\r\nContent-Length: "
                + QByteArray::number(fileJson.size()) + "\r\n\r\n" + fileJson);
        });
        auto *rest = new RestClient(this);
        rest->setBaseUrl(
            QUrl(QStringLiteral("http://studyconnect.test:%1").arg(server.serverPort())));
        rest->setToken(QStringLiteral("the-token"));
        FileUpload *up = rest->uploadFile(file(QStringLiteral("proxied.bin"), 1024 * 1024), rest);
        const bool finished = waitFinished(up);
        ProxyConfig direct;
        direct.mode = ProxyConfig::Mode::None;
        direct.applyToApplication();
        QVERIFY(finished);
        QVERIFY2(up->error().ok(), qPrintable(up->error().message));
        QCOMPARE(up->result().id, QStringLiteral("f1"));
        QVERIFY(server.heads.value(0).contains("\r\nHost: studyconnect.test:"));
    }

    void uploadOverTls()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        QTemporaryDir dir;
        const TestCertificate certificate = TestCertificate::create(dir);
        QVERIFY2(certificate.ok, qPrintable(certificate.error));
        ScriptedServer server;
        server.certificate = QSslCertificate::fromPath(certificate.certificatePath).value(0);
        QFile keyFile(certificate.keyPath);
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        server.key = QSslKey(&keyFile, QSsl::Rsa);
        answerAfterBody(server, [](QTcpSocket *socket) {
            socket->write("HTTP/1.1 201 Created\r\nContent-Length: "
                + QByteArray::number(fileJson.size()) + "\r\n\r\n" + fileJson);
        });
        const QString path = file(QStringLiteral("tls.bin"), 2 * 1024 * 1024);

        // Not trusted yet: the handshake fails and nothing, the token least, is sent.
        FileUpload *untrusted = upload(server, path, "https");
        QVERIFY(waitFinished(untrusted));
        QCOMPARE(untrusted->error().kind, RestError::Kind::Network);
        QVERIFY(server.heads.isEmpty());

        const QSslConfiguration before = QSslConfiguration::defaultConfiguration();
        QSslConfiguration trusting = before;
        trusting.addCaCertificate(server.certificate);
        QSslConfiguration::setDefaultConfiguration(trusting);
        FileUpload *up = upload(server, path, "https");
        QVERIFY(waitFinished(up));
        QSslConfiguration::setDefaultConfiguration(before);
        QVERIFY2(up->error().ok(), qPrintable(up->error().message));
        QCOMPARE(up->result().id, QStringLiteral("f1"));
        QCOMPARE(server.heads.size(), 1);
        QVERIFY(server.heads.constFirst().contains("Authorization: Bearer the-token"));
        QCOMPARE(up->bytesSent(), 2 * 1024 * 1024);
    }
};

QTEST_GUILESS_MAIN(TestHttpUpload)
#include "tst_httpupload.moc"
