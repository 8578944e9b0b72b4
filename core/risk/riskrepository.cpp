// Over 600 lines, knowingly: one repository for the whole risk aggregate (evidence, imported datasets, scores with
// their explanation, history), and the bulk score writer on SQLite's native API (class Native below).
#include "risk/riskrepository.h"

#include "storage/database.h"
#include "util/uuid.h"

#include <QCryptographicHash>
#include <QHash>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>

#include <sqlite3.h>

namespace vigil {

namespace {

QString isoNow(const QDateTime& at)
{
    return at.toUTC().toString(Qt::ISODate);
}

// Text for a NOT NULL column: a null QString would bind as NULL.
QVariant t(const QString& s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

QVariant dateText(const QDate& d)
{
    return t(d.isValid() ? d.toString(Qt::ISODate) : QString());
}

QVariant optional(const std::optional<double>& v)
{
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::Double));
}

Error invalid(const QString& message, const QString& field)
{
    Error e = makeError(message);
    e.field = field;
    return e;
}

RiskObservation readObservation(const QSqlQuery& q, int first)
{
    RiskObservation o;
    o.id = q.value(first).toString();
    o.siteId = q.value(first + 1).toString();
    o.indicatorId = q.value(first + 2).toString();
    o.status = statusFromId(q.value(first + 3).toString()).value_or(ObservationStatus::NotAssessed);
    o.sourceType = q.value(first + 4).toString();
    o.date = QDate::fromString(q.value(first + 5).toString(), Qt::ISODate);
    o.confidence = q.value(first + 6).toDouble();
    o.note = q.value(first + 7).toString();
    return o;
}

const char* const kObservationColumns = "id, site_id, indicator, status, source_type, observed_on, confidence, note";

RiskMitigation readMitigation(const QSqlQuery& q, int first)
{
    RiskMitigation m;
    m.id = q.value(first).toString();
    m.type = q.value(first + 1).toString();
    m.date = QDate::fromString(q.value(first + 2).toString(), Qt::ISODate);
    m.note = q.value(first + 3).toString();
    return m;
}

const char* const kMitigationColumns = "id, type, verified_on, note";

SupplierRiskInput readSupplier(const QSqlQuery& q)
{
    // id, country, sector, products, workers_min, workers_max, migrant_share
    SupplierRiskInput in;
    in.supplierId = q.value(0).toString();
    in.country = q.value(1).toString();
    in.sector = q.value(2).toString();
    in.goods = q.value(3).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (!q.value(5).isNull())
        in.workers = q.value(5).toInt();
    else if (!q.value(4).isNull())
        in.workers = q.value(4).toInt();
    if (!q.value(6).isNull())
        in.migrantShare = q.value(6).toDouble();
    return in;
}

const char* const kSupplierColumns = "id, country, sector, products, workers_min, workers_max, migrant_share";

} // namespace

RiskRepository::RiskRepository(Database& db)
    : m_db(db)
{
}

Result<QString> RiskRepository::addObservation(const QString& supplierId, const RiskObservation& o)
{
    if (o.indicatorId.trimmed().isEmpty())
        return invalid(QStringLiteral("An observation needs an indicator."), QStringLiteral("indicator"));
    if (o.sourceType.trimmed().isEmpty())
        return invalid(QStringLiteral("An observation needs a source type."), QStringLiteral("source"));
    if (!(o.confidence >= 0 && o.confidence <= 1))
        return invalid(QStringLiteral("The confidence must be between 0 and 1."), QStringLiteral("confidence"));
    const QString id = o.id.isEmpty() ? newUuid() : o.id;
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("INSERT INTO risk_observations (id, supplier_id, site_id, indicator, status, source_type, "
                             "observed_on, confidence, note, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
    q.addBindValue(t(id));
    q.addBindValue(t(supplierId));
    q.addBindValue(o.siteId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(o.siteId));
    q.addBindValue(t(o.indicatorId));
    q.addBindValue(statusId(o.status));
    q.addBindValue(t(o.sourceType));
    q.addBindValue(dateText(o.date));
    q.addBindValue(o.confidence);
    q.addBindValue(t(o.note));
    q.addBindValue(isoNow(QDateTime::currentDateTimeUtc()));
    q.addBindValue(t(m_actor));
    if (!q.exec())
        return Database::queryError(QStringLiteral("The observation could not be saved (is the supplier or the site "
                                                   "id right?)."),
                                    q);
    return id;
}

Result<QList<RiskObservation>> RiskRepository::observations(const QString& supplierId) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT %1 FROM risk_observations WHERE supplier_id = ? ORDER BY observed_on, id")
                  .arg(QLatin1String(kObservationColumns)));
    q.addBindValue(t(supplierId));
    if (!q.exec())
        return Database::queryError(QStringLiteral("The supplier's observations could not be read."), q);
    QList<RiskObservation> list;
    while (q.next())
        list.append(readObservation(q, 0));
    return list;
}

