// bench_import: how fast `vigil-cli import` brings a large supplier list into a new workspace, beside sqlite3's own
// `.import` of the same file into a bare table (the floor: parsing and inserting, no checks, no indexes), and how an
// XLSX of the same rows compares with the CSV. Prints figures; never passes or fails.
//
//     bench_import [--rows 1000000] [--xlsx-rows 100000] [--dir DIR] [--cli PATH]
//
// Targets (issue 3): CSV import <= 2x sqlite3 .import, peak memory <= 300 MB; XLSX <= 3x the CSV of the same rows.
#include "exporter/xlsxworkbookwriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <vector>

using namespace vigil;

namespace {

struct Run
{
    int exitCode = -1;
    double seconds = 0;
    double cpuSeconds = 0; // user + system: steadier than wall time on a machine shared with other work
    long peakKb = 0;
};

// Runs a program and waits for it, with its own peak resident memory (wait4's rusage).
Run run(const QStringList& args, const QString& stdoutFile = QString())
{
    Run r;
    std::vector<QByteArray> store;
    for (const QString& a : args)
        store.push_back(a.toLocal8Bit());
    std::vector<char*> argv;
    for (QByteArray& b : store)
        argv.push_back(b.data());
    argv.push_back(nullptr);
    const QByteArray out = stdoutFile.isEmpty() ? QByteArray("/dev/null") : stdoutFile.toLocal8Bit();
    QElapsedTimer t;
    t.start();
    const pid_t pid = fork();
    if (pid == 0) {
        if (FILE* f = std::freopen(out.constData(), "w", stdout))
            (void)f;
        execvp(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    r.seconds = t.elapsed() / 1000.0;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.peakKb = usage.ru_maxrss;
    r.cpuSeconds = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    return r;
}

const char* kSyllables[]
    = {"ka",   "lo",  "mi",  "san", "tor",  "vel",  "ri",  "da",  "phu", "min", "tan", "go",   "ber",
       "sum",  "mak", "ur",  "sia", "thai", "viet", "lan", "kor", "zen", "hai", "bao", "long", "hua",
       "shen", "jin", "dha", "ka",  "pur",  "gar",  "mal", "ay",  "sia", "pal", "ma"};
const char* kWords[] = {"Garment",   "Textile", "Seafood",   "Electronics", "Knitwear", "Foods", "Plastics", "Rubber",
                        "Packaging", "Apparel", "Furniture", "Components",  "Fishing",  "Agro",  "Metal",    "Leather"};
const char* kForms[] = {"Co., Ltd", "Company Limited", "Ltd", "Sdn Bhd", "PT", "JSC", "Inc.", "Pvt Ltd", ""};
const char* kCountries[]
    = {"Thailand", "Viet Nam",    "Indonesia", "Malaysia",  "Bangladesh", "China",  "India",  "Cambodia",
       "Myanmar",  "Philippines", "Pakistan",  "Sri Lanka", "Türkiye",    "Mexico", "Brazil", "Ethiopia"};
const char* kSectors[] = {"Apparel", "Seafood", "Electronics", "Agriculture", "Furniture", "Plastics", "Mining"};
const char* kCurrencies[] = {"USD", "EUR", "THB", "VND"};

QStringList makeRow(QRandomGenerator& g, int i)
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

const QStringList kHeader{"Supplier Name",     "Country",   "Address", "Sector",       "Products", "Number of Workers",
                          "% Migrant Workers", "Vendor ID", "Tier",    "Annual Spend", "Currency"};

QByteArray csvLine(const QStringList& cells)
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

bool writeCsv(const QString& path, int rows, quint32 seed)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QRandomGenerator g(seed);
    f.write(csvLine(kHeader));
    for (int i = 0; i < rows; ++i)
        f.write(csvLine(makeRow(g, i)));
    return true;
}

bool writeXlsx(const QString& path, int rows, quint32 seed)
{
    XlsxWorkbookWriter w;
    if (!w.open(path) || !w.addSheet(QStringLiteral("Suppliers"), kHeader))
        return false;
    QRandomGenerator g(seed);
    for (int i = 0; i < rows; ++i) {
        const QStringList cells = makeRow(g, i);
        QVariantList values;
        for (int c = 0; c < cells.size(); ++c) {
            bool numeric = false;
            const double v = cells.at(c).toDouble(&numeric);
            if (numeric && (c == 8 || c == 9))
                values << v;
            else
                values << cells.at(c);
        }
        if (!w.addRow(values))
            return false;
    }
    return bool(w.close());
}

Run vigilImport(const QString& cli, const QString& dir, const QString& file, const QString& name)
{
    const QString ws = QDir(dir).filePath(name + QStringLiteral(".vigil"));
    QFile::remove(ws);
    run({cli, QStringLiteral("init"), QStringLiteral("-w"), ws});
    return run({cli, QStringLiteral("import"), file, QStringLiteral("-w"), ws, QStringLiteral("--on-error"),
                QStringLiteral("skip"), QStringLiteral("--possible-duplicates"), QStringLiteral("new")},
               QDir(dir).filePath(name + QStringLiteral(".out.txt")));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    const QCommandLineOption rowsOpt(QStringLiteral("rows"), QStringLiteral("CSV rows."), QStringLiteral("N"),
                                     QStringLiteral("1000000"));
    const QCommandLineOption xlsxOpt(QStringLiteral("xlsx-rows"), QStringLiteral("XLSX rows."), QStringLiteral("N"),
                                     QStringLiteral("100000"));
    const QCommandLineOption dirOpt(QStringLiteral("dir"), QStringLiteral("Work folder (default: a temporary one)."),
                                    QStringLiteral("DIR"));
    const QCommandLineOption cliOpt(QStringLiteral("cli"), QStringLiteral("vigil-cli to run."), QStringLiteral("PATH"));
    p.addOptions({rowsOpt, xlsxOpt, dirOpt, cliOpt});
    p.addHelpOption();
    p.process(app);
    const int rows = p.value(rowsOpt).toInt();
    const int xlsxRows = p.value(xlsxOpt).toInt();
    QString cli = p.value(cliOpt);
    if (cli.isEmpty())
        cli = qEnvironmentVariable("VIGIL_CLI",
                                   QDir(app.applicationDirPath()).filePath(QStringLiteral("../bin/vigil-cli")));
    // The XLSX fixture is written by vigil-xlsxwriter, which is built next to vigil-cli.
    if (qEnvironmentVariableIsEmpty(XlsxWorkbookWriter::kHelperEnv))
        qputenv(XlsxWorkbookWriter::kHelperEnv,
                QFileInfo(cli).dir().filePath(QString::fromLatin1(XlsxWorkbookWriter::kHelperName)).toLocal8Bit());
    QTemporaryDir tmp;
    const QString dir = p.isSet(dirOpt) ? p.value(dirOpt) : tmp.path();
    QDir().mkpath(dir);
    QTextStream out(stdout);

    const QString csv = QDir(dir).filePath(QStringLiteral("suppliers.csv"));
    QElapsedTimer t;
    t.start();
    if (!writeCsv(csv, rows, 42)) {
        out << "cannot write " << csv << "\n";
        return 1;
    }
    out << "Generated " << rows << " rows x 11 columns: " << QFileInfo(csv).size() / 1e6 << " MB in "
        << t.elapsed() / 1000.0 << " s\n";
    out.flush();

    const QString bare = QDir(dir).filePath(QStringLiteral("bare.db"));
    QFile::remove(bare);
    const Run s
        = run({QStringLiteral("sqlite3"), bare, QStringLiteral(".mode csv"), QStringLiteral(".import %1 t").arg(csv)});
    out << "sqlite3 .import:        " << s.seconds << " s (cpu " << s.cpuSeconds << " s), peak " << s.peakKb / 1024
        << " MB (exit " << s.exitCode << ")\n";
    out.flush();
    // The floor of the workspace's own schema: sqlite3 itself writing what an import of these rows writes (the
    // suppliers, the trigram search index, the vendor ids, two change-log entries per supplier, the ten indexes
    // built again), from the rows already in a table, with no parsing, normalising or matching at all.
    {
        const QString floorWs = QDir(dir).filePath(QStringLiteral("floor.vigil"));
        for (const QString& f : {floorWs, floorWs + QStringLiteral("-wal"), floorWs + QStringLiteral("-shm")})
            QFile::remove(f);
        run({cli, QStringLiteral("init"), QStringLiteral("-w"), floorWs});
        QStringList args{QStringLiteral("sqlite3"), floorWs};
        const char* indexes[][2] = {{"suppliers_country_name", "country, name_key"},
                                    {"suppliers_migrant_name", "migrant_share, name_key"},
                                    {"suppliers_name_key", "name_key"},
                                    {"suppliers_sector_name", "sector, name_key"},
                                    {"suppliers_spend_name", "annual_spend, name_key"},
                                    {"suppliers_status_name", "status, name_key"},
                                    {"suppliers_tier_name", "tier, name_key"},
                                    {"suppliers_workers_name", "coalesce(workers_max, workers_min), name_key"}};
        args << QStringLiteral("ATTACH '%1' AS b").arg(bare) << QStringLiteral("PRAGMA cache_size = -32768")
             << QStringLiteral("BEGIN");
        for (const auto& i : indexes)
            args << QStringLiteral("DROP INDEX %1").arg(QLatin1String(i[0]));
        args << QStringLiteral("DROP INDEX identifiers_lookup") << QStringLiteral("DROP INDEX change_log_entity")
             << QStringLiteral(
                    "INSERT INTO suppliers (id, name, name_key, other_names, country, address, sector, products, "
                    "tier, annual_spend, currency, workers_min, workers_max, migrant_share, female_share, status, "
                    "tags, created_at, updated_at) SELECT printf('%036d', rowid), \"Supplier Name\", "
                    "lower(\"Supplier Name\"), '', upper(substr(Country, 1, 2)), Address, Sector, Products, 1, "
                    "CAST(\"Annual Spend\" AS REAL), Currency, 100, 200, 0.3, NULL, 'active', '', "
                    "'2026-11-28T00:00:00.000Z', '2026-11-28T00:00:00.000Z' FROM b.t")
             << QStringLiteral("INSERT INTO supplier_search (rowid, names) SELECT rowid_, name_key FROM suppliers")
             << QStringLiteral("INSERT INTO identifiers SELECT id, 'vendor_id', \"Vendor ID\" FROM suppliers, b.t "
                               "WHERE b.t.rowid = suppliers.rowid_")
             << QStringLiteral("INSERT INTO change_log (at, who, entity, entity_id, action, field, old_value, "
                               "new_value, batch) SELECT created_at, 'bench', 'supplier', id, 'create', '', NULL, "
                               "name, 'batch' FROM suppliers")
             << QStringLiteral("INSERT INTO change_log (at, who, entity, entity_id, action, field, old_value, "
                               "new_value, batch) SELECT created_at, 'bench', 'identifier', id, 'create', "
                               "'vendor_id', NULL, 'V' || rowid_, 'batch' FROM suppliers");
        for (const auto& i : indexes)
            args << QStringLiteral("CREATE INDEX %1 ON suppliers (%2)").arg(QLatin1String(i[0]), QLatin1String(i[1]));
        args << QStringLiteral("CREATE INDEX identifiers_lookup ON identifiers (scheme, value)")
             << QStringLiteral("CREATE INDEX change_log_entity ON change_log (entity_id, seq)")
             << QStringLiteral("COMMIT");
        const Run f = run(args);
        out << "sqlite3 writing the import's tables from those rows (the schema's floor): " << f.seconds << " s (cpu "
            << f.cpuSeconds << " s), = " << f.seconds / s.seconds << "x sqlite3 .import (exit " << f.exitCode << ")\n";
        out.flush();
        for (const QString& f : {floorWs, floorWs + QStringLiteral("-wal"), floorWs + QStringLiteral("-shm")})
            QFile::remove(f);
    }
    const Run v = vigilImport(cli, dir, csv, QStringLiteral("csv"));
    out << "vigil-cli import (CSV): " << v.seconds << " s (cpu " << v.cpuSeconds << " s), peak " << v.peakKb / 1024
        << " MB (exit " << v.exitCode << ")  = " << v.seconds / s.seconds
        << "x sqlite3 (target <= 2x), memory target <= 300 MB\n";
    out << "  cpu time: " << v.cpuSeconds / s.cpuSeconds << "x sqlite3's\n";
    out << "  rows/s: " << rows / v.seconds << "\n";
    out.flush();

    if (xlsxRows > 0) {
        const QString smallCsv = QDir(dir).filePath(QStringLiteral("small.csv"));
        const QString xlsx = QDir(dir).filePath(QStringLiteral("small.xlsx"));
        writeCsv(smallCsv, xlsxRows, 7);
        if (!writeXlsx(xlsx, xlsxRows, 7)) {
            out << "cannot write " << xlsx << "\n";
            return 1;
        }
        const Run c = vigilImport(cli, dir, smallCsv, QStringLiteral("small-csv"));
        const Run x = vigilImport(cli, dir, xlsx, QStringLiteral("small-xlsx"));
        out << "XLSX " << xlsxRows << " rows (" << QFileInfo(xlsx).size() / 1e6 << " MB): " << x.seconds << " s, peak "
            << x.peakKb / 1024 << " MB (exit " << x.exitCode << "); same rows as CSV: " << c.seconds << " s, peak "
            << c.peakKb / 1024 << " MB  = " << x.seconds / c.seconds << "x (target <= 3x); cpu " << x.cpuSeconds
            << " s vs " << c.cpuSeconds << " s\n";
    }
    return 0;
}
