#include "jsontape.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <limits>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace SocketIo {

static_assert(sizeof(JsonTape::Node) == 16);
static_assert(sizeof(JsonTape) % alignof(JsonTape::Node) == 0);

namespace {

using Kind = JsonTape::Kind;
using Node = JsonTape::Node;

// Reused from parse to parse on the same thread, so that their capacity is allocated once and a
// packet costs one allocation: the finished tape.
struct Scratch
{
    std::vector<Node> nodes;
    std::u16string pool;
};
constexpr size_t MaxKeptNodes = 64 * 1024; // 1 MiB
constexpr size_t MaxKeptPool = 512 * 1024; // 1 MiB

Scratch &scratch()
{
    thread_local Scratch instance;
    return instance;
}

// The same grammar, limits and messages as JsonReader's parser; only the output differs.
class TapeParser
{
public:
    TapeParser(const QString &source, qsizetype from, int maxDepth, Scratch &scratch)
        : m_base(reinterpret_cast<const char16_t *>(source.constData()))
        , m_begin(m_base + from)
        , m_p(m_begin)
        , m_end(m_base + source.size())
        , m_maxDepth(maxDepth)
        , m_nodes(scratch.nodes)
        , m_pool(scratch.pool)
    {
        m_nodes.clear();
        m_pool.clear();
    }

