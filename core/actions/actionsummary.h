#pragma once

#include "actions/actiontypes.h"
#include "util/result.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>

#include <array>

namespace vigil {

class Database;

// Totals of the fee ledger for one currency (and, in byCorridor, one corridor): amounts for groups of workers,
// never per worker.
struct FeeTotals
{
    QString currency;
    QString corridor; // "MM → TH"; empty in the per-currency totals, "not recorded" when unknown
    double paid = 0;
    double reimbursed = 0;
    double outstanding = 0; // sum over entries of what is still owed (over-reimbursement is not netted)
    qint64 workers = 0; // workers counted in entries that give a count
    int entries = 0;
};

// What the remediation cycle adds up to, for reports, the dashboard and the CLI.
struct ActionSummary
{
    QDate today;
    // Corrective actions
    int actions = 0;
    std::array<int, 5> byStatus{0, 0, 0, 0, 0}; // index: int(ActionStatus)
    int overdue = 0; // open or in progress, due before today
    std::array<int, 5> overdueByStatus{0, 0, 0, 0, 0}; // only Open and InProgress can be overdue
    int suppliersWithActions = 0;
    int suppliersWithVerifiedClosure = 0;
    int suppliersWithOverdue = 0;
    // Fee ledger
    int feeEntries = 0;
    int suppliersWithFees = 0;
    int suppliersWithReimbursement = 0;
    QList<FeeTotals> feesByCurrency; // sorted by currency
    QList<FeeTotals> feesByCorridor; // sorted by currency, then corridor
    // Trainings
    int trainings = 0;
    qint64 participants = 0;
    std::array<int, 3> trainingsByAudience{0, 0, 0}; // index: int(TrainingAudience)
    std::array<qint64, 3> participantsByAudience{0, 0, 0};

    int count(ActionStatus s) const { return byStatus[size_t(s)]; }
    int openActions() const { return count(ActionStatus::Open) + count(ActionStatus::InProgress); }
    int closedActions() const { return count(ActionStatus::ClosedVerified) + count(ActionStatus::ClosedNotVerified); }
    // Share of closed actions whose closure was verified; -1 when none is closed.
    double verifiedShare() const;
};

ActionSummary summarise(const QList<CorrectiveAction>& actions, const QList<FeeEntry>& fees,
                        const QList<Training>& trainings, const QDate& today);
// Reads every action, fee entry and training of the workspace (or of one supplier: its trainings only).
Result<ActionSummary> readActionSummary(Database& db, const QDate& today, const QString& supplierId = {});

// "12,500 THB", "80.50 USD": amounts with English grouping, decimals only when there are cents.
QString formatAmount(double amount, const QString& currency);

} // namespace vigil
