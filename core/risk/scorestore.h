#pragma once

#include "risk/methodology.h"
#include "risk/referencedata.h"
#include "risk/riskinput.h"
#include "risk/riskresult.h"
#include "util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

namespace vigil {

class Database;

// A dataset as a score names it: enough to say which edition a score rests on.
struct ScoreDataset
{
    QString id;
    QString name;
    QString edition;
    bool operator==(const ScoreDataset& o) const { return id == o.id && name == o.name && edition == o.edition; }
};

// What a score was computed with: the methodology version and the datasets (resources/sql/007_score_basis.sql).
struct ScoreBasis
{
    QString methodologyId;
    QString methodologyVersion;
    QList<ScoreDataset> datasets; // sorted by id
    bool datasetsRecorded = true; // false for scores made before schema 7

    static ScoreBasis of(const Methodology& methodology, const QList<DatasetInfo>& datasets);
    // The canonical JSON array stored in risk_score_basis.datasets ('' when not recorded).
    QByteArray datasetsJson() const;
    static QList<ScoreDataset> datasetsFromJson(const QByteArray& json, bool* recorded);
};

// A result encoded for storage, prepared off the writing thread (encodeScore is pure and thread-safe): the parts
// many suppliers share (inherent-risk contributions and gaps; the list of indicators not assessed) and the
// supplier's own part, with content keys and digests.
struct EncodedScore
{
    QByteArray context; // shared part: leading country/sector/goods contributions and gaps
    QByteArray notAssessed; // shared part: ids of the indicators not assessed, one per line ('' when none)
    QByteArray own; // the rest of the contributions and gaps
    qint64 contextKey = 0;
    qint64 notAssessedKey = 0;
    QByteArray resultHash; // digest of everything the result shows (hex): equal digests mean nothing to rewrite
    QByteArray inputHash; // digest of the engine's input (hex), '' when not known
};

EncodedScore encodeScore(const RiskResult& result, const SupplierRiskInput* input = nullptr);
// Digest of the engine's input: a change of evidence or supplier record changes it, the passing of time does not.
QByteArray inputDigest(const SupplierRiskInput& input);

// Writes scores inside a transaction the caller holds, with reused native prepared statements: one row per
// supplier in risk_scores (the shared parts stored once), and a history line when the result changed.
class ScoreWriter
{
public:
    explicit ScoreWriter(Database& db);
    ~ScoreWriter();
    ScoreWriter(const ScoreWriter&) = delete;
    ScoreWriter& operator=(const ScoreWriter&) = delete;

    // Records the methodology document and the basis (methodology + datasets) of this run.
    Status begin(const Methodology& methodology, const QList<DatasetInfo>& datasets, const QDateTime& at);
    // Stores one result; true when it differed from the stored one (and a history line was appended).
    Result<bool> write(const RiskResult& result, const EncodedScore& encoded);
    // Removes shared parts no score refers to any more (after rescoring every supplier).
    Status removeUnusedParts();
    qint64 basisId() const { return m_basisId; }

private:
    struct Statements;
    Status ensurePart(qint64 key, const QByteArray& data);
    Error fail(const QString& what) const;
    Database& m_db;
    std::unique_ptr<Statements> m_st;
    QSet<qint64> m_knownParts;
    qint64 m_basisId = 0;
    QString m_when;
    ScoreBasis m_basis;
};

// Reading stored scores (RiskRepository::latestScore and history use these).
namespace scorestore {
Result<std::optional<RiskResult>> latest(Database& db, const QString& supplierId, const Methodology* methodology);
} // namespace scorestore

} // namespace vigil
