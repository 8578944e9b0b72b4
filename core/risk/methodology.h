#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace vigil {

// One indicator of the catalogue (ILO forced labour, recruitment, child labour).
struct IndicatorDef
{
    QString id;
    QString family; // "ilo_forced_labour", "recruitment", "child_labour"
    int iloNumber = 0; // 1..11 for the ILO indicators, in ILO order; 0 otherwise
    QString label;
    QString reference;
    bool involuntariness = false;
    bool coercion = false;
    QString severity; // "critical", "high", "medium", "low"
    double severityPoints = 0;
    bool zeroTolerance = false;

    // Prepared once by Methodology::fromJson (the engine copies them; copies of QString share their data).
    QString contributionFactor; // "indicator:<id>"
    QString notAssessedMessage; // the text of its IndicatorNotAssessed gap
};

struct SourceTypeDef
{
    QString id;
    QString label;
    double presentWeight = 0; // how far a "present" from this source is trusted
    double absentWeight = 0; // how far an "absent" from this source is trusted
};

struct MitigationDef
{
    QString id;
    QString label;
    double points = 0;
    int validDays = 0; // > 0: full credit inside the window, none after; 0: credit decays with the half-life
};

struct SectorDef
{
    QString id;
    QString label;
    double anchor = 0; // 1..4
    QString ilabSector; // "Agriculture", "Manufacturing", "Mining", "Other"
    QStringList aliases;
};

// How one kind of country signal maps to the country anchor (1..6).
struct SignalRule
{
    QString kind; // "ilab_advancement", "tip_tier", "gsi_prevalence", "ituc_rating", "company_country_risk" ...
    QString label;
    bool bands = false; // numeric bands (true) or labels (false)
    bool prefixMatch = false; // labels: "Minimal Advancement – Efforts Made ..." matches "Minimal Advancement"
    QHash<QString, double> labels; // lower-case label -> anchor
    QList<QPair<double, double>> bandLimits; // (below, anchor), ascending
    double lastBandAnchor = 0; // anchor at or above the last limit

    // The anchor for a signal, or nothing when its value is not covered (e.g. "No Assessment").
    std::optional<double> anchorFor(const QString& label, std::optional<double> numeric) const;
};

// The scoring method as data: loaded from a versioned JSON document (resources/methodology/default.json).
// A value type; the engine only reads it.
struct Methodology
{
    QString id;
    QString version;
    QString name;
    QDate published;
    QByteArray document; // the JSON document it was read from (stored with the scores made with it)

    // Inherent risk (Sedex Radar-like anchors): country 1..6 + sector 1..4 + goods 0..2, capped.
    double inherentMaxPoints = 40;
    double inherentCap = 10;
    double countryMin = 1, countryMax = 6;
    double unknownCountryAnchor = 5;
    double missingCountryDataAnchor = 4;
    QList<SignalRule> countrySignals;
    double sectorMin = 1, sectorMax = 4;
    double unknownSectorAnchor = 3;
    QString companySectorSignalKind;
    QHash<QString, double> companySectorLabels;
    QList<SectorDef> sectors;
    double goodsMax = 2;
    double goodsExactForced = 2, goodsExactChild = 1.5, goodsSectorForced = 1, goodsSectorChild = 0.5;

    double migrantMaxPoints = 5;
    double unknownMigrantShare = 0.5;

    double evidenceMaxPoints = 60;
    double uncertaintyPoints = 20;
    double halfLifeDays = 730;
    int staleAfterDays = 1095;
    double undatedDecay = 0.25;
    double minWeightForConclusion = 0.25;
    QList<SourceTypeDef> sourceTypes;
    QList<IndicatorDef> indicators; // in catalogue order (ILO indicators first, in ILO order)

    double mitigationMaxPoints = 15;
    double mitigationCapWhileCriticalOpen = 3;
    QList<MitigationDef> mitigations;

    double mediumThreshold = 30, highThreshold = 50, criticalThreshold = 70;
    int reviewFloor = 1, possibleForcedLabourFloor = 2, zeroToleranceFloor = 3; // RiskTier values

    // Lookups (built by fromJson; -1 when absent).
    int indicatorIndex(const QString& id) const { return m_indicatorIndex.value(id, -1); }
    const SourceTypeDef* sourceType(const QString& id) const;
    const MitigationDef* mitigation(const QString& id) const;
    const SectorDef* sector(const QString& idOrAlias) const; // case-insensitive
    const SignalRule* signalRule(const QString& kind) const;

    // Parses and validates a methodology document. origin names it in errors (a file name).
    static Result<Methodology> fromJson(const QByteArray& json, const QString& origin = QString());
    // The bundled default (":/methodology/default.json").
    static Result<Methodology> loadDefault();
    static QString defaultResourcePath() { return QStringLiteral(":/methodology/default.json"); }

private:
    void buildIndex();
    QHash<QString, int> m_indicatorIndex;
    QHash<QString, int> m_sourceIndex;
    QHash<QString, int> m_mitigationIndex;
    QHash<QString, int> m_sectorIndex; // lower-case id and aliases
    QHash<QString, int> m_signalIndex;
};

} // namespace vigil
