#pragma once

#include "risk/riskresult.h"

QT_BEGIN_NAMESPACE
class QChartView;
class QWidget;
QT_END_NAMESPACE

namespace vigil::ui {

// The contributions of a score as a horizontal bar chart: what raises the score in red, what lowers it
// (mitigations, caps) in green. ChartFactory's bars start at zero, so signed points need this small one.
class ContributionChart
{
public:
    static QChartView* create(const RiskResult& result, QWidget* parent = nullptr);
    // The contributions the chart shows (non-zero points, in the result's order).
    static QList<RiskContribution> shown(const RiskResult& result);
};

QColor tierColor(RiskTier tier);

} // namespace vigil::ui
