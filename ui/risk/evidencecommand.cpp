#include "risk/evidencecommand.h"

#include "risk/riskservice.h"
#include "services/supplierstore.h"
#include "util/uuid.h"

#include <QUndoStack>

namespace vigil::ui {

EvidenceCommand::EvidenceCommand(RiskService* service, const QString& supplierId, bool add, const QString& text)
    : QUndoCommand(text)
    , m_service(service)
    , m_supplierId(supplierId)
    , m_add(add)
{
}

std::unique_ptr<EvidenceCommand> EvidenceCommand::addObservation(RiskService* service, const QString& supplierId,
                                                                 const RiskObservation& observation)
{
    std::unique_ptr<EvidenceCommand> c(
        new EvidenceCommand(service, supplierId, true, QObject::tr("Record observation")));
    c->m_observation = observation;
    if (c->m_observation->id.isEmpty())
        c->m_observation->id = newUuid(); // fixed now so that undo and redo address the same row
    return c;
}

std::unique_ptr<EvidenceCommand> EvidenceCommand::removeObservation(RiskService* service, const QString& supplierId,
                                                                    const RiskObservation& observation)
{
    std::unique_ptr<EvidenceCommand> c(
        new EvidenceCommand(service, supplierId, false, QObject::tr("Remove observation")));
    c->m_observation = observation;
    return c;
}

std::unique_ptr<EvidenceCommand> EvidenceCommand::addMitigation(RiskService* service, const QString& supplierId,
                                                                const RiskMitigation& mitigation)
{
    std::unique_ptr<EvidenceCommand> c(
        new EvidenceCommand(service, supplierId, true, QObject::tr("Record mitigation")));
    c->m_mitigation = mitigation;
    if (c->m_mitigation->id.isEmpty())
        c->m_mitigation->id = newUuid();
    return c;
}

std::unique_ptr<EvidenceCommand> EvidenceCommand::removeMitigation(RiskService* service, const QString& supplierId,
                                                                   const RiskMitigation& mitigation)
{
    std::unique_ptr<EvidenceCommand> c(
        new EvidenceCommand(service, supplierId, false, QObject::tr("Remove mitigation")));
    c->m_mitigation = mitigation;
    return c;
}

Status EvidenceCommand::push(QUndoStack* stack, std::unique_ptr<EvidenceCommand> command)
{
    if (!command->m_service)
        return makeError(QObject::tr("No workspace is open."));
    if (Status st = command->apply(true); !st)
        return st;
    command->m_pushed = true;
    command->m_skipNextRedo = true;
    stack->push(command.release()); // push() calls redo(), which skips this once
    return {};
}

Status EvidenceCommand::put()
{
    RiskRepository repo = m_service->repository();
    if (m_observation) {
        // New evidence is checked as such once (addObservation: its site must be one of the supplier's). Undoing a
        // removal and redoing an addition put the observation back as it was, at its site even if that site was
        // removed from the supplier since (risk_observations.site_id keeps the id, schema 10).
        auto id = m_add && !m_pushed ? repo.addObservation(m_supplierId, *m_observation)
                                     : repo.restoreObservation(m_supplierId, *m_observation);
        return id ? Status() : Status(id.error());
    }
    auto id = repo.addMitigation(m_supplierId, *m_mitigation);
    return id ? Status() : Status(id.error());
}

Status EvidenceCommand::take()
{
    RiskRepository repo = m_service->repository();
    return m_observation ? repo.removeObservation(m_observation->id) : repo.removeMitigation(m_mitigation->id);
}

Status EvidenceCommand::apply(bool forward)
{
    if (!m_service)
        return makeError(QObject::tr("No workspace is open."));
    if (Status st = (forward == m_add) ? put() : take(); !st)
        return st;
    emit m_service->evidenceChanged(m_supplierId);
    auto scored = m_service->rescore(m_supplierId);
    return scored ? Status() : Status(scored.error());
}

void EvidenceCommand::redo()
{
    if (std::exchange(m_skipNextRedo, false))
        return;
    if (Status st = apply(true); !st && m_service)
        m_service->store()->reportError(st.error());
}

void EvidenceCommand::undo()
{
    if (Status st = apply(false); !st && m_service)
        m_service->store()->reportError(st.error());
}

} // namespace vigil::ui
