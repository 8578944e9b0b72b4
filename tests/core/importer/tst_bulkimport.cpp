// The importer's bulk path (read-only indexes dropped while writing, built again before the commit; statements
// compiled without the CHECK constraints, which BulkWriter checks itself; time-ordered ids) must give the same
// workspace as the normal path, and a failure part-way must leave the workspace as it was, its indexes and search
// index included.
#include "importer/bulkwriter.h"
#include "importer/importer.h"
#include "importer/importhistory.h"
#include "importtestutil.h"
#include "queryrows.h"
#include "storage/supplierrepository.h"
#include "util/uuid.h"

#include <QSet>
#include <QSqlError>
#include <QTest>

#include <algorithm>
#include <atomic>

using namespace vigil;
using namespace vigil::test;

namespace {

const QByteArray kFile = "Supplier Name,Country/Region,Address,No. of Workers,% Migrant Workers,Vendor ID,Tags\r\n"
                         "\"Siam Garment Co., Ltd\",Thailand,\"99 Moo 4, Bangkok, Thailand\",\"1,200\",35%,V001,a|b\r\n"
                         "PT Sumber Makmur,Indonesia,Jakarta,1000-5000,0.2,V002,\r\n"
                         "SIAM GARMENT COMPANY LIMITED,TH,,<1000,,V003,c\r\n"
                         "Siam Garmant,Thailand,\"Chiang Mai\",300,,V007,\r\n"
                         "Golden Palm Sdn Bhd,Thailand,\"12 Jalan Ampang, Kuala Lumpur, Malaysia\",>500,,V005,\r\n"
                         "Công ty TNHH May Việt,Viet Nam,\"Hanoi, Vietnam\",approx. 300,40,V006,\r\n"
                         "Sumber Makmur,Indonesia,Jakarta,,,V002,\r\n";

// The indexes of the workspace with their definitions.
QStringList indexes(Database& db)
{
    return queryLines(db.db(),
                      QStringLiteral("SELECT name || ': ' || coalesce(sql, '') FROM sqlite_schema WHERE "
                                     "type = 'index' ORDER BY name"));
}

// What an import leaves, without its ids and timestamps (new on every run).
QStringList contents(Database& db)
{
    QStringList out;
    out << queryLines(
        db.db(),
        QStringLiteral("SELECT name, name_key, other_names, country, address, sector, products, tier, "
                       "annual_spend, currency, workers_min, workers_max, migrant_share, female_share, status, "
                       "tags FROM suppliers ORDER BY rowid_"));
    out << queryLines(db.db(), QStringLiteral("SELECT rowid, names FROM supplier_search ORDER BY rowid"));
    out << queryLines(db.db(), QStringLiteral("SELECT supplier_rowid, tag FROM supplier_tags ORDER BY 1, 2"));
    out << queryLines(db.db(),
                      QStringLiteral("SELECT s.rowid_, i.scheme, i.value FROM identifiers i JOIN suppliers s ON s.id = "
                                     "i.supplier_id ORDER BY 1, 2, 3"));
    out << queryLines(db.db(),
                      QStringLiteral("SELECT s.rowid_, c.entity, c.action, c.field, c.old_value, c.new_value FROM "
                                     "change_log c JOIN suppliers s ON s.id = c.entity_id ORDER BY c.seq"));
    return out;
}

// What searching finds: the register's search (trigram index), by name key.
QStringList searches(Database& db)
{
    SupplierRepository repo(db);
    QStringList out;
    for (const char* term : {"siam", "garm", "makmur", "may việt", "palm", "jakarta", "xyz"}) {
        SupplierFilter f;
        f.search = QString::fromUtf8(term);
        auto ids = repo.ids(f);
        out << QStringLiteral("%1: %2").arg(QString::fromUtf8(term)).arg(ids ? ids->size() : -1);
    }
    return out;
}

} // namespace

class TestBulkImport : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void bulkPathSameAsNormalPath();
    void failureMidBulkChangesNothing_data();
    void failureMidBulkChangesNothing();
    void undoAfterBulkImport();
    void changeLogWrittenInBulk();
    void sequentialUuids();
    void rollbackJournalOnlyWhenAlone_data();
    void rollbackJournalOnlyWhenAlone();
    void indexPhaseReportsProgressAndCancels_data();
    void indexPhaseReportsProgressAndCancels();

