#pragma once

#include "clioptions.h"

#include <QObject>
#include <QSet>
#include <QTimer>

class QTextStream;
class Session;
class SocketService;

/// Runs studyconnect-cli: signs in (token or email + password, in memory only: the CLI never
/// touches the keychain), connects through SocketService, joins, sends, prints every event as a
/// JSON line and decides the exit code.
class CliRunner : public QObject
{
    Q_OBJECT

public:
    enum ExitCode
    {
        Done = 0,
        TimedOut = 1,
        UsageError = 2,
        AuthenticationFailed = 3,
        Unreachable = 4,
    };

    /// `out` gets the JSON lines, `err` the diagnostics; `password` is used with --email.
    CliRunner(CliOptions options, QTextStream *out, QTextStream *err, QObject *parent = nullptr);
    ~CliRunner() override;

    void start(const QString &password = {});

    /// The whole program: parses `arguments`, runs the event loop, returns the exit code.
    static int run(const QStringList &arguments);
    /// Routes all of the process's connections through --proxy, directly (--proxy none), or as
    /// the system configuration says.
    static void applyProxy(const CliOptions &options, const QProcessEnvironment &environment);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void signIn();
    void onConnected();
    void onEvent(const QString &event, const QVariantMap &line);
    void checkDone();
    void finish(int code, const QString &why = {});
    void print(const QVariantMap &line);

    CliOptions m_options;
    QTextStream *m_out;
    QTextStream *m_err;
    QString m_password;
    Session *m_session;
    SocketService *m_service;
    QTimer m_timeout;
    QTimer m_loginRetry;
    bool m_everConnected = false;
    bool m_finished = false;
    int m_waitCount = 0;
    QSet<QString> m_unconfirmedSends;
    QSet<QString> m_unconfirmedJoins;
};
