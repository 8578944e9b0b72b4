#include "actions/actionsummary.h"

#include "actions/actionrepository.h"

#include <QLocale>
#include <QSet>

#include <cmath>

namespace vigil {

double ActionSummary::verifiedShare() const
{
    const int closed = closedActions();
    return closed > 0 ? double(count(ActionStatus::ClosedVerified)) / closed : -1.0;
}

ActionSummary summarise(const QList<CorrectiveAction>& actions, const QList<FeeEntry>& fees,
                        const QList<Training>& trainings, const QDate& today)
{
    ActionSummary s;
    s.today = today;
    QSet<QString> withActions, verified, overdue, withFees, reimbursed;
    for (const CorrectiveAction& a : actions) {
        ++s.actions;
        ++s.byStatus[size_t(a.status)];
        withActions.insert(a.supplierId);
        if (a.status == ActionStatus::ClosedVerified)
            verified.insert(a.supplierId);
        if (a.isOverdue(today)) {
            ++s.overdue;
            ++s.overdueByStatus[size_t(a.status)];
            overdue.insert(a.supplierId);
        }
    }
    s.suppliersWithActions = int(withActions.size());
    s.suppliersWithVerifiedClosure = int(verified.size());
    s.suppliersWithOverdue = int(overdue.size());

    QMap<QString, FeeTotals> byCurrency;
    QMap<QPair<QString, QString>, FeeTotals> byCorridor;
    auto add = [](FeeTotals& t, const FeeEntry& f) {
        t.paid += f.paidAmount;
        t.reimbursed += f.reimbursedAmount;
        t.outstanding += f.outstanding();
        t.workers += f.workers.value_or(0);
        ++t.entries;
    };
    for (const FeeEntry& f : fees) {
        ++s.feeEntries;
        withFees.insert(f.supplierId);
        if (f.reimbursedAmount > 0)
            reimbursed.insert(f.supplierId);
        FeeTotals& c = byCurrency[f.currency];
        c.currency = f.currency;
        add(c, f);
        const QString corridor = f.corridor().isEmpty() ? QStringLiteral("not recorded") : f.corridor();
        FeeTotals& k = byCorridor[{f.currency, corridor}];
        k.currency = f.currency;
        k.corridor = corridor;
        add(k, f);
    }
    s.suppliersWithFees = int(withFees.size());
    s.suppliersWithReimbursement = int(reimbursed.size());
    s.feesByCurrency = byCurrency.values();
    s.feesByCorridor = byCorridor.values();

    for (const Training& t : trainings) {
        ++s.trainings;
        s.participants += t.participants;
        ++s.trainingsByAudience[size_t(t.audience)];
        s.participantsByAudience[size_t(t.audience)] += t.participants;
    }
    return s;
}

Result<ActionSummary> readActionSummary(Database& db, const QDate& today, const QString& supplierId)
{
    ActionRepository repo(db);
    ActionQuery q;
    q.supplierId = supplierId;
    auto actions = repo.actions(q);
    if (!actions)
        return actions.error();
    auto fees = repo.fees(supplierId);
    if (!fees)
        return fees.error();
    auto trainings = repo.trainings(supplierId);
    if (!trainings)
        return trainings.error();
    return summarise(actions.value(), fees.value(), trainings.value(), today);
}

QString formatAmount(double amount, const QString& currency)
{
    // Fixed English grouping: reports are in English and must read the same on every machine.
    const QLocale c(QLocale::English, QLocale::UnitedStates);
    const bool whole = std::abs(amount - std::round(amount)) < 0.005;
    return c.toString(amount, 'f', whole ? 0 : 2) + QLatin1Char(' ') + currency;
}

} // namespace vigil
