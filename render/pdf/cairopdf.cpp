#include "render/pdf/cairopdf.h"

#include "render/pdf/pdfblocks.h"
#include "render/pdf/pdfflow.h"
#include "render/pdf/pdftext.h"

#include <cairo-pdf.h>
#include <cairo.h>

namespace vigil::render {

using namespace pdf;

namespace {

cairo_status_t appendBytes(void* closure, const unsigned char* data, unsigned int length)
{
    static_cast<QByteArray*>(closure)->append(reinterpret_cast<const char*>(data), qsizetype(length));
    return CAIRO_STATUS_SUCCESS;
}

// Cairo names itself as the producer and has no setting for it: the one "/Producer (...)" entry of the document
// information dictionary is rewritten in place, padded with spaces outside the string, so no offset moves.
void setProducer(QByteArray& pdf, const QByteArray& producer)
{
    const QByteArray key("/Producer (");
    const qsizetype at = pdf.indexOf(key);
    if (at < 0 || pdf.indexOf(key, at + 1) >= 0)
        return;
    const qsizetype start = at + key.size();
    qsizetype end = start;
    int depth = 1;
    for (; end < pdf.size() && depth > 0; ++end) {
        if (pdf[end] == '\\')
            ++end;
        else if (pdf[end] == '(')
            ++depth;
        else if (pdf[end] == ')')
            --depth;
    }
    const qsizetype oldLength = end - start; // the string and its closing parenthesis
    QByteArray value = producer;
    value.replace('\\', "").replace('(', "").replace(')', "");
    if (value.size() + 1 > oldLength)
        return;
    pdf.replace(start, oldLength, value + ')' + QByteArray(oldLength - value.size() - 1, ' '));
}

void drawFurniture(cairo_t* cr, const TextEngine& text, const PageGeometry& g, const report::ReportDocument& doc,
                   int page, int pages)
{
    const double w = g.bodyWidth();
    TextStyle small;
    small.size = 7.5;
    small.color = kMuted;
    TextStyle smallBold = small;
    smallBold.bold = true;
    const QString title = doc.subtitle.isEmpty() ? doc.title : doc.title + QStringLiteral(" · ") + doc.subtitle;
    const double headerBase = 36.85; // 13 mm
    const TextBlock conf = text.layout(doc.confidentiality, small, 0);
    const TextBlock head = text.layout(title, smallBold, std::max(40.0, w - conf.width() - 18), true);
    const auto top = [](const TextBlock& b, double base) {
        return b.lines().isEmpty() ? base : base - b.lines().first().baseline;
    };
    head.draw(cr, g.left, top(head, headerBase));
    conf.draw(cr, g.left + w - conf.width(), top(conf, headerBase));
    setColor(cr, kAccent);
    cairo_set_line_width(cr, 0.8);
    cairo_move_to(cr, g.left, headerBase + 5.7);
    cairo_line_to(cr, g.left + w, headerBase + 5.7);
    cairo_stroke(cr);

    const double footerBase = g.height - 28.35; // 10 mm
    setColor(cr, kLine);
    cairo_set_line_width(cr, 0.6);
    cairo_move_to(cr, g.left, footerBase - 11.3);
    cairo_line_to(cr, g.left + w, footerBase - 11.3);
    cairo_stroke(cr);
    const TextBlock number = text.layout(QStringLiteral("Page %1 of %2").arg(page).arg(pages), smallBold, 0);
    const TextBlock provenance
        = text.layout(doc.provenanceLine(), small, std::max(40.0, w - number.width() - 18), true);
    provenance.draw(cr, g.left, top(provenance, footerBase));
    number.draw(cr, g.left + w - number.width(), top(number, footerBase));
}

} // namespace

Result<QByteArray> cairoPdf(const report::ReportDocument& doc)
{
    const PageGeometry g;
    QByteArray bytes;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(appendBytes, &bytes, g.width, g.height);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        return makeError(QStringLiteral("The PDF could not be started."));
    }
    const QString title = doc.title + (doc.subtitle.isEmpty() ? QString() : QStringLiteral(" – ") + doc.subtitle);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.toUtf8().constData());
    if (!doc.subtitle.isEmpty())
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, doc.subtitle.toUtf8().constData());
    if (!doc.organisation.isEmpty())
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, doc.organisation.toUtf8().constData());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR,
                                   QStringLiteral("Vigil %1").arg(QStringLiteral(VIGIL_VERSION)).toUtf8().constData());
    const QDateTime when = doc.generatedAt.isValid() ? doc.generatedAt.toUTC() : QDateTime::currentDateTimeUtc();
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                   when.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")).toUtf8().constData());

    cairo_t* cr = cairo_create(surface);
    {
        const TextEngine text(cr);
        Flow flow(g);
        layoutReport(flow, text, doc);
        const int pages = flow.pageCount();
        for (int p = 0; p < pages; ++p) {
            drawFurniture(cr, text, g, doc, p + 1, pages);
            for (const PlacedItem& item : flow.items(p)) {
                cairo_save(cr);
                item.draw(cr, item.x, item.y);
                cairo_restore(cr);
            }
            cairo_show_page(cr);
        }
        for (const OutlineEntry& o : flow.outlines()) {
            const QByteArray link = QStringLiteral("page=%1 pos=[%2 %3]")
                                        .arg(o.page + 1)
                                        .arg(g.left, 0, 'f', 1)
                                        .arg(std::max(0.0, o.y - 12), 0, 'f', 1)
                                        .toUtf8();
            cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, o.title.toUtf8().constData(),
                                          link.constData(), cairo_pdf_outline_flags_t(0));
        }
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS)
        return makeError(
            QStringLiteral("The PDF could not be written: %1.").arg(QString::fromUtf8(cairo_status_to_string(status))));
    setProducer(bytes, QByteArrayLiteral("Vigil ") + VIGIL_VERSION);
    return bytes;
}

} // namespace vigil::render
