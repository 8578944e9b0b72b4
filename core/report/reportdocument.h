#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace vigil::report {

// A table of a report. Cells are plain text (renderers escape them).
struct ReportTable
{
    QString caption;
    QStringList header;
    QList<QStringList> rows;
    QList<int> numericColumns; // right-aligned columns
    QString emptyText; // shown instead of an empty table
};

// One key figure ("Suppliers: 207").
struct KeyFigure
{
    QString label;
    QString value;
    QString note;
};

// A chart as data: the renderers draw it (core/report/svgchart.h).
struct ChartSeries
{
    QString name;
    QList<double> values; // one per category
    QString color; // "#rrggbb"
};

struct ReportChart
{
    enum class Type { Bar, StackedBar, Line };
    Type type = Type::Bar;
    QString id;
    QString title;
    QStringList categories;
    QList<ChartSeries> series;
    QString valueLabel; // axis label, e.g. "suppliers"
    bool horizontal = false;
};

enum class BlockKind {
    Heading, // text, level 1..3 inside a section
    Paragraph, // text written by Vigil
    DataParagraph, // text stating figures from the workspace
    Bullets, // items
    Table,
    KeyFigures,
    Chart,
    CompanyText, // text the company wrote (text), or, when placeholder is true, the place where it must write
    DataGap, // a figure the workspace does not hold yet: said so, never invented
    Note // small print
};

struct ReportBlock
{
    BlockKind kind = BlockKind::Paragraph;
    int level = 2;
    QString text;
    QStringList items;
    ReportTable table;
    QList<KeyFigure> figures;
    ReportChart chart;
    bool placeholder = false; // CompanyText: nothing written yet
    QString key; // CompanyText: the text's key in the workspace (statement section id)

    static ReportBlock heading(const QString& text, int level = 3);
    static ReportBlock paragraph(const QString& text);
    static ReportBlock data(const QString& text);
    static ReportBlock bullets(const QStringList& items);
    static ReportBlock makeTable(const ReportTable& table);
    static ReportBlock keyFigures(const QList<KeyFigure>& figures);
    static ReportBlock makeChart(const ReportChart& chart);
    static ReportBlock companyText(const QString& key, const QString& text, const QString& prompt);
    static ReportBlock gap(const QString& text);
    static ReportBlock note(const QString& text);

    // True for blocks whose content comes from the workspace (figures, tables, charts, data text, data gaps).
    bool isFromData() const;
};

struct ReportSection
{
    QString id; // stable id, e.g. "uk_a"
    QString reference; // the law's paragraph, e.g. "s54(5)(a)"
    QString title;
    QString asks; // what the law asks this section to cover
    QList<ReportBlock> blocks;

    bool hasDataBlock() const;
    bool hasCompanyText() const; // a CompanyText block (written or placeholder)
    QString plainText() const; // every text of the section, for tests and search
};

// A dataset the report rests on, as it names it.
struct ReportDataset
{
    QString name;
    QString edition;
    QString publisher;
    QString licence;
    QString source;
};

// A whole report: what every renderer (HTML, PDF, ODT) draws.
struct ReportDocument
{
    QString kind; // "supplier", "portfolio", "statement"
    QString title;
    QString subtitle;
    QString organisation;
    QDateTime generatedAt; // UTC
    QString methodologyName;
    QString methodologyVersion;
    QList<ReportDataset> datasets;
    QList<ReportSection> sections;
    QString confidentiality; // header line, e.g. "Confidential: due-diligence record"
    QString language = QStringLiteral("en");

    // "Generated 2026-11-28 10:40 UTC · Methodology vigil-default 1.0.0"
    QString provenanceLine() const;
    QString plainText() const;
    const ReportSection* section(const QString& id) const;
};

// Text formatting helpers shared by the builders.
QString formatCount(qint64 n); // 10,000
QString formatPercent(double share, int decimals = 0); // 0.253 -> "25%"
QString formatNumber(double v, int decimals = 1);

} // namespace vigil::report
