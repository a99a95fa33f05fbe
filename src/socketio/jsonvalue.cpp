#include "jsonvalue.h"

#include "jsonwriter.h"

#include <QVariantList>
#include <QVariantMap>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <vector>

namespace SocketIo {

using Kind = JsonTape::Kind;
using Node = JsonTape::Node;

JsonValue JsonValue::fromJson(const QString &json, QString *error)
{
    return fromTape(JsonTape::parse(json, 0, error));
}

JsonValue JsonValue::fromVariant(const QVariant &value)
{
    QByteArrayList attachments;
    auto tape = JsonTape::parse(JsonWriter::toJson(value, &attachments));
    if (!tape || !tape->resolvePlaceholders(attachments))
        return {};
    return fromTape(std::move(tape));
}

JsonValue JsonValue::fromTape(QExplicitlySharedDataPointer<JsonTape> tape)
{
    if (!tape)
        return {};
    return JsonValue(QExplicitlySharedDataPointer<const JsonTape>(tape.data()), 0);
}

JsonValue::Type JsonValue::type() const
{
    if (!m_tape)
        return Type::Undefined;
    switch (node().kind) {
    case Kind::Null:
        return Type::Null;
    case Kind::False:
    case Kind::True:
        return Type::Bool;
    case Kind::Integer:
        return Type::Integer;
    case Kind::Double:
        return Type::Double;
    case Kind::String:
        return Type::String;
    case Kind::Array:
        return Type::Array;
    case Kind::Object:
        return Type::Object;
    case Kind::Attachment:
        return Type::Binary;
    }
    return Type::Undefined;
}

bool JsonValue::toBool(bool fallback) const
{
    if (is(Kind::True))
        return true;
    if (is(Kind::False))
        return false;
    return fallback;
}

qint64 JsonValue::toInteger(qint64 fallback) const
{
    if (is(Kind::Integer))
        return node().integer;
    if (is(Kind::Double)) {
        const double d = node().number;
        // 2^63 is exactly representable; anything at or beyond it does not fit.
        if (std::isfinite(d) && d > -9223372036854775808.0 && d < 9223372036854775808.0)
            return qint64(d);
    }
    return fallback;
}

double JsonValue::toDouble(double fallback) const
{
    if (is(Kind::Double))
        return node().number;
    if (is(Kind::Integer))
        return double(node().integer);
    return fallback;
}

QString JsonValue::toString(const QString &fallback) const
{
    return isString() ? m_tape->text(node()).toString() : fallback;
}

QStringView JsonValue::toStringView() const
{
    return isString() ? m_tape->text(node()) : QStringView();
}

QByteArray JsonValue::toByteArray() const
{
    return isBinary() ? m_tape->attachments().at(node().integer) : QByteArray();
}

qsizetype JsonValue::size() const
{
    return isArray() || isObject() ? qsizetype(node().count) : 0;
}

JsonValue JsonValue::at(qsizetype i) const
{
    if (!isArray() || i < 0 || quint64(i) >= node().count)
        return {};
    quint32 index = m_index + 1;
    for (; i > 0; --i)
        index = m_tape->node(index).end;
    return child(index);
}

JsonValue JsonValue::value(QStringView key) const
{
    if (!isObject())
        return {};
    const quint32 end = node().end;
    for (quint32 k = m_index + 1; k < end; k = m_tape->node(k + 1).end) {
        const Node &keyNode = m_tape->node(k);
        if (!(keyNode.flags & JsonTape::Shadowed) && m_tape->text(keyNode) == key)
            return child(k + 1);
    }
    return {};
}

QStringList JsonValue::keys() const
{
    QStringList keys;
    keys.reserve(size());
    for (auto it = begin(); it != end(); ++it)
        keys.append(it.key());
    return keys;
}

JsonValue::const_iterator::const_iterator(
    const JsonTape *tape, quint32 index, quint32 end, bool members)
    : m_tape(tape)
    , m_index(index)
    , m_end(end)
    , m_members(members)
{
    skipShadowed();
}

void JsonValue::const_iterator::skipShadowed()
{
    while (m_members && m_index < m_end && (m_tape->node(m_index).flags & JsonTape::Shadowed))
        m_index = m_tape->node(m_index + 1).end;
}

JsonValue JsonValue::const_iterator::value() const
{
    return JsonValue(
        QExplicitlySharedDataPointer<const JsonTape>(m_tape), m_members ? m_index + 1 : m_index);
}

QStringView JsonValue::const_iterator::keyView() const
{
    return m_members ? m_tape->text(m_tape->node(m_index)) : QStringView();
}

JsonValue::const_iterator &JsonValue::const_iterator::operator++()
{
    m_index = m_tape->node(m_members ? m_index + 1 : m_index).end;
    skipShadowed();
    return *this;
}

JsonValue::const_iterator JsonValue::begin() const
{
    if (!isArray() && !isObject())
        return {};
    return const_iterator(m_tape.data(), m_index + 1, node().end, isObject());
}

JsonValue::const_iterator JsonValue::end() const
{
    if (!isArray() && !isObject())
        return {};
    return const_iterator(m_tape.data(), node().end, node().end, isObject());
}

namespace {

// Object keys repeat in every packet ("id", "content", "createdAt"...), and so do short values
// (event names, user names, statuses). Handing out an implicitly shared copy of a cached QString
// saves an allocation and a free each time, as V8 does by internalizing such strings, and keeps
// the maps small for whoever walks them next (the encoder, QML). Thread-local: no locking.
class StringCache
{
public:
    static constexpr qsizetype MaxKeyLength = 32;
    static constexpr qsizetype MaxValueLength = 16;

