#include "storage/changelog.h"

#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QSqlQuery>
#include <QVariant>

namespace vigil {

ChangeLog::ChangeLog(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QString ChangeLog::defaultActor()
{
    QString who = qEnvironmentVariable("VIGIL_USER");
    if (who.isEmpty())
        who = qEnvironmentVariable("USER");
    if (who.isEmpty())
        who = qEnvironmentVariable("USERNAME");
    return who.isEmpty() ? QStringLiteral("unknown") : who;
}

Status ChangeLog::append(const ChangeEntry& e)
{
    return appendAll({e});
}

Status ChangeLog::appendAll(const QList<ChangeEntry>& entries)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO change_log (at, who, entity, entity_id, action, field, old_value, "
                             "new_value, batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const ChangeEntry& e : entries) {
        q.bindValue(0, (e.at.isValid() ? e.at : QDateTime::currentDateTimeUtc()).toString(Qt::ISODateWithMs));
        q.bindValue(1, e.who.isEmpty() ? defaultActor() : e.who);
        q.bindValue(2, e.entity);
        q.bindValue(3, e.entityId);
        q.bindValue(4, e.action);
        q.bindValue(5, sql::txt(e.field));
        q.bindValue(6, e.oldValue.isNull() ? QVariant() : QVariant(e.oldValue));
        q.bindValue(7, e.newValue.isNull() ? QVariant() : QVariant(e.newValue));
        q.bindValue(8, sql::txt(e.batch));
        if (!q.exec())
            return Database::queryError(QStringLiteral("The change could not be recorded in the history."), q);
    }
    return {};
}

Result<QList<ChangeEntry>> ChangeLog::forEntity(const QString& entityId, int limit) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT seq, at, who, entity, entity_id, action, field, old_value, new_value, batch "
                             "FROM change_log WHERE entity_id = ? ORDER BY seq DESC LIMIT ?"));
    q.addBindValue(entityId);
    q.addBindValue(limit);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The history could not be read."), q);
    QList<ChangeEntry> list;
    while (q.next()) {
        ChangeEntry e;
        e.seq = q.value(0).toLongLong();
        e.at = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
        e.who = q.value(2).toString();
        e.entity = q.value(3).toString();
        e.entityId = q.value(4).toString();
        e.action = q.value(5).toString();
        e.field = q.value(6).toString();
        e.oldValue = q.value(7).toString();
        e.newValue = q.value(8).toString();
        e.batch = q.value(9).toString();
        list.append(e);
    }
    return list;
}

Result<qint64> ChangeLog::count() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM change_log")) || !q.next())
        return Database::queryError(QStringLiteral("The history could not be read."), q);
    return q.value(0).toLongLong();
}

} // namespace vigil
