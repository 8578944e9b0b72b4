#include "actions/actionspanel.h"

#include "actions/actiondialog.h"
#include "actions/actionservice.h"
#include "actions/cyclecommand.h"
#include "risk/methodology.h"
#include "risk/methodologystore.h"
#include "risk/riskrepository.h"
#include "services/supplierstore.h"
#include "widgets/flowlayout.h"
#include "widgets/icons.h"
#include "widgets/messagebox.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {

const QColor kOverdue(0xb3, 0x26, 0x1e);
const QColor kClosed(0x3a, 0x8d, 0x5c);

} // namespace

ActionsPanel::ActionsPanel(SupplierStore* store, QUndoStack* undoStack, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_service(ActionService::forStore(store))
    , m_undoStack(undoStack)
{
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("actionsSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_list = new QTreeWidget;
    m_list->setObjectName(QStringLiteral("actions"));
    m_list->setHeaderLabels({tr("Action"), tr("Answers"), tr("Due"), tr("Status"), tr("Owner")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->setColumnWidth(1, 190);
    m_list->setColumnWidth(2, 86);
    m_list->setColumnWidth(3, 150);
    m_list->setColumnWidth(4, 150);
    m_list->setToolTip(tr("Enter or double-click: edit · Delete: remove · Insert: add"));
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this] { editAction(selectedRow()); });
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &ActionsPanel::updateButtons);
    for (auto [key, fn] : std::initializer_list<std::pair<int, std::function<void()>>>{
             {Qt::Key_Return, [this] { editAction(selectedRow()); }},
             {Qt::Key_Enter, [this] { editAction(selectedRow()); }},
             {Qt::Key_Delete, [this] { removeAction(selectedRow()); }},
             {Qt::Key_Insert, [this] { addAction(); }}}) {
        auto* shortcut = new QShortcut(QKeySequence(key), m_list, nullptr, nullptr, Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, fn);
    }

    m_add = new QPushButton(themeIcon({"list-add"}, QStyle::SP_FileDialogNewFolder), tr("&Add action…"));
    m_add->setObjectName(QStringLiteral("actionsAdd"));
    m_edit = new QPushButton(themeIcon({"document-edit"}, QStyle::SP_FileDialogDetailedView), tr("Ed&it…"));
    m_edit->setObjectName(QStringLiteral("actionsEdit"));
    m_close = new QPushButton(themeIcon({"dialog-ok-apply", "task-complete"}, QStyle::SP_DialogApplyButton),
                              tr("&Close action…"));
    m_close->setObjectName(QStringLiteral("actionsClose"));
    m_remove = new QPushButton(themeIcon({"list-remove"}, QStyle::SP_TrashIcon), tr("Remove"));
    m_remove->setObjectName(QStringLiteral("actionsRemove"));
    connect(m_add, &QPushButton::clicked, this, [this] { addAction(); });
    connect(m_edit, &QPushButton::clicked, this, [this] { editAction(selectedRow()); });
    connect(m_close, &QPushButton::clicked, this, [this] { closeAction(selectedRow()); });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeAction(selectedRow()); });
    // Right-aligned, wrapping onto a second row when the supplier pane is narrow.
    auto* buttons = new FlowLayout;
    buttons->setAlignment(Qt::AlignRight);
    for (QPushButton* b : {m_add, m_edit, m_close, m_remove})
        buttons->addWidget(b);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    if (m_service) {
        connect(m_service, &ActionService::actionsChanged, this, [this](const QString& id) {
            if (id == m_id)
                reload();
        });
    }
    if (m_store)
        connect(m_store, &SupplierStore::reset, this, &ActionsPanel::reload);
    updateButtons();
}

void ActionsPanel::showSupplier(const QString& id)
{
    m_id = id;
    reload();
}

