// RowBuilder::build gives exactly the rows it gave before it was made fast: a varied set of rows (every field, the
// messy forms people write, several scripts, guarded cells, duplicated columns, short rows) is built and compared,
// row by row, with the rows built by the plain implementation, kept in tests/data/rowbuild/built_rows.txt.
// VIGIL_WRITE_GOLDEN=1 writes that file again (only when the change of output is intended).
#include "importer/rowbuilder.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace vigil;

namespace {

using F = ImportField;

struct Column
{
    F field;
    QString header;
    QStringList pool; // values the column takes
};

QList<Column> fullColumns()
{
    const QStringList shares{"35%",   "35 %",          "0.35",       "35", "35,5%", "101",  "1.5",  "-1",   "abc",
                             "",      "40 percent",    "approx 30%", "0",  "1",     "100%", " 12 ", "7,25", "50%%",
                             "1,5,5", "\u00a0 20 %\t", "0,5",        "½",  "٣٥",    "1e2",  ".5"};
    const QStringList workers{"300",
                              "1,200",
                              "1 200",
                              "1\u00a0200",
                              "1.200",
                              "1000-5000",
                              "1,000 – 5,000",
                              "100 to 500",
                              "<1000",
                              "≤1000",
                              ">500",
                              "500+",
                              "approx. 300",
                              "~300",
                              "about 300 workers",
                              "1.5k",
                              "  250 ",
                              "",
                              "lots",
                              "12.5",
                              "5000-1000",
                              "-5",
                              "approximately 1,200 employees",
                              "<= 50",
                              "up to 100",
                              "at least 20",
                              "over 1000",
                              "10-",
                              "-",
                              "500000000",
                              "600000",
                              "1 000 000",
                              "१२३",
                              "１２０",
                              "0",
                              "<0",
                              "<1",
                              "ca. 40",
                              "c. 50 staff",
                              "est. 70",
                              "≈ 90",
                              "+/- 100",
                              "100 bis 200",
                              "100—200",
                              "1000~2000",
                              "2k-3k",
                              "max. 40",
                              "fewer than 10",
                              "min 5",
                              "≥ 7",
                              "=> 8",
                              "=< 9",
                              "more than 12",
                              "below 4",
                              "12 pax.",
                              "3,000,000,000",
                              "0012",
                              "+50",
                              "1'200",
                              "1’200",
                              "1 200 000",
                              "1.200.000",
                              "1,2",
                              "1.5",
                              "0.5k",
                              "2.5K",
                              "k",
                              "++",
                              "1,000.5"};
    return {
        {F::VigilId,
         "Vigil ID",
         {"", "", "", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "3F2504E0-4F89-11D3-9A0C-0305E82C3301",
          " 3f2504e0-4f89-11d3-9a0c-0305e82c3301 ", "not-an-id", "{3f2504e0-4f89-11d3-9a0c-0305e82c3301}"}},
        {F::Name,
         "  Supplier Name ",
         {"Acme Garment Co., Ltd",
          "  Siam  Seafood\u00a0Ltd ",
          "",
          "   ",
          "PT Maju\u200BJaya",
          "บริษัท ไทยการ์เมนท์ จำกัด",
          "Công ty TNHH May Việt",
          "Cong ty Vie\u0302\u0323t",
          "深圳电子有限公司",
          "123 Main Street, Bangkok",
          "Jalan Sudirman 12, Jakarta",
          "'=HYPERLINK(\"x\")",
          "''+1 Foods",
          "-Dash Ltd",
          "Lot 5, Soi 3, Moo 2, Tambon X",
          "The Factory\tName",
          "Ａｃｍｅ　Ｌｔｄ",
          "Müller GmbH",
          "İstanbul Tekstil A.Ş.",
          "ကုမ္ပဏီ လီမိတက်",
          "বাংলা গার্মেন্টস লিমিটেড",
          "Line\nbreak Ltd",
          "\ufeffBOM Ltd",
          "x",
          QString(501, QLatin1Char('n')),
          QString(500, QLatin1Char('m')),
          "Plot 7 Road 4 Building 2 Floor 3",
          "Khu Cong Nghiep Tan Tao 12",
          "5a Long Avenue Ltd",
          "Straße & Söhne",
          "O'Brien \"Quoted\" Co"}},
        {F::OtherNames, "Other names", {"", "", "A | B", "a; b; a", "x|y||x", " ; ", "Tên khác; 別名", "one"}},
        {F::Country,
         "Country",
         {"Thailand",
          "TH",
          "tha",
          "Viet Nam",
          "Vietnam",
          "China (mainland)",
          "Viet Nam [VN]",
          "Türkiye",
          "Turkey",
          "  bangladesh ",
          "Narnia",
          "",
          "The Gambia",
          "Bahamas, The",
          "MM",
          "Burma",
          "中国",
          "côte d'ivoire",
          "USA",
          "United States of America",
          "Korea, Republic of",
          "XX",
          "th",
          "INDIA",
          "Myanmar (Burma)",
          "(TH)",
          "Lao PDR",
          "Türkiye\u00a0",
          "Turkiye",
          "TURKİYE",
          "Hong Kong",
          "Czechia",
          "Viet\u200bNam"}},
        {F::Country, "Country 2", {"", "", "", "", "VN", "Narnia"}},
        {F::Address,
         "Address",
         {"12 Road 3, District 4",
          "99 Sukhumvit Road, Bangkok, Thailand 10110",
          "Lot 1, Ho Chi Minh City, Vietnam",
          "Shenzhen\nGuangdong\r\nChina",
          "Line one\r\rLine two",
          "  a  \n\n  b  ",
          "Dhaka, Bangladesh",
          "Some St, CA",
          "Plot 4, Chennai, India 600001",
          "Jakarta; Indonesia",
          "Yangon/Myanmar",
          "",
          "",
          "Av. Paulista 1000, São Paulo, Brasil",
          "Istanbul, Türkiye",
          "Hanoi, Viet Nam, 100000",
          "Thailand, Bangkok",
          "Phnom Penh, Cambodia / Kingdom of Cambodia",
          "Karachi,Pakistan,",
          ",,,",
          "12 Tran Phu, Phuong 5, Quan 1, TP HCM, Việt Nam",
          "ถนนสุขุมวิท กรุงเทพฯ ประเทศไทย",
          "Mexico City - 01000",
          "Guangzhou, China 510000; PRC",
          "Colombo\tSri Lanka"}},
        {F::Sector, "Sector", {"Apparel", "  Sea\u00a0food ", "", "Electronics\u2003Assembly", "Agri\nculture"}},
        {F::Products, "Products", {"a | b", "a; b; a", "shirts|trousers||shirts", " ; ", "goods 12", "Tôm; Cá", ""}},
        {F::Products, "More products", {"", "", "", "a", "extra|a"}},
        {F::Tier,
         "Tier",
         {"1", "Tier 2", "T3", "tier-1", "0", "10", "two", "", " 2 ", "Tier_4", "t 5", "TIER9", "1.0"}},
        {F::AnnualSpend,
         "Annual spend",
         {"1,200,000.50", "1.200.000,50", "$1,200",      "USD 1200",  "1 200 €",  "12k",          "abc",        "",
          "€1.5",         "-5",           "1e5",         "THB 5,000", "5000 VND", "RM 300",       "₹ 1,00,000", "0.5",
          "1,5",          "1.234",        "1,234",       "'1000",     "US$ 99",   "Rp 1.000.000", "¥ 300",      "300 ¥",
          "฿ 12",         "৳1,000",       "₫ 5.000.000", "£ 7",       "1.2.3",    "1,2,3.4",      "+12",        ",5",
          "  2 500,75 ",  "1 000 000",    "99 abc",      "eur 10",    "10 usd",   "inf",          "nan"}},
        {F::Currency,
         "Currency",
         {"usd", "US$", "$", "€", "EUR", "Euro", "dollars", "", "", "RMB", "Baht", "xx1", "thb", " gbp ", "Rp", "₫"}},
        {F::Workers, "Number of workers", workers},
        {F::WorkersMin, "Workers (min)", {"", "", "", "100", "200", "100-200", "<50", "abc", "5", "600001"}},
        {F::WorkersMax, "", {"", "", "", "100", "200", "100-200", ">50", "abc", "50", "700000"}},
        {F::MigrantShare, "% migrant", shares},
        {F::FemaleShare, "Female share", shares},
        {F::Status,
         "Status",
         {"Active", "approved", " ON HOLD ", "on-hold", "exited", "Inactive", "delisted", "weird", "", "",
          "On boarding", "onboarding", "ÁCTIVE", "the active"}},
        {F::Closed, "is_closed", {"TRUE", "false", "yes", "n", "1", "0", "x", "maybe", "", "", "", "Y", "No."}},
        {F::Tags, "Tags", {"a|b", "x;y", "", "", "high risk; audit", "Ünïcode | tag"}},
        {F::Ignore, "Notes", {"ignored", "", "=1+1", "anything; at all"}},
        {F::VendorId, "Vendor ID", {"V1", "V1; V2", "V1|V1", "", " V 3 ", "'=V4"}},
        {F::Lei, "LEI", {"", "", "5493001KJTIIGC8Y1R12", "a;b"}},
        {F::Duns, "DUNS", {"", "", "123456789"}},
        {F::OsId, "os_id", {"", "", "CN2019123ABC"}},
        {F::TaxId, "Tax ID", {"", "", "0105536000001", "0105536000001 | 0105536000001"}},
        {F::SiteType,
         "facility_type",
         {"", "", "", "Factory", "farm", "Processing Plant", "Dormitory", "Fishing vessel", "Final Product Assembly",
          "warehouse / distribution", "unknown type", "raw_material_processing_or_production", "processing_plant",
          "Port", "Mine", "Head office", "Manufacturing"}},
    };
}

// Whitespace, invisible and look-alike characters people's files carry.
QString mutate(QString v, QRandomGenerator& g)
{
    switch (g.bounded(12)) {
    case 0:
        return QStringLiteral("  ") + v + QStringLiteral(" ");
    case 1:
        return QChar(0x00a0) + v + QChar(0x202f);
    case 2:
        return v.toUpper();
    case 3:
        return v.toLower();
    case 4:
        return v.isEmpty() ? v : v.insert(int(g.bounded(int(v.size()))), QChar(0x200b));
    case 5:
        return QStringLiteral("\t") + v + QStringLiteral("\r\n");
    case 6:
        return v + QChar(0xfeff);
    case 7:
        return v.normalized(QString::NormalizationForm_D);
    default:
        return v;
    }
}

struct Table
{
    QList<Column> columns;
    QList<QStringList> rows;
};

Table fullTable()
{
    Table t;
    t.columns = fullColumns();
    const int n = int(t.columns.size());
    // Every value of every column at least once, in step.
    int longest = 0;
    for (const Column& c : t.columns)
        longest = std::max(longest, int(c.pool.size()));
    for (int i = 0; i < longest; ++i) {
        QStringList row;
        for (const Column& c : t.columns)
            row << c.pool.at((i * 7 + 3) % c.pool.size());
        if (i % 11 == 0)
            row[i % n] = QString();
        t.rows << row;
    }
    for (int i = 0; i < longest; ++i) {
        QStringList row;
        for (const Column& c : t.columns)
            row << c.pool.at(i % c.pool.size());
        t.rows << row;
    }
    // Random mixes, some mutated, some rows cut short, some all empty.
    QRandomGenerator g(20261128);
    for (int i = 0; i < 700; ++i) {
        QStringList row;
        for (const Column& c : t.columns) {
            QString v = c.pool.at(int(g.bounded(int(c.pool.size()))));
            if (g.bounded(4) == 0)
                v = mutate(v, g);
            row << v;
        }
        if (g.bounded(10) == 0)
            row = row.mid(0, int(g.bounded(n)));
        if (g.bounded(40) == 0)
            row = QStringList(n, g.bounded(2) ? QString() : QStringLiteral("  "));
        t.rows << row;
    }
    return t;
}

// bench_import's layout, mapped from its header as the import maps it.
Table benchTable()
{
    Table t;
    const QStringList header{"Supplier Name", "Country",           "Address",           "Sector",
                             "Products",      "Number of Workers", "% Migrant Workers", "Vendor ID",
                             "Tier",          "Annual Spend",      "Currency"};
    for (const QString& h : header)
        t.columns << Column{HeaderMatcher::fieldFor(h), h, {}};
    t.rows << QStringList{"Kalomi Sanvel Garment Co., Ltd",
                          "Thailand",
                          "12 Road 3, District 4",
                          "Apparel",
                          "goods 3",
                          "1,200",
                          "35%",
                          "V0000001",
                          "2",
                          "123456",
                          "USD"}
           << QStringList{"PT Rida Phu Seafood",
                          "Viet Nam",
                          "1 Road 90, District 30",
                          "Seafood",
                          "goods 0",
                          "approx. 300",
                          "0%",
                          "V0000002",
                          "3",
                          "1000",
                          "THB"}
           << QStringList{"Tanmin Gober Electronics",
                          "Türkiye",
                          "999 Road 1, District 1",
                          "Mining",
                          "goods 49",
                          "4999-5499",
                          "99%",
                          "V0000003",
                          "1",
                          "1000999",
                          "VND"}
           << QStringList{"Sumur Sia Foods Sdn Bhd",
                          "Sri Lanka",
                          "5 Road 5, District 5",
                          "Agriculture",
                          "goods 7",
                          "20",
                          "7%",
                          "V0000004",
                          "1",
                          "5000",
                          "EUR"};
    return t;
}

ColumnMapping mappingOf(const Table& t)
{
    QVector<ImportField> fields;
    for (const Column& c : t.columns)
        fields << c.field;
    return ColumnMapping(fields);
}

QStringList headerOf(const Table& t)
{
    QStringList h;
    for (const Column& c : t.columns)
        h << c.header;
    return h;
}

// "table/row" -> describe() of the row as built now; the row numbers start at 2 (row 1 is the header).
QList<QPair<QString, QString>> buildAll()
{
    QList<QPair<QString, QString>> out;
    const QList<QPair<QString, Table>> tables{{QStringLiteral("full"), fullTable()},
                                              {QStringLiteral("bench"), benchTable()}};
    for (const auto& [name, table] : tables) {
        const RowBuilder builder(mappingOf(table), headerOf(table), name + QStringLiteral(".csv"));
        for (int i = 0; i < table.rows.size(); ++i) {
            const qint64 row = i + 2;
            out << qMakePair(QStringLiteral("%1/%2").arg(name).arg(row),
                             describe(builder.build(table.rows.at(i), row)));
        }
    }
    return out;
}

QString goldenPath()
{
    return test::dataPath(QStringLiteral("rowbuild/built_rows.json"));
}

} // namespace

