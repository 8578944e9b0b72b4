#include "storage/supplierrepository.h"

#include "storage/database.h"
#include "storage/sqlvalues.h"
#include "util/textkey.h"
#include "util/uuid.h"

#include <QLocale>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace vigil {

using sql::opt;
using sql::optDouble;
using sql::optInt;
using sql::txt;

namespace {

const QString kSep = QStringLiteral("\n");

QStringList splitList(const QString& s)
{
    return s.isEmpty() ? QStringList() : s.split(kSep);
}

QStringList cleanList(const QStringList& list)
{
    QStringList out;
    for (const QString& s : list) {
        const QString t = s.trimmed();
        if (!t.isEmpty() && !out.contains(t))
            out.append(t);
    }
    return out;
}

const char* kSupplierColumns = "rowid_, id, name, other_names, country, address, sector, products, tier, "
                               "annual_spend, currency, workers_min, workers_max, migrant_share, female_share, "
                               "status, tags, created_at, updated_at";

Supplier readSupplier(const QSqlQuery& q)
{
    Supplier s;
    s.id = q.value(1).toString();
    s.name = q.value(2).toString();
    s.otherNames = splitList(q.value(3).toString());
    s.country = q.value(4).toString();
    s.address = q.value(5).toString();
    s.sector = q.value(6).toString();
    s.products = splitList(q.value(7).toString());
    s.tier = q.value(8).toInt();
    s.annualSpend = optDouble(q.value(9));
    s.currency = q.value(10).toString();
    s.workersMin = optInt(q.value(11));
    s.workersMax = optInt(q.value(12));
    s.migrantShare = optDouble(q.value(13));
    s.femaleShare = optDouble(q.value(14));
    s.status = supplierStatusFromString(q.value(15).toString()).value_or(SupplierStatus::Active);
    s.tags = splitList(q.value(16).toString());
    s.createdAt = QDateTime::fromString(q.value(17).toString(), Qt::ISODateWithMs);
    s.updatedAt = QDateTime::fromString(q.value(18).toString(), Qt::ISODateWithMs);
    return s;
}

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString siteText(const Site& s)
{
    QStringList parts{s.name, toString(s.type)};
    if (!s.country.isEmpty())
        parts << s.country;
    if (!s.address.isEmpty())
        parts << s.address;
    if (s.workers)
        parts << QStringLiteral("%1 workers").arg(*s.workers);
    return parts.join(QStringLiteral(", "));
}

QString linkText(const RecruiterLink& l)
{
    QString t = l.recruiterName.isEmpty() ? l.recruiterId : l.recruiterName;
    if (!l.originCountry.isEmpty() || !l.destinationCountry.isEmpty())
        t += QStringLiteral(" (%1 → %2)").arg(l.originCountry, l.destinationCountry);
    return t;
}

// WHERE clause and bound values for a filter.
} // namespace

QString searchText(const Supplier& s)
{
    QStringList names{searchKey(s.name)};
    for (const QString& n : s.otherNames)
        names << searchKey(n);
    return names.join(kSep);
}

SupplierRepository::SupplierRepository(Database& db)
    : m_db(db)
    , m_actor(ChangeLog::defaultActor())
{
}

Result<Supplier> SupplierRepository::supplier(const QString& id) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT %1 FROM suppliers WHERE id = ?").arg(QLatin1String(kSupplierColumns)));
    q.addBindValue(id);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The supplier could not be read."), q);
    if (!q.next())
        return makeError(QStringLiteral("There is no supplier with id %1 in this workspace.").arg(id));
    return readSupplier(q);
}

