#pragma once

#include "risk/methodology.h"
#include "risk/referencedata.h"
#include "risk/riskinput.h"
#include "risk/riskresult.h"
#include "risk/scorestore.h"
#include "util/result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace vigil {

class Database;

// One line of a supplier's score history.
struct ScoreHistoryEntry
{
    QDateTime evaluatedAt;
    QString methodologyId;
    QString methodologyVersion;
    double score = 0;
    RiskTier tier = RiskTier::Low;
    IloClassification classification = IloClassification::None;
    bool zeroTolerance = false;
    double coverage = 0;
    double confidence = 0;
    // The datasets (name + edition) the score was computed with; not recorded for scores made before schema 7.
    QList<ScoreDataset> datasets;
    bool datasetsRecorded = false;
    QString inputHash; // digest of the evidence and supplier record scored ('' when not recorded)
    // Why the score moved since the previous entry (empty for the first): "Methodology changed: ...", "Dataset
    // edition changed: ...", "Evidence or supplier record changed", "Evidence aged ...".
    QStringList reasons;
};

// Fills each entry's reasons by comparing it with the entry before it.
void explainHistory(QList<ScoreHistoryEntry>& entries);

// The risk tables of a workspace (resources/sql/002_risk.sql): evidence, user-imported reference datasets,
// methodology versions, latest scores with their explanation, and score history. Errors are values; every
// statement is prepared and bound; bulk writes run in one transaction.
class RiskRepository
{
public:
    explicit RiskRepository(Database& db);
    void setActor(const QString& who) { m_actor = who; }

    // Evidence. An observation or mitigation with an empty id gets a new UUID; the id is returned.
    // New evidence: the observation's site, if any, must be one of the supplier's sites.
    Result<QString> addObservation(const QString& supplierId, const RiskObservation& observation);
    // Puts back an observation removed earlier (undo of its removal, redo of its addition), as it was: its site may be
    // one removed from the supplier since (risk_observations.site_id keeps a removed site's id, schema 10), never a
    // site of another supplier. One transaction.
    Result<QString> restoreObservation(const QString& supplierId, const RiskObservation& observation);
    Result<QList<RiskObservation>> observations(const QString& supplierId) const;
    // The names of the supplier's sites (site id -> name), for observationSiteLabel() and nameSites(); supplierId
    // empty: every supplier's sites (site ids are UUIDs, one supplier's never another's).
    Result<QHash<QString, QString>> siteNames(const QString& supplierId) const;
    Status removeObservation(const QString& id);
    Result<QString> addMitigation(const QString& supplierId, const RiskMitigation& mitigation);
    Result<QList<RiskMitigation>> mitigations(const QString& supplierId) const;
    Status removeMitigation(const QString& id);

    // The engine's input: the supplier's country, sector, products, workers and migrant share, with its
    // observations and mitigations. allInputs() reads every supplier in three queries.
    Result<SupplierRiskInput> input(const QString& supplierId) const;
    Result<QList<SupplierRiskInput>> allInputs() const;
    // Every supplier's input, `chunkSize` suppliers at a time in supplier-id order, streamed in one pass over three
    // queries (memory does not grow with the number of suppliers). fn may write to the workspace; an error from fn
    // stops the reading and is returned.
    Status forEachInputChunk(int chunkSize, const std::function<Status(QList<SupplierRiskInput>& chunk)>& fn) const;

    // User-imported datasets: saving replaces the dataset with the same id and all its signals.
    Status saveDataset(const DatasetInfo& dataset, const QList<CountrySignal>& countrySignals,
                       const QList<SectorSignal>& sectorSignals = {});
    Status removeDataset(const QString& id);
    Result<QList<DatasetInfo>> datasets() const;
    // Adds every stored dataset and its signals to ref.
    Status loadInto(ReferenceData& ref) const;

    // Stores the results as the latest scores (with contributions and gaps), records the methodology document and
    // the basis (methodology + datasets), and appends to the history when a result changed. One transaction.
    // (Scoring a workspace goes through scoreWorkspace() in risk/scorejob.h, which streams.)
    Status saveScores(const QList<RiskResult>& results, const Methodology& methodology, const QDateTime& at,
                      const QList<DatasetInfo>& datasets = {});
    // The stored latest score. The messages of "indicator not assessed" gaps are taken from `methodology` when given
    // (they are not stored, to keep a million suppliers' explanations small), else "Not assessed: <id>".
    Result<std::optional<RiskResult>> latestScore(const QString& supplierId,
                                                  const Methodology* methodology = nullptr) const;
    // The basis (methodology + datasets) of the stored latest score.
    Result<std::optional<ScoreBasis>> latestBasis(const QString& supplierId) const;
    // A digest of everything a result shows; equal digests mean nothing to rewrite.
    static QByteArray resultHash(const RiskResult& result);
    // The supplier's score history, oldest first, with the datasets of each entry and why the score moved.
    Result<QList<ScoreHistoryEntry>> history(const QString& supplierId) const;

private:
    Result<QString> insertObservation(const QString& supplierId, const RiskObservation& observation,
                                      bool removedSiteAllowed);

    Database& m_db;
    QString m_actor;
};

} // namespace vigil
