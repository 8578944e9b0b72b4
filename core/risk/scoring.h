#pragma once

#include "risk/methodology.h"
#include "risk/referencedata.h"
#include "risk/riskresult.h"
#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace vigil {

class Database;

// What scoring a workspace needs: the methodology and all reference data (bundled ILAB + the workspace's
// user-imported datasets). Load it once; it is a value, safe to share read-only between threads.
struct ScoringContext
{
    Methodology methodology;
    ReferenceData reference;
};

// The bundled default methodology, the bundled ILAB data and the workspace's datasets.
Result<ScoringContext> loadScoringContext(Database& db, const QDateTime& now);

} // namespace vigil

// Scoring a workspace (scoreWorkspace) is the job in risk/scorejob.h.
#include "risk/scorejob.h"
