// End to end with files: the real app (the same QML, singletons and setup as main()) offscreen
// against the reference backend. Signs in, opens a room, attaches a picture and a PDF the way a
// drop does (the composer's addFiles), sees their chips, sends; the picture shows in the
// timeline as a thumbnail decoded at the size shown (fetched from the server with the session's
// token, into the cache folder), the PDF as a card; Tab from the message to its thumbnail and
// Enter open the viewer, which decodes to fit and closes with Escape. A picture the server
// measured but that does not decode shows as a card. Save as… writes the file where asked. A
// picture pasted with Ctrl+V becomes a chip, which × removes.
#include "appdriver.h"
#include "auth/session.h"
#include "chat/conversationmanager.h"
#include "chat/socketservice.h"
#include "desktop/appsetup.h"
#include "desktop/attachmentimages.h"
#include "desktop/desktopsettings.h"
#include "desktop/fileactions.h"
#include "nodeserver.h"
#include "privateappfolders.h"

#include <QAbstractItemModel>
#include <QClipboard>
#include <QFile>
#include <QImage>
#include <QMimeData>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

#include <functional>
#include <memory>

Q_IMPORT_QML_PLUGIN(StudyConnectPlugin)
Q_IMPORT_QML_PLUGIN(StudyConnect_AuthPlugin)
Q_IMPORT_QML_PLUGIN(StudyConnect_ChatPlugin)
Q_IMPORT_QML_PLUGIN(StudyConnect_DesktopPlugin)

namespace {

QVariant dataAt(const QAbstractItemModel *model, int row, const QByteArray &role)
{
    return model->index(row, 0).data(model->roleNames().key(role, -1));
}

/// Image.Ready in QML.
constexpr int ImageReady = 1;

} // namespace

class TestAppFiles : public QObject, private AppDriver
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void attachSendAndView();
    void undecodablePictureShowsACard();
    void saveAsWritesTheFile();
    void pastedPictureBecomesAChip();
    void attachButtonOpensTheFileDialog();
    void cleanupTestCase();

private:
    static ConversationManager *manager() { return ConversationManager::globalInstance(); }
    /// The composer's addFiles(), as a drop or the file dialog calls it.
    void attach(const QStringList &paths);
    /// Waits until the newest message is confirmed by the server.
    void waitUntilSent();
    QString write(const QString &name, const QByteArray &bytes);

    QTemporaryDir m_dir;
    std::unique_ptr<NodeServer> m_server;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QAbstractItemModel *m_messages = nullptr;
};

void TestAppFiles::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<NodeServer>(QStringLiteral("server/src/index.js"));
    m_server->setEnvironmentValue(QStringLiteral("SEED_DEMO"), QStringLiteral("1"));
    m_server->setEnvironmentValue(QStringLiteral("HOST"), QStringLiteral("127.0.0.1"));
    m_server->setEnvironmentValue(QStringLiteral("JWT_SECRET"), QStringLiteral("files-e2e"));
    m_server->setEnvironmentValue(
        QStringLiteral("DB_PATH"), m_dir.filePath(QStringLiteral("files.db")));
    m_server->setEnvironmentValue(
        QStringLiteral("FILES_DIR"), m_dir.filePath(QStringLiteral("server-files")));
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));

    DesktopSettings::globalInstance()->setCommandLineServer(m_server->httpUrl());
    AppSetup::prepare();
    m_engine = std::make_unique<QQmlApplicationEngine>();
    QVERIFY(AppSetup::load(*m_engine));
    window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
    QVERIFY(window);
    window->resize(1100, 800);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    window->requestActivate();

    // Sign in with the keyboard, as a user.
    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("emailField")), 10000);
    QTRY_VERIFY(item(QStringLiteral("emailField"))->hasActiveFocus());
    typeText(QStringLiteral("ada@studyconnect.test"));
    QTest::keyClick(window, Qt::Key_Tab);
    typeText(QStringLiteral("studyconnect"));
    QTest::keyClick(window, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("mainView")), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(manager()->connection()->state(), ChatConnection::Connected, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(manager()->synced(), 15000);

    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("room:1")), 10000);
    click(item(QStringLiteral("room:1")));
    QTRY_COMPARE(item(QStringLiteral("conversationTitle"))->property("text").toString(),
        QStringLiteral("Calculus I"));
    QTRY_VERIFY_WITH_TIMEOUT(SocketService::globalInstance()->isJoined(QStringLiteral("1")), 10000);
    m_messages = item(QStringLiteral("timeline"))->property("model").value<QAbstractItemModel *>();
    QVERIFY(m_messages);
    // The reference backend announces files: the composer offers 📎.
    QTRY_VERIFY_WITH_TIMEOUT(visible(QStringLiteral("attachButton")), 10000);
}

