// Over 600 lines: three record types (actions, fee entries, trainings) each with read, save (validate, check the
// supplier's own site/observation/recruiter, upsert, change log) and remove; splitting them into three files would
// copy the shared change-log and validation helpers of the anonymous namespace.
#include "actions/actionrepository.h"

#include "storage/changelog.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"
#include "util/uuid.h"

#include <QSqlQuery>
#include <QVariant>

namespace vigil {

namespace {

const QString kAction = QStringLiteral("corrective_action");
const QString kFee = QStringLiteral("fee_entry");
const QString kTraining = QStringLiteral("training");

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString dateText(const QDate& d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QStringLiteral("");
}

QDate dateFrom(const QVariant& v)
{
    return QDate::fromString(v.toString(), Qt::ISODate);
}

Error invalid(const QList<ValidationIssue>& issues)
{
    Error e = makeError(issues.first().message);
    e.field = issues.first().field;
    QStringList all;
    for (const ValidationIssue& i : issues)
        all << i.field + QStringLiteral(": ") + i.message;
    e.detail = all.join(QLatin1Char('\n'));
    return e;
}

Error notFound(const QString& what, const QString& id)
{
    Error e = makeError(QStringLiteral("There is no %1 with id %2.").arg(what, id));
    e.field = QStringLiteral("id");
    return e;
}

QString summary(const QList<QPair<QString, QString>>& fields)
{
    QStringList parts;
    for (const auto& [k, v] : fields)
        if (!v.isEmpty() && k != QLatin1String("supplier_id"))
            parts << k + QStringLiteral(": ") + v;
    return parts.join(QStringLiteral("; "));
}

// Change-log entries for one record going from `before` (empty: created) to `after` (empty: deleted).
QList<ChangeEntry> changes(const QString& actor, const QString& entity, const QString& logId, const QString& recordId,
                           const QList<QPair<QString, QString>>& before, const QList<QPair<QString, QString>>& after,
                           const QString& batch)
{
    QList<ChangeEntry> out;
    const QString shortId = recordId.left(8);
    if (before.isEmpty()) {
        out.append({0, {}, actor, entity, logId, QStringLiteral("create"), recordId, QString(), summary(after), batch});
    } else if (after.isEmpty()) {
        out.append(
            {0, {}, actor, entity, logId, QStringLiteral("delete"), recordId, summary(before), QString(), batch});
    } else {
        for (int i = 0; i < after.size() && i < before.size(); ++i)
            if (before[i].second != after[i].second)
                out.append({0,
                            {},
                            actor,
                            entity,
                            logId,
                            QStringLiteral("update"),
                            QStringLiteral("%1 (%2)").arg(after[i].first, shortId),
                            before[i].second,
                            after[i].second,
                            batch});
    }
    return out;
}

const char* kActionColumns = "a.id, a.supplier_id, a.site_id, a.observation_id, a.indicator, a.description, a.owner, "
                             "a.opened_on, a.due_on, a.status, a.closed_on, a.verification_note, s.name, "
                             "coalesce(si.name, '')";

CorrectiveAction readAction(const QSqlQuery& q)
{
    CorrectiveAction a;
    a.id = q.value(0).toString();
    a.supplierId = q.value(1).toString();
    a.siteId = q.value(2).toString();
    a.observationId = q.value(3).toString();
    a.indicatorId = q.value(4).toString();
    a.description = q.value(5).toString();
    a.owner = q.value(6).toString();
    a.openedOn = dateFrom(q.value(7));
    a.dueOn = dateFrom(q.value(8));
    a.status = actionStatusFromId(q.value(9).toString()).value_or(ActionStatus::Open);
    a.closedOn = dateFrom(q.value(10));
    a.verificationNote = q.value(11).toString();
    a.supplierName = q.value(12).toString();
    a.siteName = q.value(13).toString();
    if (!a.siteId.isEmpty() && a.siteName.isEmpty())
        a.siteName = QStringLiteral("(site removed)");
    return a;
}

const char* kFeeColumns = "f.id, f.supplier_id, f.recruiter_id, f.origin_country, f.destination_country, "
                          "f.worker_group, f.workers, f.paid_amount, f.reimbursed_amount, f.currency, f.recorded_on, "
                          "f.evidence_source, f.note, coalesce(r.name, '')";

FeeEntry readFee(const QSqlQuery& q)
{
    FeeEntry f;
    f.id = q.value(0).toString();
    f.supplierId = q.value(1).toString();
    f.recruiterId = q.value(2).toString();
    f.originCountry = q.value(3).toString();
    f.destinationCountry = q.value(4).toString();
    f.workerGroup = q.value(5).toString();
    f.workers = sql::optInt(q.value(6));
    f.paidAmount = q.value(7).toDouble();
    f.reimbursedAmount = q.value(8).toDouble();
    f.currency = q.value(9).toString();
    f.recordedOn = dateFrom(q.value(10));
    f.evidenceSource = q.value(11).toString();
    f.note = q.value(12).toString();
    f.recruiterName = q.value(13).toString();
    return f;
}

const char* kTrainingColumns
    = "t.id, coalesce(t.supplier_id, ''), t.topic, t.held_on, t.participants, t.audience, coalesce(s.name, '')";

Training readTraining(const QSqlQuery& q)
{
    Training t;
    t.id = q.value(0).toString();
    t.supplierId = q.value(1).toString();
    t.topic = q.value(2).toString();
    t.heldOn = dateFrom(q.value(3));
    t.participants = q.value(4).toInt();
    t.audience = audienceFromId(q.value(5).toString()).value_or(TrainingAudience::Staff);
    t.supplierName = q.value(6).toString();
    return t;
}

} // namespace

ActionRepository::ActionRepository(Database& db)
    : m_db(db)
    , m_actor(ChangeLog::defaultActor())
{
}

Status ActionRepository::checkSupplier(const QString& supplierId) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT 1 FROM suppliers WHERE id = ?"));
    q.addBindValue(supplierId);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The supplier could not be read."), q);
    if (!q.next()) {
        Error e = makeError(QStringLiteral("There is no supplier with id %1.").arg(supplierId));
        e.field = QStringLiteral("supplier");
        return e;
    }
    return {};
}

