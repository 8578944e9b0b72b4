#include "importer/celloverrides.h"
#include "importer/importer.h"
#include "importtestutil.h"

#include <QTest>

using namespace vigil;
using namespace vigil::test;

namespace {

// Row 1 is a title, row 3 the header; row 5 has a misspelt country and row 6 a worker count that is not a number.
const QByteArray kFile = "Supplier list exported 2024-05-01\r\n"
                         "\r\n"
                         "Supplier Name,Country/Region,Address,No. of Workers\r\n"
                         "Siam Garment Co Ltd,Thailand,Bangkok,\"1,200\"\r\n"
                         "Chiang Mai Knitting,Thailnd,Chiang Mai,300\r\n"
                         "PT Sumber Makmur,Indonesia,Jakarta,abc\r\n";

const RowResult* rowOf(const ImportReport& r, qint64 row)
{
    for (const RowResult& x : r.rows)
        if (x.row == row)
            return &x;
    return nullptr;
}

} // namespace

class TestCellOverrides : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void readerReplacesCells_data();
    void readerReplacesCells();
    void importCommitsCorrectedValue();
    void dryRunReportsCorrectedStatus();
    void listsNewRowsAndObservesCells();
    void rowsNotInFileFailTheImport_data();
    void rowsNotInFileFailTheImport();
    void previewShowsCorrections();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    QString m_path;
};

void TestCellOverrides::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = openWorkspace(m_dir->filePath(QStringLiteral("ws.vigil")));
    QVERIFY(m_db);
    m_path = writeFile(*m_dir, "suppliers.csv", kFile);
    QVERIFY(!m_path.isEmpty());
}

void TestCellOverrides::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestCellOverrides::readerReplacesCells_data()
{
    QTest::addColumn<qint64>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("replace") << qint64(5) << 1 << QStringLiteral("Thailand")
                             << QStringList{"Chiang Mai Knitting", "Thailand", "Chiang Mai", "300"};
    QTest::addRow("clear") << qint64(6) << 3 << QString()
                           << QStringList{"PT Sumber Makmur", "Indonesia", "Jakarta", ""};
    QTest::addRow("beyond last cell") << qint64(4) << 5 << QStringLiteral("x")
                                      << QStringList{"Siam Garment Co Ltd", "Thailand", "Bangkok", "1,200", "", "x"};
}

void TestCellOverrides::readerReplacesCells()
{
    QFETCH(qint64, row);
    QFETCH(int, column);
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    CellOverrides overrides;
    overrides[row][column] = text;
    auto reader = CellOverrideReader::wrap(TableReader::create(m_path), overrides);
    QVERIFY(dynamic_cast<CellOverrideReader*>(reader.get()));
    QVERIFY(reader->open());
    QCOMPARE(reader->headerRow(), 3);
    QCOMPARE(reader->format(), TableReader::Format::Csv);
    QCOMPARE(reader->delimiter(), QChar(','));
    QStringList cells;
    QStringList got;
    int rows = 0;
    while (reader->next(cells)) {
        ++rows;
        if (reader->rowNumber() == row)
            got = cells;
    }
    QVERIFY2(!reader->failed(), qPrintable(reader->error().toString()));
    QCOMPARE(rows, 6);
    QCOMPARE(got, expected);
    QVERIFY(static_cast<CellOverrideReader*>(reader.get())->unusedRows().isEmpty());
}

void TestCellOverrides::importCommitsCorrectedValue()
{
    ImportOptions o;
    o.onError = ImportOptions::OnError::Skip;
    o.cellOverrides[5][1] = QStringLiteral("Thailand");
    o.cellOverrides[6][3] = QStringLiteral("450");
    Importer importer(*m_db);
    auto r = importer.run(m_path, o);
    QVERIFY2(r, qPrintable(r.error().toString()));
    QVERIFY(r->committed);
    QCOMPARE(r->counts.errors, 0);
    QCOMPARE(r->counts.added, 3);
    QCOMPARE(scalar(*m_db, "SELECT count(*) FROM suppliers WHERE name = 'Chiang Mai Knitting' AND country = 'TH'"), 1);
    QCOMPARE(scalar(*m_db, "SELECT workers_min FROM suppliers WHERE name = 'PT Sumber Makmur'"), 450);

    // Without the corrections the same file has two error rows and aborts.
    auto db2 = openWorkspace(m_dir->filePath(QStringLiteral("ws2.vigil")));
    QVERIFY(db2);
    auto plain = Importer(*db2).run(m_path, {});
    QVERIFY(plain);
    QVERIFY(plain->aborted);
    QCOMPARE(plain->counts.errors, 2);
    QCOMPARE(scalar(*db2, "SELECT count(*) FROM suppliers"), 0);
}

