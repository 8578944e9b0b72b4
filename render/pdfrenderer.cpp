#include "render/pdfrenderer.h"

#include "render/pdf/cairopdf.h"

#include "render/reportfonts.h"
#include "render/textdocumentbuilder.h"
#include "util/savefile.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <QTextDocumentWriter>
#include <cmath>

namespace vigil::render {

namespace {

// QTextDocument lengths (borders, padding, image sizes) are in 96-dpi pixels, scaled to the device by the layout.
constexpr qreal kLogicalDpi = 96;

// QTextDocument has no "keep with next": a heading or caption that would end a page (less than an eighth of the page
// below it) starts the next page instead.
void keepHeadingsWithNext(QTextDocument& doc, qreal pageHeight)
{
    const qreal room = pageHeight / 8;
    QTextBlock from = doc.begin();
    for (int moved = 0; moved < 200; ++moved) {
        // Layout is redone in full after each move: positions after a moved heading all change.
        doc.setPageSize(doc.pageSize());
        QAbstractTextDocumentLayout* layout = doc.documentLayout();
        layout->documentSize();
        QTextBlock found;
        for (QTextBlock block = from; block.isValid(); block = block.next()) {
            if (!block.blockFormat().boolProperty(kKeepWithNextProperty))
                continue;
            const QRectF r = layout->blockBoundingRect(block);
            if (std::fmod(r.top(), pageHeight) > pageHeight - room) {
                found = block;
                break;
            }
        }
        if (!found.isValid())
            return;
        QTextBlockFormat f;
        f.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        QTextCursor(found).mergeBlockFormat(f);
        from = found.next();
    }
}

} // namespace

Status renderPdf(const report::ReportDocument& doc, QIODevice& out)
{
    auto pdf = cairoPdf(doc);
    if (!pdf)
        return pdf.error();
    if (out.write(pdf.value()) != pdf->size())
        return makeError(QStringLiteral("The PDF could not be written: %1").arg(out.errorString()));
    return {};
}

Status paintReport(const report::ReportDocument& doc, QPagedPaintDevice& writer, int dpi)
{
    const qreal kUnit = dpi / 72.0; // device pixels per point
    const auto mm = [dpi](qreal v) { return v / 25.4 * dpi; };
    const QRectF page(QPointF(0, 0), QSizeF(writer.width(), writer.height()));
    const qreal left = mm(18), right = mm(18), top = mm(22), bottom = mm(20);
    const QRectF body(left, top, page.width() - left - right, page.height() - top - bottom);

    auto text = buildTextDocument(doc, kLogicalDpi / 72.0, body.width() * kLogicalDpi / dpi);
    text->documentLayout()->setPaintDevice(&writer);
    text->setPageSize(body.size());
    keepHeadingsWithNext(*text, body.height());
    const int pages = std::max(1, text->pageCount());

    QPainter p;
    if (!p.begin(&writer))
        return makeError(QStringLiteral("The PDF could not be started."));
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    const QFont small = reportFont(7.5);
    const QFont smallBold = reportFont(7.5, true);
    const QColor muted(0x5b, 0x66, 0x70);
    const QColor accent(0x2f, 0x5d, 0x8a);
    const QString headerTitle = doc.subtitle.isEmpty() ? doc.title : doc.title + QStringLiteral(" · ") + doc.subtitle;
    for (int i = 0; i < pages; ++i) {
        if (i > 0 && !writer.newPage())
            return makeError(QStringLiteral("The PDF could not add a page."));
        // Header
        p.setPen(muted);
        p.setFont(smallBold);
        const qreal headerBase = mm(13);
        const QFontMetricsF fm(smallBold, &writer);
        p.drawText(QPointF(left, headerBase), fm.elidedText(headerTitle, Qt::ElideRight, body.width() * 0.65));
        p.setFont(small);
        const QFontMetricsF fms(small, &writer);
        const QString conf = doc.confidentiality;
        p.drawText(QPointF(page.width() - right - fms.horizontalAdvance(conf), headerBase), conf);
        p.setPen(QPen(accent, 0.8 * kUnit));
        p.drawLine(QPointF(left, headerBase + mm(2)), QPointF(page.width() - right, headerBase + mm(2)));
        // Footer
        const qreal footerBase = page.height() - mm(10);
        p.setPen(QPen(QColor(0xd9, 0xde, 0xe3), 0.6 * kUnit));
        p.drawLine(QPointF(left, footerBase - mm(4)), QPointF(page.width() - right, footerBase - mm(4)));
        p.setPen(muted);
        p.setFont(small);
        p.drawText(QPointF(left, footerBase),
                   fms.elidedText(doc.provenanceLine(), Qt::ElideRight, body.width() * 0.75));
        const QString pageText = QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages);
        p.drawText(QPointF(page.width() - right - fms.horizontalAdvance(pageText), footerBase), pageText);
        // Body: the i-th page of the laid-out document
        p.save();
        p.translate(body.left(), body.top() - i * body.height());
        const QRectF clip(0, i * body.height(), body.width(), body.height());
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.clip = clip;
        ctx.palette.setColor(QPalette::Text, QColor(0x1f, 0x2d, 0x3d));
        p.setClipRect(clip);
        text->documentLayout()->draw(&p, ctx);
        p.restore();
    }
    if (!p.end())
        return makeError(QStringLiteral("The PDF could not be finished."));
    return {};
}

Status writePdf(const report::ReportDocument& doc, const QString& path)
{
    auto pdf = cairoPdf(doc);
    if (!pdf)
        return pdf.error();
    return saveToFile(path, pdf.value());
}

Status writeOdt(const report::ReportDocument& doc, const QString& path)
{
    auto text = buildTextDocument(doc, kLogicalDpi / 72.0, 640, true);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QTextDocumentWriter writer(&buffer, "odf");
    if (!writer.write(text.get()))
        return makeError(QStringLiteral("The ODT document could not be written."));
    return saveToFile(path, bytes);
}

} // namespace vigil::render
