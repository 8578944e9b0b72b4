#include "importer/importer.h"
#include "importer/mappingprofiles.h"
#include "importtestutil.h"
#include "storage/supplierrepository.h"

#include <QCryptographicHash>
#include <QTest>

using namespace vigil;
using namespace vigil::test;

namespace {

const QByteArray kFile = "Supplier list exported 2024-05-01\r\n"
                         "\r\n"
                         "Supplier Name,Country/Region,Address,No. of Workers,% Migrant Workers,Vendor ID\r\n"
                         "\"Siam Garment Co., Ltd\",Thailand,\"99 Moo 4, Bangkok, Thailand\",\"1,200\",35%,V001\r\n"
                         "PT Sumber Makmur,Indonesia,Jakarta,1000-5000,0.2,V002\r\n"
                         "SIAM GARMENT COMPANY LIMITED,TH,,<1000,,V003\r\n"
                         "Bad Row,Atlantis,,lots,,V004\r\n"
                         "Golden Palm Sdn Bhd,Thailand,\"12 Jalan Ampang, Kuala Lumpur, Malaysia\",>500,,V005\r\n"
                         "Công ty TNHH May Việt,Viet Nam,\"Hanoi, Vietnam\",approx. 300,40,V006\r\n";

} // namespace

class TestImporter : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void statuses();
    void errorsNameFileRowColumn();
    void abortChangesNothing();
    void dryRunChangesNothing();
    void injectedFailureChangesNothing();
    void cancelChangesNothing();
    void matchesWorkspaceByIdentifierAndUpdates();
    void possibleDuplicateHeldThenDecisionRemembered();
    void differentDecisionRemembered();
    void profileAppliedToSameHeader();
    void previewDetectsTitleRow();
    void batchKeepsFileHash_data();
    void batchKeepsFileHash();

private:
    ImportReport mustRun(const QString& path, const ImportOptions& options);
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestImporter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = openWorkspace(m_dir->filePath(QStringLiteral("ws.vigil")));
    QVERIFY(m_db);
}

void TestImporter::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

ImportReport TestImporter::mustRun(const QString& path, const ImportOptions& options)
{
    Importer importer(*m_db);
    auto r = importer.run(path, options);
    if (!r) {
        qWarning("%s", qPrintable(r.error().toString()));
        return {};
    }
    return r.value();
}

void TestImporter::statuses()
{
    const QString path = writeFile(*m_dir, "suppliers.csv", kFile);
    ImportOptions o;
    o.onError = ImportOptions::OnError::Skip;
    const ImportReport r = mustRun(path, o);
    QVERIFY(r.committed);
    QCOMPARE(r.headerRow, 3);
    QCOMPARE(r.counts.rows, 6);
    QCOMPARE(r.counts.errors, 1);
    QCOMPARE(r.counts.matched, 1); // the second Siam Garment row merges into the first
    QCOMPARE(r.counts.warnings, 1); // Golden Palm: a Malaysian address in Thailand
    QCOMPARE(r.counts.newRows, 3);
    QCOMPARE(r.counts.added, 4);
    QCOMPARE(r.counts.updated, 1);
    QCOMPARE(scalar(*m_db, "SELECT count(*) FROM suppliers"), 4);
    QCOMPARE(scalar(*m_db, "SELECT count(*) FROM import_batches"), 1);
    QCOMPARE(scalar(*m_db, "SELECT count(*) FROM supplier_search"), 4);
    // Values normalised.
    QCOMPARE(scalar(*m_db, "SELECT workers_min FROM suppliers WHERE name LIKE 'PT Sumber%'"), 1000);
    QCOMPARE(scalar(*m_db, "SELECT workers_max FROM suppliers WHERE name LIKE 'PT Sumber%'"), 5000);
    QCOMPARE(scalar(*m_db, "SELECT round(migrant_share * 100) FROM suppliers WHERE country = 'VN'"), 40);
    // The merged row: its vendor id is added and its other spelling kept as another name.
    QCOMPARE(scalar(*m_db, "SELECT count(*) FROM identifiers WHERE value IN ('V001', 'V003')"), 2);
    QCOMPARE(scalar(*m_db, "SELECT count(*) FROM suppliers WHERE other_names = 'SIAM GARMENT COMPANY LIMITED'"), 1);
    // Every added supplier has its "create" entry under the import's batch.
    QCOMPARE(scalar(*m_db,
                    QStringLiteral("SELECT count(*) FROM change_log WHERE batch = '%1' AND entity = 'supplier' AND "
                                   "action = 'create'")
                        .arg(r.batchId)),
             4);
    // Searching finds an imported name in its own script.
    SupplierRepository repo(*m_db);
    SupplierFilter f;
    f.search = QStringLiteral("may việt");
    QCOMPARE(repo.count(f).value(), 1);
}