Result<SupplierRecord> SupplierRepository::record(const QString& id) const
{
    auto s = supplier(id);
    if (!s)
        return s.error();
    SupplierRecord rec;
    rec.supplier = s.value();
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, name, site_type, address, country, workers FROM sites WHERE supplier_id = ? "
                             "ORDER BY position, name"));
    q.addBindValue(id);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The supplier's sites could not be read."), q);
    while (q.next()) {
        Site site;
        site.id = q.value(0).toString();
        site.supplierId = id;
        site.name = q.value(1).toString();
        site.type = siteTypeFromString(q.value(2).toString()).value_or(SiteType::Other);
        site.address = q.value(3).toString();
        site.country = q.value(4).toString();
        site.workers = optInt(q.value(5));
        rec.sites.append(site);
    }
    q.prepare(QStringLiteral("SELECT scheme, value FROM identifiers WHERE supplier_id = ? ORDER BY scheme, value"));
    q.addBindValue(id);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The supplier's identifiers could not be read."), q);
    while (q.next())
        rec.identifiers.append({identifierSchemeFromString(q.value(0).toString()).value_or(IdentifierScheme::Other),
                                q.value(1).toString()});
    q.prepare(QStringLiteral("SELECT l.recruiter_id, r.name, l.origin_country, l.destination_country, "
                             "l.workers_recruited, l.since FROM supplier_recruiters l JOIN recruiters r ON "
                             "r.id = l.recruiter_id WHERE l.supplier_id = ? ORDER BY r.name"));
    q.addBindValue(id);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The supplier's recruiters could not be read."), q);
    while (q.next()) {
        RecruiterLink l;
        l.recruiterId = q.value(0).toString();
        l.recruiterName = q.value(1).toString();
        l.originCountry = q.value(2).toString();
        l.destinationCountry = q.value(3).toString();
        l.workersRecruited = optInt(q.value(4));
        l.since = q.value(5).toString();
        rec.recruiters.append(l);
    }
    return rec;
}

Result<qint64> SupplierRepository::keyOf(const QString& id) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT rowid_ FROM suppliers WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The supplier could not be read."), q);
    if (!q.next())
        return makeError(QStringLiteral("There is no supplier with id %1 in this workspace.").arg(id));
    return q.value(0).toLongLong();
}

Status SupplierRepository::add(const SupplierRecord& record, const QString& batch)
{
    return m_db.transaction([&] { return addInTransaction(record, batch); });
}

Status SupplierRepository::save(const SupplierRecord& record, const QString& batch)
{
    return m_db.transaction([&] { return saveInTransaction(record, batch); });
}

Status SupplierRepository::remove(const QString& id, const QString& batch)
{
    return m_db.transaction([&] { return removeInTransaction(id, batch); });
}

Status SupplierRepository::writeSearchAndTags(qint64 key, const Supplier& s)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("INSERT INTO supplier_search (rowid, names) VALUES (?, ?)"));
    q.addBindValue(key);
    q.addBindValue(searchText(s));
    if (!q.exec())
        return Database::queryError(QStringLiteral("The supplier could not be indexed for search."), q);
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO supplier_tags (supplier_rowid, tag) VALUES (?, ?)"));
    for (const QString& tag : s.tags) {
        q.bindValue(0, key);
        q.bindValue(1, tag);
        if (!q.exec())
            return Database::queryError(QStringLiteral("The supplier's tags could not be saved."), q);
    }
    return {};
}

Result<QHash<QString, SupplierRepository::StoredSite>> SupplierRepository::storedSites(const QString& supplierId) const
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, name, site_type, address, country, workers, position FROM sites WHERE "
                             "supplier_id = ?"));
    q.addBindValue(supplierId);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The supplier's sites could not be read."), q);
    QHash<QString, StoredSite> out;
    while (q.next()) {
        StoredSite stored;
        Site& site = stored.site;
        site.id = q.value(0).toString();
        site.supplierId = supplierId;
        site.name = q.value(1).toString();
        site.type = siteTypeFromString(q.value(2).toString()).value_or(SiteType::Other);
        site.address = q.value(3).toString();
        site.country = q.value(4).toString();
        site.workers = optInt(q.value(5));
        stored.position = q.value(6).toInt();
        out.insert(site.id, stored);
    }
    return out;
}

