#include "queryrows.h"
#include "storage/database.h"
#include "storage/supplierrepository.h"
#include "storage/workspace.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace vigil;
using vigil::test::queryLines;

class TestDatabase : public QObject
{
    Q_OBJECT
private slots:
    void createsCurrentSchema();
    void pragmas();
    void migratesV1Fixture();
    void failingMigrationRollsBackAndKeepsBackup();
    void migratesObservationSitesFromV9();
    void observationsOfMissingSuppliersStopTheUpgrade();
    void refusesNewerSchema();
    void refusesBadFiles_data();
    void refusesBadFiles();
    void refusesForeignSqlite();
    void refusesReadOnlyFolder();
    void refusesMissingFile();
    void transactionRollsBack();
    void changeLogIsAppendOnly();
    void lockedWorkspaceIsBusyNotDamaged();

private:
    QString copyFixture(const QString& name);
    QTemporaryDir m_dir;
};

QString TestDatabase::copyFixture(const QString& name)
{
    const QString dest = m_dir.filePath(QStringLiteral("%1-%2").arg(QTest::currentTestFunction(), name));
    QFile::remove(dest);
    if (!QFile::copy(vigil::test::dataPath(QStringLiteral("workspaces/") + name), dest))
        return {};
    QFile::setPermissions(dest, QFile::ReadOwner | QFile::WriteOwner);
    return dest;
}

void TestDatabase::createsCurrentSchema()
{
    const QString path = m_dir.filePath(QStringLiteral("new.vigil"));
    auto db = Database::open(path, Database::Mode::CreateIfMissing);
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
    QCOMPARE(db.value()->schemaVersion(), Database::latestVersion());
    QVERIFY(Database::latestVersion() >= 1);
    QSqlQuery q(db.value()->db());
    QVERIFY(q.exec(QStringLiteral("PRAGMA application_id")) && q.next());
    QCOMPARE(q.value(0).toUInt(), Database::ApplicationId);
    for (const char* table : {"suppliers", "sites", "identifiers", "recruiters", "supplier_recruiters", "change_log",
                              "supplier_tags", "supplier_search"}) {
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))));
    }
    QVERIFY(db.value()->migrationBackupPath().isEmpty()); // nothing to back up on creation
}

void TestDatabase::pragmas()
{
    auto db = Database::open(m_dir.filePath(QStringLiteral("pragmas.vigil")), Database::Mode::CreateIfMissing);
    QVERIFY(db.ok());
    QSqlQuery q(db.value()->db());
    QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QVERIFY(q.exec(QStringLiteral("PRAGMA busy_timeout")) && q.next());
    QVERIFY(q.value(0).toInt() >= 1000);
    // A new workspace has 16 KiB pages; an existing one keeps its own (the v1 fixture's 4 KiB).
    QVERIFY(q.exec(QStringLiteral("PRAGMA page_size")) && q.next());
    QCOMPARE(q.value(0).toInt(), 16384);
    const QString v1 = copyFixture(QStringLiteral("v1.vigil"));
    QVERIFY(!v1.isEmpty());
    auto old = Database::open(v1);
    QVERIFY2(old.ok(), qPrintable(old.ok() ? QString() : old.error().toString()));
    QSqlQuery o(old.value()->db());
    QVERIFY(o.exec(QStringLiteral("PRAGMA page_size")) && o.next());
    QCOMPARE(o.value(0).toInt(), 4096);
    QVERIFY(o.exec(QStringLiteral("PRAGMA integrity_check")) && o.next());
    QCOMPARE(o.value(0).toString(), QStringLiteral("ok"));
}

