#pragma once

#include <QList>
#include <QString>
#include <QUrl>

/// Finds http and https links in untrusted plain text. Nothing else is a link: no other scheme,
/// no bare "www.", no markup. The text itself is never changed or interpreted.
namespace LinkDetector {

struct Link
{
    /// Offset and length in UTF-16 code units, as QString and QML text positions count.
    qsizetype start = 0;
    qsizetype length = 0;
    QUrl url;

    qsizetype end() const { return start + length; }
};

/// Every link in `text`, in order. Trailing sentence punctuation (".", ",", "!", "?", ":", ";",
/// quotes) and a closing bracket without an opening one inside the link are not part of it.
QList<Link> find(const QString &text);

/// The link containing the character at `position` (0-based), or an empty URL.
QUrl linkAt(const QString &text, qsizetype position);

} // namespace LinkDetector
