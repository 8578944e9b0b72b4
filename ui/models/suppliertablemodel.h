#pragma once

#include "models/pagecache.h"
#include "storage/supplierrepository.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QSet>

namespace vigil {
class SupplierStore;
}

namespace vigil::ui {

// The supplier register as a table, over SupplierRepository::count/page: filtering and sorting run in SQL, and the
// model keeps only an LRU cache of pages (PageCache), so a workspace of a million suppliers costs a few pages of
// memory. data() never runs SQL: a row whose page is not loaded shows a placeholder and the page is loaded from the
// event loop right after (or synchronously, by prefetch(), which the view calls for the rows it is about to show).
class SupplierTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Country, Sector, Tier, Workers, MigrantShare, Status, Tags, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, LoadedRole };

    explicit SupplierTableModel(SupplierStore* store, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // The SQL sort for a column; nothing for columns that cannot be sorted (Tags).
    static std::optional<SupplierSort> sortFor(int column);
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    void setFilter(const SupplierFilter& filter);
    const SupplierFilter& filter() const { return m_filter; }
    qint64 matchingCount() const { return m_count; }
    qint64 totalCount() const { return m_total; }

    // Loads the pages holding rows first..last now (the view calls this for the visible rows before painting).
    void prefetch(int first, int last);
    // The id at a row, if its page is loaded.
    QString idAt(int row) const;
    // Loaded rows showing this supplier.
    QList<int> rowsOf(const QString& id) const;
    int loadedPages() const { return m_cache.pageCount(); }

public slots:
    // Recounts and drops the cache (after a change of workspace content the store could not describe narrowly).
    void reload();

signals:
    void countsChanged(qint64 matching, qint64 total);
    void loadFailed(const QString& message);

private slots:
    void onAdded(const QStringList& ids);
    void onChanged(const QStringList& ids, const QStringList& fields);
    void onRemoved(const QStringList& ids);
    void loadPending();

private:
    bool loadPage(int page) const;
    bool movesRows(const QStringList& fields) const;
    void recount();
    QVariant display(const SupplierRow& r, int column) const;

    QPointer<SupplierStore> m_store;
    SupplierFilter m_filter;
    int m_sortColumn = Name;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    qint64 m_count = 0;
    qint64 m_total = 0;
    bool m_totalKnown = false;
    mutable PageCache m_cache;
    mutable QSet<int> m_pending;
    mutable bool m_loadScheduled = false;
};

} // namespace vigil::ui
