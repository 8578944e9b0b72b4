// The blocks about the remediation cycle: corrective actions, the recruitment-fee ledger and trainings (core/actions),
// for the portfolio report and every statement. An empty register is a data gap, never "nothing to report"; fees
// are aggregates (per currency and corridor), never per worker.
#include "report/reportblocks.h"

namespace vigil::report::blocks {

namespace {

QString share(int n, int total)
{
    return total > 0 ? formatPercent(double(n) / total) : QStringLiteral("–");
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

// "12,500 THB; 3,500 MYR" (per currency: amounts in different currencies are never added up)
QString amounts(const QList<FeeTotals>& totals, double FeeTotals::*field)
{
    QStringList parts;
    for (const FeeTotals& t : totals)
        parts << formatAmount(t.*field, t.currency);
    return parts.join(QStringLiteral("; "));
}

qint64 feeWorkers(const QList<FeeTotals>& totals)
{
    qint64 n = 0;
    for (const FeeTotals& t : totals)
        n += t.workers;
    return n;
}

bool answersForcedOrChildLabour(const QString& indicator)
{
    return indicator.startsWith(QLatin1String("ilo_")) || indicator.startsWith(QLatin1String("cl_"))
        || indicator.startsWith(QLatin1String("rec_"));
}

} // namespace

ReportChart actionsByStatusChart(const ActionSummary& s)
{
    ReportChart c;
    c.id = QStringLiteral("corrective_actions");
    c.title = QStringLiteral("Corrective actions by status (closed: verified or not)");
    c.type = ReportChart::Type::StackedBar;
    c.valueLabel = QStringLiteral("actions");
    ChartSeries onTime{QStringLiteral("Not overdue"), {}, QStringLiteral("#2f5d8a")};
    ChartSeries late{QStringLiteral("Overdue"), {}, QStringLiteral("#b3261e")};
    for (ActionStatus st : allActionStatuses()) {
        // Short labels: five bars share a dashboard card.
        static const char* const shortLabels[] = {"Open", "In progress", "Verified", "Not verified", "Cancelled"};
        c.categories << QString::fromLatin1(shortLabels[int(st)]);
        const int overdue = s.overdueByStatus[size_t(st)];
        onTime.values << double(s.count(st) - overdue);
        late.values << double(overdue);
    }
    c.series << onTime << late;
    return c;
}

ReportTable feeTotalsTable(const QList<FeeTotals>& totals, bool byCorridor)
{
    ReportTable t;
    t.caption = byCorridor ? QStringLiteral("Recruitment fees by corridor (totals for groups of workers)")
                           : QStringLiteral("Recruitment fees paid by workers and reimbursed (totals)");
    if (byCorridor)
        t.header << QStringLiteral("Corridor");
    t.header << QStringLiteral("Currency") << QStringLiteral("Workers") << QStringLiteral("Paid by workers")
             << QStringLiteral("Reimbursed") << QStringLiteral("Outstanding") << QStringLiteral("Reimbursed share");
    const int first = byCorridor ? 2 : 1;
    t.numericColumns = {first, first + 1, first + 2, first + 3, first + 4};
    t.emptyText = QStringLiteral("No recruitment fee is recorded.");
    for (const FeeTotals& f : totals) {
        QStringList row;
        if (byCorridor)
            row << f.corridor;
        row << f.currency << (f.workers > 0 ? formatCount(f.workers) : QStringLiteral("–"))
            << formatAmount(f.paid, f.currency) << formatAmount(f.reimbursed, f.currency)
            << formatAmount(f.outstanding, f.currency)
            << (f.paid > 0 ? formatPercent(std::min(1.0, f.reimbursed / f.paid)) : QStringLiteral("–"));
        t.rows << row;
    }
    return t;
}

QList<ReportBlock> actions(const PortfolioData& d)
{
    QList<ReportBlock> list;
    list << ReportBlock::data(
        mitigationSentence(d, QStringLiteral("corrective_actions_closed"),
                           QStringLiteral("corrective actions verified closed"))
        + QLatin1Char(' ')
        + mitigationSentence(d, QStringLiteral("recent_audit"), QStringLiteral("a recent independent social audit")));
    const ActionSummary& s = d.cycle.summary;
    if (!d.cycle.hasActions()) {
        list << ReportBlock::gap(QStringLiteral("No corrective action is recorded in the workspace: the number of "
                                                "corrective actions opened, closed and overdue is not available from "
                                                "Vigil. Record them in the supplier view (Actions) or with vigil-cli "
                                                "actions add."));
        return list;
    }
    list << ReportBlock::keyFigures(
        {{QStringLiteral("Corrective actions"), formatCount(s.actions),
          QStringLiteral("at %1 suppliers").arg(formatCount(s.suppliersWithActions))},
         {QStringLiteral("Open"), formatCount(s.openActions()),
          QStringLiteral("%1 in progress").arg(formatCount(s.count(ActionStatus::InProgress)))},
         {QStringLiteral("Overdue"), formatCount(s.overdue),
          QStringLiteral("at %1 suppliers").arg(formatCount(s.suppliersWithOverdue))},
         {QStringLiteral("Closed – verified"), formatCount(s.count(ActionStatus::ClosedVerified)), {}},
         {QStringLiteral("Closed – not verified"), formatCount(s.count(ActionStatus::ClosedNotVerified)), {}},
         {QStringLiteral("Cancelled"), formatCount(s.count(ActionStatus::Cancelled)), {}}});
    list << ReportBlock::data(
        QStringLiteral("%1 corrective actions are recorded at %2 suppliers: %3 open (%4 in progress), %5 overdue; "
                       "%6 closed and verified, %7 closed without verification, %8 cancelled (as of %9).")
            .arg(formatCount(s.actions), formatCount(s.suppliersWithActions), formatCount(s.openActions()),
                 formatCount(s.count(ActionStatus::InProgress)), formatCount(s.overdue),
                 formatCount(s.count(ActionStatus::ClosedVerified)),
                 formatCount(s.count(ActionStatus::ClosedNotVerified)), formatCount(s.count(ActionStatus::Cancelled)),
                 s.today.toString(Qt::ISODate)));
    ReportTable t{QStringLiteral("Corrective actions by status"),
                  {QStringLiteral("Status"), QStringLiteral("Actions"), QStringLiteral("Overdue")},
                  {},
                  {1, 2},
                  {}};
    for (ActionStatus st : allActionStatuses())
        t.rows << QStringList{actionStatusLabel(st), formatCount(s.count(st)),
                              formatCount(s.overdueByStatus[size_t(st)])};
    list << ReportBlock::makeTable(t);
    list << ReportBlock::makeChart(actionsByStatusChart(s));
    if (!d.cycle.actionsByIndicator.isEmpty()) {
        ReportTable f{QStringLiteral("Findings answered by corrective actions"),
                      {QStringLiteral("Indicator"), QStringLiteral("Actions"), QStringLiteral("Closed and verified")},
                      {},
                      {1, 2},
                      {}};
        QStringList order = d.indicatorOrder;
        for (auto it = d.cycle.actionsByIndicator.cbegin(); it != d.cycle.actionsByIndicator.cend(); ++it)
            if (!order.contains(it.key()))
                order << it.key();
        for (const QString& id : std::as_const(order))
            if (d.cycle.actionsByIndicator.contains(id))
                f.rows << QStringList{d.indicatorLabels.value(id, id),
                                      formatCount(d.cycle.actionsByIndicator.value(id)),
                                      formatCount(d.cycle.closedVerifiedByIndicator.value(id))};
        list << ReportBlock::makeTable(f);
    }
    return list;
}

QList<ReportBlock> remediation(const PortfolioData& d)
{
    QList<ReportBlock> list;
    list << ReportBlock::data(QStringLiteral("%1 suppliers have a zero-tolerance finding (retained documents, debt "
                                             "bondage or a child below the minimum age) that calls for remediation. ")
                                  .arg(formatCount(d.zeroTolerance()))
                              + mitigationSentence(d, QStringLiteral("fees_reimbursed"),
                                                   QStringLiteral("recruitment fees reimbursed to workers")));
    if (d.cycle.hasActions()) {
        int answering = 0;
        int closed = 0;
        for (auto it = d.cycle.actionsByIndicator.cbegin(); it != d.cycle.actionsByIndicator.cend(); ++it)
            if (answersForcedOrChildLabour(it.key())) {
                answering += it.value();
                closed += d.cycle.closedVerifiedByIndicator.value(it.key());
            }
        list << ReportBlock::data(QStringLiteral("%1 corrective actions answer forced-labour, recruitment or "
                                                 "child-labour indicators; %2 of them are closed and verified.")
                                      .arg(formatCount(answering), formatCount(closed)));
    }
    const ActionSummary& s = d.cycle.summary;
    if (!d.cycle.hasFees()) {
        list << ReportBlock::gap(QStringLiteral("The workspace holds no fee ledger entry: the amounts of recruitment "
                                                "fees paid by workers and reimbursed to them are not available from "
                                                "Vigil."));
        return list;
    }
    list << ReportBlock::data(
        QStringLiteral(
            "Recruitment fees reimbursed to workers: %1, of %2 paid by workers (fee ledger: %3 entries at %4 "
            "suppliers, amounts for groups of workers). Still owed: %5.")
            .arg(amounts(s.feesByCurrency, &FeeTotals::reimbursed), amounts(s.feesByCurrency, &FeeTotals::paid),
                 formatCount(s.feeEntries), formatCount(s.suppliersWithFees),
                 amounts(s.feesByCurrency, &FeeTotals::outstanding)));
    list << ReportBlock::makeTable(feeTotalsTable(s.feesByCurrency, false));
    list << ReportBlock::makeTable(feeTotalsTable(s.feesByCorridor, true));
    return list;
}

QList<ReportBlock> incomeLoss(const PortfolioData& d)
{
    int child = 0;
    int forced = 0;
    for (const SupplierRisk& s : d.suppliers) {
        bool c = false;
        for (const QString& id : s.presentIndicators)
            c = c || id.startsWith(QLatin1String("cl_"));
        child += c ? 1 : 0;
        forced += s.classification == IloClassification::PossibleForcedLabour ? 1 : 0;
    }
    QList<ReportBlock> list{ReportBlock::data(QStringLiteral("Measures to end forced or child labour can cost the most "
                                                             "vulnerable families their income. Child-labour "
                                                             "indicators were found at %1 suppliers and possible "
                                                             "forced labour at %2.")
                                                  .arg(formatCount(child), formatCount(forced)))};
    const ActionSummary& s = d.cycle.summary;
    if (d.cycle.hasFees()) {
        const qint64 workers = feeWorkers(s.feesByCurrency);
        list << ReportBlock::data(
            QStringLiteral("Reimbursing recruitment fees returns income to workers and their families: %1 reimbursed "
                           "to workers at %2 suppliers%3; %4 still owed.")
                .arg(amounts(s.feesByCurrency, &FeeTotals::reimbursed), formatCount(s.suppliersWithReimbursement),
                     workers > 0 ? QStringLiteral(" (groups totalling %1 workers)").arg(formatCount(workers))
                                 : QString(),
                     amounts(s.feesByCurrency, &FeeTotals::outstanding)));
        list << ReportBlock::gap(QStringLiteral("Other measures to remediate the loss of income to the most vulnerable "
                                                "families (stipends, schooling support, hiring adult family members) "
                                                "are not recorded in Vigil; describe them above."));
    } else {
        list << ReportBlock::gap(QStringLiteral("The workspace does not record measures taken to remediate the loss of "
                                                "income to the most vulnerable families, nor a fee ledger of "
                                                "recruitment fees reimbursed; describe them above."));
    }
    return list;
}

QList<ReportBlock> training(const PortfolioData& d)
{
    const ActionSummary& s = d.cycle.summary;
    if (!d.cycle.hasTrainings())
        return {ReportBlock::gap(QStringLiteral("The workspace does not record trainings: the number of staff and "
                                                "suppliers trained on forced labour and responsible recruitment is not "
                                                "available from Vigil."))};
    const auto audience = [](TrainingAudience a) { return size_t(a); };
    QList<ReportBlock> list;
    list << ReportBlock::keyFigures({{QStringLiteral("Trainings"), formatCount(s.trainings), {}},
                                     {QStringLiteral("Participants"), formatCount(s.participants), {}}});
    list << ReportBlock::data(
        QStringLiteral("%1 trainings on forced labour and responsible recruitment are recorded, with %2 participants: "
                       "%3 for staff (%4 participants), %5 for suppliers (%6), %7 for recruiters (%8).")
            .arg(formatCount(s.trainings), formatCount(s.participants),
                 formatCount(s.trainingsByAudience[audience(TrainingAudience::Staff)]),
                 formatCount(s.participantsByAudience[audience(TrainingAudience::Staff)]),
                 formatCount(s.trainingsByAudience[audience(TrainingAudience::Suppliers)]),
                 formatCount(s.participantsByAudience[audience(TrainingAudience::Suppliers)]),
                 formatCount(s.trainingsByAudience[audience(TrainingAudience::Recruiters)]),
                 formatCount(s.participantsByAudience[audience(TrainingAudience::Recruiters)])));
    return list;
}

QList<ReportBlock> actionEffectiveness(const PortfolioData& d)
{
    const ActionSummary& s = d.cycle.summary;
    QList<ReportBlock> list;
    if (d.cycle.hasActions()) {
        const double verified = s.verifiedShare();
        list << ReportBlock::data(
            QStringLiteral("Corrective actions: %1 of %2 closed, %3 of the closures verified; %4 open actions are "
                           "overdue.")
                .arg(formatCount(s.closedActions()), formatCount(s.actions),
                     verified < 0 ? QStringLiteral("none") : formatPercent(verified), formatCount(s.overdue)));
    }
    if (d.cycle.hasFees()) {
        QStringList parts;
        for (const FeeTotals& t : s.feesByCurrency)
            parts << QStringLiteral("%1 of %2 (%3)")
                         .arg(formatAmount(t.reimbursed, t.currency), formatAmount(t.paid, t.currency),
                              t.paid > 0 ? formatPercent(std::min(1.0, t.reimbursed / t.paid)) : QStringLiteral("–"));
        list << ReportBlock::data(
            QStringLiteral("Recruitment fees reimbursed so far: %1.").arg(parts.join(QStringLiteral("; "))));
    }
    if (list.isEmpty())
        list << ReportBlock::gap(QStringLiteral("No corrective action and no fee ledger entry is recorded: whether "
                                                "remediation works cannot be measured from the workspace."));
    return list;
}

QStringList actionConclusions(const PortfolioData& d)
{
    const ActionSummary& s = d.cycle.summary;
    QStringList items;
    if (!d.cycle.hasActions())
        items << QStringLiteral("No corrective action is recorded: record the plans agreed with High and Critical "
                                "suppliers.");
    else if (s.overdue > 0)
        items << QStringLiteral("%1 corrective actions are overdue at %2 suppliers: follow them up.")
                     .arg(formatCount(s.overdue), formatCount(s.suppliersWithOverdue));
    double owed = 0;
    for (const FeeTotals& t : s.feesByCurrency)
        owed += t.outstanding;
    if (owed > 0)
        items << QStringLiteral("Recruitment fees still owed to workers (%1): agree reimbursement plans.")
                     .arg(amounts(s.feesByCurrency, &FeeTotals::outstanding));
    return items;
}

} // namespace vigil::report::blocks
