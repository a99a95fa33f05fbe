#include "clirunner.h"

#include "auth/session.h"
#include "chat/conversationmanager.h"
#include "chat/socketservice.h"
#include "clidownload.h"
#include "logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>

CliRunner::CliRunner(CliOptions options, QTextStream *out, QTextStream *err, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_out(out)
    , m_err(err)
    , m_session(new Session(this))
    , m_service(new SocketService(this))
{
    // Tokens given to or obtained by the CLI live in memory only.
    m_session->setKeychainEnabled(false);
    m_service->attachSession(m_session);
    SocketIo::ManagerOptions managerOptions;
    managerOptions.transports = m_options.transport;
    m_service->manager()->setManagerOptions(managerOptions);
    if (!m_options.profile.isEmpty()) {
        ConversationManager *manager = m_service->manager();
        manager->setOfflineStore(true, m_options.profile);
        // Sends still work without it (they just are not kept): say so once, never fail for it.
        connect(manager, &ConversationManager::offlineStoreChanged, this, [this, manager] {
            const QString error = manager->offlineStoreError();
            if (!error.isEmpty() && !m_storeWarned) {
                m_storeWarned = true;
                *m_err << "studyconnect-cli: the offline store cannot be used: " << error << '\n';
                m_err->flush();
            }
        });
    }

    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        if (!m_everConnected)
            finish(Unreachable,
                QStringLiteral("could not reach %1 before the timeout")
                    .arg(m_options.server.toDisplayString()));
        else
            finish(TimedOut, QStringLiteral("timed out"));
    });
    m_loginRetry.setSingleShot(true);
    connect(&m_loginRetry, &QTimer::timeout, this, &CliRunner::signIn);

    connect(m_service, &SocketService::connected, this, &CliRunner::onConnected);
    connect(m_service, &SocketService::disconnected, this, [this](const QString &reason) {
        onEvent(QStringLiteral("disconnect"),
            { { QStringLiteral("event"), QStringLiteral("disconnect") },
                { QStringLiteral("reason"), reason } });
    });
    connect(m_service, &SocketService::connectError, this, [this](const QString &message) {
        onEvent(QStringLiteral("connect_error"),
            { { QStringLiteral("event"), QStringLiteral("connect_error") },
                { QStringLiteral("message"), message } });
    });
    connect(m_service->connection(), &ChatConnection::authenticationFailed, this,
        [this](const QString &reason) { finish(AuthenticationFailed, reason); });
    connect(m_service, &SocketService::eventReceived, this,
        [this](const QString &event, const QVariant &data) {
            QVariantMap line { { QStringLiteral("event"), event },
                { QStringLiteral("data"), data } };
            if (event == QLatin1String("message:received")
                || event == QLatin1String("dm:received")) {
                if (const QVariantMap message = messageFields(data); !message.isEmpty())
                    line.insert(QStringLiteral("message"), message);
            }
            onEvent(event, line);
        });
    // Queued: the confirming echo is still being dispatched and should be printed first.
    connect(
        m_service->manager(), &ConversationManager::messageConfirmed, this,
        [this](const QString &clientId, const QString &) {
            m_unconfirmedSends.remove(clientId);
            checkDone();
        },
        Qt::QueuedConnection);
    connect(m_service->manager(), &ConversationManager::messageFailed, this,
        [this](const QString &clientId, const QString &error) {
            if (m_actionNames.contains(clientId))
                finish(TimedOut,
                    QStringLiteral("the server refused %1: %2")
                        .arg(m_actionNames.value(clientId), error));
            else if (m_unconfirmedSends.contains(clientId))
                finish(TimedOut, QStringLiteral("the server refused a message: %1").arg(error));
            else if (!m_options.profile.isEmpty())
                finish(TimedOut,
                    QStringLiteral("the server refused a message kept from an earlier run: %1")
                        .arg(error));
        });
    connect(m_service->manager(), &ConversationManager::roomJoinConfirmed, this,
        [this](const QString &roomId) {
            m_unconfirmedJoins.remove(roomId);
            m_roomsJoined.insert(roomId);
            if (roomId == m_options.actionRoom)
                queueMessageActions();
            checkDone();
        });
    connect(m_service->manager(), &ConversationManager::roomJoinFailed, this,
        [this](const QString &roomId, const QString &error) {
            finish(TimedOut, QStringLiteral("could not join room %1: %2").arg(roomId, error));
        });
    // --search waits for these: what came since the last run is in the store then.
    connect(m_service->manager(), &ConversationManager::missedMessagesMerged, this,
        [this](const ConversationKey &key) {
            m_caughtUp.insert(key);
            if (m_searchStarted && m_catchUpsWaiting.remove(key) && m_catchUpsWaiting.isEmpty()
                && m_pagesWaiting == 0)
                finishSearch();
        });
    connect(m_session, &Session::signedOut, this, [this](const QString &reason) {
        if (m_finished || reason.isEmpty())
            return;
        if (m_session->lastSignInError() == RestError::Kind::Network && !m_everConnected) {
            // Not reachable yet: keep trying until the timeout says otherwise.
            qCInfo(lcCli) << "sign-in failed, retrying:" << reason;
            m_loginRetry.start(1000);
            return;
        }
        finish(AuthenticationFailed, reason);
    });
}

