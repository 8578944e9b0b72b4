#pragma once

#include "commands/storecommand.h"
#include "model/supplier.h"

namespace vigil::ui {

// Deletes one or more suppliers, in one transaction. The whole records (sites, identifiers, recruiter links) are
// read first, so that undo restores them with the same ids.
class DeleteSupplierCommand : public StoreCommand
{
public:
    DeleteSupplierCommand(SupplierStore* store, const QList<SupplierRecord>& records);

protected:
    Status doRedo() override;
    Status doUndo() override;

private:
    QList<SupplierRecord> m_records;
};

} // namespace vigil::ui