void TestImporter::errorsNameFileRowColumn()
{
    const QString path = writeFile(*m_dir, "suppliers.csv", kFile);
    ImportOptions o;
    o.onError = ImportOptions::OnError::Skip;
    const ImportReport r = mustRun(path, o);
    const RowResult* bad = nullptr;
    for (const RowResult& x : r.rows)
        if (x.status == RowStatus::Error)
            bad = &x;
    QVERIFY(bad);
    QCOMPARE(bad->row, 7);
    QCOMPARE(bad->errors.size(), 2);
    QCOMPARE(bad->errors.at(0).file, QStringLiteral("suppliers.csv"));
    QCOMPARE(bad->errors.at(0).row, 7);
    QCOMPARE(bad->errors.at(0).column, 2);
    QCOMPARE(bad->errors.at(0).field, QStringLiteral("Country/Region"));
    QCOMPARE(bad->errors.at(1).column, 4);
}

void TestImporter::abortChangesNothing()
{
    const QString path = writeFile(*m_dir, "suppliers.csv", kFile);
    const QString before = fingerprint(*m_db);
    const ImportReport r = mustRun(path, {});
    QVERIFY(r.aborted);
    QVERIFY(!r.committed);
    QCOMPARE(r.counts.errors, 1);
    QCOMPARE(fingerprint(*m_db), before);
}

void TestImporter::dryRunChangesNothing()
{
    const QString path = writeFile(*m_dir, "suppliers.csv", kFile);
    const QString before = fingerprint(*m_db);
    ImportOptions o;
    o.dryRun = true;
    o.onError = ImportOptions::OnError::Skip;
    o.saveProfileAs = QStringLiteral("not saved");
    const ImportReport r = mustRun(path, o);
    QVERIFY(!r.committed);
    QCOMPARE(r.counts.added, 4);
    QCOMPARE(fingerprint(*m_db), before);
}

void TestImporter::injectedFailureChangesNothing()
{
    const QString path = writeFile(*m_dir, "suppliers.csv", kFile);
    const QString before = fingerprint(*m_db);
    ImportOptions o;
    o.onError = ImportOptions::OnError::Skip;
    int written = 0;
    o.beforeWrite = [&](qint64 row) -> Status {
        if (++written == 4)
            return makeError(QStringLiteral("disk full (injected) at row %1").arg(row));
        return {};
    };
    Importer importer(*m_db);
    auto r = importer.run(path, o);
    QVERIFY(!r);
    QVERIFY(r.error().message.contains(QStringLiteral("injected")));
    QCOMPARE(written, 4);
    QCOMPARE(fingerprint(*m_db), before);
}

void TestImporter::cancelChangesNothing()
{
    const QString path = writeFile(*m_dir, "suppliers.csv", kFile);
    const QString before = fingerprint(*m_db);
    std::atomic<bool> cancel{false};
    ImportOptions o;
    o.onError = ImportOptions::OnError::Skip;
    o.beforeWrite = [&](qint64 row) -> Status {
        if (row == 5)
            cancel.store(true); // as the GUI's Cancel button would, from another thread
        return {};
    };
    Importer importer(*m_db);
    auto r = importer.run(path, o, {}, &cancel);
    QVERIFY(!r);
    QVERIFY(r.error().message.contains(QStringLiteral("cancelled")));
    QCOMPARE(fingerprint(*m_db), before);
}

