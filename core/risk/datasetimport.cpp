#include "risk/datasetimport.h"

#include "io/tablereader.h"
#include "reference/countries.h"

#include <QFileInfo>
#include <QMap>

#include <cmath>

namespace vigil {

namespace {

struct FormatInfo
{
    DatasetFormat format;
    const char* id;
};

const FormatInfo kFormats[] = {{DatasetFormat::TipTiers, "tip"},
                               {DatasetFormat::GlobalSlaveryIndex, "gsi"},
                               {DatasetFormat::ItucRights, "ituc"},
                               {DatasetFormat::CompanyCountryRisk, "company-country"},
                               {DatasetFormat::CompanySectorRisk, "company-sector"}};

// "Country / Territory" -> "countryterritory"
QString headerKey(const QString& text)
{
    QString key;
    for (QChar c : text.toCaseFolded()) {
        if (c.isLetterOrNumber())
            key += c;
    }
    return key;
}

// The first column whose key equals one of `exact`, else contains one of `partial`; -1 if none.
int findColumn(const QStringList& keys, std::initializer_list<const char*> exact,
               std::initializer_list<const char*> partial = {})
{
    for (const char* e : exact) {
        const int i = int(keys.indexOf(QLatin1String(e)));
        if (i >= 0)
            return i;
    }
    for (const char* p : partial) {
        for (int i = 0; i < keys.size(); ++i) {
            if (keys.at(i).contains(QLatin1String(p)))
                return i;
        }
    }
    return -1;
}

Error cellError(const QString& file, qint64 row, int column, const QString& field, const QString& message)
{
    Error e = makeError(message);
    e.file = file;
    e.row = row;
    e.column = column >= 0 ? column + 1 : -1;
    e.field = field;
    return e;
}

// A number written as "5.7", "5,7" or "5.7 per 1,000".
std::optional<double> readNumber(QString text)
{
    text = text.trimmed();
    text.remove(QStringLiteral("per 1,000"), Qt::CaseInsensitive);
    text.remove(QStringLiteral("per 1000"), Qt::CaseInsensitive);
    text = text.trimmed();
    if (text.count(QLatin1Char(',')) == 1 && !text.contains(QLatin1Char('.')))
        text.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double v = text.toDouble(&ok);
    return ok && std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

std::optional<QString> readRiskLabel(const QString& text, int maxNumber)
{
    const QString key = text.toCaseFolded().simplified();
    static const QStringList words{QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"),
                                   QStringLiteral("very high"), QStringLiteral("critical")};
    if (words.contains(key))
        return key;
    if (key == QLatin1String("med"))
        return QStringLiteral("medium");
    bool ok = false;
    const int n = key.toInt(&ok);
    if (ok && n >= 1 && n <= maxNumber)
        return QString::number(n);
    return std::nullopt;
}

} // namespace

std::optional<DatasetFormat> datasetFormatFromId(const QString& id)
{
    for (const auto& f : kFormats) {
        if (id.compare(QLatin1String(f.id), Qt::CaseInsensitive) == 0)
            return f.format;
    }
    return std::nullopt;
}

QString datasetFormatId(DatasetFormat format)
{
    for (const auto& f : kFormats) {
        if (f.format == format)
            return QLatin1String(f.id);
    }
    return {};
}

QStringList datasetFormatIds()
{
    QStringList ids;
    for (const auto& f : kFormats)
        ids << QLatin1String(f.id);
    return ids;
}

Result<DatasetImport> parseDatasetTable(DatasetFormat format, const QStringList& header, const QList<QStringList>& rows,
                                        const QString& fileName, qint64 firstDataRow)
{
    QStringList keys;
    for (const QString& h : header)
        keys << headerKey(h);
    const int country = findColumn(
        keys, {"country", "countryname", "countryterritory", "nation", "iso2", "iso", "iso3", "countrycode", "code"},
        {"country"});
    const int year = findColumn(keys, {"year", "reportyear", "edition"}, {"year"});
    const int sector = findColumn(keys, {"sector", "industry", "sectorname"}, {"sector"});
    int value = -1;
    int vulnerability = -1;
    QString valueName;
    switch (format) {
    case DatasetFormat::TipTiers:
        value = findColumn(keys, {"tier", "tiptier", "tierplacement", "ranking"}, {"tier"});
        valueName = QStringLiteral("tier");
        break;
    case DatasetFormat::GlobalSlaveryIndex:
        value = findColumn(keys, {"prevalence", "prevalenceper1000", "prevalenceper1000population"}, {"prevalence"});
        vulnerability
            = findColumn(keys, {"vulnerability", "vulnerabilityscore", "totalvulnerabilityscore"}, {"vulnerability"});
        valueName = QStringLiteral("prevalence per 1,000");
        break;
    case DatasetFormat::ItucRights:
        value = findColumn(keys, {"rating", "itucrating", "score", "globalrightsindex"}, {"rating"});
        valueName = QStringLiteral("rating");
        break;
    case DatasetFormat::CompanyCountryRisk:
    case DatasetFormat::CompanySectorRisk:
        value = findColumn(keys, {"risk", "risklevel", "rating", "score", "riskrating"}, {"risk"});
        valueName = QStringLiteral("risk");
        break;
    }
    const bool bySector = format == DatasetFormat::CompanySectorRisk;
    const auto missing = [&](const QString& what) -> Error {
        Error e = makeError(
            QStringLiteral("The file has no \"%1\" column. Name the column \"%1\" in the header row.").arg(what));
        e.file = fileName;
        e.row = firstDataRow - 1;
        e.field = what;
        return e;
    };
    if (bySector && sector < 0)
        return missing(QStringLiteral("sector"));
    if (!bySector && country < 0)
        return missing(QStringLiteral("country"));
    if (value < 0 && vulnerability < 0)
        return missing(valueName);

    DatasetImport out;
    const Countries& countries = Countries::instance();
    struct Kept
    {
        int year = 0;
        QList<CountrySignal> signalList;
    };
    QMap<QString, Kept> latest; // country -> the signals of its latest year
    const auto cell
        = [](const QStringList& row, int i) { return i >= 0 && i < row.size() ? row.at(i).trimmed() : QString(); };
    for (int r = 0; r < rows.size(); ++r) {
        const QStringList& row = rows.at(r);
        const qint64 fileRow = firstDataRow + r;
        if (std::all_of(row.cbegin(), row.cend(), [](const QString& c) { return c.trimmed().isEmpty(); }))
            continue;
        ++out.rowsRead;
        QString code;
        const QString countryText = cell(row, country);
        if (!countryText.isEmpty()) {
            const auto resolved = countries.resolve(countryText);
            if (!resolved) {
                out.problems << cellError(fileName, fileRow, country, QStringLiteral("country"),
                                          QStringLiteral("\"%1\" is not a country Vigil knows: row skipped. Use the "
                                                         "country's name or ISO code.")
                                              .arg(countryText));
                continue;
            }
            code = *resolved;
        } else if (!bySector) {
            out.problems << cellError(fileName, fileRow, country, QStringLiteral("country"),
                                      QStringLiteral("The country is empty: row skipped."));
            continue;
        }
        if (bySector) {
            const QString sectorText = cell(row, sector);
            const auto label = readRiskLabel(cell(row, value), 4);
            if (sectorText.isEmpty() || !label) {
                out.problems << cellError(fileName, fileRow, sectorText.isEmpty() ? sector : value,
                                          sectorText.isEmpty() ? QStringLiteral("sector") : valueName,
                                          QStringLiteral("A sector and a risk (Low, Medium, High, Very high or 1-4) "
                                                         "are needed: row skipped."));
                continue;
            }
            out.sectorSignals << SectorSignal{sectorText, code, *label, QString()};
            continue;
        }
        // Latest year wins when a country appears for several years.
        int y = 0;
        if (year >= 0) {
            bool ok = false;
            y = cell(row, year).left(4).toInt(&ok);
            if (!ok)
                y = 0;
        }
        QList<CountrySignal> found;
        const QString raw = cell(row, value);
        switch (format) {
        case DatasetFormat::TipTiers:
            if (const auto t = normalizeTipTier(raw))
                found << CountrySignal{code, QStringLiteral("tip_tier"), *t, std::nullopt, QString()};
            break;
        case DatasetFormat::ItucRights:
            if (const auto t = normalizeItucRating(raw))
                found << CountrySignal{code, QStringLiteral("ituc_rating"), *t, std::nullopt, QString()};
            break;
        case DatasetFormat::GlobalSlaveryIndex:
            if (const auto p = readNumber(raw); p && *p >= 0)
                found << CountrySignal{code, QStringLiteral("gsi_prevalence"), QString(), *p, QString()};
            if (const auto v = readNumber(cell(row, vulnerability)); v && *v >= 0 && *v <= 100)
                found << CountrySignal{code, QStringLiteral("gsi_vulnerability"), QString(), *v, QString()};
            break;
        case DatasetFormat::CompanyCountryRisk:
            if (const auto l = readRiskLabel(raw, 6))
                found << CountrySignal{code, QStringLiteral("company_country_risk"), *l, std::nullopt, QString()};
            break;
        case DatasetFormat::CompanySectorRisk:
            break;
        }
        if (found.isEmpty()) {
            out.problems << cellError(fileName, fileRow, value, valueName,
                                      QStringLiteral("\"%1\" is not a valid %2: row skipped.").arg(raw, valueName));
            continue;
        }
        auto seen = latest.find(code);
        if (seen != latest.end()) {
            if (seen->year > y)
                continue; // an older year: the newer one is kept
            if (seen->year == y) {
                out.problems << cellError(
                    fileName, fileRow, country, QStringLiteral("country"),
                    QStringLiteral("%1 appears twice for the same year: the first row is kept.").arg(countryText));
                continue;
            }
        }
        latest.insert(code, Kept{y, found});
    }
    for (auto it = latest.cbegin(); it != latest.cend(); ++it)
        out.countrySignals << it->signalList;
    return out;
}

Result<DatasetImport> readDatasetFile(const QString& path, DatasetFormat format)
{
    auto reader = TableReader::create(path);
    if (!reader)
        return makeError(QStringLiteral("The file cannot be read."));
    if (Status st = reader->open(); !st)
        return st.error();
    QStringList header;
    QList<QStringList> rows;
    qint64 firstDataRow = 0;
    QStringList row;
    while (reader->next(row)) {
        if (reader->rowNumber() < reader->headerRow())
            continue; // title rows
        if (reader->rowNumber() == reader->headerRow()) {
            header = row;
            continue;
        }
        if (firstDataRow == 0)
            firstDataRow = reader->rowNumber();
        rows << row;
    }
    if (reader->failed())
        return reader->error();
    return parseDatasetTable(format, header, rows, QFileInfo(path).fileName(),
                             firstDataRow > 0 ? firstDataRow : reader->headerRow() + 1);
}

} // namespace vigil
