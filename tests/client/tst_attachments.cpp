// Attachments in the client core without a server: reading them from every message shape
// (hostile ones too), keeping them in the store's JSON, the outbox uploading before it sends
// (through an injected uploader that the test answers), the rows the views get, and the offline
// store keeping an entry's files across a schema upgrade.
#include "api/restclient.h"
#include "chat/attachmentuploader.h"
#include "chat/messagelistmodel.h"
#include "chat/outbox.h"
#include "chat/payload.h"
#include "chat/store/messagestore.h"
#include "chat/store/storeschema.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

namespace {

const ConversationKey kRoom = ConversationKey::room(QStringLiteral("3"));

OutboxAttachment localFile(const QString &name, qint64 size, const QString &fileId = {})
{
    OutboxAttachment attachment;
    attachment.localPath = QStringLiteral("/home/ada/") + name;
    attachment.name = name;
    attachment.size = size;
    attachment.fileId = fileId;
    attachment.mimeType = QStringLiteral("application/pdf");
    return attachment;
}

/// Records every upload and transmission; the test answers them when it wants.
struct FakeServer
{
    struct Upload
    {
        OutboxAttachment attachment;
        Outbox::UploadProgress progress;
        Outbox::UploadDone done;
        bool aborted = false;
    };
    std::vector<std::shared_ptr<Upload>> uploads;
    std::vector<Outbox::Entry> sent;
    std::vector<Outbox::Done> acks;

    Outbox::Sender sender()
    {
        return [this](const Outbox::Entry &entry, Outbox::Done done) {
            sent.push_back(entry);
            acks.push_back(std::move(done));
        };
    }
    Outbox::Uploader uploader()
    {
        return [this](const OutboxAttachment &attachment, Outbox::UploadProgress progress,
                   Outbox::UploadDone done) -> Outbox::UploadAbort {
            auto upload = std::make_shared<Upload>(Upload { attachment, progress, done });
            uploads.push_back(upload);
            // Like FileUpload::abort(): a Cancelled answer follows.
            return [upload] {
                upload->aborted = true;
                upload->done({ Outbox::UploadResult::Outcome::Cancelled, {}, {} });
            };
        };
    }
    static Outbox::UploadResult uploaded(const QString &fileId, const QString &name)
    {
        Outbox::UploadResult result;
        result.outcome = Outbox::UploadResult::Outcome::Uploaded;
        result.uploaded.fileId = fileId;
        result.uploaded.name = name;
        result.uploaded.mimeType = QStringLiteral("image/png");
        result.uploaded.width = 640;
        result.uploaded.height = 480;
        return result;
    }
    static Outbox::UploadResult outcome(Outbox::UploadResult::Outcome kind, const QString &error)
    {
        return { kind, {}, error };
    }
};

Outbox::Entry withFiles(const QList<OutboxAttachment> &attachments, const QString &text = {})
{
    Outbox::Entry entry;
    entry.target = kRoom;
    entry.text = text;
    entry.createdAtMs = 1;
    entry.attachments = attachments;
    return entry;
}

/// Runs SQL the way the store's migrations do (a trigger's inner statements end with ";\n").
bool runScript(const QString &path, const QString &script, QString *error)
{
    bool ok = true;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        ok = db.open();
        QString statement;
        for (const QString &part : script.split(QStringLiteral(";\n"), Qt::SkipEmptyParts)) {
            if (!ok || part.trimmed().isEmpty())
                continue;
            statement += part + u';';
            if (statement.contains(QLatin1String("CREATE TRIGGER"))
                && !part.trimmed().startsWith(QLatin1String("END")))
                continue;
            QSqlQuery query(db);
            if (!query.exec(statement)) {
                *error = query.lastError().text() + QStringLiteral(" in ") + statement;
                ok = false;
            }
            statement.clear();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return ok;
}

} // namespace

class TestAttachments : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<Outbox> outbox(FakeServer &server)
    {
        auto box = std::make_unique<Outbox>(server.sender());
        box->setUploader(server.uploader());
        int next = 0;
        box->setClientIdFactory([next]() mutable { return QStringLiteral("c%1").arg(++next); });
        return box;
    }

private Q_SLOTS:
    void payloadReadsAttachmentsFromBothForms()
    {
        const QString json = QStringLiteral(
            R"({"id":5,"roomId":1,"text":"","sender":{"id":1,"firstName":"Ada"},)"
            R"("createdAt":"2026-12-02T07:00:00.000Z","clientId":"k",)"
            R"("attachments":[{"id":"f_1-A","name":"notes.pdf","size":123456,)"
            R"("mimeType":"application/pdf"},{"id":"img2","name":"board.png","size":2048,)"
            R"("mimeType":"image/png","width":800,"height":600}]})");
        const auto fromSocket = Payload::message(SocketIo::JsonValue::fromJson(json));
        const auto fromRest = Payload::message(SocketIo::JsonValue::fromJson(json).toVariant());
        for (const auto &message : { fromSocket, fromRest }) {
            QVERIFY(message);
            QVERIFY(message->details);
            const QList<FileInfo> files = message->details->attachments;
            QCOMPARE(files.size(), 2);
            QCOMPARE(files.at(0).id, QStringLiteral("f_1-A"));
            QCOMPARE(files.at(0).name, QStringLiteral("notes.pdf"));
            QCOMPARE(files.at(0).size, qint64(123456));
            QVERIFY(!files.at(0).isImage());
            QCOMPARE(files.at(1).width, 800);
            QCOMPARE(files.at(1).height, 600);
            QVERIFY(files.at(1).isImage());
            // An empty text is a message when it carries files.
            QCOMPARE(message->text, QString());
        }
    }

