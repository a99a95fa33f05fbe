#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QLocalServer;
class QLocalSocket;

/// One running app per user and profile. The first start listens on a local socket in the
/// user's runtime folder ($XDG_RUNTIME_DIR, private to the user); a later start hands what it
/// was asked to do (--server, a studyconnect:// sign-in link) to the running one, which brings
/// its window to the front, and exits.
///
/// The socket's name carries a hash of the configuration folder, so that two profiles
/// (XDG_CONFIG_HOME) are two apps, as their settings and stores are separate. A socket file
/// left by a crashed app refuses connections: it is removed and the new start goes on as the
/// first. The request carries a sign-in token, which is why the socket is only the user's.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        /// The --server URL, normalized; empty when not given.
        QString server;
        /// A studyconnect://signin link; empty when not given.
        QString link;
    };

    enum class Outcome
    {
        /// No app was running: this one now listens for later starts.
        First,
        /// The running app took the request: this process can exit.
        HandedOver,
        /// An app holds the socket but did not answer in time (hung): starting a second one
        /// would have two apps writing one store.
        NoAnswer,
    };

    /// The running app's answer to a hand-over: a note for the second start to print, or
    /// empty.
    using Handler = std::function<QString(const Request &request)>;

    explicit SingleInstance(
        QObject *parent = nullptr, const QString &socketPath = defaultSocketPath());
    ~SingleInstance() override;

    /// <runtime folder>/studyconnect-<hash of the configuration folder>.socket
    static QString defaultSocketPath();
    QString socketPath() const { return m_socketPath; }

    /// Hands `request` to a running app, or becomes the first. Blocks for at most a few
    /// seconds (before the event loop runs).
    Outcome start(const Request &request);
    /// What the running app answered to start(); empty when nothing.
    QString note() const { return m_note; }

    /// How this app, the first, answers later starts (called on the event loop).
    void setHandler(Handler handler) { m_handler = std::move(handler); }

private:
    enum class Attempt
    {
        NobodyListens,
        Answered,
        Silent
    };
    Attempt handOver(const Request &request);
    bool listen();
    void serve(QLocalSocket *socket);

    QString m_socketPath;
    QString m_note;
    Handler m_handler;
    QLocalServer *m_server = nullptr;
};
