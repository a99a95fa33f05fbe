#include "clioptions.h"

namespace {

struct ActionOption
{
    const char *name;
    CliMessageAction::Kind kind;
    /// The value after the id: TEXT, EMOJI, or none.
    const char *second;
};

constexpr ActionOption kActionOptions[] = {
    { "--reply", CliMessageAction::Reply, "TEXT" },
    { "--thread", CliMessageAction::Thread, "TEXT" },
    { "--edit", CliMessageAction::Edit, "TEXT" },
    { "--delete", CliMessageAction::Delete, nullptr },
    { "--react", CliMessageAction::React, "EMOJI" },
    { "--unreact", CliMessageAction::Unreact, "EMOJI" },
    { "--resolve", CliMessageAction::Resolve, nullptr },
    { "--reopen", CliMessageAction::Reopen, nullptr },
    { "--pin", CliMessageAction::Pin, nullptr },
    { "--unpin", CliMessageAction::Unpin, nullptr },
};

const ActionOption *actionOption(const QString &argument)
{
    for (const ActionOption &option : kActionOptions) {
        if (argument == QLatin1String(option.name))
            return &option;
    }
    return nullptr;
}

} // namespace

QString CliMessageAction::describe() const
{
    for (const ActionOption &option : kActionOptions) {
        if (option.kind == kind)
            return QStringLiteral("%1 %2").arg(QLatin1String(option.name)).arg(messageId);
    }
    return {};
}

QString CliMessageAction::feature() const
{
    switch (kind) {
    case Reply:
        return QStringLiteral("replies");
    case Thread:
    case Resolve:
    case Reopen:
        return QStringLiteral("threads");
    case Edit:
        return QStringLiteral("edit");
    case Delete:
        return QStringLiteral("delete");
    case React:
    case Unreact:
        return QStringLiteral("reactions");
    case Pin:
    case Unpin:
        return QStringLiteral("pins");
    }
    return {};
}

bool CliMessageAction::roomOnly() const
{
    return kind == Thread || kind == Resolve || kind == Reopen || kind == Pin || kind == Unpin;
}

