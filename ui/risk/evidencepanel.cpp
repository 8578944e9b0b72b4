#include "risk/evidencepanel.h"

#include "risk/evidencecommand.h"
#include "risk/mitigationdialog.h"
#include "risk/observationdialog.h"
#include "risk/riskservice.h"
#include "risk/sitelabels.h"
#include "services/supplierstore.h"
#include "widgets/textstyle.h"

#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {

QTreeWidget* list(const QStringList& headers, const QString& name)
{
    auto* t = new QTreeWidget;
    t->setObjectName(name);
    t->setHeaderLabels(headers);
    t->setRootIsDecorated(false);
    t->setAlternatingRowColors(true);
    t->header()->setStretchLastSection(true);
    return t;
}

QString statusText(ObservationStatus s)
{
    switch (s) {
    case ObservationStatus::Present:
        return QObject::tr("Present");
    case ObservationStatus::Absent:
        return QObject::tr("Absent");
    case ObservationStatus::NotAssessed:
        break;
    }
    return QObject::tr("Not assessed");
}

QString dateText(const QDate& d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QObject::tr("undated");
}

} // namespace

EvidencePanel::EvidencePanel(RiskService* service, QUndoStack* undoStack, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_undoStack(undoStack)
{
    m_observations
        = list({tr("Indicator"), tr("Status"), tr("Source"), tr("Site"), tr("Date"), tr("Confidence"), tr("Note")},
               QStringLiteral("observations"));
    m_mitigations = list({tr("Mitigation"), tr("Verified"), tr("Note")}, QStringLiteral("mitigations"));
    setEmptyHint(m_observations,
                 tr("Nothing is recorded yet: the score rests on country and sector data alone. "
                    "Record what audits, interviews and documents found."));
    setEmptyHint(m_mitigations, tr("No mitigation is recorded. Record the verified measures that lower the risk."));

    // Room for a few rows, or for the sentence an empty list shows (the Risk tab scrolls in a short window).
    const int row = fontMetrics().height() + 8;
    m_observations->setMinimumHeight(m_observations->header()->sizeHint().height() + 4 * row);
    m_mitigations->setMinimumHeight(m_mitigations->header()->sizeHint().height() + 3 * row);

    auto* addObs = new QPushButton(tr("Record Observation…"));
    addObs->setObjectName(QStringLiteral("addObservation"));
    m_removeObservation = new QPushButton(tr("Remove"));
    auto* addMit = new QPushButton(tr("Record Mitigation…"));
    addMit->setObjectName(QStringLiteral("addMitigation"));
    m_removeMitigation = new QPushButton(tr("Remove"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    auto* obsLabel = new QLabel(tr("<b>Observations</b> (ILO indicators, recruitment, child labour)"));
    obsLabel->setObjectName(QStringLiteral("observationsHeading"));
    obsLabel->setWordWrap(true); // never sets the width of the supplier pane
    layout->addWidget(obsLabel);
    layout->addWidget(m_observations, 2);
    auto* obsButtons = new QHBoxLayout;
    obsButtons->addWidget(addObs);
    obsButtons->addWidget(m_removeObservation);
    obsButtons->addStretch(1);
    layout->addLayout(obsButtons);
    layout->addSpacing(8);
    layout->addWidget(new QLabel(tr("<b>Mitigations</b>")));
    layout->addWidget(m_mitigations, 1);
    auto* mitButtons = new QHBoxLayout;
    mitButtons->addWidget(addMit);
    mitButtons->addWidget(m_removeMitigation);
    mitButtons->addStretch(1);
    layout->addLayout(mitButtons);

    connect(addObs, &QPushButton::clicked, this, &EvidencePanel::addObservationDialog);
    connect(addMit, &QPushButton::clicked, this, &EvidencePanel::addMitigationDialog);
    connect(m_removeObservation, &QPushButton::clicked, this, [this] {
        report(removeObservationAt(m_observations->indexOfTopLevelItem(m_observations->currentItem())));
    });
    connect(m_removeMitigation, &QPushButton::clicked, this,
            [this] { report(removeMitigationAt(m_mitigations->indexOfTopLevelItem(m_mitigations->currentItem()))); });
    connect(m_observations, &QTreeWidget::currentItemChanged, this,
            [this] { m_removeObservation->setEnabled(m_observations->currentItem()); });
    connect(m_mitigations, &QTreeWidget::currentItemChanged, this,
            [this] { m_removeMitigation->setEnabled(m_mitigations->currentItem()); });
    if (m_service) {
        connect(m_service, &RiskService::evidenceChanged, this, [this](const QString& id) {
            if (id == m_id)
                reload();
        });
        // The Site column names the supplier's sites as they are: a site renamed, removed or put back (undo, import
        // undo) shows at once.
        if (SupplierStore* store = m_service->store()) {
            connect(store, &SupplierStore::suppliersChanged, this,
                    [this](const QStringList& ids, const QStringList& fields) {
                        if (!m_id.isEmpty() && ids.contains(m_id) && fields.contains(QStringLiteral("sites")))
                            reload();
                    });
            connect(store, &SupplierStore::reset, this, &EvidencePanel::reload);
        }
    }
    m_removeObservation->setEnabled(false);
    m_removeMitigation->setEnabled(false);
}

void EvidencePanel::showSupplier(const QString& id)
{
    m_id = id;
    reload();
}

void EvidencePanel::reload()
{
    m_observations->clear();
    m_mitigations->clear();
    m_observationData.clear();
    m_mitigationData.clear();
    if (!m_service || m_id.isEmpty())
        return;
    auto ctx = m_service->context();
    const Methodology* m = ctx ? &(*ctx)->methodology : nullptr;
    RiskRepository repo = m_service->repository();
    if (auto obs = repo.observations(m_id))
        m_observationData = *obs;
    if (auto mit = repo.mitigations(m_id))
        m_mitigationData = *mit;
    QHash<QString, QString> sites; // site id in lower case -> name (ids match in any case, as siteLabel() does)
    if (auto names = repo.siteNames(m_id))
        for (auto it = names->cbegin(); it != names->cend(); ++it)
            sites.insert(it.key().toLower(), it.value());
    for (const RiskObservation& o : std::as_const(m_observationData)) {
        const int i = m ? m->indicatorIndex(o.indicatorId) : -1;
        const SourceTypeDef* src = m ? m->sourceType(o.sourceType) : nullptr;
        // A site removed from the supplier since is still where the observation was made: shown as removed, never
        // as the supplier as a whole. The site's id is never shown: its name, or that it was removed.
        const bool removed = !o.siteId.isEmpty() && !sites.contains(o.siteId.toLower());
        const QString site = o.siteId.isEmpty() ? tr("Whole supplier")
            : removed                           ? removedSiteLabel()
                                                : sites.value(o.siteId.toLower());
        auto* item = new QTreeWidgetItem(m_observations,
                                         {i >= 0 ? m->indicators.at(i).label : o.indicatorId, statusText(o.status),
                                          src ? src->label : o.sourceType, site, dateText(o.date),
                                          QStringLiteral("%1%").arg(qRound(o.confidence * 100)), o.note});
        item->setToolTip(
            0, o.indicatorId + (o.siteId.isEmpty() ? QString() : tr("\nAt %1").arg(siteLabel(o.siteId, sites))));
        if (removed) {
            item->setToolTip(3, tr("This site was removed from the supplier; the observation is still about it."));
            item->setForeground(3, m_observations->palette().brush(QPalette::Disabled, QPalette::Text));
        }
        if (o.status == ObservationStatus::Present)
            item->setForeground(1, QColor(0xc6, 0x28, 0x28));
    }
    for (const RiskMitigation& mi : std::as_const(m_mitigationData)) {
        const MitigationDef* def = m ? m->mitigation(mi.type) : nullptr;
        new QTreeWidgetItem(m_mitigations, {def ? def->label : mi.type, dateText(mi.date), mi.note});
    }
    m_observations->setColumnWidth(0, 220);
    for (int c = 1; c < 6; ++c)
        m_observations->resizeColumnToContents(c);
    m_mitigations->setColumnWidth(0, 260);
    m_removeObservation->setEnabled(false);
    m_removeMitigation->setEnabled(false);
}

Status EvidencePanel::addObservation(const RiskObservation& observation)
{
    return EvidenceCommand::push(m_undoStack, EvidenceCommand::addObservation(m_service, m_id, observation));
}

Status EvidencePanel::addMitigation(const RiskMitigation& mitigation)
{
    return EvidenceCommand::push(m_undoStack, EvidenceCommand::addMitigation(m_service, m_id, mitigation));
}

Status EvidencePanel::removeObservationAt(int row)
{
    if (row < 0 || row >= m_observationData.size())
        return makeError(tr("Select an observation to remove."));
    return EvidenceCommand::push(m_undoStack,
                                 EvidenceCommand::removeObservation(m_service, m_id, m_observationData.at(row)));
}

Status EvidencePanel::removeMitigationAt(int row)
{
    if (row < 0 || row >= m_mitigationData.size())
        return makeError(tr("Select a mitigation to remove."));
    return EvidenceCommand::push(m_undoStack,
                                 EvidenceCommand::removeMitigation(m_service, m_id, m_mitigationData.at(row)));
}

void EvidencePanel::addObservationDialog()
{
    if (!m_service || m_id.isEmpty())
        return;
    ObservationDialog dialog(m_service, m_id, this);
    if (dialog.exec() == QDialog::Accepted)
        report(addObservation(dialog.observation()));
}

void EvidencePanel::addMitigationDialog()
{
    if (!m_service || m_id.isEmpty())
        return;
    MitigationDialog dialog(m_service, this);
    if (dialog.exec() == QDialog::Accepted)
        report(addMitigation(dialog.mitigation()));
}

void EvidencePanel::report(const Status& st)
{
    if (!st)
        m_service->store()->reportError(st.error());
}

} // namespace vigil::ui
