#include "storage/database.h"

#include "util/uuid.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>

namespace vigil {

namespace {

Error fileError(const QString& path, const QString& message, const QString& detail = {})
{
    Error e = makeError(message, detail);
    e.file = path;
    return e;
}

} // namespace

Error Database::queryError(const QString& what, const QSqlQuery& q)
{
    return makeError(what, q.lastError().text());
}

Database::~Database()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QList<Migration> Database::bundledMigrations()
{
    QList<Migration> list;
    static const QRegularExpression re(QStringLiteral("^(\\d{3})_(.+)\\.sql$"));
    const QStringList files = QDir(QStringLiteral(":/sql")).entryList(QDir::Files, QDir::Name);
    for (const QString& f : files) {
        const auto m = re.match(f);
        if (!m.hasMatch())
            continue;
        QFile file(QStringLiteral(":/sql/") + f);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        list.append({m.captured(1).toInt(), m.captured(2), file.readAll()});
    }
    std::sort(list.begin(), list.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
    return list;
}

int Database::latestVersion()
{
    const QList<Migration> m = bundledMigrations();
    return m.isEmpty() ? 0 : m.last().version;
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, Mode mode)
{
    return open(path, mode, bundledMigrations());
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, Mode mode, const QList<Migration>& migrations)
{
    const QFileInfo info(path);
    const bool exists = info.exists();
    if (exists && info.isDir())
        return fileError(path, QStringLiteral("This is a folder, not a Vigil workspace file."));
    if (!exists && mode == Mode::OpenExisting)
        return fileError(path, QStringLiteral("The workspace file does not exist."));
    if (exists) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return fileError(path, QStringLiteral("The workspace cannot be read: %1.").arg(f.errorString()));
        const QByteArray head = f.read(100);
        if (head.size() == 0)
            return fileError(path, QStringLiteral("The file is empty: it is not a Vigil workspace."));
        if (!head.startsWith(QByteArray("SQLite format 3\0", 16)))
            return fileError(path,
                             QStringLiteral("This file is not a Vigil workspace (it is not an SQLite database)."));
        if (head.size() < 100)
            return fileError(path, QStringLiteral("The workspace file is truncated or damaged."));
    }
    const QString dir = info.absolutePath();
    if (!QFileInfo(dir).isDir())
        return fileError(path, QStringLiteral("The folder %1 does not exist.").arg(QDir::toNativeSeparators(dir)));
    // WAL needs to create <file>-wal and -shm beside the file: the folder and the file must be writable.
    if (!QFileInfo(dir).isWritable() || (exists && !info.isWritable()))
        return fileError(path,
                         QStringLiteral("The workspace is in a read-only place. Copy it to a folder you can write "
                                        "to (for example your Documents folder) and open the copy."));

    std::unique_ptr<Database> db(new Database);
    db->m_path = info.absoluteFilePath();
    db->m_connectionName = QStringLiteral("vigil-") + newUuid();
    db->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->m_connectionName);
    db->m_db.setDatabaseName(db->m_path);
    if (!db->m_db.open())
        return fileError(path, QStringLiteral("The workspace could not be opened."), db->m_db.lastError().text());
    // Nothing may write to the file before it is known to be a Vigil workspace this version can open: switching
    // to WAL rewrites header bytes, so it comes after the identity and version checks.
    if (Status st = db->configure(false); !st)
        return fileError(path, st.error().message, st.error().detail);
    if (Status st = db->checkIdentity(!exists); !st)
        return fileError(path, st.error().message, st.error().detail);
    if (Status st = db->refuseNewer(migrations); !st)
        return fileError(path, st.error().message, st.error().detail);
    if (Status st = db->configure(true); !st)
        return fileError(path, st.error().message, st.error().detail);
    if (Status st = db->migrate(migrations); !st) {
        Error e = st.error();
        e.file = path;
        return e;
    }
    return db;
}

