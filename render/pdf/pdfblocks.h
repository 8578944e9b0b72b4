#pragma once

#include "render/pdf/pdfflow.h"
#include "render/pdf/pdftext.h"
#include "report/reportdocument.h"

namespace vigil::render::pdf {

// Lays a whole report out into the flow: the title block, then every section and its blocks (headings,
// paragraphs, bullets, key figures, tables, charts, company-text boxes, data gaps, notes). Sections are bookmarked.
void layoutReport(Flow& flow, const TextEngine& text, const report::ReportDocument& doc);

} // namespace vigil::render::pdf
