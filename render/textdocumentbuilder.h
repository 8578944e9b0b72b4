#pragma once

#include "report/reportdocument.h"

#include <QSizeF>

#include <memory>

class QTextDocument;

namespace vigil::render {

// Block property of headings and captions: the paginator keeps them with what follows.
inline constexpr int kKeepWithNextProperty = 0x100000 + 1; // QTextFormat::UserProperty + 1

// Builds a QTextDocument from a report document: the one layout that PDF (painted page by page) and ODT
// (QTextDocumentWriter) share. unit = device pixels per typographic point (PDF at 300 dpi: 300/72; ODT: 1);
// bodyWidth = the text width in device pixels (charts are scaled to it). forOdt: boxes and key figures as tables,
// no ruler lines (what word processors keep of them).
std::unique_ptr<QTextDocument> buildTextDocument(const report::ReportDocument& doc, qreal unit, qreal bodyWidth,
                                                 bool forOdt = false);

} // namespace vigil::render