Result<std::unique_ptr<Database>> Database::openAnother() const
{
    std::unique_ptr<Database> db(new Database);
    db->m_path = m_path;
    db->m_connectionName = QStringLiteral("vigil-") + newUuid();
    db->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->m_connectionName);
    db->m_db.setDatabaseName(m_path);
    if (!db->m_db.open())
        return fileError(m_path, QStringLiteral("The workspace could not be opened."), db->m_db.lastError().text());
    if (Status st = db->configure(true); !st)
        return st.error();
    return db;
}

sqlite3* Database::handle() const
{
    const QVariant v = m_db.driver()->handle();
    if (v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3* const*>(v.data());
    return nullptr;
}

namespace {

// The reading of a workspace failed because another connection holds it locked (SQLITE_BUSY, SQLITE_LOCKED, and
// their extended codes): it is busy, not damaged. A large import writing with a rollback journal locks the file
// until it commits.
bool lockedByAnother(const QSqlQuery& q)
{
    bool ok = false;
    const int code = q.lastError().nativeErrorCode().toInt(&ok);
    return ok && ((code & 0xff) == 5 || (code & 0xff) == 6);
}

Error openError(const QString& what, const QSqlQuery& q)
{
    if (lockedByAnother(q))
        return makeError(QStringLiteral("The workspace is busy: another program is writing to it (a large import, "
                                        "for example). Try again when it has finished."),
                         q.lastError().text());
    return Database::queryError(what, q);
}

} // namespace

Status Database::configure(bool wal)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA busy_timeout = 5000")))
        return queryError(QStringLiteral("The workspace could not be configured."), q);
    if (!q.exec(QStringLiteral("PRAGMA foreign_keys = ON")))
        return queryError(QStringLiteral("The workspace could not be configured."), q);
    if (!wal)
        return {};
    // 16 KiB pages for a new workspace (SQLite applies it only to a file that has no tables yet; an existing
    // workspace keeps its page size): large imports and index builds do about an eighth less work than with 4 KiB.
    q.exec(QStringLiteral("PRAGMA page_size = 16384"));
    // A damaged file often fails here first ("file is not a database").
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next())
        return openError(QStringLiteral("The workspace file is damaged or is not a database."), q);
    const QString mode = q.value(0).toString();
    if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return makeError(
            QStringLiteral("The workspace could not be switched to write-ahead logging (got '%1').").arg(mode));
    q.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    return {};
}

Status Database::checkIdentity(bool fresh)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA application_id")) || !q.next())
        return openError(QStringLiteral("The workspace file is damaged."), q);
    const quint32 appId = q.value(0).toUInt();
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")) || !q.next())
        return openError(QStringLiteral("The workspace file is damaged."), q);
    const int objects = q.value(0).toInt();
    if (appId != ApplicationId && !(appId == 0 && objects == 0))
        return makeError(QStringLiteral("This SQLite database is not a Vigil workspace; Vigil will not change it."));
    if (appId == ApplicationId || !fresh) {
        // A cheap structural check on every open (a full quick_check reads the whole file, which
        // `vigil-cli check` does): a file shorter than its page count says is truncated.
        QSqlQuery size(m_db);
        if (!size.exec(QStringLiteral("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size"))
            || !size.next())
            return openError(QStringLiteral("The workspace file is damaged (its header cannot be read)."), size);
        const qint64 expected = size.value(0).toLongLong();
        const QFileInfo wal(m_path + QStringLiteral("-wal"));
        if (QFileInfo(m_path).size() < expected && !(wal.exists() && wal.size() > 0))
            return makeError(QStringLiteral("The workspace file is truncated (%1 of %2 bytes): it was not copied "
                                            "completely. Open one of its backups or copy it again.")
                                 .arg(QFileInfo(m_path).size())
                                 .arg(expected));
        if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'table'")) || !q.next())
            return openError(QStringLiteral("The workspace file is damaged."), q);
    }
    return {};
}

