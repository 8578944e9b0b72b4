#include "importer/importhistory.h"

#include "exporter/supplierjson.h"
#include "storage/changelog.h"
#include "storage/database.h"
#include "storage/supplierrepository.h"
#include "util/uuid.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace vigil {

namespace {

const char* kColumns = "id, file_name, file_path, sha256, format, started_at, finished_at, who, profile, rows_read, "
                       "rows_new, rows_matched, rows_possible_duplicate, rows_warning, rows_error, added, updated, "
                       "unchanged, held, skipped, undone_at, undo_batch";

ImportBatch readBatch(const QSqlQuery& q)
{
    ImportBatch b;
    b.id = q.value(0).toString();
    b.fileName = q.value(1).toString();
    b.filePath = q.value(2).toString();
    b.sha256 = q.value(3).toString();
    b.format = q.value(4).toString();
    b.startedAt = QDateTime::fromString(q.value(5).toString(), Qt::ISODateWithMs);
    b.finishedAt = QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs);
    b.who = q.value(7).toString();
    b.profile = q.value(8).toString();
    b.rows = q.value(9).toLongLong();
    b.newRows = q.value(10).toLongLong();
    b.matched = q.value(11).toLongLong();
    b.possibleDuplicates = q.value(12).toLongLong();
    b.warnings = q.value(13).toLongLong();
    b.errors = q.value(14).toLongLong();
    b.added = q.value(15).toLongLong();
    b.updated = q.value(16).toLongLong();
    b.unchanged = q.value(17).toLongLong();
    b.held = q.value(18).toLongLong();
    b.skipped = q.value(19).toLongLong();
    if (!q.value(20).isNull())
        b.undoneAt = QDateTime::fromString(q.value(20).toString(), Qt::ISODateWithMs);
    b.undoBatch = q.value(21).toString();
    return b;
}

} // namespace

ImportHistory::ImportHistory(Database& db)
    : m_db(db)
    , m_actor(ChangeLog::defaultActor())
{
}

Result<QList<ImportBatch>> ImportHistory::list() const
{
    QSqlQuery q(m_db.db());
    if (!q.exec(QStringLiteral("SELECT %1 FROM import_batches ORDER BY started_at DESC, rowid DESC")
                    .arg(QLatin1String(kColumns))))
        return Database::queryError(QStringLiteral("The imports could not be read."), q);
    QList<ImportBatch> out;
    while (q.next())
        out << readBatch(q);
    return out;
}

Result<ImportBatch> ImportHistory::batch(const QString& id) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT %1 FROM import_batches WHERE id = ? OR (length(?) >= 4 AND id LIKE ? || '%') "
                             "LIMIT 2")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(id);
    q.addBindValue(id);
    q.addBindValue(id);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The import could not be read."), q);
    if (!q.next())
        return makeError(
            QStringLiteral("There is no import %1 in this workspace (see: vigil-cli imports list).").arg(id));
    ImportBatch b = readBatch(q);
    if (b.id != id && q.next())
        return makeError(QStringLiteral("%1 names more than one import: give more of its id.").arg(id));
    return b;
}

