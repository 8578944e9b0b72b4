#include "models/suppliertablemodel.h"

#include "models/supplierformat.h"
#include "services/supplierstore.h"

#include <QColor>
#include <QHash>
#include <QIcon>
#include <QPainter>
#include <QPixmap>
#include <QTimer>

namespace vigil::ui {

namespace {

// A small coloured dot per status, drawn once.
QIcon statusIcon(SupplierStatus status)
{
    static QHash<int, QIcon> icons;
    auto it = icons.find(int(status));
    if (it != icons.end())
        return *it;
    QColor color;
    switch (status) {
    case SupplierStatus::Active:
        color = QColor(0x2e, 0x7d, 0x32);
        break;
    case SupplierStatus::Onboarding:
        color = QColor(0x15, 0x65, 0xc0);
        break;
    case SupplierStatus::Suspended:
        color = QColor(0xef, 0x6c, 0x00);
        break;
    case SupplierStatus::Exited:
        color = QColor(0x9e, 0x9e, 0x9e);
        break;
    }
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(4, 4, 8, 8));
    painter.end();
    return *icons.insert(int(status), QIcon(pixmap));
}

} // namespace

SupplierTableModel::SupplierTableModel(SupplierStore* store, QObject* parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(store, &SupplierStore::suppliersAdded, this, &SupplierTableModel::onAdded);
    connect(store, &SupplierStore::suppliersChanged, this, &SupplierTableModel::onChanged);
    connect(store, &SupplierStore::suppliersRemoved, this, &SupplierTableModel::onRemoved);
    connect(store, &SupplierStore::reset, this, &SupplierTableModel::reload);
    recount();
    loadPage(0);
}

int SupplierTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_count);
}

int SupplierTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SupplierTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SupplierRow* r = m_cache.row(index.row());
    if (!r) {
        // Never SQL here: ask for the page and show a placeholder until it arrives.
        m_pending.insert(PageCache::pageOf(index.row()));
        if (!m_loadScheduled) {
            m_loadScheduled = true;
            QTimer::singleShot(0, const_cast<SupplierTableModel*>(this), &SupplierTableModel::loadPending);
        }
        if (role == LoadedRole)
            return false;
        if (role == Qt::DisplayRole && index.column() == Name)
            return tr("Loading…");
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        return display(*r, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Name)
            return r->name;
        if (index.column() == Tags)
            return r->tags;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Tier || index.column() == Workers || index.column() == MigrantShare)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::DecorationRole:
        return index.column() == Status ? statusIcon(r->status) : QVariant();
    case IdRole:
        return r->id;
    case LoadedRole:
        return true;
    default:
        return {};
    }
}

QVariant SupplierTableModel::display(const SupplierRow& r, int column) const
{
    switch (column) {
    case Name:
        return r.name;
    case Country:
        return format::country(r.country);
    case Sector:
        return r.sector;
    case Tier:
        return r.tier;
    case Workers:
        return format::workers(r.workersMin, r.workersMax);
    case MigrantShare:
        return format::share(r.migrantShare);
    case Status:
        return format::status(r.status);
    case Tags:
        return r.tags;
    default:
        return {};
    }
}

QVariant SupplierTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        static const char* const titles[]
            = {QT_TR_NOOP("Name"),    QT_TR_NOOP("Country"),       QT_TR_NOOP("Sector"), QT_TR_NOOP("Tier"),
               QT_TR_NOOP("Workers"), QT_TR_NOOP("Migrant share"), QT_TR_NOOP("Status"), QT_TR_NOOP("Tags")};
        return tr(titles[section]);
    }
    if (role == Qt::ToolTipRole && section == MigrantShare)
        return tr("Share of the workforce who are migrant workers");
    return {};
}

std::optional<SupplierSort> SupplierTableModel::sortFor(int column)
{
    switch (column) {
    case Name:
        return SupplierSort::Name;
    case Country:
        return SupplierSort::Country;
    case Sector:
        return SupplierSort::Sector;
    case Tier:
        return SupplierSort::Tier;
    case Workers:
        return SupplierSort::Workers;
    case MigrantShare:
        return SupplierSort::MigrantShare;
    case Status:
        return SupplierSort::Status;
    default:
        return std::nullopt;
    }
}

void SupplierTableModel::sort(int column, Qt::SortOrder order)
{
    if (!sortFor(column) || (column == m_sortColumn && order == m_sortOrder))
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    // Same rows, new order: a reset, so that views go back to the top of the new order.
    beginResetModel();
    m_cache.clear();
    m_pending.clear();
    loadPage(0);
    endResetModel();
}

void SupplierTableModel::setFilter(const SupplierFilter& filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    beginResetModel();
    m_cache.clear();
    m_pending.clear();
    recount();
    loadPage(0);
    endResetModel();
    emit countsChanged(m_count, m_total);
}

void SupplierTableModel::reload()
{
    m_totalKnown = false;
    beginResetModel();
    m_cache.clear();
    m_pending.clear();
    recount();
    loadPage(0);
    endResetModel();
    emit countsChanged(m_count, m_total);
}

void SupplierTableModel::recount()
{
    if (!m_store) {
        m_count = m_total = 0;
        return;
    }
    auto n = m_store->repository().count(m_filter);
    if (!n)
        emit loadFailed(n.error().message);
    m_count = n ? n.value() : 0;
    if (m_filter.isEmpty()) {
        m_total = m_count;
        m_totalKnown = n.ok();
    } else if (!m_totalKnown) {
        // Counting every supplier scans an index: done once, then kept up to date by the store's signals.
        auto all = m_store->repository().count();
        m_total = all ? all.value() : 0;
        m_totalKnown = all.ok();
    }
}