Status RiskRepository::removeObservation(const QString& id)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("DELETE FROM risk_observations WHERE id = ?"));
    q.addBindValue(t(id));
    if (!q.exec())
        return Database::queryError(QStringLiteral("The observation could not be removed."), q);
    if (q.numRowsAffected() == 0)
        return makeError(QStringLiteral("There is no observation %1.").arg(id));
    return {};
}

Result<QString> RiskRepository::addMitigation(const QString& supplierId, const RiskMitigation& m)
{
    if (m.type.trimmed().isEmpty())
        return invalid(QStringLiteral("A mitigation needs a type."), QStringLiteral("type"));
    const QString id = m.id.isEmpty() ? newUuid() : m.id;
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("INSERT INTO risk_mitigations (id, supplier_id, type, verified_on, note, created_at, "
                             "created_by) VALUES (?,?,?,?,?,?,?)"));
    q.addBindValue(t(id));
    q.addBindValue(t(supplierId));
    q.addBindValue(t(m.type));
    q.addBindValue(dateText(m.date));
    q.addBindValue(t(m.note));
    q.addBindValue(isoNow(QDateTime::currentDateTimeUtc()));
    q.addBindValue(t(m_actor));
    if (!q.exec())
        return Database::queryError(QStringLiteral("The mitigation could not be saved (is the supplier id right?)."),
                                    q);
    return id;
}

Result<QList<RiskMitigation>> RiskRepository::mitigations(const QString& supplierId) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT %1 FROM risk_mitigations WHERE supplier_id = ? ORDER BY verified_on, id")
                  .arg(QLatin1String(kMitigationColumns)));
    q.addBindValue(t(supplierId));
    if (!q.exec())
        return Database::queryError(QStringLiteral("The supplier's mitigations could not be read."), q);
    QList<RiskMitigation> list;
    while (q.next())
        list.append(readMitigation(q, 0));
    return list;
}

Status RiskRepository::removeMitigation(const QString& id)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("DELETE FROM risk_mitigations WHERE id = ?"));
    q.addBindValue(t(id));
    if (!q.exec())
        return Database::queryError(QStringLiteral("The mitigation could not be removed."), q);
    if (q.numRowsAffected() == 0)
        return makeError(QStringLiteral("There is no mitigation %1.").arg(id));
    return {};
}

Result<SupplierRiskInput> RiskRepository::input(const QString& supplierId) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT %1 FROM suppliers WHERE id = ?").arg(QLatin1String(kSupplierColumns)));
    q.addBindValue(t(supplierId));
    if (!q.exec())
        return Database::queryError(QStringLiteral("The supplier could not be read."), q);
    if (!q.next())
        return invalid(QStringLiteral("There is no supplier %1 in this workspace.").arg(supplierId),
                       QStringLiteral("supplier"));
    SupplierRiskInput in = readSupplier(q);
    auto obs = observations(supplierId);
    if (!obs)
        return obs.error();
    in.observations = *obs;
    auto mit = mitigations(supplierId);
    if (!mit)
        return mit.error();
    in.mitigations = *mit;
    return in;
}

