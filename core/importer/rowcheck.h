#pragma once

#include "importer/importer.h"
#include "importer/mappingprofiles.h"
#include "importer/matchindex.h"
#include "importer/rowbuilder.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace vigil {

class Database;

// Checks ONE row of a file again after the user edited its cells, without reading the file again: map ->
// normalise -> validate (RowBuilder), then match against what the workspace knows (suppliers, identifiers,
// remembered decisions) and against the rows of the same file that the import adds before it. The status, action,
// reasons and errors are decided as Importer::run decides them for that row.
//
//     RowChecker checker(mapping, header, "suppliers.csv");
//     checker.loadWorkspace(db);            // once: O(suppliers), e.g. on a worker thread
//     checker.addFileRow(4, cellsOfRow4);   // rows the import adds (from a dry run), for matching within the file
//     RowResult r = checker.check(db, cells, 7, options); // fast: one row
//
// check() reads the workspace only to name a matched supplier and to resolve remembered decisions, so it may use
// another connection to the same workspace than loadWorkspace() did.
class RowChecker
{
public:
    RowChecker(const ColumnMapping& mapping, const QStringList& header, const QString& fileName);

    // Reads the suppliers, their identifiers and the remembered decisions of the workspace for matching.
    Status loadWorkspace(Database& db);
    bool loaded() const { return m_loaded; }
    // A row of the same file that the import adds (no error, not matched): later rows can match it. Rows with
    // errors are not added. A row added again replaces nothing: check() ignores entries of its own row.
    void addFileRow(qint64 row, const QStringList& cells);

    // The row as the import would see it. Uses options.decisions (by row) and options.possibleDuplicates.
    // A row with no mapped value is skipped by the import: action Skip, status Warning, with that reason.
    RowResult check(Database& db, const QStringList& cells, qint64 row, const ImportOptions& options = {}) const;

    const ColumnMapping& mapping() const { return m_mapping; }

private:
    ColumnMapping m_mapping;
    RowBuilder m_builder;
    MatchIndex m_workspace; // row keys: suppliers.rowid_
    MatchIndex m_file; // row keys: the file row numbers
    QHash<qint64, QString> m_fileNames; // file row -> name, for the candidate's name
    QHash<QString, QList<MatchDecisions::Decision>> m_remembered;
    bool m_loaded = false;
};

// One row checked against a workspace in one call (loads the workspace's match index: O(suppliers)).
Result<RowResult> checkRow(Database& db, const ColumnMapping& mapping, const QStringList& header,
                           const QString& fileName, const QStringList& cells, qint64 row,
                           const ImportOptions& options = {});

} // namespace vigil
