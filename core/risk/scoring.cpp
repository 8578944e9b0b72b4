#include "risk/scoring.h"

#include "risk/methodologystore.h"
#include "risk/riskengine.h"
#include "risk/riskrepository.h"

namespace vigil {

Result<ScoringContext> loadScoringContext(Database& db, const QDateTime& now)
{
    return loadScoringContext(db, now, {});
}

Result<ScoringContext> loadScoringContext(Database& db, const QDateTime& now, const EditionChoices& editionOverrides)
{
    auto methodology = MethodologyStore(db).active();
    if (!methodology)
        return methodology.error();
    auto reference = loadActiveReferenceData(db, now, editionOverrides);
    if (!reference)
        return reference.error();
    return ScoringContext{std::move(methodology).value(), std::move(reference).value()};
}

} // namespace vigil
