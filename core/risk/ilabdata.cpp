#include "risk/ilabdata.h"

#include "reference/countries.h"

#include <QFile>
#include <QHash>

namespace vigil {

namespace {

// A small RFC 4180 reader for the two bundled ILAB files (quoted fields, doubled quotes, CRLF or LF).
// Returns false on an unterminated quote.
bool parseCsv(const QString& text, QList<QStringList>& rows)
{
    QStringList row;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    const int n = int(text.size());
    for (int i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"') && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == QLatin1Char(',')) {
            row.append(field);
            field.clear();
            fieldStarted = false;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            row.append(field);
            field.clear();
            fieldStarted = false;
            if (!(row.size() == 1 && row.constFirst().isEmpty()))
                rows.append(row);
            row.clear();
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted)
        return false;
    if (fieldStarted || !row.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return true;
}

struct Table
{
    QList<QStringList> rows;
    QHash<QString, int> columns;
    QString value(int row, const char* column) const
    {
        const int c = columns.value(QLatin1String(column), -1);
        const QStringList& r = rows.at(row);
        return c >= 0 && c < r.size() ? r.at(c).trimmed() : QString();
    }
};

Result<Table> readTable(const QByteArray& csv, const QString& origin, const QStringList& required)
{
    Table t;
    QString text = QString::fromUtf8(csv);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    if (!parseCsv(text, t.rows) || t.rows.isEmpty()) {
        Error e = makeError(QStringLiteral("The ILAB file is damaged (unterminated quote or empty). Reinstall Vigil."));
        e.file = origin;
        return e;
    }
    const QStringList header = t.rows.takeFirst();
    for (int i = 0; i < header.size(); ++i)
        t.columns.insert(header.at(i).trimmed(), i);
    for (const QString& col : required) {
        if (!t.columns.contains(col)) {
            Error e = makeError(QStringLiteral("The ILAB file lacks the column \"%1\". Reinstall Vigil.").arg(col));
            e.file = origin;
            e.row = 1;
            e.field = col;
            return e;
        }
    }
    return t;
}

bool yes(const QString& v)
{
    return v.compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0;
}

void noteUnresolved(QStringList* unresolved, const QString& name)
{
    if (unresolved && !unresolved->contains(name))
        unresolved->append(name);
}

Result<QByteArray> readResource(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        Error e
            = makeError(QStringLiteral("The bundled ILAB data is missing from this build of Vigil."), f.errorString());
        e.file = path;
        return e;
    }
    return f.readAll();
}

} // namespace

namespace ilab {

QString goodsResourcePath()
{
    return QStringLiteral(":/reference/ilab/goods_2021.csv");
}

QString countriesResourcePath()
{
    return QStringLiteral(":/reference/ilab/countries_2021_summary.csv");
}

DatasetInfo goodsDataset(const QDateTime& loadedAt)
{
    DatasetInfo d;
    d.id = QStringLiteral("ilab_goods_2022");
    d.name = QStringLiteral("US DOL ILAB List of Goods Produced by Child Labor or Forced Labor");
    d.edition = QStringLiteral("2022 reporting year (published 2023)");
    d.publisher = QStringLiteral("US Department of Labor, Bureau of International Labor Affairs (ILAB)");
    d.licence = QStringLiteral("Public domain (work of the US federal government, 17 U.S.C. 105)");
    d.source = QStringLiteral("https://www.dol.gov/agencies/ilab/reports/child-labor/list-of-goods; copy from "
                              "github.com/USDepartmentofLabor/Child-Labor-Android (goods_2021.xml)");
    d.loadedAt = loadedAt;
    d.bundled = true;
    return d;
}

DatasetInfo findingsDataset(const QDateTime& loadedAt)
{
    DatasetInfo d;
    d.id = QStringLiteral("ilab_findings_2022");
    d.name = QStringLiteral("US DOL ILAB Findings on the Worst Forms of Child Labor");
    d.edition = QStringLiteral("2022 reporting year (published 2023)");
    d.publisher = QStringLiteral("US Department of Labor, Bureau of International Labor Affairs (ILAB)");
    d.licence = QStringLiteral("Public domain (work of the US federal government, 17 U.S.C. 105)");
    d.source = QStringLiteral("https://www.dol.gov/agencies/ilab/resources/reports/child-labor/findings; copy from "
                              "github.com/USDepartmentofLabor/Child-Labor-Android (countries_2021.xml)");
    d.loadedAt = loadedAt;
    d.bundled = true;
    return d;
}

Status loadGoods(ReferenceData& ref, const QByteArray& csv, const DatasetInfo& dataset, QStringList* unresolved)
{
    auto table = readTable(csv, dataset.id,
                           {QStringLiteral("good"), QStringLiteral("sector"), QStringLiteral("country"),
                            QStringLiteral("child_labor"), QStringLiteral("forced_labor"),
                            QStringLiteral("forced_child_labor")});
    if (!table)
        return table.error();
    ref.addDataset(dataset);
    const Countries& countries = Countries::instance();
    QHash<QString, int> forcedCount;
    QHash<QString, int> childCount;
    for (int i = 0; i < table->rows.size(); ++i) {
        const QString name = table->value(i, "country");
        const auto code = countries.resolve(name);
        if (!code) {
            noteUnresolved(unresolved, name);
            continue;
        }
        GoodListing l;
        l.good = table->value(i, "good");
        l.ilabSector = table->value(i, "sector");
        l.country = *code;
        l.childLabour = yes(table->value(i, "child_labor"));
        l.forcedLabour = yes(table->value(i, "forced_labor"));
        l.forcedChildLabour = yes(table->value(i, "forced_child_labor"));
        l.derived = yes(table->value(i, "derived_labor_exploitation"));
        const QString from = table->value(i, "derived_country");
        if (!from.isEmpty() && !yes(from) && from.compare(QLatin1String("no"), Qt::CaseInsensitive) != 0)
            l.derivedFrom = from;
        l.datasetId = dataset.id;
        if (l.forcedLabour || l.forcedChildLabour)
            forcedCount[*code] += 1;
        if (l.childLabour || l.forcedChildLabour)
            childCount[*code] += 1;
        forcedCount[*code] += 0;
        childCount[*code] += 0;
        ref.addGoodListing(l);
    }
    for (auto it = forcedCount.cbegin(); it != forcedCount.cend(); ++it) {
        ref.addSignal(CountrySignal{it.key(), QStringLiteral("ilab_goods_forced_labour"), QString(), double(it.value()),
                                    dataset.id});
        ref.addSignal(CountrySignal{it.key(), QStringLiteral("ilab_goods_child_labour"), QString(),
                                    double(childCount.value(it.key())), dataset.id});
    }
    return {};
}

Status loadFindings(ReferenceData& ref, const QByteArray& csv, const DatasetInfo& dataset, QStringList* unresolved)
{
    auto table = readTable(csv, dataset.id, {QStringLiteral("country"), QStringLiteral("advancement_level")});
    if (!table)
        return table.error();
    ref.addDataset(dataset);
    const Countries& countries = Countries::instance();
    for (int i = 0; i < table->rows.size(); ++i) {
        const QString name = table->value(i, "country");
        const auto code = countries.resolve(name);
        if (!code) {
            noteUnresolved(unresolved, name);
            continue;
        }
        const QString level = table->value(i, "advancement_level");
        if (level.isEmpty())
            continue;
        ref.addSignal(CountrySignal{*code, QStringLiteral("ilab_advancement"), level, std::nullopt, dataset.id});
    }
    return {};
}

} // namespace ilab

Result<ReferenceData> loadBundledReferenceData(const QDateTime& loadedAt, QStringList* unresolved)
{
    ReferenceData ref;
    const QStringList codes = Countries::instance().codes();
    ref.setKnownCountries(QSet<QString>(codes.cbegin(), codes.cend()));
    auto goods = readResource(ilab::goodsResourcePath());
    if (!goods)
        return goods.error();
    if (auto st = ilab::loadGoods(ref, *goods, ilab::goodsDataset(loadedAt), unresolved); !st)
        return st.error();
    auto findings = readResource(ilab::countriesResourcePath());
    if (!findings)
        return findings.error();
    if (auto st = ilab::loadFindings(ref, *findings, ilab::findingsDataset(loadedAt), unresolved); !st)
        return st.error();
    return ref;
}

} // namespace vigil
