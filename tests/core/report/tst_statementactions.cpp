// The remediation cycle in the statements and reports: every law's sections about actions, remediation,
// effectiveness, training and fees state the workspace's own numbers (3 open actions, 1 overdue, 12,500 THB
// reimbursed ...); an empty register stays a marked data gap; no worker-identifying text reaches any report.
#include "actions/actionrepository.h"
#include "report/dataexport.h"
#include "report/htmlrenderer.h"
#include "report/reportbuilder.h"
#include "report/reportdata.h"
#include "report/statements.h"
#include "risk/riskrepository.h"
#include "storage/database.h"
#include "storage/supplierrepository.h"
#include "util/uuid.h"

#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::report;

class TestStatementActions : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sectionsStateTheNumbers_data();
    void sectionsStateTheNumbers();
    void emptyRegisterIsAGap_data();
    void emptyRegisterIsAGap();
    void supplierReportListsActionsAndFees();
    void portfolioReportHasActionsAndFees();
    void noWorkerIdentityInAnyReport();
    void actionsExport();

private:
    static QString gapText(const ReportSection& s);
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Database> m_empty;
    QString m_seafood;
    QString m_electronics;
    PortfolioData m_data;
    PortfolioData m_emptyData;
    const QDateTime m_now = QDateTime(QDate(2026, 6, 30), QTime(12, 0), Qt::UTC);
};

namespace {

const QString kWorkerName = QStringLiteral("Somchai Jaidee");
const QString kPassport = QStringLiteral("MB1234567");

QString addSupplier(Database& db, const QString& name, const QString& country, const QString& sector)
{
    SupplierRecord rec;
    rec.supplier.id = newUuid();
    rec.supplier.name = name;
    rec.supplier.country = country;
    rec.supplier.sector = sector;
    return SupplierRepository(db).add(rec).ok() ? rec.supplier.id : QString();
}

} // namespace

