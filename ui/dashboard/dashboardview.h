#pragma once

#include "report/reportdata.h"
#include "storage/supplierrepository.h"

#include <QList>
#include <QWidget>

#include <optional>

class QGridLayout;
class QLabel;
class QTimer;

QT_BEGIN_NAMESPACE
class QChartView;
QT_END_NAMESPACE

namespace vigil {

class SupplierStore;

// The portfolio overview: key figures and charts (risk tiers, risk by country and by sector, supply-chain tiers,
// tiers over time from the score history, actions, evidence coverage). Clicking a bar asks for the register
// filtered to it (filterRequested); every chart can be saved as PNG or SVG. Refreshes itself (debounced) when the
// store's suppliers change.
class DashboardView : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardView(SupplierStore* store, QWidget* parent = nullptr);

    // Chart ids in display order: "tiers", "supply_tiers", "risk_by_country", "risk_by_sector", "tiers_over_time",
    // "actions" (mitigations verified), "coverage", "corrective_actions" (by status, overdue stacked).
    QStringList chartIds() const;
    QChartView* chartView(const QString& id) const;
    // What a click on bar `index` of chart `id` does (the charts call this).
    void activate(const QString& id, int index);
    Status saveChart(const QString& id, const QString& path); // .png or .svg by the suffix
    const report::PortfolioData& data() const { return m_data; }

    // True while the figures are being read in the background.
    bool isLoading() const { return m_loading; }
    // The charts stand in two columns, or in one when the view is too narrow for two readable charts side by side.
    int columnCount() const { return m_columns; }

public slots:
    // Reads the workspace and scores every supplier on a worker thread (its own connection), then redraws.
    void refresh();

signals:
    // The figures were read and the charts redrawn.
    void refreshed();
    // Open the register filtered to what was clicked (country, sector or supply-chain tier).
    void filterRequested(const vigil::SupplierFilter& filter);
    // A risk tier was clicked: the register has no risk-tier filter yet, so the host decides what to show.
    void riskTierRequested(vigil::RiskTier tier);
    // A bar of "Corrective actions by status" was clicked. The register has no filter by corrective action, so the
    // host decides what to show (e.g. the suppliers with actions of that status).
    void actionStatusRequested(vigil::ActionStatus status);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Card
    {
        QString id;
        QChartView* view = nullptr;
        QWidget* frame = nullptr;
        QStringList keys; // filter value per category (country code, sector, tier)
    };
    void rebuild();
    void apply(int generation, const Result<report::PortfolioData>& data);
    // Adds a chart after the others; placeCards() puts them in the grid.
    void addCard(const report::ReportChart& chart, const QStringList& keys, const QString& note = {});
    int fittingColumns() const;
    void placeCards();
    void askToSave(const QString& id);

    SupplierStore* m_store;
    report::PortfolioData m_data;
    QGridLayout* m_grid = nullptr;
    QLabel* m_figures = nullptr;
    QLabel* m_status = nullptr;
    QTimer* m_debounce = nullptr;
    QList<Card> m_cards;
    bool m_loading = false;
    bool m_again = false;
    int m_generation = 0;
    int m_columns = 2;
};

} // namespace vigil
