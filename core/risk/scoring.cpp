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

Result<QList<RiskResult>> scoreWorkspace(Database& db, const ScoringContext& context, const QDateTime& now,
                                         const QString& supplierId)
{
    RiskRepository repo(db);
    QList<SupplierRiskInput> inputs;
    if (supplierId.isEmpty()) {
        auto all = repo.allInputs();
        if (!all)
            return all.error();
        inputs = std::move(all).value();
    } else {
        auto one = repo.input(supplierId);
        if (!one)
            return one.error();
        inputs.append(std::move(one).value());
    }
    QList<RiskResult> results;
    results.reserve(inputs.size());
    for (const SupplierRiskInput& in : std::as_const(inputs))
        results.append(RiskEngine::evaluate(in, context.methodology, context.reference, now));
    if (Status st = repo.saveScores(results, context.methodology, now); !st)
        return st.error();
    return results;
}

} // namespace vigil
