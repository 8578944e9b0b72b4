#include "risk/scoring.h"

#include "risk/ilabdata.h"
#include "risk/riskengine.h"
#include "risk/riskrepository.h"

namespace vigil {

Result<ScoringContext> loadScoringContext(Database& db, const QDateTime& now)
{
    auto methodology = Methodology::loadDefault();
    if (!methodology)
        return methodology.error();
    auto reference = loadBundledReferenceData(now);
    if (!reference)
        return reference.error();
    ScoringContext context{std::move(methodology).value(), std::move(reference).value()};
    if (Status st = RiskRepository(db).loadInto(context.reference); !st)
        return st.error();
    return context;
}

} // namespace vigil
