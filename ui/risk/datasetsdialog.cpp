#include "risk/datasetsdialog.h"

#include "risk/riskjobs.h"
#include "risk/riskservice.h"
#include "services/supplierstore.h"
#include "storage/database.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSqlQuery>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {

enum Column { NameColumn, EditionColumn, LicenceColumn, LoadedColumn };

QString editionText(const DatasetInfo& d)
{
    return d.edition.isEmpty() ? QObject::tr("(no edition)") : d.edition;
}

// The latest stored tier of every supplier (to say how many changed tier).
QHash<QString, QString> storedTiers(Database& db)
{
    QHash<QString, QString> tiers;
    QSqlQuery q(db.db());
    if (q.exec(QStringLiteral("SELECT supplier_id, tier FROM risk_scores")))
        while (q.next())
            tiers.insert(q.value(0).toString(), q.value(1).toString());
    return tiers;
}

} // namespace

DatasetsDialog::DatasetsDialog(RiskService* service, QWidget* parent)
    : QDialog(parent)
    , m_service(service)
{
    setWindowTitle(tr("Reference Data"));
    auto* intro = new QLabel(tr("The reference datasets behind every score. Several editions of a dataset can be "
                                "kept; choose the edition scores use. <i>Latest</i> follows newer editions as you "
                                "import them. Changing an edition rescores every supplier, and each supplier's "
                                "score history names the edition change."));
    intro->setWordWrap(true);

    m_tree = new QTreeWidget;
    m_tree->setObjectName(QStringLiteral("datasets"));
    m_tree->setHeaderLabels({tr("Dataset"), tr("Edition used"), tr("Licence"), tr("Loaded")});
    m_tree->setRootIsDecorated(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(false);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &DatasetsDialog::updateDetails);

    m_details = new QLabel;
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setStyleSheet(QStringLiteral("QLabel { background: palette(alternate-base); padding: 8px; "
                                            "border-radius: 4px; }"));
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_apply = buttons->addButton(tr("&Apply and Rescore…"), QDialogButtonBox::ApplyRole);
    m_apply->setObjectName(QStringLiteral("apply"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_apply, &QPushButton::clicked, this, [this] {
        const EditionChoices changes = pendingChoices();
        if (changes.isEmpty())
            return;
        if (m_confirm
            && QMessageBox::question(this, windowTitle(),
                                     tr("%1\n\nEvery supplier will be rescored; you can cancel while it runs, and "
                                        "then nothing changes.")
                                         .arg(describe(changes)),
                                     QMessageBox::Ok | QMessageBox::Cancel, QMessageBox::Ok)
                != QMessageBox::Ok)
            return;
        if (Status st = apply(); !st && st.error().message != tr("Cancelled."))
            QMessageBox::warning(this, windowTitle(), st.error().message);
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_details);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(980, 470);

    if (Status st = reload(); !st)
        m_status->setText(st.error().message);
}

Status DatasetsDialog::reload()
{
    m_tree->clear();
    m_choosers.clear();
    m_families.clear();
    if (!m_service)
        return makeError(tr("No workspace is open."));
    auto families = DatasetCatalog(m_service->database()).families();
    if (!families)
        return families.error();
    m_families = *families;
    const QLocale locale;
    for (const DatasetFamily& f : std::as_const(m_families)) {
        const DatasetInfo& newest = f.editions.constFirst().info;
        auto* top = new QTreeWidgetItem(m_tree);
        top->setText(NameColumn, newest.name);
        top->setToolTip(NameColumn, tr("Dataset family %1").arg(f.id));
        top->setText(LicenceColumn, newest.bundled ? tr("Bundled; %1").arg(newest.licence) : newest.licence);
        top->setToolTip(LicenceColumn, top->text(LicenceColumn));
        QFont bold = top->font(NameColumn);
        bold.setBold(true);
        top->setFont(NameColumn, bold);

        // A choice only where there is one to make (or one was made).
        QComboBox* chooser = nullptr;
        if (f.editions.size() > 1 || f.chosen) {
            chooser = new QComboBox;
            chooser->setObjectName(QStringLiteral("edition_") + f.id);
            chooser->addItem(tr("Latest (%1)").arg(editionText(newest)), QString());
            for (const DatasetEdition& e : f.editions)
                chooser->addItem(editionText(e.info), e.info.id);
            chooser->setCurrentIndex(f.chosen ? chooser->findData(f.activeId) : 0);
            chooser->setToolTip(tr("The edition scores use. Latest follows newer editions as they are imported."));
            connect(chooser, &QComboBox::currentIndexChanged, this, [this] {
                updateButtons();
                updateDetails();
            });
        } else {
            top->setText(EditionColumn, editionText(newest));
            top->setToolTip(EditionColumn, tr("The only edition in this workspace"));
        }
        m_choosers.append(chooser);

        for (const DatasetEdition& e : f.editions) {
            auto* child = new QTreeWidgetItem(top);
            child->setText(NameColumn, e.info.id);
            child->setText(EditionColumn, e.active ? tr("%1 — in use").arg(editionText(e.info)) : editionText(e.info));
            child->setText(LicenceColumn, e.info.licence);
            child->setToolTip(LicenceColumn, e.info.licence);
            child->setText(LoadedColumn,
                           e.info.loadedAt.isValid()
                               ? locale.toString(e.info.loadedAt.toLocalTime().date(), QLocale::ShortFormat)
                               : tr("with Vigil"));
            child->setData(NameColumn, Qt::UserRole, e.info.id);
            if (e.active) {
                QFont f2 = child->font(EditionColumn);
                f2.setBold(true);
                child->setFont(EditionColumn, f2);
            }
        }
        if (chooser)
            m_tree->setItemWidget(top, EditionColumn, chooser);
        top->setExpanded(f.editions.size() > 1);
    }
    m_tree->setColumnWidth(EditionColumn, 240);
    m_tree->setColumnWidth(LicenceColumn, 180);
    m_tree->resizeColumnToContents(LoadedColumn);
    if (m_tree->topLevelItemCount() > 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
    updateButtons();
    updateDetails();
    return {};
}

bool DatasetsDialog::selectEdition(const QString& family, const QString& datasetId)
{
    for (qsizetype i = 0; i < m_families.size(); ++i) {
        if (m_families.at(i).id != family || !m_choosers.at(i))
            continue;
        const int index = m_choosers.at(i)->findData(datasetId);
        if (index < 0)
            return false;
        m_choosers.at(i)->setCurrentIndex(index);
        return true;
    }
    return false;
}

EditionChoices DatasetsDialog::pendingChoices() const
{
    EditionChoices changes;
    for (qsizetype i = 0; i < m_families.size(); ++i) {
        const DatasetFamily& f = m_families.at(i);
        if (!m_choosers.at(i))
            continue;
        const QString wanted = m_choosers.at(i)->currentData().toString();
        const QString current = f.chosen ? f.activeId : QString();
        if (wanted != current)
            changes.insert(f.id, wanted);
    }
    return changes;
}

QString DatasetsDialog::describe(const EditionChoices& choices) const
{
    QStringList lines;
    for (const DatasetFamily& f : m_families) {
        if (!choices.contains(f.id))
            continue;
        const QString id = choices.value(f.id);
        const QString to = id.isEmpty() ? f.editions.constFirst().info.id : id;
        QString toText;
        for (const DatasetEdition& e : f.editions)
            if (e.info.id == to)
                toText = editionText(e.info);
        const DatasetEdition* from = f.active();
        lines << (id.isEmpty() ? tr("%1: use the latest edition (%2), now %3.")
                               : tr("%1: use edition %2 instead of %3."))
                     .arg(f.editions.constFirst().info.name, toText,
                          from ? editionText(from->info) : QStringLiteral("?"));
    }
    return lines.join(QLatin1Char('\n'));
}

void DatasetsDialog::updateButtons()
{
    m_apply->setEnabled(!pendingChoices().isEmpty());
}

void DatasetsDialog::updateDetails()
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    if (!item) {
        m_details->setText(tr("No dataset."));
        return;
    }
    const QTreeWidgetItem* top = item->parent() ? item->parent() : item;
    const int index = m_tree->indexOfTopLevelItem(const_cast<QTreeWidgetItem*>(top));
    if (index < 0 || index >= m_families.size())
        return;
    const DatasetFamily& f = m_families.at(index);
    const QString selectedId = item->parent() ? item->data(NameColumn, Qt::UserRole).toString() : f.activeId;
    const DatasetEdition* shown = nullptr;
    for (const DatasetEdition& e : f.editions)
        if (e.info.id == selectedId)
            shown = &e;
    if (!shown)
        return;
    const DatasetInfo& d = shown->info;
    QString use = f.chosen ? tr("chosen%1 on %2")
                                 .arg(f.chosenBy.isEmpty() ? QString() : tr(" by %1").arg(f.chosenBy.toHtmlEscaped()),
                                      QLocale().toString(f.chosenAt.toLocalTime(), QLocale::ShortFormat))
        : f.editions.size() == 1 ? tr("the only edition in this workspace")
                                 : tr("the latest of %n editions", nullptr, int(f.editions.size()));
    m_details->setText(
        tr("<b>%1</b> — edition %2 (dataset id <tt>%3</tt>)<br>%4<br>Source: %5<br>%6")
            .arg(d.name.toHtmlEscaped(), editionText(d).toHtmlEscaped(), d.id.toHtmlEscaped(),
                 d.publisher.toHtmlEscaped(), d.source.toHtmlEscaped(),
                 shown->active ? tr("Scores use this edition: %1.").arg(use)
                               : tr("Not used by scores; the edition in use is %1.")
                                     .arg(f.active() ? editionText(f.active()->info).toHtmlEscaped() : QString())));
}

QString DatasetsDialog::statusText() const
{
    return m_status->text();
}

Status DatasetsDialog::apply()
{
    const EditionChoices changes = pendingChoices();
    if (changes.isEmpty())
        return {};
    if (!m_service)
        return makeError(tr("No workspace is open."));
    Database& db = m_service->database();
    const QDateTime now = m_service->now();
    const QString what = describe(changes);
    const QHash<QString, QString> before = storedTiers(db);
    qsizetype scored = 0;
    DatasetCatalog catalog(db);
    catalog.setActor(QStringLiteral("gui"));
    const Status st = catalog.chooseAndRescore(changes, [&]() -> Status {
        return runWithProgress(this, db, tr("Rescoring every supplier…"),
                               [&](Database& worker, const ProgressFn& progress) -> Status {
                                   auto context = loadScoringContext(worker, now);
                                   if (!context)
                                       return context.error();
                                   auto n = rescoreAll(worker, *context, now, progress);
                                   if (!n)
                                       return n.error();
                                   scored = *n;
                                   return {};
                               });
    });
    // Whatever happened, the GUI reads the workspace's editions again.
    const Status reloaded = m_service->reloadContext();
    if (Status shown = reload(); !shown && st)
        return shown;
    if (!st) {
        m_status->setText(st.error().message == tr("Cancelled.") ? tr("Cancelled: the editions in use are unchanged.")
                                                                 : tr("Not applied: %1").arg(st.error().message));
        return st;
    }
    m_service->notifyAllRescored();
    if (SupplierStore* store = m_service->store())
        store->notifyReset();
    const QHash<QString, QString> after = storedTiers(db);
    qsizetype changed = 0;
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        if (before.contains(it.key()) && before.value(it.key()) != it.value())
            ++changed;
    m_status->setText(tr("%1\nRescored %n supplier(s); %2 changed tier.", nullptr, int(scored)).arg(what).arg(changed));
    return reloaded;
}

} // namespace vigil::ui