    void payloadSkipsHostileEntries_data()
    {
        QTest::addColumn<QString>("attachments");
        QTest::addColumn<QStringList>("ids");
        const auto row = [](const char *name, const char *attachments, QStringList ids) {
            QTest::newRow(name) << QString::fromUtf8(attachments) << ids;
        };
        row("not an array", R"({"id":"a"})", {});
        row("a string", R"("abc")", {});
        row("entries not objects", R"([1, "x", null, true, [], {"id":"ok"}])",
            { QStringLiteral("ok") });
        row("numeric id", R"([{"id":42,"name":"n"}])", {});
        row("path in id", R"([{"id":"../../api/auth"}, {"id":"a/b"}])", {});
        QTest::newRow("id too long")
            << QStringLiteral(R"([{"id":"%1"}])").arg(QString(65, u'x')) << QStringList();
        row("empty id", R"([{"id":""},{"name":"no id"}])", {});
        row("wrong types elsewhere",
            R"([{"id":"w","name":7,"size":"big","mimeType":[],"width":-5,"height":1e308}])",
            { QStringLiteral("w") });
    }

    void payloadSkipsHostileEntries()
    {
        QFETCH(QString, attachments);
        QFETCH(QStringList, ids);
        const QString json = QStringLiteral(R"({"id":1,"text":"t","sender":{"id":2},)"
                                            R"("attachments":%1})")
                                 .arg(attachments);
        for (const auto &message : { Payload::message(SocketIo::JsonValue::fromJson(json)),
                 Payload::message(SocketIo::JsonValue::fromJson(json).toVariant()) }) {
            QVERIFY(message);
            QStringList got;
            if (message->details) {
                for (const FileInfo &file : message->details->attachments) {
                    got.append(file.id);
                    // Wrong types read as empty or 0, never as garbage.
                    QVERIFY(file.size >= 0);
                    QVERIFY(file.width >= 0 && file.height >= 0);
                    QVERIFY(!file.isImage());
                }
            }
            QCOMPARE(got, ids);
        }
    }

    void payloadReadsAtMostSoMany()
    {
        QVariantList many;
        for (int i = 0; i < 1000; ++i)
            many.append(QVariantMap { { QStringLiteral("id"), QStringLiteral("f%1").arg(i) } });
        QCOMPARE(Payload::attachments(QVariant(many)).size(), Payload::kMaxAttachments);
    }

