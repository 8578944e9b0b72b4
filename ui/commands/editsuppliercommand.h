#pragma once

#include "commands/storecommand.h"
#include "model/supplier.h"

namespace vigil::ui {

// Replaces a supplier's record (fields, sites, identifiers, recruiter links) by another. Undo saves the record as
// it was before.
class EditSupplierCommand : public StoreCommand
{
public:
    EditSupplierCommand(SupplierStore* store, const SupplierRecord& before, const SupplierRecord& after,
                        const QString& text = {});

protected:
    Status doRedo() override;
    Status doUndo() override;

private:
    SupplierRecord m_before;
    SupplierRecord m_after;
};

} // namespace vigil::ui
