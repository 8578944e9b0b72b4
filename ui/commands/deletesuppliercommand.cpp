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
    , m_records(records)
{
}

Status DeleteSupplierCommand::doRedo()
{
    QStringList ids;
    for (const SupplierRecord& r : m_records)
        ids << r.supplier.id;
    return ids.size() == 1 ? store()->remove(ids.first()) : store()->removeMany(ids);
}

Status DeleteSupplierCommand::doUndo()
{
    return m_records.size() == 1 ? store()->restore(m_records.first()) : store()->restoreMany(m_records);
}

} // namespace vigil::ui
