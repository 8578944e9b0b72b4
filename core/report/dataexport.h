#pragma once

#include "report/reportdata.h"
#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace vigil {
class Database;
}

namespace vigil::report {

// What every data export states (issue 5): when it was made, the methodology and its version, and the datasets
// used with their edition and licence. XLSX exports carry it on an "About" sheet after the data sheet(s).
struct ExportProvenance
{
    QDateTime generatedAt; // UTC
    QString methodologyId;
    QString methodologyName;
    QString methodologyVersion;
    QList<ReportDataset> datasets;
};

// A table of data for export. Cells are QVariants as XlsxWorkbookWriter takes them: text (QString), numbers
// (int/double...), dates (QDate), booleans; null for an empty cell. CSV writes dates ISO 8601 and booleans TRUE/FALSE.
struct DataTable
{
    QString name; // sheet name
    QStringList header;
    QList<QVariantList> rows;
    // Filled by the functions below; writeXlsx() adds the "About" sheet from it (and fails without it).
    std::optional<ExportProvenance> provenance;
};

// The workspace's active methodology and dataset editions, as of `now` (which is also the generation time).
Result<ExportProvenance> exportProvenance(Database& db, const QDateTime& now);
ExportProvenance exportProvenance(const PortfolioData& data);
// The "About" sheet: columns item, value, edition, publisher, licence, source; one row per fact and per dataset.
DataTable aboutTable(const ExportProvenance& about, const QList<DataTable>& sheets);

// Scores (one row per supplier), findings (observations, without notes: they may identify workers) and actions
// (the corrective actions of core/actions, with status and an overdue flag; without verification notes). The register
// itself is core/exporter's SupplierExporter.
DataTable scoresTable(const PortfolioData& data);
Result<DataTable> findingsTable(Database& db, const QString& supplierId = {});
Result<DataTable> actionsTable(Database& db, const QString& supplierId = {});

// CSV: UTF-8 with BOM, CRLF, RFC 4180 quoting. XLSX: core/exporter's XlsxWorkbookWriter (libxlsxwriter): one sheet
// per table, typed cells, bold frozen header with a filter, then the "About" sheet (from the first table's
// provenance). Cells that a spreadsheet could run as a formula get a leading apostrophe (exporter/cellguard.h).
// Both go through SaveFile: a failed export leaves no file and replaces nothing.
QByteArray toCsv(const DataTable& table);
Status writeCsv(const DataTable& table, const QString& path);
Status writeXlsx(const DataTable& table, const QString& path);
Status writeXlsx(const QList<DataTable>& tables, const QString& path);

// The register (core/exporter's SupplierExporter, every field) as CSV, or as XLSX with the "About" sheet.
// Returns the number of suppliers written.
Result<qint64> writeRegister(Database& db, const QString& path, bool xlsx, const QDateTime& now);

} // namespace vigil::report
