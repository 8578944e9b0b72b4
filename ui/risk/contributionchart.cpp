#include "risk/contributionchart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalStackedBarSeries>
#include <QValueAxis>

#include <cmath>

namespace vigil::ui {

QColor tierColor(RiskTier tier)
{
    switch (tier) {
    case RiskTier::Low:
        return QColor(0x2e, 0x7d, 0x32);
    case RiskTier::Medium:
        return QColor(0xd8, 0x9b, 0x00);
    case RiskTier::High:
        return QColor(0xe6, 0x5c, 0x00);
    case RiskTier::Critical:
        return QColor(0xc6, 0x28, 0x28);
    }
    return Qt::gray;
}

QList<RiskContribution> ContributionChart::shown(const RiskResult& result)
{
    QList<RiskContribution> list;
    for (const RiskContribution& c : result.contributions)
        if (std::abs(c.points) >= 0.05)
            list.append(c);
    return list;
}

QChartView* ContributionChart::create(const RiskResult& result, QWidget* parent)
{
    const QList<RiskContribution> items = shown(result);
    auto* raises = new QBarSet(QObject::tr("Raises the score"));
    auto* lowers = new QBarSet(QObject::tr("Lowers the score"));
    raises->setColor(QColor(0xc6, 0x28, 0x28));
    lowers->setColor(QColor(0x2e, 0x7d, 0x32));
    QStringList categories;
    double lo = 0, hi = 5;
    // Bottom to top in Qt's horizontal bars: reverse so the first contribution is on top.
    for (auto it = items.crbegin(); it != items.crend(); ++it) {
        QString label = it->label.isEmpty() ? it->factor : it->label;
        if (label.size() > 38)
            label = label.left(36).trimmed() + QStringLiteral("…");
        // The points first: a narrow pane elides the end of the label, never the figure.
        categories.append(QStringLiteral("%1%2 %3")
                              .arg(it->points > 0 ? QStringLiteral("+") : QString())
                              .arg(it->points, 0, 'f', 1)
                              .arg(label));
        raises->append(it->points > 0 ? it->points : 0);
        lowers->append(it->points < 0 ? it->points : 0);
        lo = std::min(lo, it->points);
        hi = std::max(hi, it->points);
    }
    auto* series = new QHorizontalStackedBarSeries;
    series->append(raises);
    series->append(lowers);
    series->setBarWidth(0.7);

    auto* chart = new QChart;
    chart->addSeries(series);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setVisible(lo < 0);
    auto* axisY = new QBarCategoryAxis;
    axisY->append(categories);
    QFont small = axisY->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    axisY->setLabelsFont(small);
    // Labels longer than the chart allows are elided (the factor table under the chart has them whole): drawn
    // whole, they ran off the left edge of a narrow pane.
    axisY->setTruncateLabels(true);
    auto* axisX = new QValueAxis;
    axisX->setRange(std::floor(lo * 1.1), std::ceil(hi * 1.1));
    axisX->applyNiceNumbers();
    axisX->setLabelFormat(QStringLiteral("%d"));
    axisX->setTitleText(QObject::tr("points of the 0–100 score"));
    chart->addAxis(axisY, Qt::AlignLeft);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisY);
    series->attachAxis(axisX);

    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(110 + 26 * int(items.size()));
    view->setObjectName(QStringLiteral("contributionChart"));
    return view;
}

} // namespace vigil::ui
