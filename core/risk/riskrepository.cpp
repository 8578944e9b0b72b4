// One repository for the risk aggregate: evidence, imported datasets, the engine's input (one supplier, or all of
// them streamed), and the stored scores and history (their storage format is in scorestore.cpp).
#include "risk/riskrepository.h"

#include "actions/actionmitigations.h"

#include "risk/sqlitestatement.h"
#include "storage/database.h"
#include "util/uuid.h"

#include <QCryptographicHash>
#include <QHash>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <cmath>

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
    return insertObservation(supplierId, o, false);
}

Result<QString> RiskRepository::restoreObservation(const QString& supplierId, const RiskObservation& o)
{
    // The site read and the insert in one transaction: the site cannot come or go in between.
    Result<QString> out = QString();
    Status st = m_db.transaction([&]() -> Status {
        out = insertObservation(supplierId, o, true);
        return out ? Status() : Status(out.error());
    });
    if (!st)
        return st.error();
    return out;
}

Result<QString> RiskRepository::insertObservation(const QString& supplierId, const RiskObservation& o,
                                                  bool removedSiteAllowed)
{
    if (o.indicatorId.trimmed().isEmpty())
        return invalid(QStringLiteral("An observation needs an indicator."), QStringLiteral("indicator"));
    if (o.sourceType.trimmed().isEmpty())
        return invalid(QStringLiteral("An observation needs a source type."), QStringLiteral("source"));
    if (!(o.confidence >= 0 && o.confidence <= 1))
        return invalid(QStringLiteral("The confidence must be between 0 and 1."), QStringLiteral("confidence"));
    if (!o.siteId.isEmpty()) {
        // site_id has no foreign key (schema 10): a site id that names no site is one removed from the supplier,
        // which only an observation put back as it was may keep.
        if (o.siteId.size() != 36)
            return invalid(QStringLiteral("\"%1\" is not a site id.").arg(o.siteId), QStringLiteral("site"));
        QSqlQuery site(m_db.db());
        site.prepare(QStringLiteral("SELECT supplier_id FROM sites WHERE id = ?"));
        site.addBindValue(o.siteId);
        if (!site.exec())
            return Database::queryError(QStringLiteral("The observation's site could not be read."), site);
        const bool exists = site.next();
        if (exists ? site.value(0).toString() != supplierId : !removedSiteAllowed)
            return invalid(QStringLiteral("The site %1 is not one of this supplier's.").arg(o.siteId),
                           QStringLiteral("site"));
    }
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
        return Database::queryError(QStringLiteral("The observation could not be saved (is the supplier id right?)."),
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

Result<QHash<QString, QString>> RiskRepository::siteNames(const QString& supplierId) const
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, name FROM sites WHERE ? = '' OR supplier_id = ?"));
    q.addBindValue(t(supplierId));
    q.addBindValue(t(supplierId));
    if (!q.exec())
        return Database::queryError(QStringLiteral("The supplier's sites could not be read."), q);
    QHash<QString, QString> names;
    while (q.next())
        names.insert(q.value(0).toString(), q.value(1).toString());
    return names;
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
    // Closed-and-verified corrective actions and fully reimbursed fees count as mitigations (core/actions).
    auto derived = derivedMitigations(m_db, supplierId);
    if (!derived)
        return derived.error();
    in.mitigations += *derived;
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
    auto derived = allDerivedMitigations(m_db);
    if (!derived)
        return derived.error();
    for (auto it = derived->cbegin(); it != derived->cend(); ++it) {
        const int i = index.value(it.key(), -1);
        if (i >= 0)
            list[i].mitigations += it.value();
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

Status RiskRepository::saveScores(const QList<RiskResult>& results, const Methodology& m, const QDateTime& at,
                                  const QList<DatasetInfo>& datasets)
{
    return m_db.transaction([&]() -> Status {
        ScoreWriter writer(m_db);
        if (Status st = writer.begin(m, datasets, at); !st)
            return st;
        for (const RiskResult& r : results) {
            if (auto w = writer.write(r, encodeScore(r)); !w)
                return w.error();
        }
        return {};
    });
}

QByteArray RiskRepository::resultHash(const RiskResult& r)
{
    return encodeScore(r).resultHash;
}

Result<std::optional<RiskResult>> RiskRepository::latestScore(const QString& supplierId,
                                                              const Methodology* methodology) const
{
    return scorestore::latest(m_db, supplierId, methodology);
}

Result<std::optional<ScoreBasis>> RiskRepository::latestBasis(const QString& supplierId) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT s.methodology_id, s.methodology_version, b.datasets FROM risk_scores s LEFT JOIN "
                             "risk_score_basis b ON b.id = s.basis_id WHERE s.supplier_id = ?"));
    q.addBindValue(t(supplierId));
    if (!q.exec())
        return Database::queryError(QStringLiteral("The score could not be read."), q);
    if (!q.next())
        return std::optional<ScoreBasis>();
    ScoreBasis b;
    b.methodologyId = q.value(0).toString();
    b.methodologyVersion = q.value(1).toString();
    b.datasets = ScoreBasis::datasetsFromJson(q.value(2).toByteArray(), &b.datasetsRecorded);
    return std::optional<ScoreBasis>(b);
}