Result<QList<SupplierRiskInput>> RiskRepository::allInputs() const
{
    QList<SupplierRiskInput> list;
    QHash<QString, int> index;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM suppliers ORDER BY rowid_").arg(QLatin1String(kSupplierColumns))))
        return Database::queryError(QStringLiteral("The suppliers could not be read."), q);
    while (q.next()) {
        index.insert(q.value(0).toString(), int(list.size()));
        list.append(readSupplier(q));
    }
    if (!q.exec(QStringLiteral("SELECT supplier_id, %1 FROM risk_observations ORDER BY supplier_id, observed_on, id")
                    .arg(QLatin1String(kObservationColumns))))
        return Database::queryError(QStringLiteral("The observations could not be read."), q);
    while (q.next()) {
        const int i = index.value(q.value(0).toString(), -1);
        if (i >= 0)
            list[i].observations.append(readObservation(q, 1));
    }
    if (!q.exec(QStringLiteral("SELECT supplier_id, %1 FROM risk_mitigations ORDER BY supplier_id, verified_on, id")
                    .arg(QLatin1String(kMitigationColumns))))
        return Database::queryError(QStringLiteral("The mitigations could not be read."), q);
    while (q.next()) {
        const int i = index.value(q.value(0).toString(), -1);
        if (i >= 0)
            list[i].mitigations.append(readMitigation(q, 1));
    }
    return list;
}

Status RiskRepository::saveDataset(const DatasetInfo& d, const QList<CountrySignal>& countrySignals,
                                   const QList<SectorSignal>& sectorSignals)
{
    if (d.id.trimmed().isEmpty() || d.name.trimmed().isEmpty())
        return invalid(QStringLiteral("A dataset needs an id and a name."), QStringLiteral("name"));
    return m_db.transaction([&]() -> Status {
        QSqlQuery q(m_db.db());
        q.prepare(QStringLiteral("DELETE FROM risk_datasets WHERE id = ?"));
        q.addBindValue(d.id);
        if (!q.exec())
            return Database::queryError(QStringLiteral("The dataset could not be replaced."), q);
        q.prepare(QStringLiteral("INSERT INTO risk_datasets (id, name, edition, publisher, licence, source, loaded_at) "
                                 "VALUES (?,?,?,?,?,?,?)"));
        for (const QVariant& v :
             {t(d.id), t(d.name), t(d.edition), t(d.publisher), t(d.licence), t(d.source),
              QVariant(isoNow(d.loadedAt.isValid() ? d.loadedAt : QDateTime::currentDateTimeUtc()))})
            q.addBindValue(v);
        if (!q.exec())
            return Database::queryError(QStringLiteral("The dataset could not be saved."), q);
        q.prepare(
            QStringLiteral("INSERT OR REPLACE INTO risk_country_signals (dataset_id, country, kind, label, value) "
                           "VALUES (?,?,?,?,?)"));
        for (const CountrySignal& s : countrySignals) {
            q.addBindValue(d.id);
            q.addBindValue(t(s.country));
            q.addBindValue(t(s.kind));
            q.addBindValue(t(s.label));
            q.addBindValue(optional(s.numeric));
            if (!q.exec())
                return Database::queryError(
                    QStringLiteral("The signal for %1 (%2) could not be saved.").arg(s.country, s.kind), q);
        }
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO risk_sector_signals (dataset_id, sector, country, label) "
                                 "VALUES (?,?,?,?)"));
        for (const SectorSignal& s : sectorSignals) {
            q.addBindValue(d.id);
            q.addBindValue(t(s.sector));
            q.addBindValue(t(s.country));
            q.addBindValue(t(s.label));
            if (!q.exec())
                return Database::queryError(
                    QStringLiteral("The sector signal for %1 could not be saved.").arg(s.sector), q);
        }
        return {};
    });
}

Status RiskRepository::removeDataset(const QString& id)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("DELETE FROM risk_datasets WHERE id = ?"));
    q.addBindValue(t(id));
    if (!q.exec())
        return Database::queryError(QStringLiteral("The dataset could not be removed."), q);
    return {};
}

Result<QList<DatasetInfo>> RiskRepository::datasets() const
{
    QSqlQuery q(m_db.db());
    if (!q.exec(QStringLiteral("SELECT id, name, edition, publisher, licence, source, loaded_at FROM risk_datasets "
                               "ORDER BY name, edition")))
        return Database::queryError(QStringLiteral("The datasets could not be read."), q);
    QList<DatasetInfo> list;
    while (q.next()) {
        DatasetInfo d;
        d.id = q.value(0).toString();
        d.name = q.value(1).toString();
        d.edition = q.value(2).toString();
        d.publisher = q.value(3).toString();
        d.licence = q.value(4).toString();
        d.source = q.value(5).toString();
        d.loadedAt = QDateTime::fromString(q.value(6).toString(), Qt::ISODate);
        list.append(d);
    }
    return list;
}

