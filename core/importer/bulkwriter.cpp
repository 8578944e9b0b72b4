#include "importer/bulkwriter.h"

#include "storage/database.h"
#include "storage/supplierrepository.h"
#include "util/textkey.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <sqlite3.h>

namespace vigil {

namespace {

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

constexpr qint64 kDefaultSearchHashSize = 1024 * 1024; // FTS5_DEFAULT_HASHSIZE

} // namespace

SequentialUuids::SequentialUuids()
{
    m_millis = quint64(QDateTime::currentMSecsSinceEpoch()) & 0xffffffffffffull;
    QRandomGenerator* g = QRandomGenerator::system();
    m_high = g->generate() & 0x7ffu; // the top bit left clear: room to count
    m_low = g->generate64() & 0x3fffffffffffffffull;
}

QString SequentialUuids::next()
{
    if (++m_low > 0x3fffffffffffffffull) {
        m_low = 0;
        if (++m_high > 0xfffu) {
            m_high = 0;
            ++m_millis;
        }
    }
    unsigned char b[16];
    for (int i = 0; i < 6; ++i)
        b[i] = uchar(m_millis >> (40 - 8 * i));
    b[6] = uchar(0x70 | (m_high >> 8));
    b[7] = uchar(m_high);
    b[8] = uchar(0x80 | (m_low >> 56));
    for (int i = 9; i < 16; ++i)
        b[i] = uchar(m_low >> (8 * (15 - i)));
    static const char hex[] = "0123456789abcdef";
    QChar out[36];
    int o = 0;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[o++] = QLatin1Char('-');
        out[o++] = QLatin1Char(hex[b[i] >> 4]);
        out[o++] = QLatin1Char(hex[b[i] & 15]);
    }
    return QString(out, 36);
}

// One prepared statement, reset and rebound for every row.
struct BulkWriter::Statement
{
    sqlite3_stmt* stmt = nullptr;
    int index = 0;
    // Bound text must live until the step: keep it here.
    QList<QByteArray> keep;

    ~Statement() { sqlite3_finalize(stmt); }
    void start()
    {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        index = 0;
        keep.clear();
    }
    void text(const QString& s)
    {
        keep.append(s.toUtf8());
        const QByteArray& b = keep.last();
        sqlite3_bind_text(stmt, ++index, b.constData(), int(b.size()), SQLITE_STATIC);
    }
    void bytes(const QByteArray& b) { sqlite3_bind_text(stmt, ++index, b.constData(), int(b.size()), SQLITE_STATIC); }
    void integer(qint64 v) { sqlite3_bind_int64(stmt, ++index, v); }
    void null() { sqlite3_bind_null(stmt, ++index); }
    void opt(const std::optional<int>& v) { v ? integer(*v) : null(); }
    void opt(const std::optional<double>& v) { v ? (void)sqlite3_bind_double(stmt, ++index, *v) : null(); }
    bool run() { return sqlite3_step(stmt) == SQLITE_DONE; }
};

BulkWriter::BulkWriter(Database& db, const QString& batch, const QString& actor)
    : m_db(db)
    , m_batch(batch)
    , m_actor(actor)
    , m_batchUtf8(batch.toUtf8())
    , m_actorUtf8(actor.toUtf8())
{
}

BulkWriter::~BulkWriter()
{
    checksOn();
}

void BulkWriter::checksOn()
{
    if (m_checksOff && m_handle)
        sqlite3_exec(m_handle, "PRAGMA ignore_check_constraints = OFF", nullptr, nullptr, nullptr);
    m_checksOff = false;
}

Status BulkWriter::finish()
{
    Status done = flush();
    if (done && !m_searchHashSize.isEmpty()) {
        const QByteArray restore
            = "INSERT INTO supplier_search (supplier_search, rank) VALUES ('hashsize', " + m_searchHashSize + ')';
        if (sqlite3_exec(m_handle, restore.constData(), nullptr, nullptr, nullptr) != SQLITE_OK)
            done = sqlError(QStringLiteral("The import could not restore the search index's settings."));
        m_searchHashSize.clear();
    }
    checksOn();
    return done;
}

