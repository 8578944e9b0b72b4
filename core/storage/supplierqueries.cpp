// The register's reads: counting, paging, filtering and searching suppliers (split from supplierrepository.cpp).
#include "storage/database.h"
#include "storage/sqlvalues.h"
#include "storage/supplierrepository.h"
#include "util/textkey.h"

#include <QDate>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace vigil {

using sql::optDouble;
using sql::optInt;

namespace {

const QString kSep = QStringLiteral("\n");

struct Where
{
    QString sql;
    QVariantList values;
};

// The rowids of suppliers whose names contain key (a searchKey()).
struct SearchClause
{
    QString subquery;
    QVariant value;
};

SearchClause searchClause(const QString& key)
{
    if (key.size() >= 3) {
        // The trigram index answers substrings of three characters or more. GLOB, not LIKE: FTS5 cannot use its
        // index for LIKE ... ESCAPE, and the keys are case-folded already.
        return {QStringLiteral("SELECT rowid FROM supplier_search WHERE names GLOB ?"),
                QStringLiteral("*") + escapeGlob(key) + QStringLiteral("*")};
    }
    // One or two characters (common in Chinese names): the trigram index cannot answer, so scan the indexed text
    // itself (FTS5 keeps it in its <table>_content shadow table, column c0).
    return {QStringLiteral("SELECT id FROM supplier_search_content WHERE instr(c0, ?) > 0"), key};
}

Where buildWhere(const SupplierFilter& f)
{
    QStringList parts;
    Where w;
    if (!f.country.isEmpty()) {
        parts << QStringLiteral("country = ?");
        w.values << f.country;
    }
    if (!f.sector.isEmpty()) {
        parts << QStringLiteral("sector = ?");
        w.values << f.sector;
    }
    if (f.tier) {
        parts << QStringLiteral("tier = ?");
        w.values << *f.tier;
    }
    if (!f.status.isEmpty()) {
        parts << QStringLiteral("status = ?");
        w.values << f.status;
    }
    if (!f.tag.isEmpty()) {
        // EXISTS, not IN: SQLite then walks the sort index and probes the tag, instead of sorting all tagged rows.
        parts << QStringLiteral("EXISTS (SELECT 1 FROM supplier_tags t WHERE t.tag = ? AND t.supplier_rowid = rowid_)");
        w.values << f.tag;
    }
    if (!f.riskTier.isEmpty()) {
        parts << QStringLiteral(
            "EXISTS (SELECT 1 FROM risk_scores r WHERE r.supplier_id = suppliers.id AND r.tier = ?)");
        w.values << f.riskTier;
    }
    if (f.action == QLatin1String("overdue")) {
        parts << QStringLiteral("EXISTS (SELECT 1 FROM corrective_actions a WHERE a.supplier_id = suppliers.id AND "
                                "a.status IN ('open', 'in_progress') AND a.due_on <> '' AND a.due_on < ?)");
        w.values << QDate::currentDate().toString(Qt::ISODate);
    } else if (!f.action.isEmpty()) {
        parts << QStringLiteral(
            "EXISTS (SELECT 1 FROM corrective_actions a WHERE a.supplier_id = suppliers.id AND a.status = ?)");
        w.values << f.action;
    }
    const QString key = searchKey(f.search);
    if (!key.isEmpty()) {
        const SearchClause c = searchClause(key);
        parts << QStringLiteral("rowid_ IN (%1)").arg(c.subquery);
        w.values << c.value;
    }
    if (!parts.isEmpty())
        w.sql = QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
    return w;
}

QString orderBy(SupplierSort sort, Qt::SortOrder order)
{
    const QString dir = order == Qt::AscendingOrder ? QStringLiteral("ASC") : QStringLiteral("DESC");
    QString col;
    switch (sort) {
    case SupplierSort::Name:
        return QStringLiteral(" ORDER BY name_key %1, rowid_ %1").arg(dir);
    case SupplierSort::Country:
        col = QStringLiteral("country");
        break;
    case SupplierSort::Sector:
        col = QStringLiteral("sector");
        break;
    case SupplierSort::Tier:
        col = QStringLiteral("tier");
        break;
    case SupplierSort::Workers:
        col = QStringLiteral("coalesce(workers_max, workers_min)");
        break;
    case SupplierSort::MigrantShare:
        col = QStringLiteral("migrant_share");
        break;
    case SupplierSort::Status:
        col = QStringLiteral("status");
        break;
    case SupplierSort::Spend:
        col = QStringLiteral("annual_spend");
        break;
    case SupplierSort::Updated:
        col = QStringLiteral("updated_at");
        break;
    }
    return QStringLiteral(" ORDER BY %1 %2, name_key %2, rowid_ %2").arg(col, dir);
}

bool bindAll(QSqlQuery& q, const QVariantList& values)
{
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    return true;
}

} // namespace

