#pragma once

#include "importer/celloverrides.h"
#include "importer/columnmapping.h"
#include "importer/matchindex.h"
#include "io/tablereader.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace vigil {

class Database;

// Every row of an import gets one status, with its reasons.
enum class RowStatus { New, Matched, PossibleDuplicate, Warning, Error };
QString toString(RowStatus s);
// What the import does with the row.
enum class RowAction { Add, Merge, Unchanged, Hold, Skip };
QString toString(RowAction a);

// A user's decision about one row (by its row number in the file), from the duplicate review.
struct RowDecision
{
    enum class Kind { Same, Different, Skip };
    Kind kind = Kind::Same;
    QString supplierId; // Same: merge into this supplier; Different: this candidate is another supplier
};

struct ImportOptions
{
    ReaderOptions reader; // encoding, delimiter, header row, sheet
    std::optional<ColumnMapping> mapping; // else the profile named here, else a saved profile for this header,
    QString profile; //                    else the synonyms
    QString saveProfileAs; // save the mapping used under this name (when the import is committed)
    bool dryRun = false; // do everything, then roll back
    enum class OnError { Abort, Skip } onError = OnError::Abort;
    // Rows similar to a known supplier (0.5 <= score < 0.8) with no decision: held back for review, or added.
    enum class Possible { Hold, AddAsNew } possibleDuplicates = Possible::Hold;
    QHash<qint64, RowDecision> decisions; // remembered for later imports
    int maxListedRows = 10000; // rows listed in the report (errors, warnings, duplicates, matches first)
    // Cells corrected by the user (file row -> column index -> text), read instead of the file's in preview and run.
    // Corrections for rows the file does not have (or for the header) fail the import: see CellOverrideReader.
    CellOverrides cellOverrides;
    bool listNewRows = false; // list plain new rows in the report too (the wizard shows every row)
    // Sees every row read by run(), overrides applied (the wizard keeps the source cells). run() reads on a thread of
    // its own: the observer is called on that thread, one row at a time, and never after run() returned.
    RowObserver rowObserver;
    // Test seam: called before each row is written; a failing Status fails the import.
    std::function<Status(qint64 row)> beforeWrite;
    // Test seam: force the bulk path (the read-only indexes dropped while writing and built again before the
    // commit) on or off. Unset: on when the file is large relative to the workspace.
    std::optional<bool> rebuildIndexes;
    // Test seam: write with a rollback journal instead of the write-ahead log (when nobody else has the workspace
    // open) on or off. Unset: on for a large file.
    std::optional<bool> rollbackJournal;
};

struct RowResult
{
    qint64 row = 0; // in the file, 1-based
    RowStatus status = RowStatus::New;
    RowAction action = RowAction::Add;
    QString name;
    QString country;
    QString supplierId; // the supplier added or merged into
    MatchKind matchKind = MatchKind::None;
    QString candidateId; // possible duplicate / match
    QString candidateName;
    double score = 0;
    QStringList reasons;
    QList<Error> errors; // errors and warnings, each with file, row, column
    QString recordKey; // identifies the record for remembered decisions
};

struct ImportCounts
{
    qint64 rows = 0; // data rows read (title, header and empty rows excluded)
    qint64 newRows = 0, matched = 0, possibleDuplicates = 0, warnings = 0, errors = 0; // by status
    qint64 added = 0, updated = 0, unchanged = 0, held = 0, skipped = 0; // by action
    // Counts a written row under its status and its action (not `rows`).
    void add(RowStatus status, RowAction action);
};

struct ImportReport
{
    QString batchId; // empty for a dry run or an aborted import
    QString file;
    QString sha256;
    QString format; // csv, xlsx
    QString encoding;
    QString delimiter;
    QString sheet;
    int headerRow = 0;
    QStringList header;
    ColumnMapping mapping;
    QString profile; // the profile applied, if any
    QString knownFormat; // open-supply-hub-upload, ...
    ImportCounts counts;
    QList<RowResult> rows; // not the plain new rows; at most ImportOptions::maxListedRows
    bool rowsTruncated = false;
    bool committed = false;
    bool aborted = false; // an error row stopped the import (OnError::Abort): nothing was changed
};

// What the wizard shows before importing: the first rows, the header and the mapping Vigil proposes.
struct ImportPreview
{
    QString file;
    QString format;
    QString encoding;
    QString delimiter;
    QStringList sheets;
    QString sheet;
    int headerRow = 0;
    QStringList header;
    QList<QStringList> rows; // data rows after the header
    QList<qint64> rowNumbers;
    ColumnMapping mapping;
    QString profile;
    QString knownFormat;
};

// progress: 0..1 of the file, and rows read so far. Called at most every few hundred rows.
using ImportProgress = std::function<void(double fraction, qint64 rows)>;

// Imports a supplier list into a workspace: map -> normalise -> validate -> match -> commit, streaming the file.
// The whole import is ONE transaction: a failed, aborted or cancelled import changes nothing. A committed import
// is a batch (import_batches) that ImportHistory can undo.
class Importer
{
public:
    explicit Importer(Database& db);
    void setActor(const QString& who) { m_actor = who; }

    Result<ImportPreview> preview(const QString& path, const ImportOptions& options, int rows = 50);
    Result<ImportReport> run(const QString& path, const ImportOptions& options, const ImportProgress& progress = {},
                             const std::atomic<bool>* cancel = nullptr);

    // The identity of an imported record for remembered decisions: country, core name and address.
    static QString recordKey(const QString& name, const QString& country, const QString& address);
    static QString recordKeyOfCore(const QString& core, const QString& country, const QString& address);

private:
    Result<ColumnMapping> chooseMapping(const QStringList& header, const ImportOptions& options, QString* profile);

    Database& m_db;
    QString m_actor;
};

} // namespace vigil
