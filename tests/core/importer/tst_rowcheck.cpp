#include "importer/rowcheck.h"
#include "importtestutil.h"
#include "storage/supplierrepository.h"

#include <QTest>

using namespace vigil;
using namespace vigil::test;

namespace {

const QStringList kHeader{"Supplier Name", "Country/Region", "Address", "No. of Workers", "Vendor ID"};

QString str(RowStatus s)
{
    return toString(s);
}
QString str(RowAction a)
{
    return toString(a);
}

// The same rows as a file, for comparing with a dry run of the importer.
const QByteArray kFile = "Supplier Name,Country/Region,Address,No. of Workers,Vendor ID\r\n"
                         "Siam Garment,Thailand,Chiang Mai,\"1,200\",V001\r\n"
                         "Chiang Mai Knitting,Thailnd,Chiang Mai,300,V002\r\n"
                         "PT Sumber Makmur,Indonesia,Jakarta,abc,V003\r\n"
                         "Golden Palm,Thailand,\"Kuala Lumpur, Malaysia\",50,V004\r\n"
                         "Lanna Dye Works,TH,,100,V005\r\n"
                         "LANNA DYE WORKS LTD,Thailand,,120,\r\n"
                         "Siam Garment Co Ltd,Thailand,Bangkok,,\r\n";

} // namespace

class TestRowCheck : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void statuses_data();
    void statuses();
    void errorNamesTheColumn_data();
    void errorNamesTheColumn();
    void userDecisions();
    void rememberedDecision();
    void matchesEarlierRowsOfTheFileOnly();
    void agreesWithTheImportersDryRun();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    QString m_existingId;
};

void TestRowCheck::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = openWorkspace(m_dir->filePath(QStringLiteral("ws.vigil")));
    QVERIFY(m_db);
    SupplierRepository repo(*m_db);
    SupplierRecord existing;
    existing.supplier.name = QStringLiteral("Siam Garment");
    existing.supplier.country = QStringLiteral("TH");
    existing.supplier.address = QStringLiteral("Chiang Mai");
    existing.identifiers << Identifier{IdentifierScheme::VendorId, QStringLiteral("V900")};
    QVERIFY(repo.add(existing));
    m_existingId = repo.ids({}).value().first();
}

void TestRowCheck::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestRowCheck::statuses_data()
{
    QTest::addColumn<QStringList>("cells");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("candidateIsExisting");
    QTest::addColumn<QString>("reason");
    QTest::addRow("bad country") << QStringList{"Chiang Mai Knitting", "Thailnd", "Chiang Mai", "300"}
                                 << str(RowStatus::Error) << str(RowAction::Skip) << false << "Thailnd";
    QTest::addRow("country fixed: new") << QStringList{"Chiang Mai Knitting", "Thailand", "Chiang Mai", "300"}
                                        << str(RowStatus::New) << str(RowAction::Add) << false << QString();
    QTest::addRow("name of an existing supplier: matched")
        << QStringList{"Siam Garment", "Thailand", "Chiang Mai", "300"} << str(RowStatus::Matched)
        << str(RowAction::Merge) << true << "same name and country";
    QTest::addRow("same vendor id: matched") << QStringList{"Other Name", "Laos", "", "", "V900"}
                                             << str(RowStatus::Matched) << str(RowAction::Merge) << true << "V900";
    QTest::addRow("same name at another address: possible duplicate")
        << QStringList{"Siam Garment Co Ltd", "TH", "Bangkok", ""} << str(RowStatus::PossibleDuplicate)
        << str(RowAction::Hold) << true << "held for review";
    QTest::addRow("address in another country: warning")
        << QStringList{"Golden Palm", "Thailand", "12 Jalan Ampang, Kuala Lumpur, Malaysia", ""}
        << str(RowStatus::Warning) << str(RowAction::Add) << false << "the address names MY";
    QTest::addRow("every cell cleared: skipped")
        << QStringList{"", " ", "", ""} << str(RowStatus::Warning) << str(RowAction::Skip) << false << "skips this row";
}

