#include "commands/deletesuppliercommand.h"

#include "services/supplierstore.h"

#include <QObject>

namespace vigil::ui {

DeleteSupplierCommand::DeleteSupplierCommand(SupplierStore* store, const SupplierRecord& record)
    : StoreCommand(store, QObject::tr("Delete supplier “%1”").arg(record.supplier.name))
    , m_record(record)
{
}

Status DeleteSupplierCommand::doRedo()
{
    return store()->remove(m_record.supplier.id);
}

Status DeleteSupplierCommand::doUndo()
{
    return store()->restore(m_record);
}

} // namespace vigil::ui