private:
    std::unique_ptr<Database> openFresh(const QString& name);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestBulkImport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestBulkImport::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<Database> TestBulkImport::openFresh(const QString& name)
{
    return openWorkspace(m_dir->filePath(name));
}

void TestBulkImport::bulkPathSameAsNormalPath()
{
    const QString path = writeFile(*m_dir, "suppliers.csv", kFile);
    QStringList got[2], found[2];
    ImportCounts counts[2];
    for (int bulk = 0; bulk < 2; ++bulk) {
        auto db = openFresh(QStringLiteral("ws%1.vigil").arg(bulk));
        QVERIFY(db);
        const QStringList before = indexes(*db);
        ImportOptions o;
        o.onError = ImportOptions::OnError::Skip;
        o.possibleDuplicates = ImportOptions::Possible::AddAsNew;
        o.rebuildIndexes = bulk == 1;
        o.rollbackJournal = bulk == 1;
        Importer importer(*db);
        auto r = importer.run(path, o);
        QVERIFY2(r, r ? "" : qPrintable(r.error().toString()));
        QVERIFY(r->committed);
        QCOMPARE(queryLines(db->db(), QStringLiteral("PRAGMA journal_mode")), QStringList{QStringLiteral("wal")});
        counts[bulk] = r->counts;
        QCOMPARE(indexes(*db), before); // every index is back, as it was defined
        QCOMPARE(scalar(*db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), 0);
        QCOMPARE(scalar(*db, "PRAGMA ignore_check_constraints"), 0); // CHECK constraints apply again
        got[bulk] = contents(*db);
        found[bulk] = searches(*db);
    }
    QCOMPARE(counts[1].added, counts[0].added);
    QCOMPARE(counts[1].updated, counts[0].updated);
    QCOMPARE(counts[1].possibleDuplicates, counts[0].possibleDuplicates);
    QVERIFY(counts[1].added >= 4);
    QVERIFY(counts[1].updated >= 2);
    QCOMPARE(got[1], got[0]);
    QCOMPARE(found[1], found[0]);
    QVERIFY(found[1].contains(QStringLiteral("makmur: 1")));
    QVERIFY(found[1].contains(QStringLiteral("may việt: 1")));
}

void TestBulkImport::failureMidBulkChangesNothing_data()
{
    QTest::addColumn<int>("failAt");
    QTest::addColumn<bool>("cancel");
    QTest::addRow("failure at the first row") << 1 << false;
    QTest::addRow("failure after rows and a merge") << 5 << false;
    QTest::addRow("cancel after rows") << 4 << true;
}

void TestBulkImport::failureMidBulkChangesNothing()
{
    QFETCH(int, failAt);
    QFETCH(bool, cancel);
    auto db = openFresh(QStringLiteral("ws.vigil"));
    QVERIFY(db);
    // A supplier already there, whose index entries and search entry must survive.
    SupplierRepository repo(*db);
    SupplierRecord existing;
    existing.supplier.name = QStringLiteral("Golden Palm Sdn Bhd");
    existing.supplier.country = QStringLiteral("TH");
    existing.identifiers << Identifier{IdentifierScheme::VendorId, QStringLiteral("V005")};
    QVERIFY(repo.add(existing));
    const QString beforeData = fingerprint(*db);
    const QStringList beforeIndexes = indexes(*db);
    const QStringList beforeSearch = searches(*db);

    const QString path = writeFile(*m_dir, "suppliers.csv", kFile);
    std::atomic<bool> stop{false};
    ImportOptions o;
    o.onError = ImportOptions::OnError::Skip;
    o.rebuildIndexes = true;
    o.rollbackJournal = true;
    int written = 0;
    o.beforeWrite = [&](qint64) -> Status {
        if (++written == failAt) {
            if (!cancel)
                return makeError(QStringLiteral("disk full (injected)"));
            stop.store(true);
        }
        return {};
    };
    Importer importer(*db);
    auto r = importer.run(path, o, {}, &stop);
    QVERIFY(!r);
    QVERIFY(r.error().message.contains(cancel ? QStringLiteral("cancelled") : QStringLiteral("injected")));
    QCOMPARE(fingerprint(*db), beforeData);
    QCOMPARE(indexes(*db), beforeIndexes);
    QCOMPARE(searches(*db), beforeSearch);
    QCOMPARE(scalar(*db, "PRAGMA ignore_check_constraints"), 0);
    QCOMPARE(scalar(*db, "SELECT count(*) FROM supplier_search_config WHERE k = 'hashsize'"), 0); // as it was
    QCOMPARE(scalar(*db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), 0);
    QCOMPARE(queryLines(db->db(), QStringLiteral("PRAGMA journal_mode")), QStringList{QStringLiteral("wal")});
    QCOMPARE(scalar(*db, "PRAGMA synchronous"), 1); // NORMAL again
    // The index the register sorts by is used again.
    QVERIFY(queryLines(db->db(), "EXPLAIN QUERY PLAN SELECT rowid_ FROM suppliers ORDER BY country, name_key")
                .join(QLatin1Char(' '))
                .contains(QStringLiteral("suppliers_country_name")));
    // And the workspace takes the same import afterwards.
    o.beforeWrite = {};
    stop.store(false);
    auto again = importer.run(path, o, {}, &stop);
    QVERIFY2(again, again ? "" : qPrintable(again.error().toString()));
    QVERIFY(again->committed);
}

