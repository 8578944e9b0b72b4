#pragma once

#include "model/supplier.h"
#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace vigil {

struct ChangeEntry
{
    qint64 seq = 0;
    QDateTime at;
    QString who;
    QString entity; // supplier, site, identifier, recruiter_link, recruiter
    QString entityId; // the supplier's UUID for what a supplier owns
    QString action; // create, update, delete
    QString field;
    QString oldValue; // null-able values are empty when absent
    QString newValue;
    QString batch;
};

// The append-only change log (the table refuses UPDATE and DELETE by trigger).
class ChangeLog
{
public:
    explicit ChangeLog(QSqlDatabase db);

    // Who is recorded for changes: the OS user by default.
    static QString defaultActor();

    Status append(const ChangeEntry& entry);
    Status appendAll(const QList<ChangeEntry>& entries);
    Result<QList<ChangeEntry>> forEntity(const QString& entityId, int limit = 500) const;
    Result<qint64> count() const;

private:
    QSqlDatabase m_db;
};

} // namespace vigil
