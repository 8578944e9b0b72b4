#pragma once

#include "risk/scoring.h"
#include "util/result.h"

#include <QDateTime>
#include <QString>

#include <array>
#include <atomic>
#include <functional>

namespace vigil {

class Database;

// How a scoring job runs. Every member is optional.
struct ScoreJobOptions
{
    QString supplierId; // score only this supplier; empty: every supplier
    // Called on the calling thread after each chunk is stored: (suppliers done, suppliers in all).
    std::function<void(qint64 done, qint64 total)> progress;
    // Set from any thread to stop: the job then returns an error "Cancelled." and stores nothing.
    const std::atomic<bool>* cancel = nullptr;
    // Called on the calling thread with each result once it is stored, in supplier-id order.
    std::function<void(const RiskResult& result)> onResult;
    int threads = 0; // evaluation threads; 0: one per core
    int chunkSize = 2048; // suppliers read, evaluated and written at a time (bounds the memory used)
};

struct ScoreJobSummary
{
    qint64 scored = 0;
    qint64 changed = 0; // results that differed from the stored ones (rewritten, with a history line)
    std::array<qint64, 4> perTier{}; // by RiskTier
    qint64 basisId = 0; // risk_score_basis row of this run (methodology + datasets)
};

// THE scoring job (CLI, GUI, sample workspace): evaluates one supplier or every supplier with the engine and
// stores scores, explanations and history (ScoreWriter) in ONE transaction: cancelled or failed, nothing changes.
// Every supplier: the inputs are streamed in chunks (RiskRepository::forEachInputChunk), each chunk evaluated on
// worker threads while the calling thread stores the chunk before it, so memory does not grow with the number of
// suppliers.
Result<ScoreJobSummary> scoreWorkspace(Database& db, const ScoringContext& context, const QDateTime& now,
                                       const ScoreJobOptions& options = {});

// The error message of a cancelled job.
QString scoreJobCancelledMessage();

// Read-only: evaluates every supplier with each of `methodologies` (the same inputs, streamed in chunks on worker
// threads) and calls `sink` on the calling thread, in supplier-id order, with one result per methodology.
Status evaluateWorkspace(Database& db, const QList<const Methodology*>& methodologies, const ReferenceData& reference,
                         const QDateTime& now, const std::function<void(const QList<RiskResult>& results)>& sink,
                         const ScoreJobOptions& options = {});

} // namespace vigil
