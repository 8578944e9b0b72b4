#pragma once

#include "commands/storecommand.h"
#include "model/supplier.h"

namespace vigil::ui {

// Deletes a supplier. The whole record (sites, identifiers, recruiter links) is read first, so that undo restores
// it with the same ids.
class DeleteSupplierCommand : public StoreCommand
{
public:
    DeleteSupplierCommand(SupplierStore* store, const SupplierRecord& record);

protected:
    Status doRedo() override;
    Status doUndo() override;

private:
    SupplierRecord m_record;
};

} // namespace vigil::ui
