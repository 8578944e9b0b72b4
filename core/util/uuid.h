#pragma once

#include <QString>

namespace vigil {

// Ids that must survive offline merges are UUIDs (lowercase, no braces).
QString newUuid();
bool isUuid(const QString& s);

} // namespace vigil
