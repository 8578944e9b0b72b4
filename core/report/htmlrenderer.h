#pragma once

#include "report/reportdocument.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace vigil::report {

// Renders a report as ONE self-contained HTML5 file (styles inline in <style>, charts as SVG data URIs, no external
// resource), valid for the W3C checker. Every text from the workspace or the company is escaped.
QByteArray renderHtml(const ReportDocument& doc);
// renderHtml + SaveFile.
Status writeHtml(const ReportDocument& doc, const QString& path);

} // namespace vigil::report
