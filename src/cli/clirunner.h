#pragma once

#include "chat/conversationkey.h"
#include "clioptions.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

class MessageStore;
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
        /// The server does not announce a feature asked for (--edit against a seed backend...).
        NotSupported = 5,
        StoreUnavailable = 6,
    };

    /// `out` gets the JSON lines, `err` the diagnostics; `password` is used with --email.
    CliRunner(CliOptions options, QTextStream *out, QTextStream *err, QObject *parent = nullptr);
    ~CliRunner() override;

    void start(const QString &password = {});

    /// The whole program: parses `arguments`, runs the event loop, returns the exit code.
    static int run(const QStringList &arguments);
    /// --search without --server: the store in --profile, searched offline.
    static int searchOffline(const CliOptions &options, QTextStream &out, QTextStream &err);
    /// Prints the hits of `query` in `store` as JSON lines; returns how many there were.
    static int printSearch(MessageStore *store, const QString &query, QTextStream &out);
    /// Routes all of the process's connections through --proxy, directly (--proxy none), or as
    /// the system configuration says.
    static void applyProxy(const CliOptions &options, const QProcessEnvironment &environment);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void signIn();
    /// Joins and sends what the arguments ask for (with --profile once signed in, so that the
    /// sends are kept in that user's store).
    void queueWork();
    /// --reply, --edit, ...: queued once the server's features are known (each needs one).
    void queueMessageActions();
    /// --attach, --attach-dm: queued once the server's features are known ("files") and its
    /// size limit with them (clirunnerfiles.cpp).
    void queueAttachments();
    /// --search online: the newest page of every conversation into the store, then search.
    void startSearch();
    void finishSearch();
    void onConnected();
    void onEvent(const QString &event, const QVariantMap &line);
    void checkDone();
    /// The work is done: exit, or with --search go on to the search.
    void done();
    void finish(int code, const QString &why = {});
    void print(const QVariantMap &line);

public:
    /// A received message as the client reads it (Payload::Message and its details), for the
    /// "message" field of message:received / dm:received lines; empty when it is unreadable.
    static QVariantMap messageFields(const QVariant &data);

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
    bool m_workQueued = false;
    bool m_storeWarned = false;
    bool m_searchStarted = false;
    int m_pagesWaiting = 0;
    QMetaObject::Connection m_syncWait;
    QSet<ConversationKey> m_caughtUp;
    QSet<ConversationKey> m_catchUpsWaiting;
    int m_waitCount = 0;
    QSet<QString> m_unconfirmedSends;
    bool m_actionsQueued = false;
    bool m_attachmentsQueued = false;
    QMetaObject::Connection m_filesWait;
    QMetaObject::Connection m_featuresWait;
    QMetaObject::Connection m_syncedWait;
    /// Rooms joined on this connection (the server confirmed).
    QSet<QString> m_roomsJoined;
    /// clientId → "--edit 812", for the messages about them.
    QHash<QString, QString> m_actionNames;
    QSet<QString> m_unconfirmedJoins;
};
