#include "render/textdocumentbuilder.h"

#include "render/chartimage.h"
#include "render/reportfonts.h"
#include "report/svgchart.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextList>
#include <QTextTable>
#include <QUrl>

#include <algorithm>

namespace vigil::render {

namespace {

const QColor kInk(0x1f, 0x2d, 0x3d);
const QColor kMuted(0x5b, 0x66, 0x70);
const QColor kAccent(0x2f, 0x5d, 0x8a);
const QColor kLine(0xd9, 0xde, 0xe3);

class Builder
{
public:
    Builder(QTextDocument& doc, qreal unit, qreal width, bool odt)
        : m_doc(doc)
        , m_cursor(&doc)
        , m_unit(unit)
        , m_width(width)
        , m_odt(odt)
    {
    }

    void build(const report::ReportDocument& d)
    {
        QTextBlockFormat first;
        first.setBottomMargin(2 * m_unit);
        m_cursor.setBlockFormat(first);
        m_cursor.setCharFormat(charFormat(8.5, false, kMuted));
        m_cursor.insertText(d.confidentiality.toUpper());
        paragraph(d.title, 22, true, kInk, 4, 2);
        if (!d.subtitle.isEmpty())
            paragraph(d.subtitle, 12.5, false, kMuted, 0, 2);
        if (!d.organisation.isEmpty())
            paragraph(d.organisation, 12.5, true, kInk, 0, 2);
        paragraph(d.provenanceLine(), 8.5, false, kMuted, 4, 2);
        rule(0, 8);
        for (const report::ReportSection& s : d.sections)
            section(s);
    }

private:
    QTextCharFormat charFormat(qreal pt, bool bold, const QColor& color, bool italic = false) const
    {
        QTextCharFormat f;
        f.setFont(reportFont(pt, bold));
        f.setFontFamilies(report::reportFontFamilies());
        f.setForeground(color);
        f.setFontItalic(italic);
        return f;
    }

    void paragraph(const QString& text, qreal pt, bool bold, const QColor& color, qreal top, qreal bottom,
                   bool italic = false, Qt::Alignment align = Qt::AlignLeft, bool keepWithNext = false)
    {
        QTextBlockFormat bf;
        if (keepWithNext)
            bf.setProperty(kKeepWithNextProperty, true);
        bf.setTopMargin(top * m_unit);
        bf.setBottomMargin(bottom * m_unit);
        bf.setAlignment(align);
        bf.setLineHeight(118, QTextBlockFormat::ProportionalHeight);
        m_cursor.insertBlock(bf, charFormat(pt, bold, color, italic));
        m_cursor.insertText(text);
    }

    // A horizontal line (the layout draws a block's trailing ruler across the text width).
    void rule(qreal top, qreal bottom)
    {
        if (m_odt)
            return; // word processors draw the ruler block as a thick bar; headings stand on their own there
        QTextBlockFormat bf;
        bf.setTopMargin(top * m_unit);
        bf.setBottomMargin(bottom * m_unit);
        bf.setProperty(QTextFormat::BlockTrailingHorizontalRulerWidth, QTextLength(QTextLength::PercentageLength, 100));
        bf.setForeground(kAccent);
        bf.setBackground(kAccent);
        QTextCharFormat cf = charFormat(2, false, kAccent);
        m_cursor.insertBlock(bf, cf);
    }

    void section(const report::ReportSection& s)
    {
        QTextBlockFormat bf;
        bf.setTopMargin(16 * m_unit);
        bf.setBottomMargin(4 * m_unit);
        bf.setProperty(kKeepWithNextProperty, true);
        QTextCharFormat cf = charFormat(15, true, kInk);
        m_cursor.insertBlock(bf, cf);
        if (!s.reference.isEmpty()) {
            m_cursor.insertText(s.reference + QStringLiteral("  "), charFormat(15, false, kAccent));
        }
        m_cursor.insertText(s.title, cf);
        rule(0, 4);
        if (!s.asks.isEmpty())
            paragraph(s.asks, 9, false, kMuted, 2, 4, true);
        for (const report::ReportBlock& b : s.blocks)
            block(b);
    }

