#include "jsonreader.h"

#include <QVariantList>
#include <QVariantMap>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <limits>
#include <map>
#include <string>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace SocketIo {

namespace {

// Object keys repeat in every packet ("id", "content", "createdAt"...), and so do short values
// (event names, user names, statuses). Handing out an implicitly shared copy of a cached QString
// saves an allocation and a free each time, as V8 does by internalizing such strings.
// Thread-local so that no locking is needed.
class KeyCache
{
public:
    static constexpr qsizetype MaxKeyLength = 32;
    static constexpr qsizetype MaxValueLength = 16;

    QString lookup(const char16_t *chars, qsizetype length)
    {
        // Length and a few code units spread short strings well enough; a collision only costs
        // a cache miss, as the text is compared in full below.
        quint32 hash = quint32(length) * 0x9e3779b1u;
        if (length > 0) {
            hash ^= quint32(chars[0]) * 0x85ebca6bu;
            hash ^= quint32(chars[length - 1]) * 0xc2b2ae35u;
            hash ^= quint32(chars[length / 2]) * 0x27d4eb2fu;
            hash ^= hash >> 15;
        }
        QString &slot = m_slots[hash % SlotCount];
        if (slot.size() != length
            || std::memcmp(slot.constData(), chars, size_t(length) * sizeof(char16_t)) != 0)
            slot = QString(reinterpret_cast<const QChar *>(chars), length);
        return slot;
    }

private:
    static constexpr quint32 SlotCount = 512;
    QString m_slots[SlotCount];
};

// Builds a value of type T in place inside `variant`, which must be a default-constructed
// (invalid) QVariant: Qt 6.4's QVariant has no move constructors from QString/QVariantList/
// QVariantMap, and assigning a temporary QVariant costs a swap. An invalid QVariant owns nothing,
// so constructing over it leaks nothing.
template<typename T>
T &emplace(QVariant &variant)
{
    Q_ASSERT(!variant.isValid());
    new (&variant) QVariant(QMetaType::fromType<T>());
    return *static_cast<T *>(variant.data());
}

template<typename T>
void construct(QVariant &variant, T value)
{
    Q_ASSERT(!variant.isValid());
    new (&variant) QVariant(value);
}

class Parser
{
public:
    Parser(QStringView json, int maxDepth)
        : m_begin(json.utf16())
        , m_p(json.utf16())
        , m_end(json.utf16() + json.size())
        , m_maxDepth(maxDepth)
    { }

    bool parseDocument(QVariant &out)
    {
        skipWhitespace();
        if (!parseValue(out))
            return false;
        skipWhitespace();
        if (m_p != m_end)
            return fail("unexpected data after the JSON value");
        return true;
    }

    QString errorString() const
    {
        return QStringLiteral("JSON parse error at offset %1: %2").arg(m_errorOffset).arg(m_error);
    }

private:
    bool fail(const char *message)
    {
        m_errorOffset = m_p - m_begin;
        m_error = QString::fromLatin1(message);
        return false;
    }

    void skipWhitespace()
    {
        while (m_p != m_end && (*m_p == u' ' || *m_p == u'\n' || *m_p == u'\r' || *m_p == u'\t'))
            ++m_p;
    }

    bool parseValue(QVariant &out)
    {
        if (m_p == m_end)
            return fail("unexpected end of input");
        switch (*m_p) {
        case u'"':
            return parseString(emplace<QString>(out), false);
        case u'{':
            return parseObject(out);
        case u'[':
            return parseArray(out);
        case u't':
            if (!parseLiteral(u"true"))
                return false;
            construct(out, true);
            return true;
        case u'f':
            if (!parseLiteral(u"false"))
                return false;
            construct(out, false);
            return true;
        case u'n':
            if (!parseLiteral(u"null"))
                return false;
            new (&out) QVariant(QVariant::fromValue(nullptr));
            return true;
        case u'-':
        case u'0':
        case u'1':
        case u'2':
        case u'3':
        case u'4':
        case u'5':
        case u'6':
        case u'7':
        case u'8':
        case u'9':
            return parseNumber(out);
        default:
            return fail("unexpected character");
        }
    }

    bool parseLiteral(std::u16string_view literal)
    {
        if (size_t(m_end - m_p) < literal.size()
            || std::memcmp(m_p, literal.data(), literal.size() * sizeof(char16_t)) != 0)
            return fail("invalid literal");
        m_p += literal.size();
        return true;
    }