Result<QStringList> ImportHistory::laterChanges(const QString& id) const
{
    // The last change-log entry of the batch, then any later entry about a supplier the batch touched.
    QSqlQuery q(m_db.db());
    q.prepare(
        QStringLiteral("WITH touched AS (SELECT DISTINCT entity_id FROM change_log WHERE batch = ?), "
                       "last AS (SELECT max(seq) AS seq FROM change_log WHERE batch = ?) "
                       "SELECT DISTINCT c.entity_id FROM change_log c, last WHERE c.seq > last.seq AND c.batch <> ? "
                       "AND c.entity_id IN (SELECT entity_id FROM touched)"));
    q.addBindValue(id);
    q.addBindValue(id);
    q.addBindValue(id);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The history could not be read."), q);
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

Result<UndoReport> ImportHistory::undo(const QString& idOrPrefix, bool force)
{
    auto b = batch(idOrPrefix);
    if (!b)
        return b.error();
    const QString id = b->id;
    if (b->undoneAt.isValid())
        return makeError(QStringLiteral("The import %1 of %2 was already undone on %3.")
                             .arg(id, b->fileName, b->undoneAt.toString(Qt::ISODate)));
    auto later = laterChanges(id);
    if (!later)
        return later.error();
    if (!later->isEmpty() && !force)
        return makeError(QStringLiteral("%1 supplier(s) from this import were changed after it; undoing it would "
                                        "overwrite those changes. Undo with --force to do it anyway.")
                             .arg(later->size()));
    UndoReport report;
    report.undoBatch = newUuid();
    SupplierRepository repo(m_db);
    repo.setActor(m_actor);
    Status st = m_db.transaction([&]() -> Status {
        // Restore what the import changed.
        QSqlQuery q(m_db.db());
        q.prepare(QStringLiteral("SELECT supplier_id, before FROM import_before_images WHERE batch_id = ?"));
        q.addBindValue(id);
        if (!q.exec())
            return Database::queryError(QStringLiteral("The import's changes could not be read."), q);
        QList<SupplierRecord> restore;
        while (q.next())
            restore << supplierRecordFromJson(QJsonDocument::fromJson(q.value(1).toByteArray()).object());
        for (const SupplierRecord& r : restore) {
            QSqlQuery exists(m_db.db());
            exists.prepare(QStringLiteral("SELECT 1 FROM suppliers WHERE id = ?"));
            exists.addBindValue(r.supplier.id);
            if (!exists.exec())
                return Database::queryError(QStringLiteral("The supplier could not be read."), exists);
            Status s = exists.next() ? repo.saveInTransaction(r, report.undoBatch)
                                     : repo.addInTransaction(r, report.undoBatch);
            if (!s)
                return s;
            ++report.restored;
        }
        // Remove what it added (found through the change log), in bulk: the search index by hand, the rest by
        // ON DELETE CASCADE.
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        q.prepare(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS undo_ids (rowid_ INTEGER PRIMARY KEY, id TEXT)"));
        if (!q.exec())
            return Database::queryError(QStringLiteral("The import could not be undone."), q);
        q.exec(QStringLiteral("DELETE FROM temp.undo_ids"));
        q.prepare(QStringLiteral("INSERT INTO temp.undo_ids (rowid_, id) SELECT s.rowid_, s.id FROM change_log c "
                                 "JOIN suppliers s ON s.id = c.entity_id WHERE c.batch = ? AND c.entity = 'supplier' "
                                 "AND c.action = 'create'"));
        q.addBindValue(id);
        if (!q.exec())
            return Database::queryError(QStringLiteral("The import could not be undone."), q);
        report.removed = q.numRowsAffected();
        q.prepare(QStringLiteral("INSERT INTO change_log (at, who, entity, entity_id, action, field, old_value, "
                                 "new_value, batch) SELECT ?, ?, 'supplier', s.id, 'delete', '', s.name, NULL, ? "
                                 "FROM suppliers s JOIN temp.undo_ids u ON u.rowid_ = s.rowid_ ORDER BY s.rowid_"));
        q.addBindValue(now);
        q.addBindValue(m_actor);
        q.addBindValue(report.undoBatch);
        if (!q.exec())
            return Database::queryError(QStringLiteral("The undo could not be recorded in the history."), q);
        for (const char* sql : {"DELETE FROM supplier_search WHERE rowid IN (SELECT rowid_ FROM temp.undo_ids)",
                                "DELETE FROM suppliers WHERE rowid_ IN (SELECT rowid_ FROM temp.undo_ids)",
                                "DELETE FROM temp.undo_ids"}) {
            if (!q.exec(QString::fromLatin1(sql)))
                return Database::queryError(QStringLiteral("The import could not be undone."), q);
        }
        q.prepare(QStringLiteral("UPDATE import_batches SET undone_at = ?, undo_batch = ? WHERE id = ?"));
        q.addBindValue(now);
        q.addBindValue(report.undoBatch);
        q.addBindValue(id);
        if (!q.exec())
            return Database::queryError(QStringLiteral("The undo could not be recorded."), q);
        return {};
    });
    if (!st)
        return st.error();
    return report;
}

} // namespace vigil
