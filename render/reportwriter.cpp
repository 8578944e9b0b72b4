#include "render/reportwriter.h"

#include "render/pdfrenderer.h"
#include "report/htmlrenderer.h"

#include <QGuiApplication>

namespace vigil::render {

std::optional<DocumentFormat> documentFormatFromString(const QString& s)
{
    const QString f = s.trimmed().toLower();
    if (f == QLatin1String("pdf"))
        return DocumentFormat::Pdf;
    if (f == QLatin1String("html") || f == QLatin1String("htm"))
        return DocumentFormat::Html;
    if (f == QLatin1String("odt"))
        return DocumentFormat::Odt;
    return std::nullopt;
}

Status writeReport(const report::ReportDocument& doc, DocumentFormat format, const QString& path)
{
    if (format == DocumentFormat::Html)
        return report::writeHtml(doc, path);
    if (format == DocumentFormat::Pdf)
        return writePdf(doc, path);
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return makeError(QStringLiteral("ODT needs a QGuiApplication (internal error)."));
    return writeOdt(doc, path);
}

} // namespace vigil::render
