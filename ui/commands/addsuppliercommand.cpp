#include "commands/addsuppliercommand.h"

#include "services/supplierstore.h"
#include "util/uuid.h"

#include <QObject>

namespace vigil::ui {

AddSupplierCommand::AddSupplierCommand(SupplierStore* store, const SupplierRecord& record)
    : StoreCommand(store, QObject::tr("Add supplier “%1”").arg(record.supplier.name.trimmed()))
    , m_record(record)
{
    // The id is fixed now, so that undo and redo address the same supplier.
    if (m_record.supplier.id.isEmpty())
        m_record.supplier.id = newUuid();
}

Status AddSupplierCommand::doRedo()
{
    if (m_removed.isEmpty())
        return store()->add(m_record);
    return store()->restoreWithChildren(m_removed);
}

Status AddSupplierCommand::doUndo()
{
    auto removed = store()->removeWithChildren({m_record.supplier.id});
    if (!removed)
        return removed.error();
    m_removed = std::move(removed.value());
    return {};
}

} // namespace vigil::ui
