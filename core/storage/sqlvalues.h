#pragma once

// Small conversions between optional values and SQL values, shared by the storage code (internal header).

#include <QMetaType>
#include <QString>
#include <QVariant>

#include <optional>

namespace vigil::sql {

inline QVariant opt(const std::optional<int>& v)
{
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::Int));
}

inline QVariant opt(const std::optional<double>& v)
{
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::Double));
}

// Text columns are NOT NULL: a null QString binds as NULL, so bind "" instead.
inline QVariant txt(const QString& s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

inline std::optional<int> optInt(const QVariant& v)
{
    return v.isNull() ? std::nullopt : std::optional<int>(v.toInt());
}

inline std::optional<double> optDouble(const QVariant& v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

} // namespace vigil::sql
