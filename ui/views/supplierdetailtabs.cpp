#include "views/supplierdetailtabs.h"

#include "models/supplierformat.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLayoutItem>
#include <QTreeWidget>

namespace vigil::ui::detail {

QTreeWidget* makeList(const QStringList& headers, const QString& objectName)
{
    auto* list = new QTreeWidget;
    list->setObjectName(objectName);
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->setAlternatingRowColors(true);
    list->setUniformRowHeights(true);
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    list->header()->setStretchLastSection(true);
    list->header()->setSectionResizeMode(QHeaderView::Interactive);
    // Names of one supplier's sites differ at the end ("… Farm A", "… Farm B"): keep both ends in a narrow pane.
    list->setTextElideMode(Qt::ElideMiddle);
    return list;
}

static QLabel* value(const QString& text)
{
    auto* label = new QLabel(text.isEmpty() ? QStringLiteral("—") : text);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

void fillProfile(QFormLayout* form, const Supplier& s)
{
    while (form->rowCount() > 0)
        form->removeRow(0);
    const QString comma = QStringLiteral(", ");
    form->addRow(QObject::tr("Country:"), value(format::country(s.country)));
    form->addRow(QObject::tr("Address:"), value(s.address));
    form->addRow(QObject::tr("Sector:"), value(s.sector));
    form->addRow(QObject::tr("Products:"), value(s.products.join(comma)));
    form->addRow(QObject::tr("Tier:"), value(QString::number(s.tier)));
    form->addRow(QObject::tr("Status:"), value(format::status(s.status)));
    form->addRow(QObject::tr("Workers:"), value(format::workers(s.workersMin, s.workersMax)));
    form->addRow(QObject::tr("Migrant workers:"), value(format::share(s.migrantShare)));
    form->addRow(QObject::tr("Female workers:"), value(format::share(s.femaleShare)));
    form->addRow(QObject::tr("Annual spend:"), value(format::money(s.annualSpend, s.currency)));
    form->addRow(QObject::tr("Tags:"), value(s.tags.join(comma)));
    form->addRow(QObject::tr("Other names:"), value(s.otherNames.join(QStringLiteral("; "))));
    const QLocale loc = format::locale();
    form->addRow(QObject::tr("Added:"), value(loc.toString(s.createdAt.toLocalTime(), QLocale::ShortFormat)));
    form->addRow(QObject::tr("Last changed:"), value(loc.toString(s.updatedAt.toLocalTime(), QLocale::ShortFormat)));
}

void fillSites(QTreeWidget* list, const QList<Site>& sites)
{
    list->clear();
    for (int i = 0; i < sites.size(); ++i) {
        const Site& s = sites.at(i);
        auto* item = new QTreeWidgetItem(list,
                                         {s.name, toString(s.type), format::country(s.country),
                                          s.workers ? format::number(*s.workers) : QString(), s.address});
        item->setData(0, Qt::UserRole, i);
        item->setToolTip(0, s.name);
        item->setToolTip(4, s.address);
        item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
    }
}

void fillIdentifiers(QTreeWidget* list, const QList<Identifier>& identifiers)
{
    list->clear();
    for (int i = 0; i < identifiers.size(); ++i) {
        const Identifier& id = identifiers.at(i);
        auto* item = new QTreeWidgetItem(list, {displayName(id.scheme), id.value});
        item->setData(0, Qt::UserRole, i);
    }
}

void fillRecruiters(QTreeWidget* list, const QList<RecruiterLink>& links)
{
    list->clear();
    for (int i = 0; i < links.size(); ++i) {
        const RecruiterLink& l = links.at(i);
        auto* item
            = new QTreeWidgetItem(list,
                                  {l.recruiterName.isEmpty() ? l.recruiterId : l.recruiterName,
                                   format::corridor(l.originCountry, l.destinationCountry),
                                   l.workersRecruited ? format::number(*l.workersRecruited) : QString(), l.since});
        item->setData(0, Qt::UserRole, i);
        item->setToolTip(0, item->text(0));
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    }
}

QString describe(const ChangeEntry& e)
{
    static const QHash<QString, QString> entities{{QStringLiteral("supplier"), QObject::tr("Supplier")},
                                                  {QStringLiteral("site"), QObject::tr("Site")},
                                                  {QStringLiteral("identifier"), QObject::tr("Identifier")},
                                                  {QStringLiteral("recruiter_link"), QObject::tr("Recruiter")},
                                                  {QStringLiteral("recruiter"), QObject::tr("Recruiter")},
                                                  {QStringLiteral("corrective_action"), QObject::tr("Action")},
                                                  {QStringLiteral("fee_entry"), QObject::tr("Fee entry")},
                                                  {QStringLiteral("training"), QObject::tr("Training")}};
    static const QHash<QString, QString> actions{{QStringLiteral("create"), QObject::tr("added")},
                                                 {QStringLiteral("update"), QObject::tr("changed")},
                                                 {QStringLiteral("delete"), QObject::tr("deleted")}};
    return QStringLiteral("%1 %2").arg(entities.value(e.entity, e.entity), actions.value(e.action, e.action));
}

static QString fieldLabel(const ChangeEntry& e)
{
    if (e.entity != QLatin1String("supplier"))
        return e.field;
    static const QHash<QString, QString> labels{
        {SupplierField::Name, QObject::tr("Name")},
        {SupplierField::OtherNames, QObject::tr("Other names")},
        {SupplierField::Country, QObject::tr("Country")},
        {SupplierField::Address, QObject::tr("Address")},
        {SupplierField::Sector, QObject::tr("Sector")},
        {SupplierField::Products, QObject::tr("Products")},
        {SupplierField::Tier, QObject::tr("Tier")},
        {SupplierField::AnnualSpend, QObject::tr("Annual spend")},
        {SupplierField::Currency, QObject::tr("Currency")},
        {SupplierField::WorkersMin, QObject::tr("Workers (from)")},
        {SupplierField::WorkersMax, QObject::tr("Workers (to)")},
        {SupplierField::MigrantShare, QObject::tr("Migrant share")},
        {SupplierField::FemaleShare, QObject::tr("Female share")},
        {SupplierField::Status, QObject::tr("Status")},
        {SupplierField::Tags, QObject::tr("Tags")},
    };
    return labels.value(e.field, e.field);
}

void fillHistory(QTreeWidget* list, const QList<ChangeEntry>& entries)
{
    list->clear();
    const QLocale loc = format::locale();
    for (const ChangeEntry& e : entries) { // newest first, as the change log returns them
        QString change;
        if (!e.oldValue.isEmpty() && !e.newValue.isEmpty())
            change = QStringLiteral("%1 → %2").arg(e.oldValue, e.newValue);
        else
            change = e.newValue.isEmpty() ? e.oldValue : e.newValue;
        auto* item = new QTreeWidgetItem(list,
                                         {loc.toString(e.at.toLocalTime(), QLocale::ShortFormat), e.who, describe(e),
                                          fieldLabel(e), change.replace(QLatin1Char('\n'), QLatin1Char(' '))});
        item->setToolTip(4, change);
    }
}

} // namespace vigil::ui::detail