    void detailsKeepAttachmentsInTheStoreJson()
    {
        MessageDetails details;
        QVERIFY(details.isEmpty());
        details.attachments = { { QStringLiteral("f1"), QStringLiteral("board.png"),
                                    QStringLiteral("image/png"), 2048, 800, 600 },
            { QStringLiteral("f2"), QStringLiteral("notes “final”.pdf"),
                QStringLiteral("application/pdf"), 5'000'000'000, 0, 0 } };
        QVERIFY(!details.isEmpty());
        const QByteArray json = details.toJson();
        QVERIFY(!json.isEmpty());
        const MessageDetails back = MessageDetails::fromJson(json);
        QCOMPARE(back.attachments, details.attachments);
        QCOMPARE(back.toJson(), json);
        // Damaged: what can be read is kept, entries without an id are dropped.
        const MessageDetails damaged = MessageDetails::fromJson(
            R"({"a":[{"n":"no id"},7,{"i":"ok","s":"x","w":"y"}],"m":"nope"})");
        QCOMPARE(damaged.attachments.size(), 1);
        QCOMPARE(damaged.attachments.at(0).id, QStringLiteral("ok"));
        QCOMPARE(damaged.attachments.at(0).size, qint64(0));
        QVERIFY(MessageDetails::fromJson("{\"a\":").isEmpty());
    }

    void outboxAttachmentsJsonRoundTrip()
    {
        QList<OutboxAttachment> list { localFile(QStringLiteral("a.pdf"), 10),
            localFile(QStringLiteral("b.png"), 20, QStringLiteral("id-b")) };
        list[1].width = 3;
        list[1].height = 4;
        QCOMPARE(OutboxAttachment::listFromJson(OutboxAttachment::listToJson(list)), list);
        QVERIFY(OutboxAttachment::listToJson({}).isEmpty());
        QVERIFY(OutboxAttachment::listFromJson("not json").isEmpty());
    }

    void uploadsThenSendsWithTheIds()
    {
        FakeServer server;
        auto box = outbox(server);
        QSignalSpy progress(box.get(), &Outbox::uploadProgress);
        QSignalSpy kept(box.get(), &Outbox::attachmentUploaded);
        const QString clientId = box->enqueue(withFiles(
            { localFile(QStringLiteral("a.pdf"), 300), localFile(QStringLiteral("b.png"), 100) },
            QStringLiteral("homework")));
        // Offline: nothing uploads.
        QCOMPARE(server.uploads.size(), size_t(0));
        box->setOnline(true);
        QCOMPARE(server.uploads.size(), size_t(1));
        QCOMPARE(server.uploads[0]->attachment.name, QStringLiteral("a.pdf"));
        QVERIFY(server.sent.empty());
        // Reconnecting while it uploads starts nothing twice.
        box->setOnline(true);
        QCOMPARE(server.uploads.size(), size_t(1));

        server.uploads[0]->progress(150, 300);
        QCOMPARE(progress.last().at(1).toDouble(), 0.375); // 150 of 400 bytes
        server.uploads[0]->done(
            FakeServer::uploaded(QStringLiteral("F1"), QStringLiteral("a.pdf")));
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept.last().at(0).value<Outbox::Entry>().attachments.at(0).fileId,
            QStringLiteral("F1"));
        QCOMPARE(box->find(clientId)->attachments.at(0).fileId, QStringLiteral("F1"));
        QCOMPARE(server.uploads.size(), size_t(2)); // the second file follows
        QVERIFY(server.sent.empty());
        QCOMPARE(progress.last().at(1).toDouble(), 0.75);
        server.uploads[1]->progress(50, 100);
        QCOMPARE(progress.last().at(1).toDouble(), 0.875);
        server.uploads[1]->done(
            FakeServer::uploaded(QStringLiteral("F2"), QStringLiteral("b.png")));

        // Every file has its id: the message goes, once, with them.
        QCOMPARE(server.sent.size(), size_t(1));
        QCOMPARE(server.sent[0].text, QStringLiteral("homework"));
        QCOMPARE(server.sent[0].attachments.at(1).fileId, QStringLiteral("F2"));
        QCOMPARE(server.sent[0].attachments.at(1).width, 640);
        QCOMPARE(progress.last().at(1).toDouble(), -1.0);
        Outbox::SendResult accepted;
        accepted.outcome = Outbox::SendResult::Outcome::Accepted;
        accepted.id = QStringLiteral("77");
        server.acks[0](accepted);
        QCOMPARE(box->size(), 0);
    }

    void discardAbortsTheUpload()
    {
        FakeServer server;
        auto box = outbox(server);
        box->setOnline(true);
        QSignalSpy discarded(box.get(), &Outbox::discarded);
        QSignalSpy failed(box.get(), &Outbox::failed);
        const QString clientId = box->enqueue(withFiles({ localFile(QStringLiteral("a"), 9) }));
        QCOMPARE(server.uploads.size(), size_t(1));
        QVERIFY(box->discard(clientId));
        QVERIFY(server.uploads[0]->aborted);
        QCOMPARE(discarded.size(), 1);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(box->size(), 0);
        QVERIFY(server.sent.empty());
        // clear() aborts too.
        box->enqueue(withFiles({ localFile(QStringLiteral("b"), 9) }));
        box->clear();
        QVERIFY(server.uploads[1]->aborted);
        QVERIFY(server.sent.empty());
    }

    void refusalFailsTheEntryWithTheServersSentence_data()
    {
        QTest::addColumn<int>("outcome");
        QTest::newRow("refused") << int(Outbox::UploadResult::Outcome::Refused);
        QTest::newRow("local file gone") << int(Outbox::UploadResult::Outcome::LocalError);
    }

    void refusalFailsTheEntryWithTheServersSentence()
    {
        QFETCH(int, outcome);
        FakeServer server;
        auto box = outbox(server);
        box->setOnline(true);
        QSignalSpy failed(box.get(), &Outbox::failed);
        const QString clientId = box->enqueue(withFiles({ localFile(QStringLiteral("big"), 9) }));
        server.uploads[0]->done(FakeServer::outcome(Outbox::UploadResult::Outcome(outcome),
            QStringLiteral("The file is larger than 25 MB")));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("The file is larger than 25 MB"));
        QVERIFY(box->find(clientId)->failed);
        QVERIFY(server.sent.empty());
        // Not uploaded again on reconnect; retry() does.
        box->setOnline(false);
        box->setOnline(true);
        QCOMPARE(server.uploads.size(), size_t(1));
        QVERIFY(box->retry(clientId));
        QCOMPARE(server.uploads.size(), size_t(2));
    }

