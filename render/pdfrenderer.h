#pragma once

#include "report/reportdocument.h"
#include "util/result.h"

#include <QByteArray>

class QIODevice;
class QPagedPaintDevice;

namespace vigil::render {

// PDF through Pango and Cairo (render/pdf/cairopdf.h): A4, real text that extracts as the logical text in every
// script, embedded (subset) Noto fonts, a running header (title, confidentiality) and footer (provenance,
// "Page n of N") on every page. Needs no QGuiApplication.
Status renderPdf(const report::ReportDocument& doc, QIODevice& out);
Status writePdf(const report::ReportDocument& doc, const QString& path);
// Paints the pages with Qt (QTextDocument) on any paged device whose page layout has no margins (a QPrinter);
// dpi is its resolution. Needs a QGuiApplication.
Status paintReport(const report::ReportDocument& doc, QPagedPaintDevice& device, int dpi);
// ODT (OpenDocument Text) through QTextDocumentWriter, for editing in Word or LibreOffice.
Status writeOdt(const report::ReportDocument& doc, const QString& path);

} // namespace vigil::render
