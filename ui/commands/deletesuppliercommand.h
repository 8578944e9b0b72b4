#pragma once

#include "commands/storecommand.h"
#include "model/supplier.h"
#include "storage/supplierdeletion.h"

namespace vigil::ui {

// Deletes one or more suppliers with everything that goes with them (SupplierStore::removeWithChildren), in one
// transaction that also reads all of it, so that undo (SupplierStore::restoreWithChildren, one transaction, all or
// nothing) puts back the records, evidence, actions, fees, trainings and scores with the same ids.
class DeleteSupplierCommand : public StoreCommand
{
public:
    DeleteSupplierCommand(SupplierStore* store, const QList<SupplierRecord>& records);

protected:
    Status doRedo() override;
    Status doUndo() override;

private:
    QStringList m_ids;
    DeletedSuppliers m_deleted; // what the last redo deleted, for undo
};

} // namespace vigil::ui