QString CliOptions::usage()
{
    return QStringLiteral(
        "Usage: studyconnect-cli --server URL (--token TOKEN | env STUDYCONNECT_TOKEN | --email "
        "EMAIL --password-stdin)\n"
        "                        [--join ROOM]... [--send ROOM TEXT]... [--dm USER_ID TEXT]...\n"
        "                        [--attach ROOM FILE [TEXT]]... [--attach-dm USER_ID FILE "
        "[TEXT]]...\n"
        "                        [--wait-for EVENT[:COUNT]] [--timeout SECONDS] [--quiet]\n"
        "                        [--transport auto|websocket|polling] [--proxy URL|none]\n"
        "                        [--profile DIR [--search QUERY]]\n"
        "                        [(--room ROOM | --user USER_ID) [--reply ID TEXT]...\n"
        "                         [--thread ID TEXT]... [--edit ID TEXT]... [--delete ID]...\n"
        "                         [--react ID EMOJI]... [--unreact ID EMOJI]... [--resolve ID]...\n"
        "                         [--reopen ID]... [--pin ID]... [--unpin ID]...]\n"
        "       studyconnect-cli --profile DIR --search QUERY\n"
        "       studyconnect-cli --server URL (--token TOKEN | ...) --download FILE_ID PATH\n"
        "\n"
        "Connects to a StudyConnect server, joins rooms, sends messages (queued until connected,\n"
        "never dropped) and prints one JSON object per line for every event received.\n"
        "\n"
        "  --server URL           the server, e.g. http://127.0.0.1:5000\n"
        "  --token TOKEN          a session token (or set STUDYCONNECT_TOKEN)\n"
        "  --email EMAIL          sign in with this account...\n"
        "  --password-stdin       ...reading the password from the first line of standard input\n"
        "  --join ROOM            join a room (repeatable)\n"
        "  --send ROOM TEXT       send a message to a room, joining it (repeatable)\n"
        "  --dm USER_ID TEXT      send a direct message (repeatable)\n"
        "  --attach ROOM FILE [TEXT]\n"
        "                         send FILE to a room, with TEXT when the next argument does\n"
        "                         not start with -- (repeatable). The file is uploaded first,\n"
        "                         then the message goes, through the same queue as --send (with\n"
        "                         --profile an unsent file is uploaded by the next run). A server\n"
        "                         that does not announce \"files\" gets nothing (exit 5); a file\n"
        "                         over its size limit or refused fails with its reason (exit 1)\n"
        "  --attach-dm USER_ID FILE [TEXT]\n"
        "                         the same as a direct message (repeatable)\n"
        "\n"
        "Study conversations: ID is a message id of the conversation named by --room ROOM (a\n"
        "room) or --user USER_ID (the direct conversation with that user), one per run:\n"
        "  --reply ID TEXT        send TEXT as a reply quoting message ID\n"
        "  --thread ID TEXT       send TEXT into the thread of message ID (rooms)\n"
        "  --edit ID TEXT         replace the text of your message ID\n"
        "  --delete ID            delete message ID (yours; in a room any, for tutors)\n"
        "  --react ID EMOJI       add your reaction EMOJI (one emoji) to message ID\n"
        "  --unreact ID EMOJI     remove it\n"
        "  --resolve ID           mark the thread of message ID resolved (--reopen: open again)\n"
        "  --pin ID               pin message ID in the room (tutors; --unpin: unpin)\n"
        "  Texts may mention people as <@USER_ID>. Each waits for the server's answer; a\n"
        "  refusal prints the server's reason (exit 1). A server without the feature (a seed\n"
        "  backend, an older server) gets nothing and the exit code is 5.\n"
        "\n"
        "  --wait-for EVENT[:N]   exit 0 after N events of that name (default 1); the count is "
        "the\n"
        "                         number after the last colon: message:received:3\n"
        "  --timeout SECONDS      give up after this long (default 30)\n"
        "  --quiet                print no event lines and no diagnostics\n"
        "  --transport MODE       auto (default: WebSocket, else HTTP long-polling), websocket or\n"
        "                         polling\n"
        "  --proxy URL|none       http://[user@]host[:port] (HTTP CONNECT) or\n"
        "                         socks5://[user@]host[:port], with the password in\n"
        "                         STUDYCONNECT_PROXY_PASSWORD; none connects directly. Default:\n"
        "                         the system configuration (http_proxy, https_proxy, no_proxy)\n"
        "  --profile DIR          keep an offline store in DIR (one file per server and user):\n"
        "                         conversations, messages and the outbox. A send is on disk\n"
        "                         before it goes out; one left unsent (the server unreachable,\n"
        "                         the process killed) is sent by the next run with this profile\n"
        "                         and the same account, which waits until it is confirmed.\n"
        "                         The store is the signed-in user's: with --email the sends\n"
        "                         are queued (and kept) once the sign-in succeeded\n"
        "  --search QUERY         with --profile: print the stored messages matching the words\n"
        "                         of QUERY (prefixes, any case and accents), best first, one JSON\n"
        "                         line each: {\"conversation\",\"id\",\"sender\",\"senderName\",\n"
        "                         \"createdAt\",\"text\"}. With --server, it connects first and\n"
        "                         stores the newest page of every conversation (plus what was\n"
        "                         missed since the last run), then searches; without --server it\n"
        "                         searches the profile's store offline (the only one in DIR)\n"
        "  --download FILE_ID PATH\n"
        "                         save the file FILE_ID (an attachment's \"id\") as PATH and "
        "exit,\n"
        "                         printing {\"event\":\"download\",\"fileId\",\"path\",\"size\",\n"
        "                         \"mimeType\",\"resumedFrom\"}. It is written to PATH.part first "
        "and\n"
        "                         renamed when complete; a PATH.part left by an interrupted run\n"
        "                         is resumed. --timeout is the longest wait for data. Runs alone:\n"
        "                         not with --join, --send, --dm, --wait-for, --search or changes\n"
        "  --help, --version\n"
        "\n"
        "Without --wait-for it exits 0 once its sends are confirmed (with no sends: once "
        "connected\n"
        "and joined; with --profile also once every message left from an earlier run is\n"
        "confirmed). Messages still unsent at exit are reported on standard error.\n"
        "Received messages (message:received, dm:received) also carry \"message\": the message\n"
        "as the client reads it, {\"id\",\"roomId\"|\"recipientId\",\"senderId\",\"text\",\n"
        "\"createdAt\"} plus, when they apply, \"clientId\", \"replyTo\" "
        "{\"id\",\"senderId\",\"text\",\n"
        "\"deleted\"}, \"threadId\", \"thread\" {\"replyCount\",\"resolved\"}, \"editedAt\",\n"
        "\"deleted\", \"reactions\" [{\"emoji\",\"userIds\"}], \"mentions\" [user ids] and\n"
        "\"attachments\" [{\"id\",\"name\",\"size\",\"mimeType\"} plus \"width\",\"height\" for "
        "images].\n"
        "Exit codes: 0 done (--search: matches found), 1 timeout, a refused send or change, a\n"
        "--download that failed or --search without matches, 2 usage error, 3 authentication\n"
        "failed, 4 server unreachable\n"
        "before the timeout, 5 not supported by this server, 6 the offline store cannot be "
        "used.\n");
}

