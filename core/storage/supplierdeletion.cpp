#include "storage/supplierdeletion.h"

#include "storage/database.h"
#include "storage/supplierrepository.h"

#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>

namespace vigil {

namespace {

const QString kSuppliers = QStringLiteral("suppliers");
// Parts of score explanations (schema 7), named by content key from risk_scores.context_part and gaps_part.
const QString kScoreParts = QStringLiteral("risk_score_parts");

// Written from the record by SupplierRepository (addInTransaction, removeInTransaction), never copied as rows:
// supplier_tags is keyed by the supplier's local rowid_, which a supplier put back gets anew.
bool isRecordTable(const QString& table)
{
    static const QSet<QString> tables{QStringLiteral("sites"), QStringLiteral("identifiers"),
                                      QStringLiteral("supplier_recruiters"), QStringLiteral("supplier_tags")};
    return tables.contains(table.toLower());
}

QString quoted(QString name)
{
    name.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + name + QLatin1Char('"');
}

} // namespace

const DeletedRows* DeletedSuppliers::rowsOf(const QString& table) const
{
    for (const DeletedRows& t : children)
        if (t.table == table)
            return &t;
    return nullptr;
}

SupplierDeletion::SupplierDeletion(Database& db, SupplierRepository& suppliers)
    : m_db(db)
    , m_suppliers(suppliers)
{
}

Result<QList<SupplierDeletion::Child>> SupplierDeletion::children() const
{
    // Breadth first from suppliers along the foreign keys that cascade a delete: parents come before children.
    QSqlQuery fk(m_db.db());
    fk.prepare(QStringLiteral("SELECT m.name, f.seq, f.\"from\", f.\"to\" FROM sqlite_master m, "
                              "pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND lower(f.\"table\") = "
                              "lower(?) AND upper(f.on_delete) = 'CASCADE' ORDER BY m.name, f.id, f.seq"));
    QSqlQuery pk(m_db.db());
    pk.prepare(QStringLiteral("SELECT name FROM pragma_table_info(?) WHERE pk = 1"));
    QList<Child> found{{kSuppliers, QStringLiteral("id = ?")}};
    QSet<QString> seen{kSuppliers};
    for (int i = 0; i < found.size(); ++i) {
        const Child parent = found[i];
        fk.bindValue(0, parent.table);
        if (!fk.exec())
            return Database::queryError(QStringLiteral("The workspace's tables could not be read."), fk);
        while (fk.next()) {
            const QString table = fk.value(0).toString();
            if (fk.value(1).toInt() > 0) // a key of several columns: no table of the schema has one
                return makeError(QStringLiteral("The table %1 references %2 by several columns; deleting a supplier "
                                                "cannot keep its rows for undo.")
                                     .arg(table, parent.table));
            if (seen.contains(table) || isRecordTable(table))
                continue;
            seen.insert(table);
            QString to = fk.value(3).toString();
            if (to.isEmpty()) { // REFERENCES parent: its primary key
                pk.bindValue(0, parent.table);
                if (!pk.exec() || !pk.next())
                    return Database::queryError(QStringLiteral("The workspace's tables could not be read."), pk);
                to = pk.value(0).toString();
            }
            const QString from = quoted(fk.value(2).toString());
            const QString where = parent.table == kSuppliers && to == QLatin1String("id")
                ? from + QStringLiteral(" = ?")
                : QStringLiteral("%1 IN (SELECT %2 FROM %3 WHERE %4)")
                      .arg(from, quoted(to), quoted(parent.table), parent.where);
            found.append({table, where});
        }
    }
    found.removeFirst(); // suppliers itself: its rows are the records
    return found;
}

Result<QStringList> SupplierDeletion::childTables() const
{
    auto kids = children();
    if (!kids)
        return kids.error();
    QStringList tables;
    for (const Child& c : kids.value())
        tables << c.table;
    return tables;
}

Result<DeletedSuppliers> SupplierDeletion::removeInTransaction(const QStringList& ids, const QString& batch)
{
    auto kids = children();
    if (!kids)
        return kids.error();
    DeletedSuppliers out;
    for (const Child& c : kids.value())
        out.children.append({c.table, {}, {}, false});
    DeletedRows parts{kScoreParts, {QStringLiteral("key"), QStringLiteral("data")}, {}, true};
    QSet<qint64> partKeys;
    for (const QString& id : ids) {
        auto rec = m_suppliers.record(id);
        if (!rec)
            return rec.error();
        out.records << rec.value();
        for (int i = 0; i < kids->size(); ++i) {
            DeletedRows& rows = out.children[i];
            QSqlQuery q(m_db.db());
            q.setForwardOnly(true);
            q.prepare(QStringLiteral("SELECT * FROM %1 WHERE %2").arg(quoted(rows.table), kids->at(i).where));
            q.addBindValue(id);
            if (!q.exec())
                return Database::queryError(QStringLiteral("The %1 of the supplier \"%2\" could not be read.")
                                                .arg(rows.table, rec->supplier.name),
                                            q);
            const QSqlRecord columns = q.record();
            if (rows.columns.isEmpty())
                for (int c = 0; c < columns.count(); ++c)
                    rows.columns << columns.fieldName(c);
            while (q.next()) {
                QVariantList row;
                row.reserve(rows.columns.size());
                for (int c = 0; c < rows.columns.size(); ++c)
                    row << q.value(c);
                rows.rows << row;
            }
        }
        QSqlQuery q(m_db.db());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT key, data FROM risk_score_parts WHERE key IN (SELECT context_part FROM "
                                 "risk_scores WHERE supplier_id = ? UNION SELECT gaps_part FROM risk_scores WHERE "
                                 "supplier_id = ?)"));
        q.addBindValue(id);
        q.addBindValue(id);
        if (!q.exec())
            return Database::queryError(
                QStringLiteral("The score of the supplier \"%1\" could not be read.").arg(rec->supplier.name), q);
        while (q.next())
            if (const qint64 key = q.value(0).toLongLong(); !partKeys.contains(key)) {
                partKeys.insert(key);
                parts.rows << QVariantList{q.value(0), q.value(1)};
            }
    }
    out.children << parts;
    for (const QString& id : ids)
        if (Status st = m_suppliers.removeInTransaction(id, batch); !st)
            return st.error();
    return out;
}

