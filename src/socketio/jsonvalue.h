#pragma once

#include "jsontape.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <iterator>

namespace SocketIo {

/// A read-only view of one value in a decoded packet: what event handlers and acks receive.
///
/// Cheap to copy (a shared pointer and an index) and it keeps the whole decoded packet alive, so
/// it may be stored. Strings stay in the received frame until toString() makes a QString of one;
/// so a kept value also keeps the whole frame: keep toString() / toVariant() copies instead when
/// holding a small part of a large packet for long.
/// Asking a value for the wrong type gives the fallback (like QJsonValue), an absent key or index
/// an Undefined value. toVariant() gives the Qt form JsonReader produces, for QML and JS.
class JsonValue
{
public:
    enum class Type
    {
        /// No value: a default JsonValue, a missing key or an index past the end.
        Undefined,
        Null,
        Bool,
        /// An integral number that fits qint64.
        Integer,
        /// Any other number.
        Double,
        String,
        Array,
        Object,
        /// A binary attachment of the packet.
        Binary,
    };

    JsonValue() = default;

    /// Parses `json` (see JsonTape::parse). Undefined and `error` set on failure.
    static JsonValue fromJson(const QString &json, QString *error = nullptr);
    /// Qt values in this form (toVariant() gives them back, QByteArrays as Binary), for payloads
    /// made locally: synthetic events, tests. Written as JSON and parsed, so not for hot paths.
    static JsonValue fromVariant(const QVariant &value);
    /// The root of a parsed tape.
    static JsonValue fromTape(QExplicitlySharedDataPointer<JsonTape> tape);

    Type type() const;
    bool isUndefined() const { return !m_tape; }
    bool isNull() const { return is(JsonTape::Kind::Null); }
    bool isBool() const { return is(JsonTape::Kind::True) || is(JsonTape::Kind::False); }
    bool isInteger() const { return is(JsonTape::Kind::Integer); }
    bool isDouble() const { return is(JsonTape::Kind::Double); }
    bool isNumber() const { return isInteger() || isDouble(); }
    bool isString() const { return is(JsonTape::Kind::String); }
    bool isArray() const { return is(JsonTape::Kind::Array); }
    bool isObject() const { return is(JsonTape::Kind::Object); }
    bool isBinary() const { return is(JsonTape::Kind::Attachment); }

    bool toBool(bool fallback = false) const;
    /// Integers as they are; doubles rounded toward zero when within qint64 (JS numbers are all
    /// doubles, so a sender may well write 3.0).
    qint64 toInteger(qint64 fallback = 0) const;
    double toDouble(double fallback = 0) const;
    QString toString(const QString &fallback = {}) const;
    /// The string without a copy; valid as long as this value or a copy of it lives.
    QStringView toStringView() const;
    QByteArray toByteArray() const;

    /// Elements of an array, members of an object, 0 otherwise.
    qsizetype size() const;
    bool isEmpty() const { return size() == 0; }
    /// Element i of an array (linear in i: iterate for whole arrays).
    JsonValue at(qsizetype i) const;
    JsonValue operator[](qsizetype i) const { return at(i); }
    /// Member `key` of an object.
    JsonValue value(QStringView key) const;
    JsonValue operator[](QStringView key) const { return value(key); }
    bool contains(QStringView key) const { return !value(key).isUndefined(); }
    QStringList keys() const;

    /// Walks the elements of an array or the members of an object (in document order; key() is
    /// empty for array elements).
    class const_iterator
    {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = JsonValue;
        using difference_type = qsizetype;
        using pointer = void;
        using reference = JsonValue;

        const_iterator() = default;
        JsonValue operator*() const { return value(); }
        JsonValue value() const;
        QStringView keyView() const;
        QString key() const { return keyView().toString(); }
        const_iterator &operator++();
        const_iterator operator++(int)
        {
            const const_iterator old = *this;
            ++*this;
            return old;
        }
        bool operator==(const const_iterator &other) const { return m_index == other.m_index; }

    private:
        friend class JsonValue;
        const_iterator(const JsonTape *tape, quint32 index, quint32 end, bool members);
        void skipShadowed();

        // Like a Qt container's iterator: valid while the decoded packet lives.
        const JsonTape *m_tape = nullptr;
        quint32 m_index = 0;
        quint32 m_end = 0;
        bool m_members = false;
    };
    const_iterator begin() const;
    const_iterator end() const;

    /// The Qt form: QVariantMap, QVariantList, QString, qint64, double, bool, nullptr (as a
    /// QVariant of type std::nullptr_t), QByteArray; an invalid QVariant for Undefined.
    QVariant toVariant() const;
    /// toVariant() of an array's elements; empty for anything else.
    QVariantList toVariantList() const;

    /// Same type and same contents (numbers by type and value, object members in any order).
    bool operator==(const JsonValue &other) const;

private:
    JsonValue(QExplicitlySharedDataPointer<const JsonTape> tape, quint32 index)
        : m_tape(std::move(tape))
        , m_index(index)
    { }
    bool is(JsonTape::Kind kind) const { return m_tape && node().kind == kind; }
    const JsonTape::Node &node() const { return m_tape->node(m_index); }
    JsonValue child(quint32 index) const { return JsonValue(m_tape, index); }

    QExplicitlySharedDataPointer<const JsonTape> m_tape;
    quint32 m_index = 0;
};

} // namespace SocketIo