void TestStatementActions::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto db = Database::open(m_dir.filePath(QStringLiteral("s.vigil")), Database::Mode::CreateIfMissing);
    QVERIFY2(db.ok(), qPrintable(db.error().toString()));
    m_db = std::move(db).value();
    m_seafood = addSupplier(*m_db, QStringLiteral("Mahachai Frozen Seafood Co., Ltd."), QStringLiteral("TH"),
                            QStringLiteral("Fishing and aquaculture"));
    m_electronics = addSupplier(*m_db, QStringLiteral("Bayan Lepas Precision Sdn Bhd"), QStringLiteral("MY"),
                                QStringLiteral("Electronics"));
    QVERIFY(!m_seafood.isEmpty() && !m_electronics.isEmpty());

    // Evidence: fees paid by workers at the seafood supplier.
    RiskObservation o;
    o.indicatorId = QStringLiteral("rec_fees_paid_by_worker");
    o.status = ObservationStatus::Present;
    o.sourceType = QStringLiteral("worker_interview");
    o.date = QDate(2026, 1, 20);
    o.note = QStringLiteral("Interview with %1, passport %2").arg(kWorkerName, kPassport);
    auto obs = RiskRepository(*m_db).addObservation(m_seafood, o);
    QVERIFY(obs.ok());

    // Five actions: 2 open (1 overdue), 1 in progress, 1 closed and verified, 1 cancelled -> 3 open, 1 overdue.
    ActionRepository repo(*m_db);
    auto action = [&](const QString& supplier, const QString& what, ActionStatus st, const QDate& due,
                      const QString& indicator) {
        CorrectiveAction a;
        a.supplierId = supplier;
        a.description = what;
        a.openedOn = QDate(2026, 1, 25);
        a.dueOn = due;
        a.status = st;
        a.indicatorId = indicator;
        if (isClosed(st))
            a.closedOn = QDate(2026, 4, 2);
        if (st == ActionStatus::ClosedVerified)
            a.verificationNote = QStringLiteral("Confirmed with %1 (passport %2)").arg(kWorkerName, kPassport);
        auto id = repo.saveAction(a);
        QVERIFY2(id.ok(), qPrintable(id.error().toString()));
    };
    action(m_seafood, QStringLiteral("Reimburse recruitment fees to the 2025 intake"), ActionStatus::Open,
           QDate(2026, 5, 31), QStringLiteral("rec_fees_paid_by_worker"));
    action(m_seafood, QStringLiteral("Adopt an Employer Pays policy with the Yangon agency"), ActionStatus::InProgress,
           QDate(2026, 9, 30), QStringLiteral("rec_no_employer_pays_policy"));
    action(m_electronics, QStringLiteral("Contracts in Nepali before departure"), ActionStatus::Open,
           QDate(2026, 12, 31), QStringLiteral("rec_no_written_contract_in_language"));
    action(m_seafood, QStringLiteral("Lockers for workers' passports"), ActionStatus::ClosedVerified,
           QDate(2026, 3, 31), QStringLiteral("ilo_07_retention_of_identity_documents"));
    action(m_electronics, QStringLiteral("Dormitory audit"), ActionStatus::Cancelled, QDate(), QString());

    FeeEntry f;
    f.supplierId = m_seafood;
    f.originCountry = QStringLiteral("MM");
    f.destinationCountry = QStringLiteral("TH");
    f.workerGroup = QStringLiteral("2025 intake, filleting line");
    f.workers = 20;
    f.paidAmount = 40000;
    f.reimbursedAmount = 12500;
    f.currency = QStringLiteral("THB");
    f.recordedOn = QDate(2026, 2, 10);
    f.note = QStringLiteral("Receipt shown by %1").arg(kWorkerName);
    QVERIFY(repo.saveFee(f).ok());

    Training t;
    t.topic = QStringLiteral("Forced labour indicators for buyers");
    t.heldOn = QDate(2026, 3, 5);
    t.participants = 18;
    t.audience = TrainingAudience::Staff;
    QVERIFY(repo.saveTraining(t).ok());
    t.topic = QStringLiteral("Employer Pays Principle for recruiters");
    t.participants = 5;
    t.audience = TrainingAudience::Recruiters;
    t.supplierId = m_seafood;
    QVERIFY(repo.saveTraining(t).ok());

    auto data = gatherPortfolio(*m_db, m_now);
    QVERIFY2(data.ok(), qPrintable(data.error().toString()));
    m_data = data.value();

    // The same suppliers with no cycle recorded.
    auto empty = Database::open(m_dir.filePath(QStringLiteral("e.vigil")), Database::Mode::CreateIfMissing);
    QVERIFY(empty.ok());
    m_empty = std::move(empty).value();
    QVERIFY(!addSupplier(*m_empty, QStringLiteral("Mahachai Frozen Seafood Co., Ltd."), QStringLiteral("TH"),
                         QStringLiteral("Fishing and aquaculture"))
                 .isEmpty());
    auto emptyData = gatherPortfolio(*m_empty, m_now);
    QVERIFY(emptyData.ok());
    m_emptyData = emptyData.value();
}

QString TestStatementActions::gapText(const ReportSection& s)
{
    QString text;
    for (const ReportBlock& b : s.blocks)
        if (b.kind == BlockKind::DataGap)
            text += b.text + QLatin1Char('\n');
    return text;
}