Status ActionRepository::checkKept(const char* table, const QString& id, const QString& storedId,
                                   const QString& supplierId, bool restoring, const QString& field,
                                   const QString& what) const
{
    if (id.isEmpty())
        return {};
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT supplier_id FROM %1 WHERE id = ?").arg(QLatin1String(table)));
    q.addBindValue(id);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The %1 could not be read.").arg(what), q);
    const bool exists = q.next();
    if (exists && q.value(0).toString() == supplierId)
        return {};
    // corrective_actions.site_id and observation_id keep the id of a site or observation removed from the supplier
    // (plain text, schema 8): an action saved again with the one it already has keeps it (an edit of its status, due
    // date ...), and an action put back as it was keeps what it had. Setting a site or observation that is not, or no
    // longer, the supplier's is refused, and another supplier's always.
    if (!exists && (id == storedId || (restoring && isUuid(id))))
        return {};
    Error e = makeError(QStringLiteral("The %1 %2 is not one of this supplier's.").arg(what, id));
    e.field = field;
    return e;
}

// ---- Corrective actions ------------------------------------------------------------------------------------------

Result<QList<CorrectiveAction>> ActionRepository::actions(const ActionQuery& query) const
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    QString sql = QStringLiteral("SELECT %1 FROM corrective_actions a JOIN suppliers s ON s.id = a.supplier_id "
                                 "LEFT JOIN sites si ON si.id = a.site_id WHERE 1")
                      .arg(QLatin1String(kActionColumns));
    QVariantList binds;
    if (!query.supplierId.isEmpty()) {
        sql += QStringLiteral(" AND a.supplier_id = ?");
        binds << query.supplierId;
    }
    if (query.status) {
        sql += QStringLiteral(" AND a.status = ?");
        binds << actionStatusId(*query.status);
    }
    if (query.overdueOnly) {
        const QDate today = query.today.isValid() ? query.today : QDateTime::currentDateTimeUtc().date();
        sql += QStringLiteral(" AND a.status IN ('open', 'in_progress') AND a.due_on <> '' AND a.due_on < ?");
        binds << today.toString(Qt::ISODate);
    }
    sql += QStringLiteral(" ORDER BY a.opened_on, a.id");
    q.prepare(sql);
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The corrective actions could not be read."), q);
    QList<CorrectiveAction> list;
    while (q.next())
        list.append(readAction(q));
    return list;
}