Result<qint64> SupplierRepository::count(const SupplierFilter& filter) const
{
    // A tag alone or a search alone is counted from its own index, without touching the suppliers table.
    SupplierFilter rest = filter;
    rest.tag.clear();
    rest.search.clear();
    if (rest.isEmpty() && (filter.tag.isEmpty() != filter.search.isEmpty())) {
        QSqlQuery q(m_db.db());
        if (!filter.tag.isEmpty()) {
            q.prepare(QStringLiteral("SELECT count(*) FROM supplier_tags WHERE tag = ?"));
            q.addBindValue(filter.tag);
        } else {
            const SearchClause c = searchClause(searchKey(filter.search));
            q.prepare(QStringLiteral("SELECT count(*) FROM (%1)").arg(c.subquery));
            q.addBindValue(c.value);
        }
        if (!q.exec() || !q.next())
            return Database::queryError(QStringLiteral("The suppliers could not be counted."), q);
        return q.value(0).toLongLong();
    }
    const Where w = buildWhere(filter);
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT count(*) FROM suppliers") + w.sql);
    bindAll(q, w.values);
    if (!q.exec() || !q.next())
        return Database::queryError(QStringLiteral("The suppliers could not be counted."), q);
    return q.value(0).toLongLong();
}

Result<QList<SupplierRow>> SupplierRepository::page(const SupplierFilter& filter, SupplierSort sort,
                                                    Qt::SortOrder order, qint64 offset, int limit) const
{
    const Where w = buildWhere(filter);
    const QString ob = orderBy(sort, order);
    // Page the keys on the (covering) index first, then read just those rows: deep pages stay cheap.
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT rowid_, id, name, country, sector, tier, workers_min, workers_max, "
                             "migrant_share, status, annual_spend, currency, tags, updated_at FROM suppliers "
                             "WHERE rowid_ IN (SELECT rowid_ FROM suppliers%1%2 LIMIT ? OFFSET ?)%2")
                  .arg(w.sql, ob));
    QVariantList values = w.values;
    values << limit << offset;
    bindAll(q, values);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The suppliers could not be read."), q);
    QList<SupplierRow> rows;
    rows.reserve(std::min(limit, 4096)); // limit may be "all" (INT_MAX)
    while (q.next()) {
        SupplierRow r;
        r.key = q.value(0).toLongLong();
        r.id = q.value(1).toString();
        r.name = q.value(2).toString();
        r.country = q.value(3).toString();
        r.sector = q.value(4).toString();
        r.tier = q.value(5).toInt();
        r.workersMin = optInt(q.value(6));
        r.workersMax = optInt(q.value(7));
        r.migrantShare = optDouble(q.value(8));
        r.status = supplierStatusFromString(q.value(9).toString()).value_or(SupplierStatus::Active);
        r.annualSpend = optDouble(q.value(10));
        r.currency = q.value(11).toString();
        r.tags = q.value(12).toString().replace(kSep, QStringLiteral(", "));
        r.updatedAt = q.value(13).toString();
        rows.append(r);
    }
    return rows;
}

Result<QStringList> SupplierRepository::ids(const SupplierFilter& filter, int limit) const
{
    const Where w = buildWhere(filter);
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id FROM suppliers%1 ORDER BY name_key, rowid_ LIMIT ?").arg(w.sql));
    QVariantList values = w.values;
    values << limit;
    bindAll(q, values);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The suppliers could not be read."), q);
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

Result<QStringList> SupplierRepository::distinctValues(const QString& what) const
{
    QString sql;
    if (what == QLatin1String("sector"))
        sql = QStringLiteral("SELECT DISTINCT sector FROM suppliers WHERE sector <> '' ORDER BY sector");
    else if (what == QLatin1String("country"))
        sql = QStringLiteral("SELECT DISTINCT country FROM suppliers ORDER BY country");
    else if (what == QLatin1String("tag"))
        sql = QStringLiteral("SELECT DISTINCT tag FROM supplier_tags ORDER BY tag");
    else
        return makeError(QStringLiteral("Unknown field %1.").arg(what));
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!q.exec(sql))
        return Database::queryError(QStringLiteral("The values in use could not be read."), q);
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

} // namespace vigil