CliRunner::~CliRunner() = default;

void CliRunner::start(const QString &password)
{
    m_password = password;
    m_timeout.start(m_options.timeoutMs);
    if (m_options.profile.isEmpty()) {
        queueWork();
    } else {
        // Signed in first: the store belongs to the user, and what it kept (unsent messages
        // from an earlier run) is restored before anything new is queued behind it.
        connect(m_session, &Session::signedIn, this, &CliRunner::queueWork);
    }
    signIn();
}

void CliRunner::queueWork()
{
    if (m_workQueued)
        return;
    m_workQueued = true;
    // Messages kept from an earlier run: ConversationManager restored them with their rooms
    // joining (the server refuses a send to a room the socket is not in).
    // Queued now, delivered once connected: joins first, then the messages in order.
    for (const QString &room : std::as_const(m_options.joins)) {
        m_service->joinRoom(room);
        m_unconfirmedJoins.insert(room);
    }
    for (const auto &[room, text] : std::as_const(m_options.sends)) {
        if (!m_service->isJoined(room))
            m_unconfirmedJoins.insert(room);
        m_unconfirmedSends.insert(m_service->sendMessage(room, text));
    }
    for (const auto &[user, text] : std::as_const(m_options.directMessages))
        m_unconfirmedSends.insert(m_service->sendDirectMessage(user, text));
    if (!m_options.attachments.isEmpty()) {
        m_filesWait = connect(m_service->manager(), &ConversationManager::featuresChanged, this,
            &CliRunner::queueAttachments);
        queueAttachments();
    }
    if (!m_options.messageActions.isEmpty()) {
        ConversationManager *manager = m_service->manager();
        // Known after connecting (GET /api/server); a seed backend announces nothing.
        m_featuresWait = connect(
            manager, &ConversationManager::featuresChanged, this, &CliRunner::queueMessageActions);
        m_syncedWait = connect(
            manager, &ConversationManager::syncedChanged, this, &CliRunner::queueMessageActions);
        queueMessageActions();
    }
    checkDone();
}