Status RiskRepository::loadInto(ReferenceData& ref) const
{
    auto list = datasets();
    if (!list)
        return list.error();
    for (const DatasetInfo& d : *list)
        ref.addDataset(d);
    QSqlQuery q(m_db.db());
    if (!q.exec(QStringLiteral("SELECT dataset_id, country, kind, label, value FROM risk_country_signals")))
        return Database::queryError(QStringLiteral("The country signals could not be read."), q);
    while (q.next()) {
        CountrySignal s{q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), std::nullopt,
                        q.value(0).toString()};
        if (!q.value(4).isNull())
            s.numeric = q.value(4).toDouble();
        ref.addSignal(s);
    }
    if (!q.exec(QStringLiteral("SELECT dataset_id, sector, country, label FROM risk_sector_signals")))
        return Database::queryError(QStringLiteral("The sector signals could not be read."), q);
    while (q.next())
        ref.addSectorSignal(
            SectorSignal{q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), q.value(0).toString()});
    return {};
}

Status RiskRepository::saveScores(const QList<RiskResult>& results, const Methodology& m, const QDateTime& at)
{
    return m_db.transaction([&]() { return saveScoresInTransaction(results, m, at); });
}

namespace {

// A prepared statement on the native handle: saving scores writes about a dozen rows per supplier, where QtSql's
// per-row cost dominates (STYLE.md, SQLite). Text is bound as UTF-8 copied by SQLite (SQLITE_TRANSIENT).
class Native
{
public:
    Native(sqlite3* db, const char* sql)
    {
        m_ok = db && sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) == SQLITE_OK;
    }
    ~Native() { sqlite3_finalize(m_stmt); }
    Native(const Native&) = delete;
    Native& operator=(const Native&) = delete;
    bool ok() const { return m_ok; }
    Native& text(const QString& s)
    {
        const QByteArray b = s.toUtf8();
        check(sqlite3_bind_text(m_stmt, ++m_index, b.constData(), int(b.size()), SQLITE_TRANSIENT));
        return *this;
    }
    Native& real(double v)
    {
        check(sqlite3_bind_double(m_stmt, ++m_index, v));
        return *this;
    }
    Native& integer(qint64 v)
    {
        check(sqlite3_bind_int64(m_stmt, ++m_index, v));
        return *this;
    }
    // Runs a statement that returns no row. Fails, without running, when a value could not be bound (wrong count).
    bool exec()
    {
        const bool bound = !m_bindFailed && m_index == sqlite3_bind_parameter_count(m_stmt);
        const int rc = bound ? sqlite3_step(m_stmt) : SQLITE_MISUSE;
        reset();
        return rc == SQLITE_DONE;
    }
    // Runs a query; true when it returned a row (read it with column*() before the next call).
    bool fetch() { return sqlite3_step(m_stmt) == SQLITE_ROW; }
    double columnReal(int i) const { return sqlite3_column_double(m_stmt, i); }
    QString columnText(int i) const
    {
        return QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, i)),
                                 sqlite3_column_bytes(m_stmt, i));
    }
    void reset()
    {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
        m_index = 0;
        m_bindFailed = false;
    }

private:
    void check(int rc) { m_bindFailed = m_bindFailed || rc != SQLITE_OK; }
    bool m_bindFailed = false;
    sqlite3_stmt* m_stmt = nullptr;
    int m_index = 0;
    bool m_ok = false;
};

} // namespace

