#pragma once

#include "report/reportdocument.h"
#include "util/result.h"

#include <QString>

#include <optional>

namespace vigil::render {

enum class DocumentFormat { Pdf, Html, Odt };
std::optional<DocumentFormat> documentFormatFromString(const QString& s); // pdf, html, odt

// Writes a report in any document format through SaveFile. ODT needs a QGuiApplication.
Status writeReport(const report::ReportDocument& doc, DocumentFormat format, const QString& path);

} // namespace vigil::render
