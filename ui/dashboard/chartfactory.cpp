#include "chartfactory.h"

#include "util/savefile.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QBuffer>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLineSeries>
#include <QPainter>
#include <QStackedBarSeries>
#include <QSvgGenerator>
#include <QValueAxis>

#include <algorithm>

namespace vigil {

namespace {

double maxValue(const report::ReportChart& c)
{
    double max = 0;
    for (int i = 0; i < c.categories.size(); ++i) {
        double sum = 0;
        for (const report::ChartSeries& s : c.series)
            sum = c.type == report::ReportChart::Type::StackedBar ? sum + s.values.value(i)
                                                                  : std::max(sum, s.values.value(i));
        max = std::max(max, sum);
    }
    return max;
}

// A category name of a horizontal bar chart over two lines when it is long, broken at the space nearest its middle:
// on one line it ran off the left edge of the chart (axis labels are drawn as HTML).
QString wrapped(const QString& label)
{
    if (label.size() <= 30)
        return label;
    const int middle = int(label.size()) / 2;
    int best = -1;
    for (int i = 0; i < label.size(); ++i)
        if (label.at(i).isSpace() && (best < 0 || qAbs(i - middle) < qAbs(best - middle)))
            best = i;
    if (best < 0)
        return label;
    return label.left(best).toHtmlEscaped() + QStringLiteral("<br>") + label.mid(best + 1).toHtmlEscaped();
}

} // namespace

QChartView* ChartFactory::create(const report::ReportChart& data, QWidget* parent,
                                 const std::function<void(int)>& clicked)
{
    // Horizontal bars are drawn bottom-up: reverse them so that the first category is on top.
    report::ReportChart c = data;
    std::function<void(int)> onClick = clicked;
    if (c.horizontal) {
        std::reverse(c.categories.begin(), c.categories.end());
        for (report::ChartSeries& s : c.series)
            std::reverse(s.values.begin(), s.values.end());
        const int n = int(c.categories.size());
        if (clicked)
            onClick = [clicked, n](int index) { clicked(n - 1 - index); };
    }
    auto* chart = new QChart;
    chart->setTitle(c.title);
    QFont title = chart->titleFont();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.1);
    chart->setTitleFont(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    const bool single = c.series.size() == 1 || c.id == QLatin1String("tiers");
    chart->legend()->setVisible(!single);
    chart->legend()->setAlignment(Qt::AlignBottom);

    auto* categories = new QBarCategoryAxis;
    if (c.horizontal) {
        for (const QString& label : std::as_const(c.categories))
            categories->append(wrapped(label));
    } else {
        categories->append(c.categories);
    }
    if (c.horizontal) {
        QFont small = categories->labelsFont();
        small.setPointSizeF(small.pointSizeF() * 0.9);
        categories->setLabelsFont(small);
        categories->setTruncateLabels(false);
    }
    auto* values = new QValueAxis;
    values->setLabelFormat(QStringLiteral("%d"));
    values->setRange(0, std::max(5.0, maxValue(c) * 1.1));
    values->applyNiceNumbers();
    values->setTitleText(c.valueLabel);

    if (c.type == report::ReportChart::Type::Line) {
        chart->addAxis(categories, Qt::AlignBottom);
        chart->addAxis(values, Qt::AlignLeft);
        for (const report::ChartSeries& s : c.series) {
            auto* line = new QLineSeries;
            line->setName(s.name);
            line->setColor(QColor(s.color));
            line->setPointsVisible(true);
            QPen pen = line->pen();
            pen.setWidthF(2.5);
            line->setPen(pen);
            for (int i = 0; i < s.values.size(); ++i)
                line->append(i, s.values[i]);
            chart->addSeries(line);
            line->attachAxis(categories);
            line->attachAxis(values);
            if (onClick)
                QObject::connect(line, &QLineSeries::clicked, chart,
                                 [onClick](const QPointF& p) { onClick(int(std::lround(p.x()))); });
        }
    } else {
        QAbstractBarSeries* series = nullptr;
        if (c.horizontal && c.series.size() == 1)
            series = new QHorizontalBarSeries; // its value labels can stand at the end of the bar
        else if (c.horizontal)
            series = new QHorizontalStackedBarSeries;
        else if (c.type == report::ReportChart::Type::StackedBar)
            series = new QStackedBarSeries;
        else
            series = new QBarSeries;
        series->setBarWidth(c.horizontal ? 0.7 : 0.6);
        for (const report::ChartSeries& s : c.series) {
            auto* set = new QBarSet(s.name);
            set->setColor(QColor(s.color));
            set->setBorderColor(QColor(s.color));
            for (double v : s.values)
                *set << v;
            series->append(set);
        }
        series->setLabelsVisible(c.series.size() == 1);
        series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
        chart->addSeries(series);
        chart->addAxis(categories, c.horizontal ? Qt::AlignLeft : Qt::AlignBottom);
        chart->addAxis(values, c.horizontal ? Qt::AlignBottom : Qt::AlignLeft);
        series->attachAxis(categories);
        series->attachAxis(values);
        if (onClick)
            QObject::connect(series, &QAbstractBarSeries::clicked, chart,
                             [onClick](int index, QBarSet*) { onClick(index); });
    }
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(c.horizontal ? 120 + 32 * int(c.categories.size()) : 280);
    if (onClick)
        view->setCursor(Qt::PointingHandCursor);
    return view;
}

Status ChartFactory::savePng(QChartView* view, const QString& path)
{
    const qreal scale = 2.0;
    QImage image(view->size() * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    view->render(&p);
    p.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return makeError(QStringLiteral("The chart could not be drawn as PNG."));
    return saveToFile(path, bytes);
}

Status ChartFactory::saveSvg(QChartView* view, const QString& path)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(view->size());
    svg.setViewBox(QRect(QPoint(0, 0), view->size()));
    svg.setTitle(view->chart()->title());
    QPainter p;
    if (!p.begin(&svg))
        return makeError(QStringLiteral("The chart could not be drawn as SVG."));
    view->render(&p);
    p.end();
    return saveToFile(path, bytes);
}

} // namespace vigil