Status BulkWriter::flush()
{
    if (m_pendingFrom == 0)
        return {};
    // Each statement reads the rows add() wrote, in key order: per supplier, its "create" entry comes before the
    // entries of its identifiers and sites, as when they were logged row by row.
    for (Statement* s : {m_searchSingle.get(), m_logSuppliers.get(), m_logIdentifiers.get(), m_logSites.get()}) {
        s->start();
        s->integer(m_pendingFrom);
        s->integer(m_pendingTo);
        if (s != m_searchSingle.get()) {
            s->bytes(m_actorUtf8);
            s->bytes(m_batchUtf8);
        }
        if (!s->run())
            return sqlError(s == m_searchSingle.get()
                                ? QStringLiteral("The added suppliers could not be indexed for search.")
                                : QStringLiteral("The change could not be recorded in the history."));
    }
    m_pendingFrom = m_pendingTo = 0;
    return {};
}

Error BulkWriter::sqlError(const QString& what) const
{
    return makeError(what, m_handle ? QString::fromUtf8(sqlite3_errmsg(m_handle)) : QString());
}

Status BulkWriter::dropIndexes()
{
    m_handle = m_db.handle();
    if (!m_handle)
        return makeError(QStringLiteral("Internal error: no SQLite handle."));
    sqlite3_stmt* q = nullptr;
    const char* sql = "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND "
                      "(tbl_name = 'suppliers' OR name IN ('identifiers_lookup', 'change_log_entity')) "
                      "ORDER BY name";
    if (sqlite3_prepare_v2(m_handle, sql, -1, &q, nullptr) != SQLITE_OK)
        return sqlError(QStringLiteral("The import could not read the workspace's indexes."));
    QList<QPair<QString, QByteArray>> found;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        const QString name = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)));
        const QByteArray create(reinterpret_cast<const char*>(sqlite3_column_text(q, 1)));
        if (create.toUpper().contains("UNIQUE"))
            continue;
        found.append({name, create});
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE)
        return sqlError(QStringLiteral("The import could not read the workspace's indexes."));
    for (const auto& [name, create] : found) {
        QString quoted = name;
        quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        const QByteArray drop = "DROP INDEX \"" + quoted.toUtf8() + '"';
        if (sqlite3_exec(m_handle, drop.constData(), nullptr, nullptr, nullptr) != SQLITE_OK)
            return sqlError(QStringLiteral("The import could not prepare the workspace for writing."));
        m_dropped.append({name, create});
    }
    return {};
}

Status BulkWriter::recreateIndexes(const std::function<bool(int done, int total)>& step)
{
    const int total = int(m_dropped.size());
    // One sorter at a time (no PRAGMA threads), with a smaller page cache: SQLite's sorter holds up to the page
    // cache's size in memory, and the import must stay within its memory budget. The importer restores the cache
    // size when it is done.
    sqlite3_exec(m_handle, "PRAGMA cache_size = -16384", nullptr, nullptr, nullptr);
    while (!m_dropped.isEmpty()) {
        if (step && !step(total - int(m_dropped.size()), total))
            return makeError(QStringLiteral("The import was stopped while the indexes were built again."));
        const auto& [name, create] = m_dropped.first();
        if (sqlite3_exec(m_handle, create.constData(), nullptr, nullptr, nullptr) != SQLITE_OK)
            return sqlError(QStringLiteral("The import could not index the suppliers (%1).").arg(name));
        m_dropped.removeFirst();
    }
    if (step)
        step(total, total);
    return {};
}

QStringList BulkWriter::droppedIndexes() const
{
    QStringList out;
    for (const auto& d : m_dropped)
        out << d.first;
    return out;
}

