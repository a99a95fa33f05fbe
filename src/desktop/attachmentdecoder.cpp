#include "attachmentdecoder.h"

#include <QImageIOHandler>
#include <QImageReader>

#include <limits>

namespace {

/// `size` scaled down (never up) to fit `bound`, whose 0 width or height does not bind.
QSize fitted(QSize size, const QSize &bound)
{
    const QSize box(bound.width() > 0 ? bound.width() : std::numeric_limits<int>::max(),
        bound.height() > 0 ? bound.height() : std::numeric_limits<int>::max());
    if (size.width() > box.width() || size.height() > box.height())
        size = size.scaled(box, Qt::KeepAspectRatio);
    return size.expandedTo(QSize(1, 1));
}

} // namespace

namespace AttachmentDecoder {

QImage decode(const QString &path, const QSize &requested, QString *error)
{
    QImageReader reader(path);
    // Cached files have no suffix, and a local file's suffix may lie: the bytes decide.
    reader.setDecideFormatFromContent(true);
    reader.setAutoTransform(true);
    reader.setAllocationLimit(AllocationLimitMb);
    const QSize stored = reader.size();
    if (!stored.isValid() || stored.isEmpty()) {
        *error = QStringLiteral("not a picture: %1").arg(reader.errorString());
        return {};
    }
    // What the header declares, checked before a single pixel is decoded.
    if (qint64(stored.width()) * stored.height() > MaxPixels) {
        *error = QStringLiteral("the picture is too large (%1 × %2 pixels)")
                     .arg(stored.width())
                     .arg(stored.height());
        return {};
    }
    // The size asked for is the picture as shown, turned by its EXIF orientation; the reader
    // scales before it turns.
    const bool turned = reader.transformation().testFlag(QImageIOHandler::TransformationRotate90);
    const QSize shown = turned ? stored.transposed() : stored;
    QSize target = requested.width() > 0 || requested.height() > 0
        ? fitted(shown, requested)
        : fitted(shown, QSize(LargestSide, LargestSide));
    if (turned)
        target.transpose();
    if (target != stored)
        reader.setScaledSize(target);
    QImage image = reader.read();
    if (image.isNull()) {
        *error = QStringLiteral("the picture does not decode: %1").arg(reader.errorString());
        return {};
    }
    error->clear();
    return image;
}

} // namespace AttachmentDecoder
