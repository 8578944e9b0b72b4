#pragma once

#include "commands/storecommand.h"
#include "model/supplier.h"
#include "risk/riskinput.h"

#include <QHash>

namespace vigil::ui {

// Deletes one or more suppliers, in one transaction. The whole records (sites, identifiers, recruiter links) and
// their evidence (observations, mitigations) are read first, so that undo restores them with the same ids.
class DeleteSupplierCommand : public StoreCommand
{
public:
    DeleteSupplierCommand(SupplierStore* store, const QList<SupplierRecord>& records);

protected:
    Status doRedo() override;
    Status doUndo() override;

private:
    struct Evidence
    {
        QList<RiskObservation> observations;
        QList<RiskMitigation> mitigations;
    };
    QList<SupplierRecord> m_records;
    QHash<QString, Evidence> m_evidence; // supplier id -> evidence deleted with it
};

} // namespace vigil::ui
