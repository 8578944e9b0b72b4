#pragma once

#include "importer/columnmapping.h"
#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace vigil {

class Database;

struct MappingProfile
{
    QString name;
    QString signature; // HeaderMatcher::signature(header)
    QStringList header;
    ColumnMapping mapping;
    QDateTime updatedAt;
};

// Named column mappings kept in the workspace (mapping_profiles). A file whose header has the signature of a
// saved profile gets that profile's mapping again (the most recently saved one, if several).
class MappingProfiles
{
public:
    explicit MappingProfiles(Database& db);
    Result<QList<MappingProfile>> list() const;
    Result<std::optional<MappingProfile>> byName(const QString& name) const;
    Result<std::optional<MappingProfile>> forHeader(const QStringList& header) const;
    // Creates or replaces the profile of that name. Call inside or outside a transaction.
    Status save(const QString& name, const QStringList& header, const ColumnMapping& mapping);
    Status remove(const QString& name);

private:
    Database& m_db;
};

// "Same supplier" / "different supplier" decisions about imported records (match_decisions).
class MatchDecisions
{
public:
    explicit MatchDecisions(Database& db);
    struct Decision
    {
        QString supplierId;
        bool same = false;
    };
    // All decisions, by record key.
    Result<QHash<QString, QList<Decision>>> all() const;
    Status remember(const QString& recordKey, const QString& supplierId, bool same, const QString& who);

private:
    Database& m_db;
};

} // namespace vigil
