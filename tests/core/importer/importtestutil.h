#pragma once

// Helpers shared by the importer tests: a fresh workspace and CSV files in a temporary folder.
#include "queryrows.h"
#include "storage/database.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QVariant>

#include <memory>

namespace vigil::test {

inline std::unique_ptr<Database> openWorkspace(const QString& path)
{
    auto db = Database::open(path, Database::Mode::CreateIfMissing);
    if (!db) {
        qWarning("%s", qPrintable(db.error().toString()));
        return nullptr;
    }
    return std::move(db).value();
}

inline QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        return {};
    return path;
}

inline qint64 scalar(Database& db, const QString& sql)
{
    QSqlQuery q(db.db());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

// Everything an import may touch, as one fingerprint: equal fingerprints mean nothing changed.
inline QString fingerprint(Database& db)
{
    QStringList parts;
    for (const char* t : {"suppliers", "supplier_search", "supplier_tags", "identifiers", "sites", "change_log",
                          "import_batches", "import_before_images", "mapping_profiles", "match_decisions"}) {
        QStringList rows = queryLines(db.db(), QStringLiteral("SELECT * FROM %1").arg(QLatin1String(t)));
        rows.sort();
        parts << QLatin1String(t) + QLatin1Char(':') + rows.join(QLatin1Char('\n'));
    }
    return parts.join(QStringLiteral("\n--\n"));
}

} // namespace vigil::test