void TestBulkImport::undoAfterBulkImport()
{
    // Import over an existing supplier (a merge keeps its before-image), reopen, undo: back to the start.
    const QString wsPath = m_dir->filePath(QStringLiteral("ws.vigil"));
    QString before;
    QStringList beforeIndexes;
    QString batch;
    QString existingId;
    {
        auto db = openWorkspace(wsPath);
        QVERIFY(db);
        SupplierRepository repo(*db);
        SupplierRecord existing;
        existing.supplier.name = QStringLiteral("Sumber Makmur");
        existing.supplier.country = QStringLiteral("ID");
        existing.identifiers << Identifier{IdentifierScheme::VendorId, QStringLiteral("V002")};
        QVERIFY(repo.add(existing));
        existingId = repo.ids(SupplierFilter{}).value().value(0);
        before = fingerprint(*db);
        beforeIndexes = indexes(*db);
        ImportOptions o;
        o.onError = ImportOptions::OnError::Skip;
        o.rebuildIndexes = true;
        auto r = Importer(*db).run(writeFile(*m_dir, "suppliers.csv", kFile), o);
        QVERIFY(r && r->committed);
        QVERIFY(r->counts.updated >= 1);
        batch = r->batchId;
        // The supplier's history says where it came from.
        SupplierFilter filter;
        filter.search = QStringLiteral("may việt");
        auto added = repo.ids(filter);
        QVERIFY(added && added->size() == 1);
        auto history = ChangeLog(db->db()).forEntity(added->first());
        QVERIFY(history);
        QVERIFY(std::any_of(history->begin(), history->end(), [&](const ChangeEntry& e) {
            return e.batch == batch && e.entity == QLatin1String("supplier") && e.action == QLatin1String("create");
        }));
    }
    auto db = openWorkspace(wsPath);
    QVERIFY(db);
    ImportHistory history(*db);
    auto undo = history.undo(batch);
    QVERIFY2(undo, undo ? "" : qPrintable(undo.error().toString()));
    QCOMPARE(undo->restored, 1);
    QCOMPARE(scalar(*db, "SELECT count(*) FROM suppliers"), 1);
    SupplierRepository repo(*db);
    auto rec = repo.record(existingId);
    QVERIFY(rec);
    QCOMPARE(rec->supplier.name, QStringLiteral("Sumber Makmur"));
    QCOMPARE(rec->identifiers.size(), 1);
    QCOMPARE(indexes(*db), beforeIndexes);
    QCOMPARE(scalar(*db, "SELECT count(*) FROM supplier_search"), 1);
}

