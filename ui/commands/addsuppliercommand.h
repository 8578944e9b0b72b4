#pragma once

#include "commands/storecommand.h"
#include "model/supplier.h"

namespace vigil::ui {

// Adds a supplier (with its sites, identifiers and recruiter links). Undo deletes it; redo puts it back with the
// same id.
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
};

} // namespace vigil::ui