void CliRunner::queueMessageActions()
{
    ConversationManager *manager = m_service->manager();
    if (m_actionsQueued || m_finished || !manager->featuresKnown())
        return;
    if (!m_options.actionRoom.isEmpty()) {
        // A member room is joined on this connection first, so that the events the changes
        // cause (message:updated, ...) reach this socket and are printed.
        if (!manager->synced())
            return;
        const Conversation *room = manager->find(ConversationKey::room(m_options.actionRoom));
        if (room && room->isMember() && !m_roomsJoined.contains(m_options.actionRoom))
            return;
    }
    QObject::disconnect(m_featuresWait);
    QObject::disconnect(m_syncedWait);
    m_actionsQueued = true;
    // All or nothing: a run that cannot do one of them does none.
    for (const CliMessageAction &action : std::as_const(m_options.messageActions)) {
        if (!manager->hasFeature(action.feature())) {
            finish(NotSupported,
                QStringLiteral("%1: not supported by this server (it does not announce \"%2\")")
                    .arg(action.describe(), action.feature()));
            return;
        }
    }
    const ConversationKey key = m_options.actionRoom.isEmpty()
        ? ConversationKey::directWith(m_options.actionUser)
        : ConversationKey::room(m_options.actionRoom);
    Conversation *target = manager->conversation(key, true);
    for (const CliMessageAction &action : std::as_const(m_options.messageActions)) {
        const qint64 id = action.messageId;
        QString clientId;
        switch (action.kind) {
        case CliMessageAction::Reply:
            clientId = manager->sendMessage(target, action.text, id, 0);
            break;
        case CliMessageAction::Thread:
            clientId = manager->sendMessage(target, action.text, 0, id);
            break;
        case CliMessageAction::Edit:
            clientId = manager->editMessage(target, id, action.text);
            break;
        case CliMessageAction::Delete:
            clientId = manager->deleteMessage(target, id);
            break;
        case CliMessageAction::React:
        case CliMessageAction::Unreact:
            clientId =
                manager->react(target, id, action.text, action.kind == CliMessageAction::React);
            break;
        case CliMessageAction::Resolve:
        case CliMessageAction::Reopen:
            clientId = manager->resolveThread(target, id, action.kind == CliMessageAction::Resolve);
            break;
        case CliMessageAction::Pin:
        case CliMessageAction::Unpin:
            clientId = manager->pinMessage(target, id, action.kind == CliMessageAction::Pin);
            break;
        }
        if (clientId.isEmpty()) {
            finish(NotSupported,
                QStringLiteral("%1: not supported by this server").arg(action.describe()));
            return;
        }
        m_actionNames.insert(clientId, action.describe());
        m_unconfirmedSends.insert(clientId);
    }
    checkDone();
}

void CliRunner::signIn()
{
    if (m_finished)
        return;
    if (!m_options.email.isEmpty()) {
        m_session->signIn(m_options.server, m_options.email, m_password);
        return;
    }
    if (!m_session->useToken(m_options.server, m_options.token))
        finish(AuthenticationFailed, m_session->errorString());
}

void CliRunner::onConnected()
{
    m_everConnected = true;
    onEvent(QStringLiteral("connect"), { { QStringLiteral("event"), QStringLiteral("connect") } });
    checkDone();
}

void CliRunner::onEvent(const QString &event, const QVariantMap &line)
{
    if (m_finished)
        return;
    print(line);
    if (!m_options.waitForEvent.isEmpty() && event == m_options.waitForEvent) {
        ++m_waitCount;
        checkDone();
    }
}

void CliRunner::checkDone()
{
    if (m_finished || m_searchStarted || !m_workQueued)
        return;
    if (!m_options.waitForEvent.isEmpty()) {
        if (m_waitCount >= m_options.waitForCount)
            done();
        return;
    }
    // With a store, messages left from an earlier run are part of the work.
    const bool outboxBusy =
        !m_options.profile.isEmpty() && m_service->manager()->outbox()->pendingCount() > 0;
    if (!m_options.messageActions.isEmpty() && !m_actionsQueued)
        return;
    if (!m_options.attachments.isEmpty() && !m_attachmentsQueued)
        return;
    if (!m_options.sends.isEmpty() || !m_options.directMessages.isEmpty()
        || !m_options.messageActions.isEmpty() || !m_options.attachments.isEmpty()) {
        if (m_unconfirmedSends.isEmpty() && !outboxBusy)
            done();
        return;
    }
    if (m_everConnected && m_service->isConnected() && m_unconfirmedJoins.isEmpty() && !outboxBusy)
        done();
}

void CliRunner::done()
{
    if (m_options.search.isEmpty())
        finish(Done);
    else
        startSearch();
}

