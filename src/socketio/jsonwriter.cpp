#include "jsonwriter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <QVariantHash>
#include <QVariantList>
#include <QVariantMap>

#include <algorithm>
#include <charconv>
#include <cmath>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace SocketIo {

namespace {

class Writer
{
public:
    Writer(QString &out, QByteArrayList *attachments)
        : m_out(out)
        , m_attachments(attachments)
    { }

    void write(const QVariant &value)
    {
        switch (value.typeId()) {
        case QMetaType::UnknownType:
        case QMetaType::Nullptr:
            m_out += u"null";
            return;
        case QMetaType::Bool:
            m_out += value.toBool() ? QStringView(u"true") : QStringView(u"false");
            return;
        case QMetaType::Int:
        case QMetaType::Short:
        case QMetaType::Long:
        case QMetaType::LongLong:
        case QMetaType::SChar:
            writeInteger(value.toLongLong());
            return;
        case QMetaType::UInt:
        case QMetaType::UShort:
        case QMetaType::ULong:
        case QMetaType::ULongLong:
        case QMetaType::UChar:
            writeUnsigned(value.toULongLong());
            return;
        case QMetaType::Double:
        case QMetaType::Float:
            writeDouble(value.toDouble());
            return;
        case QMetaType::QString:
            writeString(*static_cast<const QString *>(value.constData()));
            return;
        case QMetaType::QChar:
            writeString(QString(value.toChar()));
            return;
        case QMetaType::QByteArray:
            writeBytes(*static_cast<const QByteArray *>(value.constData()));
            return;
        case QMetaType::QVariantMap:
            writeMap(*static_cast<const QVariantMap *>(value.constData()));
            return;
        case QMetaType::QVariantHash:
            writeHash(*static_cast<const QVariantHash *>(value.constData()));
            return;
        case QMetaType::QVariantList:
            writeList(*static_cast<const QVariantList *>(value.constData()));
            return;
        case QMetaType::QStringList: {
            const auto &list = *static_cast<const QStringList *>(value.constData());
            m_out += u'[';
            for (qsizetype i = 0; i < list.size(); ++i) {
                if (i > 0)
                    m_out += u',';
                writeString(list.at(i));
            }
            m_out += u']';
            return;
        }
        case QMetaType::QByteArrayList: {
            const auto &list = *static_cast<const QByteArrayList *>(value.constData());
            m_out += u'[';
            for (qsizetype i = 0; i < list.size(); ++i) {
                if (i > 0)
                    m_out += u',';
                writeBytes(list.at(i));
            }
            m_out += u']';
            return;
        }
        case QMetaType::QDateTime: {
            // JSON.stringify(date) gives toISOString(): UTC, milliseconds, 'Z'; invalid -> null.
            const auto &dateTime = *static_cast<const QDateTime *>(value.constData());
            if (dateTime.isValid())
                writeString(dateTime.toUTC().toString(Qt::ISODateWithMs));
            else
                m_out += u"null";
            return;
        }
        case QMetaType::QJsonValue:
            writeJson(*static_cast<const QJsonValue *>(value.constData()));
            return;
        case QMetaType::QJsonObject:
            writeJsonObject(*static_cast<const QJsonObject *>(value.constData()));
            return;
        case QMetaType::QJsonArray:
            writeJsonArray(*static_cast<const QJsonArray *>(value.constData()));
            return;
        case QMetaType::QJsonDocument: {
            const auto &document = *static_cast<const QJsonDocument *>(value.constData());
            if (document.isObject())
                writeJsonObject(document.object());
            else if (document.isArray())
                writeJsonArray(document.array());
            else
                m_out += u"null";
            return;
        }
        default:
            break;
        }
        if (value.canConvert<QString>()) {
            writeString(value.toString());
            return;
        }
        writeJson(QJsonValue::fromVariant(value));
    }

