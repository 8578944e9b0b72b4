#include "commands/deletesuppliercommand.h"

#include "services/supplierstore.h"

#include <QObject>

namespace vigil::ui {

namespace {

QString describe(const QList<SupplierRecord>& records)
{
    if (records.size() == 1)
        return QObject::tr("Delete supplier “%1”").arg(records.first().supplier.name);
    return QObject::tr("Delete %1 suppliers").arg(records.size());
}

} // namespace

DeleteSupplierCommand::DeleteSupplierCommand(SupplierStore* store, const QList<SupplierRecord>& records)
    : StoreCommand(store, describe(records))
{
    for (const SupplierRecord& r : records)
        m_ids << r.supplier.id;
}

Status DeleteSupplierCommand::doRedo()
{
    auto deleted = store()->removeWithChildren(m_ids);
    if (!deleted)
        return deleted.error();
    m_deleted = std::move(deleted.value());
    return {};
}

Status DeleteSupplierCommand::doUndo()
{
    return store()->restoreWithChildren(m_deleted);
}

} // namespace vigil::ui
