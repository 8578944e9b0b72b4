#include "actions/cyclecommand.h"

#include "actions/actionservice.h"
#include "services/supplierstore.h"
#include "util/uuid.h"

#include <QUndoStack>

namespace vigil::ui {

namespace {

// Gives a new record its id now, so that undo and redo address the same row.
template <typename T>
std::optional<T> withId(std::optional<T> v)
{
    if (v && v->id.isEmpty())
        v->id = newUuid();
    return v;
}

// Writes `target` (or removes `other` when there is no target) through save/remove.
template <typename T, typename Save, typename Remove>
Status put(const std::optional<T>& target, const std::optional<T>& other, Save save, Remove remove)
{
    if (target) {
        auto id = save(*target);
        return id ? Status() : Status(id.error());
    }
    if (other)
        return remove(other->id);
    return {};
}

} // namespace

CycleCommand::CycleCommand(ActionService* service, const QString& text)
    : QUndoCommand(text)
    , m_service(service)
{
}

std::unique_ptr<CycleCommand> CycleCommand::action(ActionService* service,
                                                   const std::optional<CorrectiveAction>& before,
                                                   const std::optional<CorrectiveAction>& after, const QString& text)
{
    std::unique_ptr<CycleCommand> c(new CycleCommand(service, text));
    c->m_actionBefore = before;
    c->m_actionAfter = withId(after);
    return c;
}

std::unique_ptr<CycleCommand> CycleCommand::fee(ActionService* service, const std::optional<FeeEntry>& before,
                                                const std::optional<FeeEntry>& after, const QString& text)
{
    std::unique_ptr<CycleCommand> c(new CycleCommand(service, text));
    c->m_feeBefore = before;
    c->m_feeAfter = withId(after);
    return c;
}

std::unique_ptr<CycleCommand> CycleCommand::training(ActionService* service, const std::optional<Training>& before,
                                                     const std::optional<Training>& after, const QString& text)
{
    std::unique_ptr<CycleCommand> c(new CycleCommand(service, text));
    c->m_trainingBefore = before;
    c->m_trainingAfter = withId(after);
    return c;
}

Status CycleCommand::push(QUndoStack* stack, std::unique_ptr<CycleCommand> command)
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

Status CycleCommand::apply(bool forward)
{
    if (!m_service)
        return makeError(QObject::tr("No workspace is open."));
    ActionRepository repo = m_service->repository();
    if (m_actionBefore || m_actionAfter) {
        return applyAction(repo, forward);
    } else if (m_feeBefore || m_feeAfter) {
        const auto& target = forward ? m_feeAfter : m_feeBefore;
        const auto& other = forward ? m_feeBefore : m_feeAfter;
        Status st = put(
            target, other, [&](const FeeEntry& f) { return repo.saveFee(f); },
            [&](const QString& id) { return repo.removeFee(id); });
        if (!st)
            return st;
        emit m_service->feesChanged((target ? target : other)->supplierId);
    } else {
        const auto& target = forward ? m_trainingAfter : m_trainingBefore;
        const auto& other = forward ? m_trainingBefore : m_trainingAfter;
        Status st = put(
            target, other, [&](const Training& t) { return repo.saveTraining(t); },
            [&](const QString& id) { return repo.removeTraining(id); });
        if (!st)
            return st;
        emit m_service->trainingsChanged();
    }
    return {};
}

Status CycleCommand::applyAction(ActionRepository& repo, bool forward)
{
    const auto& target = forward ? m_actionAfter : m_actionBefore;
    const auto& other = forward ? m_actionBefore : m_actionAfter;
    // The change itself is checked as any edit (saveAction); undo and redo then put back the records as they were,
    // which may name a site or an observation removed from the supplier in between.
    Status st = put(
        target, other, [&](const CorrectiveAction& a) { return m_pushed ? repo.restoreAction(a) : repo.saveAction(a); },
        [&](const QString& id) { return repo.removeAction(id); });
    if (!st)
        return st;
    if (!m_pushed && target) {
        // Keep what was stored (saveAction fills in the indicator of the observation answered), so that a redo puts
        // back this very record.
        auto stored = repo.action(target->id);
        if (!stored)
            return stored.error();
        m_actionAfter = stored.value();
    }
    emit m_service->actionsChanged((target ? target : other)->supplierId);
    return {};
}

void CycleCommand::redo()
{
    if (std::exchange(m_skipNextRedo, false))
        return;
    if (Status st = apply(true); !st && m_service)
        m_service->store()->reportError(st.error());
}

void CycleCommand::undo()
{
    if (Status st = apply(false); !st && m_service)
        m_service->store()->reportError(st.error());
}

} // namespace vigil::ui
