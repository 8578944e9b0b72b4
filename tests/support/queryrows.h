#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace vigil::test {

// How queryLines() shows a NULL, so that a NULL and an empty text never look alike.
inline const QString kNullText = QStringLiteral("<null>");

// Every row that `sql` gives on `db`, in the order given, as one line: its columns joined with '|', a NULL shown as
// kNullText. A query that fails gives the single line "query failed: <sql>: <error>", which no expected list
// holds, so a comparison with it fails and says why.
QStringList queryLines(const QSqlDatabase& db, const QString& sql);

} // namespace vigil::test
