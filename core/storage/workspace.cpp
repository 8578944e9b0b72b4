#include "storage/workspace.h"

#include "risk/scoring.h"
#include "storage/sampleportfolio.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QVariant>

namespace vigil::workspace {

static Status writeInfo(Database& db)
{
    return db.transaction([&]() -> Status {
        QSqlQuery q(db.db());
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO workspace_info (key, value) VALUES (?, ?)"));
        const QList<QPair<QString, QString>> info{
            {QStringLiteral("created_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
            {QStringLiteral("created_by"), QStringLiteral("Vigil %1").arg(QStringLiteral(VIGIL_VERSION))}};
        for (const auto& [k, v] : info) {
            q.bindValue(0, k);
            q.bindValue(1, v);
            if (!q.exec())
                return Database::queryError(QStringLiteral("The new workspace could not be written."), q);
        }
        return {};
    });
}

Result<std::unique_ptr<Database>> create(const QString& path)
{
    if (QFileInfo::exists(path)) {
        Error e = makeError(QStringLiteral("A file of that name already exists; Vigil will not overwrite it."));
        e.file = path;
        return e;
    }
    auto db = Database::open(path, Database::Mode::CreateIfMissing);
    if (!db)
        return db;
    if (Status st = writeInfo(*db.value()); !st)
        return st.error();
    return db;
}

Result<int> addSample(Database& db)
{
    auto n = loadSamplePortfolio(db);
    if (!n)
        return n;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto context = loadScoringContext(db, now);
    if (!context)
        return context.error();
    if (auto scored = scoreWorkspace(db, context.value(), now); !scored)
        return scored.error();
    return n;
}

Result<std::unique_ptr<Database>> openOrCreateSample(const QString& path)
{
    if (QFileInfo::exists(path))
        return Database::open(path);
    auto db = create(path);
    if (!db)
        return db;
    if (auto n = addSample(*db.value()); !n)
        return n.error();
    return db;
}

Result<CheckReport> check(Database& db)
{
    CheckReport r;
    r.schemaVersion = db.schemaVersion();
    r.latestVersion = Database::latestVersion();
    r.problems = db.integrityProblems();
    if (r.schemaVersion != r.latestVersion)
        r.problems << QStringLiteral("Schema version %1, but this Vigil expects %2.")
                          .arg(r.schemaVersion)
                          .arg(r.latestVersion);
    QSqlQuery q(db.db());
    if (q.exec(QStringLiteral("SELECT count(*) FROM suppliers")) && q.next())
        r.suppliers = q.value(0).toLongLong();
    if (q.exec(QStringLiteral("SELECT count(*) FROM change_log")) && q.next())
        r.changeLogEntries = q.value(0).toLongLong();
    struct Rule
    {
        const char* sql;
        const char* message;
    };
    const Rule rules[] = {
        {"SELECT count(*) FROM suppliers s WHERE NOT EXISTS (SELECT 1 FROM change_log c WHERE c.entity = 'supplier' "
         "AND c.entity_id = s.id AND c.action = 'create')",
         "%1 supplier(s) have no 'create' entry in the change log."},
        {"SELECT count(*) FROM suppliers s WHERE EXISTS (SELECT 1 FROM change_log c WHERE c.entity = 'supplier' AND "
         "c.entity_id = s.id AND c.action = 'delete' AND c.seq > (SELECT max(seq) FROM change_log c2 WHERE "
         "c2.entity = 'supplier' AND c2.entity_id = s.id AND c2.action = 'create'))",
         "%1 supplier(s) are in the register although the change log says they were deleted."},
        {"SELECT count(*) FROM change_log WHERE at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+1 day')",
         "%1 change-log entries are dated in the future."},
        {"SELECT count(*) FROM (SELECT s.rowid_ FROM suppliers s LEFT JOIN supplier_search f ON f.rowid = s.rowid_ "
         "WHERE f.rowid IS NULL)",
         "%1 supplier(s) are missing from the search index."},
    };
    for (const Rule& rule : rules) {
        if (!q.exec(QString::fromLatin1(rule.sql)) || !q.next()) {
            r.problems << QStringLiteral("A consistency check could not run.");
            continue;
        }
        const qint64 n = q.value(0).toLongLong();
        if (n > 0)
            r.problems << QString::fromLatin1(rule.message).arg(n);
    }
    return r;
}

} // namespace vigil::workspace
