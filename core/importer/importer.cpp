// Importer::run is one transaction: the batch row, what the workspace knows for matching, the row loop that writes
// what ImportPipeline's threads read and match, the indexes built again, and the batch's counts.
#include "importer/importer.h"

#include "exporter/supplierjson.h"
#include "importer/bulkwriter.h"
#include "importer/importpipeline.h"
#include "importer/importsupport.h"
#include "importer/mappingprofiles.h"
#include "importer/namematch.h"
#include "importer/rowbuilder.h"
#include "importer/rowmatcher.h"
#include "storage/database.h"
#include "storage/supplierrepository.h"
#include "util/textkey.h"
#include "util/uuid.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <memory>

namespace vigil {

namespace {

const QString kRollbackMarker = QStringLiteral("vigil-import-rollback");
// Files of about this many rows or more (at 256 bytes a row) are imported with a rollback journal when they can be.
constexpr qint64 kRollbackJournalRows = 20000;

Error fileError(const QString& path, const QString& message, const QString& detail = {})
{
    Error e = makeError(message, detail);
    e.file = path;
    return e;
}

// Text columns are NOT NULL: a null QString would bind as NULL.
QVariant nn(const QString& s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

} // namespace

QString toString(RowStatus s)
{
    switch (s) {
    case RowStatus::New:
        return QStringLiteral("new");
    case RowStatus::Matched:
        return QStringLiteral("matched");
    case RowStatus::PossibleDuplicate:
        return QStringLiteral("possible_duplicate");
    case RowStatus::Warning:
        return QStringLiteral("warning");
    case RowStatus::Error:
        return QStringLiteral("error");
    }
    return {};
}

QString toString(RowAction a)
{
    switch (a) {
    case RowAction::Add:
        return QStringLiteral("add");
    case RowAction::Merge:
        return QStringLiteral("merge");
    case RowAction::Unchanged:
        return QStringLiteral("unchanged");
    case RowAction::Hold:
        return QStringLiteral("hold");
    case RowAction::Skip:
        return QStringLiteral("skip");
    }
    return {};
}

void ImportCounts::add(RowStatus status, RowAction action)
{
    switch (status) {
    case RowStatus::New:
        ++newRows;
        break;
    case RowStatus::Matched:
        ++matched;
        break;
    case RowStatus::PossibleDuplicate:
        ++possibleDuplicates;
        break;
    case RowStatus::Warning:
        ++warnings;
        break;
    case RowStatus::Error:
        ++errors;
        break;
    }
    switch (action) {
    case RowAction::Add:
        ++added;
        break;
    case RowAction::Merge:
        ++updated;
        break;
    case RowAction::Unchanged:
        ++unchanged;
        break;
    case RowAction::Hold:
        ++held;
        break;
    case RowAction::Skip:
        ++skipped;
        break;
    }
}

Importer::Importer(Database& db)
    : m_db(db)
    , m_actor(ChangeLog::defaultActor())
{
}

QString Importer::recordKey(const QString& name, const QString& country, const QString& address)
{
    return recordKeyOfCore(namematch::coreName(name), country, address);
}

QString Importer::recordKeyOfCore(const QString& core, const QString& country, const QString& address)
{
    const QString text = country + QChar(0x1f) + core + QChar(0x1f) + looseKey(address);
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
}

Result<ColumnMapping> Importer::chooseMapping(const QStringList& header, const ImportOptions& options, QString* profile)
{
    if (options.mapping)
        return *options.mapping;
    MappingProfiles profiles(m_db);
    if (!options.profile.isEmpty()) {
        auto p = profiles.byName(options.profile);
        if (!p)
            return p.error();
        if (!p.value())
            return makeError(
                QStringLiteral("There is no mapping profile named \"%1\" in this workspace.").arg(options.profile));
        *profile = p.value()->name;
        return p.value()->mapping;
    }
    auto p = profiles.forHeader(header);
    if (!p)
        return p.error();
    if (p.value()) {
        *profile = p.value()->name;
        return p.value()->mapping;
    }
    return HeaderMatcher::map(header);
}

Result<ImportPreview> Importer::preview(const QString& path, const ImportOptions& options, int rows)
{
    auto reader = CellOverrideReader::wrap(TableReader::create(path, options.reader), options.cellOverrides);
    if (!reader)
        return fileError(path, QStringLiteral("This file cannot be read as a table."));
    if (Status st = reader->open(); !st)
        return st.error();
    ImportPreview p;
    p.file = path;
    p.format = reader->format() == TableReader::Format::Xlsx ? QStringLiteral("xlsx") : QStringLiteral("csv");
    p.encoding = reader->encoding();
    p.delimiter = reader->delimiter().isNull() ? QString() : QString(reader->delimiter());
    p.sheets = reader->sheetNames();
    p.sheet = reader->sheetName();
    p.headerRow = reader->headerRow();
    QStringList row;
    while (reader->next(row)) {
        const qint64 n = reader->rowNumber();
        if (n < p.headerRow)
            continue;
        if (n == p.headerRow) {
            p.header = row;
            continue;
        }
        if (allEmpty(row))
            continue;
        p.rows << row;
        p.rowNumbers << n;
        if (p.rows.size() >= rows)
            break;
    }
    if (reader->failed())
        return reader->error();
    auto mapping = chooseMapping(p.header, options, &p.profile);
    if (!mapping)
        return mapping.error();
    p.mapping = mapping.value();
    p.knownFormat = HeaderMatcher::knownFormat(p.header);
    return p;
}

Result<ImportReport> Importer::run(const QString& path, const ImportOptions& options, const ImportProgress& progress,
                                   const std::atomic<bool>* cancel)
{
    const QString startedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    StageTimes opening("opening (hash, reader)");
    opening.start(StageTimes::Read);
    auto cancelled = [&] { return cancel && cancel->load(); };
    auto cancelError
        = [&] { return fileError(path, QStringLiteral("The import was cancelled; nothing was changed.")); };
    ImportReport report;
    report.file = path;
    qint64 fileSize = 0;
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return fileError(path, QStringLiteral("The file cannot be opened: %1.").arg(f.errorString()));
        fileSize = f.size();
    }
    // The file's SHA-256 (kept with the batch), computed on a thread of its own while the import runs.
    FileHasher hashing(path);
    if (cancelled())
        return cancelError();
    ReaderOptions ro = options.reader;
    if (cancel)
        ro.cancelFlag = cancel;
    auto reader = CellOverrideReader::wrap(TableReader::create(path, ro), options.cellOverrides, options.rowObserver);
    if (!reader)
        return fileError(path, QStringLiteral("This file cannot be read as a table."));
    if (Status st = reader->open(); !st)
        return st.error();
    report.format = reader->format() == TableReader::Format::Xlsx ? QStringLiteral("xlsx") : QStringLiteral("csv");
    report.encoding = reader->encoding();
    report.delimiter = reader->delimiter().isNull() ? QString() : QString(reader->delimiter());
    report.sheet = reader->sheetName();
    report.headerRow = reader->headerRow();
    if (report.headerRow <= 0)
        return fileError(path, QStringLiteral("The file has no rows to import."));
    QStringList row;
    while (reader->next(row)) {
        if (reader->rowNumber() == report.headerRow) {
            report.header = row;
            break;
        }
    }
    if (reader->failed())
        return reader->error().message.contains(QLatin1String("cancel")) || cancelled() ? cancelError()
                                                                                        : reader->error();
    if (allEmpty(report.header))
        return fileError(path, QStringLiteral("The file has no header row."));
    auto mapping = chooseMapping(report.header, options, &report.profile);
    if (!mapping)
        return mapping.error();
    report.mapping = mapping.value();
    report.knownFormat = HeaderMatcher::knownFormat(report.header);
    for (ImportField required : {ImportField::Name, ImportField::Country}) {
        if (!report.mapping.has(required)) {
            Error e = fileError(path,
                                QStringLiteral("No column of the header (row %1) is mapped to %2: name the column "
                                               "or choose a mapping.")
                                    .arg(report.headerRow)
                                    .arg(fieldLabel(required)));
            e.row = report.headerRow;
            e.field = fieldLabel(required);
            return e;
        }
    }
    const QString fileName = QFileInfo(path).fileName();
    RowBuilder builder(report.mapping, report.header, fileName);
    const QString batch = newUuid();
    SupplierRepository repo(m_db);
    repo.setActor(m_actor);
    ImportCounts& counts = report.counts;

