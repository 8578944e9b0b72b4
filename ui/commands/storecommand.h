#pragma once

#include "util/result.h"

#include <QPointer>
#include <QUndoCommand>

#include <memory>

class QUndoStack;

namespace vigil {
class SupplierStore;
}

namespace vigil::ui {

// Base of the undoable edits of a workspace (Subsurface's Command:: pattern): widgets never write to the store,
// they push commands. A command runs once before it is pushed (execute()), so that a refused edit returns its
// reason to the caller and never lands on the stack; later undo/redo failures go to SupplierStore::reportError.
class StoreCommand : public QUndoCommand
{
public:
    explicit StoreCommand(SupplierStore* store, const QString& text);

    void redo() final;
    void undo() final;

    // Runs the command and, if it succeeded, pushes it (without running it again).
    static Status push(QUndoStack* stack, std::unique_ptr<StoreCommand> command);

protected:
    virtual Status doRedo() = 0;
    virtual Status doUndo() = 0;
    SupplierStore* store() const { return m_store; }

private:
    QPointer<SupplierStore> m_store;
    bool m_skipNextRedo = false;
};

} // namespace vigil::ui
