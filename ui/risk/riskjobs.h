#pragma once

#include "risk/scoring.h"
#include "util/result.h"

#include <QDateTime>

#include <functional>

class QWidget;

namespace vigil::ui {

// Progress of a long job: (done, total); returns false to cancel.
using ProgressFn = std::function<bool(qsizetype done, qsizetype total)>;

struct TierImpact
{
    qsizetype suppliers = 0;
    qsizetype changed = 0; // suppliers whose tier differs between the current and the proposed methodology
    qsizetype up = 0; // of which to a higher tier
    qsizetype down = 0;
};

// How many suppliers would change tier if `proposed` replaced the context's methodology: every supplier evaluated
// twice with the pure engine. Reads only. Cancelled: an error saying so.
Result<TierImpact> computeTierImpact(Database& db, const ScoringContext& context, const Methodology& proposed,
                                     const QDateTime& now, const ProgressFn& progress = {});

// Evaluates every supplier and stores the scores in one transaction (nothing is stored when cancelled).
// Returns the number of suppliers scored.
Result<qsizetype> rescoreAll(Database& db, const ScoringContext& context, const QDateTime& now,
                             const ProgressFn& progress = {});

// Runs job(db) in a worker thread on its own connection (Database::openAnother), with a modal progress dialog
// and a Cancel button; returns the job's status (an error "Cancelled." when the user cancelled).
Status runWithProgress(QWidget* parent, Database& db, const QString& title,
                       const std::function<Status(Database& db, const ProgressFn& progress)>& job);

} // namespace vigil::ui
