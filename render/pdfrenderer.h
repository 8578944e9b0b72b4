#pragma once

#include "report/reportdocument.h"
#include "util/result.h"

#include <QByteArray>

class QIODevice;

namespace vigil::render {

// PDF: A4, real text with embedded (subset) Noto fonts, a running header (title, confidentiality) and footer
// (provenance, "Page n of N") on every page. Needs a QGuiApplication.
Status renderPdf(const report::ReportDocument& doc, QIODevice& out);
Status writePdf(const report::ReportDocument& doc, const QString& path);
// ODT (OpenDocument Text) through QTextDocumentWriter, for editing in Word or LibreOffice.
Status writeOdt(const report::ReportDocument& doc, const QString& path);

} // namespace vigil::render