QByteArray RiskRepository::resultHash(const RiskResult& r)
{
    QCryptographicHash h(QCryptographicHash::Sha1);
    const auto add = [&](const QString& s) {
        h.addData(s.toUtf8());
        h.addData(QByteArrayView("\x1f", 1));
    };
    const auto num = [&](double v) { add(QString::number(v, 'g', 17)); };
    add(r.methodologyId);
    add(r.methodologyVersion);
    num(r.score);
    add(tierId(r.tier));
    add(tierId(r.scoreTier));
    add(classificationId(r.classification));
    add(r.zeroToleranceFindings.join(QLatin1Char('\n')));
    add(r.escalations.join(QLatin1Char('\n')));
    for (double v : {r.inherent, r.countryAnchor, r.sectorAnchor, r.goodsAnchor, r.coverage, r.confidence})
        num(v);
    for (const RiskContribution& c : r.contributions) {
        add(c.factor);
        add(c.label);
        num(c.value);
        num(c.weight);
        num(c.points);
        add(c.source);
        add(c.date.toString(Qt::ISODate));
    }
    for (const EvidenceGap& g : r.gaps) {
        add(gapKindId(g.kind));
        add(g.subject);
        add(g.message);
    }
    return h.result().toHex();
}

Status RiskRepository::saveScoresInTransaction(const QList<RiskResult>& results, const Methodology& m,
                                               const QDateTime& at)
{
    sqlite3* handle = m_db.handle();
    const auto nativeError = [&](const QString& what) {
        return makeError(what, handle ? QString::fromUtf8(sqlite3_errmsg(handle)) : QString());
    };
    const QString when = isoNow(at);
    Native methodology(handle,
                       "INSERT OR IGNORE INTO risk_methodologies (id, version, document, sha256, first_used_at) "
                       "VALUES (?,?,?,?,?)");
    Native stored(handle, "SELECT result_hash FROM risk_scores WHERE supplier_id = ?");
    Native touch(handle, "UPDATE risk_scores SET evaluated_at = ? WHERE supplier_id = ?");
    Native last(handle,
                "SELECT score, tier, classification, methodology_id, methodology_version FROM "
                "risk_score_history WHERE supplier_id = ? ORDER BY seq DESC LIMIT 1");
    Native delContrib(handle, "DELETE FROM risk_score_contributions WHERE supplier_id = ?");
    Native delGaps(handle, "DELETE FROM risk_score_gaps WHERE supplier_id = ?");
    Native score(
        handle,
        "INSERT INTO risk_scores (supplier_id, evaluated_at, methodology_id, methodology_version, score, tier, "
        "score_tier, classification, zero_tolerance, zero_tolerance_findings, escalations, inherent, "
        "country_anchor, sector_anchor, goods_anchor, coverage, confidence, result_hash) VALUES "
        "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (supplier_id) DO UPDATE SET evaluated_at = "
        "excluded.evaluated_at, methodology_id = excluded.methodology_id, methodology_version = "
        "excluded.methodology_version, score = excluded.score, tier = excluded.tier, score_tier = "
        "excluded.score_tier, classification = excluded.classification, zero_tolerance = "
        "excluded.zero_tolerance, zero_tolerance_findings = excluded.zero_tolerance_findings, escalations = "
        "excluded.escalations, inherent = excluded.inherent, country_anchor = excluded.country_anchor, "
        "sector_anchor = excluded.sector_anchor, goods_anchor = excluded.goods_anchor, coverage = "
        "excluded.coverage, confidence = excluded.confidence, result_hash = excluded.result_hash");
    Native contrib(handle,
                   "INSERT INTO risk_score_contributions (supplier_id, position, factor, label, value, weight, "
                   "points, source, evidence_on) VALUES (?,?,?,?,?,?,?,?,?)");
    Native gap(handle,
               "INSERT INTO risk_score_gaps (supplier_id, position, kind, subject, message) VALUES (?,?,?,?,?)");
    Native hist(handle,
                "INSERT INTO risk_score_history (supplier_id, evaluated_at, methodology_id, "
                "methodology_version, score, tier, classification, zero_tolerance, coverage, confidence) "
                "VALUES (?,?,?,?,?,?,?,?,?,?)");
    for (const Native* n :
         {&methodology, &stored, &touch, &last, &delContrib, &delGaps, &score, &contrib, &gap, &hist}) {
        if (!n->ok())
            return nativeError(QStringLiteral("The scores could not be saved (the workspace may be damaged)."));
    }
    if (!methodology.text(m.id)
             .text(m.version)
             .text(QString::fromUtf8(m.document))
             .text(QString::fromLatin1(QCryptographicHash::hash(m.document, QCryptographicHash::Sha256).toHex()))
             .text(when)
             .exec())
        return nativeError(QStringLiteral("The methodology could not be recorded."));

    for (const RiskResult& r : results) {
        const auto fail = [&]() {
            return nativeError(QStringLiteral("The score of supplier %1 could not be saved.").arg(r.supplierId));
        };
        // Unchanged since the last run (most suppliers when rescoring): only the evaluation time moves.
        const QString hash = QString::fromLatin1(resultHash(r));
        stored.text(r.supplierId);
        const bool same = stored.fetch() && stored.columnText(0) == hash;
        stored.reset();
        if (same) {
            if (!touch.text(when).text(r.supplierId).exec())
                return fail();
            continue;
        }
        if (!delContrib.text(r.supplierId).exec() || !delGaps.text(r.supplierId).exec())
            return fail();
        if (!score.text(r.supplierId)
                 .text(when)
                 .text(r.methodologyId)
                 .text(r.methodologyVersion)
                 .real(r.score)
                 .text(tierId(r.tier))
                 .text(tierId(r.scoreTier))
                 .text(classificationId(r.classification))
                 .integer(r.zeroTolerance ? 1 : 0)
                 .text(r.zeroToleranceFindings.join(QLatin1Char('\n')))
                 .text(r.escalations.join(QLatin1Char('\n')))
                 .real(r.inherent)
                 .real(r.countryAnchor)
                 .real(r.sectorAnchor)
                 .real(r.goodsAnchor)
                 .real(r.coverage)
                 .real(r.confidence)
                 .text(hash)
                 .exec())
            return fail();
        for (int i = 0; i < r.contributions.size(); ++i) {
            const RiskContribution& c = r.contributions.at(i);
            if (!contrib.text(r.supplierId)
                     .integer(i)
                     .text(c.factor)
                     .text(c.label)
                     .real(c.value)
                     .real(c.weight)
                     .real(c.points)
                     .text(c.source)
                     .text(c.date.isValid() ? c.date.toString(Qt::ISODate) : QString())
                     .exec())
                return fail();
        }
        // The indicators not assessed (most gaps, up to one per indicator) are stored as ONE row whose subject holds
        // the ids one per line; their messages come from the methodology when read. A million suppliers would
        // otherwise need 25 million rows and gigabytes of repeated text.
        QStringList notAssessedIds;
        int position = 0;
        for (const EvidenceGap& g : r.gaps) {
            if (g.kind == GapKind::IndicatorNotAssessed) {
                notAssessedIds << g.subject;
                continue;
            }
            if (!gap.text(r.supplierId)
                     .integer(position++)
                     .text(gapKindId(g.kind))
                     .text(g.subject)
                     .text(g.message)
                     .exec())
                return fail();
        }
        if (!notAssessedIds.isEmpty()
            && !gap.text(r.supplierId)
                    .integer(position++)
                    .text(gapKindId(GapKind::IndicatorNotAssessed))
                    .text(notAssessedIds.join(QLatin1Char('\n')))
                    .text(QString())
                    .exec())
            return fail();
        // History: a new line only when something a reader would notice changed.
        last.text(r.supplierId);
        bool changed = true;
        if (last.fetch()) {
            changed = std::abs(last.columnReal(0) - r.score) > 1e-9 || last.columnText(1) != tierId(r.tier)
                || last.columnText(2) != classificationId(r.classification) || last.columnText(3) != r.methodologyId
                || last.columnText(4) != r.methodologyVersion;
        }
        last.reset();
        if (changed
            && !hist.text(r.supplierId)
                    .text(when)
                    .text(r.methodologyId)
                    .text(r.methodologyVersion)
                    .real(r.score)
                    .text(tierId(r.tier))
                    .text(classificationId(r.classification))
                    .integer(r.zeroTolerance ? 1 : 0)
                    .real(r.coverage)
                    .real(r.confidence)
                    .exec())
            return fail();
    }
    return {};
}

