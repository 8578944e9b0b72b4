#include "../importer/importtestutil.h"
#include "exporter/supplierexporter.h"
#include "importer/importer.h"
#include "storage/supplierrepository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>

using namespace vigil;
using namespace vigil::test;

class TestSupplierExporter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void csvIsExcelFriendly();
    void jsonHasEverything();
    void failedExportLeavesNoFile();

private:
    QList<SupplierRecord> samples() const;
    QTemporaryDir m_dir;
    QString m_source;
};

QList<SupplierRecord> TestSupplierExporter::samples() const
{
    QList<SupplierRecord> out;
    auto add = [&](const QString& name, const QString& country, const std::function<void(SupplierRecord&)>& more) {
        SupplierRecord r;
        r.supplier.name = name;
        r.supplier.country = country;
        if (more)
            more(r);
        out << r;
    };
    add(QStringLiteral("บริษัท สยามการ์เมนท์ จำกัด"), "TH", [](SupplierRecord& r) {
        r.supplier.otherNames = QStringList{"=HYPERLINK(\"http://evil\")", "Siam Garment Co., Ltd"};
        r.supplier.address = QStringLiteral("99 หมู่ 4\nกรุงเทพมหานคร 10110");
        r.supplier.sector = QStringLiteral("Apparel");
        r.supplier.products = QStringList{"shirts", "trousers; shorts"};
        r.supplier.tier = 2;
        r.supplier.annualSpend = 1234567.89;
        r.supplier.currency = QStringLiteral("THB");
        r.supplier.workersMin = 1000;
        r.supplier.workersMax = 5000;
        r.supplier.migrantShare = 0.35;
        r.supplier.femaleShare = 0.6;
        r.supplier.tags = QStringList{"high-risk", "+audit"};
        r.identifiers << Identifier{IdentifierScheme::VendorId, "V-001"}
                      << Identifier{IdentifierScheme::OsId, "TH2024123ABC"}
                      << Identifier{IdentifierScheme::Duns, "123456789"};
    });
    add(QStringLiteral("Công ty TNHH May Việt Tiến"), "VN", [](SupplierRecord& r) {
        r.supplier.sector = QStringLiteral("-leading minus");
        r.supplier.status = SupplierStatus::Suspended;
        r.supplier.workersMax = 999;
        r.identifiers << Identifier{IdentifierScheme::TaxId, "0301234567"}
                      << Identifier{IdentifierScheme::Lei, "5493001KJTIIGC8Y1R12"};
    });
    add(QStringLiteral("深圳华强电子有限公司"), "CN", [](SupplierRecord& r) {
        r.supplier.migrantShare = 1.0;
        r.supplier.products = QStringList{"電子部品"};
        r.identifiers << Identifier{IdentifierScheme::VendorId, "V-3"}
                      << Identifier{IdentifierScheme::VendorId, "V-3b"};
    });
    add(QStringLiteral("ရွှေမြန်မာ ကုမ္ပဏီ လီမိတက်"), "MM", [](SupplierRecord& r) {
        r.supplier.address = QStringLiteral("@ Yangon");
        r.supplier.workersMin = 501;
    });
    add(QStringLiteral("ঢাকা গার্মেন্টস লিমিটেড"), "BD", [](SupplierRecord& r) {
        r.supplier.otherNames = QStringList{"'=already quoted"};
        r.supplier.status = SupplierStatus::Exited;
        r.supplier.annualSpend = 0;
        r.supplier.currency = QStringLiteral("USD");
        r.supplier.migrantShare = 0;
    });
    add(QStringLiteral("=cmd|' /C calc'!A0"), "GB", {});
    add(QStringLiteral("Ordinary \"Quoted\" Supplier, Inc."), "US", [](SupplierRecord& r) {
        r.supplier.tier = 9;
        r.supplier.currency = QStringLiteral("EUR");
    });
    return out;
}

void TestSupplierExporter::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_source = m_dir.filePath(QStringLiteral("source.vigil"));
    auto db = openWorkspace(m_source);
    QVERIFY(db);
    SupplierRepository repo(*db);
    for (const SupplierRecord& r : samples())
        QVERIFY2(repo.add(r), qPrintable(r.supplier.name));
}

void TestSupplierExporter::roundTrip_data()
{
    QTest::addColumn<QString>("format");
    QTest::addRow("csv") << "csv";
    QTest::addRow("xlsx") << "xlsx";
}

static QList<SupplierRecord> allRecords(Database& db)
{
    SupplierRepository repo(db);
    QList<SupplierRecord> out;
    const QStringList ids = repo.ids({}).value();
    for (const QString& id : ids) {
        SupplierRecord r = repo.record(id).value();
        std::sort(r.identifiers.begin(), r.identifiers.end(), [](const Identifier& a, const Identifier& b) {
            return std::make_pair(int(a.scheme), a.value) < std::make_pair(int(b.scheme), b.value);
        });
        out << r;
    }
    std::sort(out.begin(), out.end(),
              [](const SupplierRecord& a, const SupplierRecord& b) { return a.supplier.id < b.supplier.id; });
    return out;
}