    bool enter()
    {
        if (++m_depth > m_maxDepth)
            return fail("nesting too deep");
        return true;
    }

    bool parseArray(QVariant &out)
    {
        if (!enter())
            return false;
        ++m_p; // '['
        QVariantList &list = emplace<QVariantList>(out);
        skipWhitespace();
        if (m_p != m_end && *m_p == u']') {
            ++m_p;
            --m_depth;
            return true;
        }
        for (;;) {
            skipWhitespace();
            if (!parseValue(list.emplaceBack()))
                return false;
            skipWhitespace();
            if (m_p == m_end)
                return fail("unterminated array");
            if (*m_p == u',') {
                ++m_p;
                continue;
            }
            if (*m_p == u']') {
                ++m_p;
                --m_depth;
                return true;
            }
            return fail("expected ',' or ']'");
        }
    }

    bool parseObject(QVariant &out)
    {
        if (!enter())
            return false;
        ++m_p; // '{'
        // Members are collected on a stack shared by all nesting levels, then sorted and handed to
        // the std::map under QMap in key order, so that each insertion is a hinted append.
        const size_t base = m_members.size();
        skipWhitespace();
        if (m_p != m_end && *m_p == u'}') {
            ++m_p;
        } else {
            for (;;) {
                skipWhitespace();
                if (m_p == m_end || *m_p != u'"')
                    return fail("expected a string key");
                QString key;
                if (!parseString(key, true))
                    return false;
                skipWhitespace();
                if (m_p == m_end || *m_p != u':')
                    return fail("expected ':'");
                ++m_p;
                skipWhitespace();
                QVariant value;
                if (!parseValue(value))
                    return false;
                m_members.emplace_back(std::move(key), std::move(value));
                skipWhitespace();
                if (m_p == m_end)
                    return fail("unterminated object");
                if (*m_p == u',') {
                    ++m_p;
                    continue;
                }
                if (*m_p == u'}') {
                    ++m_p;
                    break;
                }
                return fail("expected ',' or '}'");
            }
        }
        const auto first = m_members.begin() + qsizetype(base);
        const auto last = m_members.end();
        // Stable, so that of duplicate keys the last one wins, as with JSON.parse. Objects are
        // small: insertion sort needs no allocation, unlike std::stable_sort.
        if (last - first <= 32) {
            for (auto it = first + (first != last); it < last; ++it) {
                for (auto j = it; j != first && keyLess(j->first, (j - 1)->first); --j)
                    std::iter_swap(j, j - 1);
            }
        } else {
            std::stable_sort(first, last,
                [](const Member &a, const Member &b) { return keyLess(a.first, b.first); });
        }
        std::map<QString, QVariant> map;
        for (auto it = first; it != last; ++it) {
            if (it + 1 != last && it->first == (it + 1)->first)
                continue;
            map.emplace_hint(map.end(), std::move(it->first), std::move(it->second));
        }
        m_members.erase(first, last);
        emplace<QVariantMap>(out) = QVariantMap(std::move(map));
        --m_depth;
        return true;
    }

    // The order of QString's operator<: UTF-16 code units, then length.
    static bool keyLess(const QString &a, const QString &b)
    {
        const qsizetype n = std::min(a.size(), b.size());
        const char16_t *x = reinterpret_cast<const char16_t *>(a.constData());
        const char16_t *y = reinterpret_cast<const char16_t *>(b.constData());
        for (qsizetype i = 0; i < n; ++i) {
            if (x[i] != y[i])
                return x[i] < y[i];
        }
        return a.size() < b.size();
    }

    // Returns the first '"', '\\' or (when StopAtControl) control character at or after p, or end.
    template<bool StopAtControl>
    static const char16_t *scanPlainChars(const char16_t *p, const char16_t *end)
    {
#if defined(__SSE2__)
        const __m128i quote = _mm_set1_epi16('"');
        const __m128i backslash = _mm_set1_epi16('\\');
        const __m128i controlMax = _mm_set1_epi16(0x1f);
        while (end - p >= 8) {
            const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
            __m128i special =
                _mm_or_si128(_mm_cmpeq_epi16(chunk, quote), _mm_cmpeq_epi16(chunk, backslash));
            if constexpr (StopAtControl) {
                // Unsigned saturating subtraction is zero exactly for code units <= 0x1f.
                special = _mm_or_si128(special,
                    _mm_cmpeq_epi16(_mm_subs_epu16(chunk, controlMax), _mm_setzero_si128()));
            }
            const int mask = _mm_movemask_epi8(special);
            if (mask != 0)
                return p + __builtin_ctz(unsigned(mask)) / 2;
            p += 8;
        }
#endif
        while (p != end && *p != u'"' && *p != u'\\' && (!StopAtControl || *p >= 0x20))
            ++p;
        return p;
    }