void TestDatabase::migratesV1Fixture()
{
    const QString path = copyFixture(QStringLiteral("v1.vigil"));
    QVERIFY(!path.isEmpty());
    qint64 suppliersBefore = 0;
    {
        // Read the fixture as it is, with the migrations it was made with (v1 only).
        QList<Migration> v1 = Database::bundledMigrations().mid(0, 1);
        QCOMPARE(v1.first().version, 1);
        auto db = Database::open(path, Database::Mode::OpenExisting, v1);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
        QCOMPARE(db.value()->schemaVersion(), 1);
        suppliersBefore = SupplierRepository(*db.value()).count().value();
        QVERIFY(suppliersBefore > 0);
    }
    auto db = Database::open(path);
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
    QCOMPARE(db.value()->schemaVersion(), Database::latestVersion());
    QCOMPARE(SupplierRepository(*db.value()).count().value(), suppliersBefore);
    if (Database::latestVersion() > 1) {
        QCOMPARE(db.value()->migrationBackupPath(), path + QStringLiteral(".v1.bak"));
        QVERIFY(QFile::exists(path + QStringLiteral(".v1.bak")));
    }
    auto report = workspace::check(*db.value());
    QVERIFY(report.ok());
    QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

void TestDatabase::failingMigrationRollsBackAndKeepsBackup()
{
    const QString path = copyFixture(QStringLiteral("v1.vigil"));
    QList<Migration> migrations = Database::bundledMigrations().mid(0, 1);
    // Version 2 creates a table, then fails half-way: the table must not survive.
    migrations.append({2, QStringLiteral("broken"),
                       "CREATE TABLE half_done (x INTEGER);\n"
                       "INSERT INTO half_done VALUES (1);\n"
                       "INSERT INTO no_such_table VALUES (1);\n"});
    QByteArray before;
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        before = f.readAll();
    }
    auto failed = Database::open(path, Database::Mode::OpenExisting, migrations);
    QVERIFY(!failed.ok());
    QVERIFY2(failed.error().message.contains(QStringLiteral("nothing was changed")),
             qPrintable(failed.error().message));
    QCOMPARE(failed.error().file, path);
    const QString backup = path + QStringLiteral(".v1.bak");
    QVERIFY(QFile::exists(backup));
    // The workspace is still at version 1, without the half-made table, and its data is intact.
    auto db = Database::open(path, Database::Mode::OpenExisting, migrations.mid(0, 1));
    QVERIFY(db.ok());
    QCOMPARE(db.value()->schemaVersion(), 1);
    QSqlQuery q(db.value()->db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    QVERIFY(SupplierRepository(*db.value()).count().value() > 0);
    // The backup is a complete workspace too.
    auto fromBackup = Database::open(backup, Database::Mode::OpenExisting, migrations.mid(0, 1));
    QVERIFY(fromBackup.ok());
    QCOMPARE(SupplierRepository(*fromBackup.value()).count().value(), SupplierRepository(*db.value()).count().value());
}

namespace {

QList<Migration> migrationsUpTo(int version)
{
    QList<Migration> out;
    for (const Migration& m : Database::bundledMigrations())
        if (m.version <= version)
            out << m;
    return out;
}

const char* const kObservationRows
    = "SELECT rowid, id, supplier_id, site_id, typeof(site_id), indicator, status, source_type, observed_on, "
      "confidence, note, created_at, created_by FROM risk_observations ORDER BY rowid";
const char* const kObservationIndexes
    = "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'risk_observations' ORDER BY name";
const char* const kObservationColumns = "SELECT * FROM pragma_table_info('risk_observations') ORDER BY cid";
const char* const kObservationKeys
    = "SELECT \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list('risk_observations') "
      "ORDER BY \"from\"";

} // namespace

// Schema 10 rebuilds risk_observations so that site_id no longer references sites (ON DELETE SET NULL lost the site
// of an observation when its site was removed, and undoing the removal could not give it back). A workspace at
// schema 9, made with the schema-9 migrations, keeps every row and value (NULL sites too), the indexes and the
// supplier cascade; the backup made before the upgrade is a complete schema-9 workspace.
void TestDatabase::migratesObservationSitesFromV9()
{
    const QString path = m_dir.filePath(QStringLiteral("v9-observations.vigil"));
    const QString supplier = QStringLiteral("11111111-1111-4111-8111-111111111111");
    const QString plant = QStringLiteral("22222222-2222-4222-8222-222222222222");
    const QString dorm = QStringLiteral("33333333-3333-4333-8333-333333333333");
    QStringList rows, indexes, columns;
    {
        auto db = Database::open(path, Database::Mode::CreateIfMissing, migrationsUpTo(9));
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
        QCOMPARE(db.value()->schemaVersion(), 9);
        QSqlQuery q(db.value()->db());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO suppliers (id, name, name_key, country, created_at, updated_at) "
                                      "VALUES ('%1', 'Blue Ocean', 'blue ocean', 'TH', '2026-01-01T00:00:00Z', "
                                      "'2026-01-01T00:00:00Z')")
                           .arg(supplier)));
        for (const QString& site : {plant, dorm})
            QVERIFY(q.exec(QStringLiteral("INSERT INTO sites (id, supplier_id, name) VALUES ('%1', '%2', 'x')")
                               .arg(site, supplier)));
        const QString insert = QStringLiteral(
            "INSERT INTO risk_observations (id, supplier_id, site_id, indicator, status, source_type, observed_on, "
            "confidence, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        const QList<QVariantList> values{
            {QStringLiteral("aaaaaaaa-0000-4000-8000-000000000001"), supplier, plant,
             QStringLiteral("ilo_02_deception"), QStringLiteral("present"), QStringLiteral("worker_interview"),
             QStringLiteral("2026-03-01"), 0.75, QStringLiteral("Pasaportes retenidos – ในหอพัก"),
             QStringLiteral("2026-03-02T10:00:00Z"), QStringLiteral("auditor")},
            {QStringLiteral("aaaaaaaa-0000-4000-8000-000000000002"), supplier, dorm, QStringLiteral("ilo_04_isolation"),
             QStringLiteral("absent"), QStringLiteral("audit"), QString(""), 1.0, QString(""),
             QStringLiteral("2026-03-02T10:00:01Z"), QString("")},
            {QStringLiteral("aaaaaaaa-0000-4000-8000-000000000003"), supplier, QVariant(QMetaType(QMetaType::QString)),
             QStringLiteral("ilo_11_excessive_overtime"), QStringLiteral("not_assessed"),
             QStringLiteral("self_assessment"), QStringLiteral("2025-12-31"), 0.0, QStringLiteral("supplier-wide"),
             QStringLiteral("2026-03-02T10:00:02Z"), QStringLiteral("someone")},
            {QStringLiteral("aaaaaaaa-0000-4000-8000-000000000004"), supplier, plant,
             QStringLiteral("ilo_07_retention_of_identity_documents"), QStringLiteral("present"),
             QStringLiteral("ngo_media_report"), QStringLiteral("2026-01-15"), 0.5, QString(""),
             QStringLiteral("2026-03-02T10:00:03Z"), QString("")}};
        for (const QVariantList& v : values) {
            QVERIFY(q.prepare(insert));
            for (const QVariant& x : v)
                q.addBindValue(x);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        // Schema 9 as it was: the site of an observation follows the site's removal (ON DELETE SET NULL).
        QVERIFY(q.exec(QStringLiteral("SELECT sql FROM sqlite_schema WHERE name = 'risk_observations'")) && q.next());
        QVERIFY(q.value(0).toString().contains(QLatin1String("REFERENCES sites")));
        rows = queryLines(db.value()->db(), QLatin1String(kObservationRows));
        indexes = queryLines(db.value()->db(), QLatin1String(kObservationIndexes));
        columns = queryLines(db.value()->db(), QLatin1String(kObservationColumns));
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.filter(QStringLiteral("|<null>|null|")).size(), 1);
        QCOMPARE(indexes.size(), 3); // the primary key's, by supplier and indicator, by site
    }

    auto db = Database::open(path);
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
    QVERIFY(db.value()->schemaVersion() >= 10);
    QCOMPARE(db.value()->migrationBackupPath(), path + QStringLiteral(".v9.bak"));
    const QSqlDatabase& sql = db.value()->db();
    QCOMPARE(queryLines(sql, QLatin1String(kObservationRows)), rows);
    QCOMPARE(queryLines(sql, QLatin1String(kObservationIndexes)), indexes);
    QCOMPARE(queryLines(sql, QLatin1String(kObservationColumns)), columns);
    // Only the reference to suppliers is left, with its cascade.
    QCOMPARE(queryLines(sql, QLatin1String(kObservationKeys)),
             QStringList{QStringLiteral("suppliers|supplier_id|id|NO ACTION|CASCADE")});
    QCOMPARE(queryLines(sql, QStringLiteral("PRAGMA foreign_key_check")), QStringList());
    QCOMPARE(queryLines(sql, QStringLiteral("PRAGMA integrity_check")), QStringList{QStringLiteral("ok")});
    QCOMPARE(queryLines(sql, QStringLiteral("SELECT name FROM sqlite_schema WHERE name LIKE '%_new%'")), QStringList());
    QCOMPARE(queryLines(sql, QStringLiteral("SELECT name FROM sqlite_temp_schema")),
             QStringList()); // the check is gone
    // Nothing else names the table (no trigger or view to make again).
    QCOMPARE(queryLines(sql,
                        QStringLiteral("SELECT name FROM sqlite_schema WHERE type IN ('trigger', 'view') AND "
                                       "(tbl_name = 'risk_observations' OR sql LIKE '%risk_observations%')")),
             QStringList());

    // Removing a site leaves its observations at that site; removing the supplier removes them.
    QSqlQuery q(sql);
    QVERIFY(q.exec(QStringLiteral("DELETE FROM sites WHERE id = '%1'").arg(plant)));
    QCOMPARE(queryLines(sql, QStringLiteral("SELECT count(*) FROM risk_observations WHERE site_id = '%1'").arg(plant)),
             QStringList{QStringLiteral("2")});
    QVERIFY(q.exec(QStringLiteral("DELETE FROM sites WHERE supplier_id = '%1'").arg(supplier)));
    QVERIFY(q.exec(QStringLiteral("DELETE FROM suppliers WHERE id = '%1'").arg(supplier)));
    QCOMPARE(queryLines(sql, QStringLiteral("SELECT count(*) FROM risk_observations")),
             QStringList{QStringLiteral("0")});

    // The backup is the workspace as it was at schema 9.
    auto backup = Database::open(path + QStringLiteral(".v9.bak"), Database::Mode::OpenExisting, migrationsUpTo(9));
    QVERIFY2(backup.ok(), qPrintable(backup.ok() ? QString() : backup.error().toString()));
    QCOMPARE(backup.value()->schemaVersion(), 9);
    QCOMPARE(queryLines(backup.value()->db(), QLatin1String(kObservationRows)), rows);
}

