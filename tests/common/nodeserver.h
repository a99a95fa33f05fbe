#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

/// A real Node.js server run as a child process for a test: the reference backend
/// (server/src/index.js) or a fixture script. It listens on a free loopback port passed in PORT,
/// and the test can kill, freeze (SIGSTOP), thaw (SIGCONT) and restart it on the same port.
class NodeServer
{
public:
    /// `script` is relative to the source tree (e.g. "server/src/index.js"). NODE_PATH points at
    /// server/node_modules so fixtures can require socket.io.
    explicit NodeServer(const QString &script, const QStringList &arguments = {});
    ~NodeServer();

    NodeServer(const NodeServer &) = delete;
    NodeServer &operator=(const NodeServer &) = delete;

    void setEnvironmentValue(const QString &name, const QString &value);

    /// Starts the server (on a new free port the first time, the same port afterwards) and waits
    /// until it accepts TCP connections. False with errorString() when it exits or times out.
    bool start(int timeoutMs = 15000);
    /// SIGKILL, and waits for the process to be gone.
    void kill();
    /// SIGTERM, and waits up to 5 s.
    void terminate();
    void freeze();
    void thaw();
    bool isRunning() const;

    int port() const { return m_port; }
    QUrl httpUrl() const;
    QString errorString() const { return m_error; }
    /// Everything the server printed so far (stdout and stderr).
    QString output();

    static int freePort();
    static QString sourceDir();

private:
    QString m_script;
    QStringList m_arguments;
    QProcessEnvironment m_environment;
    QProcess m_process;
    QByteArray m_output;
    int m_port = 0;
    QString m_error;
};
