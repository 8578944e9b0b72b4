#pragma once

#include "report/reportdata.h"
#include "report/reportdocument.h"

#include <QList>

// The blocks that the portfolio report and the statements build from the workspace's figures. Each function says
// what the workspace holds, and where it holds nothing yet, a DataGap block says so: no figure is ever invented.
namespace vigil::report::blocks {

QString tierColor(RiskTier t);
QList<ReportBlock> structure(const PortfolioData& d);
QList<ReportBlock> supplyChainTables(const PortfolioData& d, int top = 10);
QList<ReportBlock> recruitment(const PortfolioData& d);
QList<ReportBlock> policies(const PortfolioData& d);
QList<ReportBlock> dueDiligence(const PortfolioData& d);
QList<ReportBlock> riskTiers(const PortfolioData& d, bool withChart = true);
QList<ReportBlock> riskAreas(const PortfolioData& d, int top = 10);
QList<ReportBlock> indicatorsFound(const PortfolioData& d);
QList<ReportBlock> actions(const PortfolioData& d);
QList<ReportBlock> remediation(const PortfolioData& d);
QList<ReportBlock> incomeLoss(const PortfolioData& d);
QList<ReportBlock> effectiveness(const PortfolioData& d);
QList<ReportBlock> training(const PortfolioData& d);
QList<ReportBlock> consultation(const PortfolioData& d);
QList<ReportBlock> complaints(const PortfolioData& d);
QList<ReportBlock> stakeholders(const PortfolioData& d);
QList<ReportBlock> prioritisation(const PortfolioData& d);
QList<ReportBlock> monitoring(const PortfolioData& d);
QList<ReportBlock> lksgDuties(const PortfolioData& d);
QList<ReportBlock> conclusions(const PortfolioData& d);
QList<ReportBlock> methodology(const PortfolioData& d);

// The remediation cycle (actionblocks.cpp): what the corrective actions, the fee ledger and the trainings show, and
// how effective the measures were (closure, verification, overdue, share of fees reimbursed).
QList<ReportBlock> actionEffectiveness(const PortfolioData& d);
QStringList actionConclusions(const PortfolioData& d);
ReportChart actionsByStatusChart(const ActionSummary& s);
// Fee ledger totals (aggregate: per currency, or per currency and corridor), never per worker.
ReportTable feeTotalsTable(const QList<FeeTotals>& totals, bool byCorridor);

// Charts
ReportChart tierDistributionChart(const PortfolioData& d);
ReportChart riskByChart(const PortfolioData& d, bool country, int top = 10);
ReportChart tiersOverTimeChart(const PortfolioData& d);
ReportChart supplyTierChart(const PortfolioData& d);

// The closing section every report has: date, methodology and version, the datasets with edition and licence,
// and the privacy statement.
ReportSection provenanceSection(const ReportDocument& doc);

} // namespace vigil::report::blocks
