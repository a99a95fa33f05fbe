#pragma once

#include <QColor>
#include <QImage>
#include <QString>

/// A formula drawn for one font size, colour and device pixel ratio.
struct MathPicture
{
    /// The formula on a transparent background; its devicePixelRatio() is the one asked for, so
    /// its size in logical pixels is image.deviceIndependentSize().
    QImage image;
    /// CSS vertical-align of the picture in logical pixels: its bottom edge sits this far above
    /// the text baseline (negative when the formula reaches below the baseline, as most do).
    qreal verticalAlign = 0;
};

/// What MathJax's <svg> root says about its size, all in ex of the surrounding text.
struct MathSvgSize
{
    qreal width = 0;
    qreal height = 0;
    qreal verticalAlign = 0;
    bool valid = false;
};

/// Reads width, height and style="vertical-align" of MathJax's SVG root.
MathSvgSize readMathSvgSize(const QString &svg);

/// The height of a lower-case x as a fraction of the pixel size, for the application font.
qreal xHeightPerPixel();

/// Draws MathJax's SVG output at `fontPixelSize` (1 ex = that font's x-height) in `color` (the
/// SVG's currentColor) for `devicePixelRatio`. Returns a null image and sets `error` when the
/// SVG cannot be drawn.
MathPicture drawMathSvg(const QString &svg, qreal fontPixelSize, const QColor &color,
    qreal devicePixelRatio, QString *error);
