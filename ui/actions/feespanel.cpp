#include "actions/feespanel.h"

#include "actions/actionservice.h"
#include "actions/actionsummary.h"
#include "actions/cyclecommand.h"
#include "actions/feedialog.h"
#include "risk/methodology.h"
#include "risk/methodologystore.h"
#include "services/supplierstore.h"
#include "widgets/icons.h"
#include "widgets/messagebox.h"
#include "widgets/textstyle.h"

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

QString currencyOf(const QString& country)
{
    static const QHash<QString, QString> map{
        {QStringLiteral("TH"), QStringLiteral("THB")}, {QStringLiteral("MY"), QStringLiteral("MYR")},
        {QStringLiteral("TW"), QStringLiteral("TWD")}, {QStringLiteral("JP"), QStringLiteral("JPY")},
        {QStringLiteral("SG"), QStringLiteral("SGD")}, {QStringLiteral("GB"), QStringLiteral("GBP")},
        {QStringLiteral("US"), QStringLiteral("USD")}};
    return map.value(country, QStringLiteral("USD"));
}

} // namespace

FeesPanel::FeesPanel(SupplierStore* store, QUndoStack* undoStack, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_service(ActionService::forStore(store))
    , m_undoStack(undoStack)
{
    m_totals = new QLabel;
    m_totals->setObjectName(QStringLiteral("feeTotals"));
    m_totals->setTextFormat(Qt::RichText);
    m_totals->setWordWrap(true);
    m_list = new QTreeWidget;
    m_list->setObjectName(QStringLiteral("fees"));
    m_list->setHeaderLabels({tr("Recorded"), tr("Corridor"), tr("Recruiter"), tr("Workers"), tr("Paid"),
                             tr("Reimbursed"), tr("Outstanding")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setUniformRowHeights(true);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_list->setColumnWidth(0, 86);
    m_list->setColumnWidth(1, 80);
    m_list->setColumnWidth(3, 64);
    for (int c : {4, 5, 6})
        m_list->setColumnWidth(c, 118);
    m_list->setToolTip(tr("Enter or double-click: edit · Delete: remove · Insert: add"));
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this] { editFee(selectedRow()); });
    for (auto [key, fn] : std::initializer_list<std::pair<int, std::function<void()>>>{
             {Qt::Key_Return, [this] { editFee(selectedRow()); }},
             {Qt::Key_Enter, [this] { editFee(selectedRow()); }},
             {Qt::Key_Delete, [this] { removeFee(selectedRow()); }},
             {Qt::Key_Insert, [this] { addFee(); }}}) {
        auto* shortcut = new QShortcut(QKeySequence(key), m_list, nullptr, nullptr, Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, fn);
    }
    m_add = new QPushButton(themeIcon({"list-add"}, QStyle::SP_FileDialogNewFolder), tr("&Add fees…"));
    m_add->setObjectName(QStringLiteral("feesAdd"));
    m_edit = new QPushButton(themeIcon({"document-edit"}, QStyle::SP_FileDialogDetailedView), tr("Ed&it…"));
    m_edit->setObjectName(QStringLiteral("feesEdit"));
    m_remove = new QPushButton(themeIcon({"list-remove"}, QStyle::SP_TrashIcon), tr("Remove"));
    m_remove->setObjectName(QStringLiteral("feesRemove"));
    connect(m_add, &QPushButton::clicked, this, [this] { addFee(); });
    connect(m_edit, &QPushButton::clicked, this, [this] { editFee(selectedRow()); });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeFee(selectedRow()); });
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, [this] {
        m_edit->setEnabled(selectedRow() >= 0);
        m_remove->setEnabled(selectedRow() >= 0);
    });
    // The note has a line of its own under the list: beside the buttons it was squeezed into a tall narrow column
    // in a narrow pane.
    auto* privacy = new QLabel(tr("Totals for groups of workers; never a worker's name or ID."));
    privacy->setObjectName(QStringLiteral("feesPrivacyNote"));
    setMutedText(privacy);
    privacy->setWordWrap(true); // never widens the supplier pane
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    for (QPushButton* b : {m_add, m_edit, m_remove})
        buttons->addWidget(b);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(m_totals);
    layout->addWidget(m_list, 1);
    layout->addWidget(privacy);
    layout->addLayout(buttons);
    if (m_service)
        connect(m_service, &ActionService::feesChanged, this, [this](const QString& id) {
            if (id == m_id)
                reload();
        });
    if (m_store)
        connect(m_store, &SupplierStore::reset, this, &FeesPanel::reload);
    m_edit->setEnabled(false);
    m_remove->setEnabled(false);
}

void FeesPanel::showSupplier(const QString& id)
{
    m_id = id;
    reload();
}

