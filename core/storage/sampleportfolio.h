#pragma once

#include "util/result.h"

#include <QByteArray>

namespace vigil {

class Database;

// Loads the bundled sample portfolio (resources/sample/sample_portfolio.json, made by
// scripts/make_sample_portfolio.py) into a workspace, in one transaction. Returns the number of suppliers.
Result<int> loadSamplePortfolio(Database& db);
Result<int> loadSamplePortfolio(Database& db, const QByteArray& json);

} // namespace vigil
