// bench_import: how fast `vigil-cli import` brings a large supplier list into a new workspace, beside sqlite3's own
// `.import` of the same file into a bare table (the floor: parsing and inserting, no checks, no indexes), and how an
// XLSX of the same rows compares with the CSV. Prints figures; never passes or fails.
//
//     bench_import [--rows 1000000] [--xlsx-rows 100000] [--dir DIR] [--cli PATH]
//
// Targets (issue 3): CSV import <= 2x sqlite3 .import, peak memory <= 300 MB; XLSX <= 3x the CSV of the same rows.
#include "exporter/xlsxworkbookwriter.h"
#include "supplierrows.h"

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
using namespace vigil::benchrows;

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
