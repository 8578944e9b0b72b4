#include "views/supplierspage.h"

#include "commands/addsuppliercommand.h"
#include "commands/deletesuppliercommand.h"
#include "commands/editsuppliercommand.h"
#include "dialogs/supplierdialog.h"
#include "models/suppliertablemodel.h"
#include "services/supplierstore.h"
#include "views/supplierdetailview.h"
#include "views/supplierregisterview.h"
#include "widgets/messagebox.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>

namespace vigil::ui {

SuppliersPage::SuppliersPage(SupplierStore* store, QUndoStack* undoStack, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_undoStack(undoStack)
{
    m_register = new SupplierRegisterView(store);
    m_detail = new SupplierDetailView(store, undoStack);
    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("suppliersSplitter"));
    m_splitter->addWidget(m_register);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0); // the details keep their width (sizeHint) when the window grows
    m_splitter->setChildrenCollapsible(false);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_register, &SupplierRegisterView::currentSupplierChanged, this, [this](const QString& id) {
        if (!id.isEmpty())
            m_detail->showSupplier(id);
    });
    connect(m_register->table()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SuppliersPage::selectionChanged);
    connect(m_register->model(), &QAbstractItemModel::modelReset, this, &SuppliersPage::selectionChanged);
    connect(m_register, &SupplierRegisterView::supplierActivated, this, &SuppliersPage::editSupplier);
    connect(m_detail, &SupplierDetailView::editRequested, this, &SuppliersPage::editSupplier);
}

void SuppliersPage::restoreLayout(const QByteArray& state)
{
    m_layoutRestored = !state.isEmpty() && m_splitter->restoreState(state);
}

QByteArray SuppliersPage::saveLayout() const
{
    return m_splitter->saveState();
}

void SuppliersPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (std::exchange(m_shown, true) || m_layoutRestored)
        return;
    // Once the window's layout has given the splitter its real width.
    QTimer::singleShot(0, this, [this] {
        const int detail = qMin(m_detail->sizeHint().width(), m_splitter->width() / 2);
        m_splitter->setSizes({m_splitter->width() - detail, detail});
    });
}

bool SuppliersPage::hasSelection() const
{
    return !m_register->selectedIds().isEmpty();
}

QStringList SuppliersPage::sectors() const
{
    auto list = m_store->repository().distinctValues(QStringLiteral("sector"));
    return list ? list.value() : QStringList();
}

SupplierDialog* SuppliersPage::newSupplier()
{
    SupplierRecord blank;
    auto* dialog = new SupplierDialog(blank, sectors(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        auto command = std::make_unique<AddSupplierCommand>(m_store, dialog->record());
        const QString id = command->supplierId();
        if (Status st = StoreCommand::push(m_undoStack, std::move(command)); !st) {
            MessageBox::warning(this, tr("Supplier not added"), st.error().message, st.error().detail);
            return;
        }
        m_detail->showSupplier(id);
        m_register->selectSupplier(id);
    });
    dialog->open();
    return dialog;
}

SupplierDialog* SuppliersPage::editSupplier(const QString& id)
{
    if (id.isEmpty())
        return nullptr;
    auto before = m_store->record(id);
    if (!before) {
        MessageBox::warning(this, tr("Cannot edit"), before.error().message, before.error().detail);
        return nullptr;
    }
    auto* dialog = new SupplierDialog(before.value(), sectors(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const SupplierRecord original = before.value();
    connect(dialog, &QDialog::accepted, this, [this, dialog, original] {
        const SupplierRecord after = dialog->record();
        auto command = std::make_unique<EditSupplierCommand>(m_store, original, after);
        if (Status st = StoreCommand::push(m_undoStack, std::move(command)); !st)
            MessageBox::warning(this, tr("Supplier not saved"), st.error().message, st.error().detail);
    });
    dialog->open();
    return dialog;
}

SupplierDialog* SuppliersPage::editCurrent()
{
    const QString id = m_register->currentId().isEmpty() ? m_detail->supplierId() : m_register->currentId();
    return editSupplier(id);
}

void SuppliersPage::deleteSelected()
{
    QStringList ids = m_register->selectedIds();
    if (ids.isEmpty() && !m_register->currentId().isEmpty())
        ids << m_register->currentId();
    if (ids.isEmpty())
        return;
    QList<SupplierRecord> records;
    for (const QString& id : ids) {
        auto rec = m_store->record(id);
        if (!rec) {
            MessageBox::warning(this, tr("Supplier not deleted"), rec.error().message, rec.error().detail);
            return;
        }
        records << rec.value();
    }
    auto command = std::make_unique<DeleteSupplierCommand>(m_store, records);
    if (Status st = StoreCommand::push(m_undoStack, std::move(command)); !st)
        MessageBox::warning(this, tr("Not deleted"), st.error().message, st.error().detail);
}

} // namespace vigil::ui
