#include "risk/activemethodology.h"

#include "storage/database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace vigil::ui {

Result<std::optional<Methodology>> storedActiveMethodology(Database& db, const Methodology& bundled)
{
    QSqlQuery q(db.db());
    q.prepare(QStringLiteral("SELECT m.id, m.version, m.document FROM risk_scores s JOIN risk_methodologies m "
                             "ON m.id = s.methodology_id AND m.version = s.methodology_version "
                             "ORDER BY s.evaluated_at DESC LIMIT 1"));
    if (!q.exec())
        return makeError(QObject::tr("The workspace's methodology could not be read."), q.lastError().text());
    if (!q.next())
        return std::optional<Methodology>();
    if (q.value(0).toString() != bundled.id || q.value(1).toString() == bundled.version)
        return std::optional<Methodology>();
    auto stored
        = Methodology::fromJson(q.value(2).toString().toUtf8(),
                                QObject::tr("methodology %1 stored in the workspace").arg(q.value(1).toString()));
    if (!stored)
        return stored.error();
    return std::optional<Methodology>(std::move(stored).value());
}

} // namespace vigil::ui