    bool parseDocument()
    {
        skipWhitespace();
        if (!parseValue())
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

    quint32 push(Kind kind)
    {
        const auto index = quint32(m_nodes.size());
        Node &node = m_nodes.emplace_back();
        node.kind = kind;
        node.end = index + 1;
        return index;
    }

    bool parseValue()
    {
        if (m_p == m_end)
            return fail("unexpected end of input");
        switch (*m_p) {
        case u'"':
            return parseString();
        case u'{':
            return parseObject();
        case u'[':
            return parseArray();
        case u't':
            if (!parseLiteral(u"true"))
                return false;
            push(Kind::True);
            return true;
        case u'f':
            if (!parseLiteral(u"false"))
                return false;
            push(Kind::False);
            return true;
        case u'n':
            if (!parseLiteral(u"null"))
                return false;
            push(Kind::Null);
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
            return parseNumber();
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

    bool parseArray()
    {
        if (!enter())
            return false;
        ++m_p; // '['
        const quint32 self = push(Kind::Array);
        quint64 count = 0;
        skipWhitespace();
        if (m_p != m_end && *m_p == u']') {
            ++m_p;
        } else {
            for (;;) {
                skipWhitespace();
                if (!parseValue())
                    return false;
                ++count;
                skipWhitespace();
                if (m_p == m_end)
                    return fail("unterminated array");
                if (*m_p == u',') {
                    ++m_p;
                    continue;
                }
                if (*m_p == u']') {
                    ++m_p;
                    break;
                }
                return fail("expected ',' or ']'");
            }
        }
        Node &node = m_nodes[self];
        node.count = count;
        node.end = quint32(m_nodes.size());
        --m_depth;
        return true;
    }

    QStringView textOf(const Node &node) const
    {
        const char16_t *base = (node.flags & JsonTape::Pooled) ? m_pool.data() : m_base;
        return QStringView(base + node.text.offset, qsizetype(node.text.length));
    }

    // A bit out of 64 for a key, so that most objects prove their keys distinct without comparing
    // any: only a shared bit sends us looking for an earlier equal key.
    quint64 keyBit(const Node &key) const
    {
        const QStringView text = textOf(key);
        quint32 hash = quint32(text.size()) * 7u;
        if (!text.isEmpty())
            hash += text.front().unicode() + 3u * text.back().unicode();
        return quint64(1) << (hash & 63u);
    }

    // JSON.parse keeps the last of duplicate keys: hide an earlier visible equal key, if any.
    bool shadowEarlierKey(quint32 firstMember, quint32 keyIndex)
    {
        const QStringView key = textOf(m_nodes[keyIndex]);
        for (quint32 k = firstMember; k < keyIndex; k = m_nodes[k + 1].end) {
            Node &earlier = m_nodes[k];
            if (!(earlier.flags & JsonTape::Shadowed) && textOf(earlier) == key) {
                earlier.flags |= JsonTape::Shadowed;
                return true;
            }
        }
        return false;
    }

    bool parseObject()
    {
        if (!enter())
            return false;
        ++m_p; // '{'
        const quint32 self = push(Kind::Object);
        quint64 count = 0;
        quint64 keyBits = 0;
        skipWhitespace();
        if (m_p != m_end && *m_p == u'}') {
            ++m_p;
        } else {
            for (;;) {
                skipWhitespace();
                if (m_p == m_end || *m_p != u'"')
                    return fail("expected a string key");
                const auto keyIndex = quint32(m_nodes.size());
                if (!parseString())
                    return false;
                const quint64 bit = keyBit(m_nodes[keyIndex]);
                if (!(keyBits & bit) || !shadowEarlierKey(self + 1, keyIndex))
                    ++count;
                keyBits |= bit;
                skipWhitespace();
                if (m_p == m_end || *m_p != u':')
                    return fail("expected ':'");
                ++m_p;
                skipWhitespace();
                if (!parseValue())
                    return false;
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
        Node &node = m_nodes[self];
        node.count = count;
        node.end = quint32(m_nodes.size());
        --m_depth;
        return true;
    }

    // Returns the first '"', '\\' or control character at or after p, or end.
    static const char16_t *scanPlainChars(const char16_t *p, const char16_t *end)
    {
#if defined(__SSE2__)
        const __m128i quote = _mm_set1_epi16('"');
        const __m128i backslash = _mm_set1_epi16('\\');
        const __m128i controlMax = _mm_set1_epi16(0x1f);
        while (end - p >= 8) {
            const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
            // Unsigned saturating subtraction is zero exactly for code units <= 0x1f.
            const __m128i special = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi16(chunk, quote), _mm_cmpeq_epi16(chunk, backslash)),
                _mm_cmpeq_epi16(_mm_subs_epu16(chunk, controlMax), _mm_setzero_si128()));
            const int mask = _mm_movemask_epi8(special);
            if (mask != 0)
                return p + __builtin_ctz(unsigned(mask)) / 2;
            p += 8;
        }
#endif
        while (p != end && *p != u'"' && *p != u'\\' && *p >= 0x20)
            ++p;
        return p;
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

    // Lone surrogates are accepted, as JSON.parse does (see JsonReader). A string without escapes
    // stays in the source; one with escapes is unescaped into the pool.
    bool parseString()
    {
        ++m_p; // opening quote
        const char16_t *start = m_p;
        m_p = scanPlainChars(m_p, m_end);
        if (m_p == m_end)
            return fail("unterminated string");
        if (*m_p == u'"') {
            Node &node = m_nodes[push(Kind::String)];
            node.text = { quint32(start - m_base), quint32(m_p - start) };
            ++m_p;
            return true;
        }
        if (*m_p != u'\\')
            return fail("control character in string");

        const size_t poolStart = m_pool.size();
        for (;;) {
            m_pool.append(start, m_p);
            if (m_p == m_end)
                return fail("unterminated string");
            if (*m_p == u'"') {
                ++m_p;
                Node &node = m_nodes[push(Kind::String)];
                node.flags = JsonTape::Pooled;
                node.text = { quint32(poolStart), quint32(m_pool.size() - poolStart) };
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
                m_pool += *m_p;
                break;
            case u'b':
                m_pool += u'\b';
                break;
            case u'f':
                m_pool += u'\f';
                break;
            case u'n':
                m_pool += u'\n';
                break;
            case u'r':
                m_pool += u'\r';
                break;
            case u't':
                m_pool += u'\t';
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
                m_pool += char16_t(value);
                break;
            }
            default:
                return fail("invalid escape");
            }
            ++m_p;
            start = m_p;
            m_p = scanPlainChars(m_p, m_end);
        }
    }

    static bool isDigit(char16_t c)
    {
        return c >= u'0' && c <= u'9';
    }

    bool parseNumber()
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
                pushDouble(-0.0);
                return true;
            }
            if (magnitude <= maxPositive) {
                pushInteger(negative ? -qint64(magnitude) : qint64(magnitude));
                return true;
            }
            if (negative && magnitude == maxPositive + 1) {
                pushInteger(std::numeric_limits<qint64>::min());
                return true;
            }
        }
        return parseDouble(start);
    }

