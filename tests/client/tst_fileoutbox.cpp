// Files through the whole client against the real reference backend: a Conversation attaches a
// file, the outbox uploads it and sends the message, the other member receives it with its
// attachment; cancelling aborts; the server's refusal fails the message with its sentence; a
// message with a file queued offline survives destroying everything and is uploaded and sent
// once after a restart from the same store; the CLI's --attach round trip, and a seed backend
// where files are hidden. Demo users: ada 1, alan 2; both are members of rooms 1 and 4.
#include "api/restclient.h"
#include "chat/attachmentfiles.h"
#include "chat/conversationmanager.h"
#include "clienttestsupport.h"
#include "conversationwaits.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using ConversationWaits::loaded;
using ConversationWaits::ready;

using namespace std::chrono_literals;

namespace {

using Manager = std::unique_ptr<ConversationManager>;

/// A 1×1 PNG: the server sniffs its type and size from these bytes.
const QByteArray kPng = QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUl"
                                               "EQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

int rowOfText(const MessageListModel *model, const QString &text)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row).data(MessageListModel::SourceTextRole).toString() == text)
            return row;
    }
    return -1;
}

QVariantList attachmentsAt(const MessageListModel *model, int row)
{
    return row < 0 ? QVariantList()
                   : model->index(row).data(MessageListModel::AttachmentsRole).toList();
}

} // namespace

class TestFileOutbox : public QObject
{
    Q_OBJECT

    ReferenceServer m_server;
    QTemporaryDir m_files;
    QTemporaryDir m_stores;

    Manager client(const QString &userId, const QString &storeDir = {})
    {
        auto manager = std::make_unique<ConversationManager>(nullptr);
        SocketIo::ManagerOptions options;
        options.reconnectionDelay = 100ms;
        options.reconnectionDelayMax = 400ms;
        manager->setManagerOptions(options);
        if (!storeDir.isEmpty())
            manager->setOfflineStore(true, storeDir);
        manager->connectWithToken(m_server.url(), signToken(userId, 3600));
        return manager;
    }

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_files.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

