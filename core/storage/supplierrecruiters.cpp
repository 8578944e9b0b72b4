// The recruiters (labour agencies) a supplier's workers come through: read and saved (split from
// supplierrepository.cpp; a supplier's links to them are written with the supplier's record).
#include "storage/changelog.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"
#include "storage/supplierrepository.h"
#include "util/uuid.h"

#include <QSqlQuery>
#include <QVariant>

namespace vigil {

using sql::txt;

namespace {

const char* kRecruiterColumns = "id, name, country, licence_number, licence_status, address";

Recruiter readRecruiter(const QSqlQuery& q)
{
    Recruiter r;
    r.id = q.value(0).toString();
    r.name = q.value(1).toString();
    r.country = q.value(2).toString();
    r.licenceNumber = q.value(3).toString();
    r.licenceStatus = licenceStatusFromString(q.value(4).toString()).value_or(LicenceStatus::Unknown);
    r.address = q.value(5).toString();
    return r;
}

} // namespace

Result<QList<Recruiter>> SupplierRepository::recruiters() const
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM recruiters ORDER BY name").arg(QLatin1String(kRecruiterColumns))))
        return Database::queryError(QStringLiteral("The recruiters could not be read."), q);
    QList<Recruiter> out;
    while (q.next())
        out.append(readRecruiter(q));
    return out;
}

Result<Recruiter> SupplierRepository::recruiter(const QString& id) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT %1 FROM recruiters WHERE id = ?").arg(QLatin1String(kRecruiterColumns)));
    q.addBindValue(id);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The recruiter could not be read."), q);
    if (!q.next())
        return makeError(QStringLiteral("There is no recruiter with id %1 in this workspace.").arg(id));
    return readRecruiter(q);
}

Status SupplierRepository::saveRecruiter(const Recruiter& r, const QString& batch)
{
    return m_db.transaction([&] { return saveRecruiterInTransaction(r, batch); });
}

Status SupplierRepository::saveRecruiterInTransaction(const Recruiter& input, const QString& batch)
{
    Recruiter r = input;
    if (r.name.trimmed().isEmpty()) {
        Error e = makeError(QStringLiteral("A recruiter needs a name."));
        e.field = QStringLiteral("name");
        return e;
    }
    if (r.id.isEmpty())
        r.id = newUuid();
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("INSERT INTO recruiters (id, name, country, licence_number, licence_status, address) "
                             "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                             "country = excluded.country, licence_number = excluded.licence_number, "
                             "licence_status = excluded.licence_status, address = excluded.address"));
    q.addBindValue(r.id);
    q.addBindValue(r.name.trimmed());
    q.addBindValue(txt(r.country));
    q.addBindValue(txt(r.licenceNumber));
    q.addBindValue(toString(r.licenceStatus));
    q.addBindValue(txt(r.address));
    if (!q.exec())
        return Database::queryError(QStringLiteral("The recruiter \"%1\" could not be saved.").arg(r.name), q);
    return ChangeLog(m_db.db()).append({0,
                                        {},
                                        m_actor,
                                        QStringLiteral("recruiter"),
                                        r.id,
                                        QStringLiteral("update"),
                                        QString(),
                                        QString(),
                                        r.name,
                                        batch});
}

} // namespace vigil