void TestBulkImport::changeLogWrittenInBulk()
{
    // The "create" entries of what an import adds are written in bulk from the rows (BulkWriter::flush()): one per
    // supplier and per identifier, each supplier's "create" before anything else about it, also when a later row of
    // the same file merges into a supplier an earlier row added (Sumber Makmur, vendor id V002).
    auto db = openFresh(QStringLiteral("ws.vigil"));
    QVERIFY(db);
    ImportOptions o;
    o.onError = ImportOptions::OnError::Skip;
    o.possibleDuplicates = ImportOptions::Possible::AddAsNew;
    o.rebuildIndexes = true;
    auto r = Importer(*db).run(writeFile(*m_dir, "suppliers.csv", kFile), o);
    QVERIFY(r && r->committed);
    QVERIFY(r->counts.added >= 4);
    QVERIFY(r->counts.updated >= 1); // a merge into a supplier this import added
    const QString b = r->batchId;
    auto count = [&](const char* sql) {
        return scalar(*db,
                      QString::fromLatin1(sql).replace(QLatin1String("$B"), QLatin1Char('\'') + b + QLatin1Char('\'')));
    };
    QCOMPARE(count("SELECT count(*) FROM change_log WHERE batch = $B AND entity = 'supplier' AND action = 'create'"),
             count("SELECT count(*) FROM suppliers"));
    QCOMPARE(count("SELECT count(*) FROM change_log WHERE batch = $B AND entity = 'identifier' AND action = 'create'"),
             count("SELECT count(*) FROM identifiers"));
    // The entry says what was created, by whom, when (the row's time of writing), in this batch.
    QCOMPARE(count("SELECT count(*) FROM suppliers s JOIN change_log c ON c.entity_id = s.id AND c.entity = "
                   "'supplier' AND c.action = 'create' WHERE c.new_value = s.name AND c.at = s.created_at "
                   "AND c.field = '' AND c.old_value IS NULL AND c.who <> ''"),
             count("SELECT count(*) FROM suppliers"));
    QCOMPARE(count("SELECT count(*) FROM identifiers i JOIN change_log c ON c.entity_id = i.supplier_id AND "
                   "c.entity = 'identifier' AND c.field = i.scheme AND c.new_value = i.value"),
             count("SELECT count(*) FROM identifiers"));
    // Every supplier's first entry is its "create"; the merge's "update" entries come after it.
    QCOMPARE(count("SELECT count(*) FROM suppliers s WHERE (SELECT entity || ' ' || action FROM change_log WHERE "
                   "entity_id = s.id ORDER BY seq LIMIT 1) <> 'supplier create'"),
             0);
    QVERIFY(count("SELECT count(*) FROM change_log WHERE batch = $B AND action = 'update'") >= 1);
    // Search finds every supplier, the ones with one name and the ones with several.
    QCOMPARE(count("SELECT count(*) FROM supplier_search"), count("SELECT count(*) FROM suppliers"));
    QCOMPARE(searches(*db).filter(QStringLiteral("makmur")), QStringList{QStringLiteral("makmur: 1")});

    // A supplier added with other names is found by each of them.
    const QByteArray aliases = "Supplier Name,Country,Other Names\r\n"
                               "Mekong Seafood JSC,VN,Thủy sản Mê Kông|Mekong Fish Co\r\n";
    auto r2 = Importer(*db).run(writeFile(*m_dir, "aliases.csv", aliases), o);
    QVERIFY(r2 && r2->committed);
    QCOMPARE(r2->counts.added, 1);
    SupplierRepository repo(*db);
    for (const char* term : {"mekong seafood", "thủy sản", "fish co"}) {
        SupplierFilter f;
        f.search = QString::fromUtf8(term);
        auto ids = repo.ids(f);
        QVERIFY(ids);
        QCOMPARE(ids->size(), 1);
    }
    QCOMPARE(count("SELECT count(*) FROM supplier_search"), count("SELECT count(*) FROM suppliers"));
    // The search index's in-memory buffer, larger while importing, is back to SQLite's default.
    QCOMPARE(count("SELECT coalesce((SELECT v FROM supplier_search_config WHERE k = 'hashsize'), 1048576)"), 1048576);
    QCOMPARE(count("SELECT count(*) FROM supplier_search_config WHERE k = 'hashsize'"), 1);
    QSqlQuery check(db->db());
    QVERIFY2(check.exec(QStringLiteral("INSERT INTO supplier_search (supplier_search) VALUES ('integrity-check')")),
             qPrintable(check.lastError().text()));
}

void TestBulkImport::sequentialUuids()
{
    SequentialUuids ids;
    QString last;
    QSet<QString> seen;
    for (int i = 0; i < 20000; ++i) {
        const QString id = ids.next();
        QVERIFY2(isUuid(id), qPrintable(id));
        QCOMPARE(id.at(14), QLatin1Char('7')); // version 7
        QVERIFY(QStringLiteral("89ab").contains(id.at(19))); // RFC 9562 variant
        QVERIFY2(id > last, qPrintable(id + QStringLiteral(" after ") + last)); // time-ordered
        seen.insert(id);
        last = id;
    }
    QCOMPARE(seen.size(), 20000);
    QVERIFY(SequentialUuids().next() != SequentialUuids().next()); // random below the timestamp
}