Result<std::optional<RiskResult>> RiskRepository::latestScore(const QString& supplierId,
                                                              const Methodology* methodology) const
{
    QSqlQuery q(m_db.db());
    q.prepare(
        QStringLiteral("SELECT methodology_id, methodology_version, score, tier, score_tier, classification, "
                       "zero_tolerance, zero_tolerance_findings, escalations, inherent, country_anchor, "
                       "sector_anchor, goods_anchor, coverage, confidence FROM risk_scores WHERE supplier_id = ?"));
    q.addBindValue(t(supplierId));
    if (!q.exec())
        return Database::queryError(QStringLiteral("The score could not be read."), q);
    if (!q.next())
        return std::optional<RiskResult>();
    RiskResult r;
    r.supplierId = supplierId;
    r.methodologyId = q.value(0).toString();
    r.methodologyVersion = q.value(1).toString();
    r.score = q.value(2).toDouble();
    r.tier = tierFromId(q.value(3).toString()).value_or(RiskTier::Critical);
    r.scoreTier = tierFromId(q.value(4).toString()).value_or(RiskTier::Critical);
    r.classification = classificationFromId(q.value(5).toString()).value_or(IloClassification::Review);
    r.zeroTolerance = q.value(6).toInt() != 0;
    r.zeroToleranceFindings = q.value(7).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    r.escalations = q.value(8).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    r.inherent = q.value(9).toDouble();
    r.countryAnchor = q.value(10).toDouble();
    r.sectorAnchor = q.value(11).toDouble();
    r.goodsAnchor = q.value(12).toDouble();
    r.coverage = q.value(13).toDouble();
    r.confidence = q.value(14).toDouble();
    q.prepare(QStringLiteral("SELECT factor, label, value, weight, points, source, evidence_on FROM "
                             "risk_score_contributions WHERE supplier_id = ? ORDER BY position"));
    q.addBindValue(t(supplierId));
    if (!q.exec())
        return Database::queryError(QStringLiteral("The score's contributions could not be read."), q);
    while (q.next())
        r.contributions.append(RiskContribution{q.value(0).toString(), q.value(1).toString(), q.value(2).toDouble(),
                                                q.value(3).toDouble(), q.value(4).toDouble(), q.value(5).toString(),
                                                QDate::fromString(q.value(6).toString(), Qt::ISODate)});
    q.prepare(
        QStringLiteral("SELECT kind, subject, message FROM risk_score_gaps WHERE supplier_id = ? ORDER BY position"));
    q.addBindValue(t(supplierId));
    if (!q.exec())
        return Database::queryError(QStringLiteral("The score's gaps could not be read."), q);
    while (q.next()) {
        const auto kind = gapKindFromId(q.value(0).toString());
        if (!kind)
            continue;
        if (*kind != GapKind::IndicatorNotAssessed) {
            r.gaps.append(EvidenceGap{*kind, q.value(1).toString(), q.value(2).toString()});
            continue;
        }
        // One row for all the indicators not assessed (see saveScoresInTransaction).
        for (const QString& id : q.value(1).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const int i = methodology ? methodology->indicatorIndex(id) : -1;
            r.gaps.append(EvidenceGap{*kind, id,
                                      i >= 0 ? methodology->indicators.at(i).notAssessedMessage
                                             : QStringLiteral("Not assessed: %1.").arg(id)});
        }
    }
    return std::optional<RiskResult>(r);
}

Result<QList<ScoreHistoryEntry>> RiskRepository::history(const QString& supplierId) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT evaluated_at, methodology_id, methodology_version, score, tier, classification, "
                             "zero_tolerance, coverage, confidence FROM risk_score_history WHERE supplier_id = ? "
                             "ORDER BY seq"));
    q.addBindValue(t(supplierId));
    if (!q.exec())
        return Database::queryError(QStringLiteral("The score history could not be read."), q);
    QList<ScoreHistoryEntry> list;
    while (q.next()) {
        ScoreHistoryEntry e;
        e.evaluatedAt = QDateTime::fromString(q.value(0).toString(), Qt::ISODate);
        e.methodologyId = q.value(1).toString();
        e.methodologyVersion = q.value(2).toString();
        e.score = q.value(3).toDouble();
        e.tier = tierFromId(q.value(4).toString()).value_or(RiskTier::Critical);
        e.classification = classificationFromId(q.value(5).toString()).value_or(IloClassification::Review);
        e.zeroTolerance = q.value(6).toInt() != 0;
        e.coverage = q.value(7).toDouble();
        e.confidence = q.value(8).toDouble();
        list.append(e);
    }
    return list;
}

} // namespace vigil
