#include "mathsvg.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgRenderer>

#include <cmath>

namespace {

// Pictures larger than this (in device pixels, either side) are refused rather than allocated:
// a formula of a few thousand characters cannot honestly need more.
constexpr int MaxSideDevicePixels = 8192;

QString svgRootTag(const QString &svg)
{
    const qsizetype start = svg.indexOf(QLatin1String("<svg"));
    if (start < 0)
        return {};
    const qsizetype end = svg.indexOf(u'>', start);
    return end < 0 ? QString() : svg.mid(start, end - start + 1);
}

bool readEx(const QString &tag, const QRegularExpression &pattern, qreal *value)
{
    const QRegularExpressionMatch match = pattern.match(tag);
    if (!match.hasMatch())
        return false;
    bool ok = false;
    *value = match.captured(1).toDouble(&ok);
    return ok && std::isfinite(*value);
}

} // namespace

MathSvgSize readMathSvgSize(const QString &svg)
{
    static const QRegularExpression width(QStringLiteral(R"(\swidth="(-?[0-9.]+)ex")"));
    static const QRegularExpression height(QStringLiteral(R"(\sheight="(-?[0-9.]+)ex")"));
    static const QRegularExpression valign(QStringLiteral(R"(vertical-align:\s*(-?[0-9.]+)ex)"));
    const QString tag = svgRootTag(svg);
    MathSvgSize size;
    size.valid = readEx(tag, width, &size.width) && readEx(tag, height, &size.height)
        && size.width >= 0 && size.height >= 0;
    if (!readEx(tag, valign, &size.verticalAlign))
        size.verticalAlign = 0;
    return size;
}

qreal xHeightPerPixel()
{
    // Measured once at a large size so that fractional pixel sizes scale exactly.
    static const qreal ratio = [] {
        QFont font;
        font.setPixelSize(100);
        const qreal xHeight = QFontMetricsF(font).xHeight();
        // A font without an x (or no font at all): MathJax's own TeX x-height, 0.442 em.
        return xHeight > 0 ? xHeight / 100.0 : 0.442;
    }();
    return ratio;
}

MathPicture drawMathSvg(const QString &svg, qreal fontPixelSize, const QColor &color,
    qreal devicePixelRatio, QString *error)
{
    const MathSvgSize size = readMathSvgSize(svg);
    if (!size.valid) {
        *error = QStringLiteral("the SVG has no size in ex");
        return {};
    }
    const qreal ex = xHeightPerPixel() * fontPixelSize;
    const QSizeF logical(size.width * ex, size.height * ex);
    const QSize device(qMax(1, qCeil(logical.width() * devicePixelRatio)),
        qMax(1, qCeil(logical.height() * devicePixelRatio)));
    if (device.width() > MaxSideDevicePixels || device.height() > MaxSideDevicePixels) {
        *error = QStringLiteral("the formula is too large to draw");
        return {};
    }

    // MathJax draws in currentColor; QSvgRenderer has no CSS colour to inherit, so the colour is
    // written in. Its alpha goes through the painter's opacity (SVG colours are opaque).
    QString coloured = svg;
    coloured.replace(QLatin1String("currentColor"), color.name(QColor::HexRgb));
    QSvgRenderer renderer(coloured.toUtf8());
    if (!renderer.isValid()) {
        *error = QStringLiteral("the SVG could not be read");
        return {};
    }

    MathPicture picture;
    picture.image = QImage(device, QImage::Format_ARGB32_Premultiplied);
    picture.image.fill(Qt::transparent);
    picture.image.setDevicePixelRatio(devicePixelRatio);
    {
        QPainter painter(&picture.image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setOpacity(color.alphaF());
        // The viewBox maps onto the computed size; the ex width and height are not read.
        renderer.render(&painter, QRectF(QPointF(0, 0), logical));
    }
    picture.verticalAlign = size.verticalAlign * ex;
    return picture;
}
