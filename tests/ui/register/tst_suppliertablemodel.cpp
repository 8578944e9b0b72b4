#include "models/suppliertablemodel.h"
#include "registerfixture.h"
#include "services/supplierstore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace vigil;
using namespace vigil::test;
using namespace vigil::ui;

class TestSupplierTableModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SupplierStore> m_store;
    int m_file = 0;

    void openWith(const QList<Supplier>& suppliers)
    {
        auto db = makeWorkspace(m_dir, suppliers, QStringLiteral("w%1.vigil").arg(++m_file));
        QVERIFY(db);
        m_store = std::make_unique<SupplierStore>(std::move(db));
    }

    // 1,000 suppliers "Supplier 0001" ... over four countries and three tiers.
    static QList<Supplier> numbered(int n = 1000)
    {
        static const QStringList countries{QStringLiteral("TH"), QStringLiteral("VN"), QStringLiteral("BD"),
                                           QStringLiteral("MY")};
        QList<Supplier> out;
        for (int i = 1; i <= n; ++i)
            out << makeSupplier(QStringLiteral("Supplier %1").arg(i, 4, 10, QLatin1Char('0')), countries.at(i % 4),
                                QStringLiteral("Textiles"), 1 + i % 3);
        return out;
    }

    static QString name(const QAbstractItemModel& m, int row)
    {
        return m.index(row, SupplierTableModel::Name).data().toString();
    }