bool SupplierTableModel::loadPage(int page) const
{
    if (!m_store || qint64(page) * PageCache::PageSize >= m_count)
        return false;
    auto rows = m_store->repository().page(m_filter, *sortFor(m_sortColumn), m_sortOrder,
                                           qint64(page) * PageCache::PageSize, PageCache::PageSize);
    if (!rows) {
        emit const_cast<SupplierTableModel*>(this)->loadFailed(rows.error().message);
        return false;
    }
    m_cache.insert(page, std::move(rows).value());
    return true;
}

void SupplierTableModel::prefetch(int first, int last)
{
    if (m_count == 0)
        return;
    first = qBound(0, first, int(m_count) - 1);
    last = qBound(first, last, int(m_count) - 1);
    for (int page = PageCache::pageOf(first); page <= PageCache::pageOf(last); ++page) {
        const qint64 lastRow = qMin<qint64>(m_count, qint64(page + 1) * PageCache::PageSize) - 1;
        if (!m_cache.row(lastRow) || !m_cache.row(qint64(page) * PageCache::PageSize))
            loadPage(page);
    }
}

void SupplierTableModel::loadPending()
{
    m_loadScheduled = false;
    const QSet<int> pages = std::exchange(m_pending, {});
    for (int page : pages) {
        if (!loadPage(page))
            continue;
        const int first = page * PageCache::PageSize;
        const int last = int(qMin<qint64>(m_count, qint64(first) + PageCache::PageSize) - 1);
        if (last >= first)
            emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
    }
}

QString SupplierTableModel::idAt(int row) const
{
    const SupplierRow* r = m_cache.row(row);
    return r ? r->id : QString();
}

QList<int> SupplierTableModel::rowsOf(const QString& id) const
{
    QList<int> out;
    for (qint64 r : m_cache.rowsOf(id))
        if (r < m_count)
            out << int(r);
    return out;
}

void SupplierTableModel::onAdded(const QStringList& ids)
{
    Q_UNUSED(ids);
    const qint64 before = m_count;
    auto n = m_store->repository().count(m_filter);
    if (n && n.value() == before) {
        // None of them matches the filter: only the total changes.
        m_total += ids.size();
        emit countsChanged(m_count, m_total);
        return;
    }
    reload(); // where a new row lands in the SQL order is not known here
}

bool SupplierTableModel::movesRows(const QStringList& fields) const
{
    // Fields that decide a row's place in the order (the name is always the second key) or in the filter.
    QStringList moving{SupplierField::Name};
    switch (m_sortColumn) {
    case Country:
        moving << SupplierField::Country;
        break;
    case Sector:
        moving << SupplierField::Sector;
        break;
    case Tier:
        moving << SupplierField::Tier;
        break;
    case Workers:
        moving << SupplierField::WorkersMin << SupplierField::WorkersMax;
        break;
    case MigrantShare:
        moving << SupplierField::MigrantShare;
        break;
    case Status:
        moving << SupplierField::Status;
        break;
    default:
        break;
    }
    if (!m_filter.country.isEmpty())
        moving << SupplierField::Country;
    if (!m_filter.sector.isEmpty())
        moving << SupplierField::Sector;
    if (m_filter.tier)
        moving << SupplierField::Tier;
    if (!m_filter.status.isEmpty())
        moving << SupplierField::Status;
    if (!m_filter.tag.isEmpty())
        moving << SupplierField::Tags;
    if (!m_filter.search.isEmpty())
        moving << SupplierField::OtherNames;
    for (const QString& f : fields)
        if (moving.contains(f))
            return true;
    return false;
}

void SupplierTableModel::onChanged(const QStringList& ids, const QStringList& fields)
{
    if (movesRows(fields)) {
        reload();
        return;
    }
    for (const QString& id : ids) {
        const QList<qint64> rows = m_cache.rowsOf(id);
        if (rows.isEmpty())
            continue;
        auto s = m_store->repository().supplier(id);
        if (!s)
            continue;
        for (qint64 row : rows) {
            SupplierRow* r = m_cache.mutableRow(row);
            if (!r)
                continue;
            r->country = s->country;
            r->sector = s->sector;
            r->tier = s->tier;
            r->workersMin = s->workersMin;
            r->workersMax = s->workersMax;
            r->migrantShare = s->migrantShare;
            r->status = s->status;
            r->annualSpend = s->annualSpend;
            r->currency = s->currency;
            r->tags = s->tags.join(QStringLiteral(", "));
            emit dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
        }
    }
}

void SupplierTableModel::onRemoved(const QStringList& ids)
{
    if (ids.size() != 1) {
        reload();
        return;
    }
    const QList<qint64> rows = m_cache.rowsOf(ids.first());
    if (rows.size() != 1) {
        // Not loaded: if it matched the filter, rows shift somewhere unknown.
        const qint64 before = m_count;
        m_totalKnown = false;
        recount();
        if (m_count != before) {
            reload();
            return;
        }
        emit countsChanged(m_count, m_total);
        return;
    }
    const int row = int(rows.first());
    beginRemoveRows({}, row, row);
    m_cache.removeRow(row);
    m_pending.clear();
    --m_count;
    --m_total;
    endRemoveRows();
    loadPage(PageCache::pageOf(row)); // refill the page's last row
    emit countsChanged(m_count, m_total);
}

} // namespace vigil::ui
