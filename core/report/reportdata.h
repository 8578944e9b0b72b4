#pragma once

#include "actions/actionsummary.h"
#include "actions/actiontypes.h"
#include "model/supplier.h"
#include "report/reportdocument.h"
#include "risk/riskrepository.h"
#include "risk/riskresult.h"
#include "util/result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <array>
#include <optional>

namespace vigil {
class Database;
}

namespace vigil::report {

// One supplier as the portfolio report and the statements count it: the register line and its score now.
struct SupplierRisk
{
    QString id;
    QString name;
    QString country;
    QString sector;
    int supplyTier = 1;
    SupplierStatus status = SupplierStatus::Active;
    double score = 0;
    RiskTier tier = RiskTier::Low;
    IloClassification classification = IloClassification::None;
    bool zeroTolerance = false;
    double coverage = 0;
    int gapCount = 0;
    int observations = 0;
    QStringList presentIndicators; // indicator ids with a "present" observation
    QDate lastEvidence; // newest dated observation, invalid when none
};

// The remediation cycle (core/actions): corrective actions, the recruitment-fee ledger and trainings. An empty
// register is not read as "nothing to report": the reports mark it as a data gap (nothing is invented).
struct CycleFigures
{
    ActionSummary summary;
    QMap<QString, int> actionsByIndicator; // indicator id -> corrective actions answering it
    QMap<QString, int> closedVerifiedByIndicator; // indicator id -> of those, closed and verified
    std::optional<int> complaints; // not held by the workspace yet

    bool hasActions() const { return summary.actions > 0; }
    bool hasFees() const { return summary.feeEntries > 0; }
    bool hasTrainings() const { return summary.trainings > 0; }
};

// Everything the portfolio report and the statements say about the workspace, read once.
struct PortfolioData
{
    QDateTime now;
    QString methodologyId;
    QString methodologyName;
    QString methodologyVersion;
    QList<ReportDataset> datasets;
    QList<SupplierRisk> suppliers; // every supplier, in register order

    qint64 sites = 0;
    qint64 recruiters = 0;
    qint64 unlicensedRecruiters = 0;
    qint64 recruiterLinks = 0;
    QMap<QString, int> corridors; // "MM>TH" -> supplier links
    qint64 observations = 0;
    QMap<QString, int> observationsBySource; // source type label -> observations
    QMap<QString, int> indicatorSuppliers; // indicator id -> suppliers where it was found present
    QMap<QString, QString> indicatorLabels; // indicator id -> label (catalogue order kept in indicatorOrder)
    QStringList indicatorOrder;
    QMap<QString, int> mitigationSuppliers; // mitigation type -> suppliers with it recorded
    QMap<QString, QString> mitigationLabels;

    // Tiers over time from the score history: month ("2026-05") -> suppliers per tier at the month's end.
    QStringList historyMonths;
    QList<std::array<int, 4>> historyTiers;

    CycleFigures cycle;

    // Derived counts
    int countTier(RiskTier t) const;
    int assessedSuppliers() const; // with at least one observation
    int assessedWithin(int days) const; // with evidence dated within the last `days`
    int possibleForcedLabour() const;
    int zeroTolerance() const;
    QMap<int, int> bySupplyTier() const;
    QMap<QString, int> byCountry() const;
    QMap<QString, int> bySector() const;
    // key -> suppliers per risk tier, for key in country or sector
    QMap<QString, std::array<int, 4>> riskBy(bool country) const;
};

// One supplier's due-diligence file.
struct SupplierData
{
    QDateTime now;
    QString methodologyName;
    QString methodologyVersion;
    QList<ReportDataset> datasets;
    SupplierRecord record;
    QList<Recruiter> recruiters; // the recruiters linked, in link order
    RiskResult risk;
    QList<RiskObservation> observations;
    QList<RiskMitigation> mitigations;
    QList<ScoreHistoryEntry> history;
    QMap<QString, QString> indicatorLabels;
    QMap<QString, QString> sourceLabels;
    QMap<QString, QString> mitigationLabels;
    QMap<QString, QString> siteNames; // site id -> name
    QList<CorrectiveAction> actions; // this supplier's, oldest first
    QList<FeeEntry> fees; // this supplier's fee ledger
    QList<Training> trainings; // trainings held for this supplier
    CycleFigures cycle;
};

// Reads the workspace and scores every supplier with the pure engine at `now`.
Result<PortfolioData> gatherPortfolio(Database& db, const QDateTime& now);
Result<SupplierData> gatherSupplier(Database& db, const QString& supplierId, const QDateTime& now);
// The datasets of a scoring context, as reports name them.
QList<ReportDataset> reportDatasets(const ReferenceData& reference);

QString countryName(const QString& alpha2);

} // namespace vigil::report
