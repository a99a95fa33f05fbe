// RichDocument::needsRendering: the cheap check that keeps plain messages off the parser.
#include "richdocument.h"

bool RichDocument::needsRendering(QStringView source)
{
    bool lineStart = true;
    int indent = 0;
    for (qsizetype i = 0; i < source.size(); ++i) {
        const char16_t c = source[i].unicode();
        switch (c) {
        case u'_':
            // Underscores never emphasise inside a word ("snake_case", URLs).
            if (i > 0 && i + 1 < source.size() && source[i - 1].isLetterOrNumber()
                && source[i + 1].isLetterOrNumber())
                break;
            return true;
        case u'*':
        case u'~':
        case u'`':
        case u'$':
        case u'\\':
        case u'[':
            return true;
        case u'\n':
            lineStart = true;
            indent = 0;
            continue;
        default:
            break;
        }
        if (!lineStart)
            continue;
        if (c == u' ') {
            if (++indent >= 4)
                return true;
            continue;
        }
        if (c == u'\t' || c == u'#' || c == u'>' || c == u'-' || c == u'+' || c == u'=')
            return true;
        if (c >= u'0' && c <= u'9') {
            // An ordered list item: at most nine digits, then "." or ")".
            qsizetype end = i;
            while (
                end < source.size() && end - i < 10 && source[end] >= u'0' && source[end] <= u'9')
                ++end;
            if (end - i <= 9 && end < source.size() && (source[end] == u'.' || source[end] == u')'))
                return true;
        }
        lineStart = false;
    }
    return false;
}