void TestBulkImport::rollbackJournalOnlyWhenAlone_data()
{
    QTest::addColumn<bool>("anotherConnection");
    QTest::addRow("alone: rollback journal") << false;
    QTest::addRow("another connection open: write-ahead log") << true;
}

// A large import writes with a rollback journal only when no other connection has the workspace open (SQLite
// refuses the switch otherwise), and the workspace is in WAL mode again afterwards either way.
void TestBulkImport::rollbackJournalOnlyWhenAlone()
{
    QFETCH(bool, anotherConnection);
    auto db = openFresh(QStringLiteral("ws.vigil"));
    QVERIFY(db);
    std::unique_ptr<Database> other;
    if (anotherConnection) {
        auto o = db->openAnother();
        QVERIFY(o);
        other = std::move(o).value();
        QCOMPARE(scalar(*other, "SELECT count(*) FROM suppliers"), 0); // it has read the workspace
    }
    ImportOptions o;
    o.onError = ImportOptions::OnError::Skip;
    o.rollbackJournal = true;
    QStringList modes;
    o.beforeWrite = [&](qint64) -> Status {
        modes << queryLines(db->db(), QStringLiteral("PRAGMA journal_mode"));
        return {};
    };
    auto r = Importer(*db).run(writeFile(*m_dir, "suppliers.csv", kFile), o);
    QVERIFY2(r, r ? "" : qPrintable(r.error().toString()));
    QVERIFY(r->committed);
    QVERIFY(!modes.isEmpty());
    modes.removeDuplicates();
    QCOMPARE(modes, QStringList{anotherConnection ? QStringLiteral("wal") : QStringLiteral("delete")});
    QCOMPARE(queryLines(db->db(), QStringLiteral("PRAGMA journal_mode")), QStringList{QStringLiteral("wal")});
    QVERIFY(scalar(*db, "SELECT count(*) FROM suppliers") >= 4);
    if (other)
        QCOMPARE(scalar(*other, "SELECT count(*) FROM suppliers"), scalar(*db, "SELECT count(*) FROM suppliers"));
}

void TestBulkImport::indexPhaseReportsProgressAndCancels_data()
{
    QTest::addColumn<bool>("cancelInIndexes");
    QTest::addRow("to the end") << false;
    QTest::addRow("cancelled while indexing") << true;
}

// Building the indexes again takes the last tenth of the progress bar, index by index, and a cancel between two of
// them changes nothing.
void TestBulkImport::indexPhaseReportsProgressAndCancels()
{
    QFETCH(bool, cancelInIndexes);
    auto db = openFresh(QStringLiteral("ws.vigil"));
    QVERIFY(db);
    const QString before = fingerprint(*db);
    const QStringList beforeIndexes = indexes(*db);
    ImportOptions o;
    o.onError = ImportOptions::OnError::Skip;
    o.rebuildIndexes = true;
    std::atomic<bool> cancel{false};
    QList<double> seen;
    auto r = Importer(*db).run(
        writeFile(*m_dir, "suppliers.csv", kFile), o,
        [&](double fraction, qint64) {
            seen << fraction;
            if (cancelInIndexes && fraction > 0.9 && fraction < 1.0)
                cancel.store(true);
        },
        &cancel);
    QVERIFY(!seen.isEmpty());
    QVERIFY(std::is_sorted(seen.begin(), seen.end()));
    // The indexes' steps between 0.9 and 1: all of them, or up to the one where the cancel came.
    const auto steps = std::count_if(seen.begin(), seen.end(), [](double f) { return f > 0.9 && f < 1.0; });
    QVERIFY(cancelInIndexes ? steps == 1 : steps >= 5);
    if (cancelInIndexes) {
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(QStringLiteral("cancelled")));
        QVERIFY(seen.last() < 1.0);
        QCOMPARE(fingerprint(*db), before);
        QCOMPARE(indexes(*db), beforeIndexes);
        QCOMPARE(queryLines(db->db(), QStringLiteral("PRAGMA journal_mode")), QStringList{QStringLiteral("wal")});
    } else {
        QVERIFY2(r, r ? "" : qPrintable(r.error().toString()));
        QVERIFY(r->committed);
        QCOMPARE(seen.last(), 1.0);
        QCOMPARE(indexes(*db), beforeIndexes);
    }
}

QTEST_GUILESS_MAIN(TestBulkImport)
#include "tst_bulkimport.moc"