int Database::schemaVersion() const
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

Status Database::execScript(const QByteArray& sql)
{
    sqlite3* h = handle();
    if (!h)
        return makeError(QStringLiteral("Internal error: no SQLite handle."));
    char* err = nullptr;
    const int rc = sqlite3_exec(h, sql.constData(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        const QString detail = QString::fromUtf8(err ? err : sqlite3_errmsg(h));
        sqlite3_free(err);
        return makeError(QStringLiteral("A database statement failed."), detail);
    }
    return {};
}

Status Database::transaction(const std::function<Status()>& fn)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return queryError(QStringLiteral("The workspace is busy or read-only; try again."), q);
    Status st = fn();
    if (st.ok()) {
        if (q.exec(QStringLiteral("COMMIT")))
            return st;
        st = queryError(QStringLiteral("The change could not be saved to the workspace."), q);
    }
    QSqlQuery rollback(m_db);
    rollback.exec(QStringLiteral("ROLLBACK"));
    return st;
}

Status Database::backupTo(const QString& dest)
{
    if (QFile::exists(dest) && !QFile::remove(dest))
        return fileError(dest, QStringLiteral("An old backup is in the way and cannot be replaced."));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(dest);
    if (!q.exec())
        return fileError(dest, QStringLiteral("The workspace could not be backed up."), q.lastError().text());
    return {};
}

Status Database::refuseNewer(const QList<Migration>& migrations) const
{
    const int current = schemaVersion();
    const int latest = migrations.isEmpty() ? 0 : migrations.last().version;
    if (current > latest)
        return makeError(QStringLiteral("This workspace was made by a newer version of Vigil (schema %1; this "
                                        "version knows up to %2). Update Vigil to open it; the file was not changed.")
                             .arg(current)
                             .arg(latest));
    return {};
}

Status Database::migrate(const QList<Migration>& migrations)
{
    const int current = schemaVersion();
    const int latest = migrations.isEmpty() ? 0 : migrations.last().version;
    if (Status st = refuseNewer(migrations); !st)
        return st;
    if (current == latest)
        return {};
    if (current > 0) {
        m_backupPath = m_path + QStringLiteral(".v%1.bak").arg(current);
        if (Status st = backupTo(m_backupPath); !st)
            return makeError(QStringLiteral("The workspace must be upgraded, but the backup before the upgrade "
                                            "could not be written; nothing was changed."),
                             st.error().detail);
    }
    return transaction([&]() -> Status {
        for (const Migration& m : migrations) {
            if (m.version <= current)
                continue;
            if (Status st = execScript(m.sql); !st)
                return makeError(QStringLiteral("Upgrading the workspace to schema %1 (%2) failed; nothing was "
                                                "changed%3.")
                                     .arg(m.version)
                                     .arg(m.name,
                                          m_backupPath.isEmpty()
                                              ? QString()
                                              : QStringLiteral(" and a backup is at %1").arg(m_backupPath)),
                                 st.error().detail);
        }
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(latest))
            || !q.exec(QStringLiteral("PRAGMA application_id = %1").arg(ApplicationId)))
            return queryError(QStringLiteral("The workspace version could not be recorded."), q);
        return {};
    });
}

QStringList Database::integrityProblems()
{
    QStringList problems;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) {
        problems << QStringLiteral("The integrity check could not run: %1").arg(q.lastError().text());
        return problems;
    }
    while (q.next()) {
        const QString line = q.value(0).toString();
        if (line != QLatin1String("ok"))
            problems << QStringLiteral("Storage: %1").arg(line);
    }
    if (q.exec(QStringLiteral("PRAGMA foreign_key_check"))) {
        while (q.next())
            problems << QStringLiteral("A row of %1 refers to a missing row of %2.")
                            .arg(q.value(0).toString(), q.value(2).toString());
    }
    return problems;
}

} // namespace vigil
