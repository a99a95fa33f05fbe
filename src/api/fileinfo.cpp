#include "fileinfo.h"

#include <QLocale>
#include <QSet>

namespace {

QString stringField(const QVariantMap &map, const QString &key)
{
    const QVariant value = map.value(key);
    return value.typeId() == QMetaType::QString ? value.toString() : QString();
}

/// A non-negative whole number, whatever numeric type JSON parsing produced; else 0.
qint64 countField(const QVariantMap &map, const QString &key)
{
    const QVariant value = map.value(key);
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::Double: {
        const double number = value.toDouble();
        // Beyond 2^53 a double is no longer a whole byte count; nobody uploads 9 PB.
        return number >= 0 && number < 9.0e15 && number == qint64(number) ? qint64(number) : 0;
    }
    default:
        return 0;
    }
}

} // namespace

bool FileInfo::isImage() const
{
    static const QSet<QString> imageTypes { QStringLiteral("image/png"),
        QStringLiteral("image/jpeg"), QStringLiteral("image/gif"), QStringLiteral("image/webp"),
        QStringLiteral("image/bmp") };
    return width > 0 && height > 0 && imageTypes.contains(mimeType);
}

FileInfo FileInfo::fromVariant(const QVariant &value)
{
    if (value.typeId() != QMetaType::QVariantMap)
        return {};
    const QVariantMap map = value.toMap();
    FileInfo info;
    info.id = stringField(map, QStringLiteral("id"));
    if (info.id.isEmpty())
        return {};
    info.name = cleanName(stringField(map, QStringLiteral("name")));
    info.mimeType = stringField(map, QStringLiteral("mimeType"));
    info.size = countField(map, QStringLiteral("size"));
    // The server checks 1..65535; anything else is not a size to lay out a picture with.
    const qint64 width = countField(map, QStringLiteral("width"));
    const qint64 height = countField(map, QStringLiteral("height"));
    if (width > 0 && height > 0 && width <= 65535 && height <= 65535) {
        info.width = int(width);
        info.height = int(height);
    }
    return info;
}

QVariantMap FileInfo::toVariant() const
{
    QVariantMap map { { QStringLiteral("id"), id }, { QStringLiteral("name"), name },
        { QStringLiteral("size"), size }, { QStringLiteral("mimeType"), mimeType } };
    if (width > 0 && height > 0) {
        map.insert(QStringLiteral("width"), width);
        map.insert(QStringLiteral("height"), height);
    }
    return map;
}

QString FileInfo::cleanName(const QString &name)
{
    // The server's rule (server/src/files/names.js), so that a name cleaned here and one cleaned
    // there are the same name.
    const QString composed = name.normalized(QString::NormalizationForm_C);
    QString cleaned;
    cleaned.reserve(composed.size());
    for (const QChar character : composed) {
        const char16_t code = character.unicode();
        // C0 and C1 controls and DEL; the bidirectional overrides and isolates, which can make
        // "gpj.exe" look like "exe.jpg"; both path separators: a name is never a path.
        if (character.category() == QChar::Other_Control || (code >= 0x202a && code <= 0x202e)
            || (code >= 0x2066 && code <= 0x2069) || code == u'/' || code == u'\\')
            continue;
        cleaned.append(character);
    }
    cleaned = cleaned.trimmed();
    // At most 255 characters (code points, not UTF-16 units), as most file systems allow.
    constexpr qsizetype kMaxNameLength = 255;
    if (cleaned.size() > kMaxNameLength) {
        qsizetype codePoints = 0;
        qsizetype cut = 0;
        while (cut < cleaned.size() && codePoints < kMaxNameLength) {
            cut += cleaned.at(cut).isHighSurrogate() && cut + 1 < cleaned.size() ? 2 : 1;
            ++codePoints;
        }
        cleaned = cleaned.left(cut).trimmed();
    }
    if (cleaned.isEmpty() || cleaned == QLatin1String(".") || cleaned == QLatin1String(".."))
        return QStringLiteral("file");
    return cleaned;
}

QString FileInfo::sizeText(qint64 bytes)
{
    const QLocale locale;
    // One decimal says 31.2 MB; a whole number of units (a limit: 25 MB) reads better without it.
    int precision = 1;
    qint64 unit = 1;
    while (unit <= bytes / 1024)
        unit *= 1024;
    if (bytes % unit == 0)
        precision = 0;
    return locale.formattedDataSize(bytes, precision, QLocale::DataSizeTraditionalFormat);
}
