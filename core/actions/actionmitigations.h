#pragma once

#include "actions/actiontypes.h"
#include "risk/riskinput.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QString>

namespace vigil {

class Database;

// The mitigations that the remediation cycle proves, for the risk engine (issue 4: "mitigation (reimbursed fees,
// closed corrective actions) lowers residual risk"):
//  - corrective_actions_closed: one per corrective action closed AND verified, dated by its closing date (an action
//    closed without verification, or cancelled, earns nothing);
//  - fees_reimbursed: one when the supplier's ledger shows fees paid and, in every currency, at least as much
//    reimbursed as paid; dated by the newest entry. A partial reimbursement earns nothing (the fees are still owed).
// Their ids start with "action:" or "fees:" so that an explanation can tell them from recorded mitigations.
QList<RiskMitigation> derivedMitigations(const QList<CorrectiveAction>& actions, const QList<FeeEntry>& fees);
Result<QList<RiskMitigation>> derivedMitigations(Database& db, const QString& supplierId);
// Every supplier's, in two queries (supplier id -> mitigations), for full rescoring.
Result<QHash<QString, QList<RiskMitigation>>> allDerivedMitigations(Database& db);

} // namespace vigil
