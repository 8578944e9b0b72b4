#pragma once

#include "render/pdf/pdfflow.h"
#include "report/reportdocument.h"

namespace vigil::render::pdf {

// A chart as vector graphics: the SVG of core/report/svgchart.h drawn by librsvg into the PDF (its text stays text).
struct ChartDrawing
{
    double height = 0; // at the width asked for
    DrawFn draw; // empty when the SVG could not be read
};

ChartDrawing chartDrawing(const report::ReportChart& chart, double width);

} // namespace vigil::render::pdf
