#pragma once

#include "report/reportdocument.h"

#include <QSizeF>

#include <memory>

class QTextDocument;

namespace vigil::render {

// Builds a QTextDocument from a report document: the one layout that PDF (painted page by page) and ODT
// (QTextDocumentWriter) share. unit = device pixels per typographic point (PDF at 300 dpi: 300/72; ODT: 1);
// bodyWidth = the text width in device pixels (charts are scaled to it).
std::unique_ptr<QTextDocument> buildTextDocument(const report::ReportDocument& doc, qreal unit, qreal bodyWidth);

} // namespace vigil::render
