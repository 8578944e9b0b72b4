// bench_matching: how fast supplier matching of an import is, per row: namematch::coreName, namematch::prepare,
// MatchIndex::find and MatchIndex::add, on the names bench_import generates (its makeRow, copied) plus a share of
// near-duplicates of earlier rows (a typo, another legal form). Prints figures; never passes or fails.
//
//     bench_matching [--rows 1000000] [--dups 0.05] [--seed 42]
//
// Prints µs/row of each part for the first 100,000 rows and for all rows, the fuzzy comparisons per row, the
// decisions (how many rows matched each way) with a checksum of them (the same checksum before and after a change
// of the matching code means the same decisions), and the heap the index holds.
#include "importer/matchindex.h"
#include "importer/namematch.h"
#include "supplierrows.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRandomGenerator>

#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>
#include <vector>

#ifndef BENCH_MATCH_STATS
#define BENCH_MATCH_STATS 1 // 0 to build against a MatchIndex without MatchStats (before they existed)
#endif

using namespace vigil;
using namespace vigil::benchrows;

namespace {

// The same countries as the importer normalises them (alpha-2).
const char* kAlpha2[]
    = {"TH", "VN", "ID", "MY", "BD", "CN", "IN", "KH", "MM", "PH", "PK", "LK", "TR", "MX", "BR", "ET"};
// ------------------------------------------------------------------------------------------------------------------

struct Row
{
    QString name;
    QString country; // alpha-2
    QString address;
    QString vendorId;
};

QString alpha2Of(const QString& country)
{
    for (size_t i = 0; i < std::size(kCountries); ++i)
        if (country == QString::fromUtf8(kCountries[i]))
            return QString::fromLatin1(kAlpha2[i]);
    return {};
}

// A near-duplicate of an earlier row: a typo in its name (a letter replaced, dropped, doubled, or two swapped), or
// its legal form changed, at the same or at another address. Another vendor id, so that only the name can match.
Row variant(QRandomGenerator& g, const Row& of, int i)
{
    Row r = of;
    r.vendorId = QStringLiteral("D%1").arg(i, 7, 10, QLatin1Char('0'));
    QString name = of.name;
    if (g.bounded(3) == 0) {
        for (const char* f : kForms) {
            const QString form = QString::fromLatin1(f);
            if (!form.isEmpty() && name.endsWith(QLatin1Char(' ') + form)) {
                name.chop(form.size() + 1);
                break;
            }
        }
        if (name.startsWith(QLatin1String("PT ")))
            name.remove(0, 3);
        name += QStringLiteral(" Co., Ltd.");
    } else {
        const int at = 1 + int(g.bounded(std::max<qsizetype>(1, name.size() - 2)));
        switch (g.bounded(4)) {
        case 0:
            name[at] = QChar(QLatin1Char(char('a' + g.bounded(26))));
            break;
        case 1:
            name.remove(at, 1);
            break;
        case 2:
            name.insert(at, name.at(at));
            break;
        default:
            if (at + 1 < name.size())
                std::swap(name[at], name[at + 1]);
        }
    }
    r.name = name;
    if (g.bounded(4) == 0)
        r.address = QStringLiteral("%1 Other Road").arg(g.bounded(999) + 1);
    return r;
}

// Times are CPU time of this thread (the machine may be shared): a batch at a time; find and add, which alternate
// row by row, share their batch's CPU time in the ratio of their wall-clock times.
using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}
double cpuNow()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

struct Totals
{
    double coreName = 0, prepare = 0, find = 0, add = 0;
    qint64 rows = 0;
    quint64 candidates = 0;
    quint64 compared = 0;
    quint64 counted = 0;
    quint64 scored = 0;
    qint64 kinds[6] = {};
    qint64 merges = 0, holds = 0;
    quint64 checksum = 1469598103934665603ull;
};