void ActionsPanel::reload()
{
    m_list->clear();
    m_actions.clear();
    if (!m_service || m_id.isEmpty())
        return;
    ActionQuery q;
    q.supplierId = m_id;
    auto actions = m_service->repository().actions(q);
    if (!actions) {
        m_summary->setText(actions.error().message);
        return;
    }
    m_actions = actions.value();
    // The labels of the workspace's active methodology, read again at each reload: another version may have been
    // made active since.
    m_indicatorLabels.clear();
    if (m_store)
        if (auto m = MethodologyStore(m_store->database()).active())
            for (const IndicatorDef& d : m->indicators)
                m_indicatorLabels.insert(d.id, d.label);
    const QDate today = m_service->today();
    int open = 0;
    int overdue = 0;
    int closed = 0;
    for (int i = 0; i < m_actions.size(); ++i) {
        const CorrectiveAction& a = m_actions[i];
        const bool late = a.isOverdue(today);
        open += isClosed(a.status) ? 0 : 1;
        overdue += late ? 1 : 0;
        closed += (a.status == ActionStatus::ClosedVerified || a.status == ActionStatus::ClosedNotVerified) ? 1 : 0;
        QString status = actionStatusLabel(a.status);
        if (late)
            status = tr("%1 · overdue %2 d").arg(status).arg(a.dueOn.daysTo(today));
        else if (isClosed(a.status) && a.closedOn.isValid())
            status += QStringLiteral(" · ") + a.closedOn.toString(Qt::ISODate);
        const QString finding
            = a.indicatorId.isEmpty() ? QStringLiteral("–") : m_indicatorLabels.value(a.indicatorId, a.indicatorId);
        auto* item = new QTreeWidgetItem(
            m_list,
            {a.description, finding, a.dueOn.isValid() ? a.dueOn.toString(Qt::ISODate) : tr("none"), status, a.owner});
        item->setData(0, Qt::UserRole, i);
        item->setToolTip(0, a.description + (a.siteName.isEmpty() ? QString() : QStringLiteral("\n") + a.siteName));
        item->setToolTip(1, finding);
        if (late) {
            QFont bold = item->font(3);
            bold.setBold(true);
            item->setFont(3, bold);
            item->setForeground(3, kOverdue);
            item->setForeground(2, kOverdue);
        } else if (a.status == ActionStatus::ClosedVerified) {
            item->setForeground(3, kClosed);
        } else if (isClosed(a.status)) {
            for (int c = 0; c < 5; ++c)
                item->setForeground(c, m_list->palette().color(QPalette::Disabled, QPalette::Text));
        }
    }
    if (m_actions.isEmpty())
        m_summary->setText(tr("No corrective action is recorded for this supplier. Add the actions agreed after an "
                              "audit or a finding."));
    else
        m_summary->setText(tr("<b>%1</b> open &nbsp;·&nbsp; <b style='color:%2'>%3</b> overdue &nbsp;·&nbsp; <b>%4</b> "
                              "closed &nbsp;·&nbsp; %5 in all")
                               .arg(open)
                               .arg(kOverdue.name())
                               .arg(overdue)
                               .arg(closed)
                               .arg(m_actions.size()));
    emit titleChanged(overdue > 0 ? tr("Actions (%1 · %2 overdue)").arg(m_actions.size()).arg(overdue)
                                  : tr("Actions (%1)").arg(m_actions.size()));
    updateButtons();
}

int ActionsPanel::selectedRow() const
{
    const QList<QTreeWidgetItem*> items = m_list->selectedItems();
    return items.isEmpty() ? -1 : items.first()->data(0, Qt::UserRole).toInt();
}

void ActionsPanel::updateButtons()
{
    const int row = selectedRow();
    const bool any = row >= 0 && row < m_actions.size();
    m_add->setEnabled(!m_id.isEmpty());
    m_edit->setEnabled(any);
    m_remove->setEnabled(any);
    m_close->setEnabled(any && !isClosed(m_actions[row].status));
}

ActionDialog* ActionsPanel::openDialog(const CorrectiveAction& action, int mode)
{
    if (!m_store || m_id.isEmpty())
        return nullptr;
    ActionDialog::Choices choices;
    if (auto rec = m_store->record(m_id))
        choices.sites = rec->sites;
    if (auto obs = RiskRepository(m_store->database()).observations(m_id))
        choices.observations = obs.value();
    if (auto m = MethodologyStore(m_store->database()).active()) {
        for (const IndicatorDef& d : m->indicators)
            choices.indicators.append({d.id, d.label});
        for (const SourceTypeDef& s : m->sourceTypes)
            choices.sourceLabels.insert(s.id, s.label);
    }
    auto* dialog = new ActionDialog(action, choices, ActionDialog::Mode(mode), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const bool isNew = action.id.isEmpty();
    const std::optional<CorrectiveAction> before = isNew ? std::nullopt : std::optional<CorrectiveAction>(action);
    connect(dialog, &QDialog::accepted, this, [this, dialog, before, mode] {
        const CorrectiveAction after = dialog->action();
        const QString text = mode == int(ActionDialog::Mode::Add) ? tr("Add corrective action")
            : mode == int(ActionDialog::Mode::Close)              ? tr("Close corrective action")
                                                                  : tr("Edit corrective action");
        if (Status st = CycleCommand::push(m_undoStack, CycleCommand::action(m_service, before, after, text)); !st)
            MessageBox::warning(this, tr("Not saved"), st.error().message, st.error().detail);
    });
    dialog->open();
    return dialog;
}

ActionDialog* ActionsPanel::addAction()
{
    CorrectiveAction a;
    a.supplierId = m_id;
    a.openedOn = m_service ? m_service->today() : QDate::currentDate();
    a.dueOn = a.openedOn.addDays(90);
    return openDialog(a, int(ActionDialog::Mode::Add));
}

ActionDialog* ActionsPanel::editAction(int row)
{
    if (row < 0 || row >= m_actions.size())
        return nullptr;
    return openDialog(m_actions[row], int(ActionDialog::Mode::Edit));
}

ActionDialog* ActionsPanel::closeAction(int row)
{
    if (row < 0 || row >= m_actions.size() || isClosed(m_actions[row].status))
        return nullptr;
    return openDialog(m_actions[row], int(ActionDialog::Mode::Close));
}

void ActionsPanel::removeAction(int row)
{
    if (row < 0 || row >= m_actions.size())
        return;
    const CorrectiveAction a = m_actions[row];
    if (Status st = CycleCommand::push(
            m_undoStack, CycleCommand::action(m_service, a, std::nullopt, tr("Remove corrective action")));
        !st)
        MessageBox::warning(this, tr("Not removed"), st.error().message, st.error().detail);
}

} // namespace vigil::ui
