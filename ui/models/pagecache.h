#pragma once

#include "storage/supplierrepository.h"

#include <QHash>
#include <QList>

namespace vigil::ui {

// A least-recently-used cache of fixed-size pages of register rows (DB Browser for SQLite's row cache): the model
// keeps at most maxPages pages in memory, whatever the size of the workspace.
class PageCache
{
public:
    static constexpr int PageSize = 256;

    explicit PageCache(int maxPages = 24);

    static int pageOf(qint64 row) { return int(row / PageSize); }
    bool contains(int page) const { return m_pages.contains(page); }
    // The row, or nullptr when its page is not loaded. Marks the page as recently used.
    const SupplierRow* row(qint64 row);
    SupplierRow* mutableRow(qint64 row);
    void insert(int page, QList<SupplierRow> rows);
    void remove(int page);
    // Takes out one row: the rows before it stay, its page loses it, later pages are dropped (their rows shift).
    void removeRow(qint64 row);
    void clear();
    int pageCount() const { return m_pages.size(); }
    // Row numbers (absolute) of the loaded rows with this id.
    QList<qint64> rowsOf(const QString& id) const;

private:
    void touch(int page);

    int m_maxPages;
    QHash<int, QList<SupplierRow>> m_pages;
    QList<int> m_recent; // most recent last
};

} // namespace vigil::ui
