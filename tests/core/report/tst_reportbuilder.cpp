// The supplier due-diligence report and the portfolio report: what they must hold, and what they must not.
#include "report/dataexport.h"
#include "report/reportbuilder.h"
#include "risk/riskrepository.h"
#include "risk/scoring.h"
#include "storage/database.h"
#include "storage/supplierrepository.h"
#include "util/uuid.h"

#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::report;

class TestReportBuilder : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void supplierReportHoldsTheFile();
    void supplierScoreExplained();
    void noWorkerData();
    void portfolioTopRisksFirst();
    void exportsNeutraliseFormulas();
    void removedSiteStaysAtItsSite();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    QString m_id;
    QString m_other;
    QDateTime m_now = QDateTime(QDate(2026, 6, 30), QTime(12, 0), Qt::UTC);
};

void TestReportBuilder::initTestCase()
{
    auto db = Database::open(m_dir.filePath(QStringLiteral("r.vigil")), Database::Mode::CreateIfMissing);
    QVERIFY2(db.ok(), qPrintable(db.error().toString()));
    m_db = std::move(db).value();
    SupplierRepository repo(*m_db);
    Recruiter rec;
    rec.id = newUuid();
    rec.name = QStringLiteral("ရွှေရတနာ Agency");
    rec.country = QStringLiteral("MM");
    rec.licenceStatus = LicenceStatus::Unlicensed;
    QVERIFY(repo.saveRecruiter(rec).ok());
    SupplierRecord r;
    m_id = newUuid();
    r.supplier.id = m_id;
    r.supplier.name = QStringLiteral("=HYPERLINK(\"http://x\") Seafood");
    r.supplier.otherNames = {QStringLiteral("บริษัท ทดสอบ จำกัด")};
    r.supplier.country = QStringLiteral("TH");
    r.supplier.sector = QStringLiteral("fishing");
    r.supplier.products = {QStringLiteral("Fish")};
    r.supplier.tier = 2;
    r.supplier.migrantShare = 0.6;
    Site site;
    site.id = newUuid();
    site.supplierId = m_id;
    site.name = QStringLiteral("Samut Sakhon plant");
    site.country = QStringLiteral("TH");
    site.workers = 420;
    r.sites << site;
    RecruiterLink link;
    link.recruiterId = rec.id;
    link.originCountry = QStringLiteral("MM");
    link.destinationCountry = QStringLiteral("TH");
    link.workersRecruited = 120;
    r.recruiters << link;
    QVERIFY2(repo.add(r).ok(), "add");
    SupplierRecord other;
    m_other = newUuid();
    other.supplier.id = m_other;
    other.supplier.name = QStringLiteral("Low Risk Office Supplies");
    other.supplier.country = QStringLiteral("DE");
    other.supplier.sector = QStringLiteral("office");
    QVERIFY(repo.add(other).ok());

    RiskRepository risk(*m_db);
    RiskObservation o;
    o.indicatorId = QStringLiteral("ilo_09_debt_bondage");
    o.status = ObservationStatus::Present;
    o.sourceType = QStringLiteral("worker_interview");
    o.date = QDate(2026, 2, 14);
    o.siteId = site.id;
    o.note = QStringLiteral("Worker Aung Aung (passport MA123456) owes 40,000 THB");
    QVERIFY(risk.addObservation(m_id, o).ok());
    o.indicatorId = QStringLiteral("ilo_11_excessive_overtime");
    o.date = QDate(2026, 2, 15);
    QVERIFY(risk.addObservation(m_id, o).ok());
    RiskMitigation m;
    m.type = QStringLiteral("fees_reimbursed");
    m.date = QDate(2026, 5, 2);
    m.note = QStringLiteral("Paid back to Aung Aung");
    QVERIFY(risk.addMitigation(m_id, m).ok());
    // Two scorings: a history
    auto ctx = loadScoringContext(*m_db, m_now);
    QVERIFY(ctx.ok());
    QVERIFY(scoreWorkspace(*m_db, ctx.value(), m_now.addDays(-60)).ok());
    QVERIFY(risk.removeMitigation(risk.mitigations(m_id)->first().id).ok());
    QVERIFY(scoreWorkspace(*m_db, ctx.value(), m_now.addDays(-1)).ok());
    QVERIFY(risk.addMitigation(m_id, m).ok());
}