void TestRowCheck::statuses()
{
    QFETCH(QStringList, cells);
    QFETCH(QString, status);
    QFETCH(QString, action);
    QFETCH(bool, candidateIsExisting);
    QFETCH(QString, reason);
    auto r = checkRow(*m_db, HeaderMatcher::map(kHeader), kHeader, QStringLiteral("suppliers.csv"), cells, 7);
    QVERIFY2(r, qPrintable(r.error().toString()));
    QCOMPARE(r->row, 7);
    QCOMPARE(str(r->status), status);
    QCOMPARE(str(r->action), action);
    QCOMPARE(r->candidateId == m_existingId, candidateIsExisting);
    if (candidateIsExisting)
        QCOMPARE(r->candidateName, QStringLiteral("Siam Garment"));
    if (!reason.isEmpty()) {
        const QString all = r->reasons.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(reason), qPrintable(all));
    }
    if (status == str(RowStatus::New))
        QVERIFY(r->errors.isEmpty());
}

void TestRowCheck::errorNamesTheColumn_data()
{
    QTest::addColumn<QStringList>("cells");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("field");
    QTest::addRow("workers") << QStringList{"PT Sumber Makmur", "Indonesia", "Jakarta", "abc"} << 4 << "No. of Workers";
    QTest::addRow("country") << QStringList{"PT Sumber Makmur", "Atlantis", "Jakarta", "12"} << 2 << "Country/Region";
    QTest::addRow("name") << QStringList{"", "Indonesia", "Jakarta", "12"} << 1 << "Supplier Name";
}

void TestRowCheck::errorNamesTheColumn()
{
    QFETCH(QStringList, cells);
    QFETCH(int, column);
    QFETCH(QString, field);
    auto r = checkRow(*m_db, HeaderMatcher::map(kHeader), kHeader, QStringLiteral("suppliers.csv"), cells, 12);
    QVERIFY(r);
    QCOMPARE(str(r->status), str(RowStatus::Error));
    QCOMPARE(str(r->action), str(RowAction::Skip));
    QCOMPARE(r->errors.size(), 1);
    QCOMPARE(r->errors.first().column, column);
    QCOMPARE(r->errors.first().field, field);
    QCOMPARE(r->errors.first().row, 12);
    QCOMPARE(r->errors.first().file, QStringLiteral("suppliers.csv"));
    QVERIFY(r->reasons.contains(r->errors.first().message));
}

void TestRowCheck::userDecisions()
{
    RowChecker checker(HeaderMatcher::map(kHeader), kHeader, QStringLiteral("f.csv"));
    QVERIFY(checker.loadWorkspace(*m_db));
    const QStringList cells{"Siam Garment Co Ltd", "TH", "Bangkok", ""};
    ImportOptions o;
    QCOMPARE(str(checker.check(*m_db, cells, 5, o).status), str(RowStatus::PossibleDuplicate));
    o.possibleDuplicates = ImportOptions::Possible::AddAsNew;
    QCOMPARE(str(checker.check(*m_db, cells, 5, o).action), str(RowAction::Add));
    o.possibleDuplicates = ImportOptions::Possible::Hold;
    o.decisions.insert(5, RowDecision{RowDecision::Kind::Same, m_existingId});
    RowResult r = checker.check(*m_db, cells, 5, o);
    QCOMPARE(str(r.status), str(RowStatus::Matched));
    QCOMPARE(str(r.action), str(RowAction::Merge));
    QCOMPARE(r.candidateId, m_existingId);
    o.decisions.insert(5, RowDecision{RowDecision::Kind::Different, m_existingId});
    r = checker.check(*m_db, cells, 5, o);
    QCOMPARE(str(r.status), str(RowStatus::New));
    QCOMPARE(str(r.action), str(RowAction::Add));
    o.decisions.insert(5, RowDecision{RowDecision::Kind::Skip, {}});
    QCOMPARE(str(checker.check(*m_db, cells, 5, o).action), str(RowAction::Skip));
    // A decision for another row does not apply.
    QCOMPARE(str(checker.check(*m_db, cells, 6, o).status), str(RowStatus::PossibleDuplicate));
}