    void networkErrorWaitsForTheNextConnect()
    {
        FakeServer server;
        auto box = outbox(server);
        box->setOnline(true);
        QSignalSpy failed(box.get(), &Outbox::failed);
        const QString clientId = box->enqueue(withFiles({ localFile(QStringLiteral("a"), 9) }));
        server.uploads[0]->done(FakeServer::outcome(
            Outbox::UploadResult::Outcome::NoAnswer, QStringLiteral("Connection refused")));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(box->pendingCount(), 1);
        QVERIFY(!box->find(clientId)->inFlight);
        QCOMPARE(server.uploads.size(), size_t(1));
        box->setOnline(false);
        box->setOnline(true);
        QCOMPARE(server.uploads.size(), size_t(2));
        server.uploads[1]->done(FakeServer::uploaded(QStringLiteral("F"), QStringLiteral("a")));
        QCOMPARE(server.sent.size(), size_t(1));
    }

    void anUploadGoesOnWhileTheSocketIsDown()
    {
        FakeServer server;
        auto box = outbox(server);
        box->setOnline(true);
        box->enqueue(withFiles({ localFile(QStringLiteral("a"), 9) }));
        box->setOnline(false);
        server.uploads[0]->done(FakeServer::uploaded(QStringLiteral("F"), QStringLiteral("a")));
        QVERIFY(server.sent.empty()); // the message waits for the socket
        box->setOnline(true);
        QCOMPARE(server.uploads.size(), size_t(1)); // not uploaded again
        QCOMPARE(server.sent.size(), size_t(1));
    }

    void restoredEntryUploadsOnlyWhatIsMissing()
    {
        FakeServer server;
        auto box = outbox(server);
        Outbox::Entry kept =
            withFiles({ localFile(QStringLiteral("done.pdf"), 5, QStringLiteral("F1")),
                localFile(QStringLiteral("todo.pdf"), 5) });
        kept.clientId = QStringLiteral("from-before");
        box->restore(kept);
        QVERIFY(server.uploads.empty());
        box->setOnline(true);
        QCOMPARE(server.uploads.size(), size_t(1));
        QCOMPARE(server.uploads[0]->attachment.name, QStringLiteral("todo.pdf"));
        server.uploads[0]->done(
            FakeServer::uploaded(QStringLiteral("F2"), QStringLiteral("todo.pdf")));
        QCOMPARE(server.sent.size(), size_t(1));
        QCOMPARE(server.sent[0].clientId, QStringLiteral("from-before"));
        QCOMPARE(server.sent[0].attachments.at(0).fileId, QStringLiteral("F1"));
        QCOMPARE(server.sent[0].attachments.at(1).fileId, QStringLiteral("F2"));
    }