// An observation whose supplier is not in the workspace (something wrote with foreign keys off) cannot be copied
// into the rebuilt table: the upgrade stops with a message that says so, and changes nothing.
void TestDatabase::observationsOfMissingSuppliersStopTheUpgrade()
{
    const QString path = m_dir.filePath(QStringLiteral("v9-orphan.vigil"));
    {
        auto db = Database::open(path, Database::Mode::CreateIfMissing, migrationsUpTo(9));
        QVERIFY(db.ok());
        QSqlQuery q(db.value()->db());
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys = OFF")));
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO risk_observations (id, supplier_id, indicator, status, source_type, created_at) VALUES "
            "('aaaaaaaa-0000-4000-8000-000000000009', '99999999-9999-4999-8999-999999999999', 'ilo_02_deception', "
            "'present', 'audit', '2026-01-01T00:00:00Z')")));
    }
    auto failed = Database::open(path);
    QVERIFY(!failed.ok());
    QVERIFY2(failed.error().message.contains(QStringLiteral("nothing was changed")),
             qPrintable(failed.error().message));
    QVERIFY2(failed.error().detail.contains(QStringLiteral("supplier missing from the workspace")),
             qPrintable(failed.error().detail));
    auto db = Database::open(path, Database::Mode::OpenExisting, migrationsUpTo(9));
    QVERIFY(db.ok());
    QCOMPARE(db.value()->schemaVersion(), 9);
    QCOMPARE(queryLines(db.value()->db(), QStringLiteral("SELECT count(*) FROM risk_observations")),
             QStringList{QStringLiteral("1")});
}

