#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QDate>

namespace vigil {

class Database;

// Loads the bundled sample portfolio (resources/sample/sample_portfolio.json, made by
// scripts/make_sample_portfolio.py) into a workspace, in one transaction. Returns the number of suppliers.
Result<int> loadSamplePortfolio(Database& db);
Result<int> loadSamplePortfolio(Database& db, const QByteArray& json);
// The sample's corrective actions, fee ledger and trainings are dated in days from `today` (default: the current UTC
// date), so that a sample loaded any day has actions overdue, due soon and closed.
Result<int> loadSamplePortfolio(Database& db, const QByteArray& json, const QDate& today);

} // namespace vigil