    void withoutAnUploaderTheMessageFails()
    {
        FakeServer server;
        Outbox box(server.sender());
        box.setOnline(true);
        QSignalSpy failed(&box, &Outbox::failed);
        box.enqueue(withFiles({ localFile(QStringLiteral("a"), 1) }));
        QCOMPARE(failed.size(), 1);
        QVERIFY(server.sent.empty());
    }

    void uploaderSortsTheServersAnswers_data()
    {
        using Kind = RestError::Kind;
        using Outcome = Outbox::UploadResult::Outcome;
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("outcome");
        QTest::newRow("too large") << int(Kind::TooLarge) << 413 << int(Outcome::Refused);
        QTest::newRow("forbidden") << int(Kind::Http) << 403 << int(Outcome::Refused);
        QTest::newRow("bad request") << int(Kind::Http) << 400 << int(Outcome::Refused);
        QTest::newRow("disk full") << int(Kind::Http) << 507 << int(Outcome::Refused);
        QTest::newRow("no file routes") << int(Kind::NotFound) << 404 << int(Outcome::Refused);
        QTest::newRow("local file") << int(Kind::LocalFile) << 0 << int(Outcome::Refused);
        QTest::newRow("network") << int(Kind::Network) << 0 << int(Outcome::NoAnswer);
        QTest::newRow("token lapsed") << int(Kind::Unauthorized) << 401 << int(Outcome::NoAnswer);
        QTest::newRow("server error") << int(Kind::Http) << 500 << int(Outcome::NoAnswer);
        QTest::newRow("busy") << int(Kind::Http) << 429 << int(Outcome::NoAnswer);
        QTest::newRow("cancelled") << int(Kind::Cancelled) << 0 << int(Outcome::Cancelled);
    }

    void uploaderSortsTheServersAnswers()
    {
        QFETCH(int, kind);
        QFETCH(int, status);
        QFETCH(int, outcome);
        const RestError error { RestError::Kind(kind), status, QStringLiteral("the reason") };
        const Outbox::UploadResult result =
            AttachmentUploader::resultOf(error, {}, QStringLiteral("a.pdf"));
        QCOMPARE(int(result.outcome), outcome);
        QCOMPARE(result.error, QStringLiteral("the reason"));
        // Without a sentence from the server, one of ours.
        if (outcome == int(Outbox::UploadResult::Outcome::Refused))
            QVERIFY(!AttachmentUploader::resultOf(
                { RestError::Kind(kind), status, {} }, {}, QStringLiteral("a.pdf"))
                         .error.isEmpty());
    }

    void uploaderPassesTheServersFileOn()
    {
        const FileInfo file { QStringLiteral("F9"), QStringLiteral("clean.png"),
            QStringLiteral("image/png"), 70, 1, 1 };
        const Outbox::UploadResult result =
            AttachmentUploader::resultOf({}, file, QStringLiteral("dirty/name.png"));
        QCOMPARE(int(result.outcome), int(Outbox::UploadResult::Outcome::Uploaded));
        QCOMPARE(result.uploaded.fileId, QStringLiteral("F9"));
        QCOMPARE(result.uploaded.name, QStringLiteral("clean.png"));
        QCOMPARE(result.uploaded.width, 1);
    }

    void uploaderReportsAVanishedFileAtOnce()
    {
        RestClient rest; // never asked: the file is checked first
        QObject context;
        std::optional<Outbox::UploadResult> answer;
        const Outbox::UploadAbort abort = AttachmentUploader::start(
            &rest, localFile(QStringLiteral("gone.pdf"), 5), &context, [](qint64, qint64) {},
            [&answer](const Outbox::UploadResult &result) { answer = result; });
        QVERIFY(answer);
        QCOMPARE(int(answer->outcome), int(Outbox::UploadResult::Outcome::LocalError));
        QVERIFY2(answer->error.contains(QLatin1String("gone.pdf")), qPrintable(answer->error));
        QVERIFY(!abort);
    }

