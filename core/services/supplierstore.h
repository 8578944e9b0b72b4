#pragma once

#include "model/supplier.h"
#include "storage/changelog.h"
#include "storage/database.h"
#include "storage/supplierdeletion.h"
#include "storage/supplierrepository.h"
#include "util/result.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace vigil {

// The GUI thread's way into one open workspace (Subsurface's DiveListNotifier pattern): owns the Database and the
// SupplierRepository, performs every write, and emits batched change signals so that models and views refresh
// only what changed. Reads go straight to the repository (repository() const).
class SupplierStore : public QObject
{
    Q_OBJECT
public:
    explicit SupplierStore(std::unique_ptr<Database> db, QObject* parent = nullptr);
    ~SupplierStore() override;

    Database& database() { return *m_db; }
    const SupplierRepository& repository() const { return m_repo; }
    QString path() const;
    // The workspace's name for titles: the file name without its suffix.
    QString name() const;

    Result<SupplierRecord> record(const QString& id) const { return m_repo.record(id); }
    Result<QList<ChangeEntry>> history(const QString& id, int limit = 500) const;

    // Writes. Each is one transaction with its change-log entries, and emits one signal on success.
    // add() gives the supplier a new id when it has none; the id used is written back to *assignedId.
    Status add(const SupplierRecord& record, QString* assignedId = nullptr);
    Status save(const SupplierRecord& record);
    // Deletes suppliers with everything that goes with them (evidence, actions, fees, trainings, scores and their
    // history: storage/supplierdeletion.h) and returns all of it, read in the same transaction, for undo. One
    // transaction, one change-log batch, one signal.
    Result<DeletedSuppliers> removeWithChildren(const QStringList& ids);
    // Puts back what removeWithChildren deleted, with the same ids, all or nothing: one transaction, one signal.
    Status restoreWithChildren(const DeletedSuppliers& deleted);

    // Tells every view to reload (after an import or anything that touched many rows behind the store's back).
    void notifyReset();
    // Lets commands report a failure that happened in undo/redo, where no caller can receive a Status.
    void reportError(const Error& error);

signals:
    void suppliersAdded(const QStringList& ids);
    void suppliersChanged(const QStringList& ids, const QStringList& fields);
    void suppliersRemoved(const QStringList& ids);
    void reset();
    void errorOccurred(const vigil::Error& error);

private:
    std::unique_ptr<Database> m_db;
    SupplierRepository m_repo;
};

// The fields that differ between two records: supplier fields by their SupplierField names, plus "sites",
// "identifiers" and "recruiters" when those lists differ.
QStringList changedFields(const SupplierRecord& before, const SupplierRecord& after);

} // namespace vigil