    /// The server's messages of a room, newest first (GET /api/rooms/:id/messages as Ada).
    QJsonArray roomHistory(const QString &roomId)
    {
        QNetworkAccessManager network;
        QUrl url = m_server.url();
        url.setPath(QStringLiteral("/api/rooms/%1/messages").arg(roomId));
        url.setQuery(QStringLiteral("limit=100"));
        QNetworkRequest request(url);
        request.setRawHeader(
            "Authorization", "Bearer " + signToken(QStringLiteral("1"), 600).toLatin1());
        QNetworkReply *reply = network.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll()).array();
    }

    /// The server's copies of the message with this text.
    QList<QJsonObject> stored(const QString &roomId, const QString &text)
    {
        QList<QJsonObject> found;
        for (const QJsonValue &message : roomHistory(roomId)) {
            if (message[QStringLiteral("text")].toString() == text)
                found.append(message.toObject());
        }
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        useScratchSettings();
        QVERIFY2(m_server.start(), qPrintable(m_server.node().errorString()));
    }

    void sendsAFileTheOtherMemberReceives()
    {
        Manager ada = client(QStringLiteral("1"));
        Manager alan = client(QStringLiteral("2"));
        QVERIFY(ready(*ada) && ready(*alan));
        QCOMPARE(ada->maxFileBytes(), qint64(25 * 1024 * 1024));
        QCOMPARE(ada->maxAttachments(), 10);
        Conversation *adaRoom = loaded(*ada, QStringLiteral("4"));
        Conversation *alanRoom = loaded(*alan, QStringLiteral("4"));
        QVERIFY(adaRoom && alanRoom);
        QVERIFY(adaRoom->canAttach());

        const QString path = writeFile(QStringLiteral("board.png"), kPng);
        QSignalSpy draft(adaRoom, &Conversation::draftAttachmentsChanged);
        QCOMPARE(adaRoom->addAttachment(QUrl::fromLocalFile(path)), QString());
        QCOMPARE(draft.size(), 1);
        const QVariantMap drafted = adaRoom->draftAttachments().isEmpty()
            ? QVariantMap()
            : adaRoom->draftAttachmentList().at(0).toMap();
        QCOMPARE(drafted.value(QStringLiteral("name")).toString(), QStringLiteral("board.png"));
        QCOMPARE(drafted.value(QStringLiteral("isImage")).toBool(), true);
        QCOMPARE(drafted.value(QStringLiteral("size")).toLongLong(), qint64(kPng.size()));
        // The same file twice would be one attachment on the server.
        QVERIFY(!adaRoom->addAttachment(QUrl::fromLocalFile(path)).isEmpty());

        QSignalSpy confirmed(ada.get(), &ConversationManager::messageConfirmed);
        const QString caption = QStringLiteral("the board, %1").arg(QUuid::createUuid().toString());
        QVERIFY(adaRoom->send(caption));
        QVERIFY(adaRoom->draftAttachments().isEmpty());
        // Shown at once from this computer, until the server's copy replaces it.
        const int pendingRow = rowOfText(adaRoom->messages(), caption);
        QVERIFY(pendingRow >= 0);
        QCOMPARE(attachmentsAt(adaRoom->messages(), pendingRow)
                     .value(0)
                     .toMap()
                     .value(QStringLiteral("localPath"))
                     .toString(),
            QFileInfo(path).absoluteFilePath());
        QTRY_COMPARE_WITH_TIMEOUT(confirmed.size(), 1, 10000);

        // Alan gets it with the file as the server stored it.
        QTRY_VERIFY_WITH_TIMEOUT(rowOfText(alanRoom->messages(), caption) >= 0, 10000);
        const QVariantMap received =
            attachmentsAt(alanRoom->messages(), rowOfText(alanRoom->messages(), caption))
                .value(0)
                .toMap();
        QVERIFY(!received.value(QStringLiteral("id")).toString().isEmpty());
        QCOMPARE(received.value(QStringLiteral("name")).toString(), QStringLiteral("board.png"));
        QCOMPARE(
            received.value(QStringLiteral("mimeType")).toString(), QStringLiteral("image/png"));
        QCOMPARE(received.value(QStringLiteral("width")).toInt(), 1);
        QCOMPARE(received.value(QStringLiteral("isImage")).toBool(), true);
        // Ada's row is the server's now: the same id, no local path, nothing uploading.
        QTRY_VERIFY(adaRoom->messages()->pendingCount() == 0);
        const int sentRow = rowOfText(adaRoom->messages(), caption);
        const QVariantMap sent = attachmentsAt(adaRoom->messages(), sentRow).value(0).toMap();
        QCOMPARE(sent.value(QStringLiteral("id")), received.value(QStringLiteral("id")));
        QCOMPARE(sent.value(QStringLiteral("localPath")).toString(), QString());
        QCOMPARE(adaRoom->messages()
                     ->index(sentRow)
                     .data(MessageListModel::UploadProgressRole)
                     .toDouble(),
            -1.0);
        QCOMPARE(stored(QStringLiteral("4"), caption).size(), 1);

        // A file alone, without a word.
        QCOMPARE(adaRoom->addAttachment(QUrl::fromLocalFile(path)), QString());
        QVERIFY(adaRoom->send(QString()));
        QTRY_COMPARE_WITH_TIMEOUT(confirmed.size(), 2, 10000);
        QVERIFY(!adaRoom->send(QString())); // nothing left to send
        // The conversation list says what came when there are no words.
        QTRY_COMPARE_WITH_TIMEOUT(
            alanRoom->lastMessageText(), QStringLiteral("📎 board.png"), 10000);
    }

    void attachingChecksTheFile()
    {
        Manager ada = client(QStringLiteral("1"));
        QVERIFY(ready(*ada));
        Conversation *room = ada->conversation(ConversationKey::room(QStringLiteral("4")), true);
        QVERIFY(room->canAttach());
        QVERIFY(room->addAttachment(QUrl::fromLocalFile(m_files.filePath(QStringLiteral("none"))))
                    .contains(QLatin1String("none")));
        QVERIFY(!room->addAttachment(QUrl::fromLocalFile(m_files.path())).isEmpty());
        QVERIFY(!room->addAttachment(QUrl(QStringLiteral("https://example.org/a.png"))).isEmpty());
        // Over the server's limit: the sentence the contract gives, before any upload.
        const QString big = m_files.filePath(QStringLiteral("lecture.pdf"));
        {
            QFile file(big);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.resize(ada->maxFileBytes() + 5 * 1024 * 1024 + 200 * 1024)); // sparse
        }
        QCOMPARE(room->addAttachment(QUrl::fromLocalFile(big)),
            QStringLiteral("“lecture.pdf” is 30.2 MB; the server takes files up to 25 MB"));
        QFile::remove(big);
        for (int i = 0; i < ada->maxAttachments(); ++i)
            QCOMPARE(
                room->addAttachment(QUrl::fromLocalFile(writeFile(QStringLiteral("n%1.txt").arg(i),
                    QByteArray("note ") + QByteArray::number(i)))),
                QString());
        QVERIFY(!room->addAttachment(
                         QUrl::fromLocalFile(writeFile(QStringLiteral("one-more.txt"), "x")))
                     .isEmpty());
        QCOMPARE(room->draftAttachments().size(), ada->maxAttachments());
        room->removeAttachment(0);
        QCOMPARE(room->draftAttachments().size(), ada->maxAttachments() - 1);
    }

    void cancelAbortsTheUpload()
    {
        Manager ada = client(QStringLiteral("1"));
        QVERIFY(ready(*ada));
        Conversation *room = loaded(*ada, QStringLiteral("4"));
        QVERIFY(room);
        // The server stops answering: the upload hangs until it is cancelled.
        m_server.node().freeze();
        const QString path =
            writeFile(QStringLiteral("frozen.bin"), QByteArray(2 * 1024 * 1024, 'z'));
        QCOMPARE(room->addAttachment(QUrl::fromLocalFile(path)), QString());
        const QString caption = QStringLiteral("never sent %1").arg(QUuid::createUuid().toString());
        QVERIFY(room->send(caption));
        const int row = rowOfText(room->messages(), caption);
        QVERIFY(row >= 0);
        const QString clientId =
            room->messages()->index(row).data(MessageListModel::ClientIdRole).toString();
        QTRY_VERIFY_WITH_TIMEOUT(
            ada->outbox()->find(clientId) && ada->outbox()->find(clientId)->uploading, 5000);
        room->cancelUpload(clientId);
        QCOMPARE(ada->outbox()->size(), 0);
        QCOMPARE(rowOfText(room->messages(), caption), -1);
        m_server.node().thaw();
        QTest::qWait(300);
        QVERIFY(stored(QStringLiteral("4"), caption).isEmpty());
    }

    void queuedOfflineSurvivesARestart()
    {
        const QString store = m_stores.filePath(QStringLiteral("restart"));
        const QString caption =
            QStringLiteral("kept with its file %1").arg(QUuid::createUuid().toString());
        const QString path = writeFile(QStringLiteral("kept.png"), kPng);
        {
            // Online once: the store knows the rooms, the settings the server's features.
            Manager ada = client(QStringLiteral("1"), store);
            QVERIFY(ready(*ada));
            QVERIFY(loaded(*ada, QStringLiteral("4")));
            ada->flushStore();
        }
        m_server.node().terminate();
        {
            Manager ada = client(QStringLiteral("1"), store);
            Conversation *room = ada->find(ConversationKey::room(QStringLiteral("4")));
            QVERIFY(room);
            QVERIFY(room->canAttach()); // what the server announced last time
            QCOMPARE(ada->maxFileBytes(), qint64(25 * 1024 * 1024));
            QCOMPARE(room->addAttachment(QUrl::fromLocalFile(path)), QString());
            QVERIFY(room->send(caption));
            QCOMPARE(ada->outbox()->size(), 1);
            ada->flushStore();
        } // everything destroyed, nothing uploaded
        QVERIFY2(m_server.start(), qPrintable(m_server.node().errorString()));
        QVERIFY(stored(QStringLiteral("4"), caption).isEmpty());

        Manager ada = client(QStringLiteral("1"), store);
        Conversation *room = ada->find(ConversationKey::room(QStringLiteral("4")));
        QVERIFY(room);
        QTRY_VERIFY_WITH_TIMEOUT(ada->outbox()->size() == 0, 15000);
        const QList<QJsonObject> copies = stored(QStringLiteral("4"), caption);
        QCOMPARE(copies.size(), 1);
        const QJsonArray files = copies.at(0).value(QStringLiteral("attachments")).toArray();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.at(0)[QStringLiteral("name")].toString(), QStringLiteral("kept.png"));
        QCOMPARE(files.at(0)[QStringLiteral("width")].toInt(), 1);
        // Another run sends nothing again.
        ada.reset();
        Manager again = client(QStringLiteral("1"), store);
        QVERIFY(ready(*again));
        QCOMPARE(again->outbox()->size(), 0);
        QCOMPARE(stored(QStringLiteral("4"), caption).size(), 1);
    }

    void serverRefusalFailsTheMessage()
    {
        // A server that takes 4 KB; this client has not been told (as with a server that does
        // not announce its limit), so it sends the file and gets the server's 413.
        ReferenceServer small;
        small.node().setEnvironmentValue(QStringLiteral("MAX_FILE_BYTES"), QStringLiteral("4096"));
        QVERIFY2(small.start(), qPrintable(small.node().errorString()));
        ConversationManager ada(nullptr);
        ada.connectWithToken(small.url(), signToken(QStringLiteral("1"), 600));
        QVERIFY(ready(ada));
        QCOMPARE(ada.maxFileBytes(), qint64(4096));
        ada.restClient()->setMaxFileBytes(0);
        Conversation *room = loaded(ada, QStringLiteral("4"));
        QVERIFY(room);
        // 100 KB is refused from its Content-Length (before the body is sent); 10 KB is within
        // the server's multipart slack, so it reads the body and refuses at its limit.
        const QString big = writeFile(QStringLiteral("big.bin"), QByteArray(100 * 1024, 'k'));
        const QString small10 = writeFile(QStringLiteral("ten.bin"), QByteArray(10 * 1024, 't'));
        // The conversation checks against the announced limit itself.
        QCOMPARE(room->addAttachment(QUrl::fromLocalFile(big)),
            QStringLiteral("“big.bin” is %1; the server takes files up to %2")
                .arg(FileInfo::sizeText(100 * 1024), FileInfo::sizeText(4096)));
        QSignalSpy failed(&ada, &ConversationManager::messageFailed);
        int refused = 0;
        for (const QString &path : { big, small10 }) {
            const QString caption =
                QStringLiteral("too big %1").arg(QUuid::createUuid().toString());
            const AttachmentFiles::Checked file = AttachmentFiles::check(path, 0);
            QVERIFY(file.error.isEmpty());
            QVERIFY(!ada.sendWithAttachments(room, caption, { file.attachment }).isEmpty());
            ++refused;
            QTRY_COMPARE_WITH_TIMEOUT(failed.size(), refused, 10000);
            const QString error = failed.last().at(1).toString();
            QCOMPARE(error, QStringLiteral("The file is larger than 4 KB"));
            const int row = rowOfText(room->messages(), caption);
            QCOMPARE(room->messages()
                         ->index(row)
                         .data(MessageListModel::DeliveryStateRole)
                         .value<MessageListModel::DeliveryState>(),
                MessageListModel::Failed);
            QCOMPARE(
                room->messages()->index(row).data(MessageListModel::ErrorStringRole).toString(),
                error);
            QVERIFY(stored(QStringLiteral("4"), caption).isEmpty());
        }
        // Still there to retry or discard.
        QCOMPARE(ada.outbox()->size(), 2);
    }

    void cliAttachRoundTrip()
    {
        const QString path = writeFile(QStringLiteral("cli notes.txt"), "notes from the cli\n");
        const QString caption = QStringLiteral("cli file %1").arg(QUuid::createUuid().toString());
        const auto cli = [](const QStringList &arguments) {
            QProcess process;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.remove(QStringLiteral("QT_LOGGING_RULES"));
            static QTemporaryDir settingsHome;
            environment.insert(QStringLiteral("XDG_CONFIG_HOME"), settingsHome.path());
            environment.insert(
                QStringLiteral("STUDYCONNECT_TOKEN"), signToken(QStringLiteral("1"), 600));
            process.setProcessEnvironment(environment);
            process.start(QStringLiteral(STUDYCONNECT_CLI_PATH), arguments);
            process.waitForFinished(30000);
            return std::make_tuple(process.exitCode(), process.readAllStandardOutput(),
                process.readAllStandardError());
        };
        const auto [code, out, err] = cli({ QStringLiteral("--server"), m_server.url().toString(),
            QStringLiteral("--attach"), QStringLiteral("1"), path, caption,
            QStringLiteral("--attach-dm"), QStringLiteral("2"), path });
        QVERIFY2(code == 0, err.constData());
        // Its own echo, printed with the attachment as the client read it.
        QVERIFY2(out.contains("\"attachments\":[{"), out.constData());
        QVERIFY(out.contains("cli notes.txt"));
        QVERIFY2(out.contains("\"event\":\"dm:received\""), out.constData());
        const QList<QJsonObject> copies = stored(QStringLiteral("1"), caption);
        QCOMPARE(copies.size(), 1);
        const QJsonArray files = copies.at(0).value(QStringLiteral("attachments")).toArray();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.at(0)[QStringLiteral("name")].toString(), QStringLiteral("cli notes.txt"));
        QCOMPARE(files.at(0)[QStringLiteral("size")].toInt(), 19);

        // A missing file: a sentence and no message.
        const auto [missingCode, missingOut, missingErr] = cli(
            { QStringLiteral("--server"), m_server.url().toString(), QStringLiteral("--attach-dm"),
                QStringLiteral("2"), path + QStringLiteral(".gone") });
        QCOMPARE(missingCode, 1);
        QVERIFY2(missingErr.contains(".gone"), missingErr.constData());

        // A seed backend does not take files: exit 5, nothing sent.
        NodeServer seed(QStringLiteral("tests/client/fixtures/seed-server.js"));
        seed.setEnvironmentValue(
            QStringLiteral("JWT_SECRET"), QString::fromLatin1(ReferenceServer::secret()));
        QVERIFY2(seed.start(), qPrintable(seed.errorString()));
        const auto [seedCode, seedOut, seedErr] = cli({ QStringLiteral("--server"),
            seed.httpUrl().toString(), QStringLiteral("--attach"), QStringLiteral("1"), path });
        QCOMPARE(seedCode, 5);
        QVERIFY2(seedErr.contains("files"), seedErr.constData());

        // And the app shows nothing of files there.
        ConversationManager manager(nullptr);
        manager.connectWithToken(seed.httpUrl(), signToken(QStringLiteral("1"), 600));
        QTRY_VERIFY_WITH_TIMEOUT(manager.featuresKnown(), 10000);
        Conversation *direct =
            manager.conversation(ConversationKey::directWith(QStringLiteral("2")), true);
        QVERIFY(!direct->canAttach());
        QCOMPARE(manager.maxFileBytes(), qint64(0));
        QVERIFY(!direct->addAttachment(QUrl::fromLocalFile(path)).isEmpty());
        QVERIFY(direct->draftAttachments().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFileOutbox)
#include "tst_fileoutbox.moc"
