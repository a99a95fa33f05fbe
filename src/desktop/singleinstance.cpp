#include "singleinstance.h"

#include "logging.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

namespace {
constexpr int kConnectTimeoutMs = 1000;
/// The running app answers from its event loop, which a busy start-up can hold for a while.
constexpr int kAnswerTimeoutMs = 5000;
/// A request is a URL and a link: anything longer is not one of ours.
constexpr qsizetype kMaxRequestBytes = 64 * 1024;
} // namespace

SingleInstance::SingleInstance(QObject *parent, const QString &socketPath)
    : QObject(parent)
    , m_socketPath(socketPath)
{ }

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultSocketPath()
{
    const QString configuration =
        QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    const QByteArray profile = QCryptographicHash::hash(
        QDir(configuration).absolutePath().toUtf8(), QCryptographicHash::Sha256)
                                   .toHex()
                                   .left(12);
    return QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation)
        + QStringLiteral("/studyconnect-") + QString::fromLatin1(profile)
        + QStringLiteral(".socket");
}

SingleInstance::Outcome SingleInstance::start(const Request &request)
{
    switch (handOver(request)) {
    case Attempt::Answered:
        return Outcome::HandedOver;
    case Attempt::Silent:
        return Outcome::NoAnswer;
    case Attempt::NobodyListens:
        break;
    }
    // Two starts in the same instant can both get here; the later listen() wins the socket,
    // and the other app runs on without one. Rare enough not to lock files for.
    if (!listen()) {
        // E.g. the runtime folder cannot be written: the app still runs, only later starts will
        // not find it.
        qCWarning(lcDesktop) << "single instance: cannot listen on" << m_socketPath << ':'
                             << (m_server ? m_server->errorString() : QString());
    }
    return Outcome::First;
}

SingleInstance::Attempt SingleInstance::handOver(const Request &request)
{
    QLocalSocket socket;
    socket.connectToServer(m_socketPath);
    if (!socket.waitForConnected(kConnectTimeoutMs)) {
        // No file, or a file nobody listens on (an app that crashed): we are the first.
        qCDebug(lcDesktop) << "single instance: none running:" << socket.errorString();
        return socket.error() == QLocalSocket::SocketTimeoutError ? Attempt::Silent
                                                                  : Attempt::NobodyListens;
    }
    const QJsonObject message {
        { QStringLiteral("server"), request.server },
        { QStringLiteral("link"), request.link },
    };
    socket.write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
    QByteArray answer;
    QDeadlineTimer deadline(kAnswerTimeoutMs);
    while (!answer.contains('\n') && !deadline.hasExpired()) {
        if (socket.bytesToWrite() > 0)
            socket.waitForBytesWritten(int(deadline.remainingTime()));
        else if (!socket.waitForReadyRead(int(deadline.remainingTime())))
            break;
        answer += socket.readAll();
    }
    if (!answer.contains('\n'))
        return Attempt::Silent;
    m_note = QJsonDocument::fromJson(answer.left(answer.indexOf('\n')))
                 .object()
                 .value(QStringLiteral("note"))
                 .toString();
    return Attempt::Answered;
}

bool SingleInstance::listen()
{
    // Nobody answered on it a moment ago: a crashed app's leftover.
    if (QFileInfo::exists(m_socketPath)) {
        qCInfo(lcDesktop) << "single instance: removing a stale socket" << m_socketPath;
        QLocalServer::removeServer(m_socketPath);
    }
    delete m_server;
    m_server = new QLocalServer(this);
    // Only this user may connect, whatever the folder's permissions.
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_socketPath))
        return false;
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection())
            serve(socket);
    });
    qCInfo(lcDesktop) << "single instance: listening on" << m_socketPath;
    return true;
}

void SingleInstance::serve(QLocalSocket *socket)
{
    connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
        if (!socket->canReadLine()) {
            if (socket->bytesAvailable() > kMaxRequestBytes)
                socket->abort();
            return;
        }
        const QJsonObject message = QJsonDocument::fromJson(socket->readLine()).object();
        const Request request { message.value(QStringLiteral("server")).toString(),
            message.value(QStringLiteral("link")).toString() };
        const QString note = m_handler ? m_handler(request) : QString();
        socket->write(QJsonDocument(QJsonObject { { QStringLiteral("note"), note } })
                          .toJson(QJsonDocument::Compact)
            + '\n');
        socket->disconnectFromServer();
    });
}
