#include "views/supplierdetailview.h"

#include "actions/actionspanel.h"
#include "actions/feespanel.h"
#include "commands/editsuppliercommand.h"
#include "dialogs/identifierdialog.h"
#include "dialogs/recruiterlinkdialog.h"
#include "dialogs/sitedialog.h"
#include "models/supplierformat.h"
#include "risk/riskpanel.h"
#include "services/supplierstore.h"
#include "views/supplierdetailtabs.h"
#include "widgets/icons.h"
#include "widgets/messagebox.h"
#include "widgets/textstyle.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace vigil::ui {

SupplierDetailView::SupplierDetailView(SupplierStore* store, QUndoStack* undoStack, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_undoStack(undoStack)
{
    m_empty = new QLabel;
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setObjectName(QStringLiteral("detailEmpty"));
    m_empty->setWordWrap(true);
    setMutedText(m_empty);

    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("detailTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle = new QLabel;
    m_subtitle->setObjectName(QStringLiteral("detailOtherNames"));
    m_subtitle->setWordWrap(true);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setMutedText(m_subtitle); // readable: often the name in the supplier's own script
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_edit = new QPushButton(themeIcon({"document-edit", "document-properties"}, QStyle::SP_FileDialogDetailedView),
                             tr("E&dit…")); // Alt+E opens the Edit menu
    m_edit->setObjectName(QStringLiteral("editButton"));
    connect(m_edit, &QPushButton::clicked, this, [this] { emit editRequested(m_id); });

    auto* header = new QHBoxLayout;
    auto* titles = new QVBoxLayout;
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    titles->addWidget(m_summary);
    header->addLayout(titles, 1);
    header->addWidget(m_edit, 0, Qt::AlignTop);

    auto* profilePage = new QWidget;
    m_profile = new QFormLayout(profilePage);
    m_profile->setLabelAlignment(Qt::AlignRight);
    auto* profileScroll = new QScrollArea;
    profileScroll->setWidgetResizable(true);
    profileScroll->setFrameShape(QFrame::NoFrame);
    profileScroll->setWidget(profilePage);

    m_sites = detail::makeList({tr("Site"), tr("Type"), tr("Country"), tr("Workers"), tr("Address")},
                               QStringLiteral("sites"));
    m_identifiers = detail::makeList({tr("Scheme"), tr("Identifier")}, QStringLiteral("identifiers"));
    m_recruiters = detail::makeList({tr("Recruiter"), tr("Corridor"), tr("Workers recruited"), tr("Since")},
                                    QStringLiteral("recruiters"));
    m_history
        = detail::makeList({tr("When"), tr("Who"), tr("What"), tr("Field"), tr("Change")}, QStringLiteral("history"));
    m_sites->setColumnWidth(0, 200);
    m_sites->setToolTip(tr("Double-click a site to edit it"));
    connect(m_sites, &QTreeWidget::itemDoubleClicked, this,
            [this](QTreeWidgetItem* item) { editSite(item->data(0, Qt::UserRole).toInt()); });
    m_recruiters->setColumnWidth(0, 200);
    m_recruiters->setColumnWidth(1, 200);
    m_history->setColumnWidth(0, 130);
    m_history->setColumnWidth(2, 130);
    setEmptyHint(m_sites,
                 tr("No site is recorded. Add the factories, farms, vessels and dormitories where the "
                    "supplier's workers work and live."));
    setEmptyHint(m_identifiers,
                 tr("No identifier is recorded. Add a vendor number, tax ID, DUNS, LEI or Open "
                    "Supply Hub ID so that imports match this supplier."));
    setEmptyHint(m_recruiters,
                 tr("No recruiter is linked. Add the agencies that recruit this supplier's migrant "
                    "workers, with the corridor they recruit on."));

    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    m_risk = new RiskPanel(store, undoStack);
    m_actions = new ActionsPanel(store, undoStack);
    m_fees = new FeesPanel(store, undoStack);
    m_tabs->insertTab(ProfileTab, profileScroll, tr("Profile"));
    m_tabs->insertTab(RiskTab, m_risk, tr("Risk"));
    m_tabs->insertTab(ActionsTab, m_actions, tr("Actions"));
    m_tabs->insertTab(FeesTab, m_fees, tr("Fees"));
    m_tabs->insertTab(SitesTab, listPage(m_sites, Part::Sites), tr("Sites"));
    m_tabs->insertTab(IdentifiersTab, listPage(m_identifiers, Part::Identifiers), tr("Identifiers"));
    m_tabs->insertTab(RecruitersTab, listPage(m_recruiters, Part::Recruiters), tr("Recruiters"));
    m_tabs->insertTab(HistoryTab, m_history, tr("History"));
    Q_ASSERT(m_tabs->indexOf(m_history) == HistoryTab);
    connect(m_actions, &ActionsPanel::titleChanged, this,
            [this](const QString& title) { m_tabs->setTabText(ActionsTab, title); });
    connect(m_fees, &FeesPanel::titleChanged, this,
            [this](const QString& title) { m_tabs->setTabText(FeesTab, title); });

    auto* details = new QWidget;
    auto* detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(12, 10, 8, 4);
    detailsLayout->addLayout(header);
    detailsLayout->addWidget(m_tabs, 1);

    m_stack = new QStackedWidget;
    m_stack->addWidget(m_empty);
    m_stack->addWidget(details);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(store, &SupplierStore::suppliersChanged, this, [this](const QStringList& ids) {
        if (ids.contains(m_id))
            reload();
    });
    connect(store, &SupplierStore::suppliersAdded, this, [this](const QStringList& ids) {
        if (ids.contains(m_id))
            reload();
    });
    connect(store, &SupplierStore::suppliersRemoved, this, [this](const QStringList& ids) {
        if (ids.contains(m_id))
            showEmpty(tr("“%1” was deleted. Edit → Undo brings it back.").arg(m_record.supplier.name));
    });
    connect(store, &SupplierStore::reset, this, &SupplierDetailView::reload);
    showEmpty(tr("Select a supplier to see its sites, identifiers, recruiters and history."));
}

QWidget* SupplierDetailView::listPage(QTreeWidget* list, Part part)
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(list, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    const QString addText = part == Part::Sites ? tr("Add site…")
        : part == Part::Identifiers             ? tr("Add identifier…")
                                                : tr("Add recruiter…");
    auto* add = new QPushButton(themeIcon({"list-add"}, QStyle::SP_FileDialogNewFolder), addText);
    add->setObjectName(list->objectName() + QStringLiteral("Add"));
    connect(add, &QPushButton::clicked, this, [this, part] {
        if (part == Part::Sites)
            addSite();
        else if (part == Part::Identifiers)
            addIdentifier();
        else
            addRecruiterLink();
    });
    buttons->addWidget(add);
    auto* remove = new QPushButton(themeIcon({"list-remove"}, QStyle::SP_TrashIcon), tr("Remove"));
    remove->setObjectName(list->objectName() + QStringLiteral("Remove"));
    remove->setEnabled(false);
    connect(list, &QTreeWidget::itemSelectionChanged, remove,
            [list, remove] { remove->setEnabled(!list->selectedItems().isEmpty()); });
    connect(remove, &QPushButton::clicked, this, [this, part] { removeSelected(part); });
    buttons->addWidget(remove);
    layout->addLayout(buttons);
    return page;
}

void SupplierDetailView::showEmpty(const QString& message)
{
    m_empty->setText(message);
    m_stack->setCurrentIndex(0);
}

void SupplierDetailView::showSupplier(const QString& id)
{
    m_id = id;
    reload();
    m_risk->showSupplier(id);
    m_actions->showSupplier(id);
    m_fees->showSupplier(id);
}

void SupplierDetailView::reload()
{
    if (m_id.isEmpty()) {
        showEmpty(tr("Select a supplier to see its sites, identifiers, recruiters and history."));
        return;
    }
    auto rec = m_store->record(m_id);
    if (!rec) {
        showEmpty(rec.error().message);
        return;
    }
    m_record = rec.value();
    const Supplier& s = m_record.supplier;
    m_title->setText(s.name);
    m_subtitle->setText(s.otherNames.join(QStringLiteral(" · ")));
    m_subtitle->setVisible(!s.otherNames.isEmpty());
    QStringList summary{format::country(s.country)};
    if (!s.sector.isEmpty())
        summary << s.sector;
    summary << tr("Tier %1").arg(s.tier) << format::status(s.status);
    m_summary->setText(summary.join(QStringLiteral(" · ")));
    detail::fillProfile(m_profile, s);
    detail::fillSites(m_sites, m_record.sites);
    detail::fillIdentifiers(m_identifiers, m_record.identifiers);
    detail::fillRecruiters(m_recruiters, m_record.recruiters);
    auto history = m_store->history(m_id);
    detail::fillHistory(m_history, history ? history.value() : QList<ChangeEntry>());
    m_tabs->setTabText(SitesTab, tr("Sites (%1)").arg(m_record.sites.size()));
    m_tabs->setTabText(IdentifiersTab, tr("Identifiers (%1)").arg(m_record.identifiers.size()));
    m_tabs->setTabText(RecruitersTab, tr("Recruiters (%1)").arg(m_record.recruiters.size()));
    m_tabs->setTabText(HistoryTab, tr("History (%1)").arg(history ? history->size() : 0));
    m_stack->setCurrentIndex(1);
}

void SupplierDetailView::pushEdit(const SupplierRecord& after, const QString& text)
{
    auto command = std::make_unique<EditSupplierCommand>(m_store, m_record, after, text);
    if (Status st = StoreCommand::push(m_undoStack, std::move(command)); !st)
        MessageBox::warning(this, tr("Not saved"), st.error().message, st.error().detail);
}

void SupplierDetailView::removeSelected(Part part)
{
    QTreeWidget* list = part == Part::Sites ? m_sites : part == Part::Identifiers ? m_identifiers : m_recruiters;
    const QList<QTreeWidgetItem*> items = list->selectedItems();
    if (items.isEmpty())
        return;
    const int i = items.first()->data(0, Qt::UserRole).toInt();
    SupplierRecord after = m_record;
    QString text;
    if (part == Part::Sites && i < after.sites.size()) {
        text = tr("Remove site “%1”").arg(after.sites.takeAt(i).name);
    } else if (part == Part::Identifiers && i < after.identifiers.size()) {
        text = tr("Remove identifier %1").arg(after.identifiers.takeAt(i).value);
    } else if (part == Part::Recruiters && i < after.recruiters.size()) {
        const RecruiterLink l = after.recruiters.takeAt(i);
        text = tr("Remove recruiter “%1”").arg(l.recruiterName.isEmpty() ? l.recruiterId : l.recruiterName);
    } else {
        return;
    }
    pushEdit(after, text);
}

void SupplierDetailView::addIdentifier()
{
    auto* dialog = new IdentifierDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        SupplierRecord after = m_record;
        after.identifiers.append(dialog->identifier());
        pushEdit(after, tr("Add identifier %1").arg(dialog->identifier().value));
    });
    dialog->open();
}

