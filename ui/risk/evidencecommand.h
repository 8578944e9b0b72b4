#pragma once

#include "risk/riskinput.h"
#include "util/result.h"

#include <QPointer>
#include <QUndoCommand>

#include <memory>

class QUndoStack;

namespace vigil::ui {

class RiskService;

// Adds or removes one observation or mitigation of a supplier, and rescores the supplier. Undo does the opposite
// with the same id. Like StoreCommand, it runs once before it is pushed so a refused edit never lands on the stack.
// After that, undo and redo put an observation back exactly as it was (RiskRepository::restoreObservation): at its
// site even if the site was removed from the supplier in between.
class EvidenceCommand : public QUndoCommand
{
public:
    static std::unique_ptr<EvidenceCommand> addObservation(RiskService* service, const QString& supplierId,
                                                           const RiskObservation& observation);
    static std::unique_ptr<EvidenceCommand> removeObservation(RiskService* service, const QString& supplierId,
                                                              const RiskObservation& observation);
    static std::unique_ptr<EvidenceCommand> addMitigation(RiskService* service, const QString& supplierId,
                                                          const RiskMitigation& mitigation);
    static std::unique_ptr<EvidenceCommand> removeMitigation(RiskService* service, const QString& supplierId,
                                                             const RiskMitigation& mitigation);

    static Status push(QUndoStack* stack, std::unique_ptr<EvidenceCommand> command);

    void redo() override;
    void undo() override;

private:
    EvidenceCommand(RiskService* service, const QString& supplierId, bool add, const QString& text);
    Status put();
    Status take();
    Status apply(bool forward);

    QPointer<RiskService> m_service;
    QString m_supplierId;
    bool m_add;
    std::optional<RiskObservation> m_observation;
    std::optional<RiskMitigation> m_mitigation;
    bool m_skipNextRedo = false;
    bool m_pushed = false; // applied once: undo and redo put the observation back as it was
};

} // namespace vigil::ui
