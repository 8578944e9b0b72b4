#include "report/statementtexts.h"

#include "storage/changelog.h"
#include "storage/database.h"

#include <QSqlQuery>

namespace vigil::report {

StatementTexts::StatementTexts(Database& db)
    : m_db(db)
    , m_actor(ChangeLog::defaultActor())
{
}

Result<QMap<QString, QString>> StatementTexts::texts(const QString& jurisdiction) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT section, body FROM statement_texts WHERE jurisdiction = 'all' "
                             "UNION ALL SELECT section, body FROM statement_texts WHERE jurisdiction = ?"));
    q.addBindValue(jurisdiction);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The statement texts could not be read."), q);
    QMap<QString, QString> map;
    while (q.next())
        map.insert(q.value(0).toString(), q.value(1).toString());
    return map;
}

Result<QList<StatementText>> StatementTexts::all() const
{
    QSqlQuery q(m_db.db());
    if (!q.exec(QStringLiteral("SELECT jurisdiction, section, body, updated_at, updated_by FROM statement_texts "
                               "ORDER BY jurisdiction, section")))
        return Database::queryError(QStringLiteral("The statement texts could not be read."), q);
    QList<StatementText> list;
    while (q.next())
        list.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     QDateTime::fromString(q.value(3).toString(), Qt::ISODate), q.value(4).toString()});
    return list;
}

Status StatementTexts::setText(const QString& jurisdiction, const QString& section, const QString& body,
                               const QDateTime& at)
{
    static const QStringList known{QStringLiteral("all"), QStringLiteral("uk"), QStringLiteral("au"),
                                   QStringLiteral("ca"),  QStringLiteral("de"), QStringLiteral("eu")};
    if (!known.contains(jurisdiction))
        return makeError(QStringLiteral("Unknown jurisdiction '%1': use uk, au, ca, de, eu or all.").arg(jurisdiction));
    if (section.trimmed().isEmpty())
        return makeError(QStringLiteral("A statement text needs a section."));
    QSqlQuery q(m_db.db());
    if (body.trimmed().isEmpty()) {
        q.prepare(QStringLiteral("DELETE FROM statement_texts WHERE jurisdiction = ? AND section = ?"));
        q.addBindValue(jurisdiction);
        q.addBindValue(section);
    } else {
        q.prepare(QStringLiteral("INSERT INTO statement_texts (jurisdiction, section, body, updated_at, updated_by) "
                                 "VALUES (?, ?, ?, ?, ?) ON CONFLICT (jurisdiction, section) DO UPDATE SET "
                                 "body = excluded.body, updated_at = excluded.updated_at, "
                                 "updated_by = excluded.updated_by"));
        q.addBindValue(jurisdiction);
        q.addBindValue(section);
        q.addBindValue(body);
        q.addBindValue(at.toUTC().toString(Qt::ISODate));
        q.addBindValue(m_actor);
    }
    if (!q.exec())
        return Database::queryError(QStringLiteral("The statement text could not be saved."), q);
    return {};
}

} // namespace vigil::report
