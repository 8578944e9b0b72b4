// Prints how long the pure risk engine takes: one supplier, and 1,000,000 generated suppliers in memory.
// A benchmark prints figures; it never passes or fails on time.
#include "risk/ilabdata.h"
#include "risk/methodology.h"
#include "risk/riskengine.h"
#include "risk/riskrepository.h"
#include "storage/database.h"
#include "storage/workspace.h"
#include "util/uuid.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace vigil;

namespace {

SupplierRiskInput generate(QRandomGenerator& rng, const Methodology& m, const QDate& today)
{
    static const QStringList countries{"TH", "MY", "GB", "CN", "IN", "BD", "US",
                                       "DE", "CD", "MM", "VN", "TR", "BR", "ID"};
    static const QStringList sectors{"fishing",  "apparel", "electronics",  "agriculture",
                                     "services", "mining",  "construction", "logistics"};
    static const QStringList goods{"Fish",  "Shrimp", "Garments", "Electronics", "Cotton",
                                   "Cocoa", "Gold",   "Bricks",   "Packaging"};
    SupplierRiskInput in;
    in.supplierId = QStringLiteral("s");
    in.country = countries.at(rng.bounded(int(countries.size())));
    in.sector = sectors.at(rng.bounded(int(sectors.size())));
    in.goods << goods.at(rng.bounded(int(goods.size())));
    if (rng.bounded(4) != 0)
        in.migrantShare = rng.generateDouble();
    const int observations = rng.bounded(10);
    for (int i = 0; i < observations; ++i) {
        RiskObservation o;
        o.id = QString::number(i);
        o.indicatorId = m.indicators.at(rng.bounded(int(m.indicators.size()))).id;
        o.status = ObservationStatus(rng.bounded(2));
        o.sourceType = m.sourceTypes.at(rng.bounded(int(m.sourceTypes.size()))).id;
        o.date = today.addDays(-rng.bounded(1500));
        o.confidence = 0.5 + rng.generateDouble() / 2;
        o.siteId = QStringLiteral("S%1").arg(rng.bounded(2));
        in.observations << o;
    }
    if (rng.bounded(3) == 0)
        in.mitigations << RiskMitigation{
            QStringLiteral("m"), QStringLiteral("grievance_channel"), today.addDays(-100), {}};
    return in;
}

// Stores the scores of `count` suppliers in a fresh workspace (suppliers inserted directly) and prints the time.
void benchStorage(int count, const Methodology& m, const ReferenceData& ref, const QDateTime& now,
                  const std::vector<SupplierRiskInput>& pool, QTextStream& out)
{
    QTemporaryDir dir;
    auto db = workspace::create(dir.filePath(QStringLiteral("bench.vigil")));
    if (!db) {
        out << "cannot create a workspace: " << db.error().toString() << "\n";
        return;
    }
    QList<RiskResult> results;
    results.reserve(count);
    const QString at = now.toString(Qt::ISODate);
    const Status st = db.value()->transaction([&]() -> Status {
        QSqlQuery q(db.value()->db());
        q.prepare(QStringLiteral("INSERT INTO suppliers (id, name, name_key, country, sector, created_at, updated_at) "
                                 "VALUES (?,?,?,?,?,?,?)"));
        for (int i = 0; i < count; ++i) {
            SupplierRiskInput in = pool[size_t(i) % pool.size()];
            in.supplierId = newUuid();
            for (const QVariant& v : {QVariant(in.supplierId), QVariant(QStringLiteral("Supplier %1").arg(i)),
                                      QVariant(QStringLiteral("supplier %1").arg(i)), QVariant(in.country),
                                      QVariant(in.sector), QVariant(at), QVariant(at)})
                q.addBindValue(v);
            if (!q.exec())
                return makeError(QStringLiteral("insert failed"));
            results.append(RiskEngine::evaluate(in, m, ref, now));
        }
        return {};
    });
    if (!st) {
        out << "cannot fill the workspace\n";
        return;
    }
    QElapsedTimer timer;
    timer.start();
    const Status saved = RiskRepository(*db.value()).saveScores(results, m, now);
    out << "storing " << count << " scores with contributions, gaps and history: "
        << QString::number(double(timer.nsecsElapsed()) / 1e9, 'f', 2) << " s" << (saved ? "" : " (FAILED)") << "\n";
    timer.restart();
    const Status again = RiskRepository(*db.value()).saveScores(results, m, now.addDays(1));
    out << "rescoring the same " << count
        << " (replace, no history change): " << QString::number(double(timer.nsecsElapsed()) / 1e9, 'f', 2) << " s"
        << (again ? "" : " (FAILED)") << "\n";
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    // bench_scoring [N evaluated in memory, default 1,000,000] [M scores stored in a workspace, default 100,000]
    const int count = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 1000000;
    const int stored = argc > 2 ? std::max(0, QByteArray(argv[2]).toInt()) : 100000;
    QTextStream out(stdout);
    auto m = Methodology::loadDefault();
    const QDateTime now(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
    auto ref = loadBundledReferenceData(now);
    if (!m || !ref) {
        out << "cannot load the methodology or the bundled reference data\n";
        return 1;
    }
    // A pool of distinct generated suppliers, reused round-robin (generation is not what is measured).
    QRandomGenerator rng(42);
    std::vector<SupplierRiskInput> pool;
    pool.reserve(10000);
    for (int i = 0; i < 10000; ++i)
        pool.push_back(generate(rng, *m, now.date()));

    // One supplier: the Thai seafood case, measured over 10,000 repetitions for resolution.
    SupplierRiskInput thai = pool.front();
    thai.country = QStringLiteral("TH");
    thai.sector = QStringLiteral("fishing");
    thai.goods = QStringList{QStringLiteral("Fish")};
    QElapsedTimer one;
    one.start();
    double sink = 0;
    const int reps = 10000;
    for (int i = 0; i < reps; ++i)
        sink += RiskEngine::evaluate(thai, *m, *ref, now).score;
    const double oneUs = double(one.nsecsElapsed()) / reps / 1000.0;
    out << "one supplier (" << thai.observations.size() << " observations): " << QString::number(oneUs, 'f', 2)
        << " us per evaluation (mean of " << reps << ")\n";

    QElapsedTimer all;
    all.start();
    const std::clock_t cpuStart = std::clock();
    int critical = 0;
    for (int i = 0; i < count; ++i) {
        const RiskResult r = RiskEngine::evaluate(pool[size_t(i) % pool.size()], *m, *ref, now);
        sink += r.score;
        critical += r.tier == RiskTier::Critical;
    }
    const double seconds = double(all.nsecsElapsed()) / 1e9;
    const double cpu = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    out << count << " suppliers: " << QString::number(seconds, 'f', 2) << " s ("
        << QString::number(seconds * 1e6 / count, 'f', 2) << " us each, one thread; CPU time "
        << QString::number(cpu, 'f', 2) << " s); " << critical << " critical; checksum "
        << QString::number(sink, 'f', 1) << "\n";
    out.flush();
    if (stored > 0)
        benchStorage(stored, *m, *ref, now, pool, out);
    return 0;
}
