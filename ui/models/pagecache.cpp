#include "models/pagecache.h"

namespace vigil::ui {

PageCache::PageCache(int maxPages)
    : m_maxPages(qMax(2, maxPages))
{
}

const SupplierRow* PageCache::row(qint64 row)
{
    return mutableRow(row);
}

SupplierRow* PageCache::mutableRow(qint64 row)
{
    const int page = pageOf(row);
    auto it = m_pages.find(page);
    if (it == m_pages.end())
        return nullptr;
    const qint64 offset = row - qint64(page) * PageSize;
    if (offset >= it->size())
        return nullptr;
    touch(page);
    return &(*it)[int(offset)];
}

void PageCache::insert(int page, QList<SupplierRow> rows)
{
    m_pages.insert(page, std::move(rows));
    touch(page);
    while (m_recent.size() > m_maxPages)
        m_pages.remove(m_recent.takeFirst());
}

void PageCache::remove(int page)
{
    m_pages.remove(page);
    m_recent.removeAll(page);
}

void PageCache::removeRow(qint64 row)
{
    const int page = pageOf(row);
    QList<int> later;
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it)
        if (it.key() > page)
            later << it.key();
    for (int p : later)
        remove(p);
    auto it = m_pages.find(page);
    const qint64 offset = row - qint64(page) * PageSize;
    if (it != m_pages.end() && offset < it->size())
        it->removeAt(int(offset));
}

void PageCache::clear()
{
    m_pages.clear();
    m_recent.clear();
}

QList<qint64> PageCache::rowsOf(const QString& id) const
{
    QList<qint64> out;
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it)
        for (int i = 0; i < it->size(); ++i)
            if (it->at(i).id == id)
                out << qint64(it.key()) * PageSize + i;
    return out;
}

void PageCache::touch(int page)
{
    if (!m_recent.isEmpty() && m_recent.last() == page)
        return;
    m_recent.removeAll(page);
    m_recent.append(page);
}

} // namespace vigil::ui
