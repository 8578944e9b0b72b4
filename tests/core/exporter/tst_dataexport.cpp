// report/dataexport's XLSX plumbing: several data sheets plus the "About" sheet (date, methodology version, datasets
// with edition and licence), and the register with its About sheet (writeRegister).
#include "exporter/supplierexporter.h"
#include "io/tablereader.h"
#include "report/dataexport.h"
#include "storage/database.h"
#include "storage/sampleportfolio.h"

#include <QDate>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::report;

namespace {

QList<QStringList> readSheet(const QString& path, const QString& sheet)
{
    ReaderOptions options;
    options.sheet = sheet;
    options.headerRow = 1;
    auto reader = TableReader::create(path, options);
    QList<QStringList> rows;
    if (!reader->open() || reader->sheetName() != sheet)
        return rows;
    QStringList row;
    while (reader->next(row))
        rows << row;
    return rows;
}

QStringList sheetNames(const QString& path)
{
    auto reader = TableReader::create(path);
    return reader->open() ? reader->sheetNames() : QStringList();
}

ExportProvenance provenance()
{
    ExportProvenance p;
    p.generatedAt = QDateTime(QDate(2026, 6, 30), QTime(9, 15, 0), Qt::UTC);
    p.methodologyId = QStringLiteral("vigil-ilo");
    p.methodologyName = QStringLiteral("Vigil ILO indicators");
    p.methodologyVersion = QStringLiteral("1.2.0");
    p.datasets = {{QStringLiteral("ILAB List of Goods"), QStringLiteral("2024"), QStringLiteral("US DOL"),
                   QStringLiteral("Public domain"), QStringLiteral("https://www.dol.gov/")},
                  {QStringLiteral("Índice de riesgo"), QStringLiteral("3.1"), QStringLiteral("Ejemplo"),
                   QStringLiteral("CC BY 4.0"), QString()}};
    return p;
}

} // namespace

class TestDataExport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void sheetsThenAbout();
    void aboutStatesProvenance();
    void noProvenanceNoFile();
    void registerWithAbout();

private:
    QTemporaryDir m_dir;
};

void TestDataExport::sheetsThenAbout()
{
    DataTable a;
    a.name = QStringLiteral("Findings");
    a.header = {QStringLiteral("supplier"), QStringLiteral("observed_on"), QStringLiteral("confidence")};
    a.rows << QVariantList{QStringLiteral("=1+2 Garments"), QDate(2026, 1, 10), 0.8};
    a.provenance = provenance();
    DataTable b;
    b.name = QStringLiteral("Actions");
    b.header = {QStringLiteral("supplier"), QStringLiteral("due")};
    b.rows << QVariantList{QStringLiteral("广州明华服装有限公司"), QDate(2026, 9, 1)};
    const QString path = m_dir.filePath(QStringLiteral("two.xlsx"));
    const Status st = writeXlsx(QList<DataTable>{a, b}, path);
    QVERIFY2(st.ok(), qPrintable(st.error().toString()));
    QCOMPARE(sheetNames(path), (QStringList{"Findings", "Actions", "About"}));
    QCOMPARE(readSheet(path, QStringLiteral("Findings")).value(1),
             QStringList({"'=1+2 Garments", "2026-01-10", "0.8"}));
    QCOMPARE(readSheet(path, QStringLiteral("Actions")).value(1), QStringList({"广州明华服装有限公司", "2026-09-01"}));
    // The CSV of a table says the same (dates ISO 8601).
    QCOMPARE(QString::fromUtf8(toCsv(a)).section(QStringLiteral("\r\n"), 1, 1),
             QStringLiteral("'=1+2 Garments,2026-01-10,0.8"));
}

void TestDataExport::aboutStatesProvenance()
{
    DataTable t;
    t.name = QStringLiteral("Scores");
    t.header = {QStringLiteral("x")};
    t.provenance = provenance();
    const QString path = m_dir.filePath(QStringLiteral("about.xlsx"));
    QVERIFY(writeXlsx(t, path).ok());
    const QList<QStringList> about = readSheet(path, QStringLiteral("About"));
    QCOMPARE(about.value(0), QStringList({"item", "value", "edition", "publisher", "licence", "source"}));
    QVERIFY(about.contains(QStringList({"sheet", "Scores"})));
    QVERIFY(about.contains(QStringList({"generated_utc", "2026-06-30T09:15:00"})));
    QVERIFY(about.contains(QStringList({"generated", "2026-06-30T09:15:00Z"})));
    QVERIFY(about.contains(QStringList({"methodology", "Vigil ILO indicators"})));
    QVERIFY(about.contains(QStringList({"methodology_id", "vigil-ilo"})));
    QVERIFY(about.contains(QStringList({"methodology_version", "1.2.0"})));
    QVERIFY(about.contains(
        QStringList({"dataset", "ILAB List of Goods", "2024", "US DOL", "Public domain", "https://www.dol.gov/"})));
    QVERIFY(about.contains(QStringList({"dataset", "Índice de riesgo", "3.1", "Ejemplo", "CC BY 4.0"})));
}

void TestDataExport::noProvenanceNoFile()
{
    DataTable t;
    t.name = QStringLiteral("Scores");
    t.header = {QStringLiteral("x")};
    const QString path = m_dir.filePath(QStringLiteral("none.xlsx"));
    const Status st = writeXlsx(t, path);
    QVERIFY(!st.ok());
    QVERIFY(st.error().message.contains(QStringLiteral("methodology")));
    QVERIFY(!QFile::exists(path));
}

void TestDataExport::registerWithAbout()
{
    auto db = Database::open(m_dir.filePath(QStringLiteral("w.vigil")), Database::Mode::CreateIfMissing);
    QVERIFY2(db.ok(), qPrintable(db.error().toString()));
    QVERIFY(loadSamplePortfolio(*db.value()).ok());
    const QString path = m_dir.filePath(QStringLiteral("register.xlsx"));
    const QDateTime now(QDate(2026, 6, 30), QTime(12, 0), Qt::UTC);
    auto n = writeRegister(*db.value(), path, true, now);
    QVERIFY2(n.ok(), qPrintable(n.error().toString()));
    QVERIFY(n.value() > 100);
    QCOMPARE(sheetNames(path), (QStringList{"Suppliers", "About"}));
    const QList<QStringList> suppliers = readSheet(path, QStringLiteral("Suppliers"));
    QCOMPARE(suppliers.value(0), SupplierExporter::columns());
    QCOMPARE(suppliers.size(), 1 + n.value());
    const QList<QStringList> about = readSheet(path, QStringLiteral("About"));
    QVERIFY(about.contains(QStringList({"sheet", "Suppliers"})));
    QVERIFY(about.contains(QStringList({"generated_utc", "2026-06-30T12:00:00"})));
    bool version = false;
    int datasets = 0;
    for (const QStringList& row : about) {
        version = version || (row.value(0) == QLatin1String("methodology_version") && !row.value(1).isEmpty());
        if (row.value(0) == QLatin1String("dataset") && !row.value(2).isEmpty() && !row.value(4).isEmpty())
            ++datasets;
    }
    QVERIFY(version);
    QVERIFY(datasets > 0);
    // CSV: the register alone.
    const QString csv = m_dir.filePath(QStringLiteral("register.csv"));
    auto c = writeRegister(*db.value(), csv, false, now);
    QVERIFY(c.ok());
    QCOMPARE(c.value(), n.value());
}

QTEST_GUILESS_MAIN(TestDataExport)
#include "tst_dataexport.moc"
