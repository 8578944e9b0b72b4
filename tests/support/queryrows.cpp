#include "queryrows.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

namespace vigil::test {

QStringList queryLines(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        return {QStringLiteral("query failed: %1: %2").arg(sql, q.lastError().text())};
    const int columns = q.record().count();
    QStringList out;
    while (q.next()) {
        QStringList cells;
        cells.reserve(columns);
        for (int i = 0; i < columns; ++i) {
            const QVariant v = q.value(i);
            cells << (v.isNull() ? kNullText : v.toString());
        }
        out << cells.join(QLatin1Char('|'));
    }
    return out;
}

} // namespace vigil::test
