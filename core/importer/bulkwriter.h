#pragma once

#include "model/supplier.h"
#include "util/result.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace vigil {

class Database;

// Ids for what an import adds: UUID version 7 (RFC 9562), time-ordered and monotonic within one generator (a random
// 74-bit counter under the millisecond timestamp), so that the unique index on suppliers.id and the tables keyed by
// supplier id grow at their end instead of at a random place per row.
class SequentialUuids
{
public:
    SequentialUuids();
    QString next();

private:
    quint64 m_millis = 0;
    quint64 m_high = 0; // 12 bits (rand_a)
    quint64 m_low = 0; // 62 bits (rand_b)
};

// Adds new suppliers through reused native prepared statements: the same rows SupplierRepository::addInTransaction
// writes (suppliers, the search index, tags, identifiers, sites, and "create" entries in the change log), without
// QtSql's per-row cost. Call inside a transaction.
class BulkWriter
{
public:
    BulkWriter(Database& db, const QString& batch, const QString& actor);
    ~BulkWriter();
    BulkWriter(const BulkWriter&) = delete;
    BulkWriter& operator=(const BulkWriter&) = delete;

    // For a large import: drops the indexes that serve only reads the import does not make (the register's sorts
    // and filters on suppliers, identifiers by value, the change log by supplier) so that rows are appended
    // without updating them one by one; recreateIndexes() builds them again, sorted, before the commit. Both run
    // inside the import's transaction: a rollback brings the dropped indexes back as they were. UNIQUE indexes and
    // the ones the import reads through (suppliers.id, sites and tags by supplier) are never dropped.
    Status dropIndexes();
    // `step`, when given, is told before each index and at the end how many are built of how many; when it returns
    // false, no more are built and an error is returned (the caller rolls back).
    Status recreateIndexes(const std::function<bool(int done, int total)>& step = {});
    QStringList droppedIndexes() const;

    // Prepares the statements. They are compiled without the tables' CHECK constraints (PRAGMA
    // ignore_check_constraints while preparing): SQLite builds a temporary b-tree for every `x IN ('a', 'b', 'c')`
    // check of every row (status, scheme, action), a sixth of an import's time. add() checks the same conditions
    // itself before writing (validate() and the id, identifier and site checks). The pragma is switched off again
    // by finish() or the destructor; statements compiled afterwards (all others) have the checks.
    Status prepare();
    // Cleans the record (trimmed name, lists without blanks or repeats) and checks what the tables' CHECK
    // constraints would: a record that passes is written by add() unless the database itself fails.
    static Status check(SupplierRecord& record);
    // Adds a record that passed check() as suppliers.rowid_ `key` (assigning an id if it has none). Keys must grow
    // from one call to the next. The change log's "create" entries of what add() wrote, and the search index of
    // suppliers with a single name, are written in bulk from the rows themselves by flush(): one INSERT … SELECT per
    // table instead of a statement per entry, and the search index's entries in one run of increasing keys.
    Status add(SupplierRecord& record, qint64 key);
    // Writes what add() deferred. Call it before anything else writes to the change log in the same transaction (a
    // merge into a supplier this import added must come after that supplier's "create" entries), and when done.
    Status flush();
    // Done adding: flushes, restores the search index's settings, and CHECK constraints apply again to everything
    // compiled from now on.
    Status finish();

private:
    struct Statement;
    void checksOn();
    Error sqlError(const QString& what) const;

    Database& m_db;
    sqlite3* m_handle = nullptr;
    QString m_batch;
    QString m_actor;
    QByteArray m_batchUtf8;
    QByteArray m_actorUtf8;
    std::unique_ptr<Statement> m_supplier, m_search, m_tag, m_identifier, m_site;
    std::unique_ptr<Statement> m_logSuppliers, m_logIdentifiers, m_logSites, m_searchSingle;
    qint64 m_pendingFrom = 0; // the first key add() wrote since the last flush(); 0: none
    qint64 m_pendingTo = 0; // the last key add() wrote
    QByteArray m_searchHashSize; // the search index's "hashsize" to restore; empty: nothing to restore
    SequentialUuids m_ids;
    bool m_checksOff = false;
    qint64 m_nowMs = -1;
    QByteArray m_now;
    QList<QPair<QString, QByteArray>> m_dropped; // name, CREATE INDEX statement
};

} // namespace vigil
