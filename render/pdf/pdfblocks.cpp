#include "render/pdf/pdfblocks.h"

#include "render/pdf/pdfchart.h"
#include "render/pdf/pdftable.h"

#include <cairo.h>

#include <algorithm>

namespace vigil::render::pdf {

namespace {

using report::BlockKind;

TextStyle style(double size, bool bold = false, Rgb color = kInk, bool italic = false)
{
    TextStyle s;
    s.size = size;
    s.bold = bold;
    s.color = color;
    s.italic = italic;
    return s;
}

void fillRect(cairo_t* cr, double x, double y, double w, double h, Rgb c)
{
    setColor(cr, c);
    cairo_rectangle(cr, x, y, w, h);
    cairo_fill(cr);
}

void hline(cairo_t* cr, double x, double y, double w, Rgb c, double width)
{
    setColor(cr, c);
    cairo_set_line_width(cr, width);
    cairo_move_to(cr, x, y);
    cairo_line_to(cr, x + w, y);
    cairo_stroke(cr);
}

// What a box (company text, data gap) looks like.
struct BoxLook
{
    QString tag;
    Rgb border, background, tagColor;
    bool dashed = false;
};

class Layouter
{
public:
    Layouter(Flow& flow, const TextEngine& text)
        : m_flow(flow)
        , m_text(text)
    {
    }

    void report(const report::ReportDocument& d)
    {
        titleBlock(d);
        for (const report::ReportSection& s : d.sections)
            section(s);
    }

private:
    // Places a text line by line, so a paragraph may continue on the next page (never leaving one line alone).
    void text(const TextBlock& b, double indent = 0)
    {
        const QList<TextLine>& lines = b.lines();
        if (lines.size() > 1)
            m_flow.ensure(b.span(0, std::min<int>(2, int(lines.size()))));
        for (int i = 0; i < lines.size(); ++i) {
            if (i == lines.size() - 2 && lines.size() >= 3 && b.span(i, i + 2) > m_flow.remaining())
                m_flow.newPage(); // no widow: the last two lines go together
            m_flow.ensure(lines[i].height);
            m_flow.place(
                lines[i].height, [b, i](cairo_t* cr, double x, double y) { b.drawLines(cr, x, y, i, i + 1); }, indent);
        }
    }

    void paragraph(const QString& s, const TextStyle& st, double before, double after, double indent = 0)
    {
        m_flow.space(before);
        text(m_text.layout(s, st, m_flow.width() - indent), indent);
        m_flow.space(after);
    }

    // Lines under headings; full body width.
    void rule(Rgb color, double width, double before, double after)
    {
        m_flow.space(before);
        const double w = m_flow.width();
        m_flow.place(width, [w, color, width](cairo_t* cr, double x, double y) {
            hline(cr, x, y + width / 2, w, color, width);
        });
        m_flow.space(after);
    }

    void titleBlock(const report::ReportDocument& d)
    {
        const double w = m_flow.width();
        TextStyle conf = style(8, true, kAccent);
        text(m_text.layout(d.confidentiality.toUpper(), conf, w));
        m_flow.space(6);
        TextStyle title = style(22, true, kInk);
        title.lineSpacing = 0.95;
        text(m_text.layout(d.title, title, w));
        if (!d.subtitle.isEmpty())
            paragraph(d.subtitle, style(13, false, kMuted), 2, 0);
        if (!d.organisation.isEmpty())
            paragraph(d.organisation, style(12, true, kInk), 2, 0);
        paragraph(d.provenanceLine(), style(8.5, false, kMuted), 6, 0);
        rule(kAccent, 1.6, 8, 6);
    }

    void section(const report::ReportSection& s)
    {
        m_flow.space(18);
        QList<TextRun> runs;
        if (!s.reference.isEmpty())
            runs << TextRun{s.reference + QStringLiteral("  "), kAccent, false};
        runs << TextRun{s.title, kInk, true};
        TextStyle h = style(15, true, kInk);
        h.lineSpacing = 0.95;
        const TextBlock heading = m_text.layout(runs, h, m_flow.width());
        m_flow.ensure(heading.height() + 70); // a heading never ends a page
        m_flow.outline(1, (s.reference.isEmpty() ? QString() : s.reference + QLatin1Char(' ')) + s.title);
        text(heading);
        rule(kLine, 0.8, 3, 5);
        if (!s.asks.isEmpty())
            paragraph(s.asks, style(9, false, kMuted, true), 0, 6);
        for (const report::ReportBlock& b : s.blocks)
            block(b);
    }

