#pragma once

#include "commands/storecommand.h"
#include "model/supplier.h"
#include "storage/supplierdeletion.h"

namespace vigil::ui {

// Adds a supplier (with its sites, identifiers and recruiter links). Undo deletes it with everything that came with
// it since (a score, evidence recorded outside the undo stack ...: SupplierStore::removeWithChildren); redo puts all of
// it back with the same ids (restoreWithChildren), never the record alone.
class AddSupplierCommand : public StoreCommand
{
public:
    AddSupplierCommand(SupplierStore* store, const SupplierRecord& record);
    QString supplierId() const { return m_record.supplier.id; }

protected:
    Status doRedo() override;
    Status doUndo() override;

private:
    SupplierRecord m_record;
    DeletedSuppliers m_removed; // what the last undo deleted, for redo (empty before the first undo)
};

} // namespace vigil::ui
