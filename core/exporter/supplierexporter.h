#pragma once

#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <atomic>
#include <functional>

namespace vigil {

class Database;

enum class ExportFormat { Csv, Xlsx, Json };
std::optional<ExportFormat> exportFormatFromString(const QString& s); // csv, xlsx, json

// Writes the supplier register, every field Vigil keeps, through SaveFile (nothing is left behind on failure).
// - CSV: UTF-8 with a BOM (Excel opens it as UTF-8), comma-separated, CRLF, RFC 4180 quoting.
// - XLSX: one sheet "Suppliers" (XlsxWorkbookWriter: libxlsxwriter in a helper program); numbers as numbers,
//   bold frozen header with a filter.
// - JSON: an array of full supplier records (sites, identifiers, recruiter links included).
// CSV and XLSX cells that a spreadsheet could run as a formula get a leading apostrophe (see cellguard.h); the
// importer removes it again, so exporting and importing gives back the same suppliers.
// Lists (other names, products, tags, several identifiers of one kind) are joined with " | ".
class SupplierExporter
{
public:
    explicit SupplierExporter(Database& db);
    // The columns of CSV and XLSX exports, in order; the importer recognises each of them.
    static QStringList columns();
    // Returns the number of suppliers written.
    Result<qint64> write(const QString& path, ExportFormat format, const std::function<void(qint64)>& progress = {},
                         const std::atomic<bool>* cancel = nullptr);
    // XLSX only: a sheet written after "Suppliers" (e.g. the "About" sheet of a report export).
    void addXlsxSheet(const QString& name, const QStringList& header, const QList<QVariantList>& rows);
    // Joins a list so that normalize::list() splits it back into the same items.
    static QString joinList(const QStringList& items);

private:
    struct ExtraSheet
    {
        QString name;
        QStringList header;
        QList<QVariantList> rows;
    };
    Database& m_db;
    QList<ExtraSheet> m_extraSheets;
};

} // namespace vigil
