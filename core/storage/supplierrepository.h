#pragma once

#include "model/supplier.h"
#include "storage/changelog.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace vigil {

class Database;

// What the register shows: filter by country, sector, tier, tag, status; search by name in any script.
struct SupplierFilter
{
    QString country; // alpha-2
    QString sector;
    std::optional<int> tier;
    QString tag;
    QString status;
    QString riskTier; // the tier of the latest stored score: "low", "medium", "high", "critical"
    // Suppliers with a corrective action in this status ("open", "in_progress", "closed_verified" ...; see
    // actions/actiontypes.h), or "overdue": an open or in-progress action past its due date.
    QString action;
    QString search; // matched against the name and other names, case-insensitively, as a substring
    bool isEmpty() const
    {
        return country.isEmpty() && sector.isEmpty() && !tier && tag.isEmpty() && status.isEmpty() && riskTier.isEmpty()
            && action.isEmpty() && search.isEmpty();
    }
    bool operator==(const SupplierFilter& o) const
    {
        return country == o.country && sector == o.sector && tier == o.tier && tag == o.tag && status == o.status
            && riskTier == o.riskTier && action == o.action && search == o.search;
    }
};

enum class SupplierSort { Name, Country, Sector, Tier, Workers, MigrantShare, Status, Spend, Updated };

// One line of the register: the columns of the table, nothing more.
struct SupplierRow
{
    qint64 key = 0; // stable integer key
    QString id;
    QString name;
    QString country;
    QString sector;
    int tier = 1;
    std::optional<int> workersMin;
    std::optional<int> workersMax;
    std::optional<double> migrantShare;
    SupplierStatus status = SupplierStatus::Active;
    std::optional<double> annualSpend;
    QString currency;
    QString tags;
    QString updatedAt;
};

// The suppliers aggregate: a supplier with its sites, identifiers and recruiter links. Every write is one
// transaction and appends to the change log; the *InTransaction variants are for callers (imports) that hold
// their own transaction.
class SupplierRepository
{
public:
    explicit SupplierRepository(Database& db);

    QString actor() const { return m_actor; }
    void setActor(const QString& who) { m_actor = who; }

    // Reads
    Result<Supplier> supplier(const QString& id) const;
    Result<SupplierRecord> record(const QString& id) const;
    Result<qint64> count(const SupplierFilter& filter = {}) const;
    Result<QList<SupplierRow>> page(const SupplierFilter& filter, SupplierSort sort, Qt::SortOrder order, qint64 offset,
                                    int limit) const;
    Result<QStringList> ids(const SupplierFilter& filter, int limit = -1) const;
    // Distinct values in use, for filter lists: "sector", "tag" or "country".
    Result<QStringList> distinctValues(const QString& what) const;

    // Writes (each its own transaction; batch groups the change-log entries)
    Status add(const SupplierRecord& record, const QString& batch = {});
    // Makes the stored record equal to this one (fields, sites, identifiers, recruiter links) and logs the
    // differences. Sites are matched by id: a kept site is updated in place, so the observations linked to it keep
    // their link; only a site left out of the record is deleted. A site without an id is new. Undo of an edit is
    // save(before).
    Status save(const SupplierRecord& record, const QString& batch = {});
    Status remove(const QString& id, const QString& batch = {});

    Status addInTransaction(const SupplierRecord& record, const QString& batch, bool log = true);
    Status saveInTransaction(const SupplierRecord& record, const QString& batch);
    Status removeInTransaction(const QString& id, const QString& batch);

    // Recruiters (shared between suppliers)
    Result<QList<Recruiter>> recruiters() const;
    Result<Recruiter> recruiter(const QString& id) const;
    Status saveRecruiter(const Recruiter& r, const QString& batch = {});
    Status saveRecruiterInTransaction(const Recruiter& r, const QString& batch);

private:
    // Sites are upserted by id, never deleted and inserted again: corrective actions and (since schema 10, without a
    // foreign key) risk_observations keep the id of their site, and a kept site must stay the same row. Kept sites are
    // updated when their fields or position changed, new ones inserted, and only the sites no longer in the record
    // deleted; the observations of a deleted site keep its id (a removed site), so putting the site back (undo)
    // links them again.
    // `stored` is what the workspace holds (id -> site and position); empty for a new supplier.
    struct StoredSite
    {
        Site site;
        int position = 0;
    };
    Result<QHash<QString, StoredSite>> storedSites(const QString& supplierId) const;
    Status writeSites(const SupplierRecord& record, const QHash<QString, StoredSite>& stored);
    // Identifiers and recruiter links: nothing references them, so a save deletes and inserts them.
    Status writeLinks(const SupplierRecord& record);
    Status deleteLinks(const QString& supplierId);
    Status deleteSearchAndTags(qint64 key);
    Status writeSearchAndTags(qint64 key, const Supplier& s);
    Result<qint64> keyOf(const QString& id) const;
    QList<ChangeEntry> childChanges(const SupplierRecord& before, const SupplierRecord& after,
                                    const QString& batch) const;

    Database& m_db;
    QString m_actor;
};

// The text indexed for search: the search keys of the name and the other names.
QString searchText(const Supplier& s);

} // namespace vigil