// Each row: a law's section and the figures it must state, written out here from the records above.
void TestStatementActions::sectionsStateTheNumbers_data()
{
    QTest::addColumn<QString>("jurisdiction");
    QTest::addColumn<QString>("section");
    QTest::addColumn<QStringList>("figures");
    const QStringList actions{"5 corrective actions", "3 open (1 in progress), 1 overdue", "1 closed and verified"};
    const QStringList fees{"Recruitment fees reimbursed to workers: 12,500 THB, of 40,000 THB paid",
                           "Still owed: 27,500 THB"};
    const QStringList effectiveness{"1 of 5 closed, 100% of the closures verified; 1 open actions are overdue",
                                    "12,500 THB of 40,000 THB (31%)"};
    const QStringList training{"2 trainings", "23 participants", "1 for staff (18 participants)",
                               "1 for recruiters (5)"};
    QTest::addRow("UK s54(5)(d) risk managed: actions") << "uk"
                                                        << "uk_d" << actions;
    QTest::addRow("UK s54(5)(e) effectiveness") << "uk"
                                                << "uk_e" << effectiveness + fees;
    QTest::addRow("UK s54(5)(f) training") << "uk"
                                           << "uk_f" << training;
    QTest::addRow("AU s16(1)(d) actions and remediation") << "au"
                                                          << "au_d" << actions + fees;
    QTest::addRow("AU s16(1)(e) effectiveness") << "au"
                                                << "au_e" << effectiveness;
    QTest::addRow("AU s16(1)(g) other: training") << "au"
                                                  << "au_g" << training;
    QTest::addRow("CA s11(3)(d) remediation") << "ca"
                                              << "ca_d" << actions + fees;
    QTest::addRow("CA s11(3)(e) loss of income")
        << "ca"
        << "ca_e"
        << QStringList{"12,500 THB reimbursed to workers at 1 suppliers (groups totalling 20 workers)",
                       "27,500 THB still owed"};
    QTest::addRow("CA s11(3)(f) training") << "ca"
                                           << "ca_f" << training;
    QTest::addRow("CA s11(3)(g) effectiveness") << "ca"
                                                << "ca_g" << effectiveness;
    QTest::addRow("DE §10(2) Nr. 2 what was done")
        << "de"
        << "de_2" << actions + QStringList{"5 corrective actions: 3 open (1 overdue), 1 closed and verified"};
    QTest::addRow("DE §10(2) Nr. 3 effectiveness") << "de"
                                                   << "de_3" << effectiveness + fees;
    QTest::addRow("DE §10(2) Nr. 4 conclusions") << "de"
                                                 << "de_4"
                                                 << QStringList{"1 corrective actions are overdue at 1 suppliers",
                                                                "Recruitment fees still owed to workers (27,500 THB)"};
    QTest::addRow("EU Art. 10 prevention") << "eu"
                                           << "eu_art10" << actions;
    QTest::addRow("EU Art. 11 corrective action") << "eu"
                                                  << "eu_art11" << actions;
    QTest::addRow("EU Art. 12 remediation") << "eu"
                                            << "eu_art12" << fees;
    QTest::addRow("EU Art. 15 monitoring") << "eu"
                                           << "eu_art15" << effectiveness;
    QTest::addRow("EU Art. 16 communicating: training") << "eu"
                                                        << "eu_art16" << training;
}

void TestStatementActions::sectionsStateTheNumbers()
{
    QFETCH(QString, jurisdiction);
    QFETCH(QString, section);
    QFETCH(QStringList, figures);
    const auto j = jurisdictionFromId(jurisdiction);
    QVERIFY(j);
    const ReportDocument doc = buildStatement(m_data, *j, {});
    const ReportSection* s = doc.section(section);
    QVERIFY2(s, qPrintable(section));
    const QString text = s->plainText();
    for (const QString& figure : figures)
        QVERIFY2(
            text.contains(figure),
            qPrintable(figure + QStringLiteral("\n  not in ") + section + QStringLiteral(":\n") + text.left(3000)));
    // The register holds data: no gap says it is missing.
    const QString gaps = gapText(*s);
    QVERIFY2(!gaps.contains(QStringLiteral("No corrective action is recorded")), qPrintable(gaps));
    QVERIFY2(!gaps.contains(QStringLiteral("does not record trainings")), qPrintable(gaps));
    QVERIFY2(!gaps.contains(QStringLiteral("no fee ledger entry")), qPrintable(gaps));
}

