#pragma once

#include "report/reportdata.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace vigil {
class Database;
}

namespace vigil::report {

// A table of data for export: text cells, and numbers kept as numbers (QVariant double/int) for XLSX.
struct DataTable
{
    QString name; // sheet name
    QStringList header;
    QList<QVariantList> rows;
};

// Scores (one row per supplier), findings (observations, without notes: they may identify workers) and actions
// (mitigations verified at suppliers). The register itself is core/exporter's SupplierExporter.
DataTable scoresTable(const PortfolioData& data);
Result<DataTable> findingsTable(Database& db, const QString& supplierId = {});
Result<DataTable> actionsTable(Database& db, const QString& supplierId = {});

// CSV: UTF-8 with BOM, CRLF, RFC 4180 quoting. XLSX: one sheet, written by core/exporter's XlsxSheetWriter. Cells that
// a spreadsheet could run as a formula get a leading apostrophe (exporter/cellguard.h). Both go through SaveFile.
QByteArray toCsv(const DataTable& table);
Status writeCsv(const DataTable& table, const QString& path);
Status writeXlsx(const DataTable& table, const QString& path);

} // namespace vigil::report
