#pragma once

#include "actions/actiontypes.h"
#include "util/result.h"

#include <QList>
#include <QString>

#include <optional>

namespace vigil {

class Database;

// Which corrective actions to read.
struct ActionQuery
{
    QString supplierId; // empty: every supplier
    std::optional<ActionStatus> status;
    bool overdueOnly = false; // open or in progress, due before `today`
    QDate today; // for overdueOnly (defaults to the current UTC date)
};

// Corrective actions, the recruitment-fee ledger and trainings (resources/sql/008_actions.sql). Every write is one
// transaction with its change-log entries (entity corrective_action, fee_entry, training; entity_id the supplier's
// UUID, so that the supplier's history shows them; an internal training logs under its own id). Records are
// validated first (actiontypes.h: validate); errors name the field. Saving a record with an empty id creates it with
// a new UUID; saving one whose id exists replaces it and logs the fields that changed; saving a given id that does
// not exist creates it with that id. An action whose site or observation was removed from the supplier keeps its id
// (the site shown as "(site removed)"); saving it again may keep that site or observation, never set a removed one
// anew. Undo and redo go through restoreAction(), which puts back a record as it was.
class ActionRepository
{
public:
    explicit ActionRepository(Database& db);
    void setActor(const QString& who) { m_actor = who; }

    // Corrective actions, oldest first (opened date, then id).
    Result<QList<CorrectiveAction>> actions(const ActionQuery& query = {}) const;
    Result<CorrectiveAction> action(const QString& id) const;
    Result<QString> saveAction(const CorrectiveAction& action, const QString& batch = {});
    // Puts an action back exactly as it was (undo of its removal or of an edit, redo): its site may be one removed
    // from the supplier since, and its observation one removed since (both ids are kept as plain text, schema 8),
    // never another supplier's site or observation. The indicator is written as given. One transaction.
    Result<QString> restoreAction(const CorrectiveAction& action, const QString& batch = {});
    Status removeAction(const QString& id, const QString& batch = {});
    // Closes (or cancels) an action: status must be a closed one; closedOn defaults to today.
    Result<CorrectiveAction> closeAction(const QString& id, ActionStatus status, const QDate& closedOn,
                                         const QString& verificationNote);

    // Fee ledger, in date order.
    Result<QList<FeeEntry>> fees(const QString& supplierId = {}) const;
    Result<FeeEntry> fee(const QString& id) const;
    Result<QString> saveFee(const FeeEntry& entry, const QString& batch = {});
    Status removeFee(const QString& id, const QString& batch = {});

    // Trainings, in date order. supplierId empty: all trainings (internal and for suppliers).
    Result<QList<Training>> trainings(const QString& supplierId = {}) const;
    Result<Training> training(const QString& id) const;
    Result<QString> saveTraining(const Training& training, const QString& batch = {});
    Status removeTraining(const QString& id, const QString& batch = {});

    // The *InTransaction variants are for callers that hold a transaction (the sample portfolio).
    Result<QString> saveActionInTransaction(const CorrectiveAction& action, const QString& batch);
    Result<QString> saveFeeInTransaction(const FeeEntry& entry, const QString& batch);
    Result<QString> saveTrainingInTransaction(const Training& training, const QString& batch);

private:
    Status checkSupplier(const QString& supplierId) const;
    Result<QString> writeAction(const CorrectiveAction& action, const QString& batch, bool restoring);
    // What an action saved refers to in `table` (sites, risk_observations): one of the supplier's, or `storedId` (the
    // one the stored action refers to) when it has been removed from the supplier since, or, when `restoring`, any
    // id that names no row (one removed since the record was taken). Empty is always right.
    Status checkKept(const char* table, const QString& id, const QString& storedId, const QString& supplierId,
                     bool restoring, const QString& field, const QString& what) const;

    Database& m_db;
    QString m_actor;
};

} // namespace vigil
