#include "numericidset.h"

#include <algorithm>

bool NumericIdSet::contains(qint64 id) const
{
    const auto it = std::lower_bound(m_ids.begin(), m_ids.end(), id);
    return it != m_ids.end() && *it == id;
}

bool NumericIdSet::insert(qint64 id)
{
    if (m_ids.empty() || id > m_ids.back()) {
        m_ids.push_back(id);
        return true;
    }
    if (id < m_ids.front()) {
        m_ids.push_front(id);
        return true;
    }
    const auto it = std::lower_bound(m_ids.begin(), m_ids.end(), id);
    if (it != m_ids.end() && *it == id)
        return false;
    m_ids.insert(it, id);
    return true;
}