void SupplierDetailView::addRecruiterLink()
{
    auto recruiters = m_store->repository().recruiters();
    auto* dialog = new RecruiterLinkDialog(recruiters ? recruiters.value() : QList<Recruiter>(),
                                           m_record.supplier.country, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const RecruiterLink link = dialog->link();
        SupplierRecord after = m_record;
        after.recruiters.append(link);
        pushEdit(after, tr("Add recruiter “%1”").arg(link.recruiterName));
    });
    dialog->open();
}

void SupplierDetailView::editSite(int index)
{
    if (index < 0 || index >= m_record.sites.size())
        return;
    auto* dialog = new SiteDialog(m_record.sites.at(index), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, index] {
        if (index >= m_record.sites.size())
            return;
        SupplierRecord after = m_record;
        Site site = dialog->site();
        site.supplierId = m_id;
        after.sites[index] = site;
        pushEdit(after, tr("Edit site “%1”").arg(site.name));
    });
    dialog->open();
}

void SupplierDetailView::addSite()
{
    auto* dialog = new SiteDialog(m_record.supplier.country, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        SupplierRecord after = m_record;
        Site site = dialog->site();
        site.supplierId = m_id;
        after.sites.append(site);
        pushEdit(after, tr("Add site “%1”").arg(site.name));
    });
    dialog->open();
}

} // namespace vigil::ui
