#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace vigil {

// What one piece of evidence says about one indicator.
enum class ObservationStatus { Present, Absent, NotAssessed };

// One observation: indicator x status, with where it came from and how much it can be trusted.
struct RiskObservation
{
    QString id; // stable id, shown as the source of the contribution it makes
    QString indicatorId; // an indicator id of the methodology, e.g. "ilo_07_retention_of_identity_documents"
    ObservationStatus status = ObservationStatus::NotAssessed;
    QString sourceType; // a source id of the methodology: worker_interview, audit, self_assessment, ...
    QDate date; // when the evidence was collected; invalid = undated (counts for little)
    double confidence = 1.0; // 0..1, the assessor's confidence in this observation
    // The site it was seen at; empty = the supplier as a whole (site not recorded). A site removed from the supplier
    // since keeps its id here: the observation is still about that former site, not the supplier as a whole.
    QString siteId;
    QString note;
};

// What to call the site of an observation: '' for the supplier as a whole (no site), the site's name, or
// removedSiteLabel() when siteId names none of the supplier's sites (`siteNames`: id -> name). An observation whose
// site was removed is still about that former site (risk_observations.site_id keeps the id, schema 10): it is never
// shown, exported or scored as seen at the supplier as a whole. Corrective actions show a removed site the same way.
inline QString removedSiteLabel()
{
    return QStringLiteral("(site removed)");
}

template <typename Map>
QString observationSiteLabel(const QString& siteId, const Map& siteNames)
{
    if (siteId.isEmpty())
        return {};
    const auto it = siteNames.constFind(siteId);
    return it != siteNames.cend() ? it.value() : removedSiteLabel();
}

// A mitigation in place at the supplier (fees reimbursed, grievance channel ...).
struct RiskMitigation
{
    QString id;
    QString type; // a mitigation factor id of the methodology: fees_reimbursed, grievance_channel, ...
    QDate date; // when it was verified; invalid = undated
    QString note;
};

// Everything the engine needs to know about one supplier. Missing values are allowed: they become evidence gaps.
struct SupplierRiskInput
{
    QString supplierId;
    QString country; // ISO 3166-1 alpha-2 ("TH"); empty or unknown = unknown country
    QString sector; // a sector id or alias of the methodology ("fishing", "apparel"); empty = unknown
    QStringList goods; // products / goods, matched against the ILAB list ("Fish", "Shrimp")
    std::optional<double> migrantShare; // 0..1 share of migrant workers; nothing = unknown
    std::optional<int> workers; // total workers, if known
    std::optional<int> migrantWorkers; // migrant workers, if known (used when migrantShare is not given)
    QList<RiskObservation> observations;
    QList<RiskMitigation> mitigations;
};

} // namespace vigil