void TestReportBuilder::supplierReportHoldsTheFile()
{
    auto data = gatherSupplier(*m_db, m_id, m_now);
    QVERIFY2(data.ok(), qPrintable(data.error().toString()));
    const ReportDocument doc = buildSupplierReport(data.value(), QStringLiteral("Buyer Ltd"));
    QStringList ids;
    for (const ReportSection& s : doc.sections)
        ids << s.id;
    QCOMPARE(ids,
             (QStringList{"profile", "sites", "recruiters", "score", "indicators", "gaps", "actions", "fees", "history",
                          "about"}));
    QVERIFY(doc.section(QStringLiteral("profile"))->plainText().contains(QStringLiteral("บริษัท ทดสอบ จำกัด")));
    QVERIFY(doc.section(QStringLiteral("sites"))->plainText().contains(QStringLiteral("Samut Sakhon plant")));
    const QString rec = doc.section(QStringLiteral("recruiters"))->plainText();
    QVERIFY(rec.contains(QStringLiteral("ရွှေရတနာ Agency")));
    QVERIFY(rec.contains(QStringLiteral("Myanmar (MM) → Thailand (TH)")));
    QVERIFY(rec.contains(QStringLiteral("unlicensed")));
    const QString ind = doc.section(QStringLiteral("indicators"))->plainText();
    QVERIFY(ind.contains(QStringLiteral("2026-02-14")));
    QVERIFY(ind.contains(QStringLiteral("Worker interview")));
    QVERIFY(ind.contains(QStringLiteral("Samut Sakhon plant")));
    QVERIFY(doc.section(QStringLiteral("gaps"))->plainText().contains(QStringLiteral("gaps")));
    QVERIFY(
        doc.section(QStringLiteral("fees"))->plainText().contains(QStringLiteral("Verified fee reimbursements: 1")));
    // History: two stored scores
    bool rows = false;
    for (const ReportBlock& b : doc.section(QStringLiteral("history"))->blocks)
        rows = rows || (b.kind == BlockKind::Table && b.table.rows.size() == 2);
    QVERIFY(rows);
    QVERIFY(doc.plainText().contains(data->methodologyVersion));
}

void TestReportBuilder::supplierScoreExplained()
{
    auto data = gatherSupplier(*m_db, m_id, m_now);
    QVERIFY(data.ok());
    QCOMPARE(data->risk.tier, RiskTier::Critical); // debt bondage is zero tolerance
    const ReportDocument doc = buildSupplierReport(data.value());
    const ReportSection* score = doc.section(QStringLiteral("score"));
    const ReportTable* table = nullptr;
    for (const ReportBlock& b : score->blocks)
        if (b.kind == BlockKind::Table)
            table = &b.table;
    QVERIFY(table);
    QCOMPARE(table->rows.size(), data->risk.contributions.size());
    double sum = 0;
    for (const QStringList& row : table->rows)
        sum += row.value(3).toDouble();
    QVERIFY2(qAbs(sum - data->risk.score) < 0.05 * table->rows.size() + 0.01,
             qPrintable(QStringLiteral("%1 vs %2").arg(sum).arg(data->risk.score)));
}

void TestReportBuilder::noWorkerData()
{
    auto data = gatherSupplier(*m_db, m_id, m_now);
    QVERIFY(data.ok());
    const QString text = buildSupplierReport(data.value()).plainText();
    QVERIFY(!text.contains(QStringLiteral("Aung")));
    QVERIFY(!text.contains(QStringLiteral("MA123456")));
    auto p = gatherPortfolio(*m_db, m_now);
    QVERIFY(p.ok());
    QVERIFY(!buildPortfolioReport(p.value()).plainText().contains(QStringLiteral("Aung")));
    auto findings = findingsTable(*m_db);
    QVERIFY(findings.ok());
    QCOMPARE(findings->rows.size(), 2);
    QVERIFY(!QString::fromUtf8(toCsv(findings.value())).contains(QStringLiteral("Aung")));
}

