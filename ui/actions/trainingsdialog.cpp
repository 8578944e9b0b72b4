#include "actions/trainingsdialog.h"

#include "actions/actionservice.h"
#include "actions/cyclecommand.h"
#include "actions/trainingdialog.h"
#include "services/supplierstore.h"
#include "storage/database.h"
#include "widgets/icons.h"
#include "widgets/messagebox.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QSqlQuery>
#include <QStyle>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace vigil::ui {

TrainingsDialog::TrainingsDialog(SupplierStore* store, QUndoStack* undoStack, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_service(ActionService::forStore(store))
    , m_undoStack(undoStack)
{
    setWindowTitle(tr("Trainings"));
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("trainingsSummary"));
    m_list = new QTreeWidget;
    m_list->setObjectName(QStringLiteral("trainings"));
    m_list->setHeaderLabels({tr("Held on"), tr("Topic"), tr("Audience"), tr("Participants"), tr("Supplier")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    m_list->setColumnWidth(0, 90);
    m_list->setColumnWidth(2, 90);
    m_list->setColumnWidth(3, 90);
    m_list->setColumnWidth(4, 200);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this] { editTraining(selectedRow()); });
    for (auto [key, fn] : std::initializer_list<std::pair<int, std::function<void()>>>{
             {Qt::Key_Return, [this] { editTraining(selectedRow()); }},
             {Qt::Key_Delete, [this] { removeTraining(selectedRow()); }},
             {Qt::Key_Insert, [this] { addTraining(); }}}) {
        auto* shortcut = new QShortcut(QKeySequence(key), m_list, nullptr, nullptr, Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, fn);
    }
    auto* add = new QPushButton(themeIcon({"list-add"}, QStyle::SP_FileDialogNewFolder), tr("&Add training…"));
    add->setObjectName(QStringLiteral("trainingsAdd"));
    auto* edit = new QPushButton(themeIcon({"document-edit"}, QStyle::SP_FileDialogDetailedView), tr("Ed&it…"));
    auto* remove = new QPushButton(themeIcon({"list-remove"}, QStyle::SP_TrashIcon), tr("Remove"));
    connect(add, &QPushButton::clicked, this, [this] { addTraining(); });
    connect(edit, &QPushButton::clicked, this, [this] { editTraining(selectedRow()); });
    connect(remove, &QPushButton::clicked, this, [this] { removeTraining(selectedRow()); });
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(edit);
    buttons->addWidget(remove);
    buttons->addStretch();
    buttons->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    if (m_service)
        connect(m_service, &ActionService::trainingsChanged, this, &TrainingsDialog::reload);
    reload();
    resize(820, 460);
}

void TrainingsDialog::reload()
{
    m_list->clear();
    m_trainings.clear();
    if (!m_service)
        return;
    auto list = m_service->repository().trainings();
    if (!list) {
        m_summary->setText(list.error().message);
        return;
    }
    m_trainings = list.value();
    qint64 people = 0;
    for (int i = m_trainings.size() - 1; i >= 0; --i) { // newest first
        const Training& t = m_trainings[i];
        people += t.participants;
        auto* item = new QTreeWidgetItem(m_list,
                                         {t.heldOn.toString(Qt::ISODate), t.topic, audienceLabel(t.audience),
                                          QLocale().toString(t.participants),
                                          t.supplierName.isEmpty() ? tr("internal") : t.supplierName});
        item->setData(0, Qt::UserRole, i);
        item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_summary->setText(m_trainings.isEmpty()
                           ? tr("No training is recorded. The statements' training sections count what is here.")
                           : tr("%1 trainings, %2 participants. The statements' training sections count these.")
                                 .arg(m_trainings.size())
                                 .arg(people));
}

int TrainingsDialog::selectedRow() const
{
    const QList<QTreeWidgetItem*> items = m_list->selectedItems();
    return items.isEmpty() ? -1 : items.first()->data(0, Qt::UserRole).toInt();
}

TrainingDialog* TrainingsDialog::openDialog(const Training& training)
{
    if (!m_store)
        return nullptr;
    QList<QPair<QString, QString>> suppliers;
    QSqlQuery q(m_store->database().db());
    // The 5,000 first by name: a longer list would not be usable in a drop-down anyway.
    if (q.exec(QStringLiteral("SELECT id, name FROM suppliers ORDER BY name_key LIMIT 5000")))
        while (q.next())
            suppliers.append({q.value(0).toString(), q.value(1).toString()});
    const bool isNew = training.id.isEmpty();
    auto* dialog = new TrainingDialog(training, suppliers, isNew, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const std::optional<Training> before = isNew ? std::nullopt : std::optional<Training>(training);
    connect(dialog, &QDialog::accepted, this, [this, dialog, before] {
        const QString text = before ? tr("Edit training") : tr("Add training");
        if (Status st
            = CycleCommand::push(m_undoStack, CycleCommand::training(m_service, before, dialog->training(), text));
            !st)
            MessageBox::warning(this, tr("Not saved"), st.error().message, st.error().detail);
    });
    dialog->open();
    return dialog;
}

TrainingDialog* TrainingsDialog::addTraining()
{
    Training t;
    t.heldOn = m_service ? m_service->today() : QDate::currentDate();
    return openDialog(t);
}

TrainingDialog* TrainingsDialog::editTraining(int row)
{
    if (row < 0 || row >= m_trainings.size())
        return nullptr;
    return openDialog(m_trainings[row]);
}

void TrainingsDialog::removeTraining(int row)
{
    if (row < 0 || row >= m_trainings.size())
        return;
    if (Status st = CycleCommand::push(
            m_undoStack, CycleCommand::training(m_service, m_trainings[row], std::nullopt, tr("Remove training")));
        !st)
        MessageBox::warning(this, tr("Not removed"), st.error().message, st.error().detail);
}

void addTrainingActions(QMenu* menu, QWidget* parent, const std::function<SupplierStore*()>& store,
                        QUndoStack* undoStack)
{
    QAction* action = menu->addAction(QObject::tr("&Trainings…"));
    action->setObjectName(QStringLiteral("actionTrainings"));
    QObject::connect(menu, &QMenu::aboutToShow, action, [action, store] { action->setEnabled(store() != nullptr); });
    QObject::connect(action, &QAction::triggered, parent, [parent, store, undoStack] {
        SupplierStore* s = store();
        if (!s)
            return;
        TrainingsDialog dialog(s, undoStack, parent);
        dialog.exec();
    });
}

} // namespace vigil::ui