    void scanPlainChars()
    {
        m_p = scanPlainChars<true>(m_p, m_end);
    }

    static int hexValue(char16_t c)
    {
        if (c >= u'0' && c <= u'9')
            return c - u'0';
        if (c >= u'a' && c <= u'f')
            return c - u'a' + 10;
        if (c >= u'A' && c <= u'F')
            return c - u'A' + 10;
        return -1;
    }

    // Lone surrogates (e.g. "\ud800" or a raw unpaired surrogate) are accepted, as JSON.parse
    // does: QString holds UTF-16 code units just like a JS string, so they survive unchanged.
    bool parseString(QString &target, bool isKey)
    {
        ++m_p; // opening quote
        const char16_t *start = m_p;
        scanPlainChars();
        if (m_p == m_end)
            return fail("unterminated string");
        if (*m_p == u'"') {
            const qsizetype length = m_p - start;
            ++m_p;
            if (length <= (isKey ? KeyCache::MaxKeyLength : KeyCache::MaxValueLength))
                target = m_keyCache->lookup(start, length);
            else
                target = QString(reinterpret_cast<const QChar *>(start), length);
            return true;
        }
        if (*m_p != u'\\')
            return fail("control character in string");

        // Unescaped into a reused buffer, then copied once into an exactly sized QString: one
        // scan of the text and no reallocation.
        std::u16string &buffer = m_scratch.text;
        buffer.clear();
        for (;;) {
            buffer.append(start, m_p);
            if (m_p == m_end)
                return fail("unterminated string");
            if (*m_p == u'"') {
                ++m_p;
                target = QString(
                    reinterpret_cast<const QChar *>(buffer.data()), qsizetype(buffer.size()));
                return true;
            }
            if (*m_p != u'\\')
                return fail("control character in string");
            ++m_p;
            if (m_p == m_end)
                return fail("unterminated string");
            switch (*m_p) {
            case u'"':
            case u'\\':
            case u'/':
                buffer += *m_p;
                break;
            case u'b':
                buffer += u'\b';
                break;
            case u'f':
                buffer += u'\f';
                break;
            case u'n':
                buffer += u'\n';
                break;
            case u'r':
                buffer += u'\r';
                break;
            case u't':
                buffer += u'\t';
                break;
            case u'u': {
                if (m_end - m_p < 5)
                    return fail("truncated \\u escape");
                int value = 0;
                for (int i = 1; i <= 4; ++i) {
                    const int digit = hexValue(m_p[i]);
                    if (digit < 0) {
                        m_p += i;
                        return fail("invalid \\u escape");
                    }
                    value = value * 16 + digit;
                }
                m_p += 4;
                buffer += char16_t(value);
                break;
            }
            default:
                return fail("invalid escape");
            }
            ++m_p;
            start = m_p;
            scanPlainChars();
        }
    }

    static bool isDigit(char16_t c)
    {
        return c >= u'0' && c <= u'9';
    }

