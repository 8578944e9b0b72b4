#include "commands/storecommand.h"

#include "services/supplierstore.h"

#include <QUndoStack>

namespace vigil::ui {

StoreCommand::StoreCommand(SupplierStore* store, const QString& text)
    : QUndoCommand(text)
    , m_store(store)
{
}

Status StoreCommand::push(QUndoStack* stack, std::unique_ptr<StoreCommand> command)
{
    if (!command->m_store)
        return makeError(QObject::tr("No workspace is open."));
    if (Status st = command->doRedo(); !st)
        return st;
    command->m_skipNextRedo = true;
    stack->push(command.release()); // QUndoStack::push calls redo(), which skips this once
    return {};
}

void StoreCommand::redo()
{
    if (std::exchange(m_skipNextRedo, false))
        return;
    if (!m_store)
        return;
    if (Status st = doRedo(); !st)
        m_store->reportError(st.error());
}

void StoreCommand::undo()
{
    if (!m_store)
        return;
    if (Status st = doUndo(); !st)
        m_store->reportError(st.error());
}

} // namespace vigil::ui
