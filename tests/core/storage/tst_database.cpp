#include "storage/database.h"
#include "storage/supplierrepository.h"
#include "storage/workspace.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace vigil;

class TestDatabase : public QObject
{
    Q_OBJECT
private slots:
    void createsCurrentSchema();
    void pragmas();
    void migratesV1Fixture();
    void failingMigrationRollsBackAndKeepsBackup();
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
