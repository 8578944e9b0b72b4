#pragma once

#include "importer/importer.h"
#include "importer/matchindex.h"
#include "importer/namematch.h"
#include "importer/rowbuilder.h"

#include <QHash>
#include <QList>
#include <QString>

namespace vigil {

// A row as the reading thread hands it on: built, with its name prepared for matching.
struct ReadRow
{
    qint64 row = 0;
    double progress = 0; // of the file, when the row was read
    BuiltRow built;
    QString core;
    namematch::PreparedName name;
    QString recordKey;
};

// A row with the import's decision about it, as the matching thread hands it on to the writing one.
struct MatchedRow
{
    ReadRow in;
    RowResult result; // status, action, match kind and score, reasons; the candidate's id and name are the writer's
    qint64 targetKey = 0; // the supplier matched (rowid_), for Merge and Hold, and for listing the candidate
    qint64 newKey = 0; // Add: the rowid_ the supplier is written with
    bool write = false; // false once an error aborts the import (OnError::Abort): the row is only counted
    // The user decided about this row in the duplicate review: remember it for later imports.
    bool rememberDecision = false;
    bool decisionSame = false;
    QString decisionSupplierId;
};

// Decisions about the workspace's suppliers, resolved to row keys before the import starts (the matching thread
// does not read the database).
struct ResolvedDecisions
{
    struct Remembered
    {
        qint64 key = 0;
        bool same = false;
    };
    QHash<QString, QList<Remembered>> byRecordKey; // remembered from earlier imports
    QHash<QString, qint64> keyOfSupplier; // for ImportOptions::decisions
};

// The matching step of an import, without I/O: decides for each row (in file order) whether it is new, the same
// as a known supplier (merge), a possible duplicate (hold) or an error, and keeps the match index up to date with
// the rows it adds, whose row keys it assigns (rowids only grow: nextKey, nextKey + 1, ...). Runs on a thread of its
// own between the reading thread and the writing one.
class RowMatcher
{
public:
    RowMatcher(MatchIndex& index, const ImportOptions& options, const ResolvedDecisions& decisions, qint64 nextKey,
               const QString& fileName);
    MatchedRow match(ReadRow&& row);
    bool aborting() const { return m_aborting; }

private:
    void fail(MatchedRow& out); // an error row: skipped, never written; stops writing under OnError::Abort

    MatchIndex& m_index;
    const ImportOptions& m_options;
    const ResolvedDecisions& m_decisions;
    qint64 m_nextKey;
    QString m_fileName;
    bool m_aborting = false;
};

} // namespace vigil
