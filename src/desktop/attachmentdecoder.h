#pragma once

#include <QImage>
#include <QSize>
#include <QString>

/// Decoding attachment pictures: at the size shown, never larger, and never a picture that would
/// take the memory of the machine (a "decompression bomb": a few KB of PNG declaring 100000 ×
/// 100000 pixels).
namespace AttachmentDecoder {

/// Pictures of more pixels than this are refused before any decoding.
inline constexpr qint64 MaxPixels = 50'000'000;
/// What QImageReader may allocate for one picture (MB): a 50-megapixel picture at 4 bytes a pixel.
inline constexpr int AllocationLimitMb = 200;
/// The longest side of a picture asked for without a size.
inline constexpr int LargestSide = 4096;

/// The picture in `path`, scaled down to fit `requested` (aspect kept; a 0 width or height is
/// free), turned as its EXIF data says. A null image with `error` set when the file is not a
/// picture Qt can read, is too large, or is damaged. Any thread.
QImage decode(const QString &path, const QSize &requested, QString *error);

} // namespace AttachmentDecoder
