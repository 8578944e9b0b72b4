#include "commands/deletesuppliercommand.h"

#include "risk/riskrepository.h"
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
    // The evidence goes with the supplier (ON DELETE CASCADE): keep a copy for undo.
    RiskRepository risk(store()->database());
    m_evidence.clear();
    QStringList ids;
    for (const SupplierRecord& r : m_records) {
        ids << r.supplier.id;
        auto observations = risk.observations(r.supplier.id);
        auto mitigations = risk.mitigations(r.supplier.id);
        if (!observations)
            return observations.error();
        if (!mitigations)
            return mitigations.error();
        if (!observations->isEmpty() || !mitigations->isEmpty())
            m_evidence.insert(r.supplier.id, {observations.value(), mitigations.value()});
    }
    return ids.size() == 1 ? store()->remove(ids.first()) : store()->removeMany(ids);
}

Status DeleteSupplierCommand::doUndo()
{
    Status st = m_records.size() == 1 ? store()->restore(m_records.first()) : store()->restoreMany(m_records);
    if (!st)
        return st;
    RiskRepository risk(store()->database());
    for (auto it = m_evidence.cbegin(); it != m_evidence.cend(); ++it) {
        for (const RiskObservation& o : it->observations)
            if (auto added = risk.restoreObservation(it.key(), o); !added) // its site may be a removed one
                return added.error();
        for (const RiskMitigation& m : it->mitigations)
            if (auto added = risk.addMitigation(it.key(), m); !added)
                return added.error();
    }
    return {};
}

} // namespace vigil::ui
