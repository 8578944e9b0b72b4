#pragma once

#include "risk/riskrepository.h"
#include "risk/scoring.h"
#include "util/result.h"

#include <QDateTime>
#include <QObject>

#include <optional>

namespace vigil {
class SupplierStore;
}

namespace vigil::ui {

// The GUI's way into a workspace's risk data: holds the scoring context (methodology + reference data, loaded
// once), rescoring one supplier after an edit (the engine takes microseconds) and announcing new scores.
// One per SupplierStore (a child of it): use forStore().
class RiskService : public QObject
{
    Q_OBJECT
public:
    explicit RiskService(SupplierStore* store);
    static RiskService* forStore(SupplierStore* store);

    SupplierStore* store() const { return m_store; }
    Database& database();
    RiskRepository repository();

    // The scoring context, loaded on first use.
    Result<const ScoringContext*> context();
    // Replaces the active methodology (a new version from the methodology editor) for this session.
    void setMethodology(const Methodology& methodology);
    // Loads the scoring context again from the workspace (after another dataset edition or methodology version
    // was made active) and emits methodologyChanged.
    Status reloadContext();

    // The clock; tests fix it.
    QDateTime now() const { return m_fixedNow.isValid() ? m_fixedNow : QDateTime::currentDateTimeUtc(); }
    void setNow(const QDateTime& now) { m_fixedNow = now; }

    // Evaluates and stores one supplier's score, and emits scoreChanged.
    Result<RiskResult> rescore(const QString& supplierId);
    // Tells views that every score may have changed (after a full rescoring).
    void notifyAllRescored() { emit allRescored(); }

signals:
    void scoreChanged(const QString& supplierId);
    void evidenceChanged(const QString& supplierId);
    void allRescored();
    void methodologyChanged();

private:
    SupplierStore* m_store;
    std::optional<ScoringContext> m_context;
    QDateTime m_fixedNow;
    friend class EvidenceCommand;
};

} // namespace vigil::ui
