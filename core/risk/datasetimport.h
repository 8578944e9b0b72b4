#pragma once

#include "risk/referencedata.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace vigil {

// The reference datasets a user imports (docs/methodology.md, section 4). Not bundled: their licences do not
// allow it (the TIP Report is public domain but changes yearly).
enum class DatasetFormat {
    TipTiers, // country, year, tier
    GlobalSlaveryIndex, // country, [year], prevalence per 1,000 [, vulnerability]
    ItucRights, // country, [year], rating (1..5, 5+)
    CompanyCountryRisk, // country, risk (Low/Medium/High/Very high or 1..6)
    CompanySectorRisk // sector, risk (Low/Medium/High/Very high or 1..4) [, country]
};

std::optional<DatasetFormat> datasetFormatFromId(const QString& id); // tip, gsi, ituc, company-country, company-sector
QString datasetFormatId(DatasetFormat format);
QStringList datasetFormatIds();

// What a dataset table yields: the signals, and the rows that were skipped with why (file, row, column, field).
struct DatasetImport
{
    QList<CountrySignal> countrySignals;
    QList<SectorSignal> sectorSignals;
    QList<Error> problems;
    int rowsRead = 0;
};

// Parses a table already read (header + data rows). Columns are found by their header (case, spacing and
// punctuation ignored; common synonyms: "Country/Territory", "Tier placement", "Prevalence per 1,000"...).
// Country names go through the one country table. When a country appears for several years, the latest year
// wins. Fails only when a required column is missing; bad rows become problems.
// firstDataRow is the 1-based file row of rows[0] (for error positions).
Result<DatasetImport> parseDatasetTable(DatasetFormat format, const QStringList& header, const QList<QStringList>& rows,
                                        const QString& fileName = QString(), qint64 firstDataRow = 2);

// Reads a CSV or XLSX file with the project's TableReader and parses it.
Result<DatasetImport> readDatasetFile(const QString& path, DatasetFormat format);

} // namespace vigil
