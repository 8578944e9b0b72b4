// Prints how long reports take: the portfolio report for 10,000 suppliers (PDF target under 5 s), one supplier
// report (under 0.5 s) and a statement (under 2 s). A benchmark prints figures; it never passes or fails on time.
//
// In process (vigil_core): reading the workspace and scoring every supplier, building the document, rendering HTML.
// End to end: `vigil-cli report` for PDF (Pango + Cairo in vigil_render, which this program does not link), so the
// PDF figures include starting the program, reading and scoring the workspace, and fontconfig's start-up.
#include "report/htmlrenderer.h"
#include "report/reportbuilder.h"
#include "report/statements.h"
#include "risk/methodology.h"
#include "risk/riskrepository.h"
#include "storage/database.h"
#include "storage/supplierrepository.h"
#include "util/uuid.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>

using namespace vigil;
using namespace vigil::report;

namespace {

const QStringList kNames{QStringLiteral("บริษัท สยามซีฟู้ด จำกัด"),    QStringLiteral("Công ty TNHH Thủy sản"),
                         QStringLiteral("广州明华服装有限公司"), QStringLiteral("မြတ်သီတာ အထည်ချုပ်"),
                         QStringLiteral("নীলাচল ফুটওয়্যার"),       QStringLiteral("Harbour Textiles Ltd")};

Status fill(Database& db, int count)
{
    static const QStringList countries{"TH", "MY", "GB", "CN", "IN", "BD", "VN", "MM", "ID", "TR", "BR", "DE"};
    static const QStringList sectors{"fishing", "apparel", "electronics", "agriculture", "mining", "logistics"};
    static const QStringList goods{"Fish", "Shrimp", "Garments", "Electronics", "Cotton", "Gold"};
    auto m = Methodology::loadDefault();
    if (!m)
        return m.error();
    QRandomGenerator rng(42);
    SupplierRepository repo(db);
    QStringList ids;
    Status st = db.transaction([&]() -> Status {
        for (int i = 0; i < count; ++i) {
            SupplierRecord r;
            r.supplier.id = newUuid();
            r.supplier.name = QStringLiteral("%1 %2").arg(kNames.at(i % kNames.size())).arg(i);
            r.supplier.country = countries.at(rng.bounded(int(countries.size())));
            r.supplier.sector = sectors.at(rng.bounded(int(sectors.size())));
            r.supplier.products << goods.at(rng.bounded(int(goods.size())));
            r.supplier.tier = 1 + rng.bounded(3);
            r.supplier.migrantShare = rng.generateDouble();
            r.supplier.createdAt = r.supplier.updatedAt = QDateTime::currentDateTimeUtc();
            Site s;
            s.id = newUuid();
            s.supplierId = r.supplier.id;
            s.name = QStringLiteral("Site %1").arg(i);
            s.country = r.supplier.country;
            r.sites << s;
            if (Status a = repo.addInTransaction(r, QStringLiteral("bench"), false); !a)
                return a;
            ids << r.supplier.id;
        }
        return {};
    });
    if (!st)
        return st;
    RiskRepository risk(db);
    for (int i = 0; i < count; i += 3) {
        RiskObservation o;
        o.indicatorId = m->indicators.at(rng.bounded(int(m->indicators.size()))).id;
        o.status = ObservationStatus(rng.bounded(2));
        o.sourceType = m->sourceTypes.at(rng.bounded(int(m->sourceTypes.size()))).id;
        o.date = QDate(2026, 1, 1).addDays(-rng.bounded(900));
        if (auto r = risk.addObservation(ids[i], o); !r)
            return r.error();
    }
    return {};
}

double runCli(const QString& cli, const QStringList& args)
{
    QElapsedTimer t;
    t.start();
    QProcess p;
    p.start(cli, args);
    if (!p.waitForFinished(600000) || p.exitCode() != 0) {
        std::printf("  vigil-cli failed: %s\n", p.readAllStandardError().constData());
        return -1;
    }
    return t.nsecsElapsed() / 1e9;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.vigil"));
    auto db = Database::open(path, Database::Mode::CreateIfMissing);
    if (!db) {
        std::printf("cannot create workspace: %s\n", qPrintable(db.error().toString()));
        return 1;
    }
    QElapsedTimer t;
    t.start();
    if (Status st = fill(*db.value(), count); !st) {
        std::printf("cannot fill workspace: %s\n", qPrintable(st.error().toString()));
        return 1;
    }
    std::printf("workspace: %d suppliers generated in %.2f s\n", count, t.nsecsElapsed() / 1e9);
    const QDateTime now = QDateTime::currentDateTimeUtc();

    t.restart();
    auto data = gatherPortfolio(*db.value(), now);
    const double gather = t.nsecsElapsed() / 1e9;
    if (!data) {
        std::printf("gather failed: %s\n", qPrintable(data.error().toString()));
        return 1;
    }
    t.restart();
    const ReportDocument portfolio = buildPortfolioReport(data.value());
    const double build = t.nsecsElapsed() / 1e9;
    t.restart();
    const QByteArray html = renderHtml(portfolio);
    const double htmlTime = t.nsecsElapsed() / 1e9;
    std::printf("portfolio, in process: read + score %d suppliers %.3f s, build document %.3f s, HTML %.3f s "
                "(%lld bytes)\n",
                count, gather, build, htmlTime, qint64(html.size()));
    t.restart();
    const ReportDocument statement = buildStatement(data.value(), Jurisdiction::UK, {});
    std::printf("statement (UK), in process: build %.3f s (+ read + score above)\n", t.nsecsElapsed() / 1e9);

    const QString id = data->suppliers.first().id;
    t.restart();
    auto one = gatherSupplier(*db.value(), id, now);
    const double g1 = t.nsecsElapsed() / 1e9;
    t.restart();
    if (one)
        renderHtml(buildSupplierReport(one.value()));
    std::printf("supplier, in process: read + score %.4f s, build + HTML %.4f s\n", g1, t.nsecsElapsed() / 1e9);
    db.value().reset();

    const QString cli = QCoreApplication::applicationDirPath() + QStringLiteral("/../bin/vigil-cli");
    if (!QFileInfo::exists(cli)) {
        std::printf("vigil-cli not built: no end-to-end PDF figures\n");
        return 0;
    }
    const QString out = dir.filePath(QStringLiteral("out"));
    const double pdf = runCli(cli,
                              {QStringLiteral("report"), QStringLiteral("--kind"), QStringLiteral("portfolio"),
                               QStringLiteral("--out"), out + QStringLiteral(".pdf"), QStringLiteral("-w"), path});
    std::printf("portfolio PDF, %d suppliers, end to end: %.2f s (target < 5 s), %lld bytes\n", count, pdf,
                QFileInfo(out + QStringLiteral(".pdf")).size());
    const double sup = runCli(cli,
                              {QStringLiteral("report"), QStringLiteral("--kind"), QStringLiteral("supplier"),
                               QStringLiteral("--supplier"), id, QStringLiteral("--out"),
                               out + QStringLiteral("-s.pdf"), QStringLiteral("-w"), path});
    std::printf("supplier PDF, end to end: %.2f s (target < 0.5 s)\n", sup);
    for (const QString& j : {QStringLiteral("uk"), QStringLiteral("eu")}) {
        const double st = runCli(cli,
                                 {QStringLiteral("report"), QStringLiteral("--kind"), QStringLiteral("statement"),
                                  QStringLiteral("--jurisdiction"), j, QStringLiteral("--out"),
                                  out + j + QStringLiteral(".pdf"), QStringLiteral("-w"), path});
        std::printf("statement PDF (%s), %d suppliers, end to end: %.2f s (target < 2 s)\n", qPrintable(j), count, st);
    }
    const double odt = runCli(cli,
                              {QStringLiteral("report"), QStringLiteral("--kind"), QStringLiteral("portfolio"),
                               QStringLiteral("--out"), out + QStringLiteral(".odt"), QStringLiteral("-w"), path});
    std::printf("portfolio ODT, end to end: %.2f s\n", odt);
    return 0;
}