void TestSupplierExporter::roundTrip()
{
    QFETCH(QString, format);
    auto source = openWorkspace(m_source);
    const QString file = m_dir.filePath(QStringLiteral("export.") + format);
    auto n = SupplierExporter(*source).write(file, *exportFormatFromString(format));
    QVERIFY2(n, qPrintable(n.error().toString()));
    QCOMPARE(n.value(), qint64(samples().size()));

    // Into a new workspace: the same suppliers, with the same ids.
    auto target = openWorkspace(m_dir.filePath(QStringLiteral("target-") + format + QStringLiteral(".vigil")));
    auto r = Importer(*target).run(file, {});
    QVERIFY2(r, qPrintable(r.error().toString()));
    QVERIFY(r->committed);
    QCOMPARE(r->knownFormat, QStringLiteral("vigil-export"));
    QCOMPARE(r->counts.added, qint64(samples().size()));
    QCOMPARE(r->counts.errors, 0);
    const QList<SupplierRecord> a = allRecords(*source);
    const QList<SupplierRecord> b = allRecords(*target);
    QCOMPARE(b.size(), a.size());
    for (int i = 0; i < a.size(); ++i) {
        QCOMPARE(b.at(i).supplier.name, a.at(i).supplier.name);
        QCOMPARE(b.at(i).supplier.otherNames, a.at(i).supplier.otherNames);
        QCOMPARE(b.at(i).supplier.address, a.at(i).supplier.address);
        QCOMPARE(b.at(i).supplier.products, a.at(i).supplier.products);
        QCOMPARE(b.at(i).supplier.tags, a.at(i).supplier.tags);
        QCOMPARE(b.at(i).supplier.sector, a.at(i).supplier.sector);
        QCOMPARE(b.at(i).supplier.annualSpend, a.at(i).supplier.annualSpend);
        QCOMPARE(b.at(i).supplier.migrantShare, a.at(i).supplier.migrantShare);
        QVERIFY2(b.at(i).supplier == a.at(i).supplier, qPrintable(a.at(i).supplier.name));
        QCOMPARE(b.at(i).identifiers, a.at(i).identifiers);
    }
    // Into the same workspace: every row matches its supplier by Vigil id and nothing changes.
    auto again = Importer(*source).run(file, {});
    QVERIFY(again);
    QCOMPARE(again->counts.unchanged, qint64(samples().size()));
    QCOMPARE(again->counts.added, 0);
    QCOMPARE(again->counts.updated, 0);
}

void TestSupplierExporter::csvIsExcelFriendly()
{
    auto db = openWorkspace(m_source);
    const QString file = m_dir.filePath(QStringLiteral("excel.csv"));
    QVERIFY(SupplierExporter(*db).write(file, ExportFormat::Csv));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray data = f.readAll();
    QVERIFY(data.startsWith("\xEF\xBB\xBF"
                            "vigil_id,name,"));
    QVERIFY(data.contains("\r\n"));
    // No cell starts with a formula trigger outside quotes or after a field separator.
    QVERIFY(data.contains(",\"'=HYPERLINK(\"\"http://evil\"\") | Siam Garment Co., Ltd\","));
    QVERIFY(data.contains("'=cmd|' /C calc'!A0"));
    QVERIFY(!data.contains(",=cmd"));
    QVERIFY(data.contains(",'-leading minus,"));
    QVERIFY(data.contains("''=already quoted"));
}

void TestSupplierExporter::jsonHasEverything()
{
    auto db = openWorkspace(m_source);
    const QString file = m_dir.filePath(QStringLiteral("all.json"));
    auto n = SupplierExporter(*db).write(file, ExportFormat::Json);
    QVERIFY(n);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    QCOMPARE(err.error, QJsonParseError::NoError);
    QCOMPARE(doc.array().size(), samples().size());
    bool found = false;
    for (const QJsonValue& v : doc.array()) {
        const QJsonObject o = v.toObject();
        if (o.value("country").toString() == QLatin1String("TH")) {
            found = true;
            QCOMPARE(o.value("identifiers").toArray().size(), 3);
            QCOMPARE(o.value("workers_max").toInt(), 5000);
            QCOMPARE(o.value("other_names").toArray().at(0).toString(), QStringLiteral("=HYPERLINK(\"http://evil\")"));
        }
    }
    QVERIFY(found);
}

void TestSupplierExporter::failedExportLeavesNoFile()
{
    auto db = openWorkspace(m_source);
    const QString file = m_dir.filePath(QStringLiteral("no-such-folder/out.csv"));
    auto n = SupplierExporter(*db).write(file, ExportFormat::Csv);
    QVERIFY(!n);
    QVERIFY(!QFile::exists(file));
    std::atomic<bool> cancel{true};
    const QString cancelled = m_dir.filePath(QStringLiteral("cancelled.xlsx"));
    QVERIFY(!SupplierExporter(*db).write(cancelled, ExportFormat::Xlsx, {}, &cancel));
    QVERIFY(!QFile::exists(cancelled));
}

QTEST_GUILESS_MAIN(TestSupplierExporter)
#include "tst_supplierexporter.moc"
