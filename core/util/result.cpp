#include "util/result.h"

#include <QStringList>

namespace vigil {

QString Error::toString() const
{
    QStringList where;
    if (!file.isEmpty())
        where << file;
    if (row >= 0)
        where << QStringLiteral("row %1").arg(row);
    if (column >= 0)
        where << QStringLiteral("column %1").arg(column);
    QString prefix = where.join(QStringLiteral(", "));
    if (!field.isEmpty())
        prefix += prefix.isEmpty() ? field : QStringLiteral(" (%1)").arg(field);
    return prefix.isEmpty() ? message : prefix + QStringLiteral(": ") + message;
}

} // namespace vigil
