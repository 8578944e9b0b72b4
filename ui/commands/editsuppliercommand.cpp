#include "commands/editsuppliercommand.h"

#include "services/supplierstore.h"

#include <QObject>

namespace vigil::ui {

EditSupplierCommand::EditSupplierCommand(SupplierStore* store, const SupplierRecord& before,
                                         const SupplierRecord& after, const QString& text)
    : StoreCommand(store, text.isEmpty() ? QObject::tr("Edit supplier “%1”").arg(after.supplier.name.trimmed()) : text)
    , m_before(before)
    , m_after(after)
{
}

Status EditSupplierCommand::doRedo()
{
    if (m_after.supplier.id != m_before.supplier.id)
        return makeError(QObject::tr("An edit cannot change which supplier it applies to."));
    return store()->save(m_after);
}

Status EditSupplierCommand::doUndo()
{
    return store()->save(m_before);
}

} // namespace vigil::ui