    void pendingRowShowsTheLocalFilesAndProgress()
    {
        auto senders = std::make_shared<SenderDirectory>();
        MessageListModel model(QStringLiteral("3"), false, senders);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSelfId(QStringLiteral("1"));
        ChatMessage pending;
        pending.clientId = QStringLiteral("c1");
        pending.sender = senders->indexOf(QStringLiteral("1"));
        pending.details = std::make_shared<MessageDetails>();
        pending.details->attachments = { { {}, QStringLiteral("board.png"),
            QStringLiteral("image/png"), 3 * 1024 * 1024 + 200 * 1024, 0, 0 } };
        model.addPending(pending, { QStringLiteral("/home/ada/board.png") });
        const QModelIndex row = model.index(0);
        const QVariantList files = row.data(MessageListModel::AttachmentsRole).toList();
        QCOMPARE(files.size(), 1);
        const QVariantMap file = files.at(0).toMap();
        QCOMPARE(file.value(QStringLiteral("localPath")).toString(),
            QStringLiteral("/home/ada/board.png"));
        QCOMPARE(file.value(QStringLiteral("id")).toString(), QString());
        QCOMPARE(file.value(QStringLiteral("isImage")).toBool(), true);
        QCOMPARE(file.value(QStringLiteral("sizeText")).toString(),
            FileInfo::sizeText(3 * 1024 * 1024 + 200 * 1024));
        QCOMPARE(row.data(MessageListModel::UploadProgressRole).toDouble(), -1.0);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setUploadProgress(QStringLiteral("c1"), 0.5);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(row.data(MessageListModel::UploadProgressRole).toDouble(), 0.5);
        QVERIFY(model.roleNames().value(MessageListModel::AttachmentsRole) == "attachments");
        QVERIFY(model.roleNames().value(MessageListModel::UploadProgressRole) == "uploadProgress");

        // The server's copy replaces it: its files come from the server, without local paths.
        ChatMessage echo = pending;
        echo.setId(QStringLiteral("90"));
        echo.details = std::make_shared<MessageDetails>();
        echo.details->attachments = { { QStringLiteral("F1"), QStringLiteral("board.png"),
            QStringLiteral("image/png"), 10, 800, 600 } };
        model.enqueue(echo);
        model.flush();
        QCOMPARE(model.rowCount(), 1);
        const QVariantMap sent =
            model.index(0).data(MessageListModel::AttachmentsRole).toList().at(0).toMap();
        QCOMPARE(sent.value(QStringLiteral("id")).toString(), QStringLiteral("F1"));
        QCOMPARE(sent.value(QStringLiteral("localPath")).toString(), QString());
        QCOMPARE(sent.value(QStringLiteral("width")).toInt(), 800);
        QCOMPARE(model.index(0).data(MessageListModel::UploadProgressRole).toDouble(), -1.0);
    }

    void storeKeepsTheFilesOfAnEntryAcrossTheUpgrade()
    {
        // A store from before files (schema 3) with an unsent message: it upgrades and keeps it.
        const QString path = m_dir.filePath(QStringLiteral("v3.sqlite"));
        QString error;
        QVERIFY2(runScript(path,
                     StoreSchema::stepsUpTo(3)
                         + QStringLiteral("INSERT INTO outbox (client_id, direct, peer, text, "
                                          "created_at, position) VALUES ('old', 0, '3', "
                                          "'from before files', 5, 1);\n"
                                          "PRAGMA user_version = 3;\n"),
                     &error),
            qPrintable(error));
        MessageStore store;
        QVERIFY2(store.open(path), qPrintable(store.errorString()));
        auto rows = store.outbox();
        QCOMPARE(rows.size(), size_t(1));
        QCOMPARE(rows[0].text, QStringLiteral("from before files"));
        QVERIFY(rows[0].attachments.isEmpty());

        MessageStore::OutboxRow entry;
        entry.clientId = QStringLiteral("new");
        entry.target = kRoom;
        entry.attachments = { localFile(QStringLiteral("a.pdf"), 10),
            localFile(QStringLiteral("b.pdf"), 20) };
        bool stored = false;
        store.saveOutboxEntry(entry, [&stored] { stored = true; });
        QTRY_VERIFY(stored);
        entry.attachments[0].fileId = QStringLiteral("F1");
        store.setOutboxAttachments(QStringLiteral("new"), entry.attachments);
        MessageStore::ConversationRow conversation;
        conversation.key = kRoom;
        conversation.draftAttachments = { localFile(QStringLiteral("draft.png"), 7) };
        store.saveConversation(conversation);
        store.flush();
        store.close();

        MessageStore reopened;
        QVERIFY(reopened.open(path));
        rows = reopened.outbox();
        QCOMPARE(rows.size(), size_t(2));
        QCOMPARE(rows[1].attachments, entry.attachments);
        QCOMPARE(reopened.conversations().at(0).draftAttachments, conversation.draftAttachments);
    }
};

QTEST_GUILESS_MAIN(TestAttachments)
#include "tst_attachments.moc"
