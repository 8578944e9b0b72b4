#pragma once

#include "risk/methodology.h"
#include "util/result.h"

#include <optional>

namespace vigil {
class Database;
}

namespace vigil::ui {

// The methodology a workspace's latest score was computed with, read back from risk_methodologies (where
// RiskRepository::saveScores records every document used), when it is another version of `bundled` (one made
// with the methodology editor). Nothing when the workspace has no score or uses `bundled` itself.
// A read that belongs in core's RiskRepository (reported); kept here until core has "active methodology".
Result<std::optional<Methodology>> storedActiveMethodology(Database& db, const Methodology& bundled);

} // namespace vigil::ui
