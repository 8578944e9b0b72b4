#pragma once

#include "risk/referencedata.h"
#include "risk/riskinput.h"
#include "risk/riskresult.h"
#include "util/result.h"

#include <QJsonObject>

namespace vigil::riskjson {

// JSON forms of the engine's inputs and outputs (golden tests, `vigil-cli score --json`, exports).
// Input: {"supplierId", "country", "sector", "goods": [..], "migrantShare", "workers", "migrantWorkers",
//         "observations": [{"id", "indicator", "status": "present|absent|not_assessed", "source", "date": "YYYY-MM-DD",
//                           "confidence", "site", "note"}],
//         "mitigations": [{"id", "type", "date", "note"}]}
// Errors name the field ("observations[2].date").
Result<SupplierRiskInput> inputFromJson(const QJsonObject& json);
QJsonObject inputToJson(const SupplierRiskInput& input);

// {"score", "tier", "scoreTier", "classification", "zeroTolerance", "zeroToleranceFindings", "escalations",
//  "inherent", "countryAnchor", "sectorAnchor", "goodsAnchor", "coverage", "confidence", "methodology": {id, version},
//  "contributions": [{"factor", "label", "value", "weight", "points", "source", "date"}],
//  "gaps": [{"kind", "subject", "message"}]}
QJsonObject resultToJson(const RiskResult& result);

// Adds small in-memory datasets: {"datasets": [{"id", "name", "edition", "publisher", "licence", "source",
//   "signals": [{"country", "kind", "label" | "value"}], "sectorSignals": [{"sector", "country", "label"}],
//   "goods": [{"good", "sector", "country", "childLabour", "forcedLabour", "forcedChildLabour"}]}],
//  "knownCountries": ["TH", ...] (optional)}. Country fields here are alpha-2 codes.
Status addReferenceFromJson(ReferenceData& ref, const QJsonObject& json);

} // namespace vigil::riskjson