QString TestAppFiles::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

void TestAppFiles::attach(const QStringList &paths)
{
    QQuickItem *composer =
        item(QStringLiteral("chatPane"))->property("composer").value<QQuickItem *>();
    QVERIFY(composer);
    QVariantList urls;
    for (const QString &path : paths)
        urls << QUrl::fromLocalFile(path);
    QVERIFY(QMetaObject::invokeMethod(composer, "addFiles", Q_ARG(QVariant, urls)));
    QCOMPARE(composer->property("attachError").toString(), QString());
}

void TestAppFiles::waitUntilSent()
{
    QTRY_COMPARE_WITH_TIMEOUT(
        dataAt(m_messages, 0, "deliveryState").toInt(), int(MessageListModel::Sent), 20000);
}

void TestAppFiles::attachSendAndView()
{
    // A 1200 × 900 photo of worked problems and a PDF.
    QImage photo(1200, 900, QImage::Format_RGB32);
    photo.fill(QColor(40, 120, 200));
    const QString photoPath = m_dir.filePath(QStringLiteral("worked problems.png"));
    QVERIFY(photo.save(photoPath));
    const QString pdfPath = write(
        QStringLiteral("lecture 4.pdf"), "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    QVERIFY(!pdfPath.isEmpty());

    attach({ photoPath, pdfPath });
    QTRY_COMPARE(item(QStringLiteral("attachmentChips"))->property("visible").toBool(), true);
    QList<QQuickItem *> chips;
    collect(window->contentItem(), QStringLiteral("attachmentChip"), chips);
    QCOMPARE(chips.size(), 2);

    // Send with a caption: Enter in the composer.
    QQuickItem *input = item(QStringLiteral("composerInput"));
    input->forceActiveFocus();
    typeText(QStringLiteral("problem set 4"));
    QTest::keyClick(window, Qt::Key_Return);
    QTRY_VERIFY(!item(QStringLiteral("attachmentChips"))->isVisible());

    waitUntilSent();
    const QVariantList attachments = dataAt(m_messages, 0, "attachments").toList();
    QCOMPARE(attachments.size(), 2);
    const QVariantMap picture = attachments.at(0).toMap();
    QCOMPARE(
        picture.value(QStringLiteral("name")).toString(), QStringLiteral("worked problems.png"));
    QCOMPARE(picture.value(QStringLiteral("isImage")).toBool(), true);
    QCOMPARE(picture.value(QStringLiteral("width")).toInt(), 1200);
    QVERIFY(AttachmentStore::isFileId(picture.value(QStringLiteral("id")).toString()));
    QCOMPARE(attachments.at(1).toMap().value(QStringLiteral("isImage")).toBool(), false);

    // The thumbnail: 360 × 270, decoded at that size from the server's copy.
    QQuickItem *image = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((image = item(QStringLiteral("attachmentImage")))
            && image->property("status").toInt() == ImageReady
            && image->property("source").toUrl().toString().endsWith(
                picture.value(QStringLiteral("id")).toString()),
        15000);
    QCOMPARE(image->property("sourceSize").toSize(), QSize(360, 270));
    QCOMPARE(image->property("implicitWidth").toReal(), 360.0);
    QVERIFY(
        QFile::exists(AttachmentStore::cachedPath(picture.value(QStringLiteral("id")).toString())));
    // The PDF as a card that reads out its name and size.
    QQuickItem *card = item(QStringLiteral("fileCard"));
    QVERIFY(card && card->isVisible());
    QVERIFY(card->property("fileName").toString() == QStringLiteral("lecture 4.pdf"));

    // Enter on the thumbnail opens the viewer; it decodes to fit its stage; Escape closes it.
    QQuickItem *thumbnail = item(QStringLiteral("attachmentThumbnail"));
    QQuickItem *timeline = item(QStringLiteral("timeline"));
    timeline->forceActiveFocus(Qt::TabFocusReason);
    QTRY_VERIFY(timeline->hasActiveFocus());
    // The newest message is the timeline's current row; Tab goes into it, to the thumbnail.
    QTest::keyClick(window, Qt::Key_Tab);
    QVERIFY(thumbnail->hasActiveFocus());
    QTest::keyClick(window, Qt::Key_Return);
    QTRY_VERIFY(item(QStringLiteral("viewerImage")));
    QQuickItem *large = item(QStringLiteral("viewerImage"));
    QTRY_COMPARE_WITH_TIMEOUT(large->property("status").toInt(), ImageReady, 15000);
    const QSize stage = large->property("sourceSize").toSize();
    QVERIFY2(
        stage.width() <= 1100 && stage.height() <= 800, qPrintable(QString::number(stage.width())));
    const QSize shown(
        large->property("implicitWidth").toInt(), large->property("implicitHeight").toInt());
    QVERIFY(shown.width() <= stage.width() && shown.height() <= stage.height());
    QVERIFY(shown.width() > 360); // larger than the thumbnail
    QCOMPARE(shown.width() * 3, shown.height() * 4);
    QTest::keyClick(window, Qt::Key_Escape);
    QTRY_VERIFY(
        !item(QStringLiteral("viewerImage")) || !item(QStringLiteral("viewerImage"))->isVisible());
}

void TestAppFiles::undecodablePictureShowsACard()
{
    // A PNG whose header says 800 × 600 and whose data is cut off: the server measures it, the
    // app cannot decode it.
    QImage whole(800, 600, QImage::Format_RGB32);
    whole.fill(Qt::red);
    QVERIFY(whole.save(m_dir.filePath(QStringLiteral("whole.png"))));
    QFile wholeFile(m_dir.filePath(QStringLiteral("whole.png")));
    QVERIFY(wholeFile.open(QIODevice::ReadOnly));
    const QString broken = write(QStringLiteral("broken.png"), wholeFile.read(100));
    attach({ broken });
    item(QStringLiteral("composerInput"))->forceActiveFocus();
    QTest::keyClick(window, Qt::Key_Return);
    waitUntilSent();
    const QVariantList attachments = dataAt(m_messages, 0, "attachments").toList();
    QCOMPARE(attachments.size(), 1);
    const QString id = attachments.constFirst().toMap().value(QStringLiteral("id")).toString();
    // The newest row's attachment view gives up on the picture and shows the card.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QList<QQuickItem *> cards;
            collect(window->contentItem(), QStringLiteral("fileCard"), cards);
            for (QQuickItem *card : std::as_const(cards)) {
                if (card->isVisible() && card->property("fileId").toString() == id)
                    return true;
            }
            return false;
        }(),
        15000);
}