void TestDatabase::refusesNewerSchema()
{
    const QString path = m_dir.filePath(QStringLiteral("newer.vigil"));
    {
        auto db = Database::open(path, Database::Mode::CreateIfMissing);
        QVERIFY(db.ok());
        QSqlQuery q(db.value()->db());
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 999")));
    }
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray before = f.readAll();
    f.close();
    auto db = Database::open(path);
    QVERIFY(!db.ok());
    QVERIFY2(db.error().message.contains(QStringLiteral("newer version of Vigil")), qPrintable(db.error().message));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
    QVERIFY(!QFile::exists(path + QStringLiteral(".v999.bak")));
}

void TestDatabase::refusesBadFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::addRow("empty file") << QByteArray() << QStringLiteral("empty");
    QTest::addRow("a CSV file") << QByteArray("name,country\nAcme,TH\n") << QStringLiteral("not a Vigil workspace");
    QTest::addRow("binary noise") << QByteArray(4096, '\x9c') << QStringLiteral("not a Vigil workspace");
    QTest::addRow("truncated header") << QByteArray("SQLite format 3\0\x10\0", 19) << QStringLiteral("truncated");
    QByteArray corrupt("SQLite format 3\0", 16);
    corrupt += QByteArray(8192, '\xff');
    QTest::addRow("corrupt pages") << corrupt << QStringLiteral("damaged");
}

void TestDatabase::refusesBadFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const QString path = m_dir.filePath(QStringLiteral("bad-%1.vigil").arg(QTest::currentDataTag()));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    auto db = Database::open(path);
    QVERIFY(!db.ok());
    QVERIFY2(db.error().toString().contains(expected, Qt::CaseInsensitive), qPrintable(db.error().toString()));
    QCOMPARE(db.error().file, path);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), content); // nothing overwritten
}