Result<CorrectiveAction> ActionRepository::action(const QString& id) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT %1 FROM corrective_actions a JOIN suppliers s ON s.id = a.supplier_id "
                             "LEFT JOIN sites si ON si.id = a.site_id WHERE a.id = ?")
                  .arg(QLatin1String(kActionColumns)));
    q.addBindValue(id);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The corrective action could not be read."), q);
    if (!q.next())
        return notFound(QStringLiteral("corrective action"), id);
    return readAction(q);
}

Result<QString> ActionRepository::saveAction(const CorrectiveAction& action, const QString& batch)
{
    Result<QString> out = QString();
    Status st = m_db.transaction([&]() -> Status {
        out = saveActionInTransaction(action, batch);
        return out ? Status() : Status(out.error());
    });
    if (!st)
        return st.error();
    return out;
}

Result<QString> ActionRepository::restoreAction(const CorrectiveAction& action, const QString& batch)
{
    Result<QString> out = QString();
    Status st = m_db.transaction([&]() -> Status {
        out = writeAction(action, batch, true);
        return out ? Status() : Status(out.error());
    });
    if (!st)
        return st.error();
    return out;
}

Result<QString> ActionRepository::saveActionInTransaction(const CorrectiveAction& input, const QString& batch)
{
    return writeAction(input, batch, false);
}

Result<QString> ActionRepository::writeAction(const CorrectiveAction& input, const QString& batch, bool restoring)
{
    CorrectiveAction a = input;
    a.description = a.description.trimmed();
    a.owner = a.owner.trimmed();
    if (const auto issues = validate(a); !issues.isEmpty())
        return invalid(issues);
    if (Status st = checkSupplier(a.supplierId); !st)
        return st.error();
    QList<QPair<QString, QString>> before;
    // The site and observation of the stored action (either may have been removed from the supplier since).
    QString storedSiteId, storedObservationId;
    if (a.id.isEmpty()) {
        a.id = newUuid();
    } else {
        if (!isUuid(a.id)) {
            Error e = makeError(QStringLiteral("“%1” is not a valid id.").arg(a.id));
            e.field = QStringLiteral("id");
            return e;
        }
        auto existing = action(a.id);
        if (existing) {
            before = existing->fields();
            if (existing->supplierId == a.supplierId) {
                storedSiteId = existing->siteId;
                storedObservationId = existing->observationId;
            }
        } else if (existing.error().field != QLatin1String("id")) {
            return existing.error();
        }
    }
    if (Status st = checkKept("sites", a.siteId, storedSiteId, a.supplierId, restoring, QStringLiteral("site"),
                              QStringLiteral("site"));
        !st)
        return st.error();
    if (Status st = checkKept("risk_observations", a.observationId, storedObservationId, a.supplierId, restoring,
                              QStringLiteral("observation"), QStringLiteral("observation"));
        !st)
        return st.error();
    if (!restoring && !a.observationId.isEmpty() && a.indicatorId.isEmpty()) {
        // An action that answers an observation answers its indicator too (reports count actions by indicator).
        QSqlQuery q(m_db.db());
        q.prepare(QStringLiteral("SELECT indicator FROM risk_observations WHERE id = ?"));
        q.addBindValue(a.observationId);
        if (q.exec() && q.next())
            a.indicatorId = q.value(0).toString();
    }
    const QList<QPair<QString, QString>> after = a.fields();
    if (before == after)
        return a.id; // nothing changed
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral(
        "INSERT INTO corrective_actions (id, supplier_id, site_id, observation_id, indicator, description, owner, "
        "opened_on, due_on, status, closed_on, verification_note, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "supplier_id = excluded.supplier_id, site_id = excluded.site_id, observation_id = excluded.observation_id, "
        "indicator = excluded.indicator, description = excluded.description, owner = excluded.owner, "
        "opened_on = excluded.opened_on, due_on = excluded.due_on, status = excluded.status, "
        "closed_on = excluded.closed_on, verification_note = excluded.verification_note, "
        "updated_at = excluded.updated_at"));
    const QString now = nowText();
    const QVariantList values{a.id,
                              a.supplierId,
                              sql::txt(a.siteId),
                              sql::txt(a.observationId),
                              sql::txt(a.indicatorId),
                              a.description,
                              sql::txt(a.owner),
                              dateText(a.openedOn),
                              dateText(a.dueOn),
                              actionStatusId(a.status),
                              dateText(a.closedOn),
                              sql::txt(a.verificationNote),
                              now,
                              now};
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The corrective action could not be saved."), q);
    if (Status st = ChangeLog(m_db.db()).appendAll(changes(m_actor, kAction, a.supplierId, a.id, before, after, batch));
        !st)
        return st.error();
    return a.id;
}

