#pragma once

#include "api/proxyconfig.h"
#include "socketio/manageroptions.h"

#include <QList>
#include <QPair>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <variant>

/// A change to an existing message (or an answer to one) asked for on the command line:
/// --reply, --thread, --edit, --delete, --react, --unreact, --resolve, --reopen, --pin, --unpin.
/// The conversation is named once per run by --room or --user.
struct CliMessageAction
{
    enum Kind
    {
        Reply,
        Thread,
        Edit,
        Delete,
        React,
        Unreact,
        Resolve,
        Reopen,
        Pin,
        Unpin,
    };
    Kind kind = Reply;
    qint64 messageId = 0;
    /// Reply, Thread, Edit: the text; React, Unreact: the emoji.
    QString text;

    /// "--edit 812", for messages.
    QString describe() const;
    /// The server feature it needs (GET /api/server): "replies", "edit", ...
    QString feature() const;
    /// Only in rooms: threads and pins.
    bool roomOnly() const;
};

/// A file to send, asked for by --attach ROOM FILE [TEXT] or --attach-dm USER_ID FILE [TEXT].
struct CliAttachment
{
    /// The room id, or the user id when `direct`.
    QString target;
    bool direct = false;
    /// The local file, as given.
    QString file;
    /// The text sent with it; may be empty.
    QString text;
};

/// What studyconnect-cli was asked to do, parsed from its arguments. Hand-written parsing:
/// --send and --dm take two values each, which QCommandLineParser cannot express.
struct CliOptions
{
    QUrl server;
    QString token;
    QString email;
    bool passwordFromStdin = false;
    QStringList joins;
    /// (room id, text)
    QList<QPair<QString, QString>> sends;
    /// (user id, text)
    QList<QPair<QString, QString>> directMessages;
    /// --attach, --attach-dm in the order given.
    QList<CliAttachment> attachments;
    /// --reply, --edit, ... in the order given.
    QList<CliMessageAction> messageActions;
    /// --room / --user: the conversation the message ids of messageActions belong to.
    QString actionRoom;
    QString actionUser;
    QString waitForEvent;
    int waitForCount = 0;
    int timeoutMs = 30000;
    SocketIo::TransportPolicy transport = SocketIo::TransportPolicy::Auto;
    /// --proxy: http://[user@]host[:port] or socks5://[user@]host[:port] (the password comes
    /// from STUDYCONNECT_PROXY_PASSWORD), `none` (directly, whatever the environment says);
    /// without it the system configuration (http_proxy, …).
    ProxyConfig proxy;
    /// --profile: keep an offline store (conversations, messages, the outbox) under this folder;
    /// empty: nothing is kept, as before.
    QString profile;
    /// --search: print the stored messages matching these words (needs --profile). Without
    /// --server, the store in --profile is searched without connecting.
    QString search;
    /// --download FILE_ID PATH: saves one file (GET /api/files/:id) to PATH and exits; it runs
    /// alone, without the socket.
    QString downloadFileId;
    QString downloadPath;
    bool quiet = false;
    bool help = false;
    bool version = false;

    static QString usage();
    /// No server to connect to: --search on what --profile kept.
    bool offline() const { return server.isEmpty(); }
    /// The options, or a usage error message. STUDYCONNECT_TOKEN is read from `environment`.
    static std::variant<CliOptions, QString> parse(
        const QStringList &arguments, const QProcessEnvironment &environment);
};
