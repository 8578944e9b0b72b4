#pragma once

#include "report/reportdocument.h"
#include "util/result.h"

#include <QByteArray>

class QIODevice;
class QPagedPaintDevice;

namespace vigil::render {

// PDF: A4, real text with embedded (subset) Noto fonts, a running header (title, confidentiality) and footer
// (provenance, "Page n of N") on every page. Needs a QGuiApplication.
Status renderPdf(const report::ReportDocument& doc, QIODevice& out);
Status writePdf(const report::ReportDocument& doc, const QString& path);
// Paints the pages on any paged device (a QPdfWriter, or a QPrinter for the print preview) whose page layout has
// no margins; dpi is its resolution.
Status paintReport(const report::ReportDocument& doc, QPagedPaintDevice& device, int dpi);
// ODT (OpenDocument Text) through QTextDocumentWriter, for editing in Word or LibreOffice.
Status writeOdt(const report::ReportDocument& doc, const QString& path);

} // namespace vigil::render
