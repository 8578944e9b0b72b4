#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVector>

namespace vigil {

// The supplier fields a column of an imported file can fill.
enum class ImportField {
    Ignore,
    VigilId, // Vigil's own UUID (exports carry it: re-importing an export matches on it)
    Name,
    OtherNames,
    Country,
    Address,
    Sector,
    Products,
    Tier,
    AnnualSpend,
    Currency,
    Workers, // a count or a range ("1000-5000", "<1000")
    WorkersMin,
    WorkersMax,
    MigrantShare,
    FemaleShare,
    Status,
    Closed, // Open Supply Hub's is_closed: TRUE -> status exited
    Tags,
    VendorId,
    Lei,
    Duns,
    OsId,
    TaxId,
    SiteType, // Open Supply Hub's facility_type: the row also describes a site
};

// Stable names (used in profiles, JSON and the CLI) and display labels.
QString fieldKey(ImportField f);
QString fieldLabel(ImportField f);
ImportField fieldFromKey(const QString& key); // Ignore when unknown
QList<ImportField> allImportFields(); // without Ignore

// Which field each column of a file fills (by 0-based column index). Several columns may fill one field:
// for single-valued fields the first non-empty cell wins, list fields collect all.
class ColumnMapping
{
public:
    ColumnMapping() = default;
    explicit ColumnMapping(QVector<ImportField> columns)
        : m_columns(std::move(columns))
    {
    }

    int columnCount() const { return m_columns.size(); }
    ImportField field(int column) const
    {
        return column < m_columns.size() ? m_columns.at(column) : ImportField::Ignore;
    }
    void setField(int column, ImportField f);
    QList<int> columnsOf(ImportField f) const;
    bool has(ImportField f) const { return !columnsOf(f).isEmpty(); }
    const QVector<ImportField>& columns() const { return m_columns; }

    // {"columns": ["name", "country", "", ...]}
    QJsonObject toJson() const;
    static ColumnMapping fromJson(const QJsonObject& o);
    bool operator==(const ColumnMapping& o) const { return m_columns == o.m_columns; }

private:
    QVector<ImportField> m_columns;
};

// Recognises header cells by synonyms, whatever their case, spacing and punctuation ("Supplier Name", "Vendor",
// "Factory Name", "Country/Region", "No. of workers", "% Migrant Workers"), and Open Supply Hub's upload and
// download formats as they are.
class HeaderMatcher
{
public:
    // The field a header cell names; Ignore if none.
    static ImportField fieldFor(const QString& headerCell);
    // The mapping of a whole header row. A field named twice keeps its first column, except list fields and
    // Country (OSH downloads carry both country_code and country_name).
    static ColumnMapping map(const QStringList& header);
    // Which known layout the header is: "open-supply-hub-upload", "open-supply-hub-download", "vigil-export" or "".
    static QString knownFormat(const QStringList& header);
    // The key used to find a saved profile for a header: the same columns in the same order, whatever their case
    // and spacing, give the same signature.
    static QString signature(const QStringList& header);
    // The normalised form used for comparison ("No. of Workers" -> "noofworkers").
    static QString compactKey(const QString& headerCell);
};

} // namespace vigil
