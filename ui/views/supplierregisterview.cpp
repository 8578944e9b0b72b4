#include "views/supplierregisterview.h"

#include "models/supplierformat.h"
#include "models/suppliertablemodel.h"
#include "services/supplierstore.h"
#include "views/supplierfilterbar.h"
#include "widgets/textstyle.h"

#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {

// Loads the pages of the rows it is about to paint before painting them, so that rows never flash "Loading…"
// while scrolling; the model itself never runs SQL in data().
class RegisterTable : public QTableView
{
public:
    using QTableView::QTableView;

protected:
    void paintEvent(QPaintEvent* event) override
    {
        if (auto* m = qobject_cast<SupplierTableModel*>(model()); m && m->rowCount() > 0) {
            const int first = qMax(0, rowAt(0));
            int last = rowAt(viewport()->height() - 1);
            if (last < 0)
                last = m->rowCount() - 1;
            m->prefetch(first, last);
        }
        QTableView::paintEvent(event);
    }
};

} // namespace

SupplierRegisterView::SupplierRegisterView(SupplierStore* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_model(new SupplierTableModel(store, this))
{
    m_filterBar = new SupplierFilterBar(store);
    m_table = new RegisterTable;
    m_table->setObjectName(QStringLiteral("supplierTable"));
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(SupplierTableModel::Name, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    QHeaderView* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const int widths[] = {240, 140, 140, 40, 96, 100, 96, 140};
    for (int c = 0; c < SupplierTableModel::ColumnCount; ++c)
        header->resizeSection(c, widths[c]);
    // However narrow the window, the table keeps room for a long supplier name (about 45 characters) beside the
    // details pane; the filters above wrap to fit it.
    m_table->setMinimumWidth(45 * m_table->fontMetrics().averageCharWidth()
                             + m_table->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_table)
                             + 2 * m_table->frameWidth());
    // Tags cannot be sorted in SQL: a click there keeps the current order.
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder) {
        if (!SupplierTableModel::sortFor(column)) {
            const QSignalBlocker block(m_table->horizontalHeader());
            m_table->horizontalHeader()->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
        }
    });

    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("countLabel"));
    m_count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_count);

    connect(m_filterBar, &SupplierFilterBar::filterChanged, this, [this](const SupplierFilter& f) {
        // Most filters answer in milliseconds; a broad one on a huge workspace can take a moment.
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
        m_model->setFilter(f);
        QGuiApplication::restoreOverrideCursor();
    });
    connect(m_model, &SupplierTableModel::countsChanged, this, &SupplierRegisterView::updateCount);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SupplierRegisterView::onCurrentChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        // Keep the supplier the user was looking at selected, if it is still in the loaded rows.
        if (!m_currentId.isEmpty() && !selectSupplier(m_currentId))
            onCurrentChanged();
    });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        const QString id = index.data(SupplierTableModel::IdRole).toString();
        if (!id.isEmpty())
            emit supplierActivated(id);
    });
    // New countries, sectors or tags appear in the filter lists after edits.
    auto refreshLists = [this](const QStringList& fields) {
        if (fields.contains(SupplierField::Country) || fields.contains(SupplierField::Sector)
            || fields.contains(SupplierField::Tags))
            m_filterBar->refreshLists();
    };
    connect(store, &SupplierStore::suppliersAdded, this, [refreshLists] {
        refreshLists({SupplierField::Country, SupplierField::Sector, SupplierField::Tags});
    });
    connect(store, &SupplierStore::suppliersChanged, this,
            [refreshLists](const QStringList&, const QStringList& fields) { refreshLists(fields); });
    connect(store, &SupplierStore::reset, m_filterBar, &SupplierFilterBar::refreshLists);
    updateCount();
}

QString SupplierRegisterView::countText() const
{
    return m_count->text();
}

void SupplierRegisterView::updateCount()
{
    const qint64 shown = m_model->matchingCount();
    const qint64 total = m_model->totalCount();
    if (m_model->filter().isEmpty())
        m_count->setText(total == 1 ? tr("1 supplier") : tr("%1 suppliers").arg(format::number(total)));
    else if (total == 1)
        m_count->setText(tr("%1 of 1 supplier").arg(format::number(shown)));
    else
        m_count->setText(tr("%1 of %2 suppliers").arg(format::number(shown), format::number(total)));
    // What an empty table means, and what to do.
    if (total == 0)
        setEmptyHint(m_table,
                     tr("No supplier yet. Add one with Edit → New Supplier (Ctrl+N), or import a list "
                        "with File → Import Suppliers (Ctrl+I)."));
    else
        setEmptyHint(
            m_table,
            tr("No supplier matches the search and filters. Clear filters shows all %1.").arg(format::number(total)));
}

QString SupplierRegisterView::currentId() const
{
    return m_currentId;
}

QStringList SupplierRegisterView::selectedIds() const
{
    QStringList ids;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows()) {
        const QString id = index.data(SupplierTableModel::IdRole).toString();
        if (!id.isEmpty())
            ids << id;
    }
    return ids;
}

bool SupplierRegisterView::selectSupplier(const QString& id)
{
    const QList<int> rows = m_model->rowsOf(id);
    if (rows.isEmpty())
        return false;
    const QModelIndex index = m_model->index(rows.first(), 0);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void SupplierRegisterView::onCurrentChanged()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const QString id = current.isValid() ? current.data(SupplierTableModel::IdRole).toString() : QString();
    if (id == m_currentId)
        return;
    m_currentId = id;
    emit currentSupplierChanged(id);
}

} // namespace vigil::ui