void TestStatementActions::emptyRegisterIsAGap_data()
{
    QTest::addColumn<QString>("jurisdiction");
    QTest::addColumn<QString>("section");
    QTest::addColumn<QStringList>("gaps");
    QTest::addRow("UK (d) actions") << "uk"
                                    << "uk_d" << QStringList{"No corrective action is recorded"};
    QTest::addRow("UK (f) training") << "uk"
                                     << "uk_f" << QStringList{"does not record trainings"};
    QTest::addRow("AU (d) actions and fees")
        << "au"
        << "au_d" << QStringList{"No corrective action is recorded", "no fee ledger entry"};
    QTest::addRow("CA (e) loss of income") << "ca"
                                           << "ca_e" << QStringList{"loss of income"};
    QTest::addRow("CA (g) effectiveness") << "ca"
                                          << "ca_g" << QStringList{"whether remediation works cannot be measured"};
    QTest::addRow("DE Nr. 2") << "de"
                              << "de_2" << QStringList{"No corrective action is recorded"};
    QTest::addRow("EU Art. 12") << "eu"
                                << "eu_art12" << QStringList{"no fee ledger entry"};
}

void TestStatementActions::emptyRegisterIsAGap()
{
    QFETCH(QString, jurisdiction);
    QFETCH(QString, section);
    QFETCH(QStringList, gaps);
    const ReportDocument doc = buildStatement(m_emptyData, *jurisdictionFromId(jurisdiction), {});
    const ReportSection* s = doc.section(section);
    QVERIFY(s);
    const QString text = gapText(*s);
    for (const QString& g : gaps)
        QVERIFY2(text.contains(g), qPrintable(g + QStringLiteral(" not marked as a gap in ") + section));
    // Nothing invented: no amount, no action count.
    QVERIFY(!s->plainText().contains(QStringLiteral("THB")));
    QVERIFY(!s->plainText().contains(QStringLiteral("corrective actions are recorded at")));
}

void TestStatementActions::supplierReportListsActionsAndFees()
{
    auto data = gatherSupplier(*m_db, m_seafood, m_now);
    QVERIFY2(data.ok(), qPrintable(data.error().toString()));
    const ReportDocument doc = buildSupplierReport(data.value());
    const ReportSection* actions = doc.section(QStringLiteral("actions"));
    QVERIFY(actions);
    const ReportTable* table = nullptr;
    for (const ReportBlock& b : actions->blocks)
        if (b.kind == BlockKind::Table && b.table.caption == QLatin1String("Corrective actions"))
            table = &b.table;
    QVERIFY(table);
    QCOMPARE(table->header.mid(0, 2), (QStringList{"Action", "Finding"}));
    QCOMPARE(table->rows.size(), 3); // this supplier's three
    QStringList overdue;
    for (const QStringList& row : table->rows) {
        QCOMPARE(row.size(), table->header.size());
        if (row.last().startsWith(QLatin1String("OVERDUE")))
            overdue << row.first();
    }
    QCOMPARE(overdue, QStringList{"Reimburse recruitment fees to the 2025 intake"});
    QVERIFY(actions->plainText().contains(QStringLiteral("OVERDUE by 30 days")));
    QVERIFY(actions->plainText().contains(QStringLiteral("Workers paid recruitment fees or related costs")));
    QVERIFY(actions->plainText().contains(QStringLiteral("Closed – verified on 2026-04-02")));
    QVERIFY(actions->plainText().contains(QStringLiteral("Employer Pays Principle for recruiters")));
    const ReportSection* fees = doc.section(QStringLiteral("fees"));
    QVERIFY(fees);
    QVERIFY2(fees->plainText().contains(QStringLiteral("Fees paid by workers: 40,000 THB. Reimbursed: 12,500 THB. "
                                                       "Outstanding: 27,500 THB")),
             qPrintable(fees->plainText()));
    QVERIFY(fees->plainText().contains(QStringLiteral("MM → TH")));
    QVERIFY(gapText(*fees).isEmpty());

    // A supplier with no fee recorded says so.
    auto other = gatherSupplier(*m_db, m_electronics, m_now);
    QVERIFY(other.ok());
    const ReportDocument otherDoc = buildSupplierReport(other.value());
    QVERIFY(gapText(*otherDoc.section(QStringLiteral("fees"))).contains(QStringLiteral("No fee ledger entry")));
}

