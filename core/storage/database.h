#pragma once

#include "util/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

struct sqlite3;

namespace vigil {

// One schema migration: the SQL that takes a workspace from version-1 to version.
struct Migration
{
    int version = 0;
    QString name;
    QByteArray sql;
};

// A Vigil workspace: one SQLite file (*.vigil). Opens it with the pragmas Vigil relies on (WAL, foreign keys,
// busy timeout), checks that it is a Vigil workspace and not corrupt, refuses a newer schema, and migrates an
// older one in ONE transaction after copying the file to <name>.v<old>.bak.
//
// One Database object per thread: use openAnother() to get a connection for a worker thread.
class Database
{
public:
    enum class Mode { OpenExisting, CreateIfMissing };
    static constexpr quint32 ApplicationId = 0x5649474c; // "VIGL"

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    static Result<std::unique_ptr<Database>> open(const QString& path, Mode mode = Mode::OpenExisting);
    // For tests: open with a given list of migrations instead of the bundled ones.
    static Result<std::unique_ptr<Database>> open(const QString& path, Mode mode, const QList<Migration>& migrations);
    // Another connection to the same file, for another thread (no migration: the file is already current).
    Result<std::unique_ptr<Database>> openAnother() const;

    // The bundled migrations (resources/sql/NNN_name.sql), in order.
    static QList<Migration> bundledMigrations();
    static int latestVersion();

    QSqlDatabase& db() { return m_db; }
    sqlite3* handle() const;
    QString path() const { return m_path; }
    int schemaVersion() const;
    // Backup made before the last migration in this session, or empty.
    QString migrationBackupPath() const { return m_backupPath; }

    // Runs fn inside BEGIN IMMEDIATE ... COMMIT; rolls back if fn fails or commit fails.
    Status transaction(const std::function<Status()>& fn);
    // Runs a script of several statements (native sqlite3_exec).
    Status execScript(const QByteArray& sql);
    // Copies the whole workspace to dest (VACUUM INTO): a consistent snapshot even while open.
    Status backupTo(const QString& dest);
    // PRAGMA integrity_check + foreign_key_check; problems are listed in plain words.
    QStringList integrityProblems();

    // Helper for repositories: an Error for a failed query, with the driver text as detail only.
    static Error queryError(const QString& what, const class QSqlQuery& q);

private:
    Database() = default;
    // Connection pragmas; with wal, also switches the file to write-ahead logging (which writes to it).
    Status configure(bool wal);
    Status checkIdentity(bool fresh);
    Status refuseNewer(const QList<Migration>& migrations) const;
    Status migrate(const QList<Migration>& migrations);

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
    QString m_backupPath;
};

} // namespace vigil