void CliRunner::startSearch()
{
    m_searchStarted = true;
    ConversationManager *manager = m_service->manager();
    if (!manager->synced()) {
        // The lists first: they say which conversations there are.
        if (!m_syncWait)
            m_syncWait =
                connect(manager, &ConversationManager::syncedChanged, this, [this, manager] {
                    if (manager->synced())
                        startSearch();
                });
        return;
    }
    QObject::disconnect(m_syncWait);
    std::vector<Conversation *> conversations;
    for (ConversationListModel *list : { manager->rooms(), manager->directConversations() }) {
        for (int row = 0; row < list->rowCount(); ++row) {
            Conversation *each = list->at(row);
            if (each && (each->isDirect() || each->isMember()))
                conversations.push_back(each);
        }
    }
    // Conversations kept from an earlier run are caught up (once the server's features are
    // known); the search waits for that.
    if (manager->hasFeature(QStringLiteral("history"))) {
        for (Conversation *each : conversations) {
            const ConversationKey key = each->conversationKey();
            if (!m_caughtUp.contains(key) && manager->store()->newestId(key) > 0)
                m_catchUpsWaiting.insert(key);
        }
    }
    // The newest page of each (from the store where it is complete, else from the server, which
    // keeps it in the store). One more for this loop: a page read from the store may be done
    // before the next one is asked for.
    m_pagesWaiting = 1;
    for (Conversation *each : conversations) {
        MessageListModel *model = each->messages();
        if (model->rowCount() > 0 || !model->canFetchMore({}))
            continue;
        ++m_pagesWaiting;
        auto pageDone = std::make_shared<bool>(false);
        auto onPage = [this, pageDone] {
            if (*pageDone)
                return;
            *pageDone = true;
            if (--m_pagesWaiting == 0 && m_catchUpsWaiting.isEmpty())
                finishSearch();
        };
        connect(model, &MessageListModel::historyPageLoaded, this, onPage);
        connect(model, &MessageListModel::loadingChanged, this, [model, onPage] {
            if (!model->isLoading())
                onPage();
        });
        model->fetchMore({});
        if (!model->isLoading())
            onPage();
    }
    if (--m_pagesWaiting == 0 && m_catchUpsWaiting.isEmpty())
        finishSearch();
}

void CliRunner::finishSearch()
{
    if (m_finished)
        return;
    ConversationManager *manager = m_service->manager();
    manager->flushStore();
    if (!manager->store()->isOpen()) {
        finish(StoreUnavailable,
            QStringLiteral("the offline store cannot be used: %1")
                .arg(manager->offlineStoreError()));
        return;
    }
    const int hits = printSearch(manager->store(), m_options.search, *m_out);
    finish(hits > 0 ? Done : TimedOut);
}

int CliRunner::printSearch(MessageStore *store, const QString &query, QTextStream &out)
{
    MessageStore::SearchFilter filter;
    filter.limit = 500;
    const auto hits = store->searchNow(query, filter);
    for (const MessageStore::SearchHit &hit : hits) {
        // Key order as documented; QJsonObject would sort them.
        const QJsonArray values { hit.key.toString(), QString::number(hit.id), hit.senderId,
            hit.senderName,
            QDateTime::fromMSecsSinceEpoch(hit.createdAtMs, Qt::UTC).toString(Qt::ISODateWithMs),
            hit.text };
        static const char *const names[] = { "conversation", "id", "sender", "senderName",
            "createdAt", "text" };
        QByteArray line = "{";
        for (qsizetype i = 0; i < values.size(); ++i) {
            const QByteArray value =
                QJsonDocument(QJsonArray { values.at(i) }).toJson(QJsonDocument::Compact);
            line += (i > 0 ? ",\"" : "\"") + QByteArray(names[i])
                + "\":" + value.mid(1, value.size() - 2);
        }
        line += "}\n";
        out << QString::fromUtf8(line);
    }
    out.flush();
    return int(hits.size());
}

int CliRunner::searchOffline(const CliOptions &options, QTextStream &out, QTextStream &err)
{
    // One file per server and user: without --server there must be just one to choose.
    const QStringList files =
        QDir(options.profile).entryList({ QStringLiteral("*.sqlite") }, QDir::Files);
    if (files.size() != 1) {
        err << "studyconnect-cli: "
            << (files.isEmpty() ? QStringLiteral("no offline store in %1").arg(options.profile)
                                : QStringLiteral("%1 offline stores in %2: give --server and "
                                                 "the credentials to choose one")
                                      .arg(files.size())
                                      .arg(options.profile))
            << '\n';
        return StoreUnavailable;
    }
    MessageStore store;
    if (!store.open(QDir(options.profile).filePath(files.constFirst()))) {
        err << "studyconnect-cli: the offline store cannot be used: " << store.errorString()
            << '\n';
        return StoreUnavailable;
    }
    return printSearch(&store, options.search, out) > 0 ? Done : TimedOut;
}

