// bench_rowcheck: what the import wizard's in-place fixes cost. Prints figures; never passes or fails.
//   - RowChecker::loadWorkspace (once per check of the file, on the worker thread) for a workspace of N suppliers;
//   - RowChecker::check of one edited row (on the GUI thread, once per edit);
//   - a dry run of an N-row file of new suppliers as the wizard runs it (every row listed up to 10,000, cells
//     observed, overrides) beside the plain dry run (no overrides, no observer, new rows not listed).
// Wall and CPU time (this process) are printed: on a busy machine the CPU time is the steadier figure.
//
//     bench_rowcheck [--rows 100000] [--dir DIR]
#include "importer/importer.h"
#include "importer/rowcheck.h"
#include "storage/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>

using namespace vigil;

namespace {

const char* kCountries[] = {"Thailand", "Viet Nam", "Bangladesh", "India", "Türkiye", "China", "Indonesia"};

bool writeCsv(const QString& path, int rows, int offset)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QByteArray out = "Supplier Name,Country,Address,No. of Workers,Vendor ID\r\n";
    for (int i = 0; i < rows; ++i) {
        const int n = offset + i;
        out += "Supplier " + QByteArray::number(n) + " Garment Co," + kCountries[n % 7] + ",\"" + QByteArray::number(n)
            + " Industrial Road, District " + QByteArray::number(n % 97) + "\"," + QByteArray::number(50 + n % 4000)
            + ",V" + QByteArray::number(n) + "\r\n";
        if (out.size() > (1 << 20)) {
            f.write(out);
            out.clear();
        }
    }
    return f.write(out) == out.size();
}

double ms(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// Wall and CPU milliseconds since start().
struct Clock
{
    QElapsedTimer wall;
    std::clock_t cpu = 0;
    void start()
    {
        wall.start();
        cpu = std::clock();
    }
    double wallMs() const { return ms(wall); }
    double cpuMs() const { return 1000.0 * double(std::clock() - cpu) / CLOCKS_PER_SEC; }
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({"rows", "suppliers in the workspace and rows in the file", "N", "100000"});
    p.addOption({"dir", "folder for the workspace and the file (default: a temporary one)", "DIR"});
    p.process(app);
    const int rows = p.value("rows").toInt();
    QTemporaryDir tmp;
    const QString dir = p.isSet("dir") ? p.value("dir") : tmp.path();

    auto db = Database::open(dir + "/bench_rowcheck.vigil", Database::Mode::CreateIfMissing);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().toString()));
        return 1;
    }
    Database& ws = **db;
    const QString existing = dir + "/existing.csv";
    const QString file = dir + "/incoming.csv";
    if (!writeCsv(existing, rows, 0) || !writeCsv(file, rows, rows)) {
        std::fprintf(stderr, "cannot write the files in %s\n", qPrintable(dir));
        return 1;
    }
    Clock t;
    t.start();
    auto seeded = Importer(ws).run(existing, {});
    if (!seeded || !seeded->committed) {
        std::fprintf(stderr, "seeding failed: %s\n", seeded ? "not committed" : qPrintable(seeded.error().toString()));
        return 1;
    }
    std::printf("workspace: %d suppliers imported in %.0f ms (CPU %.0f ms)\n", rows, t.wallMs(), t.cpuMs());

    // The wizard's dry run and the plain one, same file (half of its rows match the workspace).
    ImportOptions plain;
    plain.dryRun = true;
    plain.onError = ImportOptions::OnError::Skip;
    t.start();
    auto a = Importer(ws).run(file, plain);
    const double plainMs = t.cpuMs();
    const double plainWall = t.wallMs();
    ImportOptions wizard = plain;
    wizard.listNewRows = true;
    wizard.cellOverrides[2][1] = QStringLiteral("Thailand");
    wizard.cellOverrides[qint64(rows)][3] = QStringLiteral("120");
    QHash<qint64, QStringList> seen;
    wizard.rowObserver = [&seen](qint64 row, const QStringList& cells) {
        if (seen.size() < 2 * 10000 + 64)
            seen.insert(row, cells);
    };
    t.start();
    auto b = Importer(ws).run(file, wizard);
    const double wizardMs = t.cpuMs();
    const double wizardWall = t.wallMs();
    if (!a || !b) {
        std::fprintf(stderr, "dry run failed\n");
        return 1;
    }
    std::printf("dry run of %d rows: plain CPU %.0f ms (wall %.0f), as the wizard runs it (overrides, observer, new "
                "rows listed) CPU %.0f ms (wall %.0f), %+.1f%% CPU; rows listed %lld\n",
                rows, plainMs, plainWall, wizardMs, wizardWall, 100.0 * (wizardMs - plainMs) / plainMs,
                qint64(b->rows.size()));

    RowChecker checker(b->mapping, b->header, QStringLiteral("incoming.csv"));
    t.start();
    if (Status st = checker.loadWorkspace(ws); !st) {
        std::fprintf(stderr, "%s\n", qPrintable(st.error().toString()));
        return 1;
    }
    const double loadMs = t.cpuMs();
    const double loadWall = t.wallMs();
    t.start();
    for (const RowResult& r : b->rows)
        if (r.action == RowAction::Add)
            checker.addFileRow(r.row, seen.value(r.row));
    const double fileMs = t.cpuMs();
    std::printf("RowChecker::loadWorkspace: CPU %.0f ms (wall %.0f) for %d suppliers; addFileRow for the %lld listed "
                "rows: CPU %.0f ms\n",
                loadMs, loadWall, rows, qint64(b->rows.size()), fileMs);

    // One edited row at a time: a fixed country, a name of the workspace, a bad worker count.
    const QList<QStringList> edits{
        {"Chiang Mai Knitting", "Thailand", "1 Huay Kaew Road", "300", ""},
        {"Supplier 14 Garment Co", "Thailand", "14 Industrial Road, District 14", "300", ""},
        {"PT Sumber Makmur", "Indonesia", "Jakarta", "abc", ""},
    };
    const int n = 3000;
    int matched = 0;
    t.start();
    for (int i = 0; i < n; ++i) {
        const RowResult r = checker.check(ws, edits.at(i % 3), 5 + i);
        matched += r.status == RowStatus::Matched;
    }
    std::printf("RowChecker::check: CPU %.3f ms (wall %.3f) per edited row (mean of %d; %d matched)\n", t.cpuMs() / n,
                t.wallMs() / n, n, matched);
    return 0;
}
