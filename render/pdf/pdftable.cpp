#include "render/pdf/pdftable.h"

#include <cairo.h>

#include <algorithm>
#include <numeric>

namespace vigil::render::pdf {

namespace {

constexpr double kPadX = 5;
constexpr double kPadY = 3.6;
constexpr double kCellSize = 8.5;
constexpr double kHeaderSize = 8;

TextStyle cellStyle(bool header, bool numeric)
{
    TextStyle s;
    s.size = header ? kHeaderSize : kCellSize;
    s.bold = header;
    s.color = header ? kInk : kInk;
    s.align = numeric ? Align::Right : Align::Left;
    s.lineSpacing = 1.0;
    return s;
}

struct Row
{
    QList<TextBlock> cells;
    QList<double> shift; // moves each cell down so that the first lines of all cells share one baseline
    double height = 0;
    bool header = false;
};

// Shares width among columns: what they want when it fits, else their minimum plus a share of the rest in
// proportion to what more they want. The first column (what a row is about: a supplier's name) gets what it wants
// up to two fifths of the width, so that names stay on one line where they can.
QList<double> distribute(const QList<double>& minimum, const QList<double>& wanted, const QList<bool>& stretch,
                         double width, bool keepFirst = true)
{
    const int cols = int(minimum.size());
    const double minSum = std::accumulate(minimum.cbegin(), minimum.cend(), 0.0);
    const double wantSum = std::accumulate(wanted.cbegin(), wanted.cend(), 0.0);
    QList<double> widths(cols, 0);
    const double first
        = std::max(minimum.value(0), std::min({wanted.value(0), width * 0.4, width - (minSum - minimum.value(0))}));
    if (keepFirst && cols > 1 && wantSum > width && minSum < width)
        return QList<double>{first} + distribute(minimum.mid(1), wanted.mid(1), stretch.mid(1), width - first, false);
    if (wantSum <= width) {
        // Room to spare: it goes to the text columns after the first (a key/value table widens its values), or to
        // the first when the others are all numbers.
        double stretchSum = 0;
        for (int c = 0; c < cols; ++c)
            stretchSum += stretch.value(c) ? wanted[c] : 0;
        for (int c = 0; c < cols; ++c)
            widths[c] = wanted[c]
                + (stretchSum > 0 ? (stretch.value(c) ? (width - wantSum) * wanted[c] / stretchSum : 0)
                                  : (width - wantSum) * wanted[c] / wantSum);
        return widths;
    }
    for (int c = 0; c < cols; ++c) {
        if (minSum < width)
            widths[c] = minimum[c] + (wanted[c] - minimum[c]) * (width - minSum) / (wantSum - minSum);
        else
            widths[c] = minimum[c] * width / minSum;
    }
    return widths;
}

QList<double> columnWidths(const TextEngine& text, const report::ReportTable& t, double width)
{
    const int cols = int(t.header.size());
    QList<double> minimum(cols, 0), wanted(cols, 0);
    for (int c = 0; c < cols; ++c) {
        const bool numeric = t.numericColumns.contains(c);
        minimum[c] = text.longestWord(t.header[c], cellStyle(true, numeric));
        wanted[c] = std::max(minimum[c], text.naturalWidth(t.header[c], cellStyle(true, numeric)) * 0.6);
        for (const QStringList& row : t.rows) {
            const QString cell = row.value(c);
            if (cell.isEmpty())
                continue;
            const TextStyle style = cellStyle(false, numeric);
            // A word longer than a third of the page may be broken (identifiers, URLs).
            minimum[c] = std::max(minimum[c], std::min(text.longestWord(cell, style), width / 3));
            wanted[c] = std::max(wanted[c], text.naturalWidth(cell, style));
        }
        minimum[c] += 2 * kPadX + 0.5;
        wanted[c] = std::max(minimum[c], wanted[c] + 2 * kPadX + 0.5);
    }
    QList<bool> stretch(cols, false);
    for (int c = 1; c < cols; ++c)
        stretch[c] = !t.numericColumns.contains(c);
    if (!stretch.contains(true))
        stretch[0] = true;
    return distribute(minimum, wanted, stretch, width);
}

Row makeRow(const TextEngine& text, const QStringList& cells, const QList<double>& widths, const QList<int>& numeric,
            bool header)
{
    Row row;
    row.header = header;
    double baseline = 0;
    for (int c = 0; c < widths.size(); ++c) {
        row.cells << text.layout(cells.value(c), cellStyle(header, numeric.contains(c)), widths[c] - 2 * kPadX);
        if (!row.cells.last().lines().isEmpty())
            baseline = std::max(baseline, row.cells.last().lines().first().baseline);
    }
    for (const TextBlock& b : row.cells) {
        row.shift << (b.lines().isEmpty() ? 0.0 : baseline - b.lines().first().baseline);
        row.height = std::max(row.height, row.shift.last() + b.height());
    }
    row.height += 2 * kPadY;
    return row;
}

// Draws lines [from[c], to[c]) of every cell as one row band of height h.
DrawFn rowDrawer(const Row& row, const QList<double>& widths, QList<int> from, QList<int> to, double h, bool stripe)
{
    return [row, widths, from, to, h, stripe](cairo_t* cr, double x, double y) {
        const double total = std::accumulate(widths.cbegin(), widths.cend(), 0.0);
        if (row.header || stripe) {
            setColor(cr, row.header ? kHeaderFill : kStripe);
            cairo_rectangle(cr, x, y, total, h);
            cairo_fill(cr);
        }
        setColor(cr, row.header ? kAccent : kLine);
        cairo_set_line_width(cr, row.header ? 0.9 : 0.5);
        cairo_move_to(cr, x, y + h);
        cairo_line_to(cr, x + total, y + h);
        cairo_stroke(cr);
        double cx = x;
        for (int c = 0; c < row.cells.size(); ++c) {
            row.cells[c].drawLines(cr, cx + kPadX, y + kPadY + (from[c] == 0 ? row.shift[c] : 0), from[c], to[c]);
            cx += widths[c];
        }
    };
}

QList<int> lineCounts(const Row& row)
{
    QList<int> n;
    for (const TextBlock& b : row.cells)
        n << int(b.lines().size());
    return n;
}

} // namespace

double tableHead(const TextEngine& text, const report::ReportTable& t, double width)
{
    if (t.rows.isEmpty() || t.header.isEmpty())
        return 0;
    const QList<double> widths = columnWidths(text, t, width);
    return makeRow(text, t.header, widths, t.numericColumns, true).height
        + makeRow(text, t.rows.first(), widths, t.numericColumns, false).height;
}

void placeTable(Flow& flow, const TextEngine& text, const report::ReportTable& t)
{
    if (t.header.isEmpty())
        return;
    const QList<double> widths = columnWidths(text, t, flow.width());
    const Row header = makeRow(text, t.header, widths, t.numericColumns, true);
    const QList<int> none(widths.size(), 0);
    const auto placeHeader
        = [&] { flow.place(header.height, rowDrawer(header, widths, none, lineCounts(header), header.height, false)); };
    QList<Row> rows;
    rows.reserve(t.rows.size());
    for (const QStringList& r : t.rows)
        rows << makeRow(text, r, widths, t.numericColumns, false);
    flow.ensure(header.height + (rows.isEmpty() ? 0 : std::min(rows.first().height, flow.bodyHeight() / 2)));
    placeHeader();
    for (int i = 0; i < rows.size(); ++i) {
        const Row& row = rows[i];
        const bool stripe = i % 2 == 1;
        if (row.height > flow.remaining() && row.height + header.height <= flow.bodyHeight()) {
            flow.newPage();
            placeHeader();
        }
        if (row.height <= flow.remaining()) {
            flow.place(row.height, rowDrawer(row, widths, none, lineCounts(row), row.height, stripe));
            continue;
        }
        // Taller than a page: split between lines, as much of every cell as fits on each page.
        QList<int> from(widths.size(), 0);
        const QList<int> count = lineCounts(row);
        for (;;) {
            const double room = flow.remaining() - 2 * kPadY - *std::max_element(row.shift.cbegin(), row.shift.cend());
            QList<int> to = from;
            double h = 0;
            bool progress = false;
            for (int c = 0; c < widths.size(); ++c) {
                while (to[c] < count[c] && row.cells[c].span(from[c], to[c] + 1) <= room)
                    ++to[c];
                if (to[c] == from[c] && to[c] < count[c] && flow.remaining() >= flow.bodyHeight() - header.height)
                    ++to[c]; // a single line taller than the page: drawn anyway, clipped by the page
                progress = progress || to[c] > from[c];
                h = std::max(h, row.cells[c].span(from[c], to[c]) + (from[c] == 0 ? row.shift[c] : 0));
            }
            if (progress)
                flow.place(h + 2 * kPadY, rowDrawer(row, widths, from, to, h + 2 * kPadY, stripe));
            from = to;
            if (from == count)
                break;
            flow.newPage();
            placeHeader();
        }
    }
}

} // namespace vigil::render::pdf
