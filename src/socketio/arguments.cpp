#include "arguments.h"

#include <algorithm>

namespace SocketIo {

Arguments::Arguments(const JsonValue &array, qsizetype first)
    : m_array(array)
    , m_first(std::max<qsizetype>(first, 0))
    , m_count(std::max<qsizetype>(array.size() - m_first, 0))
{
    if (!array.isArray())
        m_count = 0;
}

Arguments Arguments::fromVariantList(const QVariantList &args)
{
    return Arguments(JsonValue::fromVariant(args));
}

JsonValue Arguments::value(qsizetype i) const
{
    if (i < 0 || i >= m_count)
        return {};
    return m_array.at(m_first + i);
}

void Arguments::removeLast()
{
    if (m_count > 0)
        --m_count;
}

JsonValue::const_iterator Arguments::begin() const
{
    auto it = m_array.begin();
    for (qsizetype i = 0; i < m_first && it != m_array.end(); ++i)
        ++it;
    return it;
}

JsonValue::const_iterator Arguments::end() const
{
    auto it = begin();
    for (qsizetype i = 0; i < m_count; ++i)
        ++it;
    return it;
}

QVariantList Arguments::toVariantList() const
{
    QVariantList list;
    list.reserve(m_count);
    for (auto it = begin(), stop = end(); it != stop; ++it)
        list.append((*it).toVariant());
    return list;
}

bool Arguments::operator==(const Arguments &other) const
{
    if (m_count != other.m_count)
        return false;
    for (auto a = begin(), b = other.begin(), stop = end(); a != stop; ++a, ++b) {
        if (!(*a == *b))
            return false;
    }
    return true;
}

} // namespace SocketIo
