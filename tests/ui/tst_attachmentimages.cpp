// Attachment pictures and files on the desktop side, without a server: the decoder scales to the
// size asked for (never decoding more than needed, never enlarging), follows EXIF orientation,
// refuses decompression bombs by their declared size and reports bytes that are no picture; the
// image://attachment provider serves cached files and only the local files the user attached;
// FileActions saves a cached file under the name chosen, cleans names, and turns a clipboard
// picture into a PNG to attach.
#include "desktop/attachmentimages.h"
#include "desktop/fileactions.h"

#include <QBuffer>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <memory>

namespace {

QImage gradient(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.setPixel(x, y, qRgb(x % 256, y % 256, 128));
    return image;
}

quint32 crc32Of(const QByteArray &bytes)
{
    quint32 crc = 0xffffffffu;
    for (const char byte : bytes) {
        crc ^= quint8(byte);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray chunk(const QByteArray &type, const QByteArray &data)
{
    QByteArray out;
    char length[4];
    qToBigEndian<quint32>(quint32(data.size()), length);
    out.append(length, 4);
    const QByteArray body = type + data;
    out.append(body);
    char crc[4];
    qToBigEndian<quint32>(crc32Of(body), crc);
    out.append(crc, 4);
    return out;
}

/// A valid PNG of a few hundred bytes that declares `width` × `height` pixels: a bomb when large.
QByteArray declaredPng(quint32 width, quint32 height)
{
    QByteArray header(13, '\0');
    qToBigEndian<quint32>(width, header.data());
    qToBigEndian<quint32>(height, header.data() + 4);
    header[8] = 8; // bit depth
    header[9] = 2; // RGB
    // Rows of zeros (filter byte 0 and black pixels) for a small picture, as a zlib stream
    // (qCompress puts the length in front of one).
    const QByteArray rows(int(qMin<quint32>(height, 8) * (1 + qMin<quint32>(width, 8) * 3)), '\0');
    const QByteArray compressed = qCompress(rows).mid(4);
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", header) + chunk("IDAT", compressed)
        + chunk("IEND", {});
}

/// A JPEG of `image` whose EXIF orientation is 6: shown turned 90° clockwise.
QByteArray jpegTurnedClockwise(const QImage &image)
{
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG");
    // TIFF (big endian): one IFD entry, Orientation (0x0112), SHORT, 1 value: 6.
    const QByteArray tiff("MM\0\x2a\0\0\0\x08"
                          "\0\x01"
                          "\x01\x12\0\x03\0\0\0\x01\0\x06\0\0"
                          "\0\0\0\0",
        26);
    const QByteArray exif = QByteArray("Exif\0\0", 6) + tiff;
    QByteArray segment("\xff\xe1", 2);
    char length[2];
    qToBigEndian<quint16>(quint16(exif.size() + 2), length);
    segment.append(length, 2);
    segment.append(exif);
    return jpeg.left(2) + segment + jpeg.mid(2);
}

bool write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

/// Asks the provider and waits for its answer: the picture, or the error.
struct Answer
{
    QImage image;
    QString error;
};
Answer ask(AttachmentImageProvider &provider, const QString &id, const QSize &size)
{
    std::unique_ptr<QQuickImageResponse> response(provider.requestImageResponse(id, size));
    // A refusal finishes at once, inside requestImageResponse() (Qt Quick checks for that);
    // anything else later, from a decoder thread or the GUI thread's download.
    QSignalSpy finished(response.get(), &QQuickImageResponse::finished);
    if (response->errorString().isEmpty())
        finished.wait(10000);
    Answer answer;
    answer.error = response->errorString();
    if (answer.error.isEmpty()) {
        std::unique_ptr<QQuickTextureFactory> factory(response->textureFactory());
        if (factory)
            answer.image = factory->image();
    }
    return answer;
}

} // namespace

class TestAttachmentImages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY(gradient(1200, 900).save(path("photo.png")));
    }