Result<QList<ScoreHistoryEntry>> RiskRepository::history(const QString& supplierId) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT h.evaluated_at, h.methodology_id, h.methodology_version, h.score, h.tier, "
                             "h.classification, h.zero_tolerance, h.coverage, h.confidence, b.datasets, h.input_hash "
                             "FROM risk_score_history h LEFT JOIN risk_score_basis b ON b.id = h.basis_id "
                             "WHERE h.supplier_id = ? ORDER BY h.seq"));
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
        e.datasets = ScoreBasis::datasetsFromJson(q.value(9).toByteArray(), &e.datasetsRecorded);
        e.inputHash = q.value(10).toString();
        list.append(e);
    }
    explainHistory(list);
    return list;
}

void explainHistory(QList<ScoreHistoryEntry>& entries)
{
    const auto cite = [](const ScoreDataset& d) {
        return d.edition.isEmpty() ? d.name : QStringLiteral("%1, %2").arg(d.name, d.edition);
    };
    for (qsizetype i = 1; i < entries.size(); ++i) {
        const ScoreHistoryEntry& before = entries.at(i - 1);
        ScoreHistoryEntry& e = entries[i];
        e.reasons.clear();
        if (before.methodologyId != e.methodologyId || before.methodologyVersion != e.methodologyVersion)
            e.reasons << QStringLiteral("Methodology changed: %1 %2 -> %3 %4")
                             .arg(before.methodologyId, before.methodologyVersion, e.methodologyId,
                                  e.methodologyVersion);
        if (before.datasetsRecorded && e.datasetsRecorded) {
            for (const ScoreDataset& d : e.datasets) {
                const auto old = std::find_if(before.datasets.begin(), before.datasets.end(),
                                              [&](const ScoreDataset& o) { return o.id == d.id; });
                if (old == before.datasets.end()) {
                    // Same family, other edition (ids like tip_2023 / tip_2024 share the name).
                    const auto sameName
                        = std::find_if(before.datasets.begin(), before.datasets.end(), [&](const auto& o) {
                              return o.name == d.name
                                  && std::none_of(e.datasets.begin(), e.datasets.end(),
                                                  [&](const ScoreDataset& n) { return n.id == o.id; });
                          });
                    if (sameName != before.datasets.end())
                        e.reasons << QStringLiteral("Dataset edition changed: %1 -> %2").arg(cite(*sameName), cite(d));
                    else
                        e.reasons << QStringLiteral("Dataset added: %1").arg(cite(d));
                } else if (old->edition != d.edition || old->name != d.name) {
                    e.reasons << QStringLiteral("Dataset edition changed: %1 -> %2").arg(cite(*old), cite(d));
                }
            }
            for (const ScoreDataset& o : before.datasets) {
                const bool kept = std::any_of(e.datasets.begin(), e.datasets.end(), [&](const ScoreDataset& d) {
                    return d.id == o.id
                        || (d.name == o.name
                            && std::none_of(before.datasets.begin(), before.datasets.end(),
                                            [&](const auto& b) { return b.id == d.id; }));
                });
                if (!kept)
                    e.reasons << QStringLiteral("Dataset removed: %1").arg(cite(o));
            }
        } else if (before.datasetsRecorded != e.datasetsRecorded) {
            e.reasons << QStringLiteral(
                "Datasets not recorded for the earlier score (made before Vigil recorded them)");
        }
        const bool inputsKnown = !before.inputHash.isEmpty() && !e.inputHash.isEmpty();
        if (inputsKnown && before.inputHash != e.inputHash)
            e.reasons << QStringLiteral("Evidence or supplier record changed");
        else if (!inputsKnown && e.reasons.isEmpty())
            e.reasons << QStringLiteral("Evidence or supplier record changed, or evidence aged");
        if (e.reasons.isEmpty())
            e.reasons << QStringLiteral("Evidence aged: older evidence counts for less");
    }
}