Status SupplierDeletion::restoreInTransaction(const DeletedSuppliers& deleted, const QString& batch)
{
    for (const SupplierRecord& r : deleted.records) {
        if (r.supplier.id.isEmpty())
            return makeError(QStringLiteral("The supplier to restore has no id."));
        if (Status st = m_suppliers.addInTransaction(r, batch); !st)
            return st;
    }
    auto tables = childTables();
    if (!tables)
        return tables.error();
    for (const DeletedRows& t : deleted.children) {
        if (t.rows.isEmpty())
            continue;
        if (t.shared ? t.table != kScoreParts : !tables->contains(t.table)) // only rows that went with a supplier
            return makeError(QStringLiteral("The table %1 does not go with a supplier.").arg(t.table));
        QStringList columns;
        QStringList marks;
        for (const QString& c : t.columns) {
            columns << quoted(c);
            marks << QStringLiteral("?");
        }
        QSqlQuery q(m_db.db());
        if (!q.prepare(QStringLiteral("INSERT %1 INTO %2 (%3) VALUES (%4)")
                           .arg(t.shared ? QStringLiteral("OR IGNORE") : QString(), quoted(t.table),
                                columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")))))
            return Database::queryError(
                QStringLiteral("The %1 of the deleted suppliers could not be put back.").arg(t.table), q);
        for (int r = 0; r < t.rows.size(); ++r) {
            const QVariantList& row = t.rows[r];
            Error e;
            if (row.size() != t.columns.size()) {
                e = makeError(QStringLiteral("Row %1 of the deleted suppliers' %2 has %3 values for %4 columns.")
                                  .arg(r + 1)
                                  .arg(t.table)
                                  .arg(row.size())
                                  .arg(t.columns.size()));
            } else {
                for (int c = 0; c < row.size(); ++c)
                    q.bindValue(c, row[c]);
                if (q.exec())
                    continue;
                e = Database::queryError(QStringLiteral("Row %1 of the deleted suppliers' %2 could not be put back; "
                                                        "nothing was restored.")
                                             .arg(r + 1)
                                             .arg(t.table),
                                         q);
            }
            e.row = r + 1;
            return e;
        }
    }
    return {};
}

} // namespace vigil
