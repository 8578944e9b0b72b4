#pragma once

#include "risk/methodology.h"
#include "util/result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace vigil {

class Database;

// One methodology version known to a workspace: the bundled one, and every version stored in it (made with the
// methodology editor, or used for a score).
struct MethodologyVersionInfo
{
    QString id;
    QString version;
    QString name;
    QDate published;
    QString sha256; // of the exact document
    QDateTime storedAt; // when the workspace first recorded it (invalid for the bundled one when never used)
    bool bundled = false; // the document shipped with this build of Vigil
    bool active = false;
};

// The workspace's methodology versions and which one is active (resources/sql/002 risk_methodologies and 009
// risk_active_methodology). The active one is, in order: the version activated explicitly; for a workspace from
// before schema 9, the version of its latest score when that was made with the editor (another version of the
// bundled methodology); else the bundled default. Versions are immutable: a version number is never reused for
// another document.
class MethodologyStore
{
public:
    explicit MethodologyStore(Database& db);
    void setActor(const QString& who) { m_actor = who; }

    Result<Methodology> active() const;
    // Every version, the bundled one first, then by id and by the time they were stored.
    Result<QList<MethodologyVersionInfo>> versions() const;
    // One version: a stored document, or the bundled one.
    Result<Methodology> load(const QString& id, const QString& version) const;
    // Stores a new version (refused when the id and version exist with another document; storing the same
    // document again is accepted) and, with activate, makes it the active one. One transaction.
    Status saveVersion(const Methodology& methodology, bool activate = true);
    // Makes a stored (or the bundled) version active. One transaction.
    Status activate(const QString& id, const QString& version);

private:
    Status insertDocument(const Methodology& m);
    Status setActive(const QString& id, const QString& version);
    Database& m_db;
    QString m_actor;
};

} // namespace vigil
