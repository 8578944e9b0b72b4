#include "importer/columnmapping.h"

#include <QTest>

using namespace vigil;

class TestColumnMapping : public QObject
{
    Q_OBJECT
private slots:
    void synonyms_data();
    void synonyms();
    void openSupplyHubUpload();
    void openSupplyHubDownload();
    void duplicateFieldKeepsFirst();
    void signature_data();
    void signature();
    void jsonRoundTrip();
};

void TestColumnMapping::synonyms_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("field");
    QTest::addRow("Supplier Name") << "Supplier Name"
                                   << "name";
    QTest::addRow("Vendor") << "Vendor"
                            << "name";
    QTest::addRow("Factory Name") << "Factory Name"
                                  << "name";
    QTest::addRow("Facility") << "Facility"
                              << "name";
    QTest::addRow("upper case and spaces") << "  SUPPLIER   NAME "
                                           << "name";
    QTest::addRow("Country/Region") << "Country/Region"
                                    << "country";
    QTest::addRow("Supplier Country (filler word)") << "Supplier Country"
                                                    << "country";
    QTest::addRow("No. of workers") << "No. of workers"
                                    << "workers";
    QTest::addRow("Number of Workers") << "Number of Workers"
                                       << "workers";
    QTest::addRow("number_of_workers") << "number_of_workers"
                                       << "workers";
    QTest::addRow("percent-sign Migrant Workers") << "% Migrant Workers"
                                                  << "migrant_share";
    QTest::addRow("Migrant share (percent sign)") << "Migrant share (%)"
                                                  << "migrant_share";
    QTest::addRow("percent-sign Female") << "% Female"
                                         << "female_share";
    QTest::addRow("Vendor ID") << "Vendor ID"
                               << "vendor_id";
    QTest::addRow("Vendor-No.") << "Vendor-No."
                                << "vendor_id";
    QTest::addRow("D-U-N-S") << "D-U-N-S"
                             << "duns";
    QTest::addRow("LEI code") << "LEI code"
                              << "lei";
    QTest::addRow("OS ID") << "OS ID"
                           << "os_id";
    QTest::addRow("VAT number") << "VAT number"
                                << "tax_id";
    QTest::addRow("Annual Spend") << "Annual Spend"
                                  << "annual_spend";
    QTest::addRow("Tier") << "Supplier Tier"
                          << "tier";
    QTest::addRow("Product Type") << "Product Type"
                                  << "products";
    QTest::addRow("Aliases") << "Aliases"
                             << "other_names";
    QTest::addRow("Workers (min)") << "Workers (min)"
                                   << "workers_min";
    QTest::addRow("vigil export id") << "vigil_id"
                                     << "vigil_id";
    QTest::addRow("unknown column is ignored") << "Favourite colour"
                                               << "";
    QTest::addRow("empty header is ignored") << ""
                                             << "";
}

void TestColumnMapping::synonyms()
{
    QFETCH(QString, header);
    QFETCH(QString, field);
    QCOMPARE(fieldKey(HeaderMatcher::fieldFor(header)), field);
}

void TestColumnMapping::openSupplyHubUpload()
{
    const QStringList header{
        "name",          "address",         "country", "sector", "product_type", "number_of_workers",
        "facility_type", "processing_type", "lat",     "lng"};
    QCOMPARE(HeaderMatcher::knownFormat(header), QStringLiteral("open-supply-hub-upload"));
    const ColumnMapping m = HeaderMatcher::map(header);
    QCOMPARE(m.field(0), ImportField::Name);
    QCOMPARE(m.field(1), ImportField::Address);
    QCOMPARE(m.field(2), ImportField::Country);
    QCOMPARE(m.field(3), ImportField::Sector);
    QCOMPARE(m.field(4), ImportField::Products);
    QCOMPARE(m.field(5), ImportField::Workers);
    QCOMPARE(m.field(6), ImportField::SiteType);
    QCOMPARE(m.field(8), ImportField::Ignore);
}

void TestColumnMapping::openSupplyHubDownload()
{
    const QStringList header{"os_id",
                             "contribution_date",
                             "name",
                             "address",
                             "country_code",
                             "country_name",
                             "lat",
                             "lng",
                             "sector",
                             "contributor",
                             "number_of_workers",
                             "parent_company",
                             "processing_type_facility_type_raw",
                             "facility_type",
                             "processing_type",
                             "product_type",
                             "is_closed"};
    QCOMPARE(HeaderMatcher::knownFormat(header), QStringLiteral("open-supply-hub-download"));
    const ColumnMapping m = HeaderMatcher::map(header);
    QCOMPARE(m.field(0), ImportField::OsId);
    QCOMPARE(m.field(2), ImportField::Name);
    QCOMPARE(m.field(4), ImportField::Country);
    QCOMPARE(m.field(5), ImportField::Country); // both country columns: the first non-empty wins
    QCOMPARE(m.field(10), ImportField::Workers);
    QCOMPARE(m.field(13), ImportField::SiteType);
    QCOMPARE(m.field(15), ImportField::Products);
    QCOMPARE(m.field(16), ImportField::Closed);
    QCOMPARE(m.field(1), ImportField::Ignore);
}

void TestColumnMapping::duplicateFieldKeepsFirst()
{
    const ColumnMapping m = HeaderMatcher::map({"Supplier Name", "Vendor", "Tags", "Labels"});
    QCOMPARE(m.field(0), ImportField::Name);
    QCOMPARE(m.field(1), ImportField::Ignore);
    QCOMPARE(m.field(2), ImportField::Tags); // list fields collect every column
    QCOMPARE(m.field(3), ImportField::Tags);
}

void TestColumnMapping::signature_data()
{
    QTest::addColumn<QStringList>("a");
    QTest::addColumn<QStringList>("b");
    QTest::addColumn<bool>("same");
    QTest::addRow("case and spacing do not matter")
        << QStringList{"Supplier Name", "Country"} << QStringList{"supplier  name ", "COUNTRY"} << true;
    QTest::addRow("trailing empty cells do not matter")
        << QStringList{"Name", "Country"} << QStringList{"Name", "Country", "", ""} << true;
    QTest::addRow("order matters") << QStringList{"Name", "Country"} << QStringList{"Country", "Name"} << false;
    QTest::addRow("another column matters")
        << QStringList{"Name", "Country"} << QStringList{"Name", "Country", "Tier"} << false;
}

void TestColumnMapping::signature()
{
    QFETCH(QStringList, a);
    QFETCH(QStringList, b);
    QFETCH(bool, same);
    QCOMPARE(HeaderMatcher::signature(a) == HeaderMatcher::signature(b), same);
}

void TestColumnMapping::jsonRoundTrip()
{
    ColumnMapping m({ImportField::Name, ImportField::Ignore, ImportField::Country, ImportField::MigrantShare});
    QCOMPARE(ColumnMapping::fromJson(m.toJson()), m);
}

QTEST_GUILESS_MAIN(TestColumnMapping)
#include "tst_columnmapping.moc"
