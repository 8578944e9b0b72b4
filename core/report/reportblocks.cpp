// The building blocks shared by every report (tables, key figures, provenance, gap boxes). The blocks about the
// remediation cycle (corrective actions, fees, trainings) are in actionblocks.cpp.
#include "report/reportblocks.h"

#include <algorithm>

namespace vigil::report::blocks {

namespace {

const RiskTier kTiers[] = {RiskTier::Low, RiskTier::Medium, RiskTier::High, RiskTier::Critical};

QString share(int n, int total)
{
    return total > 0 ? formatPercent(double(n) / total) : QStringLiteral("–");
}

// "MM>TH" -> "Myanmar → Thailand"
QString corridorLabel(const QString& key)
{
    const QStringList parts = key.split(QLatin1Char('>'));
    const QString from = parts.value(0).isEmpty() ? QStringLiteral("unknown origin") : countryName(parts.value(0));
    const QString to = parts.value(1).isEmpty() ? QStringLiteral("unknown destination") : countryName(parts.value(1));
    return from + QStringLiteral(" → ") + to;
}

template <typename Map>
QList<typename Map::key_type> topKeys(const Map& map, int top)
{
    QList<typename Map::key_type> keys = map.keys();
    std::stable_sort(keys.begin(), keys.end(), [&map](const auto& a, const auto& b) { return map[a] > map[b]; });
    if (top > 0 && keys.size() > top)
        keys = keys.mid(0, top);
    return keys;
}

int mitigationCount(const PortfolioData& d, const QString& type)
{
    return d.mitigationSuppliers.value(type, 0);
}

QString mitigationSentence(const PortfolioData& d, const QString& type, const QString& what)
{
    const int n = mitigationCount(d, type);
    return QStringLiteral("%1 of %2 suppliers (%3) have %4 recorded in the workspace.")
        .arg(formatCount(n), formatCount(d.suppliers.size()), share(n, int(d.suppliers.size())), what);
}

ReportBlock noEvidenceGap(const PortfolioData& d)
{
    return ReportBlock::gap(QStringLiteral("No supplier has evidence recorded yet (observations of ILO, recruitment "
                                           "or child-labour indicators): the %1 suppliers are scored on inherent "
                                           "(country and sector) risk only, and missing evidence counts as risk, not "
                                           "as safety.")
                                .arg(formatCount(d.suppliers.size())));
}

QList<ChartSeries> tierSeries(const QList<std::array<int, 4>>& counts)
{
    QList<ChartSeries> series;
    for (RiskTier t : kTiers) {
        ChartSeries s{tierLabel(t), {}, tierColor(t)};
        for (const auto& c : counts)
            s.values << c[size_t(int(t))];
        series << s;
    }
    return series;
}

} // namespace

QString tierColor(RiskTier t)
{
    switch (t) {
    case RiskTier::Low:
        return QStringLiteral("#3a8d5c");
    case RiskTier::Medium:
        return QStringLiteral("#e0a526");
    case RiskTier::High:
        return QStringLiteral("#dd6b20");
    case RiskTier::Critical:
        return QStringLiteral("#b3261e");
    }
    return QStringLiteral("#777777");
}

QList<ReportBlock> structure(const PortfolioData& d)
{
    const int total = int(d.suppliers.size());
    int active = 0;
    for (const SupplierRisk& s : d.suppliers)
        active += s.status == SupplierStatus::Active ? 1 : 0;
    const QMap<int, int> tiers = d.bySupplyTier();
    QList<KeyFigure> figures{
        {QStringLiteral("Suppliers in the register"), formatCount(total), QStringLiteral("%1 active").arg(active)},
        {QStringLiteral("Direct (tier 1) suppliers"), formatCount(tiers.value(1)), {}},
        {QStringLiteral("Further up the chain (tier 2+)"), formatCount(total - tiers.value(1)), {}},
        {QStringLiteral("Countries"), formatCount(d.byCountry().size()), {}},
        {QStringLiteral("Sites recorded"), formatCount(d.sites), {}},
        {QStringLiteral("Recruitment agencies"), formatCount(d.recruiters), {}}};
    QList<ReportBlock> list{ReportBlock::keyFigures(figures)};
    list << ReportBlock::data(QStringLiteral("The supplier register holds %1 suppliers (%2 active) in %3 countries and "
                                             "%4 sectors, with %5 sites. %6 are direct suppliers (tier 1); %7 sit "
                                             "further up the supply chain.")
                                  .arg(formatCount(total), formatCount(active), formatCount(d.byCountry().size()),
                                       formatCount(d.bySector().size()), formatCount(d.sites),
                                       formatCount(tiers.value(1)), formatCount(total - tiers.value(1))));
    return list;
}

QList<ReportBlock> supplyChainTables(const PortfolioData& d, int top)
{
    const int total = int(d.suppliers.size());
    QList<ReportBlock> list;
    ReportTable tiers{QStringLiteral("Suppliers by supply-chain tier"),
                      {QStringLiteral("Tier"), QStringLiteral("Suppliers"), QStringLiteral("Share")},
                      {},
                      {1, 2},
                      QStringLiteral("No suppliers.")};
    const QMap<int, int> byTier = d.bySupplyTier();
    for (auto it = byTier.cbegin(); it != byTier.cend(); ++it)
        tiers.rows << QStringList{QStringLiteral("Tier %1").arg(it.key()), formatCount(it.value()),
                                  share(it.value(), total)};
    list << ReportBlock::makeTable(tiers);

    const QMap<QString, int> byCountry = d.byCountry();
    ReportTable countries{QStringLiteral("Suppliers by country (top %1 of %2)").arg(top).arg(byCountry.size()),
                          {QStringLiteral("Country"), QStringLiteral("Suppliers"), QStringLiteral("Share")},
                          {},
                          {1, 2},
                          QStringLiteral("No suppliers.")};
    for (const QString& c : topKeys(byCountry, top))
        countries.rows << QStringList{countryName(c), formatCount(byCountry[c]), share(byCountry[c], total)};
    list << ReportBlock::makeTable(countries);

    const QMap<QString, int> bySector = d.bySector();
    ReportTable sectors{QStringLiteral("Suppliers by sector (top %1 of %2)").arg(top).arg(bySector.size()),
                        {QStringLiteral("Sector"), QStringLiteral("Suppliers"), QStringLiteral("Share")},
                        {},
                        {1, 2},
                        QStringLiteral("No suppliers.")};
    for (const QString& s : topKeys(bySector, top))
        sectors.rows << QStringList{s, formatCount(bySector[s]), share(bySector[s], total)};
    list << ReportBlock::makeTable(sectors);
    return list;
}

QList<ReportBlock> recruitment(const PortfolioData& d)
{
    QList<ReportBlock> list;
    list << ReportBlock::data(QStringLiteral("%1 recruitment agencies are recorded (%2 without a licence), linked to "
                                             "suppliers %3 times across %4 recruitment corridors.")
                                  .arg(formatCount(d.recruiters), formatCount(d.unlicensedRecruiters),
                                       formatCount(d.recruiterLinks), formatCount(d.corridors.size())));
    ReportTable t{QStringLiteral("Recruitment corridors (origin → destination)"),
                  {QStringLiteral("Corridor"), QStringLiteral("Supplier links")},
                  {},
                  {1},
                  QStringLiteral("No recruitment corridor is recorded.")};
    for (const QString& k : topKeys(d.corridors, 12))
        t.rows << QStringList{corridorLabel(k), formatCount(d.corridors[k])};
    list << ReportBlock::makeTable(t);
    return list;
}

QList<ReportBlock> policies(const PortfolioData& d)
{
    return {ReportBlock::data(mitigationSentence(d, QStringLiteral("employer_pays_policy"),
                                                 QStringLiteral("an Employer Pays policy in force and communicated "
                                                                "to their recruiters"))
                              + QLatin1Char(' ')
                              + mitigationSentence(d, QStringLiteral("grievance_channel"),
                                                   QStringLiteral("a working grievance channel used by workers")))};
}

QList<ReportBlock> dueDiligence(const PortfolioData& d)
{
    const int total = int(d.suppliers.size());
    const int assessed = d.assessedSuppliers();
    double coverage = 0;
    for (const SupplierRisk& s : d.suppliers)
        coverage += s.coverage;
    QList<ReportBlock> list;
    list << ReportBlock::data(
        QStringLiteral("Every supplier is scored with the methodology \"%1\" version %2: inherent risk from the "
                       "country and sector (from the datasets listed at the end of this document), the evidence "
                       "found at the supplier classified with the ILO indicators of forced labour, recruitment and "
                       "child-labour indicators, zero-tolerance escalations, and credit for verified mitigations. "
                       "Missing evidence is shown as a gap and counts as risk.")
            .arg(d.methodologyName, d.methodologyVersion));
    list << ReportBlock::keyFigures(
        {{QStringLiteral("Suppliers with evidence recorded"), formatCount(assessed), share(assessed, total)},
         {QStringLiteral("Evidence in the last 12 months"), formatCount(d.assessedWithin(365)),
          share(d.assessedWithin(365), total)},
         {QStringLiteral("Observations recorded"), formatCount(d.observations), {}},
         {QStringLiteral("Average indicator coverage"),
          total ? formatPercent(coverage / total) : QStringLiteral("–"),
          {}}});
    if (d.observations == 0) {
        list << noEvidenceGap(d);
    } else {
        ReportTable t{QStringLiteral("Evidence by source"),
                      {QStringLiteral("Source"), QStringLiteral("Observations")},
                      {},
                      {1},
                      {}};
        for (const QString& k : topKeys(d.observationsBySource, 0))
            t.rows << QStringList{k, formatCount(d.observationsBySource[k])};
        list << ReportBlock::makeTable(t);
    }
    return list;
}

QList<ReportBlock> riskTiers(const PortfolioData& d, bool withChart)
{
    const int total = int(d.suppliers.size());
    ReportTable t{QStringLiteral("Suppliers by risk tier"),
                  {QStringLiteral("Risk tier"), QStringLiteral("Suppliers"), QStringLiteral("Share")},
                  {},
                  {1, 2},
                  {}};
    for (RiskTier tier : kTiers)
        t.rows << QStringList{tierLabel(tier), formatCount(d.countTier(tier)), share(d.countTier(tier), total)};
    QList<ReportBlock> list;
    list << ReportBlock::data(QStringLiteral("Of %1 suppliers, %2 are in the Critical tier and %3 in the High tier; "
                                             "%4 show signs of possible forced labour under the ILO logic and %5 "
                                             "have a zero-tolerance finding.")
                                  .arg(formatCount(total), formatCount(d.countTier(RiskTier::Critical)),
                                       formatCount(d.countTier(RiskTier::High)), formatCount(d.possibleForcedLabour()),
                                       formatCount(d.zeroTolerance())));
    list << ReportBlock::makeTable(t);
    if (withChart)
        list << ReportBlock::makeChart(tierDistributionChart(d));
    return list;
}

QList<ReportBlock> riskAreas(const PortfolioData& d, int top)
{
    QList<ReportBlock> list;
    for (bool country : {true, false}) {
        const auto by = d.riskBy(country);
        QMap<QString, int> highOrWorse;
        for (auto it = by.cbegin(); it != by.cend(); ++it)
            highOrWorse.insert(it.key(), it.value()[2] + it.value()[3]);
        ReportTable t{country ? QStringLiteral("Countries with the most High or Critical suppliers")
                              : QStringLiteral("Sectors with the most High or Critical suppliers"),
                      {country ? QStringLiteral("Country") : QStringLiteral("Sector"), QStringLiteral("Suppliers"),
                       QStringLiteral("High"), QStringLiteral("Critical"), QStringLiteral("Share High+")},
                      {},
                      {1, 2, 3, 4},
                      QStringLiteral("No supplier is in the High or Critical tier.")};
        for (const QString& k : topKeys(highOrWorse, top)) {
            if (highOrWorse[k] == 0)
                break;
            const auto& c = by[k];
            const int n = c[0] + c[1] + c[2] + c[3];
            t.rows << QStringList{country ? countryName(k) : k, formatCount(n), formatCount(c[2]), formatCount(c[3]),
                                  share(c[2] + c[3], n)};
        }
        list << ReportBlock::makeTable(t);
    }
    return list;
}

QList<ReportBlock> indicatorsFound(const PortfolioData& d)
{
    QList<ReportBlock> list;
    if (d.observations == 0)
        return {noEvidenceGap(d)};
    ReportTable t{QStringLiteral("Indicators found present (suppliers)"),
                  {QStringLiteral("Indicator"), QStringLiteral("Suppliers")},
                  {},
                  {1},
                  QStringLiteral("No indicator was found present in the evidence recorded.")};
    for (const QString& id : d.indicatorOrder)
        if (d.indicatorSuppliers.value(id) > 0)
            t.rows << QStringList{d.indicatorLabels.value(id, id), formatCount(d.indicatorSuppliers.value(id))};
    int withAny = 0;
    for (const SupplierRisk& s : d.suppliers)
        withAny += s.presentIndicators.isEmpty() ? 0 : 1;
    list << ReportBlock::data(QStringLiteral("%1 observations were recorded; at %2 suppliers at least one indicator "
                                             "of forced labour, exploitative recruitment or child labour was found.")
                                  .arg(formatCount(d.observations), formatCount(withAny)));
    list << ReportBlock::makeTable(t);
    return list;
}

QList<ReportBlock> effectiveness(const PortfolioData& d)
{
    const int total = int(d.suppliers.size());
    QList<ReportBlock> list;
    double coverage = 0;
    for (const SupplierRisk& s : d.suppliers)
        coverage += s.coverage;
    list << ReportBlock::keyFigures(
        {{QStringLiteral("Suppliers assessed in the last 12 months"), share(d.assessedWithin(365), total),
          QStringLiteral("%1 of %2").arg(formatCount(d.assessedWithin(365)), formatCount(total))},
         {QStringLiteral("Average indicator coverage"),
          total ? formatPercent(coverage / total) : QStringLiteral("–"),
          {}},
         {QStringLiteral("High or Critical suppliers"),
          formatCount(d.countTier(RiskTier::High) + d.countTier(RiskTier::Critical)),
          {}},
         {QStringLiteral("Fees reimbursed (suppliers)"),
          formatCount(mitigationCount(d,
                                      QStringLiteral("fees_"
                                                     "reimbursed"))),
          {}}});
    if (d.historyMonths.size() >= 2) {
        const auto& first = d.historyTiers.first();
        const auto& last = d.historyTiers.last();
        list << ReportBlock::data(QStringLiteral("From %1 to %2, suppliers in the High or Critical tier went from %3 "
                                                 "to %4 (score history).")
                                      .arg(d.historyMonths.first(), d.historyMonths.last())
                                      .arg(first[2] + first[3])
                                      .arg(last[2] + last[3]));
        list << ReportBlock::makeChart(tiersOverTimeChart(d));
    } else {
        list << ReportBlock::gap(QStringLiteral("No score history is recorded yet: the change in risk over the period "
                                                "cannot be measured. Score the workspace regularly to build it."));
    }
    list << actionEffectiveness(d);
    return list;
}

QList<ReportBlock> consultation(const PortfolioData& d)
{
    Q_UNUSED(d)
    return {ReportBlock::gap(QStringLiteral("The workspace does not record the entities the reporting entity owns or "
                                            "controls, nor the consultation with them."))};
}

QList<ReportBlock> complaints(const PortfolioData& d)
{
    QList<ReportBlock> list{ReportBlock::data(
        mitigationSentence(d, QStringLiteral("grievance_channel"), QStringLiteral("a working grievance channel")))};
    if (!d.cycle.complaints)
        list << ReportBlock::gap(QStringLiteral("The workspace does not record complaints received or how they were "
                                                "handled."));
    return list;
}

QList<ReportBlock> stakeholders(const PortfolioData& d)
{
    int interviews = 0;
    int ngo = 0;
    for (auto it = d.observationsBySource.cbegin(); it != d.observationsBySource.cend(); ++it) {
        if (it.key().startsWith(QLatin1String("Worker interview")))
            interviews += it.value();
        if (it.key().startsWith(QLatin1String("NGO")))
            ngo += it.value();
    }
    return {ReportBlock::data(QStringLiteral("%1 observations come from worker interviews and %2 from NGO, trade-union "
                                             "or media reports. Worker identities are never stored in reports.")
                                  .arg(formatCount(interviews), formatCount(ngo)))};
}

QList<ReportBlock> prioritisation(const PortfolioData& d)
{
    QList<ReportBlock> list;
    list << ReportBlock::data(QStringLiteral("Suppliers are prioritised by tier, Critical first: %1 Critical, %2 High, "
                                             "%3 Medium, %4 Low. Zero-tolerance findings (%5) are escalated at once.")
                                  .arg(formatCount(d.countTier(RiskTier::Critical)),
                                       formatCount(d.countTier(RiskTier::High)),
                                       formatCount(d.countTier(RiskTier::Medium)),
                                       formatCount(d.countTier(RiskTier::Low)), formatCount(d.zeroTolerance())));
    list << riskAreas(d, 5);
    return list;
}

QList<ReportBlock> monitoring(const PortfolioData& d)
{
    const int total = int(d.suppliers.size());
    const int recent = d.assessedWithin(365);
    const int never = total - d.assessedSuppliers();
    QList<ReportBlock> list{ReportBlock::data(
        QStringLiteral("%1 suppliers have evidence from the last 12 months; %2 have no evidence at all and are scored "
                       "on inherent risk with every indicator shown as a gap.")
            .arg(formatCount(recent), formatCount(never)))};
    if (d.historyMonths.size() >= 2)
        list << ReportBlock::makeChart(tiersOverTimeChart(d));
    else
        list << ReportBlock::gap(QStringLiteral("No score history is recorded yet."));
    return list;
}

QList<ReportBlock> lksgDuties(const PortfolioData& d)
{
    const int total = int(d.suppliers.size());
    ReportTable t{QStringLiteral("Due-diligence obligations (LkSG §3(1)) and what the workspace records"),
                  {QStringLiteral("Obligation"), QStringLiteral("Recorded in Vigil")},
                  {},
                  {},
                  {}};
    t.rows << QStringList{QStringLiteral("1. Risk management (§4(1))"),
                          QStringLiteral("Methodology %1 %2 applied to %3 suppliers")
                              .arg(d.methodologyId, d.methodologyVersion, formatCount(total))};
    t.rows << QStringList{QStringLiteral("2. Responsibility within the company (§4(3))"),
                          QStringLiteral("Not recorded: company text")};
    t.rows << QStringList{
        QStringLiteral("3. Regular risk analyses (§5)"),
        QStringLiteral("%1 suppliers with evidence in the last 12 months").arg(formatCount(d.assessedWithin(365)))};
    t.rows << QStringList{QStringLiteral("4. Policy statement (§6(2))"), QStringLiteral("Not recorded: company text")};
    t.rows << QStringList{QStringLiteral("5. Preventive measures (§6(1), (3)-(4))"),
                          QStringLiteral("%1 suppliers with an Employer Pays policy")
                              .arg(formatCount(mitigationCount(d, QStringLiteral("employer_pays_policy"))))};
    t.rows << QStringList{QStringLiteral("6. Remedial action (§7(1)-(3))"),
                          d.cycle.hasActions()
                              ? QStringLiteral("%1 corrective actions: %2 open (%3 overdue), %4 closed and verified")
                                    .arg(formatCount(d.cycle.summary.actions),
                                         formatCount(d.cycle.summary.openActions()),
                                         formatCount(d.cycle.summary.overdue),
                                         formatCount(d.cycle.summary.count(ActionStatus::ClosedVerified)))
                              : QStringLiteral("Data gap: no corrective action is recorded")};
    t.rows << QStringList{QStringLiteral("7. Complaints procedure (§8)"),
                          QStringLiteral("%1 suppliers with a grievance channel")
                              .arg(formatCount(mitigationCount(d, QStringLiteral("grievance_channel"))))};
    t.rows << QStringList{
        QStringLiteral("8. Indirect suppliers (§9)"),
        QStringLiteral("%1 tier 2+ suppliers in the register").arg(formatCount(total - d.bySupplyTier().value(1)))};
    t.rows << QStringList{QStringLiteral("9. Documentation (§10(1))"),
                          QStringLiteral("Change log and score history kept in the workspace")};
    return {ReportBlock::makeTable(t)};
}

QList<ReportBlock> conclusions(const PortfolioData& d)
{
    const int total = int(d.suppliers.size());
    const int never = total - d.assessedSuppliers();
    QStringList items;
    items << QStringLiteral("%1 suppliers have no evidence recorded: collect evidence, Critical and High first.")
                 .arg(formatCount(never));
    items << QStringLiteral("%1 suppliers are in the High or Critical tier: agree corrective action plans with them.")
                 .arg(formatCount(d.countTier(RiskTier::High) + d.countTier(RiskTier::Critical)));
    items << QStringLiteral("%1 recruitment agencies have no licence recorded as valid: verify them.")
                 .arg(formatCount(d.unlicensedRecruiters));
    items << actionConclusions(d);
    return {ReportBlock::data(QStringLiteral("What the workspace's figures point to for the next period:")),
            ReportBlock::bullets(items)};
}

QList<ReportBlock> methodology(const PortfolioData& d)
{
    QStringList items;
    for (const ReportDataset& ds : d.datasets)
        items << QStringLiteral("%1, %2 (%3)").arg(ds.name, ds.edition, ds.licence);
    return {ReportBlock::data(QStringLiteral("Risk scores: methodology \"%1\" version %2, computed on %3 for %4 "
                                             "suppliers from these datasets:")
                                  .arg(d.methodologyName, d.methodologyVersion,
                                       d.now.toUTC().date().toString(Qt::ISODate), formatCount(d.suppliers.size()))),
            ReportBlock::bullets(items)};
}

ReportChart tierDistributionChart(const PortfolioData& d)
{
    ReportChart c;
    c.id = QStringLiteral("tiers");
    c.title = QStringLiteral("Suppliers by risk tier");
    c.valueLabel = QStringLiteral("suppliers");
    for (RiskTier t : kTiers) {
        c.categories << tierLabel(t);
    }
    // One series per tier so each bar has its tier's colour.
    for (RiskTier t : kTiers) {
        ChartSeries s{tierLabel(t), {0, 0, 0, 0}, tierColor(t)};
        s.values[int(t)] = d.countTier(t);
        c.series << s;
    }
    c.type = ReportChart::Type::StackedBar;
    return c;
}

ReportChart riskByChart(const PortfolioData& d, bool country, int top)
{
    const auto by = d.riskBy(country);
    QMap<QString, int> totals;
    for (auto it = by.cbegin(); it != by.cend(); ++it)
        totals.insert(it.key(), it.value()[0] + it.value()[1] + it.value()[2] + it.value()[3]);
    ReportChart c;
    c.id = country ? QStringLiteral("risk_by_country") : QStringLiteral("risk_by_sector");
    c.title = country ? QStringLiteral("Risk tiers by country (top %1)").arg(top)
                      : QStringLiteral("Risk tiers by sector (top %1)").arg(top);
    c.type = ReportChart::Type::StackedBar;
    c.horizontal = true;
    c.valueLabel = QStringLiteral("suppliers");
    QList<std::array<int, 4>> counts;
    for (const QString& k : topKeys(totals, top)) {
        c.categories << (country ? countryName(k) : k);
        counts << by[k];
    }
    c.series = tierSeries(counts);
    return c;
}

ReportChart tiersOverTimeChart(const PortfolioData& d)
{
    ReportChart c;
    c.id = QStringLiteral("tiers_over_time");
    c.title = QStringLiteral("Risk tiers over time (month end)");
    c.type = ReportChart::Type::Line;
    c.valueLabel = QStringLiteral("suppliers");
    c.categories = d.historyMonths;
    c.series = tierSeries(d.historyTiers);
    return c;
}

ReportChart supplyTierChart(const PortfolioData& d)
{
    ReportChart c;
    c.id = QStringLiteral("supply_tiers");
    c.title = QStringLiteral("Suppliers by supply-chain tier");
    c.valueLabel = QStringLiteral("suppliers");
    ChartSeries s{QStringLiteral("Suppliers"), {}, QStringLiteral("#2f5d8a")};
    const QMap<int, int> by = d.bySupplyTier();
    for (auto it = by.cbegin(); it != by.cend(); ++it) {
        c.categories << QStringLiteral("Tier %1").arg(it.key());
        s.values << it.value();
    }
    c.series << s;
    return c;
}

ReportSection provenanceSection(const ReportDocument& doc)
{
    ReportSection s;
    s.id = QStringLiteral("about");
    s.title = QStringLiteral("About this report");
    s.blocks << ReportBlock::data(QStringLiteral("Produced by Vigil %1 on %2 UTC. Risk scores: methodology \"%3\", "
                                                 "version %4, applied at the date of the report.")
                                      .arg(QStringLiteral(VIGIL_VERSION),
                                           doc.generatedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                           doc.methodologyName, doc.methodologyVersion));
    ReportTable t{
        QStringLiteral("Datasets the scores rest on"),
        {QStringLiteral("Dataset"), QStringLiteral("Edition"), QStringLiteral("Publisher"), QStringLiteral("Licence")},
        {},
        {},
        QStringLiteral("No reference dataset is loaded.")};
    for (const ReportDataset& d : doc.datasets)
        t.rows << QStringList{d.name, d.edition, d.publisher, d.licence};
    s.blocks << ReportBlock::makeTable(t);
    s.blocks << ReportBlock::note(QStringLiteral("Privacy: this report holds no data that could identify a worker. "
                                                 "Notes of observations, interview records and grievance details are "
                                                 "never reproduced; evidence is shown by indicator, source type, "
                                                 "site and date only."));
    return s;
}

} // namespace vigil::report::blocks
