#pragma once

#include "risk/methodology.h"
#include "risk/referencedata.h"
#include "risk/riskinput.h"
#include "risk/riskresult.h"

#include <QDateTime>

namespace vigil {

// The scoring engine: a pure function of its arguments. No I/O, no signals, no clock (time is an argument), no
// state; safe to call from any thread at once. The method is explained in docs/methodology.md.
class RiskEngine
{
public:
    static RiskResult evaluate(const SupplierRiskInput& input, const Methodology& methodology,
                               const ReferenceData& reference, const QDateTime& now);

    // Weight of evidence dated `date` at `today`: 0.5^(age / half-life); undated evidence gets undatedDecay.
    // Evidence dated in the future counts as today's.
    static double decay(const Methodology& methodology, const QDate& date, const QDate& today);
    // The tier a score falls in by the thresholds alone.
    static RiskTier tierForScore(const Methodology& methodology, double score);
};

} // namespace vigil
