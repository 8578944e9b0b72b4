#pragma once

#include "report/reportdocument.h"
#include "util/result.h"

#include <QImage>
#include <QString>

class QPainter;

namespace vigil::render {

// The chart of core/report/svgchart.h, drawn by QtSvg: as an image (scale 2 = twice 720x300 pixels), painted
// onto any painter, or saved as PNG or SVG through SaveFile.
QImage chartImage(const report::ReportChart& chart, qreal scale = 2.0);
void paintChart(const report::ReportChart& chart, QPainter& painter, const QRectF& target);
Status saveChartPng(const report::ReportChart& chart, const QString& path, qreal scale = 2.0);
Status saveChartSvg(const report::ReportChart& chart, const QString& path);

} // namespace vigil::render