    void heading(const QString& s, int level)
    {
        const TextStyle st = level <= 2 ? style(12.5, true, kInk) : style(11, true, kAccent);
        m_flow.space(level <= 2 ? 12 : 10);
        const TextBlock b = m_text.layout(s, st, m_flow.width());
        m_flow.ensure(b.height() + 48);
        text(b);
        m_flow.space(3);
    }

    void bullets(const QStringList& items)
    {
        const TextBlock dot = m_text.layout(QStringLiteral("•"), style(9.5, false, kAccent), 0);
        m_flow.space(2);
        for (const QString& item : items) {
            const TextBlock b = m_text.layout(item, style(9.5), m_flow.width() - 14);
            m_flow.ensure(b.span(0, std::min<int>(2, int(b.lines().size()))));
            m_flow.overlay([dot](cairo_t* cr, double x, double y) { dot.draw(cr, x, y); }, 4);
            text(b, 14);
            m_flow.space(2.5);
        }
        m_flow.space(3);
    }

    void figures(const QList<report::KeyFigure>& list)
    {
        if (list.isEmpty())
            return;
        const int perRow = list.size() == 4 ? 4 : std::min<int>(3, int(list.size()));
        const double gap = 8;
        const double cardW = (m_flow.width() - gap * (perRow - 1)) / perRow;
        const double pad = 8;
        m_flow.space(4);
        for (int start = 0; start < list.size(); start += perRow) {
            QList<QList<TextBlock>> cards;
            double h = 0;
            for (int i = start; i < std::min<int>(start + perRow, int(list.size())); ++i) {
                // A value that is a phrase, not a figure, is set smaller so that it fits on one line or two.
                TextStyle value = style(16, true, kAccent);
                if (m_text.naturalWidth(list[i].value, value) > cardW - 2 * pad)
                    value.size = 12;
                value.lineSpacing = 0.9;
                QList<TextBlock> card{m_text.layout(list[i].value, value, cardW - 2 * pad),
                                      m_text.layout(list[i].label, style(8, false, kMuted), cardW - 2 * pad)};
                if (!list[i].note.isEmpty())
                    card << m_text.layout(list[i].note, style(7.5, false, kMuted, true), cardW - 2 * pad);
                double ch = 2 * pad;
                for (const TextBlock& b : card)
                    ch += b.height() + 1;
                h = std::max(h, ch);
                cards << card;
            }
            m_flow.ensure(h);
            m_flow.place(h, [cards, cardW, gap, pad, h](cairo_t* cr, double x, double y) {
                for (int i = 0; i < cards.size(); ++i) {
                    const double cx = x + i * (cardW + gap);
                    fillRect(cr, cx, y, cardW, h, kStripe);
                    fillRect(cr, cx, y, 2.2, h, kAccent);
                    setColor(cr, kLine);
                    cairo_set_line_width(cr, 0.5);
                    cairo_rectangle(cr, cx, y, cardW, h);
                    cairo_stroke(cr);
                    double cy = y + pad;
                    for (const TextBlock& b : cards[i]) {
                        b.draw(cr, cx + pad + 1, cy);
                        cy += b.height() + 1;
                    }
                }
            });
            m_flow.space(gap);
        }
        m_flow.space(2);
    }

