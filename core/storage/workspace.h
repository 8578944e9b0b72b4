#pragma once

#include "storage/database.h"
#include "util/result.h"

#include <QString>

#include <memory>

namespace vigil {

// Workspace-level operations shared by the GUI and the CLI.
namespace workspace {

inline const QString Suffix = QStringLiteral("vigil");

// Creates a new, empty workspace at path; refuses to overwrite an existing file.
Result<std::unique_ptr<Database>> create(const QString& path);
// Fills a workspace with the bundled sample portfolio and scores it, so that a first look shows risk tiers.
// Returns the number of suppliers.
Result<int> addSample(Database& db);
// Creates a workspace at path filled with the bundled sample portfolio (if the file does not exist yet),
// or opens it if it does.
Result<std::unique_ptr<Database>> openOrCreateSample(const QString& path);

struct CheckReport
{
    int schemaVersion = 0;
    int latestVersion = 0;
    qint64 suppliers = 0;
    qint64 changeLogEntries = 0;
    QStringList problems; // empty when everything is consistent
};
// Integrity check, schema version, and change-log consistency (every supplier has a "create" entry,
// every deleted supplier's entry is followed by no further changes, no entries from the future).
Result<CheckReport> check(Database& db);

} // namespace workspace
} // namespace vigil