    // Returns the first code unit at or after p that may need escaping ('"', '\\', a control
    // character or a surrogate), or a point less than 8 units before end, or end. Chat text is
    // long runs of plain characters: skipping them 8 at a time is most of the encoder's speed.
    static const QChar *skipPlainChars(const QChar *p, const QChar *end)
    {
#if defined(__SSE2__)
        const __m128i quote = _mm_set1_epi16('"');
        const __m128i backslash = _mm_set1_epi16('\\');
        const __m128i controlMax = _mm_set1_epi16(0x1f);
        const __m128i surrogateMask = _mm_set1_epi16(short(0xf800));
        const __m128i surrogate = _mm_set1_epi16(short(0xd800));
        while (end - p >= 8) {
            const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
            // Unsigned saturating subtraction is zero exactly for code units <= 0x1f.
            const __m128i special = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi16(chunk, quote), _mm_cmpeq_epi16(chunk, backslash)),
                _mm_or_si128(
                    _mm_cmpeq_epi16(_mm_subs_epu16(chunk, controlMax), _mm_setzero_si128()),
                    _mm_cmpeq_epi16(_mm_and_si128(chunk, surrogateMask), surrogate)));
            const int mask = _mm_movemask_epi8(special);
            if (mask != 0)
                return p + __builtin_ctz(unsigned(mask)) / 2;
            p += 8;
        }
#else
        Q_UNUSED(end);
#endif
        return p;
    }

    void writeString(QStringView s)
    {
        m_out += u'"';
        const QChar *chunk = s.data();
        const QChar *const end = s.data() + s.size();
        for (const QChar *p = chunk;; ++p) {
            p = skipPlainChars(p, end);
            if (p == end)
                break;
            const char16_t c = p->unicode();
            if (c >= 0x20 && c != u'"' && c != u'\\' && (c < 0xd800 || c > 0xdfff))
                continue;
            if (c >= 0xd800 && c <= 0xdbff && p + 1 != end && p[1].unicode() >= 0xdc00
                && p[1].unicode() <= 0xdfff) {
                ++p; // a well-formed surrogate pair stays as is
                continue;
            }
            m_out.append(chunk, p - chunk);
            chunk = p + 1;
            switch (c) {
            case u'"':
                m_out += u"\\\"";
                break;
            case u'\\':
                m_out += u"\\\\";
                break;
            case u'\b':
                m_out += u"\\b";
                break;
            case u'\f':
                m_out += u"\\f";
                break;
            case u'\n':
                m_out += u"\\n";
                break;
            case u'\r':
                m_out += u"\\r";
                break;
            case u'\t':
                m_out += u"\\t";
                break;
            default: {
                // Other control characters and lone surrogates, as well-formed JSON.stringify
                // writes them.
                static constexpr char16_t hex[] = u"0123456789abcdef";
                const char16_t escape[6] = { u'\\', u'u', hex[(c >> 12) & 0xf], hex[(c >> 8) & 0xf],
                    hex[(c >> 4) & 0xf], hex[c & 0xf] };
                m_out.append(reinterpret_cast<const QChar *>(escape), 6);
                break;
            }
            }
        }
        m_out.append(chunk, end - chunk);
        m_out += u'"';
    }

