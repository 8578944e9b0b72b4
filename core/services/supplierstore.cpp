#include "services/supplierstore.h"

#include "util/uuid.h"

#include <QFileInfo>

namespace vigil {

SupplierStore::SupplierStore(std::unique_ptr<Database> db, QObject* parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_repo(*m_db)
{
}

SupplierStore::~SupplierStore() = default;

QString SupplierStore::path() const
{
    return m_db->path();
}

QString SupplierStore::name() const
{
    return QFileInfo(m_db->path()).completeBaseName();
}

Result<QList<ChangeEntry>> SupplierStore::history(const QString& id, int limit) const
{
    return ChangeLog(m_db->db()).forEntity(id, limit);
}

Status SupplierStore::add(const SupplierRecord& input, QString* assignedId)
{
    SupplierRecord rec = input;
    if (rec.supplier.id.isEmpty())
        rec.supplier.id = newUuid();
    if (Status st = m_repo.add(rec, newUuid()); !st)
        return st;
    if (assignedId)
        *assignedId = rec.supplier.id;
    emit suppliersAdded({rec.supplier.id});
    return {};
}

Status SupplierStore::save(const SupplierRecord& record)
{
    auto before = m_repo.record(record.supplier.id);
    if (!before)
        return before.error();
    const QStringList fields = changedFields(before.value(), record);
    if (fields.isEmpty())
        return {};
    if (Status st = m_repo.save(record, newUuid()); !st)
        return st;
    emit suppliersChanged({record.supplier.id}, fields);
    return {};
}

Result<DeletedSuppliers> SupplierStore::removeWithChildren(const QStringList& ids)
{
    if (ids.isEmpty())
        return DeletedSuppliers();
    const QString batch = newUuid();
    Result<DeletedSuppliers> deleted = DeletedSuppliers();
    Status st = m_db->transaction([&]() -> Status {
        deleted = SupplierDeletion(*m_db, m_repo).removeInTransaction(ids, batch);
        return deleted ? Status() : Status(deleted.error());
    });
    if (!st)
        return st.error();
    emit suppliersRemoved(ids);
    return deleted;
}

Status SupplierStore::restoreWithChildren(const DeletedSuppliers& deleted)
{
    if (deleted.isEmpty())
        return {};
    const QString batch = newUuid();
    Status st = m_db->transaction(
        [&]() -> Status { return SupplierDeletion(*m_db, m_repo).restoreInTransaction(deleted, batch); });
    if (!st)
        return st;
    QStringList ids;
    for (const SupplierRecord& r : deleted.records)
        ids << r.supplier.id;
    emit suppliersAdded(ids);
    return {};
}

void SupplierStore::notifyReset()
{
    emit reset();
}

void SupplierStore::reportError(const Error& error)
{
    emit errorOccurred(error);
}

QStringList changedFields(const SupplierRecord& before, const SupplierRecord& after)
{
    QStringList fields;
    for (const FieldChange& c : diff(before.supplier, after.supplier))
        if (!fields.contains(c.field))
            fields << c.field;
    if (before.sites != after.sites)
        fields << QStringLiteral("sites");
    if (before.identifiers != after.identifiers)
        fields << QStringLiteral("identifiers");
    if (before.recruiters != after.recruiters)
        fields << QStringLiteral("recruiters");
    return fields;
}

} // namespace vigil
