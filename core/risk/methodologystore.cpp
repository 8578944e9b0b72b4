#include "risk/methodologystore.h"

#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

namespace vigil {

namespace {

QString sha256(const QByteArray& document)
{
    return QString::fromLatin1(QCryptographicHash::hash(document, QCryptographicHash::Sha256).toHex());
}

QString isoNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QString label(const QString& id, const QString& version)
{
    return QStringLiteral("%1 version %2").arg(id, version);
}

} // namespace

MethodologyStore::MethodologyStore(Database& db)
    : m_db(db)
{
}

Result<Methodology> MethodologyStore::load(const QString& id, const QString& version) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT document FROM risk_methodologies WHERE id = ? AND version = ?"));
    q.addBindValue(id);
    q.addBindValue(version);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The methodology %1 could not be read.").arg(label(id, version)), q);
    if (q.next()) {
        auto stored
            = Methodology::fromJson(q.value(0).toString().toUtf8(),
                                    QStringLiteral("methodology %1 stored in the workspace").arg(label(id, version)));
        if (!stored)
            return stored.error();
        if (stored->id != id || stored->version != version)
            return makeError(QStringLiteral("The document stored as methodology %1 says it is %2; the workspace "
                                            "may be damaged.")
                                 .arg(label(id, version), label(stored->id, stored->version)));
        return stored;
    }
    auto bundled = Methodology::loadDefault();
    if (!bundled)
        return bundled.error();
    if (bundled->id == id && bundled->version == version)
        return bundled;
    return makeError(QStringLiteral("The methodology %1 is not stored in this workspace.").arg(label(id, version)));
}

Result<Methodology> MethodologyStore::active() const
{
    QSqlQuery q(m_db.db());
    if (!q.exec(QStringLiteral("SELECT methodology_id, methodology_version FROM risk_active_methodology "
                               "WHERE slot = 1")))
        return Database::queryError(QStringLiteral("The workspace's active methodology could not be read."), q);
    if (q.next())
        return load(q.value(0).toString(), q.value(1).toString());

    auto bundled = Methodology::loadDefault();
    if (!bundled)
        return bundled.error();
    // Workspaces from before schema 9: a version made with the editor was active when the latest score used it.
    if (!q.exec(QStringLiteral("SELECT m.id, m.version FROM risk_scores s JOIN risk_methodologies m "
                               "ON m.id = s.methodology_id AND m.version = s.methodology_version "
                               "ORDER BY s.evaluated_at DESC LIMIT 1")))
        return Database::queryError(QStringLiteral("The workspace's methodology could not be read."), q);
    if (q.next() && q.value(0).toString() == bundled->id && q.value(1).toString() != bundled->version)
        return load(q.value(0).toString(), q.value(1).toString());
    return bundled;
}

Result<QList<MethodologyVersionInfo>> MethodologyStore::versions() const
{
    auto bundled = Methodology::loadDefault();
    if (!bundled)
        return bundled.error();
    auto current = active();
    if (!current)
        return current.error();
    QSqlQuery q(m_db.db());
    if (!q.exec(QStringLiteral("SELECT id, version, document, sha256, first_used_at FROM risk_methodologies "
                               "ORDER BY id, first_used_at, version")))
        return Database::queryError(QStringLiteral("The methodology versions could not be read."), q);
    MethodologyVersionInfo head{
        bundled->id, bundled->version, bundled->name, bundled->published, sha256(bundled->document), {}, true, false};
    QList<MethodologyVersionInfo> list;
    while (q.next()) {
        const QJsonObject doc = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
        MethodologyVersionInfo v{q.value(0).toString(),
                                 q.value(1).toString(),
                                 doc.value(QStringLiteral("name")).toString(),
                                 QDate::fromString(doc.value(QStringLiteral("published")).toString(), Qt::ISODate),
                                 q.value(3).toString(),
                                 QDateTime::fromString(q.value(4).toString(), Qt::ISODate),
                                 false,
                                 false};
        if (v.id == head.id && v.version == head.version) {
            head.storedAt = v.storedAt;
            continue;
        }
        list.append(v);
    }
    list.prepend(head);
    for (MethodologyVersionInfo& v : list)
        v.active = v.id == current->id && v.version == current->version;
    return list;
}

Status MethodologyStore::insertDocument(const Methodology& m)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT sha256 FROM risk_methodologies WHERE id = ? AND version = ?"));
    q.addBindValue(m.id);
    q.addBindValue(m.version);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The methodology versions could not be read."), q);
    const QString hash = sha256(m.document);
    if (q.next()) {
        if (q.value(0).toString() == hash)
            return {};
        return makeError(QStringLiteral("The workspace already has a %1 with other content; give the new version "
                                        "another number.")
                             .arg(label(m.id, m.version)));
    }
    q.prepare(QStringLiteral("INSERT INTO risk_methodologies (id, version, document, sha256, first_used_at) "
                             "VALUES (?,?,?,?,?)"));
    q.addBindValue(m.id);
    q.addBindValue(m.version);
    q.addBindValue(QString::fromUtf8(m.document));
    q.addBindValue(hash);
    q.addBindValue(isoNow());
    if (!q.exec())
        return Database::queryError(
            QStringLiteral("The methodology %1 could not be stored.").arg(label(m.id, m.version)), q);
    return {};
}

Status MethodologyStore::setActive(const QString& id, const QString& version)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO risk_active_methodology (slot, methodology_id, "
                             "methodology_version, activated_at, activated_by) VALUES (1,?,?,?,?)"));
    q.addBindValue(id);
    q.addBindValue(version);
    q.addBindValue(isoNow());
    q.addBindValue(sql::txt(m_actor));
    if (!q.exec())
        return Database::queryError(QStringLiteral("The active methodology could not be saved."), q);
    return {};
}

Status MethodologyStore::saveVersion(const Methodology& methodology, bool activate)
{
    if (methodology.id.trimmed().isEmpty() || methodology.version.trimmed().isEmpty() || methodology.document.isEmpty())
        return makeError(QStringLiteral("A methodology version needs an id, a version and its document."));
    // The document must be the one that describes it (what is stored is what is loaded again).
    auto reread = Methodology::fromJson(methodology.document, QStringLiteral("the new methodology version"));
    if (!reread)
        return reread.error();
    if (reread->id != methodology.id || reread->version != methodology.version)
        return makeError(QStringLiteral("The document of %1 names %2.")
                             .arg(label(methodology.id, methodology.version), label(reread->id, reread->version)));
    auto bundled = Methodology::loadDefault();
    if (!bundled)
        return bundled.error();
    if (bundled->id == methodology.id && bundled->version == methodology.version
        && bundled->document != methodology.document)
        return makeError(QStringLiteral("%1 is the bundled methodology; give the new version another number.")
                             .arg(label(methodology.id, methodology.version)));
    return m_db.transaction([&]() -> Status {
        if (Status st = insertDocument(methodology); !st)
            return st;
        return activate ? setActive(methodology.id, methodology.version) : Status();
    });
}

Status MethodologyStore::activate(const QString& id, const QString& version)
{
    auto m = load(id, version);
    if (!m)
        return m.error();
    return m_db.transaction([&]() -> Status {
        // The bundled document is stored too, so that it stays loadable when a later Vigil bundles another one.
        if (Status st = insertDocument(*m); !st)
            return st;
        return setActive(id, version);
    });
}

} // namespace vigil
