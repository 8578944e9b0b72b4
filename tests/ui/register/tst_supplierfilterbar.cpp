#include "registerfixture.h"
#include "services/supplierstore.h"
#include "views/supplierfilterbar.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace vigil;
using namespace vigil::test;
using namespace vigil::ui;

class TestSupplierFilterBar : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SupplierStore> m_store;

    static QStringList items(QComboBox* box)
    {
        QStringList out;
        for (int i = 1; i < box->count(); ++i) // 0 is "All ..."
            out << box->itemData(i).toString();
        return out;
    }

private slots:
    void initTestCase()
    {
        auto db = makeWorkspace(m_dir, multilingualSuppliers());
        QVERIFY(db);
        m_store = std::make_unique<SupplierStore>(std::move(db));
    }
    void cleanupTestCase() { m_store.reset(); }

    void listsHoldTheValuesInUse()
    {
        SupplierFilterBar bar(m_store.get());
        auto* countries = bar.findChild<QComboBox*>(QStringLiteral("countryFilter"));
        QStringList codes = items(countries);
        codes.sort();
        QCOMPARE(codes, (QStringList{"BD", "CN", "ID", "MM", "TH", "VN"}));
        // Shown by name with the code, sorted by name.
        QCOMPARE(countries->itemText(countries->findData(QStringLiteral("MM"))), QStringLiteral("Myanmar (MM)"));
        QCOMPARE(items(bar.findChild<QComboBox*>(QStringLiteral("sectorFilter"))),
                 (QStringList{"Electronics", "Seafood", "Textiles"}));
        QCOMPARE(items(bar.findChild<QComboBox*>(QStringLiteral("tagFilter"))), (QStringList{"garments", "seafood"}));
    }

    void searchIsDebounced()
    {
        SupplierFilterBar bar(m_store.get());
        QSignalSpy changed(&bar, &SupplierFilterBar::filterChanged);
        typeText(bar.searchField(), QStringLiteral("纺织"));
        QCOMPARE(changed.count(), 0); // not on every key
        QTRY_COMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().value<SupplierFilter>().search, QStringLiteral("纺织"));
    }

    void combosEmitAtOnce()
    {
        SupplierFilterBar bar(m_store.get());
        QSignalSpy changed(&bar, &SupplierFilterBar::filterChanged);
        auto* tier = bar.findChild<QComboBox*>(QStringLiteral("tierFilter"));
        tier->setCurrentIndex(tier->findData(2));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(bar.filter().tier, std::optional<int>(2));
        bar.clear();
        QCOMPARE(changed.count(), 2);
        QVERIFY(bar.filter().isEmpty());
    }

    void setFilterShowsAndApplies()
    {
        SupplierFilterBar bar(m_store.get());
        QSignalSpy changed(&bar, &SupplierFilterBar::filterChanged);
        SupplierFilter f;
        f.country = QStringLiteral("TH");
        f.sector = QStringLiteral("Seafood");
        f.tier = 1;
        bar.setFilter(f);
        QCOMPARE(changed.count(), 1);
        QVERIFY(bar.filter() == f);
        QCOMPARE(bar.findChild<QComboBox*>(QStringLiteral("countryFilter"))->currentText(),
                 QStringLiteral("Thailand (TH)"));
        // A value not in use yet (from a chart of another data set) is added rather than lost.
        f.country = QStringLiteral("FR");
        bar.setFilter(f);
        QCOMPARE(bar.filter().country, QStringLiteral("FR"));
    }
};

QTEST_MAIN(TestSupplierFilterBar)
#include "tst_supplierfilterbar.moc"