Status BulkWriter::prepare()
{
    m_handle = m_db.handle();
    if (!m_handle)
        return makeError(QStringLiteral("Internal error: no SQLite handle."));
    if (sqlite3_exec(m_handle, "PRAGMA ignore_check_constraints = ON", nullptr, nullptr, nullptr) != SQLITE_OK)
        return sqlError(QStringLiteral("The import could not prepare the workspace for writing."));
    m_checksOff = true;
    // The search index gathers what is added in memory, up to its "hashsize" (1 MiB by default), before writing it
    // as a segment; the segments are merged as they accumulate. 16 MiB while importing: fewer, larger segments (a
    // fifth less CPU for the index of a million suppliers). finish() restores the setting; a rollback does too.
    {
        sqlite3_stmt* q = nullptr;
        if (sqlite3_prepare_v2(m_handle, "SELECT v FROM supplier_search_config WHERE k = 'hashsize'", -1, &q, nullptr)
            != SQLITE_OK)
            return sqlError(QStringLiteral("The import could not read the search index's settings."));
        const bool found = sqlite3_step(q) == SQLITE_ROW;
        m_searchHashSize = QByteArray::number(found ? sqlite3_column_int64(q, 0) : kDefaultSearchHashSize);
        sqlite3_finalize(q);
        if (sqlite3_exec(m_handle, "INSERT INTO supplier_search (supplier_search, rank) VALUES ('hashsize', 16777216)",
                         nullptr, nullptr, nullptr)
            != SQLITE_OK) {
            m_searchHashSize.clear();
            return sqlError(QStringLiteral("The import could not prepare the search index."));
        }
    }
    auto make = [&](std::unique_ptr<Statement>& s, const char* sql) -> bool {
        s = std::make_unique<Statement>();
        return sqlite3_prepare_v3(m_handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->stmt, nullptr) == SQLITE_OK;
    };
    if (!make(
            m_supplier,
            "INSERT INTO suppliers (rowid_, id, name, name_key, other_names, country, address, sector, products, tier, "
            "annual_spend, currency, workers_min, workers_max, migrant_share, female_share, status, tags, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        || !make(m_search, "INSERT INTO supplier_search (rowid, names) VALUES (?, ?)")
        || !make(m_tag, "INSERT OR IGNORE INTO supplier_tags (supplier_rowid, tag) VALUES (?, ?)")
        || !make(m_identifier, "INSERT OR IGNORE INTO identifiers (supplier_id, scheme, value) VALUES (?, ?, ?)")
        || !make(m_site,
                 "INSERT INTO sites (id, supplier_id, name, site_type, address, country, workers, position) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        // What flush() writes for the keys add() wrote: "at" is the time add() wrote as the row's updated_at.
        || !make(m_searchSingle,
                 "INSERT INTO supplier_search (rowid, names) SELECT rowid_, name_key FROM suppliers "
                 "WHERE rowid_ BETWEEN ?1 AND ?2 AND other_names = ''")
        || !make(m_logSuppliers,
                 "INSERT INTO change_log (at, who, entity, entity_id, action, field, old_value, new_value, batch) "
                 "SELECT updated_at, ?3, 'supplier', id, 'create', '', NULL, name, ?4 FROM suppliers "
                 "WHERE rowid_ BETWEEN ?1 AND ?2 ORDER BY rowid_")
        || !make(m_logIdentifiers,
                 "INSERT INTO change_log (at, who, entity, entity_id, action, field, old_value, new_value, batch) "
                 "SELECT s.updated_at, ?3, 'identifier', s.id, 'create', i.scheme, NULL, i.value, ?4 "
                 "FROM suppliers s JOIN identifiers i ON i.supplier_id = s.id "
                 "WHERE s.rowid_ BETWEEN ?1 AND ?2 ORDER BY s.rowid_")
        || !make(m_logSites,
                 "INSERT INTO change_log (at, who, entity, entity_id, action, field, old_value, new_value, batch) "
                 "SELECT s.updated_at, ?3, 'site', s.id, 'create', t.name, NULL, t.name, ?4 "
                 "FROM suppliers s JOIN sites t ON t.supplier_id = s.id "
                 "WHERE s.rowid_ BETWEEN ?1 AND ?2 ORDER BY s.rowid_, t.position"))
        return sqlError(QStringLiteral("The import could not prepare the workspace for writing."));
    return {};
}

Status BulkWriter::check(SupplierRecord& rec)
{
    Supplier& s = rec.supplier;
    s.otherNames = cleanList(s.otherNames);
    s.products = cleanList(s.products);
    s.tags = cleanList(s.tags);
    s.name = s.name.trimmed();
    // validate() and the checks below are the tables' CHECK constraints, which the statements were compiled without.
    if (const auto issues = validate(s); !issues.isEmpty()) {
        Error e = makeError(issues.first().message);
        e.field = issues.first().field;
        return e;
    }
    if (!s.id.isEmpty() && s.id.size() != 36)
        return makeError(QStringLiteral("\"%1\" is not a Vigil id.").arg(s.id));
    for (const Site& site : rec.sites) {
        if (!site.id.isEmpty() && site.id.size() != 36)
            return makeError(QStringLiteral("\"%1\" is not a Vigil id.").arg(site.id));
        if (site.workers && *site.workers < 0)
            return makeError(QStringLiteral("The number of workers cannot be negative."));
    }
    return {};
}

Status BulkWriter::add(SupplierRecord& rec, qint64 key)
{
    Supplier& s = rec.supplier;
    if (s.id.isEmpty())
        s.id = m_ids.next();
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    if (nowMs != m_nowMs) {
        m_nowMs = nowMs;
        m_now = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).toString(Qt::ISODateWithMs).toUtf8();
    }
    const QByteArray now = m_now;
    const QByteArray id = s.id.toUtf8();
    const QString sep = QStringLiteral("\n");
    const QString nameKey = searchKey(s.name);
    Statement& q = *m_supplier;
    q.start();
    q.integer(key);
    q.bytes(id);
    q.text(s.name);
    q.text(nameKey);
    q.text(s.otherNames.join(sep));
    q.text(s.country);
    q.text(s.address);
    q.text(s.sector);
    q.text(s.products.join(sep));
    q.integer(s.tier);
    q.opt(s.annualSpend);
    q.text(s.currency);
    q.opt(s.workersMin);
    q.opt(s.workersMax);
    q.opt(s.migrantShare);
    q.opt(s.femaleShare);
    q.text(toString(s.status));
    q.text(s.tags.join(sep));
    if (s.createdAt.isValid())
        q.text(s.createdAt.toString(Qt::ISODateWithMs));
    else
        q.bytes(now);
    q.bytes(now);
    if (!q.run())
        return sqlError(QStringLiteral("The supplier \"%1\" could not be added.").arg(s.name));

    if (!s.otherNames.isEmpty()) { // single names: flush() indexes them from name_key
        Statement& search = *m_search;
        search.start();
        search.integer(key);
        search.text(searchText(s));
        if (!search.run())
            return sqlError(QStringLiteral("The supplier \"%1\" could not be indexed for search.").arg(s.name));
    }
    for (const QString& tag : s.tags) {
        m_tag->start();
        m_tag->integer(key);
        m_tag->text(tag);
        if (!m_tag->run())
            return sqlError(QStringLiteral("The tags of \"%1\" could not be saved.").arg(s.name));
    }
    for (const Identifier& i : rec.identifiers) {
        const QString v = i.value.trimmed();
        if (v.isEmpty())
            continue;
        m_identifier->start();
        m_identifier->bytes(id);
        m_identifier->text(toString(i.scheme));
        m_identifier->text(v);
        if (!m_identifier->run())
            return sqlError(QStringLiteral("The identifier %1 could not be saved.").arg(v));
    }
    int position = 0;
    for (Site& site : rec.sites) {
        if (site.id.isEmpty())
            site.id = m_ids.next();
        site.supplierId = s.id;
        Statement& st = *m_site;
        st.start();
        st.text(site.id);
        st.bytes(id);
        st.text(site.name);
        st.text(toString(site.type));
        st.text(site.address);
        st.text(site.country);
        st.opt(site.workers);
        st.integer(position++);
        if (!st.run())
            return sqlError(QStringLiteral("The site \"%1\" could not be saved.").arg(site.name));
    }
    if (m_pendingFrom == 0)
        m_pendingFrom = key;
    m_pendingTo = key;
    return {};
}

} // namespace vigil