    void boxed(const QString& tag, const QString& text, const QColor& border, const QColor& background,
               const QColor& tagColor, Qt::PenStyle style = Qt::SolidLine)
    {
        if (m_odt) {
            // ODT: a one-cell table with one paragraph keeps the box's colour in word processors.
            QTextTableFormat tf;
            tf.setBorder(1.0 * m_unit);
            tf.setBorderBrush(border);
            tf.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
            tf.setCellSpacing(0);
            tf.setCellPadding(5 * m_unit);
            tf.setBackground(background);
            tf.setWidth(QTextLength(QTextLength::PercentageLength, 100));
            tf.setTopMargin(4 * m_unit);
            tf.setBottomMargin(6 * m_unit);
            QTextTable* table = m_cursor.insertTable(1, 1, tf);
            QTextCursor c = table->cellAt(0, 0).firstCursorPosition();
            c.insertText(tag.toUpper(), charFormat(7.5, true, tagColor));
            c.insertText(QString(QChar::LineSeparator), charFormat(9.5, false, kInk));
            QString body = text.trimmed();
            body.replace(QStringLiteral("\n\n"), QString(QChar::LineSeparator) + QChar::LineSeparator);
            body.replace(QLatin1Char('\n'), QChar::LineSeparator);
            c.insertText(body, charFormat(9.5, false, kInk));
            m_cursor.movePosition(QTextCursor::End);
            return;
        }
        QTextFrameFormat ff;
        ff.setBorder(style == Qt::DashLine ? 1.6 * m_unit : 1.0 * m_unit);
        ff.setBorderBrush(border);
        ff.setBorderStyle(style == Qt::DashLine ? QTextFrameFormat::BorderStyle_Dashed
                                                : QTextFrameFormat::BorderStyle_Solid);
        ff.setBackground(background);
        ff.setPadding(6 * m_unit);
        ff.setTopMargin(4 * m_unit);
        ff.setBottomMargin(6 * m_unit);
        m_cursor.insertFrame(ff);
        QTextBlockFormat bf;
        m_cursor.setBlockFormat(bf);
        m_cursor.setCharFormat(charFormat(7.5, true, tagColor));
        m_cursor.insertText(tag.toUpper());
        const QStringList parts = text.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
        for (const QString& p : parts) {
            QTextBlockFormat pb;
            pb.setTopMargin(2 * m_unit);
            m_cursor.insertBlock(pb, charFormat(9.5, false, kInk));
            m_cursor.insertText(p.trimmed());
        }
        m_cursor.movePosition(QTextCursor::End);
    }

    void table(const report::ReportTable& t)
    {
        if (!t.caption.isEmpty())
            paragraph(t.caption, 10, true, kAccent, 6, 2, false, Qt::AlignLeft, true);
        if (t.rows.isEmpty()) {
            paragraph(t.emptyText, 9, false, kMuted, 0, 4, true);
            return;
        }
        QTextTableFormat tf;
        tf.setBorder(0.5 * m_unit);
        tf.setBorderBrush(kLine);
        tf.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        tf.setCellSpacing(0);
        tf.setBorderCollapse(true);
        tf.setCellPadding(3 * m_unit);
        tf.setHeaderRowCount(1);
        tf.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        tf.setTopMargin(2 * m_unit);
        tf.setBottomMargin(8 * m_unit);
        const int cols = int(t.header.size());
        // Column widths: every column gets at least its longest header word, then the rest of the width goes
        // where the text is long (lengths in 96-dpi pixels: about 6 per character at 8.5 pt, plus padding).
        const qreal perChar = 6.6, padding = 6 * m_unit + 4;
        QList<qreal> minimum, wanted;
        qreal minSum = 0, wantSum = 0;
        for (int c = 0; c < cols; ++c) {
            qsizetype word = 0;
            for (const QString& w : t.header[c].split(QLatin1Char(' ')))
                word = std::max(word, w.size());
            qsizetype longest = word;
            for (const QStringList& row : t.rows) {
                longest = std::max(longest, row.value(c).size());
                for (const QString& w : row.value(c).split(QLatin1Char(' ')))
                    word = std::max(word, std::min<qsizetype>(w.size(), 16));
            }
            minimum << word * perChar + padding;
            wanted << std::max(minimum.last(), std::min<qsizetype>(longest, 40) * perChar + padding);
            minSum += minimum.last();
            wantSum += wanted.last();
        }
        QList<QTextLength> widths;
        for (int c = 0; c < cols; ++c) {
            qreal w = 0;
            if (wantSum <= m_width)
                w = wanted[c] * m_width / wantSum;
            else if (minSum < m_width)
                w = minimum[c] + (wanted[c] - minimum[c]) * (m_width - minSum) / (wantSum - minSum);
            else
                w = minimum[c] * m_width / minSum;
            widths << QTextLength(QTextLength::PercentageLength, 100 * w / m_width);
        }
        tf.setColumnWidthConstraints(widths);
        QTextTable* table = m_cursor.insertTable(int(t.rows.size()) + 1, cols, tf);
        for (int c = 0; c < cols; ++c) {
            QTextTableCell cell = table->cellAt(0, c);
            QTextCharFormat ccf = cell.format();
            ccf.setBackground(QColor(0xee, 0xf2, 0xf6));
            cell.setFormat(ccf);
            cellText(cell, t.header[c], true, t.numericColumns.contains(c));
        }
        for (int r = 0; r < t.rows.size(); ++r)
            for (int c = 0; c < cols; ++c)
                cellText(table->cellAt(r + 1, c), t.rows[r].value(c), false, t.numericColumns.contains(c));
        m_cursor.movePosition(QTextCursor::End);
    }

    void cellText(const QTextTableCell& cell, const QString& text, bool header, bool numeric)
    {
        QTextCursor c = cell.firstCursorPosition();
        QTextBlockFormat bf;
        bf.setAlignment(numeric ? Qt::AlignRight : Qt::AlignLeft);
        c.setBlockFormat(bf);
        c.insertText(text, charFormat(8.5, header, kInk));
    }