    QString lookup(QStringView text)
    {
        const qsizetype length = text.size();
        const char16_t *chars = text.utf16();
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
            slot = text.toString();
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

class VariantBuilder
{
public:
    explicit VariantBuilder(const JsonTape &tape)
        : m_tape(tape)
    { }

    void build(quint32 index, QVariant &out)
    {
        const Node &node = m_tape.node(index);
        switch (node.kind) {
        case Kind::Null:
            new (&out) QVariant(QVariant::fromValue(nullptr));
            return;
        case Kind::False:
            construct(out, false);
            return;
        case Kind::True:
            construct(out, true);
            return;
        case Kind::Integer:
            construct(out, node.integer);
            return;
        case Kind::Double:
            construct(out, node.number);
            return;
        case Kind::String:
            emplace<QString>(out) = string(node, StringCache::MaxValueLength);
            return;
        case Kind::Array:
            buildList(index, emplace<QVariantList>(out));
            return;
        case Kind::Object:
            buildMap(index, out);
            return;
        case Kind::Attachment:
            emplace<QByteArray>(out) = m_tape.attachments().at(node.integer);
            return;
        }
    }

    void buildList(quint32 index, QVariantList &list)
    {
        const Node &node = m_tape.node(index);
        list.reserve(qsizetype(node.count));
        for (quint32 i = index + 1; i < node.end; i = m_tape.node(i).end)
            build(i, list.emplaceBack());
    }

private:
    QString string(const Node &node, qsizetype cachedUpTo)
    {
        const QStringView text = m_tape.text(node);
        return text.size() <= cachedUpTo ? m_cache.lookup(text) : text.toString();
    }

    // The key indices are sorted first, so that the std::map under QVariantMap is filled by
    // hinted appends in key order.
    void buildMap(quint32 index, QVariant &out)
    {
        const Node &node = m_tape.node(index);
        const size_t base = m_keys.size();
        for (quint32 k = index + 1; k < node.end; k = m_tape.node(k + 1).end) {
            if (!(m_tape.node(k).flags & JsonTape::Shadowed))
                m_keys.push_back(k);
        }
        const auto first = m_keys.begin() + qsizetype(base);
        const auto last = m_keys.end();
        const auto keyLess = [this](quint32 a, quint32 b) {
            // QString's order: UTF-16 code units, then length.
            return m_tape.text(m_tape.node(a)) < m_tape.text(m_tape.node(b));
        };
        // Objects are small: insertion sort needs no allocation, unlike std::sort. Keys are
        // distinct (duplicates are shadowed), so stability does not matter.
        if (last - first <= 32) {
            for (auto it = first + (first != last); it < last; ++it) {
                for (auto j = it; j != first && keyLess(*j, *(j - 1)); --j)
                    std::iter_swap(j, j - 1);
            }
        } else {
            std::sort(first, last, keyLess);
        }
        // By position, not iterator: the nested objects built below push onto m_keys too.
        const size_t stop = m_keys.size();
        std::map<QString, QVariant> map;
        for (size_t i = base; i < stop; ++i) {
            const quint32 key = m_keys[i];
            auto inserted = map.emplace_hint(
                map.end(), string(m_tape.node(key), StringCache::MaxKeyLength), QVariant());
            build(key + 1, inserted->second);
        }
        m_keys.resize(base);
        emplace<QVariantMap>(out) = QVariantMap(std::move(map));
    }

    const JsonTape &m_tape;
    // Reused from call to call on the same thread, so that its capacity is allocated once.
    struct Scratch
    {
        StringCache cache;
        std::vector<quint32> keys;
    };
    static Scratch &scratch()
    {
        thread_local Scratch instance;
        return instance;
    }
    Scratch &m_scratch = scratch();
    StringCache &m_cache = m_scratch.cache;
    std::vector<quint32> &m_keys = m_scratch.keys;
};

} // namespace

QVariant JsonValue::toVariant() const
{
    QVariant variant;
    if (m_tape)
        VariantBuilder(*m_tape).build(m_index, variant);
    return variant;
}

QVariantList JsonValue::toVariantList() const
{
    QVariantList list;
    if (isArray())
        VariantBuilder(*m_tape).buildList(m_index, list);
    return list;
}

bool JsonValue::operator==(const JsonValue &other) const
{
    const Type t = type();
    if (t != other.type())
        return false;
    switch (t) {
    case Type::Undefined:
    case Type::Null:
        return true;
    case Type::Bool:
        return toBool() == other.toBool();
    case Type::Integer:
        return toInteger() == other.toInteger();
    case Type::Double:
        return toDouble() == other.toDouble();
    case Type::String:
        return toStringView() == other.toStringView();
    case Type::Binary:
        return toByteArray() == other.toByteArray();
    case Type::Array: {
        if (size() != other.size())
            return false;
        for (auto a = begin(), b = other.begin(); a != end(); ++a, ++b) {
            if (!(*a == *b))
                return false;
        }
        return true;
    }
    case Type::Object: {
        if (size() != other.size())
            return false;
        for (auto it = begin(); it != end(); ++it) {
            if (!(it.value() == other.value(it.keyView())))
                return false;
        }
        return true;
    }
    }
    return false;
}

} // namespace SocketIo