class TestRowBuilder : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sameRowsAsBefore_data();
    void sameRowsAsBefore();
    void describeShowsEveryPart();

private:
    QHash<QString, QString> m_expected;
};

void TestRowBuilder::initTestCase()
{
    if (qEnvironmentVariableIntValue("VIGIL_WRITE_GOLDEN") == 1) {
        QJsonObject o;
        for (const auto& [key, text] : buildAll())
            o.insert(key, text);
        QFile f(goldenPath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(o).toJson(QJsonDocument::Indented));
    }
    QFile f(goldenPath());
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(goldenPath()));
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    for (auto it = o.begin(); it != o.end(); ++it)
        m_expected.insert(it.key(), it.value().toString());
    QVERIFY(m_expected.size() > 800);
}

void TestRowBuilder::sameRowsAsBefore_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("built");
    const auto rows = buildAll();
    QCOMPARE(rows.size(), m_expected.size());
    for (const auto& [key, text] : rows)
        QTest::addRow("%s", qPrintable(key)) << key << text;
}

void TestRowBuilder::sameRowsAsBefore()
{
    QFETCH(QString, key);
    QFETCH(QString, built);
    QVERIFY2(m_expected.contains(key), qPrintable(key));
    QCOMPARE(built, m_expected.value(key));
}

