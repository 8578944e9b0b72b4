#pragma once

#include "risk/riskengine.h"
#include "risk/riskresult.h"

#include <QWidget>

#include <optional>

class QLabel;
class QTabWidget;
class QTreeWidget;
class QUndoStack;
class QVBoxLayout;

namespace vigil {
class SupplierStore;
}

namespace vigil::ui {

class EvidencePanel;
class RiskService;

// "Why this score": the selected supplier's score, tier, ILO classification, zero-tolerance findings,
// contributions (chart and table with their sources), evidence gaps, sources, sensitivity band and score history;
// with the evidence (observations and mitigations) on a second tab. Follows every rescoring of the supplier.
class RiskPanel : public QWidget
{
    Q_OBJECT
public:
    RiskPanel(SupplierStore* store, QUndoStack* undoStack, QWidget* parent = nullptr);

    QString supplierId() const { return m_id; }
    const std::optional<RiskResult>& result() const { return m_result; }
    const ScoreBand& band() const { return m_band; }
    EvidencePanel* evidence() const { return m_evidence; }
    QTabWidget* tabs() const { return m_tabs; }

public slots:
    void showSupplier(const QString& id);
    void reload();

private:
    void showResult();
    void fillContributions();
    void fillGaps();
    void fillSources();
    void fillHistory();
    QString sourceText(const QString& source) const;

    RiskService* m_service;
    QString m_id;
    std::optional<RiskResult> m_result;
    ScoreBand m_band;
    QHash<QString, QString> m_observationText; // observation / mitigation id -> short description
    // The supplier's sites (id -> name), for what names a site by id; none when they could not be read.
    std::optional<QHash<QString, QString>> m_siteNames;
    QLabel* m_score;
    QLabel* m_tier;
    QLabel* m_classification;
    QLabel* m_bandLabel;
    QLabel* m_meta;
    QLabel* m_zeroTolerance;
    QLabel* m_message;
    QTabWidget* m_tabs;
    QVBoxLayout* m_chartHolder;
    QWidget* m_chart = nullptr;
    QTreeWidget* m_contributions;
    QTreeWidget* m_gaps;
    QTreeWidget* m_sources;
    QTreeWidget* m_history;
    EvidencePanel* m_evidence;
};

} // namespace vigil::ui