    void pushInteger(qint64 value)
    {
        m_nodes[push(Kind::Integer)].integer = value;
    }

    void pushDouble(double value)
    {
        m_nodes[push(Kind::Double)].number = value;
    }

    bool parseDouble(const char16_t *start)
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
        pushDouble(value);
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

    const char16_t *const m_base;
    const char16_t *const m_begin;
    const char16_t *m_p;
    const char16_t *const m_end;
    const int m_maxDepth;
    int m_depth = 0;
    qsizetype m_errorOffset = 0;
    QString m_error;
    std::vector<Node> &m_nodes;
    std::u16string &m_pool;
};

} // namespace

JsonTape *JsonTape::create(const QString &source, const Node *nodes, quint32 nodeCount,
    const char16_t *pool, size_t poolLength)
{
    const size_t nodeBytes = size_t(nodeCount) * sizeof(Node);
    void *block = ::operator new(sizeof(JsonTape) + nodeBytes + poolLength * sizeof(char16_t));
    auto *tape = new (block) JsonTape(source, nodeCount);
    std::memcpy(tape->nodes(), nodes, nodeBytes);
    if (poolLength > 0)
        std::memcpy(tape->nodes() + nodeCount, pool, poolLength * sizeof(char16_t));
    return tape;
}

QExplicitlySharedDataPointer<JsonTape> JsonTape::parse(
    const QString &source, qsizetype from, QString *error, int maxDepth)
{
    // Offsets are 32-bit: far beyond any frame the Engine.IO layer lets through.
    if (source.size() >= qsizetype(std::numeric_limits<quint32>::max())) {
        if (error)
            *error = QStringLiteral("JSON text too long");
        return {};
    }
    Scratch &buffers = scratch();
    TapeParser parser(source, from, maxDepth, buffers);
    QExplicitlySharedDataPointer<JsonTape> tape;
    if (parser.parseDocument()) {
        tape.reset(create(source, buffers.nodes.data(), quint32(buffers.nodes.size()),
            buffers.pool.data(), buffers.pool.size()));
    } else if (error) {
        *error = parser.errorString();
    }
    // A rare huge frame must not pin its scratch space for the rest of the thread's life.
    if (buffers.nodes.capacity() > MaxKeptNodes)
        std::vector<Node>().swap(buffers.nodes);
    if (buffers.pool.capacity() > MaxKeptPool)
        std::u16string().swap(buffers.pool);
    return tape;
}

bool JsonTape::resolvePlaceholders(const QByteArrayList &attachments)
{
    Node *all = nodes();
    const QStringView placeholderKey = u"_placeholder";
    const QStringView numKey = u"num";
    for (quint32 i = 0; i < m_nodeCount;) {
        Node &node = all[i];
        if (node.kind != Kind::Object) {
            ++i;
            continue;
        }
        const Node *placeholder = nullptr;
        const Node *num = nullptr;
        for (quint32 k = i + 1; k < node.end; k = all[k + 1].end) {
            if (all[k].flags & Shadowed)
                continue;
            const QStringView key = text(all[k]);
            if (key == placeholderKey)
                placeholder = &all[k + 1];
            else if (key == numKey)
                num = &all[k + 1];
        }
        if (!placeholder || placeholder->kind != Kind::True) {
            ++i; // an ordinary object: look inside it
            continue;
        }
        qint64 index = -1;
        if (num && num->kind == Kind::Integer) {
            index = num->integer;
        } else if (num && num->kind == Kind::Double) {
            const double d = num->number;
            if (d >= 0 && d < double(attachments.size()) && d == double(qint64(d)))
                index = qint64(d);
        }
        if (index < 0 || index >= attachments.size())
            return false;
        node.kind = Kind::Attachment;
        node.integer = index;
        i = node.end;
    }
    m_attachments = attachments;
    return true;
}

} // namespace SocketIo
