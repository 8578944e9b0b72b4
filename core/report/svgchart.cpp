#include "report/svgchart.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace vigil::report {

namespace {

QString num(double v)
{
    return QString::number(v, 'f', 1);
}

// A "nice" axis maximum and step for values up to max.
void niceAxis(double max, double& top, double& step)
{
    if (max <= 0) {
        top = 1;
        step = 1;
        return;
    }
    const double rough = max / 4.0;
    const double mag = std::pow(10.0, std::floor(std::log10(rough)));
    const double r = rough / mag;
    step = (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * mag;
    if (step < 1)
        step = 1;
    top = std::ceil(max / step) * step;
}

QString fontFamilyAttr()
{
    QStringList quoted;
    for (const QString& f : reportFontFamilies())
        quoted << QStringLiteral("'%1'").arg(f);
    quoted << QStringLiteral("sans-serif");
    return quoted.join(QStringLiteral(", "));
}

QString text(double x, double y, const QString& s, const QString& anchor = QStringLiteral("start"), int size = 11,
             const QString& fill = QStringLiteral("#333333"), bool bold = false)
{
    return QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"%3\" font-size=\"%4\" fill=\"%5\"%6>%7</text>\n")
        .arg(num(x), num(y), anchor)
        .arg(size)
        .arg(fill, bold ? QStringLiteral(" font-weight=\"bold\"") : QString(), escapeXml(s));
}

QString elide(const QString& s, int max)
{
    return s.size() <= max ? s : s.left(max - 1) + QChar(0x2026);
}

} // namespace

QStringList reportFontFamilies()
{
    return {QStringLiteral("Noto Sans"), QStringLiteral("Noto Sans Thai"), QStringLiteral("Noto Sans Myanmar"),
            QStringLiteral("Noto Sans Bengali"), QStringLiteral("Noto Sans CJK SC")};
}

QString escapeXml(const QString& t)
{
    QString out;
    out.reserve(t.size() + 8);
    for (const QChar c : t) {
        switch (c.unicode()) {
        case '&':
            out += QLatin1String("&amp;");
            break;
        case '<':
            out += QLatin1String("&lt;");
            break;
        case '>':
            out += QLatin1String("&gt;");
            break;
        case '"':
            out += QLatin1String("&quot;");
            break;
        case '\'':
            out += QLatin1String("&#39;");
            break;
        default:
            // Control characters other than tab and line breaks are not allowed in HTML or XML text.
            if (c.unicode() < 0x20 && c != QLatin1Char('\t') && c != QLatin1Char('\n') && c != QLatin1Char('\r'))
                out += QChar(0xFFFD);
            else
                out += c;
        }
    }
    return out;
}