Status ActionRepository::removeAction(const QString& id, const QString& batch)
{
    return m_db.transaction([&]() -> Status {
        auto existing = action(id);
        if (!existing)
            return existing.error();
        QSqlQuery q(m_db.db());
        q.prepare(QStringLiteral("DELETE FROM corrective_actions WHERE id = ?"));
        q.addBindValue(id);
        if (!q.exec())
            return Database::queryError(QStringLiteral("The corrective action could not be removed."), q);
        return ChangeLog(m_db.db()).appendAll(
            changes(m_actor, kAction, existing->supplierId, id, existing->fields(), {}, batch));
    });
}

Result<CorrectiveAction> ActionRepository::closeAction(const QString& id, ActionStatus status, const QDate& closedOn,
                                                       const QString& verificationNote)
{
    if (!isClosed(status)) {
        Error e = makeError(QStringLiteral("Close an action as closed_verified, closed_not_verified or cancelled."));
        e.field = QStringLiteral("status");
        return e;
    }
    auto existing = action(id);
    if (!existing)
        return existing.error();
    CorrectiveAction a = existing.value();
    a.status = status;
    a.closedOn = closedOn.isValid() ? closedOn : QDateTime::currentDateTimeUtc().date();
    if (!verificationNote.isNull())
        a.verificationNote = verificationNote;
    auto saved = saveAction(a);
    if (!saved)
        return saved.error();
    return action(id);
}

// ---- Fee ledger --------------------------------------------------------------------------------------------------

Result<QList<FeeEntry>> ActionRepository::fees(const QString& supplierId) const
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM recruitment_fees f LEFT JOIN recruiters r ON r.id = f.recruiter_id "
                             "WHERE (? = '' OR f.supplier_id = ?) ORDER BY f.recorded_on, f.id")
                  .arg(QLatin1String(kFeeColumns)));
    q.addBindValue(sql::txt(supplierId));
    q.addBindValue(sql::txt(supplierId));
    if (!q.exec())
        return Database::queryError(QStringLiteral("The fee ledger could not be read."), q);
    QList<FeeEntry> list;
    while (q.next())
        list.append(readFee(q));
    return list;
}

Result<FeeEntry> ActionRepository::fee(const QString& id) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT %1 FROM recruitment_fees f LEFT JOIN recruiters r ON r.id = f.recruiter_id "
                             "WHERE f.id = ?")
                  .arg(QLatin1String(kFeeColumns)));
    q.addBindValue(id);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The fee entry could not be read."), q);
    if (!q.next())
        return notFound(QStringLiteral("fee entry"), id);
    return readFee(q);
}

Result<QString> ActionRepository::saveFee(const FeeEntry& entry, const QString& batch)
{
    Result<QString> out = QString();
    Status st = m_db.transaction([&]() -> Status {
        out = saveFeeInTransaction(entry, batch);
        return out ? Status() : Status(out.error());
    });
    if (!st)
        return st.error();
    return out;
}

