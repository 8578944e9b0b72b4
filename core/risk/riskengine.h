#pragma once

#include "risk/methodology.h"
#include "risk/referencedata.h"
#include "risk/riskinput.h"
#include "risk/riskresult.h"

#include <QDateTime>

namespace vigil {

// The scoring engine: a pure function of its arguments. No I/O, no signals, no clock (time is an argument), no
// state; safe to call from any thread at once. The method is explained in docs/methodology.md.
// How far the result could move if what is missing were known (Forced Labor Structural Risk Index practice:
// sensitivity bands). low: every cautious default at its most favourable value (country and sector at their
// minimum anchors, migrant share 0, indicators not assessed counting nothing). high: every default at its least
// favourable value (country and sector at their maximum, migrant share 1); indicators not assessed keep their
// uncertainty points (reading them all as present would not be a band but an accusation).
struct ScoreBand
{
    double low = 0;
    double high = 0;
    RiskTier lowTier = RiskTier::Low;
    RiskTier highTier = RiskTier::Low;
};

class RiskEngine
{
public:
    static RiskResult evaluate(const SupplierRiskInput& input, const Methodology& methodology,
                               const ReferenceData& reference, const QDateTime& now);

    // The sensitivity band of evaluate()'s score for the same arguments (two more evaluations).
    static ScoreBand sensitivity(const SupplierRiskInput& input, const Methodology& methodology,
                                 const ReferenceData& reference, const QDateTime& now);

    // Weight of evidence dated `date` at `today`: 0.5^(age / half-life); undated evidence gets undatedDecay.
    // Evidence dated in the future counts as today's.
    static double decay(const Methodology& methodology, const QDate& date, const QDate& today);
    // The tier a score falls in by the thresholds alone.
    static RiskTier tierForScore(const Methodology& methodology, double score);
};

} // namespace vigil
