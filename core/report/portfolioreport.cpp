#include "report/reportblocks.h"
#include "report/reportbuilder.h"

#include <algorithm>

namespace vigil::report {

namespace {

ReportSection section(const QString& id, const QString& title)
{
    ReportSection s;
    s.id = id;
    s.title = title;
    return s;
}

QList<ReportBlock> topRiskTable(const PortfolioData& d, int top)
{
    QList<const SupplierRisk*> list;
    list.reserve(d.suppliers.size());
    for (const SupplierRisk& s : d.suppliers)
        list << &s;
    std::stable_sort(list.begin(), list.end(), [](const SupplierRisk* a, const SupplierRisk* b) {
        if (a->tier != b->tier)
            return int(a->tier) > int(b->tier);
        return a->score > b->score;
    });
    ReportTable t{QStringLiteral("The %1 highest-risk suppliers").arg(qMin<qsizetype>(top, list.size())),
                  {QStringLiteral("Supplier"), QStringLiteral("Country"), QStringLiteral("Sector"),
                   QStringLiteral("Tier"), QStringLiteral("Score"), QStringLiteral("ILO classification"),
                   QStringLiteral("Indicators found"), QStringLiteral("Coverage")},
                  {},
                  {4, 6, 7},
                  QStringLiteral("No suppliers.")};
    for (int i = 0; i < list.size() && i < top; ++i) {
        const SupplierRisk& s = *list[i];
        t.rows << QStringList{s.name,
                              countryName(s.country),
                              s.sector,
                              tierLabel(s.tier) + (s.zeroTolerance ? QStringLiteral(" (zero tolerance)") : QString()),
                              formatNumber(s.score),
                              classificationLabel(s.classification),
                              QString::number(s.presentIndicators.size()),
                              formatPercent(s.coverage)};
    }
    return {ReportBlock::makeTable(t)};
}

} // namespace

ReportDocument buildPortfolioReport(const PortfolioData& d, const QString& organisation, int topRisks)
{
    using namespace blocks;
    ReportDocument doc;
    doc.kind = QStringLiteral("portfolio");
    doc.title = QStringLiteral("Portfolio forced-labour risk report");
    doc.organisation = organisation;
    doc.subtitle = QStringLiteral("%1 suppliers · risk as of %2")
                       .arg(formatCount(d.suppliers.size()), d.now.toUTC().date().toString(Qt::ISODate));
    doc.generatedAt = d.now;
    doc.methodologyName = d.methodologyName;
    doc.methodologyVersion = d.methodologyVersion;
    doc.datasets = d.datasets;
    doc.confidentiality = QStringLiteral("Confidential · portfolio risk");

    ReportSection summary = section(QStringLiteral("summary"), QStringLiteral("Summary"));
    const int total = int(d.suppliers.size());
    summary.blocks << ReportBlock::keyFigures(
        {{QStringLiteral("Suppliers"), formatCount(total), {}},
         {QStringLiteral("Critical"), formatCount(d.countTier(RiskTier::Critical)), {}},
         {QStringLiteral("High"), formatCount(d.countTier(RiskTier::High)), {}},
         {QStringLiteral("Possible forced labour"), formatCount(d.possibleForcedLabour()), {}},
         {QStringLiteral("Zero-tolerance findings"), formatCount(d.zeroTolerance()), {}},
         {QStringLiteral("Assessed in 12 months"), formatCount(d.assessedWithin(365)), {}}});
    summary.blocks << riskTiers(d, true);
    doc.sections << summary;

    ReportSection chain = section(QStringLiteral("supply_chain"), QStringLiteral("Supply chain"));
    chain.blocks << structure(d).mid(1);
    chain.blocks << ReportBlock::makeChart(supplyTierChart(d));
    chain.blocks << supplyChainTables(d);
    doc.sections << chain;

    ReportSection areas = section(QStringLiteral("risk_areas"), QStringLiteral("Risk by country and sector"));
    areas.blocks << ReportBlock::makeChart(riskByChart(d, true));
    areas.blocks << ReportBlock::makeChart(riskByChart(d, false));
    areas.blocks << riskAreas(d);
    doc.sections << areas;

    ReportSection top = section(QStringLiteral("top_risks"), QStringLiteral("Top risks"));
    top.blocks << topRiskTable(d, topRisks);
    doc.sections << top;

    ReportSection indicators = section(QStringLiteral("indicators"), QStringLiteral("Indicators found"));
    indicators.blocks << indicatorsFound(d);
    doc.sections << indicators;

    ReportSection coverage = section(QStringLiteral("coverage"), QStringLiteral("Evidence coverage"));
    coverage.blocks << dueDiligence(d);
    doc.sections << coverage;

    ReportSection recruit = section(QStringLiteral("recruitment"), QStringLiteral("Recruiters and corridors"));
    recruit.blocks << recruitment(d);
    doc.sections << recruit;

    ReportSection act = section(QStringLiteral("actions"), QStringLiteral("Actions and remediation"));
    act.blocks << actions(d) << remediation(d) << training(d);
    doc.sections << act;

    ReportSection trend = section(QStringLiteral("trend"), QStringLiteral("Trend"));
    trend.blocks << monitoring(d);
    doc.sections << trend;

    doc.sections << provenanceSection(doc);
    return doc;
}

} // namespace vigil::report
