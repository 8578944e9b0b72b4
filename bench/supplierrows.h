#pragma once

// The supplier rows the import benches share (bench_import, bench_rowbuild, bench_matching): one generator, so that
// their figures are about the same names and cells. makeRow(g, i) is row i of a seeded generator; writeCsv writes
// the header and `rows` rows as CSV.
#include <QFile>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <iterator>

namespace vigil::benchrows {

inline const char* const kSyllables[]
    = {"ka",   "lo",  "mi",  "san", "tor",  "vel",  "ri",  "da",  "phu", "min", "tan", "go",   "ber",
       "sum",  "mak", "ur",  "sia", "thai", "viet", "lan", "kor", "zen", "hai", "bao", "long", "hua",
       "shen", "jin", "dha", "ka",  "pur",  "gar",  "mal", "ay",  "sia", "pal", "ma"};
inline const char* const kWords[]
    = {"Garment",   "Textile", "Seafood",   "Electronics", "Knitwear", "Foods", "Plastics", "Rubber",
       "Packaging", "Apparel", "Furniture", "Components",  "Fishing",  "Agro",  "Metal",    "Leather"};
inline const char* const kForms[]
    = {"Co., Ltd", "Company Limited", "Ltd", "Sdn Bhd", "PT", "JSC", "Inc.", "Pvt Ltd", ""};
inline const char* const kCountries[]
    = {"Thailand", "Viet Nam",    "Indonesia", "Malaysia",  "Bangladesh", "China",  "India",  "Cambodia",
       "Myanmar",  "Philippines", "Pakistan",  "Sri Lanka", "Türkiye",    "Mexico", "Brazil", "Ethiopia"};
inline const char* const kSectors[]
    = {"Apparel", "Seafood", "Electronics", "Agriculture", "Furniture", "Plastics", "Mining"};
inline const char* const kCurrencies[] = {"USD", "EUR", "THB", "VND"};

inline QStringList makeRow(QRandomGenerator& g, int i)
{
    // Two made-up words, as real supplier names are mostly distinct: about 10^10 combinations.
    auto made = [&] {
        QString w;
        const int n = 2 + int(g.bounded(3));
        for (int k = 0; k < n; ++k)
            w += QString::fromLatin1(kSyllables[g.bounded(int(std::size(kSyllables)))]);
        w[0] = w[0].toUpper();
        return w;
    };
    const QString word = made() + QLatin1Char(' ') + made();
    const QString form = QString::fromLatin1(kForms[g.bounded(int(std::size(kForms)))]);
    QString name = word + QLatin1Char(' ') + QString::fromLatin1(kWords[g.bounded(int(std::size(kWords)))]);
    name = form == QLatin1String("PT") ? QStringLiteral("PT ") + name
                                       : (form.isEmpty() ? name : name + QLatin1Char(' ') + form);
    const QString country = QString::fromUtf8(kCountries[g.bounded(int(std::size(kCountries)))]);
    const int workers = 20 + int(g.bounded(5000));
    QString workersText;
    switch (g.bounded(4)) {
    case 0:
        workersText = QString::number(workers);
        break;
    case 1:
        workersText = QStringLiteral("%1,%2").arg(workers / 1000 + 1).arg(workers % 1000, 3, 10, QLatin1Char('0'));
        break;
    case 2:
        workersText = QStringLiteral("%1-%2").arg(workers).arg(workers + 500);
        break;
    default:
        workersText = QStringLiteral("approx. %1").arg(workers);
    }
    return {
        name,
        country,
        QStringLiteral("%1 Road %2, District %3").arg(g.bounded(999) + 1).arg(g.bounded(90) + 1).arg(g.bounded(30) + 1),
        QString::fromLatin1(kSectors[g.bounded(int(std::size(kSectors)))]),
        QStringLiteral("goods %1").arg(g.bounded(50)),
        workersText,
        QStringLiteral("%1%").arg(g.bounded(100)),
        QStringLiteral("V%1").arg(i, 7, 10, QLatin1Char('0')),
        QString::number(1 + g.bounded(3)),
        QString::number(1000 + g.bounded(1000000)),
        QString::fromLatin1(kCurrencies[g.bounded(int(std::size(kCurrencies)))])};
}

inline const QStringList kHeader{"Supplier Name", "Country",           "Address",           "Sector",
                                 "Products",      "Number of Workers", "% Migrant Workers", "Vendor ID",
                                 "Tier",          "Annual Spend",      "Currency"};

inline QByteArray csvLine(const QStringList& cells)
{
    QByteArray line;
    for (int i = 0; i < cells.size(); ++i) {
        if (i)
            line += ',';
        const QString& c = cells.at(i);
        if (c.contains(QLatin1Char(',')) || c.contains(QLatin1Char('"')))
            line += '"' + QString(c).replace(QLatin1Char('"'), QStringLiteral("\"\"")).toUtf8() + '"';
        else
            line += c.toUtf8();
    }
    return line + '\n';
}

inline bool writeCsv(const QString& path, int rows, quint32 seed)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QRandomGenerator g(seed);
    QByteArray out = csvLine(kHeader);
    for (int i = 0; i < rows; ++i) {
        out += csvLine(makeRow(g, i));
        if (out.size() > (1 << 20)) {
            f.write(out);
            out.clear();
        }
    }
    return f.write(out) == out.size();
}

} // namespace vigil::benchrows