Status SupplierRepository::writeSites(const SupplierRecord& rec, const QHash<QString, StoredSite>& stored)
{
    const QString& sid = rec.supplier.id;
    QSqlQuery q(m_db.db());
    // Delete only the sites that left the record. Their observations keep the site's id (a removed site, schema 10),
    // so putting the site back (undo) links them again.
    q.prepare(QStringLiteral("DELETE FROM sites WHERE id = ? AND supplier_id = ?"));
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        const bool kept
            = std::any_of(rec.sites.begin(), rec.sites.end(), [&](const Site& s) { return s.id == it.key(); });
        if (kept)
            continue;
        q.bindValue(0, it.key());
        q.bindValue(1, sid);
        if (!q.exec())
            return Database::queryError(
                QStringLiteral("The site \"%1\" could not be removed.").arg(it.value().site.name), q);
    }
    QSqlQuery update(m_db.db());
    update.prepare(QStringLiteral("UPDATE sites SET name = ?, site_type = ?, address = ?, country = ?, workers = ?, "
                                  "position = ? WHERE id = ? AND supplier_id = ?"));
    q.prepare(QStringLiteral("INSERT INTO sites (id, supplier_id, name, site_type, address, country, workers, "
                             "position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    int position = 0;
    for (const Site& s : rec.sites) {
        const int at = position++;
        const auto old = stored.constFind(s.id);
        if (old != stored.cend()) {
            if (old->position == at && old->site == s)
                continue; // unchanged: not written at all
            update.bindValue(0, s.name);
            update.bindValue(1, toString(s.type));
            update.bindValue(2, txt(s.address));
            update.bindValue(3, txt(s.country));
            update.bindValue(4, opt(s.workers));
            update.bindValue(5, at);
            update.bindValue(6, s.id);
            update.bindValue(7, sid);
            if (!update.exec())
                return Database::queryError(QStringLiteral("The site \"%1\" could not be saved.").arg(s.name), update);
            continue;
        }
        q.bindValue(0, s.id.isEmpty() ? newUuid() : s.id);
        q.bindValue(1, sid);
        q.bindValue(2, s.name);
        q.bindValue(3, toString(s.type));
        q.bindValue(4, txt(s.address));
        q.bindValue(5, txt(s.country));
        q.bindValue(6, opt(s.workers));
        q.bindValue(7, at);
        if (!q.exec())
            return Database::queryError(QStringLiteral("The site \"%1\" could not be saved.").arg(s.name), q);
    }
    return {};
}

Status SupplierRepository::writeLinks(const SupplierRecord& rec)
{
    const QString& sid = rec.supplier.id;
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO identifiers (supplier_id, scheme, value) VALUES (?, ?, ?)"));
    for (const Identifier& i : rec.identifiers) {
        if (i.value.trimmed().isEmpty())
            continue;
        q.bindValue(0, sid);
        q.bindValue(1, toString(i.scheme));
        q.bindValue(2, i.value.trimmed());
        if (!q.exec())
            return Database::queryError(QStringLiteral("The identifier %1 could not be saved.").arg(i.value), q);
    }
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO supplier_recruiters (supplier_id, recruiter_id, origin_country, "
                             "destination_country, workers_recruited, since) VALUES (?, ?, ?, ?, ?, ?)"));
    for (const RecruiterLink& l : rec.recruiters) {
        q.bindValue(0, sid);
        q.bindValue(1, l.recruiterId);
        q.bindValue(2, txt(l.originCountry));
        q.bindValue(3, txt(l.destinationCountry));
        q.bindValue(4, opt(l.workersRecruited));
        q.bindValue(5, txt(l.since));
        if (!q.exec())
            return Database::queryError(
                QStringLiteral("The link to recruiter %1 could not be saved (is the recruiter in the workspace?).")
                    .arg(l.recruiterName.isEmpty() ? l.recruiterId : l.recruiterName),
                q);
    }
    return {};
}

Status SupplierRepository::deleteLinks(const QString& supplierId)
{
    QSqlQuery q(m_db.db());
    for (const char* sql :
         {"DELETE FROM identifiers WHERE supplier_id = ?", "DELETE FROM supplier_recruiters WHERE supplier_id = ?"}) {
        q.prepare(QString::fromLatin1(sql));
        q.addBindValue(supplierId);
        if (!q.exec())
            return Database::queryError(QStringLiteral("The supplier's details could not be updated."), q);
    }
    return {};
}

Status SupplierRepository::deleteSearchAndTags(qint64 key)
{
    QSqlQuery q(m_db.db());
    for (const char* sql :
         {"DELETE FROM supplier_tags WHERE supplier_rowid = ?", "DELETE FROM supplier_search WHERE rowid = ?"}) {
        q.prepare(QString::fromLatin1(sql));
        q.addBindValue(key);
        if (!q.exec())
            return Database::queryError(QStringLiteral("The supplier's details could not be updated."), q);
    }
    return {};
}

