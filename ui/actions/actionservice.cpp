#include "actions/actionservice.h"

#include "services/supplierstore.h"

namespace vigil::ui {

ActionService::ActionService(SupplierStore* store)
    : QObject(store)
    , m_store(store)
{
}

ActionService* ActionService::forStore(SupplierStore* store)
{
    if (!store)
        return nullptr;
    if (auto* existing = store->findChild<ActionService*>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new ActionService(store);
}

ActionRepository ActionService::repository() const
{
    return ActionRepository(m_store->database());
}

} // namespace vigil::ui
