#include "nodeserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <csignal>

NodeServer::NodeServer(const QString &script, const QStringList &arguments)
    : m_script(script)
    , m_arguments(arguments)
    , m_environment(QProcessEnvironment::systemEnvironment())
{
    m_environment.insert(
        QStringLiteral("NODE_PATH"), sourceDir() + QStringLiteral("/server/node_modules"));
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setWorkingDirectory(sourceDir());
}

NodeServer::~NodeServer()
{
    if (isRunning()) {
        thaw();
        kill();
    }
}

void NodeServer::setEnvironmentValue(const QString &name, const QString &value)
{
    m_environment.insert(name, value);
}

QString NodeServer::sourceDir()
{
    return QStringLiteral(STUDYCONNECT_SOURCE_DIR);
}

int NodeServer::freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

bool NodeServer::start(int timeoutMs)
{
    if (m_port == 0)
        m_port = freePort();
    m_environment.insert(QStringLiteral("PORT"), QString::number(m_port));
    m_process.setProcessEnvironment(m_environment);
    m_process.start(
        QStringLiteral("node"), QStringList { QDir(sourceDir()).filePath(m_script) } + m_arguments);
    if (!m_process.waitForStarted(5000)) {
        m_error = QStringLiteral("node did not start: ") + m_process.errorString();
        return false;
    }

    // Listening is the only readiness signal every server shares, so poll the port; a process
    // that exits meanwhile failed (most often: the port was taken, or a module is missing).
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process.state() != QProcess::Running) {
            m_error = QStringLiteral("%1 exited: %2").arg(m_script, output());
            return false;
        }
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, quint16(m_port));
        if (probe.waitForConnected(200))
            return true;
        m_process.waitForReadyRead(50);
        m_output += m_process.readAll();
    }
    m_error = QStringLiteral("%1 did not listen on port %2 within %3 ms: %4")
                  .arg(m_script)
                  .arg(m_port)
                  .arg(timeoutMs)
                  .arg(output());
    return false;
}

void NodeServer::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(m_process.processId()), SIGKILL);
    m_process.waitForFinished(5000);
    m_output += m_process.readAll();
}

void NodeServer::terminate()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000))
        kill();
    m_output += m_process.readAll();
}

void NodeServer::freeze()
{
    ::kill(pid_t(m_process.processId()), SIGSTOP);
}

void NodeServer::thaw()
{
    ::kill(pid_t(m_process.processId()), SIGCONT);
}

bool NodeServer::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

QUrl NodeServer::httpUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

QString NodeServer::output()
{
    m_output += m_process.readAll();
    return QString::fromUtf8(m_output);
}