void TestAppFiles::saveAsWritesTheFile()
{
    const QVariantList attachments = dataAt(m_messages, 1, "attachments").toList();
    QCOMPARE(attachments.size(), 2);
    const QVariantMap pdf = attachments.at(1).toMap();
    const int type = qmlTypeId("StudyConnect.Desktop", 1, 0, "FileActions");
    auto *actions = m_engine->singletonInstance<FileActions *>(type);
    QVERIFY(actions);
    QSignalSpy saved(actions, &FileActions::saved);
    const QString target = m_dir.filePath(QStringLiteral("saved.pdf"));
    actions->saveAs(pdf.value(QStringLiteral("id")).toString(),
        pdf.value(QStringLiteral("name")).toString(), QUrl::fromLocalFile(target));
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 10000);
    QFile file(target);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("%PDF-1.4"));
    QCOMPARE(actions->error(), QString());
}

void TestAppFiles::pastedPictureBecomesAChip()
{
    QQuickItem *input = item(QStringLiteral("composerInput"));
    input->forceActiveFocus();
    QTRY_VERIFY(input->hasActiveFocus());
    QImage picture(200, 100, QImage::Format_RGB32);
    picture.fill(Qt::darkGreen);
    QGuiApplication::clipboard()->setImage(picture);
    if (!QGuiApplication::clipboard()->mimeData()->hasImage())
        QSKIP("this platform's clipboard keeps no picture");
    QTest::keyClick(window, Qt::Key_V, Qt::ControlModifier);
    // A chip for the PNG the app wrote, and no text pasted.
    QTRY_VERIFY(item(QStringLiteral("attachmentChips"))
        && item(QStringLiteral("attachmentChips"))->isVisible());
    QCOMPARE(input->property("text").toString(), QString());
    QQuickItem *name = item(QStringLiteral("attachmentChipName"));
    QVERIFY(name->property("text").toString().endsWith(u".png"));
    // × takes it off the draft again.
    click(item(QStringLiteral("removeAttachmentButton")));
    QTRY_VERIFY(!item(QStringLiteral("attachmentChips"))->isVisible());
    QVERIFY(!item(QStringLiteral("sendButton"))->isEnabled());
}