// describe() is what the comparison rests on: every part of a row must change it.
void TestRowBuilder::describeShowsEveryPart()
{
    BuiltRow a;
    const QString base = describe(a);
    auto differs = [&](auto change) {
        BuiltRow b;
        change(b);
        return describe(b) != base;
    };
    QVERIFY(differs([](BuiltRow& b) { b.isEmpty = true; }));
    QVERIFY(differs([](BuiltRow& b) { b.vigilId = QStringLiteral("x"); }));
    QVERIFY(differs([](BuiltRow& b) { b.present.insert(ImportField::Tier); }));
    QVERIFY(differs([](BuiltRow& b) { b.record.supplier.name = QStringLiteral("x"); }));
    QVERIFY(differs([](BuiltRow& b) { b.record.supplier.otherNames << QString(); }));
    QVERIFY(differs([](BuiltRow& b) { b.record.supplier.country = QStringLiteral("x"); }));
    QVERIFY(differs([](BuiltRow& b) { b.record.supplier.address = QStringLiteral("x"); }));
    QVERIFY(differs([](BuiltRow& b) { b.record.supplier.sector = QStringLiteral("x"); }));
    QVERIFY(differs([](BuiltRow& b) { b.record.supplier.products << QStringLiteral("x"); }));
    QVERIFY(differs([](BuiltRow& b) { b.record.supplier.tier = 2; }));
    QVERIFY(differs([](BuiltRow& b) { b.record.supplier.annualSpend = 0.1 + 0.2; }));
    QVERIFY(differs([](BuiltRow& b) { b.record.supplier.currency = QStringLiteral("x"); }));
    QVERIFY(differs([](BuiltRow& b) { b.record.supplier.workersMin = 1; }));
    QVERIFY(differs([](BuiltRow& b) { b.record.supplier.workersMax = 1; }));
    QVERIFY(differs([](BuiltRow& b) { b.record.supplier.migrantShare = 0.35; }));
    QVERIFY(differs([](BuiltRow& b) { b.record.supplier.femaleShare = 0.35; }));
    QVERIFY(differs([](BuiltRow& b) { b.record.supplier.status = SupplierStatus::Exited; }));
    QVERIFY(differs([](BuiltRow& b) { b.record.supplier.tags << QStringLiteral("x"); }));
    QVERIFY(differs([](BuiltRow& b) { b.record.sites << Site(); }));
    QVERIFY(differs([](BuiltRow& b) { b.record.identifiers << Identifier(); }));
    QVERIFY(differs([](BuiltRow& b) { b.notes << QString(); }));
    Error e;
    e.column = 3;
    QVERIFY(differs([&](BuiltRow& b) { b.errors << e; }));
    QVERIFY(differs([&](BuiltRow& b) { b.warnings << e; }));
    // An error and a warning with the same text are told apart, and so are the file, row, column and field.
    BuiltRow x, y;
    x.errors << e;
    y.warnings << e;
    QVERIFY(describe(x) != describe(y));
    for (auto change : {+[](Error& e) { e.file = QStringLiteral("f"); }, +[](Error& e) { e.row = 9; },
                        +[](Error& e) { e.column = 9; }, +[](Error& e) { e.field = QStringLiteral("f"); },
                        +[](Error& e) { e.message = QStringLiteral("m"); }}) {
        BuiltRow z;
        Error changed = e;
        change(changed);
        z.errors << changed;
        QVERIFY(describe(z) != describe(x));
    }
    // Doubles keep every digit.
    BuiltRow p, q;
    p.record.supplier.annualSpend = 0.1 + 0.2;
    q.record.supplier.annualSpend = 0.3;
    QVERIFY(describe(p) != describe(q));
}

QTEST_GUILESS_MAIN(TestRowBuilder)
#include "tst_rowbuilder.moc"