void TestCellOverrides::dryRunReportsCorrectedStatus()
{
    const QString before = fingerprint(*m_db);
    ImportOptions o;
    o.dryRun = true;
    o.onError = ImportOptions::OnError::Skip;
    Importer importer(*m_db);
    auto plain = importer.run(m_path, o);
    QVERIFY(plain);
    QVERIFY(rowOf(*plain, 5));
    QCOMPARE(toString(rowOf(*plain, 5)->status), toString(RowStatus::Error));

    o.cellOverrides[5][1] = QStringLiteral("TH");
    auto fixed = importer.run(m_path, o);
    QVERIFY2(fixed, qPrintable(fixed.error().toString()));
    QVERIFY(!fixed->committed);
    QCOMPARE(fixed->counts.errors, 1); // row 6 still has its bad worker count
    QCOMPARE(fixed->counts.newRows, 2);
    QVERIFY(!rowOf(*fixed, 5)); // plain new rows are not listed by default
    QVERIFY(rowOf(*fixed, 6));
    QCOMPARE(toString(rowOf(*fixed, 6)->status), toString(RowStatus::Error));
    QCOMPARE(fingerprint(*m_db), before);
}

void TestCellOverrides::listsNewRowsAndObservesCells()
{
    ImportOptions o;
    o.dryRun = true;
    o.onError = ImportOptions::OnError::Skip;
    o.listNewRows = true;
    o.cellOverrides[5][1] = QStringLiteral("Thailand");
    QHash<qint64, QStringList> seen;
    o.rowObserver = [&](qint64 row, const QStringList& cells) { seen.insert(row, cells); };
    auto r = Importer(*m_db).run(m_path, o);
    QVERIFY2(r, qPrintable(r.error().toString()));
    QCOMPARE(r->rows.size(), 3);
    QCOMPARE(toString(rowOf(*r, 4)->status), toString(RowStatus::New));
    QCOMPARE(toString(rowOf(*r, 5)->status), toString(RowStatus::New));
    QCOMPARE(rowOf(*r, 5)->country, QStringLiteral("TH"));
    QCOMPARE(toString(rowOf(*r, 6)->status), toString(RowStatus::Error));
    QCOMPARE(seen.value(3).value(0), QStringLiteral("Supplier Name"));
    QCOMPARE(seen.value(5), (QStringList{"Chiang Mai Knitting", "Thailand", "Chiang Mai", "300"}));
    QCOMPARE(seen.value(6).value(3), QStringLiteral("abc"));
}

void TestCellOverrides::rowsNotInFileFailTheImport_data()
{
    QTest::addColumn<qint64>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::addRow("past the end") << qint64(40) << 1 << QStringLiteral("The file has no row 40");
    QTest::addRow("header") << qint64(3) << 1 << QStringLiteral("header (row 3)");
    QTest::addRow("title") << qint64(1) << 0 << QStringLiteral("header (row 3)");
    QTest::addRow("negative column") << qint64(5) << -1 << QStringLiteral("no column 0");
}

void TestCellOverrides::rowsNotInFileFailTheImport()
{
    QFETCH(qint64, row);
    QFETCH(int, column);
    QFETCH(QString, message);
    const QString before = fingerprint(*m_db);
    ImportOptions o;
    o.onError = ImportOptions::OnError::Skip;
    o.cellOverrides[5][1] = QStringLiteral("Thailand");
    o.cellOverrides[row][column] = QStringLiteral("x");
    auto r = Importer(*m_db).run(m_path, o);
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(message), qPrintable(r.error().toString()));
    QCOMPARE(r.error().row, row);
    QVERIFY(r.error().file.endsWith(QLatin1String("suppliers.csv")));
    QCOMPARE(fingerprint(*m_db), before);
}

void TestCellOverrides::previewShowsCorrections()
{
    ImportOptions o;
    o.cellOverrides[6][3] = QStringLiteral("450");
    auto p = Importer(*m_db).preview(m_path, o);
    QVERIFY2(p, qPrintable(p.error().toString()));
    QCOMPARE(p->headerRow, 3);
    QCOMPARE(p->rowNumbers, (QList<qint64>{4, 5, 6}));
    QCOMPARE(p->rows.at(2).value(3), QStringLiteral("450"));
    QCOMPARE(p->rows.at(1).value(1), QStringLiteral("Thailnd"));
}

QTEST_GUILESS_MAIN(TestCellOverrides)
#include "tst_celloverrides.moc"