void TestStatementActions::portfolioReportHasActionsAndFees()
{
    const ReportDocument doc = buildPortfolioReport(m_data);
    const ReportSection* s = doc.section(QStringLiteral("actions"));
    QVERIFY(s);
    const QString text = s->plainText();
    QVERIFY(text.contains(QStringLiteral("3 open (1 in progress), 1 overdue")));
    QVERIFY(text.contains(QStringLiteral("12,500 THB")));
    bool chart = false;
    for (const ReportBlock& b : s->blocks)
        if (b.kind == BlockKind::Chart && b.chart.id == QLatin1String("corrective_actions")) {
            chart = true;
            QCOMPARE(b.chart.categories.size(), 5);
            QCOMPARE(b.chart.series.size(), 2);
            QCOMPARE(b.chart.series[1].values.value(0), 1.0); // one overdue open action
            QCOMPARE(b.chart.series[0].values.value(0), 1.0); // one open action on time
        }
    QVERIFY(chart);
}

void TestStatementActions::noWorkerIdentityInAnyReport()
{
    QList<ReportDocument> docs;
    for (Jurisdiction j : allJurisdictions())
        docs << buildStatement(m_data, j, {});
    docs << buildPortfolioReport(m_data);
    for (const QString& id : {m_seafood, m_electronics}) {
        auto data = gatherSupplier(*m_db, id, m_now);
        QVERIFY(data.ok());
        docs << buildSupplierReport(data.value());
    }
    for (const ReportDocument& doc : docs) {
        const QString text = doc.plainText() + QString::fromUtf8(renderHtml(doc));
        for (const QString& identity : {kWorkerName, kPassport, QStringLiteral("Somchai")})
            QVERIFY2(!text.contains(identity), qPrintable(doc.title + QStringLiteral(" shows ") + identity));
    }
}

void TestStatementActions::actionsExport()
{
    auto t = actionsTable(*m_db);
    QVERIFY2(t.ok(), qPrintable(t.error().toString()));
    QCOMPARE(t->rows.size(), 5);
    const int description = int(t->header.indexOf(QStringLiteral("description")));
    const int overdue = int(t->header.indexOf(QStringLiteral("overdue")));
    const int status = int(t->header.indexOf(QStringLiteral("status")));
    QVERIFY(description >= 0 && overdue >= 0 && status >= 0);
    QStringList late;
    for (const QVariantList& row : t->rows) {
        QCOMPARE(row.size(), t->header.size());
        // The export is made today, so the action due 2026-05-31 is overdue from then on.
        if (row[overdue].toBool())
            late << row[description].toString();
    }
    QStringList expected; // the open actions whose due date has passed on the day the export is made
    const QDate today = QDateTime::currentDateTimeUtc().date();
    for (const auto& [what, due] :
         {std::pair{"Reimburse recruitment fees to the 2025 intake", QDate(2026, 5, 31)},
          std::pair{"Adopt an Employer Pays policy with the Yangon agency", QDate(2026, 9, 30)},
          std::pair{"Contracts in Nepali before departure", QDate(2026, 12, 31)}})
        if (due < today)
            expected << QString::fromUtf8(what);
    late.sort();
    expected.sort();
    QCOMPARE(late, expected);
    const QString csv = QString::fromUtf8(toCsv(t.value()));
    QVERIFY(csv.contains(QStringLiteral("closed_verified")));
    QVERIFY(!csv.contains(kWorkerName));
    QVERIFY(!csv.contains(kPassport));
    auto one = actionsTable(*m_db, m_electronics);
    QVERIFY(one.ok());
    QCOMPARE(one->rows.size(), 2);
}

QTEST_GUILESS_MAIN(TestStatementActions)
#include "tst_statementactions.moc"
