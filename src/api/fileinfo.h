#pragma once

#include <QMetaType>
#include <QString>
#include <QVariant>

/// A file stored on the server (POST /api/files answers with one; messages carry them as
/// attachments): what the server found out about it, never what the client claimed.
struct FileInfo
{
    /// Opaque, [A-Za-z0-9_-], at most 64 characters; empty for an invalid FileInfo.
    QString id;
    /// The original name, cleaned by the server (and again here: cleanName).
    QString name;
    /// Sniffed from the bytes by the server, e.g. "image/png", "text/plain; charset=utf-8".
    QString mimeType;
    qint64 size = 0;
    /// Images only; 0 otherwise.
    int width = 0;
    int height = 0;

    /// PNG, JPEG, GIF, WebP or BMP with a known width and height: shown as a picture.
    bool isImage() const;
    bool isValid() const { return !id.isEmpty(); }

    /// Tolerant of what the server sent: a value of the wrong type reads as empty or zero, a
    /// missing or non-string id gives an invalid FileInfo.
    static FileInfo fromVariant(const QVariant &value);
    /// {id, name, size, mimeType} plus width and height for images, as the server sends it.
    QVariantMap toVariant() const;

    /// The server's rule for names: NFC, control characters, bidirectional overrides and path
    /// separators removed, spaces trimmed, at most 255 characters; an empty name (or "." / "..")
    /// becomes "file".
    static QString cleanName(const QString &name);
    /// "31.2 MB", "25 MB", "900 bytes": sizes as the user reads them (QLocale::formattedDataSize,
    /// base 1024, one decimal unless it is a whole number).
    static QString sizeText(qint64 bytes);

    friend bool operator==(const FileInfo &, const FileInfo &) = default;
};

Q_DECLARE_METATYPE(FileInfo)
