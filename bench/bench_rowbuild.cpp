// bench_rowbuild: what the import's reading thread costs per row before matching and writing: reading the CSV
// (TableReader::next) alone, then reading + RowBuilder::build, then that + the text keys the import derives
// (searchKey of the name, looseKey of the address). Rows are bench_import's (same generator, same seed).
// Prints figures; never passes or fails. Wall and CPU time of this process are printed (CPU is the steadier one on
// a shared machine).
//
//     bench_rowbuild [--rows 100000,1000000] [--dir DIR] [--dump FILE] [--repeat N] [--stage read|build|keys]
//
// --dump writes describe() of every row built from the largest file: diff two builds' dumps to prove they agree.
// Target: read + build under 3 us per row (Release).
#include "importer/columnmapping.h"
#include "importer/rowbuilder.h"
#include "io/tablereader.h"
#include "supplierrows.h"
#include "util/textkey.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>
#include <ctime>

using namespace vigil;
using namespace vigil::benchrows;

namespace {

struct Clock
{
    QElapsedTimer wall;
    std::clock_t cpu = 0;
    void start()
    {
        wall.start();
        cpu = std::clock();
    }
    double wallUs() const { return double(wall.nsecsElapsed()) / 1e3; }
    double cpuUs() const { return double(std::clock() - cpu) * 1e6 / CLOCKS_PER_SEC; }
};

enum class Stage { Read, Build, Keys };

struct Pass
{
    qint64 rows = 0;
    double wallUs = 0;
    double cpuUs = 0;
    qint64 errors = 0;
    qint64 warnings = 0;
    qint64 checksum = 0; // keeps the work from being optimised away
};

// One pass over the file. `dump`, when open, receives describe() of every built row.
Pass runPass(const QString& path, Stage stage, QFile* dump, QByteArray* digest)
{
    Pass p;
    Clock clock;
    clock.start();
    auto reader = TableReader::create(path);
    if (Status s = reader->open(); !s) {
        std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(path), qPrintable(s.error().toString()));
        return p;
    }
    QStringList cells;
    std::optional<RowBuilder> builder;
    QStringList header;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    while (reader->next(cells)) {
        const qint64 rn = reader->rowNumber();
        if (rn == reader->headerRow()) {
            header = cells;
            builder.emplace(HeaderMatcher::map(header), header, QStringLiteral("suppliers.csv"));
            continue;
        }
        ++p.rows;
        if (stage == Stage::Read || !builder) {
            p.checksum += cells.size();
            continue;
        }
        const BuiltRow b = builder->build(cells, rn);
        p.errors += b.errors.size();
        p.warnings += b.warnings.size();
        p.checksum += b.record.supplier.name.size() + b.notes.size();
        if (stage == Stage::Keys) {
            p.checksum += searchKey(b.record.supplier.name).size();
            p.checksum += looseKey(b.record.supplier.address).size();
        }
        if (dump || digest) {
            const QByteArray text = describe(b).toUtf8() + "\n\n";
            if (dump)
                dump->write(text);
            if (digest)
                hash.addData(text);
        }
    }
    if (reader->failed())
        std::fprintf(stderr, "reading failed: %s\n", qPrintable(reader->error().toString()));
    p.wallUs = clock.wallUs();
    p.cpuUs = clock.cpuUs();
    if (digest)
        *digest = hash.result().toHex().left(16);
    return p;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption rowsOpt(QStringLiteral("rows"), QStringLiteral("Row counts, comma-separated."),
                                     QStringLiteral("N,N"), QStringLiteral("100000,1000000"));
    const QCommandLineOption dirOpt(QStringLiteral("dir"), QStringLiteral("Work folder (default: a temporary one)."),
                                    QStringLiteral("DIR"));
    const QCommandLineOption dumpOpt(QStringLiteral("dump"),
                                     QStringLiteral("Write describe() of every row of the largest file to FILE."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption repeatOpt(QStringLiteral("repeat"), QStringLiteral("Passes per figure (best kept)."),
                                       QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption stageOpt(QStringLiteral("stage"),
                                      QStringLiteral("Run only this pass (read, build or keys), no digest: for "
                                                     "profiling."),
                                      QStringLiteral("STAGE"));
    parser.addOptions({rowsOpt, dirOpt, dumpOpt, repeatOpt, stageOpt});
    parser.addHelpOption();
    parser.process(app);
    QTemporaryDir tmp;
    const QString dir = parser.isSet(dirOpt) ? parser.value(dirOpt) : tmp.path();
    QDir().mkpath(dir);
    const int repeat = std::max(1, parser.value(repeatOpt).toInt());
    QList<int> counts;
    for (const QString& s : parser.value(rowsOpt).split(QLatin1Char(','), Qt::SkipEmptyParts))
        counts << s.toInt();
    std::sort(counts.begin(), counts.end());
    QTextStream out(stdout);
    out << "bench_rowbuild: bench_import's rows (11 columns), us per row; best of " << repeat
        << " passes (wall / cpu)\n";
    for (int n : counts) {
        const QString csv = QDir(dir).filePath(QStringLiteral("rowbuild-%1.csv").arg(n));
        if (!QFile::exists(csv) && !writeCsv(csv, n, 42)) {
            out << "cannot write " << csv << "\n";
            return 1;
        }
        const bool last = n == counts.last();
        std::unique_ptr<QFile> dump;
        if (last && parser.isSet(dumpOpt)) {
            dump = std::make_unique<QFile>(parser.value(dumpOpt));
            if (!dump->open(QIODevice::WriteOnly)) {
                out << "cannot write " << dump->fileName() << "\n";
                return 1;
            }
        }
        const struct
        {
            Stage stage;
            const char* label;
        } stages[] = {{Stage::Read, "read"}, {Stage::Build, "read + build"}, {Stage::Keys, "read + build + keys"}};
        for (const auto& st : stages) {
            if (parser.isSet(stageOpt) && !QString::fromLatin1(st.label).endsWith(parser.value(stageOpt)))
                continue;
            Pass best;
            for (int r = 0; r < repeat; ++r) {
                const Pass p = runPass(csv, st.stage, nullptr, nullptr);
                if (r == 0 || p.cpuUs < best.cpuUs)
                    best = p;
            }
            const double rows = double(std::max<qint64>(1, best.rows));
            out << QStringLiteral("%1 rows  %2  %3 us/row wall  %4 us/row cpu")
                       .arg(n, 8)
                       .arg(QString::fromLatin1(st.label), -20)
                       .arg(best.wallUs / rows, 7, 'f', 3)
                       .arg(best.cpuUs / rows, 7, 'f', 3);
            if (st.stage != Stage::Read)
                out << "  (" << best.errors << " errors, " << best.warnings << " warnings)";
            out << "\n";
            out.flush();
        }
        if (parser.isSet(stageOpt))
            continue;
        // The digest of every built row: equal digests mean equal rows.
        QByteArray digest;
        runPass(csv, Stage::Build, dump.get(), &digest);
        out << QStringLiteral("%1 rows  digest of the built rows: %2\n").arg(n, 8).arg(QString::fromLatin1(digest));
        out.flush();
    }
    return 0;
}