Status RiskRepository::forEachInputChunk(int chunkSize,
                                         const std::function<Status(QList<SupplierRiskInput>& chunk)>& fn) const
{
    using risk::SqliteStatement;
    sqlite3* h = m_db.handle();
    // Three cursors in supplier-id order, merged: no per-supplier query and nothing held but one chunk.
    SqliteStatement sup(h,
                        "SELECT id, country, sector, products, workers_min, workers_max, migrant_share FROM "
                        "suppliers ORDER BY id");
    SqliteStatement obs(h,
                        "SELECT supplier_id, id, site_id, indicator, status, source_type, observed_on, confidence, "
                        "note FROM risk_observations ORDER BY supplier_id, observed_on, id");
    SqliteStatement mit(h,
                        "SELECT supplier_id, id, type, verified_on, note FROM risk_mitigations ORDER BY "
                        "supplier_id, verified_on, id");
    const auto error
        = [&](const QString& what) { return makeError(what, h ? QString::fromUtf8(sqlite3_errmsg(h)) : QString()); };
    if (!sup.ok() || !obs.ok() || !mit.ok())
        return error(QStringLiteral("The suppliers could not be read."));
    const auto date = [](const QString& s) { return QDate::fromString(s, Qt::ISODate); };
    // What the remediation cycle proves (core/actions): only suppliers with actions or fees, so it stays small.
    auto derived = allDerivedMitigations(m_db);
    if (!derived)
        return derived.error();
    int obsRc = obs.step();
    int mitRc = mit.step();
    QList<SupplierRiskInput> chunk;
    chunk.reserve(chunkSize);
    int rc;
    while ((rc = sup.step()) == SQLITE_ROW) {
        SupplierRiskInput in;
        in.supplierId = sup.columnText(0);
        in.country = sup.columnText(1);
        in.sector = sup.columnText(2);
        in.goods = sup.columnText(3).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (!sup.isNull(5))
            in.workers = int(sup.columnInt(5));
        else if (!sup.isNull(4))
            in.workers = int(sup.columnInt(4));
        if (!sup.isNull(6))
            in.migrantShare = sup.columnReal(6);
        const QByteArray key = in.supplierId.toUtf8();
        // Rows of suppliers that sort before this one have no supplier (cannot happen with foreign keys): skipped.
        while (obsRc == SQLITE_ROW && obs.columnBytes(0) < key)
            obsRc = obs.step();
        while (obsRc == SQLITE_ROW && obs.columnBytes(0) == key) {
            RiskObservation o;
            o.id = obs.columnText(1);
            o.siteId = obs.columnText(2);
            o.indicatorId = obs.columnText(3);
            o.status = statusFromId(obs.columnText(4)).value_or(ObservationStatus::NotAssessed);
            o.sourceType = obs.columnText(5);
            o.date = date(obs.columnText(6));
            o.confidence = obs.columnReal(7);
            o.note = obs.columnText(8);
            in.observations.append(std::move(o));
            obsRc = obs.step();
        }
        while (mitRc == SQLITE_ROW && mit.columnBytes(0) < key)
            mitRc = mit.step();
        while (mitRc == SQLITE_ROW && mit.columnBytes(0) == key) {
            in.mitigations.append(
                RiskMitigation{mit.columnText(1), mit.columnText(2), date(mit.columnText(3)), mit.columnText(4)});
            mitRc = mit.step();
        }
        if (auto d = derived->constFind(in.supplierId); d != derived->constEnd())
            in.mitigations += d.value();
        chunk.append(std::move(in));
        if (chunk.size() >= chunkSize) {
            if (Status st = fn(chunk); !st)
                return st;
            chunk.clear();
        }
    }
    if (rc != SQLITE_DONE || (obsRc != SQLITE_ROW && obsRc != SQLITE_DONE)
        || (mitRc != SQLITE_ROW && mitRc != SQLITE_DONE))
        return error(QStringLiteral("The suppliers could not be read."));
    if (!chunk.isEmpty())
        return fn(chunk);
    return {};
}

} // namespace vigil
