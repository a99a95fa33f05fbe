#pragma once

#include "socketio/jsonwriter.h"

#include <QVariantList>
#include <QVariantMap>

#include <cmath>
#include <string_view>

namespace TestValues {

/// Raw-string test data without QStringLiteral: moc's preprocessor cannot read raw strings
/// inside macro arguments.
inline QString str(std::u16string_view text)
{
    return QString::fromUtf16(text.data(), qsizetype(text.size()));
}

inline bool isNumber(const QVariant &v)
{
    return v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Double
        || v.typeId() == QMetaType::Int;
}

/// Deep equality. With `strictNumbers`, qint64 1 and double 1.0 differ (the reader's typing is
/// part of its contract); without, numbers compare by value as they would in JavaScript.
inline bool same(const QVariant &a, const QVariant &b, bool strictNumbers = true)
{
    if (isNumber(a) && isNumber(b)) {
        if (strictNumbers && a.typeId() != b.typeId())
            return false;
        if (a.typeId() == QMetaType::Double || b.typeId() == QMetaType::Double) {
            const double x = a.toDouble();
            const double y = b.toDouble();
            return x == y || (std::isnan(x) && std::isnan(y));
        }
        return a.toLongLong() == b.toLongLong();
    }
    if (a.typeId() != b.typeId())
        return false;
    switch (a.typeId()) {
    case QMetaType::QVariantList: {
        const QVariantList x = a.toList();
        const QVariantList y = b.toList();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!same(x.at(i), y.at(i), strictNumbers))
                return false;
        }
        return true;
    }
    case QMetaType::QVariantMap: {
        const QVariantMap x = a.toMap();
        const QVariantMap y = b.toMap();
        if (x.keys() != y.keys())
            return false;
        for (auto it = x.cbegin(); it != x.cend(); ++it) {
            if (!same(it.value(), y.value(it.key()), strictNumbers))
                return false;
        }
        return true;
    }
    case QMetaType::Nullptr:
    case QMetaType::UnknownType:
        return true;
    default:
        return a == b;
    }
}

inline QString dump(const QVariant &v)
{
    return SocketIo::JsonWriter::toJson(v) + u" (type " + QString::fromLatin1(v.typeName()) + u')';
}

} // namespace TestValues