Result<QString> ActionRepository::saveFeeInTransaction(const FeeEntry& input, const QString& batch)
{
    FeeEntry f = input;
    f.currency = f.currency.trimmed().toUpper();
    f.originCountry = f.originCountry.trimmed().toUpper();
    f.destinationCountry = f.destinationCountry.trimmed().toUpper();
    f.workerGroup = f.workerGroup.trimmed();
    if (const auto issues = validate(f); !issues.isEmpty())
        return invalid(issues);
    if (Status st = checkSupplier(f.supplierId); !st)
        return st.error();
    if (!f.recruiterId.isEmpty()) {
        QSqlQuery q(m_db.db());
        q.prepare(QStringLiteral("SELECT 1 FROM recruiters WHERE id = ?"));
        q.addBindValue(f.recruiterId);
        if (!q.exec())
            return Database::queryError(QStringLiteral("The recruiter could not be read."), q);
        if (!q.next()) {
            Error e = makeError(QStringLiteral("There is no recruiter with id %1.").arg(f.recruiterId));
            e.field = QStringLiteral("recruiter");
            return e;
        }
    }
    QList<QPair<QString, QString>> before;
    if (f.id.isEmpty()) {
        f.id = newUuid();
    } else {
        if (!isUuid(f.id)) {
            Error e = makeError(QStringLiteral("“%1” is not a valid id.").arg(f.id));
            e.field = QStringLiteral("id");
            return e;
        }
        auto existing = fee(f.id);
        if (existing)
            before = existing->fields();
        else if (existing.error().field != QLatin1String("id"))
            return existing.error();
    }
    const QList<QPair<QString, QString>> after = f.fields();
    if (before == after)
        return f.id;
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral(
        "INSERT INTO recruitment_fees (id, supplier_id, recruiter_id, origin_country, destination_country, "
        "worker_group, workers, paid_amount, reimbursed_amount, currency, recorded_on, evidence_source, note, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "supplier_id = excluded.supplier_id, recruiter_id = excluded.recruiter_id, "
        "origin_country = excluded.origin_country, destination_country = excluded.destination_country, "
        "worker_group = excluded.worker_group, workers = excluded.workers, paid_amount = excluded.paid_amount, "
        "reimbursed_amount = excluded.reimbursed_amount, currency = excluded.currency, "
        "recorded_on = excluded.recorded_on, evidence_source = excluded.evidence_source, note = excluded.note, "
        "updated_at = excluded.updated_at"));
    const QString now = nowText();
    const QVariantList values{f.id,
                              f.supplierId,
                              sql::txt(f.recruiterId),
                              sql::txt(f.originCountry),
                              sql::txt(f.destinationCountry),
                              sql::txt(f.workerGroup),
                              sql::opt(f.workers),
                              f.paidAmount,
                              f.reimbursedAmount,
                              f.currency,
                              dateText(f.recordedOn),
                              sql::txt(f.evidenceSource),
                              sql::txt(f.note),
                              now,
                              now};
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The fee entry could not be saved."), q);
    if (Status st = ChangeLog(m_db.db()).appendAll(changes(m_actor, kFee, f.supplierId, f.id, before, after, batch));
        !st)
        return st.error();
    return f.id;
}

Status ActionRepository::removeFee(const QString& id, const QString& batch)
{
    return m_db.transaction([&]() -> Status {
        auto existing = fee(id);
        if (!existing)
            return existing.error();
        QSqlQuery q(m_db.db());
        q.prepare(QStringLiteral("DELETE FROM recruitment_fees WHERE id = ?"));
        q.addBindValue(id);
        if (!q.exec())
            return Database::queryError(QStringLiteral("The fee entry could not be removed."), q);
        return ChangeLog(m_db.db()).appendAll(
            changes(m_actor, kFee, existing->supplierId, id, existing->fields(), {}, batch));
    });
}

// ---- Trainings ---------------------------------------------------------------------------------------------------

