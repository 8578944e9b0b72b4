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
// not exist creates it with that id (undo of a removal). An action whose site was removed from the supplier keeps
// the site's id (shown as "(site removed)"); saving it again may keep that site, never set a removed one anew.
class ActionRepository
{
public:
    explicit ActionRepository(Database& db);
    void setActor(const QString& who) { m_actor = who; }

    // Corrective actions, oldest first (opened date, then id).
    Result<QList<CorrectiveAction>> actions(const ActionQuery& query = {}) const;
    Result<CorrectiveAction> action(const QString& id) const;
    Result<QString> saveAction(const CorrectiveAction& action, const QString& batch = {});
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
    // The site of an action saved: one of the supplier's, or `storedSiteId` (the site the stored action is at) when
    // that site has been removed from the supplier since. Empty (the supplier as a whole) is always right.
    Status checkSite(const QString& siteId, const QString& storedSiteId, const QString& supplierId) const;
    Status checkBelongs(const char* table, const QString& id, const QString& supplierId, const QString& field,
                        const QString& what) const;

    Database& m_db;
    QString m_actor;
};

} // namespace vigil