static void bindSupplierFields(QSqlQuery& q, const Supplier& s, int first)
{
    int i = first;
    q.bindValue(i++, s.name.trimmed());
    q.bindValue(i++, searchKey(s.name));
    q.bindValue(i++, txt(cleanList(s.otherNames).join(kSep)));
    q.bindValue(i++, txt(s.country));
    q.bindValue(i++, txt(s.address));
    q.bindValue(i++, txt(s.sector));
    q.bindValue(i++, txt(cleanList(s.products).join(kSep)));
    q.bindValue(i++, s.tier);
    q.bindValue(i++, opt(s.annualSpend));
    q.bindValue(i++, txt(s.currency));
    q.bindValue(i++, opt(s.workersMin));
    q.bindValue(i++, opt(s.workersMax));
    q.bindValue(i++, opt(s.migrantShare));
    q.bindValue(i++, opt(s.femaleShare));
    q.bindValue(i++, toString(s.status));
    q.bindValue(i++, txt(cleanList(s.tags).join(kSep)));
}

Status SupplierRepository::addInTransaction(const SupplierRecord& input, const QString& batch, bool log)
{
    SupplierRecord rec = input;
    Supplier& s = rec.supplier;
    if (s.id.isEmpty())
        s.id = newUuid();
    if (const auto issues = validate(s); !issues.isEmpty()) {
        Error e = makeError(issues.first().message);
        e.field = issues.first().field;
        return e;
    }
    s.otherNames = cleanList(s.otherNames);
    s.tags = cleanList(s.tags);
    const QString now = nowText();
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("INSERT INTO suppliers (id, name, name_key, other_names, country, address, sector, "
                             "products, tier, annual_spend, currency, workers_min, workers_max, migrant_share, "
                             "female_share, status, tags, created_at, updated_at) VALUES "
                             "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bindValue(0, s.id);
    bindSupplierFields(q, s, 1);
    q.bindValue(17, s.createdAt.isValid() ? s.createdAt.toString(Qt::ISODateWithMs) : now);
    q.bindValue(18, now);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The supplier \"%1\" could not be added.").arg(s.name), q);
    const qint64 key = q.lastInsertId().toLongLong();
    if (Status st = writeSearchAndTags(key, s); !st)
        return st;
    if (Status st = writeSites(rec, {}); !st)
        return st;
    if (Status st = writeLinks(rec); !st)
        return st;
    if (!log)
        return {};
    ChangeLog changes(m_db.db());
    QList<ChangeEntry> entries;
    entries.append({0,
                    {},
                    m_actor,
                    QStringLiteral("supplier"),
                    s.id,
                    QStringLiteral("create"),
                    QString(),
                    QString(),
                    s.name,
                    batch});
    SupplierRecord empty;
    empty.supplier.id = s.id;
    entries += childChanges(empty, rec, batch);
    return changes.appendAll(entries);
}

QList<ChangeEntry> SupplierRepository::childChanges(const SupplierRecord& before, const SupplierRecord& after,
                                                    const QString& batch) const
{
    QList<ChangeEntry> out;
    const QString sid = after.supplier.id;
    auto entry
        = [&](const QString& entity, const QString& action, const QString& field, const QString& o, const QString& n) {
              out.append({0, {}, m_actor, entity, sid, action, field, o, n, batch});
          };
    for (const Site& s : after.sites) {
        auto it = std::find_if(before.sites.begin(), before.sites.end(), [&](const Site& b) { return b.id == s.id; });
        if (it == before.sites.end())
            entry(QStringLiteral("site"), QStringLiteral("create"), s.name, QString(), siteText(s));
        else if (!(*it == s))
            entry(QStringLiteral("site"), QStringLiteral("update"), s.name, siteText(*it), siteText(s));
    }
    for (const Site& b : before.sites)
        if (std::none_of(after.sites.begin(), after.sites.end(), [&](const Site& s) { return s.id == b.id; }))
            entry(QStringLiteral("site"), QStringLiteral("delete"), b.name, siteText(b), QString());
    for (const Identifier& i : after.identifiers)
        if (!before.identifiers.contains(i))
            entry(QStringLiteral("identifier"), QStringLiteral("create"), toString(i.scheme), QString(), i.value);
    for (const Identifier& i : before.identifiers)
        if (!after.identifiers.contains(i))
            entry(QStringLiteral("identifier"), QStringLiteral("delete"), toString(i.scheme), i.value, QString());
    for (const RecruiterLink& l : after.recruiters)
        if (!before.recruiters.contains(l))
            entry(QStringLiteral("recruiter_link"), QStringLiteral("create"), l.recruiterId, QString(), linkText(l));
    for (const RecruiterLink& l : before.recruiters)
        if (!after.recruiters.contains(l))
            entry(QStringLiteral("recruiter_link"), QStringLiteral("delete"), l.recruiterId, linkText(l), QString());
    return out;
}