private slots:
    void cleanup() { m_store.reset(); }

    void emptyWorkspace()
    {
        openWith({});
        SupplierTableModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(SupplierTableModel::ColumnCount));
        QCOMPARE(model.headerData(SupplierTableModel::MigrantShare, Qt::Horizontal).toString(),
                 QStringLiteral("Migrant share"));
    }

    void columnsShowFormattedValues()
    {
        Supplier s = makeSupplier(QStringLiteral("Công ty May Việt Tiến"), QStringLiteral("VN"),
                                  QStringLiteral("Textiles"), 2, {QStringLiteral("garments"), QStringLiteral("audit")});
        s.workersMin = 1000;
        s.workersMax = 5000;
        s.migrantShare = 0.375;
        s.status = SupplierStatus::Suspended;
        openWith({s});
        SupplierTableModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto cell = [&](int column) { return model.index(0, column).data().toString(); };
        QCOMPARE(cell(SupplierTableModel::Name), s.name);
        QCOMPARE(cell(SupplierTableModel::Country), QStringLiteral("Vietnam (VN)"));
        QCOMPARE(cell(SupplierTableModel::Sector), QStringLiteral("Textiles"));
        QCOMPARE(cell(SupplierTableModel::Tier), QStringLiteral("2"));
        QCOMPARE(cell(SupplierTableModel::Workers), QStringLiteral("1,000–5,000"));
        QCOMPARE(cell(SupplierTableModel::MigrantShare), QStringLiteral("37.5%"));
        QCOMPARE(cell(SupplierTableModel::Status), QStringLiteral("Suspended"));
        QCOMPARE(cell(SupplierTableModel::Tags), QStringLiteral("garments, audit"));
        QVERIFY(!model.index(0, 0).data(SupplierTableModel::IdRole).toString().isEmpty());
    }

    void pagesLoadOutsideData()
    {
        openWith(numbered());
        SupplierTableModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(model.matchingCount(), 1000);
        QCOMPARE(name(model, 0), QStringLiteral("Supplier 0001")); // the first page is there at once
        // A far row is not loaded yet: a placeholder now, the row once the event loop has run.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QCOMPARE(model.index(999, 0).data(SupplierTableModel::LoadedRole).toBool(), false);
        QCOMPARE(name(model, 999), QStringLiteral("Loading…"));
        QTRY_VERIFY(model.index(999, 0).data(SupplierTableModel::LoadedRole).toBool());
        QCOMPARE(name(model, 999), QStringLiteral("Supplier 1000"));
        QVERIFY(changed.count() >= 1);
        const int last = changed.last().at(1).toModelIndex().row();
        QCOMPARE(last, 999);
        // prefetch() loads synchronously.
        QVERIFY(!model.index(600, 0).data(SupplierTableModel::LoadedRole).toBool());
        model.prefetch(600, 620);
        QCOMPARE(name(model, 600), QStringLiteral("Supplier 0601"));
        QVERIFY(model.loadedPages() <= 4);
    }

    void sortsInSql_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::addColumn<QString>("first");
        QTest::addRow("name ascending") << int(SupplierTableModel::Name) << int(Qt::AscendingOrder)
                                        << QStringLiteral("Supplier 0001");
        QTest::addRow("name descending") << int(SupplierTableModel::Name) << int(Qt::DescendingOrder)
                                         << QStringLiteral("Supplier 1000");
        // Tier 3 = i % 3 == 2: the first by name is Supplier 0002.
        QTest::addRow("tier descending") << int(SupplierTableModel::Tier) << int(Qt::DescendingOrder)
                                         << QStringLiteral("Supplier 0998");
        QTest::addRow("tier ascending") << int(SupplierTableModel::Tier) << int(Qt::AscendingOrder)
                                        << QStringLiteral("Supplier 0003");
        QTest::addRow("country ascending: BD first")
            << int(SupplierTableModel::Country) << int(Qt::AscendingOrder) << QStringLiteral("Supplier 0002");
    }

    void sortsInSql()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        QFETCH(QString, first);
        openWith(numbered());
        SupplierTableModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.sort(column, Qt::SortOrder(order));
        QCOMPARE(name(model, 0), first);
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(reset.count(), column == SupplierTableModel::Name && order == Qt::AscendingOrder ? 0 : 1);
    }

    void tagsColumnDoesNotSort()
    {
        openWith(numbered(10));
        SupplierTableModel model(m_store.get());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.sort(SupplierTableModel::Tags, Qt::DescendingOrder);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.sortColumn(), int(SupplierTableModel::Name));
    }

    void filtersByCountryTierAndTag()
    {
        openWith(numbered());
        SupplierTableModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counts(&model, &SupplierTableModel::countsChanged);
        SupplierFilter f;
        f.country = QStringLiteral("TH"); // i % 4 == 0
        model.setFilter(f);
        QCOMPARE(model.rowCount(), 250);
        QCOMPARE(model.totalCount(), 1000);
        QCOMPARE(counts.count(), 1);
        QCOMPARE(counts.last().at(0).toLongLong(), 250);
        QCOMPARE(name(model, 0), QStringLiteral("Supplier 0004"));
        for (int row = 0; row < model.rowCount(); row += 37)
            QVERIFY(model.index(row, SupplierTableModel::Country).data().toString().endsWith(QStringLiteral("(TH)")));
        f.tier = 2; // i % 3 == 1 and i % 4 == 0: i = 4, 16, 28 ...
        model.setFilter(f);
        QCOMPARE(name(model, 0), QStringLiteral("Supplier 0004"));
        QCOMPARE(name(model, 1), QStringLiteral("Supplier 0016"));
        QCOMPARE(model.rowCount(), 84);
        model.setFilter({});
        QCOMPARE(model.rowCount(), 1000);
    }

    void searchesAnyScript_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("Thai") << QStringLiteral("สยามซีฟู้ด") << QStringList{QStringLiteral("บริษัท สยามซีฟู้ด จำกัด")};
        QTest::addRow("Thai, one syllable")
            << QStringLiteral("กุ้") << QStringList{QStringLiteral("โรงงานแปรรูปกุ้ง มหาชัย")};
        QTest::addRow("Chinese") << QStringLiteral("纺织") << QStringList{QStringLiteral("广州纺织有限公司")};
        QTest::addRow("Chinese, common part")
            << QStringLiteral("有限公司")
            << QStringList{QStringLiteral("广州纺织有限公司"), QStringLiteral("深圳电子科技有限公司")};
        QTest::addRow("Vietnamese, other case")
            << QStringLiteral("VIỆT TIẾN") << QStringList{QStringLiteral("Công ty May Việt Tiến")};
        QTest::addRow("Vietnamese, decomposed input")
            << QStringLiteral("Minh Phú").normalized(QString::NormalizationForm_D)
            << QStringList{QStringLiteral("Công ty Thủy sản Minh Phú")};
        QTest::addRow("Burmese") << QStringLiteral("အထည်ချုပ်") << QStringList{QStringLiteral("ရန်ကုန် အထည်ချုပ် စက်ရုံ")};
        QTest::addRow("Bengali") << QStringLiteral("ফ্যাশনস") << QStringList{QStringLiteral("ঢাকা নিট ফ্যাশনস লিমিটেড")};
        QTest::addRow("Latin, lower case")
            << QStringLiteral("acme") << QStringList{QStringLiteral("Acme Garments Ltd")};
        QTest::addRow("no match") << QStringLiteral("Nonexistent") << QStringList{};
    }

    void searchesAnyScript()
    {
        QFETCH(QString, search);
        QFETCH(QStringList, expected);
        openWith(multilingualSuppliers());
        SupplierTableModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SupplierFilter f;
        f.search = search;
        model.setFilter(f);
        QStringList names;
        for (int row = 0; row < model.rowCount(); ++row)
            names << name(model, row);
        names.sort();
        expected.sort();
        QCOMPARE(names, expected);
        QCOMPARE(model.totalCount(), multilingualSuppliers().size());
    }

    void narrowChangeEmitsDataChangedOnly()
    {
        openWith(numbered(20));
        SupplierTableModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString id = model.idAt(5);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        SupplierRecord rec = m_store->record(id).value();
        rec.supplier.sector = QStringLiteral("Seafood");
        QVERIFY(m_store->save(rec));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 5);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), 5);
        QCOMPARE(model.index(5, SupplierTableModel::Sector).data().toString(), QStringLiteral("Seafood"));
    }

    void renameResetsBecauseTheOrderChanges()
    {
        openWith(numbered(20));
        SupplierTableModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SupplierRecord rec = m_store->record(model.idAt(0)).value();
        rec.supplier.name = QStringLiteral("Zzz last");
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(m_store->save(rec));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(name(model, 19), QStringLiteral("Zzz last"));
        QCOMPARE(name(model, 0), QStringLiteral("Supplier 0002"));
    }

    void removeOfLoadedRowRemovesThatRow()
    {
        openWith(numbered(300));
        SupplierTableModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString id = model.idAt(3);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(m_store->removeWithChildren({id}));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().at(1).toInt(), 3);
        QCOMPARE(model.rowCount(), 299);
        QCOMPARE(model.totalCount(), 299);
        QCOMPARE(name(model, 3), QStringLiteral("Supplier 0005"));
        model.prefetch(298, 298);
        QCOMPARE(name(model, 298), QStringLiteral("Supplier 0300"));
    }

    void addOutsideTheFilterOnlyCounts()
    {
        openWith(numbered(40));
        SupplierTableModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SupplierFilter f;
        f.country = QStringLiteral("TH");
        model.setFilter(f);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy counts(&model, &SupplierTableModel::countsChanged);
        SupplierRecord rec;
        rec.supplier = makeSupplier(QStringLiteral("Outside"), QStringLiteral("FR"));
        QVERIFY(m_store->add(rec));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(counts.count(), 1);
        QCOMPARE(model.totalCount(), 41);
        QCOMPARE(model.rowCount(), 10);
        rec.supplier = makeSupplier(QStringLiteral("Inside"), QStringLiteral("TH"));
        QVERIFY(m_store->add(rec));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 11);
        QCOMPARE(name(model, 0), QStringLiteral("Inside"));
    }
};

QTEST_MAIN(TestSupplierTableModel)
#include "tst_suppliertablemodel.moc"
