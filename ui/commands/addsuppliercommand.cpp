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
    return store()->add(m_record);
}

Status AddSupplierCommand::doUndo()
{
    return store()->remove(m_record.supplier.id);
}

} // namespace vigil::ui