void TestRowCheck::rememberedDecision()
{
    const QStringList cells{"Siam Garment Co Ltd", "TH", "Bangkok", ""};
    auto r = checkRow(*m_db, HeaderMatcher::map(kHeader), kHeader, QStringLiteral("f.csv"), cells, 2);
    QVERIFY(r);
    QVERIFY(MatchDecisions(*m_db).remember(r->recordKey, m_existingId, true, QStringLiteral("test")));
    r = checkRow(*m_db, HeaderMatcher::map(kHeader), kHeader, QStringLiteral("f.csv"), cells, 2);
    QVERIFY(r);
    QCOMPARE(toString(r->matchKind), toString(MatchKind::Decision));
    QCOMPARE(str(r->status), str(RowStatus::Matched));
    QCOMPARE(r->candidateId, m_existingId);
}

void TestRowCheck::matchesEarlierRowsOfTheFileOnly()
{
    RowChecker checker(HeaderMatcher::map(kHeader), kHeader, QStringLiteral("f.csv"));
    QVERIFY(checker.loadWorkspace(*m_db));
    checker.addFileRow(4, {"Lanna Dye Works", "TH", "", "100", "V005"});
    checker.addFileRow(5, {"Broken", "Nowhere", "", "", "V006"}); // an error row is not imported: not matched
    const QStringList same{"LANNA DYE WORKS LTD", "Thailand", "", "120"};
    RowResult later = checker.check(*m_db, same, 9);
    QCOMPARE(str(later.status), str(RowStatus::Matched));
    QCOMPARE(later.candidateName, QStringLiteral("Lanna Dye Works"));
    QVERIFY(later.candidateId.isEmpty()); // not in the workspace yet
    QVERIFY2(later.reasons.first().contains(QStringLiteral("row 4")), qPrintable(later.reasons.first()));
    QCOMPARE(str(checker.check(*m_db, same, 3).status), str(RowStatus::New)); // before row 4
    QCOMPARE(str(checker.check(*m_db, same, 4).status), str(RowStatus::New)); // its own entry
    QCOMPARE(str(checker.check(*m_db, {"X", "Laos", "", "", "V006"}, 9).status), str(RowStatus::New));
}

void TestRowCheck::agreesWithTheImportersDryRun()
{
    const QString path = writeFile(*m_dir, "suppliers.csv", kFile);
    ImportOptions o;
    o.dryRun = true;
    o.onError = ImportOptions::OnError::Skip;
    o.listNewRows = true;
    QHash<qint64, QStringList> cells;
    o.rowObserver = [&](qint64 row, const QStringList& c) { cells.insert(row, c); };
    auto report = Importer(*m_db).run(path, o);
    QVERIFY2(report, qPrintable(report.error().toString()));
    QCOMPARE(report->rows.size(), 7);
    RowChecker checker(report->mapping, report->header, QStringLiteral("suppliers.csv"));
    QVERIFY(checker.loadWorkspace(*m_db));
    for (const RowResult& r : report->rows)
        if (r.action == RowAction::Add)
            checker.addFileRow(r.row, cells.value(r.row));
    QSet<QString> seen;
    for (const RowResult& r : report->rows) {
        const RowResult c = checker.check(*m_db, cells.value(r.row), r.row, o);
        const QString where = QStringLiteral("row %1").arg(r.row);
        QVERIFY2(str(c.status) == str(r.status), qPrintable(where + ": " + str(c.status) + " vs " + str(r.status)));
        QVERIFY2(str(c.action) == str(r.action) || (r.action == RowAction::Unchanged && c.action == RowAction::Merge),
                 qPrintable(where));
        QCOMPARE(toString(c.matchKind), toString(r.matchKind));
        QCOMPARE(c.errors.size(), r.errors.size());
        QCOMPARE(c.recordKey, r.recordKey);
        seen.insert(str(r.status));
    }
    // The file covers every status, so the comparison means something.
    QCOMPARE(seen.size(), 5);
}

QTEST_GUILESS_MAIN(TestRowCheck)
#include "tst_rowcheck.moc"