    bool parseNumber(QVariant &out)
    {
        const char16_t *start = m_p;
        const bool negative = *m_p == u'-';
        if (negative)
            ++m_p;
        if (m_p == m_end || !isDigit(*m_p))
            return fail("invalid number");
        quint64 magnitude = 0;
        int digits = 0;
        if (*m_p == u'0') {
            ++m_p;
            if (m_p != m_end && isDigit(*m_p))
                return fail("leading zero in number");
        } else {
            while (m_p != m_end && isDigit(*m_p)) {
                // 19 digits always fit in a quint64; longer ones go the double way.
                if (digits < 19)
                    magnitude = magnitude * 10 + (*m_p - u'0');
                ++digits;
                ++m_p;
            }
        }
        bool integral = true;
        if (m_p != m_end && *m_p == u'.') {
            ++m_p;
            if (m_p == m_end || !isDigit(*m_p))
                return fail("expected a digit after the decimal point");
            while (m_p != m_end && isDigit(*m_p))
                ++m_p;
            integral = false;
        }
        if (m_p != m_end && (*m_p == u'e' || *m_p == u'E')) {
            ++m_p;
            if (m_p != m_end && (*m_p == u'+' || *m_p == u'-'))
                ++m_p;
            if (m_p == m_end || !isDigit(*m_p))
                return fail("expected a digit in the exponent");
            while (m_p != m_end && isDigit(*m_p))
                ++m_p;
            integral = false;
        }
        if (integral && digits <= 19) {
            constexpr quint64 maxPositive = quint64(std::numeric_limits<qint64>::max());
            if (negative && magnitude == 0) {
                // -0 is a distinct JS number; keep its sign.
                construct(out, -0.0);
                return true;
            }
            if (magnitude <= maxPositive) {
                construct(out, negative ? -qint64(magnitude) : qint64(magnitude));
                return true;
            }
            if (negative && magnitude == maxPositive + 1) {
                construct(out, std::numeric_limits<qint64>::min());
                return true;
            }
        }
        return parseDouble(start, out);
    }

    bool parseDouble(const char16_t *start, QVariant &out)
    {
        // The grammar was checked above, so every code unit is ASCII.
        const qsizetype length = m_p - start;
        char small[64];
        std::string large;
        char *buffer = small;
        if (length > qsizetype(sizeof small)) {
            large.resize(size_t(length));
            buffer = large.data();
        }
        for (qsizetype i = 0; i < length; ++i)
            buffer[i] = char(start[i]);
        double value = 0;
        const auto result = std::from_chars(buffer, buffer + length, value);
        if (result.ec == std::errc::result_out_of_range)
            value = outOfRangeValue(buffer, buffer + length);
        else if (result.ec != std::errc() || result.ptr != buffer + length)
            return fail("invalid number");
        construct(out, value);
        return true;
    }

    // from_chars refuses values beyond double's range; JSON.parse rounds them to ±Infinity or ±0.
    static double outOfRangeValue(const char *begin, const char *end)
    {
        const bool negative = *begin == '-';
        const char *p = negative ? begin + 1 : begin;
        long long magnitude = 0; // decimal exponent of the leading significant digit, roughly
        bool seenSignificant = false;
        bool inFraction = false;
        for (; p != end && *p != 'e' && *p != 'E'; ++p) {
            if (*p == '.') {
                inFraction = true;
                continue;
            }
            if (!seenSignificant && *p == '0') {
                if (inFraction)
                    --magnitude;
                continue;
            }
            seenSignificant = true;
            if (!inFraction)
                ++magnitude;
        }
        if (p != end) {
            long long exponent = 0;
            const char *e = p + 1;
            const bool negativeExponent = *e == '-';
            if (*e == '+' || *e == '-')
                ++e;
            for (; e != end; ++e)
                exponent = std::min<long long>(exponent * 10 + (*e - '0'), 1'000'000'000);
            magnitude += negativeExponent ? -exponent : exponent;
        }
        const double result =
            (seenSignificant && magnitude > 0) ? std::numeric_limits<double>::infinity() : 0.0;
        return negative ? -result : result;
    }

    const char16_t *const m_begin;
    const char16_t *m_p;
    const char16_t *const m_end;
    const int m_maxDepth;
    int m_depth = 0;
    qsizetype m_errorOffset = 0;
    QString m_error;
    using Member = std::pair<QString, QVariant>;
    // Reused from parse to parse on the same thread, so that its capacity is allocated once.
    struct Scratch
    {
        KeyCache keyCache;
        std::vector<Member> members;
        std::u16string text;
    };
    static Scratch &scratch()
    {
        thread_local Scratch instance;
        return instance;
    }
    Scratch &m_scratch = scratch();
    KeyCache *const m_keyCache = &m_scratch.keyCache;
    std::vector<Member> &m_members = m_scratch.members;
};

} // namespace

bool JsonReader::parse(QStringView json, QVariant *value, QString *error, int maxDepth)
{
    Parser parser(json, maxDepth);
    QVariant result;
    if (!parser.parseDocument(result)) {
        if (error)
            *error = parser.errorString();
        return false;
    }
    if (value)
        *value = std::move(result);
    return true;
}

} // namespace SocketIo
