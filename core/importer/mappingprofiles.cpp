#include "importer/mappingprofiles.h"

#include "storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace vigil {

namespace {

const char* kColumns = "name, header_signature, header, mapping, updated_at";

MappingProfile readProfile(const QSqlQuery& q)
{
    MappingProfile p;
    p.name = q.value(0).toString();
    p.signature = q.value(1).toString();
    for (const QJsonValue& v : QJsonDocument::fromJson(q.value(2).toByteArray()).array())
        p.header << v.toString();
    p.mapping = ColumnMapping::fromJson(QJsonDocument::fromJson(q.value(3).toByteArray()).object());
    p.updatedAt = QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs);
    return p;
}

} // namespace

MappingProfiles::MappingProfiles(Database& db)
    : m_db(db)
{
}

Result<QList<MappingProfile>> MappingProfiles::list() const
{
    QSqlQuery q(m_db.db());
    if (!q.exec(QStringLiteral("SELECT %1 FROM mapping_profiles ORDER BY name").arg(QLatin1String(kColumns))))
        return Database::queryError(QStringLiteral("The mapping profiles could not be read."), q);
    QList<MappingProfile> out;
    while (q.next())
        out << readProfile(q);
    return out;
}

Result<std::optional<MappingProfile>> MappingProfiles::byName(const QString& name) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT %1 FROM mapping_profiles WHERE name = ?").arg(QLatin1String(kColumns)));
    q.addBindValue(name);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The mapping profile could not be read."), q);
    if (!q.next())
        return std::optional<MappingProfile>();
    return std::optional<MappingProfile>(readProfile(q));
}

Result<std::optional<MappingProfile>> MappingProfiles::forHeader(const QStringList& header) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT %1 FROM mapping_profiles WHERE header_signature = ? ORDER BY updated_at DESC "
                             "LIMIT 1")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(HeaderMatcher::signature(header));
    if (!q.exec())
        return Database::queryError(QStringLiteral("The mapping profiles could not be read."), q);
    if (!q.next())
        return std::optional<MappingProfile>();
    return std::optional<MappingProfile>(readProfile(q));
}

Status MappingProfiles::save(const QString& name, const QStringList& header, const ColumnMapping& mapping)
{
    if (name.trimmed().isEmpty())
        return makeError(QStringLiteral("A mapping profile needs a name."));
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("INSERT INTO mapping_profiles (name, header_signature, header, mapping, created_at, "
                             "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
                             "header_signature = excluded.header_signature, header = excluded.header, "
                             "mapping = excluded.mapping, updated_at = excluded.updated_at"));
    q.addBindValue(name.trimmed());
    q.addBindValue(HeaderMatcher::signature(header));
    q.addBindValue(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(header)).toJson(QJsonDocument::Compact)));
    q.addBindValue(QString::fromUtf8(QJsonDocument(mapping.toJson()).toJson(QJsonDocument::Compact)));
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The mapping profile \"%1\" could not be saved.").arg(name), q);
    return {};
}

Status MappingProfiles::remove(const QString& name)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("DELETE FROM mapping_profiles WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The mapping profile could not be removed."), q);
    return {};
}

MatchDecisions::MatchDecisions(Database& db)
    : m_db(db)
{
}

Result<QHash<QString, QList<MatchDecisions::Decision>>> MatchDecisions::all() const
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT record_key, supplier_id, decision FROM match_decisions ORDER BY decided_at")))
        return Database::queryError(QStringLiteral("The remembered match decisions could not be read."), q);
    QHash<QString, QList<Decision>> out;
    while (q.next())
        out[q.value(0).toString()].append({q.value(1).toString(), q.value(2).toString() == QLatin1String("same")});
    return out;
}

Status MatchDecisions::remember(const QString& recordKey, const QString& supplierId, bool same, const QString& who)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO match_decisions (record_key, supplier_id, decision, decided_at, "
                             "who) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(recordKey);
    q.addBindValue(supplierId);
    q.addBindValue(same ? QStringLiteral("same") : QStringLiteral("different"));
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    q.addBindValue(who);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The match decision could not be remembered."), q);
    return {};
}

} // namespace vigil