Status SupplierRepository::saveInTransaction(const SupplierRecord& input, const QString& batch)
{
    SupplierRecord rec = input;
    rec.supplier.otherNames = cleanList(rec.supplier.otherNames);
    rec.supplier.tags = cleanList(rec.supplier.tags);
    rec.supplier.products = cleanList(rec.supplier.products);
    const Supplier& s = rec.supplier;
    if (const auto issues = validate(s); !issues.isEmpty()) {
        Error e = makeError(issues.first().message);
        e.field = issues.first().field;
        return e;
    }
    // The record's sites are this supplier's; a new site gets its id now, so the log and the write agree.
    QSet<QString> siteIds;
    for (Site& site : rec.sites) {
        site.supplierId = s.id;
        if (site.id.isEmpty())
            site.id = newUuid();
        if (siteIds.contains(site.id)) {
            Error e
                = makeError(QStringLiteral("The site \"%1\" is listed twice (same id %2).").arg(site.name, site.id));
            e.field = QStringLiteral("sites");
            return e;
        }
        siteIds.insert(site.id);
    }
    auto before = record(s.id);
    if (!before)
        return before.error();
    auto key = keyOf(s.id);
    if (!key)
        return key.error();
    auto stored = storedSites(s.id);
    if (!stored)
        return stored.error();
    const QList<FieldChange> fields = diff(before->supplier, s);
    QList<ChangeEntry> entries;
    for (const FieldChange& c : fields)
        entries.append({0,
                        {},
                        m_actor,
                        QStringLiteral("supplier"),
                        s.id,
                        QStringLiteral("update"),
                        c.field,
                        c.oldValue,
                        c.newValue,
                        batch});
    entries += childChanges(before.value(), rec, batch);
    // Sites whose only change is their place in the list: written, not logged (the log has no positions).
    bool sitesMoved = false;
    for (int i = 0; i < rec.sites.size() && !sitesMoved; ++i) {
        const auto it = stored->constFind(rec.sites.at(i).id);
        sitesMoved = it != stored->cend() && it->position != i;
    }
    if (entries.isEmpty()) {
        if (sitesMoved)
            return writeSites(rec, stored.value());
        return {}; // nothing changed
    }
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("UPDATE suppliers SET name = ?, name_key = ?, other_names = ?, country = ?, address = ?, "
                             "sector = ?, products = ?, tier = ?, annual_spend = ?, currency = ?, workers_min = ?, "
                             "workers_max = ?, migrant_share = ?, female_share = ?, status = ?, tags = ?, "
                             "updated_at = ? WHERE id = ?"));
    bindSupplierFields(q, s, 0);
    q.bindValue(16, nowText());
    q.bindValue(17, s.id);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The supplier \"%1\" could not be saved.").arg(s.name), q);
    if (Status st = deleteSearchAndTags(key.value()); !st)
        return st;
    if (Status st = writeSearchAndTags(key.value(), s); !st)
        return st;
    if (Status st = writeSites(rec, stored.value()); !st)
        return st;
    if (Status st = deleteLinks(s.id); !st)
        return st;
    if (Status st = writeLinks(rec); !st)
        return st;
    return ChangeLog(m_db.db()).appendAll(entries);
}

Status SupplierRepository::removeInTransaction(const QString& id, const QString& batch)
{
    auto before = record(id);
    if (!before)
        return before.error();
    auto key = keyOf(id);
    if (!key)
        return key.error();
    // The supplier goes with all its sites: its observations go too (ON DELETE CASCADE).
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("DELETE FROM sites WHERE supplier_id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The supplier's details could not be updated."), q);
    if (Status st = deleteLinks(id); !st)
        return st;
    if (Status st = deleteSearchAndTags(key.value()); !st)
        return st;
    q.prepare(QStringLiteral("DELETE FROM suppliers WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The supplier could not be deleted."), q);
    return ChangeLog(m_db.db()).append({0,
                                        {},
                                        m_actor,
                                        QStringLiteral("supplier"),
                                        id,
                                        QStringLiteral("delete"),
                                        QString(),
                                        before->supplier.name,
                                        QString(),
                                        batch});
}

} // namespace vigil
