#pragma once

#include "risk/datasetcatalog.h"
#include "risk/methodology.h"
#include "risk/referencedata.h"
#include "risk/riskresult.h"
#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace vigil {

class Database;

// What scoring a workspace needs: the workspace's active methodology and the reference data of the active dataset
// editions (bundled ILAB + the workspace's user-imported datasets, one edition per family). Load it once; it is a
// value, safe to share read-only between threads.
struct ScoringContext
{
    Methodology methodology;
    ReferenceData reference;
};

// The workspace's active methodology (MethodologyStore::active(): the bundled default unless another version was
// made active), and the bundled ILAB data and imported datasets restricted to the active edition of each family
// (DatasetCatalog), so that reference.datasets() lists exactly the editions used. `editionOverrides` (family ->
// dataset id, empty: the latest) apply on top of the stored choices, to evaluate a choice before storing it.
Result<ScoringContext> loadScoringContext(Database& db, const QDateTime& now);
Result<ScoringContext> loadScoringContext(Database& db, const QDateTime& now, const EditionChoices& editionOverrides);

} // namespace vigil

// Scoring a workspace (scoreWorkspace) is the job in risk/scorejob.h.
#include "risk/scorejob.h"
