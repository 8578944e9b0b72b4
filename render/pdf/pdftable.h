#pragma once

#include "render/pdf/pdfflow.h"
#include "render/pdf/pdftext.h"
#include "report/reportdocument.h"

namespace vigil::render::pdf {

// Places a table (without its caption) at full body width. Column widths follow the content (every column gets at
// least its longest word, the rest of the width goes where the text is long). The header row is repeated on every
// page the table continues on; a row is never split across pages unless it is taller than a page on its own.
void placeTable(Flow& flow, const TextEngine& text, const report::ReportTable& table);

// Height of the header row plus the first body row (what a caption must be kept with).
double tableHead(const TextEngine& text, const report::ReportTable& table, double width);

} // namespace vigil::render::pdf