void print(const char* label, const Totals& t, bool stats)
{
    const double n = double(std::max<qint64>(1, t.rows));
    const double total = t.coreName + t.prepare + t.find + t.add;
    std::printf("%s: %lld rows\n", label, t.rows);
    std::printf("  µs/row: coreName %.2f  prepare %.2f  find %.2f  add %.2f  total %.2f\n", 1e6 * t.coreName / n,
                1e6 * t.prepare / n, 1e6 * t.find / n, 1e6 * t.add / n, 1e6 * total / n);
    if (stats)
        std::printf("  fuzzy candidates/row %.2f: compared (length close enough) %.2f, past the signature bound %.2f, "
                    "scored in full %.3f\n",
                    double(t.candidates) / n, double(t.compared) / n, double(t.counted) / n, double(t.scored) / n);
    std::printf("  decisions: none %lld, vigil id %lld, identifier %lld, exact name %lld, fuzzy %lld "
                "(merge %lld, review %lld); checksum %016llx\n",
                t.kinds[int(MatchKind::None)], t.kinds[int(MatchKind::VigilId)], t.kinds[int(MatchKind::Identifier)],
                t.kinds[int(MatchKind::ExactName)], t.kinds[int(MatchKind::Fuzzy)], t.merges, t.holds,
                static_cast<unsigned long long>(t.checksum));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({"rows", "Rows to match.", "n", "1000000"});
    parser.addOption({"dups", "Share of rows that are near-duplicates of earlier rows.", "share", "0.05"});
    parser.addOption({"seed", "Seed of the generator (bench_import's CSV uses 42).", "n", "42"});
    parser.process(app);
    const int rows = parser.value("rows").toInt();
    const double dups = parser.value("dups").toDouble();
    QRandomGenerator g(parser.value("seed").toUInt());
    QRandomGenerator dupGen(12345);

    auto owned = std::make_unique<MatchIndex>();
    MatchIndex& index = *owned;
    std::vector<Row> kept; // what the variants are made of
    kept.reserve(size_t(rows));
    Totals t;
    Totals first;
    constexpr int kBatch = 256;
    std::vector<Row> batch;
    std::vector<QString> cores;
    std::vector<namematch::PreparedName> prepared;
    for (int start = 0; start < rows; start += kBatch) {
        const int n = std::min(kBatch, rows - start);
        batch.clear();
        for (int k = 0; k < n; ++k) {
            const int i = start + k;
            if (!kept.empty() && dupGen.generateDouble() < dups) {
                batch.push_back(variant(dupGen, kept[size_t(dupGen.bounded(int(kept.size())))], i));
            } else {
                const QStringList cells = makeRow(g, i);
                batch.push_back({cells.at(0), alpha2Of(cells.at(1)), cells.at(2), cells.at(7)});
            }
        }
        // coreName and prepare run in the reading thread of the import, a row at a time.
        cores.assign(size_t(n), QString());
        prepared.assign(size_t(n), namematch::PreparedName());
        double cpu = cpuNow();
        for (int k = 0; k < n; ++k)
            cores[size_t(k)] = namematch::coreName(batch[size_t(k)].name);
        t.coreName += cpuNow() - cpu;
        cpu = cpuNow();
        for (int k = 0; k < n; ++k)
            prepared[size_t(k)] = namematch::prepare(cores[size_t(k)]);
        t.prepare += cpuNow() - cpu;
        double wallFind = 0, wallAdd = 0;
        Clock::time_point c;
        cpu = cpuNow();
        // find and add run in the matching thread, a row at a time: a row is matched against all rows before it.
        for (int k = 0; k < n; ++k) {
            const Row& r = batch[size_t(k)];
            const QList<Identifier> ids{{IdentifierScheme::VendorId, r.vendorId}};
            MatchQuery q{cores[size_t(k)], r.country, r.address, {}, ids, {}};
            c = Clock::now();
#if BENCH_MATCH_STATS
            MatchStats stats;
            const MatchResult m = index.find(q, &prepared[size_t(k)], &stats);
            t.candidates += stats.candidates;
            t.compared += stats.compared;
            t.counted += stats.counted;
            t.scored += stats.scored;
#else
            const MatchResult m = index.find(q, &prepared[size_t(k)]);
#endif
            wallFind += secondsSince(c);
            ++t.kinds[int(m.kind)];
            t.checksum = (t.checksum ^ quint64(int(m.kind))) * 1099511628211ull;
            t.checksum = (t.checksum ^ quint64(m.entry + 1)) * 1099511628211ull;
            t.checksum = (t.checksum ^ quint64(qRound64(m.score * 1e12))) * 1099511628211ull;
            if (m.kind == MatchKind::Fuzzy)
                ++(m.score >= namematch::kMergeThreshold ? t.merges : t.holds);
            // As the import: a row that matches nothing is added; a merged or held row is not.
            if (m.kind == MatchKind::None) {
                MatchEntry e;
                e.core = cores[size_t(k)];
                e.country = MatchIndex::packCountry(r.country);
                e.addressKey = MatchIndex::addressKey(r.address);
                e.rowKey = start + k + 1;
                c = Clock::now();
                index.add(e, ids, {}, &prepared[size_t(k)]);
                wallAdd += secondsSince(c);
                kept.push_back(r);
            }
            ++t.rows;
        }
        cpu = cpuNow() - cpu;
        t.find += cpu * wallFind / std::max(1e-12, wallFind + wallAdd);
        t.add += cpu * wallAdd / std::max(1e-12, wallFind + wallAdd);
        if (first.rows == 0 && t.rows >= 100000)
            first = t;
    }
    if (rows > 100000)
        print("first 100,000 rows (to the batch)", first, BENCH_MATCH_STATS);
    print("all rows", t, BENCH_MATCH_STATS);
    // The index's memory: the heap it frees when it goes.
    const int entries = index.size();
    const size_t heapWith = mallinfo2().uordblks + mallinfo2().hblkhd;
    owned.reset();
    const size_t heapWithout = mallinfo2().uordblks + mallinfo2().hblkhd;
    std::printf("index: %d entries, %.1f MB of heap\n", entries, double(heapWith - heapWithout) / 1e6);
    return 0;
}