private:
    void writeInteger(qint64 value)
    {
        char buffer[24];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
        appendAscii(buffer, result.ptr);
    }

    void writeUnsigned(quint64 value)
    {
        char buffer[24];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
        appendAscii(buffer, result.ptr);
    }

    void appendAscii(const char *begin, const char *end)
    {
        const qsizetype offset = m_out.size();
        m_out.resize(offset + (end - begin));
        QChar *dst = m_out.data() + offset;
        for (const char *p = begin; p != end; ++p)
            *dst++ = QLatin1Char(*p);
    }

    // Formats like ECMAScript Number::toString, so the output matches JSON.stringify exactly.
    void writeDouble(double value)
    {
        if (!std::isfinite(value)) {
            m_out += u"null";
            return;
        }
        if (value == 0) {
            m_out += u'0'; // JSON.stringify(-0) is "0" too
            return;
        }
        char sci[32];
        const auto result =
            std::to_chars(sci, sci + sizeof sci, value, std::chars_format::scientific);
        // sci is "[-]d[.ddd]e[+-]xx": collect the significant digits and the exponent.
        const char *p = sci;
        char out[64];
        char *o = out;
        if (*p == '-')
            *o++ = *p++;
        char digits[24];
        int k = 0;
        for (; p != result.ptr && *p != 'e'; ++p) {
            if (*p != '.')
                digits[k++] = *p;
        }
        int exponent = 0;
        std::from_chars(p + 1 + (p[1] == '+' ? 1 : 0), result.ptr, exponent);
        const int n = exponent + 1;
        if (k <= n && n <= 21) {
            o = std::copy(digits, digits + k, o);
            o = std::fill_n(o, n - k, '0');
        } else if (0 < n && n <= 21) {
            o = std::copy(digits, digits + n, o);
            *o++ = '.';
            o = std::copy(digits + n, digits + k, o);
        } else if (-6 < n && n <= 0) {
            *o++ = '0';
            *o++ = '.';
            o = std::fill_n(o, -n, '0');
            o = std::copy(digits, digits + k, o);
        } else {
            *o++ = digits[0];
            if (k > 1) {
                *o++ = '.';
                o = std::copy(digits + 1, digits + k, o);
            }
            *o++ = 'e';
            *o++ = n - 1 >= 0 ? '+' : '-';
            o = std::to_chars(o, out + sizeof out, std::abs(n - 1)).ptr;
        }
        appendAscii(out, o);
    }

    void writeBytes(const QByteArray &bytes)
    {
        if (!m_attachments) {
            writeString(QString::fromUtf8(bytes));
            return;
        }
        m_out += u"{\"_placeholder\":true,\"num\":";
        writeInteger(m_attachments->size());
        m_out += u'}';
        m_attachments->append(bytes);
    }

    void writeKey(QStringView key)
    {
        writeString(key);
        m_out += u':';
    }

    void writeMap(const QVariantMap &map)
    {
        m_out += u'{';
        bool first = true;
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            if (!first)
                m_out += u',';
            first = false;
            writeKey(it.key());
            write(it.value());
        }
        m_out += u'}';
    }

    void writeHash(const QVariantHash &hash)
    {
        // Hash order changes from run to run; sorted keys keep the output reproducible.
        QStringList keys = hash.keys();
        std::sort(keys.begin(), keys.end());
        m_out += u'{';
        for (qsizetype i = 0; i < keys.size(); ++i) {
            if (i > 0)
                m_out += u',';
            writeKey(keys.at(i));
            write(hash.value(keys.at(i)));
        }
        m_out += u'}';
    }

    void writeList(const QVariantList &list)
    {
        m_out += u'[';
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (i > 0)
                m_out += u',';
            write(list.at(i));
        }
        m_out += u']';
    }

    void writeJson(const QJsonValue &value)
    {
        switch (value.type()) {
        case QJsonValue::Null:
        case QJsonValue::Undefined:
            m_out += u"null";
            return;
        case QJsonValue::Bool:
            m_out += value.toBool() ? QStringView(u"true") : QStringView(u"false");
            return;
        case QJsonValue::Double:
            // toVariant() keeps integers stored as such, so they print without a fraction.
            write(value.toVariant());
            return;
        case QJsonValue::String:
            writeString(value.toString());
            return;
        case QJsonValue::Array:
            writeJsonArray(value.toArray());
            return;
        case QJsonValue::Object:
            writeJsonObject(value.toObject());
            return;
        }
    }

    void writeJsonObject(const QJsonObject &object)
    {
        m_out += u'{';
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (it != object.constBegin())
                m_out += u',';
            writeKey(it.key());
            writeJson(it.value());
        }
        m_out += u'}';
    }

    void writeJsonArray(const QJsonArray &array)
    {
        m_out += u'[';
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0)
                m_out += u',';
            writeJson(array.at(i));
        }
        m_out += u']';
    }

    QString &m_out;
    QByteArrayList *const m_attachments;
};

} // namespace

void JsonWriter::write(const QVariant &value, QString &out, QByteArrayList *attachments)
{
    Writer(out, attachments).write(value);
}

QString JsonWriter::toJson(const QVariant &value, QByteArrayList *attachments)
{
    QString out;
    write(value, out, attachments);
    return out;
}

} // namespace SocketIo
