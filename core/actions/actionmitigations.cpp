#include "actions/actionmitigations.h"

#include "actions/actionrepository.h"

#include <QMap>

namespace vigil {

QList<RiskMitigation> derivedMitigations(const QList<CorrectiveAction>& actions, const QList<FeeEntry>& fees)
{
    QList<RiskMitigation> list;
    for (const CorrectiveAction& a : actions) {
        if (a.status != ActionStatus::ClosedVerified)
            continue;
        RiskMitigation m;
        m.id = QStringLiteral("action:") + a.id;
        m.type = QStringLiteral("corrective_actions_closed");
        m.date = a.closedOn;
        m.note = a.description;
        list.append(m);
    }
    QMap<QString, QPair<double, double>> byCurrency; // paid, reimbursed
    QDate newest;
    for (const FeeEntry& f : fees) {
        auto& [paid, reimbursed] = byCurrency[f.currency];
        paid += f.paidAmount;
        reimbursed += f.reimbursedAmount;
        if (f.recordedOn.isValid() && (!newest.isValid() || f.recordedOn > newest))
            newest = f.recordedOn;
    }
    bool anyPaid = false;
    bool allReimbursed = !byCurrency.isEmpty();
    for (const auto& [paid, reimbursed] : std::as_const(byCurrency)) {
        anyPaid = anyPaid || paid > 0;
        allReimbursed = allReimbursed && reimbursed + 0.005 >= paid;
    }
    if (anyPaid && allReimbursed) {
        RiskMitigation m;
        m.id = QStringLiteral("fees:") + (fees.isEmpty() ? QString() : fees.first().supplierId);
        m.type = QStringLiteral("fees_reimbursed");
        m.date = newest;
        m.note = QStringLiteral("Fee ledger: every recorded fee reimbursed");
        list.append(m);
    }
    return list;
}

Result<QList<RiskMitigation>> derivedMitigations(Database& db, const QString& supplierId)
{
    ActionRepository repo(db);
    ActionQuery q;
    q.supplierId = supplierId;
    q.status = ActionStatus::ClosedVerified;
    auto actions = repo.actions(q);
    if (!actions)
        return actions.error();
    auto fees = repo.fees(supplierId);
    if (!fees)
        return fees.error();
    return derivedMitigations(actions.value(), fees.value());
}

Result<QHash<QString, QList<RiskMitigation>>> allDerivedMitigations(Database& db)
{
    ActionRepository repo(db);
    ActionQuery q;
    q.status = ActionStatus::ClosedVerified;
    auto actions = repo.actions(q);
    if (!actions)
        return actions.error();
    auto fees = repo.fees();
    if (!fees)
        return fees.error();
    QHash<QString, QList<CorrectiveAction>> actionsBy;
    QHash<QString, QList<FeeEntry>> feesBy;
    for (const CorrectiveAction& a : actions.value())
        actionsBy[a.supplierId].append(a);
    for (const FeeEntry& f : fees.value())
        feesBy[f.supplierId].append(f);
    QHash<QString, QList<RiskMitigation>> out;
    QStringList ids = actionsBy.keys() + feesBy.keys();
    for (const QString& id : std::as_const(ids)) {
        if (out.contains(id))
            continue;
        const QList<RiskMitigation> m = derivedMitigations(actionsBy.value(id), feesBy.value(id));
        out.insert(id, m);
    }
    return out;
}

} // namespace vigil
