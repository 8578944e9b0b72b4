#include "importer/importer.h"
#include "importer/importhistory.h"
#include "importtestutil.h"
#include "storage/supplierrepository.h"
#include "storage/workspace.h"

#include <QTest>

using namespace vigil;
using namespace vigil::test;

class TestImportHistory : public QObject
{
    Q_OBJECT
private slots:
    void undoAfterReopen();
    void undoRefusesOverLaterEdits();
    void undoTwiceRefused();
};

namespace {

struct Fixture
{
    QTemporaryDir dir;
    QString ws;
    QString existingId;
    SupplierRecord existingBefore;
    QString batch;
    QString beforeImport;
};

// A workspace with one supplier, then an import that adds two and changes that one.
bool prepare(Fixture& f)
{
    f.ws = f.dir.filePath(QStringLiteral("ws.vigil"));
    auto db = openWorkspace(f.ws);
    if (!db)
        return false;
    SupplierRepository repo(*db);
    SupplierRecord rec;
    rec.supplier.name = QStringLiteral("Blue Ocean Seafood");
    rec.supplier.country = QStringLiteral("TH");
    rec.supplier.sector = QStringLiteral("Fishing");
    rec.supplier.tags = QStringList{QStringLiteral("audit-2024")};
    rec.identifiers << Identifier{IdentifierScheme::VendorId, QStringLiteral("V9")};
    if (!repo.add(rec))
        return false;
    f.existingId = repo.ids({}).value().first();
    f.existingBefore = repo.record(f.existingId).value();
    f.beforeImport = fingerprint(*db);
    const QString path = writeFile(f.dir, "list.csv",
                                   "Name,Country,Vendor ID,Workers,Tags\r\n"
                                   "Blue Ocean Seafood Co Ltd,Thailand,V9,450,high-risk\r\n"
                                   "ঢাকা গার্মেন্টস লিমিটেড,Bangladesh,V10,1200,\r\n"
                                   "深圳华强电子有限公司,China,V11,800,\r\n");
    auto r = Importer(*db).run(path, {});
    if (!r || !r->committed || r->counts.added != 2 || r->counts.updated != 1)
        return false;
    f.batch = r->batchId;
    return true;
}

} // namespace

void TestImportHistory::undoAfterReopen()
{
    Fixture f;
    QVERIFY(prepare(f));
    // Reopen the workspace, as after a restart.
    auto db = openWorkspace(f.ws);
    QVERIFY(db);
    ImportHistory history(*db);
    auto list = history.list();
    QVERIFY(list);
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->first().id, f.batch);
    QCOMPARE(list->first().added, 2);
    auto undo = history.undo(f.batch.left(8));
    QVERIFY2(undo, qPrintable(undo.error().toString()));
    QCOMPARE(undo->removed, 2);
    QCOMPARE(undo->restored, 1);
    SupplierRepository repo(*db);
    QCOMPARE(repo.count().value(), 1);
    const SupplierRecord after = repo.record(f.existingId).value();
    QCOMPARE(after.supplier.name, f.existingBefore.supplier.name);
    QCOMPARE(after.supplier.otherNames, f.existingBefore.supplier.otherNames);
    QCOMPARE(after.supplier.tags, f.existingBefore.supplier.tags);
    QCOMPARE(after.supplier.workersMax, f.existingBefore.supplier.workersMax);
    QCOMPARE(after.identifiers, f.existingBefore.identifiers);
    QCOMPARE(scalar(*db, "SELECT count(*) FROM supplier_search"), 1);
    QCOMPARE(scalar(*db, "SELECT count(*) FROM identifiers"), 1);
    QCOMPARE(scalar(*db,
                    QStringLiteral("SELECT count(*) FROM change_log WHERE batch = '%1' AND action = 'delete'")
                        .arg(undo->undoBatch)),
             2);
    QVERIFY(history.batch(f.batch)->undoneAt.isValid());
    auto check = workspace::check(*db);
    QVERIFY(check);
    QVERIFY2(check->problems.isEmpty(), qPrintable(check->problems.join(QLatin1Char('\n'))));
}

void TestImportHistory::undoRefusesOverLaterEdits()
{
    Fixture f;
    QVERIFY(prepare(f));
    auto db = openWorkspace(f.ws);
    SupplierRepository repo(*db);
    SupplierRecord rec = repo.record(f.existingId).value();
    rec.supplier.sector = QStringLiteral("Seafood processing");
    QVERIFY(repo.save(rec));
    ImportHistory history(*db);
    QCOMPARE(history.laterChanges(f.batch).value(), QStringList{f.existingId});
    auto refused = history.undo(f.batch);
    QVERIFY(!refused);
    QVERIFY(refused.error().message.contains(QStringLiteral("--force")));
    QCOMPARE(repo.count().value(), 3);
    QVERIFY(history.undo(f.batch, true));
    QCOMPARE(repo.count().value(), 1);
}

void TestImportHistory::undoTwiceRefused()
{
    Fixture f;
    QVERIFY(prepare(f));
    auto db = openWorkspace(f.ws);
    ImportHistory history(*db);
    QVERIFY(history.undo(f.batch));
    auto again = history.undo(f.batch);
    QVERIFY(!again);
    QVERIFY(again.error().message.contains(QStringLiteral("already undone")));
    QVERIFY(!history.undo(QStringLiteral("ffffffff")));
}

QTEST_GUILESS_MAIN(TestImportHistory)
#include "tst_importhistory.moc"
