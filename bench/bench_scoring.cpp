// bench_scoring: how fast Vigil scores (issue 4's targets).
//  1. the pure engine: one evaluation, and N generated suppliers in memory on one thread;
//  2. a workspace of N suppliers (default 1,000,000; generated with bulk SQL, realistic spread of countries,
//     sectors, goods, migrant shares, observations and mitigations) scored in full with the scoring job (first
//     scoring, then full rescoring after a weight change: wall time, CPU time, peak memory), target: no slower than
//     importing them (`vigil-cli import` of 1,000,000 rows: see bench_import);
//  3. rescoring one supplier after new evidence (median of many), target: under 10 ms.
// A benchmark prints figures; it never passes or fails on time.
//
//     bench_scoring [--suppliers 1000000] [--engine 200000] [--single 200] [--threads 0] [--dir DIR]
#include "risk/ilabdata.h"
#include "risk/methodology.h"
#include "risk/riskengine.h"
#include "risk/riskrepository.h"
#include "risk/scorejob.h"
#include "storage/database.h"
#include "storage/workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>

using namespace vigil;

namespace {

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Peak resident memory (VmHWM) in MB; resetPeak() starts a new measurement (Linux: clear_refs 5).
double peakMb()
{
    std::ifstream f("/proc/self/status");
    std::string line;
    while (std::getline(f, line)) {
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0;
    }
    return -1;
}

void resetPeak()
{
    std::ofstream f("/proc/self/clear_refs");
    f << "5";
}

QString secs(double s)
{
    return QString::number(s, 'f', 2) + QStringLiteral(" s");
}

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

void benchEngine(int count, const Methodology& m, const ReferenceData& ref, const QDateTime& now, QTextStream& out)
{
    QRandomGenerator rng(42);
    std::vector<SupplierRiskInput> pool;
    for (int i = 0; i < 10000; ++i)
        pool.push_back(generate(rng, m, now.date()));
    SupplierRiskInput thai = pool.front();
    thai.country = QStringLiteral("TH");
    thai.sector = QStringLiteral("fishing");
    thai.goods = QStringList{QStringLiteral("Fish")};
    QElapsedTimer one;
    one.start();
    double sink = 0;
    const int reps = 10000;
    for (int i = 0; i < reps; ++i)
        sink += RiskEngine::evaluate(thai, m, ref, now).score;
    out << "engine, one supplier (" << thai.observations.size()
        << " observations): " << QString::number(double(one.nsecsElapsed()) / reps / 1000.0, 'f', 2)
        << " us per evaluation (mean of " << reps << ")\n";
    QElapsedTimer all;
    all.start();
    const double cpu0 = cpuSeconds();
    for (int i = 0; i < count; ++i)
        sink += RiskEngine::evaluate(pool[size_t(i) % pool.size()], m, ref, now).score;
    const double s = double(all.nsecsElapsed()) / 1e9;
    out << "engine, " << count << " suppliers in memory, one thread: " << secs(s) << " ("
        << QString::number(s * 1e6 / count, 'f', 2) << " us each; CPU " << secs(cpuSeconds() - cpu0) << "); checksum "
        << QString::number(sink, 'f', 1) << "\n";
    out.flush();
}

// A workspace of n suppliers written with bulk SQL (seconds, not minutes): ids scattered like UUIDs, 14 countries
// weighted towards sourcing countries, 12 sectors, ILAB goods, migrant shares (a quarter unknown), 0-8 observations
// for a third of the suppliers (indicators, statuses, source types, dates over four years), mitigations for 1 in 8.
Status generateWorkspace(Database& db, int n, const Methodology& m)
{
    QStringList indicators;
    for (const IndicatorDef& d : m.indicators)
        indicators << QStringLiteral("'%1'").arg(d.id);
    QStringList sources;
    for (const SourceTypeDef& s : m.sourceTypes)
        sources << QStringLiteral("'%1'").arg(s.id);
    const QString sql = QStringLiteral(R"SQL(
CREATE TEMP TABLE pick_country (k INTEGER PRIMARY KEY, v TEXT);
INSERT INTO pick_country VALUES (0,'CN'),(1,'CN'),(2,'CN'),(3,'IN'),(4,'IN'),(5,'BD'),(6,'VN'),(7,'TH'),(8,'MY'),
  (9,'ID'),(10,'TR'),(11,'BR'),(12,'US'),(13,'DE'),(14,'GB'),(15,'MM'),(16,'CD'),(17,'MX'),(18,'PK'),(19,'IT');
CREATE TEMP TABLE pick_sector (k INTEGER PRIMARY KEY, v TEXT, g TEXT);
INSERT INTO pick_sector VALUES (0,'apparel','Garments'),(1,'apparel','Cotton'),(2,'electronics','Electronics'),
  (3,'fishing','Fish'),(4,'fishing','Shrimp'),(5,'agriculture','Cocoa'),(6,'agriculture','Palm fruit'),
  (7,'mining','Gold'),(8,'construction','Bricks'),(9,'logistics',''),(10,'services',''),(11,'food processing','Sugarcane'),
  (12,'other manufacturing','Packaging'),(13,'','');
CREATE TEMP TABLE pick_indicator (k INTEGER PRIMARY KEY, v TEXT);
CREATE TEMP TABLE pick_source (k INTEGER PRIMARY KEY, v TEXT);
CREATE TEMP TABLE nums (n INTEGER PRIMARY KEY);
WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < 7) INSERT INTO nums SELECT i FROM c;
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < @N@)
INSERT INTO suppliers (rowid_, id, name, name_key, country, sector, products, workers_min, workers_max,
                       migrant_share, created_at, updated_at)
SELECT i, printf('%08x-%04x-4%03x-8%03x-%012x', (i * 2654435761) % 4294967296, i % 65536, i % 4096, (i / 7) % 4096, i),
       'Supplier ' || i, 'supplier ' || i,
       (SELECT v FROM pick_country WHERE k = (i * 7919) % 20),
       (SELECT v FROM pick_sector WHERE k = (i * 104729) % 14),
       (SELECT g FROM pick_sector WHERE k = (i * 104729) % 14),
       CASE WHEN i % 5 = 0 THEN NULL ELSE 10 + (i * 31) % 2000 END,
       CASE WHEN i % 5 = 0 THEN NULL ELSE 50 + (i * 37) % 5000 END,
       CASE WHEN i % 4 = 0 THEN NULL ELSE ((i * 13) % 101) / 100.0 END,
       '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
FROM c;
INSERT INTO risk_observations (id, supplier_id, site_id, indicator, status, source_type, observed_on, confidence,
                               note, created_at)
SELECT printf('%08x-%04x-4000-8000-%012x', (s.rowid_ * 40503 + n.n) % 4294967296, n.n, s.rowid_), s.id, NULL,
       (SELECT v FROM pick_indicator WHERE k = (s.rowid_ * 7 + n.n * 11) % @INDICATORS@),
       CASE WHEN (s.rowid_ + n.n) % 4 = 0 THEN 'present' ELSE 'absent' END,
       (SELECT v FROM pick_source WHERE k = (s.rowid_ + n.n * 3) % @SOURCES@),
       date('2026-05-01', '-' || ((s.rowid_ * 17 + n.n * 101) % 1460) || ' days'),
       0.5 + ((s.rowid_ + n.n) % 6) / 10.0, '', '2026-01-01T00:00:00Z'
FROM suppliers s JOIN nums n ON n.n < s.rowid_ % 9 WHERE s.rowid_ % 3 = 0;
INSERT INTO risk_mitigations (id, supplier_id, type, verified_on, note, created_at)
SELECT printf('%08x-0000-4000-9000-%012x', (rowid_ * 69069) % 4294967296, rowid_), id,
       CASE rowid_ % 3 WHEN 0 THEN 'grievance_channel' WHEN 1 THEN 'recent_audit' ELSE 'fees_reimbursed' END,
       date('2026-05-01', '-' || (rowid_ % 900) || ' days'), '', '2026-01-01T00:00:00Z'
FROM suppliers WHERE rowid_ % 8 = 0;
)SQL")
                            .replace(QStringLiteral("@N@"), QString::number(n))
                            .replace(QStringLiteral("@INDICATORS@"), QString::number(indicators.size()))
                            .replace(QStringLiteral("@SOURCES@"), QString::number(sources.size()));
    QString fill;
    for (int i = 0; i < indicators.size(); ++i)
        fill += QStringLiteral("INSERT INTO pick_indicator VALUES (%1, %2);\n").arg(i).arg(indicators.at(i));
    for (int i = 0; i < sources.size(); ++i)
        fill += QStringLiteral("INSERT INTO pick_source VALUES (%1, %2);\n").arg(i).arg(sources.at(i));
    QString script = sql;
    const int at = int(script.indexOf(QStringLiteral("CREATE TEMP TABLE nums")));
    script.insert(at, fill);
    return db.transaction([&]() { return db.execScript(script.toUtf8()); });
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption suppliersOpt(QStringLiteral("suppliers"), QStringLiteral("Workspace size."),
                                          QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption engineOpt(QStringLiteral("engine"), QStringLiteral("Suppliers evaluated in memory."),
                                       QStringLiteral("N"), QStringLiteral("200000"));
    const QCommandLineOption singleOpt(QStringLiteral("single"), QStringLiteral("Single-supplier repetitions."),
                                       QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption threadsOpt(QStringLiteral("threads"), QStringLiteral("Evaluation threads (0: cores)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption dirOpt(QStringLiteral("dir"), QStringLiteral("Folder for the workspace."),
                                    QStringLiteral("DIR"));
    parser.addOptions({suppliersOpt, engineOpt, singleOpt, threadsOpt, dirOpt});
    parser.addHelpOption();
    parser.process(app);
    const int n = std::max(1, parser.value(suppliersOpt).toInt());
    QTextStream out(stdout);
    auto m = Methodology::loadDefault();
    const QDateTime now(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
    auto ref = loadBundledReferenceData(now);
    if (!m || !ref) {
        out << "cannot load the methodology or the bundled reference data\n";
        return 1;
    }
    if (const int e = parser.value(engineOpt).toInt(); e > 0)
        benchEngine(e, *m, *ref, now, out);

    QTemporaryDir tmp(parser.isSet(dirOpt) ? parser.value(dirOpt) + QStringLiteral("/bench_scoring-XXXXXX")
                                           : QDir::tempPath() + QStringLiteral("/bench_scoring-XXXXXX"));
    const QString path = tmp.filePath(QStringLiteral("bench.vigil"));
    auto db = workspace::create(path);
    if (!db) {
        out << "cannot create a workspace: " << db.error().toString() << "\n";
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    if (Status st = generateWorkspace(**db, n, *m); !st) {
        out << "cannot generate the workspace: " << st.error().toString() << " " << st.error().detail << "\n";
        return 1;
    }
    QSqlQuery q((*db)->db());
    q.exec(QStringLiteral("SELECT (SELECT count(*) FROM suppliers), (SELECT count(*) FROM risk_observations), "
                          "(SELECT count(*) FROM risk_mitigations)"));
    q.next();
    out << "workspace: " << q.value(0).toLongLong() << " suppliers, " << q.value(1).toLongLong() << " observations, "
        << q.value(2).toLongLong() << " mitigations, generated with bulk SQL in "
        << secs(double(timer.nsecsElapsed()) / 1e9) << "\n";
    out.flush();
    q.finish();

    ScoringContext context{*m, *ref};
    ScoreJobOptions options;
    options.threads = parser.value(threadsOpt).toInt();
    const auto full = [&](const QString& what) {
        resetPeak();
        const double cpu0 = cpuSeconds();
        timer.restart();
        auto r = scoreWorkspace(**db, context, now, options);
        const double wall = double(timer.nsecsElapsed()) / 1e9;
        if (!r) {
            out << what << ": FAILED " << r.error().toString() << " " << r.error().detail << "\n";
            return;
        }
        out << what << ": " << secs(wall) << " wall, " << secs(cpuSeconds() - cpu0) << " CPU, peak memory "
            << QString::number(peakMb(), 'f', 0) << " MB; " << r->scored << " scored, " << r->changed
            << " changed; tiers L/M/H/C " << r->perTier[0] << "/" << r->perTier[1] << "/" << r->perTier[2] << "/"
            << r->perTier[3] << "\n";
        out.flush();
    };
    full(QStringLiteral("first scoring of %1 suppliers (scores, explanations, history)").arg(n));
    // A weight change makes a new methodology version: every result changes.
    context.methodology.version = QStringLiteral("1.0.1-bench");
    context.methodology.migrantMaxPoints += 1;
    full(QStringLiteral("FULL RESCORING of %1 suppliers after a weight change").arg(n));
    full(QStringLiteral("rescoring %1 suppliers, nothing changed").arg(n));
    out << "workspace file: " << QString::number(double(QFileInfo(path).size()) / 1e6, 'f', 0) << " MB; scores use";
    if (q.exec(QStringLiteral("SELECT name, sum(pgsize) FROM dbstat WHERE name LIKE 'risk_score%' OR name LIKE "
                              "'sqlite_autoindex_risk_score%' GROUP BY name ORDER BY name"))) {
        while (q.next())
            out << " " << q.value(0).toString() << " " << QString::number(q.value(1).toDouble() / 1e6, 'f', 1) << " MB";
    }
    q.finish();
    out << "\n";

    // One supplier after new evidence, as the GUI does after an edit.
    const int reps = std::max(1, parser.value(singleOpt).toInt());
    QList<double> ms;
    RiskRepository repo(**db);
    QRandomGenerator rng(7);
    for (int i = 0; i < reps; ++i) {
        q.prepare(QStringLiteral("SELECT id FROM suppliers WHERE rowid_ = ?"));
        q.addBindValue(1 + int(rng.bounded(n)));
        if (!q.exec() || !q.next())
            continue;
        const QString id = q.value(0).toString();
        q.finish();
        RiskObservation o{QString(),
                          m->indicators.at(rng.bounded(int(m->indicators.size()))).id,
                          ObservationStatus::Present,
                          QStringLiteral("worker_interview"),
                          QDate(2026, 5, 20),
                          0.8,
                          QString(),
                          {}};
        if (!repo.addObservation(id, o))
            continue;
        ScoreJobOptions one;
        one.supplierId = id;
        timer.restart();
        auto r = scoreWorkspace(**db, context, now, one);
        ms << double(timer.nsecsElapsed()) / 1e6;
        if (!r)
            out << "single rescoring FAILED: " << r.error().toString() << "\n";
    }
    std::sort(ms.begin(), ms.end());
    if (!ms.isEmpty())
        out << "RESCORING ONE SUPPLIER after new evidence (read, evaluate, store with history, commit): median "
            << QString::number(ms.at(ms.size() / 2), 'f', 2) << " ms, 90th percentile "
            << QString::number(ms.at(ms.size() * 9 / 10), 'f', 2) << " ms, max " << QString::number(ms.last(), 'f', 2)
            << " ms (" << ms.size() << " suppliers)\n";
    out << "for comparison, `vigil-cli import` of 1,000,000 suppliers: run bench_import\n";
    return 0;
}