void TestAppFiles::attachButtonOpensTheFileDialog()
{
    // The dialog really opens: where the desktop offers no dialog (as here), QtQuick.Dialogs
    // draws its own, which needs Qt.labs.folderlistmodel installed (a missing module leaves the
    // button doing nothing at all).
    const QString notesPath = write(QStringLiteral("notes.txt"), "Integration by parts\n");
    click(item(QStringLiteral("attachButton")));
    QQuickItem *composer =
        item(QStringLiteral("chatPane"))->property("composer").value<QQuickItem *>();
    QObject *dialog = nullptr;
    QTRY_VERIFY((dialog = composer->findChild<QObject *>(QStringLiteral("attachFileDialog"))));
    QTRY_VERIFY(dialog->property("visible").toBool());
    // Choosing a file there attaches it: the dialog's own list shows the folder, and a double
    // click on the file takes it, as a student would choose it.
    const QUrl notesUrl = QUrl::fromLocalFile(notesPath);
    QVERIFY(dialog->setProperty("currentFolder", QUrl::fromLocalFile(m_dir.path())));
    QQuickItem *entry = nullptr;
    const std::function<QQuickItem *(QQuickItem *)> findEntry = [&](QQuickItem *parent) {
        for (QQuickItem *child : parent->childItems()) {
            if (child->isVisible() && child->property("file").toUrl() == notesUrl)
                return child;
            if (QQuickItem *found = findEntry(child))
                return found;
        }
        return static_cast<QQuickItem *>(nullptr);
    };
    QTRY_VERIFY((entry = findEntry(window->contentItem())));
    QTest::mouseDClick(window, Qt::LeftButton, {},
        entry->mapToScene(QPointF(entry->width() / 2, entry->height() / 2)).toPoint());
    QTRY_VERIFY(item(QStringLiteral("attachmentChips"))
        && item(QStringLiteral("attachmentChips"))->isVisible());
    QCOMPARE(item(QStringLiteral("attachmentChipName"))->property("text").toString(),
        QStringLiteral("notes.txt"));
    click(item(QStringLiteral("removeAttachmentButton")));
    QTRY_VERIFY(!item(QStringLiteral("attachmentChips"))->isVisible());
}

void TestAppFiles::cleanupTestCase()
{
    if (Session::globalInstance()->state() == Session::SignedIn)
        Session::globalInstance()->signOut();
    m_engine.reset();
    m_server.reset();
}

int main(int argc, char *argv[])
{
    PrivateAppFolders folders(QStringLiteral("StudyConnect-files-e2e"));
    // Downloads go to the cache folder: a private one.
    QTemporaryDir cache;
    qputenv("XDG_CACHE_HOME", QFile::encodeName(cache.path()));
    QGuiApplication app(argc, argv);
    TestAppFiles test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_app_files.moc"