QByteArray chartToSvg(const ReportChart& chart, int width, int height)
{
    QString svg;
    svg += QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.2\" baseProfile=\"tiny\" "
                          "width=\"%1\" height=\"%2\" viewBox=\"0 0 %1 %2\" font-family=\"%3\">\n")
               .arg(width)
               .arg(height)
               .arg(escapeXml(fontFamilyAttr()));
    svg += QStringLiteral("<rect x=\"0\" y=\"0\" width=\"%1\" height=\"%2\" fill=\"#ffffff\"/>\n")
               .arg(width)
               .arg(height);
    svg += text(12, 20, chart.title, QStringLiteral("start"), 13, QStringLiteral("#1f2d3d"), true);

    const int n = int(chart.categories.size());
    const bool stacked = chart.type == ReportChart::Type::StackedBar;
    const bool line = chart.type == ReportChart::Type::Line;
    double max = 0;
    for (int i = 0; i < n; ++i) {
        double sum = 0;
        for (const ChartSeries& s : chart.series) {
            const double v = s.values.value(i);
            sum = stacked ? sum + v : std::max(sum, v);
        }
        max = std::max(max, sum);
    }
    double top = 1, step = 1;
    niceAxis(max, top, step);

    // Legend (only when the series mean something beyond the categories)
    const bool legend = chart.series.size() > 1 && !(stacked && chart.id == QLatin1String("tiers"));
    double lx = 12;
    const double legendY = height - 12;
    if (legend) {
        for (const ChartSeries& s : chart.series) {
            svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"10\" height=\"10\" fill=\"%3\"/>\n")
                       .arg(num(lx), num(legendY - 9), s.color);
            svg += text(lx + 14, legendY, s.name, QStringLiteral("start"), 10);
            lx += 24 + 6.5 * s.name.size();
        }
    }
    if (n == 0) {
        svg += text(width / 2.0, height / 2.0, QStringLiteral("No data"), QStringLiteral("middle"), 12,
                    QStringLiteral("#777777"));
        svg += QStringLiteral("</svg>\n");
        return svg.toUtf8();
    }

    if (chart.horizontal) {
        // Horizontal stacked bars: categories down the left.
        int labelWidth = 0;
        for (const QString& c : chart.categories)
            labelWidth = std::max(labelWidth, int(std::min<qsizetype>(c.size(), 26)));
        const double left = 16 + labelWidth * 6.2, right = width - 24.0, plotTop = 34,
                     plotBottom = height - (legend ? 34.0 : 20.0);
        const double band = (plotBottom - plotTop) / n;
        const double barH = std::min(22.0, band * 0.7);
        for (double v = 0; v <= top + 1e-9; v += step) {
            const double x = left + (right - left) * v / top;
            svg += QStringLiteral(
                       "<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"#e3e6ea\" stroke-width=\"1\"/>\n")
                       .arg(num(x), num(plotTop), num(plotBottom));
            svg += text(x, plotBottom + 12, QString::number(v, 'f', 0), QStringLiteral("middle"), 9,
                        QStringLiteral("#666666"));
        }
        for (int i = 0; i < n; ++i) {
            const double y = plotTop + band * i + (band - barH) / 2;
            svg += text(left - 6, y + barH / 2 + 4, elide(chart.categories[i], 26), QStringLiteral("end"), 10);
            double x = left;
            for (const ChartSeries& s : chart.series) {
                const double w = (right - left) * s.values.value(i) / top;
                if (w <= 0)
                    continue;
                svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"/>\n")
                           .arg(num(x), num(y), num(w), num(barH), s.color);
                x += w;
            }
        }
        svg += QStringLiteral("</svg>\n");
        return svg.toUtf8();
    }

    const double left = 48, right = width - 16.0, plotTop = 34, plotBottom = height - (legend ? 44.0 : 30.0);
    for (double v = 0; v <= top + 1e-9; v += step) {
        const double y = plotBottom - (plotBottom - plotTop) * v / top;
        svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#e3e6ea\" stroke-width=\"1\"/>\n")
                   .arg(num(left), num(y), num(right));
        svg += text(left - 6, y + 4, QString::number(v, 'f', 0), QStringLiteral("end"), 9, QStringLiteral("#666666"));
    }
    if (!chart.valueLabel.isEmpty())
        svg += text(left, plotTop - 6, chart.valueLabel, QStringLiteral("start"), 9, QStringLiteral("#666666"));
    const double band = (right - left) / n;
    const int labelEvery = std::max(1, int(std::ceil(n * 60.0 / (right - left))));
    for (int i = 0; i < n; ++i) {
        if (i % labelEvery == 0)
            svg += text(left + band * i + band / 2, plotBottom + 14, elide(chart.categories[i], int(band / 6) + 3),
                        QStringLiteral("middle"), 10);
    }
    if (line) {
        for (const ChartSeries& s : chart.series) {
            QStringList points;
            for (int i = 0; i < n; ++i) {
                const double x = left + band * i + band / 2;
                const double y = plotBottom - (plotBottom - plotTop) * s.values.value(i) / top;
                points << num(x) + QLatin1Char(',') + num(y);
            }
            svg += QStringLiteral("<polyline points=\"%1\" fill=\"none\" stroke=\"%2\" stroke-width=\"2.5\"/>\n")
                       .arg(points.join(QLatin1Char(' ')), s.color);
            for (const QString& p : std::as_const(points))
                svg += QStringLiteral("<circle cx=\"%1\" cy=\"%2\" r=\"3\" fill=\"%3\"/>\n")
                           .arg(p.section(QLatin1Char(','), 0, 0), p.section(QLatin1Char(','), 1, 1), s.color);
        }
    } else {
        const int groups = stacked ? 1 : int(chart.series.size());
        const double barW = std::min(56.0, band * 0.7 / std::max(1, groups));
        for (int i = 0; i < n; ++i) {
            double base = plotBottom;
            double total = 0;
            for (int k = 0; k < chart.series.size(); ++k) {
                const ChartSeries& s = chart.series[k];
                const double v = s.values.value(i);
                const double h = (plotBottom - plotTop) * v / top;
                const double x = left + band * i + (band - barW * groups) / 2 + (stacked ? 0 : barW * k);
                if (h > 0) {
                    const double y = stacked ? base - h : plotBottom - h;
                    svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"/>\n")
                               .arg(num(x), num(y), num(barW), num(h), s.color);
                    if (stacked)
                        base -= h;
                    else
                        svg += text(x + barW / 2, y - 4, QString::number(v, 'f', 0), QStringLiteral("middle"), 9);
                }
                total += v;
            }
            if (stacked)
                svg += text(left + band * i + band / 2, base - 4, QString::number(total, 'f', 0),
                            QStringLiteral("middle"), 10, QStringLiteral("#333333"), true);
        }
    }
    svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#8a939c\" stroke-width=\"1\"/>\n")
               .arg(num(left), num(plotBottom), num(right));
    svg += QStringLiteral("</svg>\n");
    return svg.toUtf8();
}

} // namespace vigil::report
