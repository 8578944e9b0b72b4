#pragma once

#include "importer/columnmapping.h"
#include "model/supplier.h"
#include "util/result.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace vigil {

// One data row of a file turned into a supplier record, with what was wrong (errors: the row cannot be imported)
// and what looks suspicious (warnings: it can). Every Error names the file, row, column and field.
struct BuiltRow
{
    SupplierRecord record;
    QSet<ImportField> present; // fields that had a value in this row (a merge only changes these)
    QString vigilId;
    QList<Error> errors;
    QList<Error> warnings;
    QStringList notes; // how odd values were read ("approximate number of workers read as 300")
    bool isEmpty = false; // no mapped cell had a value
};

// Everything a BuiltRow holds as stable text (fields in a fixed order, numbers with all their digits), for tests
// and benchmarks that compare the rows built by two versions of the code.
QString describe(const BuiltRow& row);

class RowBuilder
{
public:
    RowBuilder(const ColumnMapping& mapping, const QStringList& header, const QString& fileName);
    BuiltRow build(const QStringList& cells, qint64 rowNumber) const;

private:
    Error issue(const QString& message, qint64 row, int column) const;

    ColumnMapping m_mapping;
    QStringList m_header;
    QString m_file;
};

} // namespace vigil