Result<QList<Training>> ActionRepository::trainings(const QString& supplierId) const
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM trainings t LEFT JOIN suppliers s ON s.id = t.supplier_id "
                             "WHERE (? = '' OR t.supplier_id = ?) ORDER BY t.held_on, t.id")
                  .arg(QLatin1String(kTrainingColumns)));
    q.addBindValue(sql::txt(supplierId));
    q.addBindValue(sql::txt(supplierId));
    if (!q.exec())
        return Database::queryError(QStringLiteral("The trainings could not be read."), q);
    QList<Training> list;
    while (q.next())
        list.append(readTraining(q));
    return list;
}

Result<Training> ActionRepository::training(const QString& id) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT %1 FROM trainings t LEFT JOIN suppliers s ON s.id = t.supplier_id "
                             "WHERE t.id = ?")
                  .arg(QLatin1String(kTrainingColumns)));
    q.addBindValue(id);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The training could not be read."), q);
    if (!q.next())
        return notFound(QStringLiteral("training"), id);
    return readTraining(q);
}

Result<QString> ActionRepository::saveTraining(const Training& training, const QString& batch)
{
    Result<QString> out = QString();
    Status st = m_db.transaction([&]() -> Status {
        out = saveTrainingInTransaction(training, batch);
        return out ? Status() : Status(out.error());
    });
    if (!st)
        return st.error();
    return out;
}

Result<QString> ActionRepository::saveTrainingInTransaction(const Training& input, const QString& batch)
{
    Training t = input;
    t.topic = t.topic.trimmed();
    if (const auto issues = validate(t); !issues.isEmpty())
        return invalid(issues);
    if (!t.supplierId.isEmpty())
        if (Status st = checkSupplier(t.supplierId); !st)
            return st.error();
    QList<QPair<QString, QString>> before;
    if (t.id.isEmpty()) {
        t.id = newUuid();
    } else {
        if (!isUuid(t.id)) {
            Error e = makeError(QStringLiteral("“%1” is not a valid id.").arg(t.id));
            e.field = QStringLiteral("id");
            return e;
        }
        auto existing = training(t.id);
        if (existing)
            before = existing->fields();
        else if (existing.error().field != QLatin1String("id"))
            return existing.error();
    }
    const QList<QPair<QString, QString>> after = t.fields();
    if (before == after)
        return t.id;
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("INSERT INTO trainings (id, supplier_id, topic, held_on, participants, audience, "
                             "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                             "supplier_id = excluded.supplier_id, topic = excluded.topic, held_on = excluded.held_on, "
                             "participants = excluded.participants, audience = excluded.audience, "
                             "updated_at = excluded.updated_at"));
    const QString now = nowText();
    q.bindValue(0, t.id);
    q.bindValue(1, t.supplierId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(t.supplierId));
    q.bindValue(2, t.topic);
    q.bindValue(3, dateText(t.heldOn));
    q.bindValue(4, t.participants);
    q.bindValue(5, audienceId(t.audience));
    q.bindValue(6, now);
    q.bindValue(7, now);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The training could not be saved."), q);
    const QString logId = t.supplierId.isEmpty() ? t.id : t.supplierId;
    if (Status st = ChangeLog(m_db.db()).appendAll(changes(m_actor, kTraining, logId, t.id, before, after, batch)); !st)
        return st.error();
    return t.id;
}

Status ActionRepository::removeTraining(const QString& id, const QString& batch)
{
    return m_db.transaction([&]() -> Status {
        auto existing = training(id);
        if (!existing)
            return existing.error();
        QSqlQuery q(m_db.db());
        q.prepare(QStringLiteral("DELETE FROM trainings WHERE id = ?"));
        q.addBindValue(id);
        if (!q.exec())
            return Database::queryError(QStringLiteral("The training could not be removed."), q);
        const QString logId = existing->supplierId.isEmpty() ? id : existing->supplierId;
        return ChangeLog(m_db.db()).appendAll(changes(m_actor, kTraining, logId, id, existing->fields(), {}, batch));
    });
}

} // namespace vigil