    void decodesAtTheSizeShown()
    {
        QString error;
        // 1200 × 900 into 360 × 280: the width binds.
        QImage image = AttachmentDecoder::decode(path("photo.png"), QSize(360, 280), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(image.size(), QSize(360, 270));
        // A free width: the height binds.
        image = AttachmentDecoder::decode(path("photo.png"), QSize(0, 100), &error);
        QCOMPARE(image.size(), QSize(133, 100));
        // Never enlarged.
        image = AttachmentDecoder::decode(path("photo.png"), QSize(4000, 4000), &error);
        QCOMPARE(image.size(), QSize(1200, 900));
        // No size asked for: the picture as it is (it is under the largest side).
        image = AttachmentDecoder::decode(path("photo.png"), QSize(), &error);
        QCOMPARE(image.size(), QSize(1200, 900));
    }

    void followsExifOrientation()
    {
        // Stored 400 × 200, shown 200 × 400: the size asked for is the shown one.
        QVERIFY(write(path("turned.jpg"), jpegTurnedClockwise(gradient(400, 200))));
        QString error;
        QImage image = AttachmentDecoder::decode(path("turned.jpg"), QSize(100, 100), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(image.size(), QSize(50, 100));
        image = AttachmentDecoder::decode(path("turned.jpg"), QSize(), &error);
        QCOMPARE(image.size(), QSize(200, 400));
    }

    void refusesDecompressionBombs()
    {
        // 100 000 × 100 000 pixels (40 GB decoded) in a file of a few hundred bytes.
        const QByteArray bomb = declaredPng(100000, 100000);
        QVERIFY(bomb.size() < 1000);
        QVERIFY(write(path("bomb.png"), bomb));
        QString error;
        const QImage image = AttachmentDecoder::decode(path("bomb.png"), QSize(360, 280), &error);
        QVERIFY(image.isNull());
        QVERIFY2(error.contains(u"too large"), qPrintable(error));
        // Just over the limit is refused too; a small picture of the same making decodes.
        QVERIFY(write(path("over.png"), declaredPng(10000, 5001)));
        QVERIFY(AttachmentDecoder::decode(path("over.png"), QSize(100, 100), &error).isNull());
        QVERIFY(error.contains(u"too large"));
        QVERIFY(write(path("small.png"), declaredPng(8, 8)));
        QCOMPARE(AttachmentDecoder::decode(path("small.png"), QSize(100, 100), &error).size(),
            QSize(8, 8));
    }

    void reportsBytesThatAreNoPicture()
    {
        QVERIFY(write(path("notes.png"), "These are my notes, not a picture.\n"));
        QString error;
        QVERIFY(AttachmentDecoder::decode(path("notes.png"), QSize(100, 100), &error).isNull());
        QVERIFY(!error.isEmpty());
        // A picture's header with its data cut off.
        QFile photo(path("photo.png"));
        QVERIFY(photo.open(QIODevice::ReadOnly));
        QVERIFY(write(path("cut.png"), photo.read(120)));
        QVERIFY(AttachmentDecoder::decode(path("cut.png"), QSize(100, 100), &error).isNull());
        QVERIFY(!error.isEmpty());
        QVERIFY(AttachmentDecoder::decode(path("missing.png"), QSize(100, 100), &error).isNull());
        QVERIFY(!error.isEmpty());
    }

    void providerServesCachedFilesByIdOnly()
    {
        AttachmentImageProvider provider;
        const QString cached = AttachmentStore::cachedPath(QStringLiteral("f_0123-abc"));
        QVERIFY(!cached.isEmpty());
        QVERIFY(QFile::copy(path("photo.png"), cached) || QFile::exists(cached));
        Answer answer = ask(provider, QStringLiteral("f_0123-abc"), QSize(360, 280));
        QVERIFY2(answer.error.isEmpty(), qPrintable(answer.error));
        QCOMPARE(answer.image.size(), QSize(360, 270));

        // Nothing that is not an id becomes a path.
        for (const QString &id : { QStringLiteral("../photo.png"), QStringLiteral("a/b"),
                 QStringLiteral("%2e%2e"), QString(65, u'a'), QString() }) {
            QVERIFY2(!AttachmentStore::isFileId(id), qPrintable(id));
            QVERIFY(!ask(provider, id, QSize(100, 100)).error.isEmpty());
        }
        QVERIFY(AttachmentStore::isFileId(QString(64, u'a')));

        // A cached file that is no picture: an error, for the file card.
        QVERIFY(write(AttachmentStore::cachedPath(QStringLiteral("pdf1")), "%PDF-1.4\n"));
        QVERIFY(!ask(provider, QStringLiteral("pdf1"), QSize(100, 100)).error.isEmpty());
    }

    void providerServesOnlyAttachedLocalFiles()
    {
        AttachmentImageProvider provider;
        const QString id = QStringLiteral("local/")
            + QString::fromLatin1(QUrl::toPercentEncoding(path("photo.png")));
        QVERIFY(!ask(provider, id, QSize(100, 100)).error.isEmpty());
        // FileActions makes the source of a file the user attached, which allows it.
        FileActions actions(nullptr);
        const QUrl source = actions.localImageSource(path("photo.png"));
        QCOMPARE(source.toString(), QStringLiteral("image://attachment/") + id);
        const Answer answer = ask(provider, id, QSize(120, 120));
        QVERIFY2(answer.error.isEmpty(), qPrintable(answer.error));
        QCOMPARE(answer.image.size(), QSize(120, 90));
        // Another file in the same folder is still refused.
        QVERIFY(!ask(provider,
            QStringLiteral("local/")
                + QString::fromLatin1(QUrl::toPercentEncoding(path("turned.jpg"))),
            QSize(100, 100))
                     .error.isEmpty());
    }

    void fileActionsSaveACachedFile()
    {
        FileActions actions(nullptr);
        QVERIFY(write(AttachmentStore::cachedPath(QStringLiteral("lecture1")), "%PDF-1.4 lecture"));
        QSignalSpy saved(&actions, &FileActions::saved);
        const QString target = path("saved lecture.pdf");
        QVERIFY(write(target, "an older file the dialog agreed to replace"));
        actions.saveAs(
            QStringLiteral("lecture1"), QStringLiteral("lecture.pdf"), QUrl::fromLocalFile(target));
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(saved.constFirst().constFirst().toString(), target);
        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("%PDF-1.4 lecture"));
        QCOMPARE(actions.error(), QString());
        QVERIFY(!actions.busy());

        // Not a local target, not an id: said, nothing written.
        actions.saveAs(QStringLiteral("lecture1"), QStringLiteral("lecture.pdf"),
            QUrl(QStringLiteral("https://example.org/x")));
        QVERIFY(!actions.error().isEmpty());
        actions.clearError();
        actions.saveAs(
            QStringLiteral("../lecture1"), QStringLiteral("x"), QUrl::fromLocalFile(path("x")));
        QTRY_VERIFY(!actions.error().isEmpty());
        QVERIFY(!QFile::exists(path("x")));
        QCOMPARE(saved.size(), 1);
    }

    void fileNamesAreCleaned()
    {
        QCOMPARE(FileActions::safeFileName(QStringLiteral("../../.bashrc")).contains(u'/'), false);
        QCOMPARE(FileActions::safeFileName(QStringLiteral("a\nb\x01.pdf")).contains(u'\n'), false);
        QCOMPARE(FileActions::safeFileName(QString()), QStringLiteral("file"));
        QCOMPARE(FileActions::safeFileName(QStringLiteral("..")), QStringLiteral("file"));
        FileActions actions(nullptr);
        QVERIFY(actions.suggestedSaveUrl(QStringLiteral("x/../../y.pdf"))
                    .toLocalFile()
                    .endsWith(u"/" + FileActions::safeFileName(QStringLiteral("x/../../y.pdf"))));
        QCOMPARE(actions.imageSource(QStringLiteral("../etc")), QUrl());
        QCOMPARE(actions.imageSource(QStringLiteral("abc")),
            QUrl(QStringLiteral("image://attachment/abc")));
    }

    void pastedPictureBecomesAPng()
    {
        FileActions actions(nullptr);
        QClipboard *clipboard = QGuiApplication::clipboard();
        clipboard->setText(QStringLiteral("some text"));
        QVERIFY(!actions.clipboardHasImage());
        QCOMPARE(actions.saveClipboardImage(), QUrl());
        clipboard->setImage(gradient(64, 48));
        if (!actions.clipboardHasImage())
            QSKIP("this platform's clipboard keeps no picture");
        const QUrl url = actions.saveClipboardImage();
        QVERIFY(url.isLocalFile());
        QVERIFY(url.toLocalFile().endsWith(u".png"));
        QImage back(url.toLocalFile());
        QCOMPARE(back.size(), QSize(64, 48));
        QVERIFY(AttachmentStore::instance()->isAllowedLocalFile(url.toLocalFile()));
    }

private:
    QString path(const char *name) const { return m_dir.filePath(QString::fromUtf8(name)); }
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestAttachmentImages)
#include "tst_attachmentimages.moc"
