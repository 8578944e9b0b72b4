#pragma once

#include "model/supplier.h"
#include "util/result.h"

#include <QString>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace vigil {

class Database;

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

    Status prepare();
    // Adds the record (assigning an id if it has none); returns suppliers.rowid_.
    Result<qint64> add(SupplierRecord& record);

private:
    struct Statement;
    Error sqlError(const QString& what) const;

    Database& m_db;
    sqlite3* m_handle = nullptr;
    QString m_batch;
    QString m_actor;
    QByteArray m_batchUtf8;
    QByteArray m_actorUtf8;
    std::unique_ptr<Statement> m_supplier, m_search, m_tag, m_identifier, m_site, m_log;
};

} // namespace vigil
