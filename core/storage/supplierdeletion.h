#pragma once

#include "model/supplier.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace vigil {

class Database;
class SupplierRepository;

// The rows of one table that went with deleted suppliers, as they were: every column, by name.
struct DeletedRows
{
    QString table;
    QStringList columns;
    QList<QVariantList> rows;
    // Rows other suppliers may use too (the score explanation parts, stored once by content key): put back unless
    // they are still there.
    bool shared = false;
};

// Suppliers as they were deleted, with everything that went with them: their records (supplier, sites, identifiers,
// recruiter links, tags) and the rows of every table that references a supplier ON DELETE CASCADE, directly or
// through another such table: observations, mitigations, corrective actions, fee entries, trainings, the current
// score and the score history, and the explanation parts the score names (risk_score_parts, no foreign key: a
// scoring run removes the parts no score uses any more). `children` is in the order they are put back.
struct DeletedSuppliers
{
    QList<SupplierRecord> records;
    QList<DeletedRows> children;

    bool isEmpty() const { return records.isEmpty(); }
    // The rows of `table` (nullptr when none went).
    const DeletedRows* rowsOf(const QString& table) const;
};

// Deletes suppliers with everything that goes with them, and puts them back (undo) as they were, with the same ids.
// Both run inside the caller's transaction (SupplierStore::removeWithChildren and restoreWithChildren hold one), so
// either is all or nothing. The tables that go with a supplier are read from the schema (foreign keys ON DELETE
// CASCADE), so a table added by a later migration is kept for undo without a change here. The record's own tables
// (sites, identifiers, supplier_recruiters, supplier_tags) and the search index are written by SupplierRepository.
class SupplierDeletion
{
public:
    SupplierDeletion(Database& db, SupplierRepository& suppliers);

    // The tables, beyond the record's own, whose rows go with a deleted supplier; parents before children.
    Result<QStringList> childTables() const;
    // Reads each supplier's record and rows, then deletes the suppliers (change-log entries in `batch`).
    Result<DeletedSuppliers> removeInTransaction(const QStringList& ids, const QString& batch);
    // Adds the records back (change-log entries in `batch`), then every row as it was. The first failure stops it
    // with an error naming the table and row; the caller's transaction then rolls everything back.
    Status restoreInTransaction(const DeletedSuppliers& deleted, const QString& batch);

private:
    struct Child
    {
        QString table;
        QString where; // selects the table's rows of one supplier (one bound value: the supplier's id)
    };
    Result<QList<Child>> children() const;

    Database& m_db;
    SupplierRepository& m_suppliers;
};

} // namespace vigil
