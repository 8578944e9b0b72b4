#include "report/reportdocument.h"

#include <QLocale>

namespace vigil::report {

ReportBlock ReportBlock::heading(const QString& text, int level)
{
    ReportBlock b;
    b.kind = BlockKind::Heading;
    b.text = text;
    b.level = level;
    return b;
}

ReportBlock ReportBlock::paragraph(const QString& text)
{
    ReportBlock b;
    b.kind = BlockKind::Paragraph;
    b.text = text;
    return b;
}

ReportBlock ReportBlock::data(const QString& text)
{
    ReportBlock b;
    b.kind = BlockKind::DataParagraph;
    b.text = text;
    return b;
}

ReportBlock ReportBlock::bullets(const QStringList& items)
{
    ReportBlock b;
    b.kind = BlockKind::Bullets;
    b.items = items;
    return b;
}

ReportBlock ReportBlock::makeTable(const ReportTable& table)
{
    ReportBlock b;
    b.kind = BlockKind::Table;
    b.table = table;
    return b;
}

ReportBlock ReportBlock::keyFigures(const QList<KeyFigure>& figures)
{
    ReportBlock b;
    b.kind = BlockKind::KeyFigures;
    b.figures = figures;
    return b;
}

ReportBlock ReportBlock::makeChart(const ReportChart& chart)
{
    ReportBlock b;
    b.kind = BlockKind::Chart;
    b.chart = chart;
    return b;
}

ReportBlock ReportBlock::companyText(const QString& key, const QString& text, const QString& prompt)
{
    ReportBlock b;
    b.kind = BlockKind::CompanyText;
    b.key = key;
    b.placeholder = text.trimmed().isEmpty();
    b.text = b.placeholder ? prompt : text;
    return b;
}

ReportBlock ReportBlock::gap(const QString& text)
{
    ReportBlock b;
    b.kind = BlockKind::DataGap;
    b.text = text;
    return b;
}

ReportBlock ReportBlock::note(const QString& text)
{
    ReportBlock b;
    b.kind = BlockKind::Note;
    b.text = text;
    return b;
}

bool ReportBlock::isFromData() const
{
    switch (kind) {
    case BlockKind::DataParagraph:
    case BlockKind::Table:
    case BlockKind::KeyFigures:
    case BlockKind::Chart:
    case BlockKind::DataGap:
        return true;
    default:
        return false;
    }
}

bool ReportSection::hasDataBlock() const
{
    for (const ReportBlock& b : blocks)
        if (b.isFromData())
            return true;
    return false;
}

bool ReportSection::hasCompanyText() const
{
    for (const ReportBlock& b : blocks)
        if (b.kind == BlockKind::CompanyText)
            return true;
    return false;
}

QString ReportSection::plainText() const
{
    QStringList parts{reference, title};
    for (const ReportBlock& b : blocks) {
        parts << b.text << b.items;
        parts << b.table.caption << b.table.header;
        for (const QStringList& row : b.table.rows)
            parts << row;
        for (const KeyFigure& f : b.figures)
            parts << f.label << f.value << f.note;
        if (b.kind == BlockKind::Chart)
            parts << b.chart.title << b.chart.categories;
    }
    parts.removeAll(QString());
    return parts.join(QLatin1Char('\n'));
}

QString ReportDocument::provenanceLine() const
{
    return QStringLiteral("Generated %1 UTC · Methodology %2 %3")
        .arg(generatedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")), methodologyName, methodologyVersion);
}

QString ReportDocument::plainText() const
{
    QStringList parts{title, subtitle, organisation, provenanceLine()};
    for (const ReportSection& s : sections)
        parts << s.plainText();
    for (const ReportDataset& d : datasets)
        parts << d.name << d.edition << d.licence;
    return parts.join(QLatin1Char('\n'));
}

const ReportSection* ReportDocument::section(const QString& id) const
{
    for (const ReportSection& s : sections)
        if (s.id == id)
            return &s;
    return nullptr;
}

QString formatCount(qint64 n)
{
    static const QLocale c(QLocale::English, QLocale::UnitedStates);
    return c.toString(n);
}

QString formatPercent(double share, int decimals)
{
    return QString::number(share * 100.0, 'f', decimals) + QLatin1Char('%');
}

QString formatNumber(double v, int decimals)
{
    return QString::number(v, 'f', decimals);
}

} // namespace vigil::report
