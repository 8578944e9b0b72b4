#include "risk/riskservice.h"

#include "risk/activemethodology.h"
#include "services/supplierstore.h"

namespace vigil::ui {

RiskService::RiskService(SupplierStore* store)
    : QObject(store)
    , m_store(store)
{
    setObjectName(QStringLiteral("riskService"));
}

RiskService* RiskService::forStore(SupplierStore* store)
{
    if (!store)
        return nullptr;
    if (auto* existing = store->findChild<RiskService*>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new RiskService(store);
}

Database& RiskService::database()
{
    return m_store->database();
}

RiskRepository RiskService::repository()
{
    RiskRepository repo(m_store->database());
    repo.setActor(QStringLiteral("gui"));
    return repo;
}

Result<const ScoringContext*> RiskService::context()
{
    if (!m_context) {
        auto loaded = loadScoringContext(m_store->database(), now());
        if (!loaded)
            return loaded.error();
        m_context = std::move(loaded).value();
        // A version made with the methodology editor stays active when the workspace is opened again.
        auto stored = storedActiveMethodology(m_store->database(), m_context->methodology);
        if (!stored) {
            m_context.reset();
            return stored.error();
        }
        if (stored->has_value())
            m_context->methodology = **stored;
    }
    return &*m_context;
}

void RiskService::setMethodology(const Methodology& methodology)
{
    if (!context())
        return;
    m_context->methodology = methodology;
    emit methodologyChanged();
}

Status RiskService::reloadContext()
{
    m_context.reset();
    auto ctx = context();
    if (!ctx)
        return ctx.error();
    emit methodologyChanged();
    return {};
}

Result<RiskResult> RiskService::rescore(const QString& supplierId)
{
    auto ctx = context();
    if (!ctx)
        return ctx.error();
    ScoreJobOptions options;
    options.supplierId = supplierId;
    std::optional<RiskResult> result;
    options.onResult = [&result](const RiskResult& r) { result = r; };
    auto scored = scoreWorkspace(m_store->database(), **ctx, now(), options);
    if (!scored)
        return scored.error();
    if (!result)
        return makeError(tr("The supplier could not be scored."));
    emit scoreChanged(supplierId);
    return *result;
}

} // namespace vigil::ui