void TestDatabase::refusesForeignSqlite()
{
    const QString path = m_dir.filePath(QStringLiteral("other-app.sqlite"));
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        other.setDatabaseName(path);
        QVERIFY(other.open());
        QSqlQuery q(other);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE notes (t TEXT)")));
        other.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray before = f.readAll();
    f.close();
    auto db = Database::open(path);
    QVERIFY(!db.ok());
    QVERIFY2(db.error().message.contains(QStringLiteral("not a Vigil workspace")), qPrintable(db.error().message));
    // Not a byte changed: not even the journal mode in the header.
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
}

void TestDatabase::refusesReadOnlyFolder()
{
    // As root, permissions are not enforced: tst_cliworkspace runs the same case as an unprivileged user.
    if (geteuid() == 0)
        QSKIP("root ignores folder permissions; tst_cliworkspace covers this case through setpriv");
    const QString dir = m_dir.filePath(QStringLiteral("readonly"));
    QVERIFY(QDir().mkpath(dir));
    const QString path = dir + QStringLiteral("/ws.vigil");
    QVERIFY(QFile::copy(vigil::test::dataPath(QStringLiteral("workspaces/v1.vigil")), path));
    QFile::setPermissions(path, QFile::ReadOwner);
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::ExeOwner);
    auto db = Database::open(path);
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QVERIFY(!db.ok());
    QVERIFY2(db.error().message.contains(QStringLiteral("read-only")), qPrintable(db.error().message));
}

void TestDatabase::refusesMissingFile()
{
    auto db = Database::open(m_dir.filePath(QStringLiteral("nope.vigil")));
    QVERIFY(!db.ok());
    QVERIFY(db.error().message.contains(QStringLiteral("does not exist")));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("nope.vigil"))));
}

void TestDatabase::transactionRollsBack()
{
    auto db = Database::open(m_dir.filePath(QStringLiteral("tx.vigil")), Database::Mode::CreateIfMissing);
    QVERIFY(db.ok());
    Status st = db.value()->transaction([&]() -> Status {
        QSqlQuery q(db.value()->db());
        if (!q.exec(QStringLiteral("INSERT INTO workspace_info (key, value) VALUES ('k', 'v')")))
            return makeError(QStringLiteral("insert failed"));
        return makeError(QStringLiteral("second step failed"));
    });
    QVERIFY(!st.ok());
    QCOMPARE(st.error().message, QStringLiteral("second step failed"));
    QSqlQuery q(db.value()->db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM workspace_info WHERE key = 'k'")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestDatabase::changeLogIsAppendOnly()
{
    auto db = Database::open(m_dir.filePath(QStringLiteral("log.vigil")), Database::Mode::CreateIfMissing);
    QVERIFY(db.ok());
    SupplierRepository repo(*db.value());
    SupplierRecord rec;
    rec.supplier.name = QStringLiteral("Acme");
    rec.supplier.country = QStringLiteral("TH");
    QVERIFY(repo.add(rec).ok());
    QSqlQuery q(db.value()->db());
    QVERIFY(!q.exec(QStringLiteral("UPDATE change_log SET who = 'mallory'")));
    QVERIFY(!q.exec(QStringLiteral("DELETE FROM change_log")));
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM change_log WHERE who = 'mallory'")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

// While another connection writes with a rollback journal (as a large import does when it is alone), opening the
// workspace waits, then says it is busy: not that the file is damaged.
void TestDatabase::lockedWorkspaceIsBusyNotDamaged()
{
    const QString path = m_dir.filePath(QStringLiteral("locked.vigil"));
    auto writer = Database::open(path, Database::Mode::CreateIfMissing);
    QVERIFY(writer.ok());
    QSqlQuery w(writer.value()->db());
    QVERIFY(w.exec(QStringLiteral("PRAGMA journal_mode = DELETE")) && w.next());
    QCOMPARE(w.value(0).toString(), QStringLiteral("delete"));
    w.finish();
    QVERIFY(w.exec(QStringLiteral("BEGIN EXCLUSIVE")));
    auto reader = Database::open(path);
    QVERIFY(!reader.ok());
    QVERIFY2(reader.error().message.contains(QLatin1String("busy")), qPrintable(reader.error().toString()));
    QVERIFY(!reader.error().message.contains(QLatin1String("damaged")));
    QVERIFY(w.exec(QStringLiteral("COMMIT")));
    QVERIFY(w.exec(QStringLiteral("PRAGMA journal_mode = WAL")) && w.next());
    QCOMPARE(w.value(0).toString(), QStringLiteral("wal"));
    w.finish();
    auto again = Database::open(path);
    QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().toString()));
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