void TestImporter::matchesWorkspaceByIdentifierAndUpdates()
{
    SupplierRepository repo(*m_db);
    SupplierRecord existing;
    existing.supplier.name = QStringLiteral("Sumber Makmur (old name)");
    existing.supplier.country = QStringLiteral("ID");
    existing.supplier.sector = QStringLiteral("Textiles");
    existing.identifiers << Identifier{IdentifierScheme::VendorId, QStringLiteral("V002")};
    QVERIFY(repo.add(existing));
    const QString id = repo.ids({}).value().first();
    const QString path = writeFile(*m_dir, "suppliers.csv", kFile);
    ImportOptions o;
    o.onError = ImportOptions::OnError::Skip;
    const ImportReport r = mustRun(path, o);
    QVERIFY(r.committed);
    const auto rec = repo.record(id);
    QVERIFY(rec);
    QCOMPARE(rec->supplier.name, QStringLiteral("Sumber Makmur (old name)"));
    QVERIFY(rec->supplier.otherNames.contains(QStringLiteral("PT Sumber Makmur")));
    QCOMPARE(rec->supplier.workersMax, std::optional<int>(5000));
    QCOMPARE(rec->supplier.sector, QStringLiteral("Textiles")); // not in the file: kept
    QCOMPARE(scalar(*m_db, "SELECT count(*) FROM import_before_images"), 1);
    bool matched = false;
    for (const RowResult& x : r.rows)
        matched = matched || (x.matchKind == MatchKind::Identifier && x.supplierId == id);
    QVERIFY(matched);
}

void TestImporter::possibleDuplicateHeldThenDecisionRemembered()
{
    SupplierRepository repo(*m_db);
    SupplierRecord existing;
    existing.supplier.name = QStringLiteral("Siam Garment");
    existing.supplier.country = QStringLiteral("TH");
    existing.supplier.address = QStringLiteral("Chiang Mai");
    QVERIFY(repo.add(existing));
    const QString id = repo.ids({}).value().first();
    const QString path
        = writeFile(*m_dir, "one.csv", "Name,Country,Address\r\nSiam Garment Co Ltd,Thailand,Bangkok\r\n");
    // 1. Same name at another address: held for review.
    ImportReport r = mustRun(path, {});
    QCOMPARE(r.counts.possibleDuplicates, 1);
    QCOMPARE(r.counts.held, 1);
    QCOMPARE(r.rows.first().candidateId, id);
    QCOMPARE(scalar(*m_db, "SELECT count(*) FROM suppliers"), 1);
    // 2. The user says: same supplier.
    ImportOptions o;
    o.decisions.insert(2, RowDecision{RowDecision::Kind::Same, id});
    r = mustRun(path, o);
    QCOMPARE(r.counts.updated, 1);
    QCOMPARE(scalar(*m_db, "SELECT count(*) FROM suppliers"), 1);
    QCOMPARE(scalar(*m_db, "SELECT count(*) FROM match_decisions WHERE decision = 'same'"), 1);
    // 3. The next import of the same record applies the decision without asking.
    r = mustRun(path, {});
    QCOMPARE(r.counts.possibleDuplicates, 0);
    QCOMPARE(r.counts.held, 0);
    QCOMPARE(toString(r.rows.first().matchKind), toString(MatchKind::Decision));
    QCOMPARE(toString(r.rows.first().action), toString(RowAction::Unchanged));
}

