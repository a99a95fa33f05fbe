#pragma once

#include "jsonvalue.h"

#include <QVariantList>

namespace SocketIo {

/// The arguments of a received event (after its name) or acknowledgement: a run of elements of
/// the packet's data array, read in place. Cheap to copy; keeps the decoded packet alive.
///
/// Reads like a QVariantList of JsonValues: value(i) past the end gives an Undefined value.
class Arguments
{
public:
    Arguments() = default;
    /// The elements of `array` from index `first` on (none when it is not an array).
    explicit Arguments(const JsonValue &array, qsizetype first = 0);
    /// Arguments made locally (benchmarks, tests); see JsonValue::fromVariant().
    static Arguments fromVariantList(const QVariantList &args);

    qsizetype size() const { return m_count; }
    qsizetype count() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }

    /// Argument i, or Undefined when there is none (linear in i; iterate for all of them).
    JsonValue value(qsizetype i) const;
    JsonValue at(qsizetype i) const { return value(i); }
    JsonValue operator[](qsizetype i) const { return value(i); }
    JsonValue first() const { return value(0); }
    JsonValue last() const { return value(m_count - 1); }
    /// Without the last argument (the offset connection state recovery appends).
    void removeLast();

    JsonValue::const_iterator begin() const;
    JsonValue::const_iterator end() const;

    /// The Qt form, for QML and JS: each argument's toVariant().
    QVariantList toVariantList() const;

    bool operator==(const Arguments &other) const;

private:
    JsonValue m_array;
    qsizetype m_first = 0;
    qsizetype m_count = 0;
};

} // namespace SocketIo
