#pragma once

#include "risk/riskinput.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace vigil {

enum class RiskTier { Low = 0, Medium = 1, High = 2, Critical = 3 };

// ILO logic: one indicator triggers review; possible forced labour needs an involuntariness AND a coercion
// indicator present at the same site.
enum class IloClassification { None = 0, Review = 1, PossibleForcedLabour = 2 };

enum class GapKind {
    UnknownCountry, // country empty or not an ISO 3166-1 code: cautious default used
    MissingCountryData, // country known but no loaded dataset covers it: cautious default used
    UnknownSector, // sector empty or not in the methodology: cautious default used
    NoGoods, // no goods / products given: no ILAB good match possible
    MigrantShareUnknown, // migrant share unknown: half the migrant points used
    IndicatorNotAssessed, // no present/absent observation for an indicator
    StaleEvidence, // the newest evidence for an indicator is older than staleAfterDays
    UndatedEvidence, // an observation without a date
    SiteNotRecorded, // involuntariness and coercion found, but not both with a site: cannot conclude
    UnknownIndicator, // an observation names an indicator the methodology does not know (ignored)
    UnknownSourceType, // an observation names a source type the methodology does not know (lowest weight)
    UnknownMitigation, // a mitigation type the methodology does not know (ignored)
    ExpiredMitigation // a mitigation older than its validity window (no credit)
};

// One line of the explanation. The points of all contributions add up to the score exactly.
struct RiskContribution
{
    QString factor; // "country", "country_signal:tip_tier", "sector", "goods", "migrant_share", "indicator:<id>",
                    // "uncertainty", "inherent_cap", "evidence_cap", "mitigation:<type>", "mitigation_cap",
                    // "clamp", "escalation"
    QString label; // human-readable, e.g. "Country: TIP tier 2WL"
    double value = 0; // the factor's own value (anchor 1-6, severity points, share ...)
    double weight = 0; // the multiplier applied (points per anchor unit, evidence quality ...)
    double points = 0; // signed effect on the 0-100 score
    QString source; // dataset "name edition" or "observation:<id>" / "mitigation:<id>" / "methodology"
    QDate date; // date of the evidence, if any
};

struct EvidenceGap
{
    GapKind kind = GapKind::IndicatorNotAssessed;
    QString subject; // indicator id, country code, observation id ...
    QString message; // what is missing and what to do
};

struct RiskResult
{
    QString supplierId;
    QString methodologyId;
    QString methodologyVersion;
    double score = 0; // 0..100, rounded to 0.1
    RiskTier tier = RiskTier::Low;
    RiskTier scoreTier = RiskTier::Low; // the tier from the score thresholds alone, before escalation
    IloClassification classification = IloClassification::None;
    bool zeroTolerance = false; // a zero-tolerance finding is present: tier Critical at once
    QStringList zeroToleranceFindings; // indicator ids
    QStringList escalations; // the escalation rules that apply (review, possible FL, zero tolerance)
    double inherent = 0; // inherent risk 0..10 (Sedex Radar-like anchors)
    double countryAnchor = 0; // 1..6
    double sectorAnchor = 0; // 1..4
    double goodsAnchor = 0; // 0..2
    double coverage = 0; // 0..1 share of indicators assessed with non-stale evidence
    double confidence = 0; // 0..1 overall trust in the result
    QList<RiskContribution> contributions;
    QList<EvidenceGap> gaps;
};

QString tierId(RiskTier tier); // "low", "medium", "high", "critical"
QString tierLabel(RiskTier tier); // "Low", ...
std::optional<RiskTier> tierFromId(const QString& id);
QString classificationId(IloClassification c); // "none", "review", "possible_forced_labour"
QString classificationLabel(IloClassification c);
std::optional<IloClassification> classificationFromId(const QString& id);
QString gapKindId(GapKind kind); // "unknown_country", "indicator_not_assessed", ...
std::optional<GapKind> gapKindFromId(const QString& id);
QString statusId(ObservationStatus s); // "present", "absent", "not_assessed"
std::optional<ObservationStatus> statusFromId(const QString& id);

} // namespace vigil
