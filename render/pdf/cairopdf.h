#pragma once

#include "report/reportdocument.h"
#include "util/result.h"

#include <QByteArray>

namespace vigil::render {

// The report as PDF, laid out by Pango and drawn by Cairo: A4, real text whose extraction gives back the logical
// text for every script (Cairo writes the glyph-to-text clusters that shaping makes: ActualText and ToUnicode),
// embedded subset Noto fonts chosen per script by fontconfig, a running header (title, confidentiality) and footer
// (provenance, "Page n of N"), section bookmarks, and document information (title, subject, author, creation date).
// Needs no QGuiApplication.
Result<QByteArray> cairoPdf(const report::ReportDocument& doc);

} // namespace vigil::render