std::variant<CliOptions, QString> CliOptions::parse(
    const QStringList &arguments, const QProcessEnvironment &environment)
{
    CliOptions options;
    QString serverText;
    QString waitFor;
    bool timeoutGiven = false;
    QString timeoutText;
    QString transportText;
    QString proxyText;

    // Skips argv[0].
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        QString argument = arguments.at(i);
        QString inlineValue;
        bool hasInlineValue = false;
        if (argument.startsWith(QLatin1String("--")) && argument.contains(u'=')) {
            const qsizetype equals = argument.indexOf(u'=');
            inlineValue = argument.mid(equals + 1);
            argument.truncate(equals);
            hasInlineValue = true;
        }
        auto value = [&](QString *out) -> bool {
            if (hasInlineValue) {
                *out = inlineValue;
                return true;
            }
            if (i + 1 >= arguments.size())
                return false;
            *out = arguments.at(++i);
            return true;
        };
        auto missing = [&argument](const QString &what) {
            return QStringLiteral("%1 needs %2").arg(argument, what);
        };

        if (argument == QLatin1String("--help") || argument == QLatin1String("-h")) {
            options.help = true;
        } else if (argument == QLatin1String("--version")) {
            options.version = true;
        } else if (argument == QLatin1String("--server")) {
            if (!value(&serverText))
                return missing(QStringLiteral("a URL"));
        } else if (argument == QLatin1String("--token")) {
            if (!value(&options.token) || options.token.isEmpty())
                return missing(QStringLiteral("a token"));
        } else if (argument == QLatin1String("--email")) {
            if (!value(&options.email) || options.email.trimmed().isEmpty())
                return missing(QStringLiteral("an email address"));
        } else if (argument == QLatin1String("--password-stdin")) {
            if (hasInlineValue)
                return QStringLiteral("--password-stdin takes no value");
            options.passwordFromStdin = true;
        } else if (argument == QLatin1String("--join")) {
            QString room;
            if (!value(&room) || room.trimmed().isEmpty())
                return missing(QStringLiteral("a room id"));
            options.joins.append(room.trimmed());
        } else if (argument == QLatin1String("--send") || argument == QLatin1String("--dm")) {
            if (hasInlineValue || i + 2 >= arguments.size())
                return missing(argument == QLatin1String("--send")
                        ? QStringLiteral("ROOM TEXT")
                        : QStringLiteral("USER_ID TEXT"));
            const QString target = arguments.at(++i).trimmed();
            const QString text = arguments.at(++i);
            if (target.isEmpty() || text.trimmed().isEmpty())
                return QStringLiteral("%1 needs a non-empty id and a non-blank text").arg(argument);
            (argument == QLatin1String("--send") ? options.sends : options.directMessages)
                .append({ target, text });
        } else if (argument == QLatin1String("--attach")
            || argument == QLatin1String("--attach-dm")) {
            const bool direct = argument == QLatin1String("--attach-dm");
            if (hasInlineValue || i + 2 >= arguments.size())
                return missing(direct ? QStringLiteral("USER_ID FILE [TEXT]")
                                      : QStringLiteral("ROOM FILE [TEXT]"));
            CliAttachment attachment;
            attachment.direct = direct;
            attachment.target = arguments.at(++i).trimmed();
            attachment.file = arguments.at(++i);
            // The text is optional: the next argument, unless it is the next option.
            if (i + 1 < arguments.size() && !arguments.at(i + 1).startsWith(QLatin1String("--")))
                attachment.text = arguments.at(++i);
            if (attachment.target.isEmpty() || attachment.file.isEmpty())
                return QStringLiteral("%1 needs a non-empty id and a file").arg(argument);
            options.attachments.append(attachment);
        } else if (const ActionOption *action = actionOption(argument)) {
            const int values = action->second ? 2 : 1;
            if (hasInlineValue || i + values >= arguments.size())
                return missing(action->second
                        ? QStringLiteral("ID %1").arg(QLatin1String(action->second))
                        : QStringLiteral("ID"));
            CliMessageAction parsed;
            parsed.kind = action->kind;
            bool numeric = false;
            const QString idText = arguments.at(++i).trimmed();
            parsed.messageId = idText.toLongLong(&numeric);
            if (!numeric || parsed.messageId <= 0 || idText.startsWith(u'+'))
                return QStringLiteral("%1 needs a message id (a positive number), not \"%2\"")
                    .arg(argument, idText);
            if (action->second) {
                parsed.text = arguments.at(++i);
                if (parsed.text.trimmed().isEmpty())
                    return QStringLiteral("%1 needs a non-blank %2")
                        .arg(argument, QLatin1String(action->second));
            }
            options.messageActions.append(parsed);
        } else if (argument == QLatin1String("--room") || argument == QLatin1String("--user")) {
            QString id;
            if (!value(&id) || id.trimmed().isEmpty())
                return missing(argument == QLatin1String("--room") ? QStringLiteral("a room id")
                                                                   : QStringLiteral("a user id"));
            QString &target =
                argument == QLatin1String("--room") ? options.actionRoom : options.actionUser;
            if (!target.isEmpty())
                return QStringLiteral("%1 is given once: one conversation per run").arg(argument);
            target = id.trimmed();
        } else if (argument == QLatin1String("--wait-for")) {
            if (!value(&waitFor) || waitFor.isEmpty())
                return missing(QStringLiteral("an event name"));
        } else if (argument == QLatin1String("--timeout")) {
            if (!value(&timeoutText))
                return missing(QStringLiteral("a number of seconds"));
            timeoutGiven = true;
        } else if (argument == QLatin1String("--transport")) {
            if (!value(&transportText))
                return missing(QStringLiteral("auto, websocket or polling"));
        } else if (argument == QLatin1String("--proxy")) {
            if (!value(&proxyText) || proxyText.isEmpty())
                return missing(QStringLiteral("a URL or none"));
        } else if (argument == QLatin1String("--profile")) {
            if (!value(&options.profile) || options.profile.isEmpty())
                return missing(QStringLiteral("a folder"));
        } else if (argument == QLatin1String("--search")) {
            if (!value(&options.search) || options.search.trimmed().isEmpty())
                return missing(QStringLiteral("a query"));
        } else if (argument == QLatin1String("--download")) {
            if (hasInlineValue || i + 2 >= arguments.size())
                return missing(QStringLiteral("FILE_ID PATH"));
            if (!options.downloadFileId.isEmpty())
                return QStringLiteral("--download is given once: one file per run");
            options.downloadFileId = arguments.at(++i).trimmed();
            options.downloadPath = arguments.at(++i);
            if (options.downloadFileId.isEmpty() || options.downloadPath.isEmpty())
                return QStringLiteral("--download needs a file id and a path");
        } else if (argument == QLatin1String("--quiet") || argument == QLatin1String("-q")) {
            options.quiet = true;
        } else {
            return QStringLiteral("unknown argument: %1").arg(arguments.at(i));
        }
    }
    if (options.help || options.version)
        return options;

    if (!options.downloadFileId.isEmpty()
        && (!options.joins.isEmpty() || !options.sends.isEmpty()
            || !options.directMessages.isEmpty() || !waitFor.isEmpty()
            || !options.messageActions.isEmpty() || !options.search.isEmpty()
            || !options.attachments.isEmpty()))
        return QStringLiteral("--download runs alone: not with --join, --send, --dm, --attach, "
                              "--attach-dm, --wait-for, --search or the message changes");

    if (!options.search.isEmpty() && options.profile.isEmpty())
        return QStringLiteral("--search needs --profile (it searches the offline store)");
    if (serverText.isEmpty() && !options.search.isEmpty()) {
        // Offline search: nothing to connect to, so nothing else to do.
        if (!options.joins.isEmpty() || !options.sends.isEmpty()
            || !options.directMessages.isEmpty() || !waitFor.isEmpty()
            || !options.messageActions.isEmpty() || !options.attachments.isEmpty())
            return QStringLiteral("--join, --send, --dm, --attach, --attach-dm, --wait-for and "
                                  "the message changes need --server");
        return options;
    }
    if (serverText.isEmpty())
        return QStringLiteral("--server is required");
    if (!options.actionRoom.isEmpty() && !options.actionUser.isEmpty())
        return QStringLiteral("use either --room or --user, not both: one conversation per run");
    const bool conversationNamed = !options.actionRoom.isEmpty() || !options.actionUser.isEmpty();
    if (!options.messageActions.isEmpty() && !conversationNamed)
        return QStringLiteral("%1 needs --room ROOM or --user USER_ID: the conversation of the "
                              "message")
            .arg(options.messageActions.constFirst().describe().section(u' ', 0, 0));
    if (options.messageActions.isEmpty() && conversationNamed)
        return QStringLiteral("--room and --user name the conversation of --reply, --thread, "
                              "--edit, --delete, --react, --unreact, --resolve, --reopen, --pin "
                              "or --unpin; there is none");
    for (const CliMessageAction &action : std::as_const(options.messageActions)) {
        if (action.roomOnly() && !options.actionUser.isEmpty())
            return QStringLiteral("%1 needs --room: direct conversations have no threads or pins")
                .arg(action.describe().section(u' ', 0, 0));
    }
    options.server = QUrl(serverText, QUrl::StrictMode);
    const QString scheme = options.server.scheme();
    if (!options.server.isValid() || options.server.host().isEmpty()
        || !(scheme == QLatin1String("http") || scheme == QLatin1String("https")
            || scheme == QLatin1String("ws") || scheme == QLatin1String("wss")))
        return QStringLiteral("--server must be an http(s) or ws(s) URL with a host, not \"%1\"")
            .arg(serverText);

    if (!options.email.isEmpty() && !options.passwordFromStdin)
        return QStringLiteral(
            "--email needs --password-stdin (passwords are never taken as arguments)");
    if (options.passwordFromStdin && options.email.isEmpty())
        return QStringLiteral("--password-stdin needs --email");
    if (!options.email.isEmpty() && !options.token.isEmpty())
        return QStringLiteral("use either --token or --email, not both");
    if (options.email.isEmpty() && options.token.isEmpty())
        options.token = environment.value(QStringLiteral("STUDYCONNECT_TOKEN"));
    if (options.email.isEmpty() && options.token.isEmpty())
        return QStringLiteral("no credentials: give --token, set STUDYCONNECT_TOKEN, or use "
                              "--email with --password-stdin");

    if (!waitFor.isEmpty()) {
        // Event names contain colons: the count is whatever follows the last one, when numeric.
        const qsizetype colon = waitFor.lastIndexOf(u':');
        bool numeric = false;
        const int count = colon > 0 ? waitFor.mid(colon + 1).toInt(&numeric) : 0;
        if (numeric) {
            if (count < 1)
                return QStringLiteral("--wait-for count must be at least 1");
            options.waitForEvent = waitFor.left(colon);
            options.waitForCount = count;
        } else {
            options.waitForEvent = waitFor;
            options.waitForCount = 1;
        }
        if (options.waitForEvent.isEmpty())
            return QStringLiteral("--wait-for needs an event name");
    }
    if (!transportText.isEmpty()) {
        if (transportText == QLatin1String("auto"))
            options.transport = SocketIo::TransportPolicy::Auto;
        else if (transportText == QLatin1String("websocket"))
            options.transport = SocketIo::TransportPolicy::WebSocketOnly;
        else if (transportText == QLatin1String("polling"))
            options.transport = SocketIo::TransportPolicy::PollingOnly;
        else
            return QStringLiteral("--transport must be auto, websocket or polling");
    }
    if (proxyText == QLatin1String("none")) {
        options.proxy.mode = ProxyConfig::Mode::None;
    } else if (!proxyText.isEmpty()) {
        const QUrl url(proxyText, QUrl::StrictMode);
        // Never repeat the argument in the message: it may hold a password after all.
        if (!url.password().isEmpty())
            return QStringLiteral("--proxy takes no password (visible to every user of this "
                                  "computer); set STUDYCONNECT_PROXY_PASSWORD instead");
        const auto proxy = ProxyConfig::fromUrl(url);
        if (!proxy)
            return QStringLiteral(
                "--proxy must be http://host[:port], socks5://host[:port] or none");
        options.proxy = *proxy;
    }
    if (timeoutGiven) {
        bool ok = false;
        const double seconds = timeoutText.toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 86400)
            return QStringLiteral("--timeout must be a number of seconds between 0 and 86400");
        options.timeoutMs = std::max(1, int(seconds * 1000));
    }
    return options;
}
