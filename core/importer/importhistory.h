#pragma once

#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace vigil {

class Database;

// One committed import (import_batches).
struct ImportBatch
{
    QString id; // also the change-log batch id
    QString fileName;
    QString filePath;
    QString sha256;
    QString format;
    QDateTime startedAt;
    QDateTime finishedAt;
    QString who;
    QString profile;
    qint64 rows = 0, newRows = 0, matched = 0, possibleDuplicates = 0, warnings = 0, errors = 0;
    qint64 added = 0, updated = 0, unchanged = 0, held = 0, skipped = 0;
    QDateTime undoneAt; // invalid while not undone
    QString undoBatch;
};

struct UndoReport
{
    qint64 removed = 0; // suppliers the import had added
    qint64 restored = 0; // suppliers the import had changed, put back as they were
    QString undoBatch;
};

// The imports of a workspace, and undo of a whole import (also after the workspace was closed and reopened).
class ImportHistory
{
public:
    explicit ImportHistory(Database& db);
    void setActor(const QString& who) { m_actor = who; }

    Result<QList<ImportBatch>> list() const; // newest first
    Result<ImportBatch> batch(const QString& id) const; // an id or a unique prefix of one
    // Suppliers touched by the import that were changed again afterwards (undo would overwrite those changes).
    Result<QStringList> laterChanges(const QString& id) const;
    // Removes what the import added and restores what it changed, in one transaction, logged as a new batch.
    // Refuses when later changes exist unless `force`.
    Result<UndoReport> undo(const QString& id, bool force = false);

private:
    Database& m_db;
    QString m_actor;
};

} // namespace vigil