void TestReportBuilder::portfolioTopRisksFirst()
{
    auto p = gatherPortfolio(*m_db, m_now);
    QVERIFY(p.ok());
    QCOMPARE(p->suppliers.size(), 2);
    // Scored on 1 May and 29 June: the trend has two months, the first with the supplier's first score.
    QCOMPARE(p->historyMonths, (QStringList{"2026-05", "2026-06"}));
    QCOMPARE(p->historyTiers.first()[0] + p->historyTiers.first()[1] + p->historyTiers.first()[2]
                 + p->historyTiers.first()[3],
             2);
    const ReportDocument doc = buildPortfolioReport(p.value());
    const ReportSection* top = doc.section(QStringLiteral("top_risks"));
    QVERIFY(top);
    QCOMPARE(top->blocks.first().table.rows.first().first(), QStringLiteral("=HYPERLINK(\"http://x\") Seafood"));
    QVERIFY(top->blocks.first().table.rows.first().value(3).startsWith(QStringLiteral("Critical")));
    QCOMPARE(p->zeroTolerance(), 1);
    QCOMPARE(p->corridors.value(QStringLiteral("MM>TH")), 1);
}

void TestReportBuilder::exportsNeutraliseFormulas()
{
    auto p = gatherPortfolio(*m_db, m_now);
    QVERIFY(p.ok());
    const QByteArray bytes = toCsv(scoresTable(p.value()));
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QString csv = QString::fromUtf8(bytes);
    QVERIFY2(csv.contains(QStringLiteral(",\"'=HYPERLINK(\"\"http://x\"\") Seafood\",")), qPrintable(csv));
    QVERIFY(!csv.contains(QStringLiteral(",=HYPERLINK")));
}

// The observations made at a site removed from the supplier since are still about that site (schema 10 keeps the
// id): the report says the site was removed, never "whole supplier", and never a bare id.
void TestReportBuilder::removedSiteStaysAtItsSite()
{
    SupplierRepository repo(*m_db);
    const SupplierRecord before = repo.record(m_id).value();
    QCOMPARE(before.sites.size(), 1);
    // The score's explanation names the site where the engine has only its id.
    const auto scoreText = [&] {
        auto d = gatherSupplier(*m_db, m_id, m_now);
        return d.ok()
            ? buildSupplierReport(d.value(), QStringLiteral("Buyer Ltd")).section(QStringLiteral("score"))->plainText()
            : d.error().toString();
    };
    QString score = scoreText();
    // Two contributions and the possible-forced-labour escalation.
    QVERIFY2(score.count(QStringLiteral(" at site “Samut Sakhon plant”")) == 3, qPrintable(score));
    QVERIFY(!score.contains(before.sites.first().id));
    SupplierRecord after = before;
    after.sites.clear();
    QVERIFY(repo.save(after).ok());
    auto data = gatherSupplier(*m_db, m_id, m_now);
    QVERIFY2(data.ok(), qPrintable(data.error().toString()));
    const QString ind = buildSupplierReport(data.value(), QStringLiteral("Buyer Ltd"))
                            .section(QStringLiteral("indicators"))
                            ->plainText();
    QCOMPARE(ind.count(QStringLiteral("(site removed)")), 2);
    QVERIFY(!ind.contains(QStringLiteral("whole supplier")));
    QVERIFY(!ind.contains(before.sites.first().id));
    score = scoreText();
    QVERIFY2(score.count(QStringLiteral(" at (site removed)")) == 3, qPrintable(score));
    QVERIFY(!score.contains(before.sites.first().id));
    QVERIFY(repo.save(before).ok()); // undo: the site by its name again
    data = gatherSupplier(*m_db, m_id, m_now);
    QVERIFY(data.ok());
    QVERIFY(buildSupplierReport(data.value(), QStringLiteral("Buyer Ltd"))
                .section(QStringLiteral("indicators"))
                ->plainText()
                .contains(QStringLiteral("Samut Sakhon plant")));
}

QTEST_GUILESS_MAIN(TestReportBuilder)
#include "tst_reportbuilder.moc"
