#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringView>

#include <optional>

namespace vigil {

// A dataset the scores rest on: shown beside every score that uses it.
struct DatasetInfo
{
    QString id; // stable key, e.g. "ilab_goods_2022", "tip_2024"
    QString name; // "US DOL ILAB List of Goods Produced by Child Labor or Forced Labor"
    QString edition; // "2022 reporting year (published 2023)"
    QString publisher; // "US Department of Labor, Bureau of International Labor Affairs"
    QString licence; // "Public domain (17 U.S.C. 105)" or "Imported by the user; not redistributable"
    QString source; // URL or file the copy came from
    QDateTime loadedAt;
    bool bundled = false;

    // "name, edition": the text a contribution names as its source.
    QString citation() const;
};

// One country-level signal from one dataset: TIP tier, ILAB advancement level, GSI prevalence, ITUC rating ...
struct CountrySignal
{
    QString country; // ISO 3166-1 alpha-2
    QString kind; // a signal kind of the methodology ("tip_tier", "ilab_advancement", ...)
    QString label; // categorical value ("2WL", "Moderate Advancement", "5+"); may be empty for numeric
    std::optional<double> numeric; // numeric value (prevalence per 1,000, number of goods ...)
    QString datasetId;
};

// A company's own sector risk (optionally for one country): raises the sector anchor.
struct SectorSignal
{
    QString sector; // sector id of the methodology (or alias)
    QString country; // empty = every country
    QString label; // "high", "3" ...
    QString datasetId;
};

// One line of the ILAB List of Goods: good x country, with the kind of labour exploitation found.
struct GoodListing
{
    QString good; // as ILAB names it: "Fish", "Bricks (clay)"
    QString ilabSector; // "Agriculture", "Manufacturing", "Mining", "Other"
    QString country; // alpha-2
    bool childLabour = false;
    bool forcedLabour = false;
    bool forcedChildLabour = false; // counted as forced labour
    bool derived = false; // made with an input listed elsewhere (e.g. batteries from DRC cobalt)
    QString derivedFrom; // the country of that input, as the dataset names it
    QString datasetId;
    QString key; // goodKey(good), filled by ReferenceData::addGoodListing
};

// The registry of loaded reference datasets and their per-country signals. A value type (copyable, no I/O):
// the engine only reads it. Filled by loadBundledReferenceData() and, later, by the import machinery.
class ReferenceData
{
public:
    // Adds or replaces a dataset (by id). Replacing drops the signals and listings it had.
    void addDataset(const DatasetInfo& info);
    void removeDataset(const QString& id);
    const DatasetInfo* dataset(const QString& id) const;
    QList<DatasetInfo> datasets() const { return m_datasets; }
    // The dataset's citation ("name, edition"), or the id itself when unknown.
    QString citation(const QString& id) const { return m_citations.value(id, id); }

    // Signals and listings must name a dataset added before; they are ignored otherwise (returns false).
    bool addSignal(const CountrySignal& signal);
    bool addSectorSignal(const SectorSignal& signal);
    bool addGoodListing(GoodListing listing);

    const QList<CountrySignal>& signalsFor(const QString& country) const;
    const QList<GoodListing>& goodsFor(const QString& country) const;
    const QList<SectorSignal>& sectorSignals() const { return m_sectorSignals; }
    // True when at least one dataset says something about the country.
    bool covers(const QString& country) const;
    QStringList coveredCountries() const;

    // The ISO 3166-1 alpha-2 codes considered valid (normally Countries::codes()). When empty, any two
    // upper-case ASCII letters are accepted.
    void setKnownCountries(const QSet<QString>& codes) { m_knownCountries = codes; }
    bool isKnownCountry(const QString& code) const;

    // Normalised matching key for goods: case-folded, parenthesised qualifiers and a plural "s" dropped,
    // "&" read as "and": "Bricks (clay)" -> "brick", "Garments" -> "garment".
    static QString goodKey(QStringView good);

private:
    QList<DatasetInfo> m_datasets;
    QHash<QString, QList<CountrySignal>> m_signals;
    QHash<QString, QList<GoodListing>> m_goods;
    QList<SectorSignal> m_sectorSignals;
    QSet<QString> m_knownCountries;
    QHash<QString, QString> m_citations;
};

// Canonical labels for user-imported signals (nothing when the text is not understood):
// TIP: "Tier 1" -> "1", "Tier 2 Watch List"/"2WL"/"Tier 2 WL" -> "2WL", "Tier 3" -> "3", "Special Case" -> "special".
std::optional<QString> normalizeTipTier(QStringView text);
// ITUC: "1".."5", "5+" (also "5 +", "Rating 5+").
std::optional<QString> normalizeItucRating(QStringView text);

} // namespace vigil
