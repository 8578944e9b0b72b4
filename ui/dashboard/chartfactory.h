#pragma once

#include "report/reportdocument.h"
#include "util/result.h"

#include <QString>

#include <functional>

class QWidget;

QT_BEGIN_NAMESPACE
class QChartView;
QT_END_NAMESPACE

namespace vigil {

// All Qt Charts code of Vigil lives behind this factory (Qt Charts is deprecated from Qt 6.10 in favour of Qt
// Graphs: only this file changes then). Charts are described by core/report's ReportChart, the same data the
// PDF and HTML reports draw.
class ChartFactory
{
public:
    // A chart view for the data; onClick(category index) is called when a bar or point is clicked.
    static QChartView* create(const report::ReportChart& chart, QWidget* parent = nullptr,
                              const std::function<void(int)>& onClick = {});
    // Saves what the view shows, through SaveFile.
    static Status savePng(QChartView* view, const QString& path);
    static Status saveSvg(QChartView* view, const QString& path);
};

} // namespace vigil