void TestImporter::differentDecisionRemembered()
{
    SupplierRepository repo(*m_db);
    SupplierRecord existing;
    existing.supplier.name = QStringLiteral("Siam Garment");
    existing.supplier.country = QStringLiteral("TH");
    existing.supplier.address = QStringLiteral("Chiang Mai");
    QVERIFY(repo.add(existing));
    const QString id = repo.ids({}).value().first();
    const QString path = writeFile(*m_dir, "one.csv", "Name,Country,Address\r\nSiam Garment,Thailand,Bangkok\r\n");
    ImportOptions o;
    o.decisions.insert(2, RowDecision{RowDecision::Kind::Different, id});
    ImportReport r = mustRun(path, o);
    QCOMPARE(r.counts.added, 1);
    QCOMPARE(scalar(*m_db, "SELECT count(*) FROM suppliers"), 2);
    // A second file with the same record (and the supplier added from it) matches that new supplier exactly,
    // never the rejected one.
    r = mustRun(path, {});
    QCOMPARE(r.counts.held, 0);
    QCOMPARE(r.counts.matched, 1);
    QVERIFY(r.rows.first().supplierId != id);
}

void TestImporter::profileAppliedToSameHeader()
{
    const QString a = writeFile(*m_dir, "a.csv", "Fabrik,Land,Kennung\r\nSiam Garment,TH,X1\r\n");
    ImportOptions o;
    o.mapping = ColumnMapping({ImportField::Name, ImportField::Country, ImportField::VendorId});
    o.saveProfileAs = QStringLiteral("German ERP");
    ImportReport r = mustRun(a, o);
    QVERIFY(r.committed);
    QCOMPARE(r.profile, QStringLiteral("German ERP"));
    // Same header in other case and spacing: the profile is applied without being named.
    const QString b = writeFile(*m_dir, "b.csv", "FABRIK , land,KENNUNG\r\nGolden Palm,MY,X2\r\n");
    r = mustRun(b, {});
    QVERIFY(r.committed);
    QCOMPARE(r.profile, QStringLiteral("German ERP"));
    QCOMPARE(r.counts.added, 1);
    QCOMPARE(scalar(*m_db, "SELECT count(*) FROM identifiers WHERE value = 'X2'"), 1);
    // An unknown header is not matched to it, and without a name column the import says so.
    const QString c = writeFile(*m_dir, "c.csv", "Fabrik,Land\r\nGolden Palm,MY\r\n");
    Importer importer(*m_db);
    auto bad = importer.run(c, {});
    QVERIFY(!bad);
    QVERIFY(bad.error().message.contains(QStringLiteral("Name")));
    QCOMPARE(bad.error().row, 1);
}

void TestImporter::previewDetectsTitleRow()
{
    const QString path = writeFile(*m_dir, "suppliers.csv", kFile);
    Importer importer(*m_db);
    auto p = importer.preview(path, {}, 3);
    QVERIFY(p);
    QCOMPARE(p->headerRow, 3);
    QCOMPARE(p->rows.size(), 3);
    QCOMPARE(p->rowNumbers.first(), 4);
    QCOMPARE(p->mapping.field(0), ImportField::Name);
    QCOMPARE(p->mapping.field(4), ImportField::MigrantShare);
}

void TestImporter::batchKeepsFileHash_data()
{
    QTest::addColumn<bool>("dryRun");
    QTest::addRow("committed") << false;
    QTest::addRow("dry run") << true;
}

// The file's SHA-256 (computed beside the import, on a thread of its own) is in the report and with the batch.
void TestImporter::batchKeepsFileHash()
{
    QFETCH(bool, dryRun);
    const QString path = writeFile(*m_dir, "suppliers.csv", kFile);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString expected
        = QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
    ImportOptions o;
    o.onError = ImportOptions::OnError::Skip;
    o.dryRun = dryRun;
    const ImportReport r = mustRun(path, o);
    QCOMPARE(r.sha256, expected);
    QCOMPARE(r.committed, !dryRun);
    if (!dryRun) {
        QSqlQuery q(m_db->db());
        QVERIFY(q.exec(QStringLiteral("SELECT sha256 FROM import_batches")) && q.next());
        QCOMPARE(q.value(0).toString(), expected);
    }
}

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
