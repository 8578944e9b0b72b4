#include "views/supplierdetailtabs.h"

#include "models/supplierformat.h"

#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLayoutItem>
#include <QTreeWidget>

#include <algorithm>

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

namespace {

// The history's columns, sized to what they hold so that Field and Change stay in view in a narrow pane: the date
// fits its text; Who, What and Field fit theirs up to a cap, and share at most three quarters of the width with the
// date when the pane is narrow (elided beyond, whole in the tooltip); Change, the longest, stretches over the rest.
// Kept as the pane is resized.
class HistoryColumns : public QObject
{
public:
    explicit HistoryColumns(QTreeWidget* list)
        : QObject(list)
        , m_list(list)
    {
        setObjectName(QStringLiteral("historyColumns"));
        // A stretched last column never goes below the width it had when it was set to stretch (100 px by default):
        // Change would push a narrow pane into scrolling. It starts narrow instead, and stretches.
        QHeaderView* header = list->header();
        header->setMinimumSectionSize(list->fontMetrics().averageCharWidth() * 6);
        header->setStretchLastSection(false);
        header->resizeSection(header->count() - 1, header->minimumSectionSize());
        header->setStretchLastSection(true);
        list->viewport()->installEventFilter(this);
    }

    // After the rows change: measures the columns again.
    void fit()
    {
        for (int c = 0; c < 4; ++c) {
            m_list->resizeColumnToContents(c);
            m_wanted[c] = m_list->columnWidth(c);
        }
        apply();
    }

    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == QEvent::Resize)
            apply();
        return false;
    }

private:
    void apply()
    {
        const int chars = m_list->fontMetrics().averageCharWidth();
        const int width = m_list->viewport()->width();
        const int budget = width - std::max(width / 4, m_list->header()->minimumSectionSize()) - m_wanted[0];
        // Each of Who, What and Field keeps a few characters; what they want beyond that is shared out in proportion.
        int floors[4] = {}, extras[4] = {};
        int floorSum = 0, extraSum = 0;
        for (int c = 1; c < 4; ++c) {
            const int wanted = std::min(m_wanted[c], chars * 30);
            floorSum += floors[c] = std::min(wanted, chars * 6);
            extraSum += extras[c] = wanted - floors[c];
        }
        const int room = std::max(0, budget - floorSum);
        for (int c = 1; c < 4; ++c)
            m_list->setColumnWidth(c, floors[c] + (extraSum <= room ? extras[c] : extras[c] * room / extraSum));
        m_list->setColumnWidth(0, m_wanted[0]);
    }

    QTreeWidget* m_list;
    int m_wanted[4] = {};
};

} // namespace

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
        for (int c = 1; c < 4; ++c) // may be elided (below)
            item->setToolTip(c, item->text(c));
        item->setToolTip(4, change);
    }
    auto* columns = static_cast<HistoryColumns*>(
        list->findChild<QObject*>(QStringLiteral("historyColumns"), Qt::FindDirectChildrenOnly));
    if (!columns)
        columns = new HistoryColumns(list);
    columns->fit();
}

} // namespace vigil::ui::detail