    void figures(const QList<report::KeyFigure>& list)
    {
        if (list.isEmpty())
            return;
        if (m_odt) {
            // ODT: a plain two-column table (word processors mangle cells holding several paragraphs).
            report::ReportTable t{{}, {QStringLiteral("Figure"), QStringLiteral("Value")}, {}, {1}, {}};
            for (const report::KeyFigure& f : list)
                t.rows << QStringList{f.label + (f.note.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(f.note)),
                                      f.value};
            table(t);
            return;
        }
        QTextTableFormat tf;
        tf.setBorder(0.6 * m_unit);
        tf.setBorderBrush(kLine);
        tf.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        tf.setCellSpacing(0);
        tf.setBorderCollapse(true);
        tf.setCellPadding(5 * m_unit);
        tf.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        tf.setTopMargin(4 * m_unit);
        tf.setBottomMargin(6 * m_unit);
        const int perRow = std::min<int>(int(list.size()), list.size() == 4 ? 4 : 3);
        const int rows = (int(list.size()) + perRow - 1) / perRow;
        QTextTable* table = m_cursor.insertTable(rows, perRow, tf);
        for (int i = 0; i < list.size(); ++i) {
            QTextCursor c = table->cellAt(i / perRow, i % perRow).firstCursorPosition();
            c.insertText(list[i].value, charFormat(15, true, kAccent));
            c.insertBlock(QTextBlockFormat(), charFormat(8, false, kMuted));
            c.insertText(list[i].label);
            if (!list[i].note.isEmpty()) {
                c.insertBlock(QTextBlockFormat(), charFormat(7.5, false, kMuted, true));
                c.insertText(list[i].note);
            }
        }
        m_cursor.movePosition(QTextCursor::End);
    }

    void chart(const report::ReportChart& chart)
    {
        const QImage image = chartImage(chart, 2.5);
        const QString name = QStringLiteral("chart://%1/%2").arg(chart.id).arg(++m_charts);
        m_doc.addResource(QTextDocument::ImageResource, QUrl(name), image);
        QTextBlockFormat bf;
        bf.setAlignment(Qt::AlignCenter);
        bf.setTopMargin(4 * m_unit);
        bf.setBottomMargin(8 * m_unit);
        m_cursor.insertBlock(bf);
        QTextImageFormat imf;
        imf.setName(name);
        const qreal w = std::min(m_width, 460 * m_unit);
        imf.setWidth(w);
        imf.setHeight(w * image.height() / image.width());
        m_cursor.insertImage(imf);
    }

    void block(const report::ReportBlock& b)
    {
        using report::BlockKind;
        switch (b.kind) {
        case BlockKind::Heading:
            paragraph(b.text, 11, true, kAccent, 8, 2, false, Qt::AlignLeft, true);
            break;
        case BlockKind::Paragraph:
        case BlockKind::DataParagraph:
            for (const QString& p : b.text.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
                paragraph(p.trimmed(), 9.5, false, kInk, 2, 4);
            break;
        case BlockKind::Note:
            paragraph(b.text, 8, false, kMuted, 2, 4, true);
            break;
        case BlockKind::Bullets: {
            QTextListFormat lf;
            lf.setStyle(QTextListFormat::ListDisc);
            lf.setIndent(1);
            QTextList* list = nullptr;
            for (const QString& item : b.items) {
                QTextBlockFormat bf;
                bf.setBottomMargin(1.5 * m_unit);
                m_cursor.insertBlock(bf, charFormat(9.5, false, kInk));
                if (!list)
                    list = m_cursor.createList(lf);
                else
                    list->add(m_cursor.block());
                m_cursor.insertText(item);
            }
            break;
        }
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
                boxed(QStringLiteral("To be written by the company"), b.text, QColor(0xc7, 0x77, 0x00),
                      QColor(0xff, 0xf8, 0xec), QColor(0x9a, 0x5b, 0x00), Qt::DashLine);
            else
                boxed(QStringLiteral("Statement of the company"), b.text, QColor(0xb7, 0xc9, 0xdc),
                      QColor(0xf3, 0xf7, 0xfb), kAccent);
            break;
        case BlockKind::DataGap:
            boxed(QStringLiteral("Data gap"), b.text, QColor(0xb3, 0x26, 0x1e), QColor(0xfb, 0xee, 0xee),
                  QColor(0xb3, 0x26, 0x1e));
            break;
        }
    }

    QTextDocument& m_doc;
    QTextCursor m_cursor;
    qreal m_unit;
    qreal m_width;
    bool m_odt = false;
    int m_charts = 0;
};

} // namespace

std::unique_ptr<QTextDocument> buildTextDocument(const report::ReportDocument& doc, qreal unit, qreal bodyWidth,
                                                 bool forOdt)
{
    auto text = std::make_unique<QTextDocument>();
    text->setDefaultFont(reportFont(9.5));
    text->setDocumentMargin(0);
    text->setUndoRedoEnabled(false);
    text->setMetaInformation(QTextDocument::DocumentTitle, doc.title);
    Builder(*text, unit, bodyWidth, forOdt).build(doc);
    return text;
}

} // namespace vigil::render
