#include "mathpictures.h"

#include "logging.h"
#include "math/mathrenderer.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace {
// Enough for a few thousand inline formulas at 2× (about 10 KiB each).
constexpr qint64 PictureCacheBytes = 32 * 1024 * 1024;
} // namespace

MathPictures *MathPictures::instance()
{
    // Parented to the application: the renderer's thread stops before QCoreApplication goes.
    static MathPictures *pictures = new MathPictures(QCoreApplication::instance());
    return pictures;
}

MathPictures::MathPictures(QObject *parent)
    : QObject(parent)
    , m_renderer(new MathRenderer(this))
{
    m_pictures.setMaxCost(PictureCacheBytes);
    connect(m_renderer, &MathRenderer::rendered, this,
        [this](const QString &key, const QImage &image, qreal) {
            const QString id = m_pending.take(key);
            if (id.isEmpty())
                return;
            m_pendingIds.remove(id);
            {
                QMutexLocker locker(&m_picturesLock);
                m_pictures.insert(id, new QImage(image), qMax<qsizetype>(1, image.sizeInBytes()));
            }
            m_settled.insert(id, { State::Ready, id, image.deviceIndependentSize(), QString() });
            Q_EMIT formulaSettled(id);
        });
    connect(
        m_renderer, &MathRenderer::failed, this, [this](const QString &key, const QString &reason) {
            const QString id = m_pending.take(key);
            if (id.isEmpty())
                return;
            m_pendingIds.remove(id);
            qCDebug(lcDesktop) << "formula not drawn:" << reason;
            m_settled.insert(id, { State::Failed, id, QSizeF(), reason });
            Q_EMIT formulaSettled(id);
        });
}

MathPictures::~MathPictures() = default;

QString MathPictures::idOf(const QString &description)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(description.toUtf8(), QCryptographicHash::Sha1).toHex());
}

MathPictures::Formula MathPictures::formula(const QString &tex, bool display, qreal fontPixelSize,
    const QColor &color, qreal devicePixelRatio)
{
    const QString id = idOf(QStringLiteral("%1|%2|%3|%4|")
                                .arg(QLatin1Char(display ? 'D' : 'I'))
                                .arg(fontPixelSize)
                                .arg(color.name(QColor::HexArgb))
                                .arg(devicePixelRatio)
        + tex);
    const auto settled = m_settled.constFind(id);
    if (settled != m_settled.constEnd()) {
        if (settled->state == State::Failed)
            return *settled;
        QMutexLocker locker(&m_picturesLock);
        if (m_pictures.contains(id))
            return *settled;
    }
    // Not drawn yet, or the picture was forgotten: ask (once; the renderer merges repeats).
    m_settled.remove(id);
    if (!m_pendingIds.contains(id)) {
        m_pendingIds.insert(id);
        m_pending.insert(
            m_renderer->request(tex, display, fontPixelSize, color, devicePixelRatio), id);
    }
    return { State::Pending, id, QSizeF(), QString() };
}

QImage MathPictures::picture(const QString &id) const
{
    QMutexLocker locker(&m_picturesLock);
    const QImage *image = m_pictures.object(id);
    return image ? *image : QImage();
}

MathPictureProvider::MathPictureProvider()
    : QQuickImageProvider(QQuickImageProvider::Image)
{ }

QImage MathPictureProvider::requestImage(const QString &id, QSize *size, const QSize &)
{
    const QImage image = MathPictures::instance()->picture(id);
    if (size)
        *size = image.size();
    return image;
}
