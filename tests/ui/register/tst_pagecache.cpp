#include "models/pagecache.h"

#include <QTest>

using namespace vigil;
using namespace vigil::ui;

class TestPageCache : public QObject
{
    Q_OBJECT

private:
    static QList<SupplierRow> page(int n, const QString& prefix)
    {
        QList<SupplierRow> rows;
        for (int i = 0; i < n; ++i) {
            SupplierRow r;
            r.id = QStringLiteral("%1-%2").arg(prefix).arg(i);
            rows << r;
        }
        return rows;
    }

private slots:
    void rowLookup()
    {
        PageCache cache(4);
        QVERIFY(!cache.row(0));
        cache.insert(1, page(PageCache::PageSize, QStringLiteral("p1")));
        QVERIFY(!cache.row(0));
        QVERIFY(cache.row(PageCache::PageSize));
        QCOMPARE(cache.row(PageCache::PageSize + 5)->id, QStringLiteral("p1-5"));
        QCOMPARE(cache.rowsOf(QStringLiteral("p1-7")), QList<qint64>{PageCache::PageSize + 7});
    }

    void shortLastPage()
    {
        PageCache cache(4);
        cache.insert(0, page(10, QStringLiteral("p0")));
        QVERIFY(cache.row(9));
        QVERIFY(!cache.row(10));
    }

    void evictsLeastRecentlyUsed()
    {
        PageCache cache(3);
        for (int p = 0; p < 3; ++p)
            cache.insert(p, page(2, QStringLiteral("p%1").arg(p)));
        QVERIFY(cache.row(0)); // touch page 0: page 1 is now the least recent
        cache.insert(3, page(2, QStringLiteral("p3")));
        QCOMPARE(cache.pageCount(), 3);
        QVERIFY(cache.contains(0));
        QVERIFY(!cache.contains(1));
        QVERIFY(cache.contains(2));
        QVERIFY(cache.contains(3));
        for (int p = 4; p < 100; ++p)
            cache.insert(p, page(2, QStringLiteral("p%1").arg(p)));
        QCOMPARE(cache.pageCount(), 3);
    }

    void removeRowKeepsEarlierRows()
    {
        PageCache cache(4);
        cache.insert(0, page(PageCache::PageSize, QStringLiteral("a")));
        cache.insert(1, page(PageCache::PageSize, QStringLiteral("b")));
        cache.removeRow(3);
        QCOMPARE(cache.row(2)->id, QStringLiteral("a-2"));
        QCOMPARE(cache.row(3)->id, QStringLiteral("a-4"));
        QVERIFY(!cache.row(PageCache::PageSize - 1)); // shifted in from the next page: unknown until reloaded
        QVERIFY(!cache.contains(1));
    }

    void removeAndClear()
    {
        PageCache cache(3);
        cache.insert(0, page(2, QStringLiteral("a")));
        cache.insert(1, page(2, QStringLiteral("b")));
        cache.remove(0);
        QVERIFY(!cache.contains(0));
        QCOMPARE(cache.pageCount(), 1);
        cache.clear();
        QCOMPARE(cache.pageCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPageCache)
#include "tst_pagecache.moc"