void CliRunner::print(const QVariantMap &line)
{
    if (m_options.quiet)
        return;
    // "event" first, for people reading the stream; QJsonObject would sort the keys.
    auto json = [](const QVariant &value) {
        const QByteArray array = QJsonDocument(QJsonArray { QJsonValue::fromVariant(value) })
                                     .toJson(QJsonDocument::Compact);
        return array.mid(1, array.size() - 2);
    };
    QByteArray text = "{\"event\":" + json(line.value(QStringLiteral("event")));
    for (auto it = line.begin(); it != line.end(); ++it) {
        if (it.key() != QLatin1String("event"))
            text += ',' + json(it.key()) + ':' + json(it.value());
    }
    text += "}\n";
    *m_out << QString::fromUtf8(text);
    m_out->flush();
}

void CliRunner::finish(int code, const QString &why)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    m_loginRetry.stop();
    if (!why.isEmpty() && (!m_options.quiet || code != Done))
        *m_err << "studyconnect-cli: " << why << '\n';
    if (!m_options.attachments.isEmpty() && !m_attachmentsQueued)
        *m_err << "studyconnect-cli: the files of --attach were not sent: the server never said "
                  "whether it takes files\n";
    if (!m_options.profile.isEmpty()) {
        // On disk before the process ends; what is still unsent goes with the next run.
        m_service->manager()->flushStore();
        const QString pending = m_service->manager()->pendingOnQuitText();
        if (!pending.isEmpty())
            *m_err << "studyconnect-cli: " << pending << '\n';
    }
    m_err->flush();
    m_service->disconnect();
    Q_EMIT finished(code);
}

void CliRunner::applyProxy(const CliOptions &options, const QProcessEnvironment &environment)
{
    // The password only from the environment: an argument would show in the process list.
    options.proxy.applyToApplication(options.proxy.user.isEmpty()
            ? QString()
            : environment.value(QStringLiteral("STUDYCONNECT_PROXY_PASSWORD")));
}

int CliRunner::run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto parsed = CliOptions::parse(arguments, QProcessEnvironment::systemEnvironment());
    if (const QString *error = std::get_if<QString>(&parsed)) {
        err << "studyconnect-cli: " << *error << "\n\n" << CliOptions::usage();
        return UsageError;
    }
    const CliOptions &options = std::get<CliOptions>(parsed);
    if (options.help) {
        out << CliOptions::usage();
        return Done;
    }
    if (options.version) {
        out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion()
            << '\n';
        return Done;
    }
    if (options.quiet)
        QLoggingCategory::setFilterRules(
            QStringLiteral("*.debug=false\n*.info=false\n*.warning=false"));
    else
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false"));

    if (options.offline())
        return searchOffline(options, out, err);

    applyProxy(options, QProcessEnvironment::systemEnvironment());

    QString password;
    if (options.passwordFromStdin) {
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly)) {
            err << "studyconnect-cli: cannot read the password from standard input\n";
            return UsageError;
        }
        password = QString::fromUtf8(input.readLine());
        while (password.endsWith(u'\n') || password.endsWith(u'\r'))
            password.chop(1);
        if (password.isEmpty()) {
            err << "studyconnect-cli: --password-stdin: standard input held no password\n";
            return UsageError;
        }
    }

    if (!options.downloadFileId.isEmpty())
        return CliDownload::run(options, password, out, err);

    CliRunner runner(options, &out, &err);
    int exitCode = TimedOut;
    QObject::connect(&runner, &CliRunner::finished, &runner, [&exitCode](int code) {
        exitCode = code;
        QCoreApplication::exit(code);
    });
    // From inside the event loop, so that an immediate failure can end it.
    QTimer::singleShot(0, &runner, [&runner, &password] { runner.start(password); });
    QCoreApplication::exec();
    return exitCode;
}