void FeesPanel::reload()
{
    m_list->clear();
    m_fees.clear();
    if (!m_service || m_id.isEmpty())
        return;
    auto fees = m_service->repository().fees(m_id);
    if (!fees) {
        m_totals->setText(fees.error().message);
        return;
    }
    m_fees = fees.value();
    for (int i = 0; i < m_fees.size(); ++i) {
        const FeeEntry& f = m_fees[i];
        auto* item = new QTreeWidgetItem(
            m_list,
            {f.recordedOn.toString(Qt::ISODate), f.corridor().isEmpty() ? QStringLiteral("–") : f.corridor(),
             f.recruiterName.isEmpty() ? QStringLiteral("–") : f.recruiterName,
             f.workers ? QLocale().toString(*f.workers) : f.workerGroup, formatAmount(f.paidAmount, f.currency),
             formatAmount(f.reimbursedAmount, f.currency), formatAmount(f.outstanding(), f.currency)});
        item->setData(0, Qt::UserRole, i);
        item->setToolTip(3, f.workerGroup);
        for (int c : {3, 4, 5, 6})
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        if (f.outstanding() > 0)
            item->setForeground(6, QColor(0xb3, 0x26, 0x1e));
        else
            item->setForeground(6, QColor(0x3a, 0x8d, 0x5c));
    }
    m_totals->setText(totalsText());
    emit titleChanged(tr("Fees (%1)").arg(m_fees.size()));
    m_edit->setEnabled(false);
    m_remove->setEnabled(false);
}

QString FeesPanel::totalsText() const
{
    if (m_fees.isEmpty())
        return tr("No recruitment fee is recorded for this supplier. Record what groups of workers paid to get their "
                  "jobs, and what has been reimbursed (Employer Pays Principle).");
    const ActionSummary s = summarise({}, m_fees, {}, QDate::currentDate());
    QStringList lines;
    for (const FeeTotals& t : s.feesByCurrency)
        lines << tr("Paid by workers <b>%1</b> &nbsp;·&nbsp; reimbursed <b>%2</b> &nbsp;·&nbsp; outstanding <b>%3</b>")
                     .arg(formatAmount(t.paid, t.currency), formatAmount(t.reimbursed, t.currency),
                          formatAmount(t.outstanding, t.currency));
    return lines.join(QStringLiteral("<br>"));
}

int FeesPanel::selectedRow() const
{
    const QList<QTreeWidgetItem*> items = m_list->selectedItems();
    return items.isEmpty() ? -1 : items.first()->data(0, Qt::UserRole).toInt();
}

FeeDialog* FeesPanel::openDialog(const FeeEntry& entry)
{
    if (!m_store || m_id.isEmpty())
        return nullptr;
    FeeDialog::Choices choices;
    auto rec = m_store->record(m_id);
    if (rec) {
        choices.links = rec->recruiters;
        for (RecruiterLink& l : choices.links)
            if (l.recruiterName.isEmpty())
                if (auto r = m_store->repository().recruiter(l.recruiterId))
                    l.recruiterName = r->name;
        choices.defaultCurrency = currencyOf(rec->supplier.country);
    }
    if (auto m = MethodologyStore(m_store->database()).active())
        for (const SourceTypeDef& s : m->sourceTypes) {
            choices.sourceTypes << s.id;
            choices.sourceLabels.insert(s.id, s.label);
        }
    const bool isNew = entry.id.isEmpty();
    auto* dialog = new FeeDialog(entry, choices, isNew, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const std::optional<FeeEntry> before = isNew ? std::nullopt : std::optional<FeeEntry>(entry);
    connect(dialog, &QDialog::accepted, this, [this, dialog, before] {
        const QString text = before ? tr("Edit recruitment fees") : tr("Add recruitment fees");
        if (Status st = CycleCommand::push(m_undoStack, CycleCommand::fee(m_service, before, dialog->entry(), text));
            !st)
            MessageBox::warning(this, tr("Not saved"), st.error().message, st.error().detail);
    });
    dialog->open();
    return dialog;
}

FeeDialog* FeesPanel::addFee()
{
    FeeEntry f;
    f.supplierId = m_id;
    f.recordedOn = m_service ? m_service->today() : QDate::currentDate();
    return openDialog(f);
}

FeeDialog* FeesPanel::editFee(int row)
{
    if (row < 0 || row >= m_fees.size())
        return nullptr;
    return openDialog(m_fees[row]);
}

void FeesPanel::removeFee(int row)
{
    if (row < 0 || row >= m_fees.size())
        return;
    if (Status st = CycleCommand::push(
            m_undoStack, CycleCommand::fee(m_service, m_fees[row], std::nullopt, tr("Remove recruitment fees")));
        !st)
        MessageBox::warning(this, tr("Not removed"), st.error().message, st.error().detail);
}

} // namespace vigil::ui
