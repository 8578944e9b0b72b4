#pragma once

#include "report/reportdocument.h"

#include <QByteArray>
#include <QString>

namespace vigil::report {

// Draws a chart as a standalone SVG document (plain text: no QtGui needed). The HTML report embeds it; the PDF and
// ODT renderers (render/) rasterise or paint the same SVG, so every format shows the same chart.
QByteArray chartToSvg(const ReportChart& chart, int width = 720, int height = 300);

// The font families the reports use, Latin first, then Thai, Myanmar, Bengali and CJK for suppliers' names.
QStringList reportFontFamilies();

// Escapes text for HTML and XML: & < > " '
QString escapeXml(const QString& text);

} // namespace vigil::report