    // A bigger page cache while importing: the suppliers' indexes and the trigram index are written in random
    // order. Restored afterwards.
    int oldCache = -2000;
    {
        QSqlQuery q(m_db.db());
        if (q.exec(QStringLiteral("PRAGMA cache_size")) && q.next())
            oldCache = q.value(0).toInt();
        q.exec(QStringLiteral("PRAGMA cache_size = -32768"));
    }
    struct RestoreCache
    {
        Database& db;
        int size;
        ~RestoreCache() { QSqlQuery(db.db()).exec(QStringLiteral("PRAGMA cache_size = %1").arg(size)); }
    } restoreCache{m_db, oldCache};
    opening.stop();
    StageTimes times("writing thread");
    RollbackJournal journal(m_db);
    if (options.rollbackJournal.value_or(fileSize / 256 >= kRollbackJournalRows))
        journal.begin();
    Status outcome = m_db.transaction([&]() -> Status {
        // The batch row first: before-images refer to it.
        {
            QSqlQuery q(m_db.db());
            q.prepare(QStringLiteral("INSERT INTO import_batches (id, file_name, file_path, file_size, sha256, format, "
                                     "sheet, header_row, started_at, finished_at, who, mapping, profile) VALUES "
                                     "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            for (const QVariant& v :
                 QVariantList{batch, nn(fileName), nn(QFileInfo(path).absoluteFilePath()), fileSize, nn(report.sha256),
                              nn(report.format), nn(report.sheet), report.headerRow, startedAt, startedAt, nn(m_actor),
                              QString::fromUtf8(QJsonDocument(report.mapping.toJson()).toJson(QJsonDocument::Compact)),
                              nn(report.profile)})
                q.addBindValue(v);
            if (!q.exec())
                return Database::queryError(QStringLiteral("The import could not be recorded."), q);
        }
        // What the workspace knows, for matching.
        auto indexOwner = std::make_unique<MatchIndex>(); // freed before the indexes are built again
        MatchIndex& index = *indexOwner;
        if (Status st = index.addWorkspace(m_db); !st)
            return st.error();
        MatchDecisions decisionStore(m_db);
        auto remembered = decisionStore.all();
        if (!remembered)
            return remembered.error();
        QSqlQuery byId(m_db.db());
        byId.prepare(QStringLiteral("SELECT rowid_ FROM suppliers WHERE id = ?"));
        auto rowKeyOf = [&](const QString& id) -> qint64 {
            byId.bindValue(0, id);
            return byId.exec() && byId.next() ? byId.value(0).toLongLong() : 0;
        };
        // The matching thread does not read the database: the suppliers the decisions name, resolved now.
        ResolvedDecisions resolved;
        for (auto it = remembered->constBegin(); it != remembered->constEnd(); ++it) {
            QList<ResolvedDecisions::Remembered> keys;
            for (const MatchDecisions::Decision& d : *it)
                if (const qint64 k = rowKeyOf(d.supplierId))
                    keys.append({k, d.same});
            if (!keys.isEmpty())
                resolved.byRecordKey.insert(it.key(), keys);
        }
        for (const RowDecision& d : options.decisions)
            if (!d.supplierId.isEmpty() && !resolved.keyOfSupplier.contains(d.supplierId))
                if (const qint64 k = rowKeyOf(d.supplierId))
                    resolved.keyOfSupplier.insert(d.supplierId, k);
        qint64 lastKeyBefore = 0;
        {
            QSqlQuery q(m_db.db());
            if (!q.exec(QStringLiteral("SELECT coalesce(max(rowid_), 0) FROM suppliers")) || !q.next())
                return Database::queryError(QStringLiteral("The workspace's suppliers could not be read."), q);
            lastKeyBefore = q.value(0).toLongLong();
        }
        QSqlQuery byKey(m_db.db());
        byKey.prepare(QStringLiteral("SELECT id, name FROM suppliers WHERE rowid_ = ?"));
        auto idOf = [&](qint64 key, QString* name) -> QString {
            byKey.bindValue(0, key);
            if (!byKey.exec() || !byKey.next())
                return {};
            if (name)
                *name = byKey.value(1).toString();
            return byKey.value(0).toString();
        };
        QSqlQuery image(m_db.db());
        image.prepare(
            QStringLiteral("INSERT INTO import_before_images (batch_id, supplier_id, before) VALUES (?, ?, ?)"));

        BulkWriter writer(m_db, batch, m_actor);
        // A large import relative to the workspace: its rows are appended without maintaining the read-only
        // indexes, which are built again, sorted, at the end (estimated rows: a generous 256 bytes per row).
        const qint64 estimatedRows = fileSize / 256;
        if (options.rebuildIndexes.value_or(index.size() == 0 || estimatedRows * 4 >= index.size())) {
            if (Status st = writer.dropIndexes(); !st)
                return st;
        }
        if (Status st = writer.prepare(); !st)
            return st;
        // Progress: the rows, then (when the indexes are built again at the end, a tenth of the time) the indexes.
        const double rowsShare = !options.dryRun && !writer.droppedIndexes().isEmpty() ? 0.9 : 1.0;
        // Rowids only grow: a supplier with a rowid above the largest one before the import was added by it.
        auto createdHere = [&](qint64 key) { return key > lastKeyBefore; };
        QSet<qint64> imaged;
        bool aborting = false;

        auto list = [&](const RowResult& r) {
            if (r.status == RowStatus::New && !options.listNewRows)
                return;
            if (report.rows.size() < options.maxListedRows)
                report.rows << r;
            else
                report.rowsTruncated = true;
        };

        // The reading and matching threads, ahead of this one (the writing thread, which owns the connection).
        RowMatcher matcher(index, options, resolved, lastKeyBefore + 1, fileName);
        ImportPipeline pipeline(*reader, report.headerRow, builder, matcher);
        auto nextRow = [&] {
            times.start(StageTimes::Wait);
            return pipeline.next();
        };
        QSqlQuery vigilIdTaken(m_db.db());
        vigilIdTaken.prepare(QStringLiteral("SELECT 1 FROM suppliers WHERE id = ?"));
        while (MatchedRow* item = nextRow()) {
            if (cancelled())
                return cancelError();
            times.start(StageTimes::Write);
            const qint64 rn = item->in.row;
            BuiltRow& b = item->in.built;
            RowResult& rr = item->result;
            ++counts.rows;
            if (progress && counts.rows % 500 == 0)
                progress(item->in.progress * rowsShare, counts.rows);
            if (rr.status == RowStatus::Error) {
                ++counts.errors;
                ++counts.skipped;
                if (options.onError == ImportOptions::OnError::Abort)
                    aborting = true;
                list(rr);
                continue;
            }
            if (item->write && item->rememberDecision && !options.dryRun) {
                if (Status st
                    = decisionStore.remember(rr.recordKey, item->decisionSupplierId, item->decisionSame, m_actor);
                    !st)
                    return st;
            }
            if (rr.matchKind != MatchKind::None)
                rr.candidateId = idOf(item->targetKey, &rr.candidateName);
            if (item->write && options.beforeWrite) {
                if (Status st = options.beforeWrite(rn); !st)
                    return st;
            }
            if (item->write && rr.action == RowAction::Add) {
                Supplier& s = b.record.supplier;
                if (s.id.isEmpty() && !b.vigilId.isEmpty()) {
                    // Keeps Vigil's id when an export is imported elsewhere, unless the workspace has a supplier
                    // with that id already (the user said this row is another one).
                    vigilIdTaken.bindValue(0, b.vigilId);
                    if (!vigilIdTaken.exec())
                        return Database::queryError(QStringLiteral("The workspace's suppliers could not be read."),
                                                    vigilIdTaken);
                    if (!vigilIdTaken.next())
                        s.id = b.vigilId;
                }
                if (Status st = writer.add(b.record, item->newKey); !st) {
                    // The row passed the checks: the database itself failed, and the import cannot go on.
                    Error e = st.error();
                    e.file = fileName;
                    e.row = rn;
                    return e;
                }
                rr.supplierId = s.id;
            } else if (item->write && rr.action == RowAction::Merge) {
                const QString id = rr.candidateId;
                auto before = repo.record(id);
                if (!before)
                    return before.error();
                SupplierRecord merged = mergeRow(before.value(), b);
                rr.supplierId = id;
                if (sameRecord(merged, before.value())) {
                    rr.action = RowAction::Unchanged;
                } else {
                    const qint64 targetKey = item->targetKey;
                    if (!createdHere(targetKey) && !imaged.contains(targetKey)) {
                        image.bindValue(0, batch);
                        image.bindValue(1, id);
                        image.bindValue(
                            2,
                            QString::fromUtf8(
                                QJsonDocument(supplierRecordToJson(before.value())).toJson(QJsonDocument::Compact)));
                        if (!image.exec())
                            return Database::queryError(QStringLiteral("The import could not keep what it changes."),
                                                        image);
                        imaged.insert(targetKey);
                    }
                    // The "create" entries of what this import added come first (this may be one of them).
                    if (Status st = writer.flush(); !st)
                        return st;
                    if (Status st = repo.saveInTransaction(merged, batch); !st) {
                        Error e = st.error();
                        e.file = fileName;
                        e.row = rn;
                        return e;
                    }
                }
            }
            counts.add(rr.status, rr.action);
            list(rr);
        }
        times.start(StageTimes::Finish);
        pipeline.stop();
        // Matching is over: its memory goes back before SQLite sorts the rows for the indexes.
        indexOwner.reset();
        if (reader->failed()) {
            if (cancelled())
                return cancelError();
            return reader->error();
        }
        if (cancelled())
            return cancelError();
        // The hashing thread has read the whole file by now, unless the disk is much slower than the import.
        auto sha256 = hashing.result();
        if (!sha256)
            return fileError(path, sha256.error().message);
        report.sha256 = sha256.value();
        if (progress)
            progress(rowsShare, counts.rows);
        if (aborting) {
            report.aborted = true;
            return makeError(kRollbackMarker);
        }
        if (Status st = writer.finish(); !st)
            return st;
        if (options.dryRun)
            return makeError(kRollbackMarker);
        // The indexes, one after the other (about a second each for a million suppliers): progress, and a cancel
        // between two of them.
        const Status indexed = writer.recreateIndexes([&](int done, int total) {
            if (progress)
                progress(rowsShare + (1.0 - rowsShare) * done / std::max(total, 1), counts.rows);
            return !cancelled();
        });
        if (!indexed)
            return cancelled() ? cancelError() : indexed;
        if (!options.saveProfileAs.trimmed().isEmpty()) {
            if (Status st = MappingProfiles(m_db).save(options.saveProfileAs, report.header, report.mapping); !st)
                return st;
            report.profile = options.saveProfileAs.trimmed();
        }
        QSqlQuery q(m_db.db());
        q.prepare(QStringLiteral(
            "UPDATE import_batches SET finished_at = ?, sha256 = ?, profile = ?, rows_read = ?, rows_new = ?, "
            "rows_matched = ?, rows_possible_duplicate = ?, rows_warning = ?, rows_error = ?, "
            "added = ?, updated = ?, unchanged = ?, held = ?, skipped = ? WHERE id = ?"));
        for (const QVariant& v : QVariantList{
                 QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), nn(report.sha256), nn(report.profile),
                 counts.rows, counts.newRows, counts.matched, counts.possibleDuplicates, counts.warnings, counts.errors,
                 counts.added, counts.updated, counts.unchanged, counts.held, counts.skipped, batch})
            q.addBindValue(v);
        if (!q.exec())
            return Database::queryError(QStringLiteral("The import could not be recorded."), q);
        return {};
    });
    times.stop();
    if (!outcome) {
        if (outcome.error().message != kRollbackMarker)
            return outcome.error();
        report.committed = false;
        return report;
    }
    report.batchId = batch;
    report.committed = true;
    return report;
}

} // namespace vigil
