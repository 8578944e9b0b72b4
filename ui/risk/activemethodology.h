#pragma once

#include "risk/methodology.h"
#include "util/result.h"

#include <optional>

namespace vigil {
class Database;
}

namespace vigil::ui {

// The workspace's active methodology (core's MethodologyStore::active()) when it is another version than `loaded`;
// nothing when `loaded` is the active one. loadScoringContext already loads the active methodology, so for a context
// it loaded this is nothing; kept for callers holding a methodology from elsewhere.
Result<std::optional<Methodology>> storedActiveMethodology(Database& db, const Methodology& loaded);

} // namespace vigil::ui
