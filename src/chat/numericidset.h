#pragma once

#include <QtGlobal>

#include <deque>

/// The numeric message ids a conversation holds, for duplicate checks.
///
/// Ids arrive almost always in order (live messages above, history pages below), so a sorted
/// deque takes them at either end in constant time and answers by binary search, at 8 bytes an
/// id. A QSet<qint64> of a 10,000-message room is about 135 KB, this about 80 KB. An id that
/// arrives out of order is inserted in the middle, which is linear but rare.
class NumericIdSet
{
public:
    bool contains(qint64 id) const;
    /// Returns false when the id was already there.
    bool insert(qint64 id);
    qsizetype size() const { return qsizetype(m_ids.size()); }

private:
    std::deque<qint64> m_ids;
};
