#include "report/reportblocks.h"
#include "report/reportbuilder.h"

#include <algorithm>

namespace vigil::report {

namespace {

QString opt(const std::optional<int>& v)
{
    return v ? formatCount(*v) : QStringLiteral("not recorded");
}

QString optShare(const std::optional<double>& v)
{
    return v ? formatPercent(*v) : QStringLiteral("not recorded");
}

QString dateText(const QDate& d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QStringLiteral("undated");
}

QString workersText(const Supplier& s)
{
    if (s.workersMin && s.workersMax && *s.workersMin != *s.workersMax)
        return QStringLiteral("%1–%2").arg(formatCount(*s.workersMin), formatCount(*s.workersMax));
    if (s.workersMax)
        return formatCount(*s.workersMax);
    if (s.workersMin)
        return QStringLiteral("at least %1").arg(formatCount(*s.workersMin));
    return QStringLiteral("not recorded");
}

QString countryText(const QString& code)
{
    return code.isEmpty() ? QStringLiteral("–") : QStringLiteral("%1 (%2)").arg(countryName(code), code);
}

ReportSection section(const QString& id, const QString& title)
{
    ReportSection s;
    s.id = id;
    s.title = title;
    return s;
}

ReportSection profile(const SupplierData& d)
{
    const Supplier& s = d.record.supplier;
    ReportSection sec = section(QStringLiteral("profile"), QStringLiteral("Profile"));
    sec.blocks << ReportBlock::keyFigures(
        {{QStringLiteral("Risk tier"), tierLabel(d.risk.tier),
          d.risk.zeroTolerance ? QStringLiteral("zero-tolerance finding") : QString()},
         {QStringLiteral("Score"), formatNumber(d.risk.score) + QStringLiteral(" / 100"), {}},
         {QStringLiteral("ILO classification"), classificationLabel(d.risk.classification), {}},
         {QStringLiteral("Evidence coverage"), formatPercent(d.risk.coverage),
          QStringLiteral("confidence %1").arg(formatPercent(d.risk.confidence))}});
    QStringList ids;
    for (const Identifier& i : d.record.identifiers)
        ids << QStringLiteral("%1: %2").arg(displayName(i.scheme), i.value);
    ReportTable t{{}, {QStringLiteral("Field"), QStringLiteral("Value")}, {}, {}, {}};
    t.rows << QStringList{QStringLiteral("Name"), s.name};
    if (!s.otherNames.isEmpty())
        t.rows << QStringList{QStringLiteral("Other names"), s.otherNames.join(QStringLiteral("; "))};
    t.rows << QStringList{QStringLiteral("Country"), countryText(s.country)};
    t.rows << QStringList{QStringLiteral("Address"), s.address.isEmpty() ? QStringLiteral("–") : s.address};
    t.rows << QStringList{QStringLiteral("Sector"), s.sector.isEmpty() ? QStringLiteral("not recorded") : s.sector};
    t.rows << QStringList{QStringLiteral("Products"),
                          s.products.isEmpty() ? QStringLiteral("not recorded")
                                               : s.products.join(QStringLiteral(", "))};
    t.rows << QStringList{QStringLiteral("Supply-chain tier"), QString::number(s.tier)};
    t.rows << QStringList{QStringLiteral("Workers"), workersText(s)};
    t.rows << QStringList{QStringLiteral("Migrant workers"), optShare(s.migrantShare)};
    t.rows << QStringList{QStringLiteral("Women workers"), optShare(s.femaleShare)};
    t.rows << QStringList{QStringLiteral("Status"), displayName(s.status)};
    t.rows << QStringList{QStringLiteral("Identifiers"),
                          ids.isEmpty() ? QStringLiteral("–") : ids.join(QStringLiteral("; "))};
    sec.blocks << ReportBlock::makeTable(t);
    return sec;
}

ReportSection sites(const SupplierData& d)
{
    ReportSection sec = section(QStringLiteral("sites"), QStringLiteral("Sites"));
    ReportTable t{{},
                  {QStringLiteral("Site"), QStringLiteral("Type"), QStringLiteral("Country"), QStringLiteral("Address"),
                   QStringLiteral("Workers")},
                  {},
                  {4},
                  QStringLiteral("No site is recorded for this supplier.")};
    for (const Site& s : d.record.sites)
        t.rows << QStringList{s.name, toString(s.type), countryText(s.country), s.address, opt(s.workers)};
    sec.blocks << ReportBlock::makeTable(t);
    return sec;
}

ReportSection recruiters(const SupplierData& d)
{
    ReportSection sec = section(QStringLiteral("recruiters"), QStringLiteral("Recruiters and corridors"));
    ReportTable t{{},
                  {QStringLiteral("Recruiter"), QStringLiteral("Based in"), QStringLiteral("Licence"),
                   QStringLiteral("Corridor"), QStringLiteral("Workers recruited"), QStringLiteral("Since")},
                  {},
                  {4},
                  QStringLiteral("No recruiter is recorded for this supplier.")};
    for (int i = 0; i < d.record.recruiters.size(); ++i) {
        const RecruiterLink& l = d.record.recruiters[i];
        const Recruiter r = d.recruiters.value(i);
        QString licence = toString(r.licenceStatus);
        if (!r.licenceNumber.isEmpty())
            licence += QStringLiteral(" (%1)").arg(r.licenceNumber);
        t.rows << QStringList{
            r.name.isEmpty() ? l.recruiterName : r.name,
            countryText(r.country),
            licence,
            QStringLiteral("%1 → %2").arg(countryText(l.originCountry), countryText(l.destinationCountry)),
            opt(l.workersRecruited),
            l.since.isEmpty() ? QStringLiteral("–") : l.since};
    }
    sec.blocks << ReportBlock::makeTable(t);
    return sec;
}

ReportSection score(const SupplierData& d)
{
    ReportSection sec = section(QStringLiteral("score"), QStringLiteral("Risk score and its explanation"));
    sec.blocks << ReportBlock::data(
        QStringLiteral("Score %1 of 100, tier %2 (%3 by the score thresholds alone). Inherent risk %4 of 10: country "
                       "anchor %5, sector anchor %6, goods anchor %7. The contributions below add up to the score.")
            .arg(formatNumber(d.risk.score), tierLabel(d.risk.tier), tierLabel(d.risk.scoreTier),
                 formatNumber(d.risk.inherent), formatNumber(d.risk.countryAnchor), formatNumber(d.risk.sectorAnchor),
                 formatNumber(d.risk.goodsAnchor)));
    if (!d.risk.escalations.isEmpty())
        sec.blocks << ReportBlock::bullets(d.risk.escalations);
    ReportTable t{QStringLiteral("Contributions to the score"),
                  {QStringLiteral("Factor"), QStringLiteral("Value"), QStringLiteral("Weight"),
                   QStringLiteral("Points"), QStringLiteral("Source"), QStringLiteral("Date")},
                  {},
                  {1, 2, 3},
                  {}};
    for (const RiskContribution& c : d.risk.contributions) {
        QString source = c.source;
        if (source.startsWith(QLatin1String("observation:")) || source.startsWith(QLatin1String("mitigation:")))
            source = source.section(QLatin1Char(':'), 0, 0) + QStringLiteral(" recorded");
        t.rows << QStringList{c.label,
                              formatNumber(c.value, 2),
                              formatNumber(c.weight, 2),
                              (c.points > 0 ? QStringLiteral("+") : QString()) + formatNumber(c.points),
                              source,
                              c.date.isValid() ? c.date.toString(Qt::ISODate) : QString()};
    }
    sec.blocks << ReportBlock::makeTable(t);
    return sec;
}

ReportSection indicators(const SupplierData& d)
{
    ReportSection sec = section(QStringLiteral("indicators"), QStringLiteral("Indicators found"));
    QList<RiskObservation> obs = d.observations;
    std::stable_sort(obs.begin(), obs.end(), [](const RiskObservation& a, const RiskObservation& b) {
        if ((a.status == ObservationStatus::Present) != (b.status == ObservationStatus::Present))
            return a.status == ObservationStatus::Present;
        return a.date > b.date;
    });
    ReportTable t{{},
                  {QStringLiteral("Indicator"), QStringLiteral("Finding"), QStringLiteral("Source"),
                   QStringLiteral("Site"), QStringLiteral("Date"), QStringLiteral("Confidence")},
                  {},
                  {5},
                  QStringLiteral("No evidence is recorded for this supplier.")};
    static const QHash<ObservationStatus, QString> finding{
        {ObservationStatus::Present, QStringLiteral("Found")},
        {ObservationStatus::Absent, QStringLiteral("Not found")},
        {ObservationStatus::NotAssessed, QStringLiteral("Not assessed")}};
    for (const RiskObservation& o : obs)
        t.rows << QStringList{d.indicatorLabels.value(o.indicatorId, o.indicatorId),
                              finding.value(o.status),
                              d.sourceLabels.value(o.sourceType, o.sourceType),
                              o.siteId.isEmpty() ? QStringLiteral("whole supplier")
                                                 : observationSiteLabel(o.siteId, d.siteNames),
                              dateText(o.date),
                              formatPercent(o.confidence)};
    sec.blocks << ReportBlock::makeTable(t);
    sec.blocks << ReportBlock::note(QStringLiteral("Notes taken with each observation are not reproduced: they may "
                                                   "identify workers."));
    return sec;
}

ReportSection gaps(const SupplierData& d)
{
    ReportSection sec = section(QStringLiteral("gaps"), QStringLiteral("Evidence gaps"));
    QStringList items;
    for (const EvidenceGap& g : d.risk.gaps)
        items << g.message;
    if (items.isEmpty())
        sec.blocks << ReportBlock::data(QStringLiteral("No evidence gap: every indicator has recent evidence."));
    else {
        sec.blocks << ReportBlock::data(
            QStringLiteral("%1 gaps: missing evidence is counted as risk, not as safety.").arg(items.size()));
        sec.blocks << ReportBlock::bullets(items);
    }
    return sec;
}

QString findingText(const SupplierData& d, const CorrectiveAction& a)
{
    if (!a.observationId.isEmpty()) {
        for (const RiskObservation& o : d.observations)
            if (o.id == a.observationId)
                return QStringLiteral("%1 (%2, %3)")
                    .arg(d.indicatorLabels.value(o.indicatorId, o.indicatorId),
                         d.sourceLabels.value(o.sourceType, o.sourceType), dateText(o.date));
    }
    if (!a.indicatorId.isEmpty())
        return d.indicatorLabels.value(a.indicatorId, a.indicatorId);
    return QStringLiteral("–");
}

ReportSection actions(const SupplierData& d)
{
    ReportSection sec = section(QStringLiteral("actions"), QStringLiteral("Mitigations and corrective actions"));
    ReportTable m{QStringLiteral("Mitigations verified"),
                  {QStringLiteral("Mitigation"), QStringLiteral("Verified on")},
                  {},
                  {},
                  QStringLiteral("No mitigation is recorded for this supplier.")};
    for (const RiskMitigation& x : d.mitigations)
        m.rows << QStringList{d.mitigationLabels.value(x.type, x.type), dateText(x.date)};
    sec.blocks << ReportBlock::makeTable(m);
    const ActionSummary& s = d.cycle.summary;
    if (d.actions.isEmpty()) {
        sec.blocks << ReportBlock::gap(QStringLiteral("No corrective action is recorded for this supplier: open, "
                                                      "closed and overdue actions are not available from Vigil."));
    } else {
        sec.blocks << ReportBlock::data(
            QStringLiteral("%1 corrective actions: %2 open (%3 in progress), %4 overdue, %5 closed and verified, %6 "
                           "closed without verification, %7 cancelled (as of %8).")
                .arg(formatCount(s.actions), formatCount(s.openActions()),
                     formatCount(s.count(ActionStatus::InProgress)), formatCount(s.overdue),
                     formatCount(s.count(ActionStatus::ClosedVerified)),
                     formatCount(s.count(ActionStatus::ClosedNotVerified)),
                     formatCount(s.count(ActionStatus::Cancelled)), s.today.toString(Qt::ISODate)));
        ReportTable t{QStringLiteral("Corrective actions"),
                      {QStringLiteral("Action"), QStringLiteral("Finding"), QStringLiteral("Site"),
                       QStringLiteral("Owner"), QStringLiteral("Opened"), QStringLiteral("Due"),
                       QStringLiteral("Status"), QStringLiteral("Overdue")},
                      {},
                      {},
                      {}};
        for (const CorrectiveAction& a : d.actions) {
            QString status = actionStatusLabel(a.status);
            if (isClosed(a.status) && a.closedOn.isValid())
                status += QStringLiteral(" on ") + a.closedOn.toString(Qt::ISODate);
            t.rows << QStringList{a.description,
                                  findingText(d, a),
                                  a.siteId.isEmpty() ? QStringLiteral("whole supplier") : a.siteName,
                                  a.owner.isEmpty() ? QStringLiteral("–") : a.owner,
                                  dateText(a.openedOn),
                                  a.dueOn.isValid() ? a.dueOn.toString(Qt::ISODate) : QStringLiteral("none agreed"),
                                  status,
                                  a.isOverdue(s.today)
                                      ? QStringLiteral("OVERDUE by %1 days").arg(a.dueOn.daysTo(s.today))
                                      : QStringLiteral("no")};
        }
        sec.blocks << ReportBlock::makeTable(t);
        sec.blocks << ReportBlock::note(QStringLiteral("Verification notes are not reproduced: they may identify "
                                                       "workers."));
    }
    ReportTable tr{
        QStringLiteral("Trainings held for this supplier"),
        {QStringLiteral("Date"), QStringLiteral("Topic"), QStringLiteral("Audience"), QStringLiteral("Participants")},
        {},
        {3},
        QStringLiteral("No training for this supplier is recorded.")};
    for (const Training& t : d.trainings)
        tr.rows << QStringList{dateText(t.heldOn), t.topic, audienceLabel(t.audience), formatCount(t.participants)};
    sec.blocks << ReportBlock::makeTable(tr);
    return sec;
}

ReportSection fees(const SupplierData& d)
{
    ReportSection sec = section(QStringLiteral("fees"), QStringLiteral("Recruitment fee ledger"));
    int reimbursed = 0;
    for (const RiskMitigation& m : d.mitigations)
        reimbursed += m.type == QLatin1String("fees_reimbursed") ? 1 : 0;
    int feesFound = 0;
    for (const RiskObservation& o : d.observations)
        feesFound += (o.status == ObservationStatus::Present
                      && (o.indicatorId == QLatin1String("rec_fees_paid_by_worker")
                          || o.indicatorId == QLatin1String("rec_fees_not_reimbursed")))
            ? 1
            : 0;
    sec.blocks << ReportBlock::data(QStringLiteral("Observations of recruitment fees paid by workers: %1. Verified "
                                                   "fee reimbursements: %2.")
                                        .arg(feesFound)
                                        .arg(reimbursed));
    if (d.fees.isEmpty()) {
        sec.blocks << ReportBlock::gap(QStringLiteral("No fee ledger entry is recorded for this supplier: amounts paid "
                                                      "by and reimbursed to workers are not available from Vigil."));
        return sec;
    }
    const ActionSummary& s = d.cycle.summary;
    QStringList paid;
    QStringList back;
    QStringList owed;
    for (const FeeTotals& t : s.feesByCurrency) {
        paid << formatAmount(t.paid, t.currency);
        back << formatAmount(t.reimbursed, t.currency);
        owed << formatAmount(t.outstanding, t.currency);
    }
    sec.blocks << ReportBlock::data(QStringLiteral("Fees paid by workers: %1. Reimbursed: %2. Outstanding: %3 (%4 "
                                                   "ledger entries; amounts are totals for groups of workers).")
                                        .arg(paid.join(QStringLiteral("; ")), back.join(QStringLiteral("; ")),
                                             owed.join(QStringLiteral("; ")), formatCount(s.feeEntries)));
    sec.blocks << ReportBlock::makeTable(blocks::feeTotalsTable(s.feesByCorridor, true));
    sec.blocks << ReportBlock::note(QStringLiteral("The ledger holds amounts per group of workers, never a worker's "
                                                   "name or identity."));
    return sec;
}

ReportSection history(const SupplierData& d)
{
    ReportSection sec = section(QStringLiteral("history"), QStringLiteral("History"));
    ReportTable t{QStringLiteral("Score history"),
                  {QStringLiteral("Evaluated"), QStringLiteral("Methodology"), QStringLiteral("Score"),
                   QStringLiteral("Tier"), QStringLiteral("Classification"), QStringLiteral("Coverage")},
                  {},
                  {2, 5},
                  QStringLiteral("No stored score yet: the score above was computed for this report.")};
    for (const ScoreHistoryEntry& h : d.history)
        t.rows << QStringList{h.evaluatedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                              h.methodologyId + QLatin1Char(' ') + h.methodologyVersion,
                              formatNumber(h.score),
                              tierLabel(h.tier),
                              classificationLabel(h.classification),
                              formatPercent(h.coverage)};
    sec.blocks << ReportBlock::makeTable(t);
    if (d.history.size() >= 2) {
        ReportChart c;
        c.id = QStringLiteral("score_history");
        c.title = QStringLiteral("Score over time");
        c.type = ReportChart::Type::Line;
        c.valueLabel = QStringLiteral("score");
        ChartSeries s{QStringLiteral("Score"), {}, QStringLiteral("#2f5d8a")};
        for (const ScoreHistoryEntry& h : d.history) {
            c.categories << h.evaluatedAt.toUTC().date().toString(Qt::ISODate);
            s.values << h.score;
        }
        c.series << s;
        sec.blocks << ReportBlock::makeChart(c);
    }
    return sec;
}

} // namespace

ReportDocument buildSupplierReport(const SupplierData& d, const QString& organisation)
{
    ReportDocument doc;
    doc.kind = QStringLiteral("supplier");
    doc.title = QStringLiteral("Supplier due-diligence report");
    doc.subtitle = d.record.supplier.name;
    doc.organisation = organisation;
    doc.generatedAt = d.now;
    doc.methodologyName = d.methodologyName;
    doc.methodologyVersion = d.methodologyVersion;
    doc.datasets = d.datasets;
    doc.confidentiality = QStringLiteral("Confidential · supplier due-diligence record");
    doc.sections << profile(d) << sites(d) << recruiters(d) << score(d) << indicators(d) << gaps(d) << actions(d)
                 << fees(d) << history(d);
    doc.sections << blocks::provenanceSection(doc);
    return doc;
}

} // namespace vigil::report
