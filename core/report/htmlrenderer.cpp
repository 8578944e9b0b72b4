#include "report/htmlrenderer.h"

#include "report/svgchart.h"
#include "util/savefile.h"

namespace vigil::report {

namespace {

const char* kStyle = R"(
:root { --ink: #1f2d3d; --muted: #5b6670; --line: #d9dee3; --accent: #2f5d8a; }
* { box-sizing: border-box; }
body { font-family: 'Noto Sans', 'Noto Sans Thai', 'Noto Sans Myanmar', 'Noto Sans Bengali', 'Noto Sans CJK SC',
       'Segoe UI', Arial, sans-serif; color: var(--ink); margin: 0; background: #f4f6f8; font-size: 15px;
       line-height: 1.5; }
main, header.cover, footer.end { max-width: 960px; margin: 0 auto; background: #fff; padding: 24px 40px; }
header.cover { border-top: 6px solid var(--accent); padding-top: 32px; }
header.cover .kind { color: var(--muted); text-transform: uppercase; letter-spacing: .08em; font-size: 12px; }
h1 { font-size: 28px; margin: 4px 0 6px; }
h2 { font-size: 21px; border-bottom: 2px solid var(--accent); padding-bottom: 4px; margin-top: 36px; }
h2 .ref { color: var(--accent); font-weight: normal; margin-right: 8px; }
h3 { font-size: 16px; margin: 20px 0 6px; color: var(--accent); }
.subtitle { font-size: 17px; color: var(--muted); margin: 0; }
.meta { font-size: 13px; color: var(--muted); margin-top: 12px; }
.asks { font-style: italic; color: var(--muted); border-left: 3px solid var(--line); padding-left: 10px; }
table { border-collapse: collapse; width: 100%; margin: 10px 0 18px; font-size: 13.5px; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: #eef2f6; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.figures { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; padding: 0; list-style: none; }
.figures li { flex: 1 1 140px; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.figures .value { display: block; font-size: 22px; font-weight: bold; color: var(--accent); }
.figures .label { display: block; font-size: 12.5px; color: var(--muted); }
.figures .note { display: block; font-size: 11.5px; color: var(--muted); }
.company { border: 1px solid #b7c9dc; background: #f3f7fb; border-radius: 6px; padding: 8px 12px; margin: 10px 0; }
.company.todo { border: 2px dashed #c77700; background: #fff8ec; }
.company .tag, .gap .tag { font-size: 11.5px; font-weight: bold; text-transform: uppercase; letter-spacing: .05em; }
.company.todo .tag { color: #9a5b00; }
.gap { border-left: 4px solid #b3261e; background: #fbeeee; padding: 6px 12px; margin: 10px 0; }
.gap .tag { color: #b3261e; }
.note { font-size: 12.5px; color: var(--muted); }
figure { margin: 12px 0 18px; }
figure img { max-width: 100%; height: auto; border: 1px solid var(--line); }
figcaption { font-size: 12.5px; color: var(--muted); }
footer.end { font-size: 12px; color: var(--muted); border-top: 1px solid var(--line); }
@media print { body { background: #fff; } main, header.cover, footer.end { max-width: none; padding: 0; }
  h2 { break-after: avoid; } table, figure { break-inside: avoid; } }
)";

QString esc(const QString& s)
{
    return escapeXml(s);
}

QString paragraphs(const QString& text)
{
    QString out;
    const QStringList parts = text.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
    for (const QString& p : parts) {
        QString body = esc(p.trimmed());
        body.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
        out += QStringLiteral("<p>") + body + QStringLiteral("</p>\n");
    }
    return out;
}

QString table(const ReportTable& t)
{
    if (t.rows.isEmpty() && !t.emptyText.isEmpty()) {
        QString out;
        if (!t.caption.isEmpty())
            out += QStringLiteral("<h3>%1</h3>\n").arg(esc(t.caption));
        return out + QStringLiteral("<p class=\"note\">%1</p>\n").arg(esc(t.emptyText));
    }
    QString out = QStringLiteral("<table>\n");
    if (!t.caption.isEmpty())
        out += QStringLiteral("<caption>%1</caption>\n").arg(esc(t.caption));
    out += QStringLiteral("<thead><tr>");
    for (int c = 0; c < t.header.size(); ++c)
        out += QStringLiteral("<th scope=\"col\"%1>%2</th>")
                   .arg(t.numericColumns.contains(c) ? QStringLiteral(" class=\"num\"") : QString(), esc(t.header[c]));
    out += QStringLiteral("</tr></thead>\n<tbody>\n");
    for (const QStringList& row : t.rows) {
        out += QStringLiteral("<tr>");
        for (int c = 0; c < t.header.size(); ++c)
            out += QStringLiteral("<td%1>%2</td>")
                       .arg(t.numericColumns.contains(c) ? QStringLiteral(" class=\"num\"") : QString(),
                            esc(row.value(c)));
        out += QStringLiteral("</tr>\n");
    }
    return out + QStringLiteral("</tbody>\n</table>\n");
}

QString block(const ReportBlock& b)
{
    switch (b.kind) {
    case BlockKind::Heading:
        return QStringLiteral("<h3>%1</h3>\n").arg(esc(b.text));
    case BlockKind::Paragraph:
    case BlockKind::DataParagraph:
        return paragraphs(b.text);
    case BlockKind::Note:
        return QStringLiteral("<p class=\"note\">%1</p>\n").arg(esc(b.text));
    case BlockKind::Bullets: {
        QString out = QStringLiteral("<ul>\n");
        for (const QString& i : b.items)
            out += QStringLiteral("<li>%1</li>\n").arg(esc(i));
        return out + QStringLiteral("</ul>\n");
    }
    case BlockKind::Table:
        return table(b.table);
    case BlockKind::KeyFigures: {
        QString out = QStringLiteral("<ul class=\"figures\">\n");
        for (const KeyFigure& f : b.figures) {
            out += QStringLiteral("<li><span class=\"value\">%1</span><span class=\"label\">%2</span>")
                       .arg(esc(f.value), esc(f.label));
            if (!f.note.isEmpty())
                out += QStringLiteral("<span class=\"note\">%1</span>").arg(esc(f.note));
            out += QStringLiteral("</li>\n");
        }
        return out + QStringLiteral("</ul>\n");
    }
    case BlockKind::Chart: {
        const QByteArray svg = chartToSvg(b.chart);
        return QStringLiteral("<figure><img src=\"data:image/svg+xml;base64,%1\" width=\"720\" height=\"300\" "
                              "alt=\"%2\"><figcaption>%2</figcaption></figure>\n")
            .arg(QString::fromLatin1(svg.toBase64()), esc(b.chart.title));
    }
    case BlockKind::CompanyText:
        if (b.placeholder)
            return QStringLiteral("<div class=\"company todo\"><span class=\"tag\">To be written by the company</span>"
                                  "\n<p>%1</p></div>\n")
                .arg(esc(b.text));
        return QStringLiteral("<div class=\"company\"><span class=\"tag\">Statement of the company</span>\n%1</div>\n")
            .arg(paragraphs(b.text));
    case BlockKind::DataGap:
        return QStringLiteral("<div class=\"gap\"><span class=\"tag\">Data gap</span>\n<p>%1</p></div>\n")
            .arg(esc(b.text));
    }
    return {};
}

} // namespace

QByteArray renderHtml(const ReportDocument& doc)
{
    QString out;
    out.reserve(64 * 1024);
    out += QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                          "<meta name=\"generator\" content=\"Vigil %2\">\n<title>%3</title>\n<style>%4</style>\n"
                          "</head>\n<body>\n")
               .arg(esc(doc.language), QStringLiteral(VIGIL_VERSION),
                    esc(doc.title + (doc.subtitle.isEmpty() ? QString() : QStringLiteral(" – ") + doc.subtitle)),
                    QString::fromUtf8(kStyle));
    out += QStringLiteral("<header class=\"cover\">\n<p class=\"kind\">%1</p>\n<h1>%2</h1>\n")
               .arg(esc(doc.confidentiality), esc(doc.title));
    if (!doc.subtitle.isEmpty())
        out += QStringLiteral("<p class=\"subtitle\">%1</p>\n").arg(esc(doc.subtitle));
    if (!doc.organisation.isEmpty())
        out += QStringLiteral("<p class=\"subtitle\">%1</p>\n").arg(esc(doc.organisation));
    out += QStringLiteral("<p class=\"meta\">%1</p>\n</header>\n<main>\n").arg(esc(doc.provenanceLine()));
    for (const ReportSection& s : doc.sections) {
        out += QStringLiteral("<section id=\"%1\">\n<h2>").arg(esc(s.id));
        if (!s.reference.isEmpty())
            out += QStringLiteral("<span class=\"ref\">%1</span>").arg(esc(s.reference));
        out += esc(s.title) + QStringLiteral("</h2>\n");
        if (!s.asks.isEmpty())
            out += QStringLiteral("<p class=\"asks\">%1</p>\n").arg(esc(s.asks));
        for (const ReportBlock& b : s.blocks)
            out += block(b);
        out += QStringLiteral("</section>\n");
    }
    out += QStringLiteral("</main>\n<footer class=\"end\"><p>%1</p></footer>\n</body>\n</html>\n")
               .arg(esc(doc.provenanceLine()));
    return out.toUtf8();
}

Status writeHtml(const ReportDocument& doc, const QString& path)
{
    return saveToFile(path, renderHtml(doc));
}

} // namespace vigil::report
