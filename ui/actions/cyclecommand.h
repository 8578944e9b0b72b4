#pragma once

#include "actions/actionrepository.h"
#include "actions/actiontypes.h"
#include "util/result.h"

#include <QPointer>
#include <QUndoCommand>

#include <memory>
#include <optional>

class QUndoStack;

namespace vigil::ui {

class ActionService;

// One undoable change of a corrective action, fee-ledger entry or training: from `before` (none: it is added) to
// `after` (none: it is removed). Undo writes `before` back with the same id. Like StoreCommand, it runs once before
// it is pushed, so a refused change returns its reason (with the field) and never lands on the stack. A corrective
// action is then put back exactly as it was on undo and redo (ActionRepository::restoreAction): at its site or with
// its observation even if either was removed from the supplier since.
class CycleCommand : public QUndoCommand
{
public:
    static std::unique_ptr<CycleCommand> action(ActionService* service, const std::optional<CorrectiveAction>& before,
                                                const std::optional<CorrectiveAction>& after, const QString& text);
    static std::unique_ptr<CycleCommand> fee(ActionService* service, const std::optional<FeeEntry>& before,
                                             const std::optional<FeeEntry>& after, const QString& text);
    static std::unique_ptr<CycleCommand> training(ActionService* service, const std::optional<Training>& before,
                                                  const std::optional<Training>& after, const QString& text);

    static Status push(QUndoStack* stack, std::unique_ptr<CycleCommand> command);

    void redo() override;
    void undo() override;

private:
    CycleCommand(ActionService* service, const QString& text);
    Status apply(bool forward);
    Status applyAction(ActionRepository& repo, bool forward);

    QPointer<ActionService> m_service;
    std::optional<CorrectiveAction> m_actionBefore, m_actionAfter;
    std::optional<FeeEntry> m_feeBefore, m_feeAfter;
    std::optional<Training> m_trainingBefore, m_trainingAfter;
    bool m_skipNextRedo = false;
    bool m_pushed = false; // applied once: undo and redo put records back as they were
};

} // namespace vigil::ui