    // A framed box whose text may continue over pages; the frame is drawn around each page's part.
    void box(const BoxLook& look, const QString& body)
    {
        const double pad = 8, w = m_flow.width();
        QList<TextBlock> blocks{m_text.layout(look.tag.toUpper(), style(7.5, true, look.tagColor), w - 2 * pad)};
        for (const QString& p : body.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
            blocks << m_text.layout(p.trimmed(), style(9.5), w - 2 * pad);
        struct Piece
        {
            int block, line;
            double gap, height;
        };
        QList<Piece> pieces;
        for (int b = 0; b < blocks.size(); ++b)
            for (int l = 0; l < blocks[b].lines().size(); ++l)
                pieces.append({b, l, b > 0 && l == 0 ? 4.0 : 0.0, blocks[b].lines()[l].height});
        m_flow.space(4);
        int i = 0;
        while (i < pieces.size()) {
            m_flow.ensure(2 * pad + pieces[i].height + (i + 1 < pieces.size() ? pieces[i + 1].height : 0));
            double h = 0;
            int end = i;
            while (end < pieces.size()
                   && (end == i || h + pieces[end].gap + pieces[end].height + 2 * pad <= m_flow.remaining())) {
                h += (end == i ? 0 : pieces[end].gap) + pieces[end].height;
                ++end;
            }
            const QList<Piece> part = pieces.mid(i, end - i);
            m_flow.place(h + 2 * pad, [blocks, part, look, w, h, pad](cairo_t* cr, double x, double y) {
                fillRect(cr, x, y, w, h + 2 * pad, look.background);
                setColor(cr, look.border);
                cairo_set_line_width(cr, look.dashed ? 1.1 : 0.8);
                if (look.dashed) {
                    const double dash[] = {4, 2.5};
                    cairo_set_dash(cr, dash, 2, 0);
                }
                cairo_rectangle(cr, x, y, w, h + 2 * pad);
                cairo_stroke(cr);
                cairo_set_dash(cr, nullptr, 0, 0);
                double cy = y + pad;
                for (int k = 0; k < part.size(); ++k) {
                    cy += k == 0 ? 0 : part[k].gap;
                    blocks[part[k].block].drawLines(cr, x + pad, cy, part[k].line, part[k].line + 1);
                    cy += part[k].height;
                }
            });
            i = end;
            if (i < pieces.size())
                m_flow.newPage();
        }
        m_flow.space(7);
    }

    void table(const report::ReportTable& t)
    {
        m_flow.space(6);
        if (!t.caption.isEmpty()) {
            const TextBlock caption = m_text.layout(t.caption, style(10, true, kAccent), m_flow.width());
            m_flow.ensure(caption.height() + 3 + std::min(tableHead(m_text, t, m_flow.width()), 120.0));
            text(caption);
            m_flow.space(3);
        }
        if (t.rows.isEmpty()) {
            paragraph(t.emptyText, style(9, false, kMuted, true), 0, 6);
            return;
        }
        placeTable(m_flow, m_text, t);
        m_flow.space(10);
    }

    void chart(const report::ReportChart& c)
    {
        const ChartDrawing d = chartDrawing(c, m_flow.width());
        if (!d.draw)
            return paragraph(QStringLiteral("(The chart “%1” could not be drawn.)").arg(c.title),
                             style(9, false, kMuted, true), 4, 8);
        m_flow.space(6);
        m_flow.ensure(d.height);
        m_flow.place(d.height, d.draw);
        m_flow.space(10);
    }

    void block(const report::ReportBlock& b)
    {
        switch (b.kind) {
        case BlockKind::Heading:
            heading(b.text, b.level);
            break;
        case BlockKind::Paragraph:
        case BlockKind::DataParagraph:
            for (const QString& p : b.text.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
                paragraph(p.trimmed(), style(9.5), 1, 5);
            break;
        case BlockKind::Note:
            paragraph(b.text, style(8, false, kMuted, true), 2, 5);
            break;
        case BlockKind::Bullets:
            bullets(b.items);
            break;
        case BlockKind::Table:
            table(b.table);
            break;
        case BlockKind::KeyFigures:
            figures(b.figures);
            break;
        case BlockKind::Chart:
            chart(b.chart);
            break;
        case BlockKind::CompanyText:
            if (b.placeholder)
                box({QStringLiteral("To be written by the company"), rgb(0xc77700), rgb(0xfff8ec), rgb(0x9a5b00), true},
                    b.text);
            else
                box({QStringLiteral("Statement of the company"), rgb(0xb7c9dc), rgb(0xf3f7fb), kAccent, false}, b.text);
            break;
        case BlockKind::DataGap:
            box({QStringLiteral("Data gap"), rgb(0xb3261e), rgb(0xfbeeee), rgb(0xb3261e), false}, b.text);
            break;
        }
    }

    Flow& m_flow;
    const TextEngine& m_text;
};

} // namespace

void layoutReport(Flow& flow, const TextEngine& text, const report::ReportDocument& doc)
{
    Layouter(flow, text).report(doc);
}

} // namespace vigil::render::pdf
