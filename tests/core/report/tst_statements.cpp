// Statements for five laws: every section the law names is present, filled from the workspace (figures, tables or
// a marked data gap), and has a place for the company's own text, which the workspace keeps.
#include "report/htmlrenderer.h"
#include "report/reportdata.h"
#include "report/statements.h"
#include "report/statementtexts.h"
#include "risk/riskrepository.h"
#include "storage/database.h"
#include "storage/sampleportfolio.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::report;

class TestStatements : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everySectionPresentAndFilled_data();
    void everySectionPresentAndFilled();
    void figuresComeFromTheWorkspace_data();
    void figuresComeFromTheWorkspace();
    void gapsAreMarkedNotInvented();
    void companyTextsAreSavedAndUsed();
    void unknownJurisdictionRefused();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    PortfolioData m_data;
    QDateTime m_now = QDateTime(QDate(2026, 6, 30), QTime(12, 0), Qt::UTC);
    int m_observedSuppliers = 0;
};

void TestStatements::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto db = Database::open(m_dir.filePath(QStringLiteral("s.vigil")), Database::Mode::CreateIfMissing);
    QVERIFY2(db.ok(), qPrintable(db.error().toString()));
    m_db = std::move(db).value();
    auto n = loadSamplePortfolio(*m_db);
    QVERIFY2(n.ok(), qPrintable(n.error().toString()));
    // Evidence at three suppliers: retained documents at one (zero tolerance), fees at another, nothing found at a
    // third; a fee reimbursement and a grievance channel verified.
    QSqlQuery q(m_db->db());
    QVERIFY(q.exec(QStringLiteral("SELECT id FROM suppliers ORDER BY rowid_ LIMIT 3")));
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    QCOMPARE(ids.size(), 3);
    RiskRepository risk(*m_db);
    auto add = [&](const QString& supplier, const QString& indicator, ObservationStatus status) {
        RiskObservation o;
        o.indicatorId = indicator;
        o.status = status;
        o.sourceType = QStringLiteral("worker_interview");
        o.date = QDate(2026, 3, 1);
        o.note = QStringLiteral("Interviewed worker Somchai, passport held by the manager");
        auto r = risk.addObservation(supplier, o);
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    };
    add(ids[0], QStringLiteral("ilo_07_retention_of_identity_documents"), ObservationStatus::Present);
    add(ids[1], QStringLiteral("rec_fees_paid_by_worker"), ObservationStatus::Present);
    add(ids[2], QStringLiteral("ilo_08_withholding_of_wages"), ObservationStatus::Absent);
    m_observedSuppliers = 3;
    RiskMitigation m;
    m.type = QStringLiteral("fees_reimbursed");
    m.date = QDate(2026, 4, 1);
    QVERIFY(risk.addMitigation(ids[1], m).ok());
    m.type = QStringLiteral("grievance_channel");
    QVERIFY(risk.addMitigation(ids[1], m).ok());

    auto data = gatherPortfolio(*m_db, m_now);
    QVERIFY2(data.ok(), qPrintable(data.error().toString()));
    m_data = data.value();
    QCOMPARE(m_data.suppliers.size(), 207);
}

// The sections each law names, written out here independently of the templates.
void TestStatements::everySectionPresentAndFilled_data()
{
    QTest::addColumn<QString>("jurisdiction");
    QTest::addColumn<QStringList>("references");
    QTest::addRow("UK s54(5) a-f") << "uk" << QStringList{"s54(5)(a)", "s54(5)(b)", "s54(5)(c)", "s54(5)(d)",
                                                          "s54(5)(e)", "s54(5)(f)", "s54(6)"};
    QTest::addRow("Australia s16(1) a-g") << "au" << QStringList{"s16(1)(a)", "s16(1)(b)", "s16(1)(c)", "s16(1)(d)",
                                                                 "s16(1)(e)", "s16(1)(f)", "s16(1)(g)", "s16(2)"};
    QTest::addRow("Canada S-211 s11") << "ca" << QStringList{"s11(3)(a)", "s11(3)(b)", "s11(3)(c)", "s11(3)(d)",
                                                             "s11(3)(e)", "s11(3)(f)", "s11(3)(g)", "s11(4)-(5)"};
    QTest::addRow("Germany LkSG §10(2)") << "de"
                                         << QStringList{"§10(2) Nr. 1", "§10(2) Nr. 2", "§10(2) Nr. 3", "§10(2) Nr. 4",
                                                        "§10(2), §12"};
    QTest::addRow("EU CSDDD Arts 7-16") << "eu" << QStringList{"Art. 7",  "Art. 8",  "Art. 9",  "Art. 10", "Art. 11",
                                                               "Art. 12", "Art. 13", "Art. 14", "Art. 15", "Art. 16"};
}

void TestStatements::everySectionPresentAndFilled()
{
    QFETCH(QString, jurisdiction);
    QFETCH(QStringList, references);
    const auto j = jurisdictionFromId(jurisdiction);
    QVERIFY(j);
    const ReportDocument doc = buildStatement(m_data, *j, {});
    QStringList found;
    for (const ReportSection& s : doc.sections)
        if (!s.reference.isEmpty())
            found << s.reference;
    QCOMPARE(found, references);
    for (const ReportSection& s : doc.sections) {
        if (s.reference.isEmpty())
            continue;
        QVERIFY2(s.hasDataBlock(), qPrintable(s.reference + QStringLiteral(" has nothing from the workspace")));
        QVERIFY2(s.hasCompanyText(), qPrintable(s.reference + QStringLiteral(" has no place for the company")));
        QVERIFY2(!s.asks.isEmpty(), qPrintable(s.reference));
    }
    // Provenance: the date, the methodology version and the datasets with edition and licence.
    const ReportSection* about = doc.section(QStringLiteral("about"));
    QVERIFY(about);
    const QString text = doc.plainText();
    QVERIFY(text.contains(m_data.methodologyVersion));
    QVERIFY(text.contains(QStringLiteral("2026-06-30")));
    QVERIFY(!m_data.datasets.isEmpty());
    for (const ReportDataset& d : m_data.datasets) {
        QVERIFY2(about->plainText().contains(d.edition), qPrintable(d.name));
        QVERIFY2(about->plainText().contains(d.licence), qPrintable(d.name));
    }
    // No data that could identify a worker: observation notes never appear.
    QVERIFY(!text.contains(QStringLiteral("Somchai")));
    QVERIFY(!QString::fromUtf8(renderHtml(doc)).contains(QStringLiteral("Somchai")));
}

void TestStatements::figuresComeFromTheWorkspace_data()
{
    QTest::addColumn<QString>("jurisdiction");
    QTest::addColumn<QString>("structureSection");
    QTest::addColumn<QString>("riskSection");
    QTest::addRow("UK") << "uk"
                        << "uk_a"
                        << "uk_d";
    QTest::addRow("Australia") << "au"
                               << "au_b"
                               << "au_c";
    QTest::addRow("Canada") << "ca"
                            << "ca_a"
                            << "ca_c";
    QTest::addRow("Germany") << "de"
                             << "de_2"
                             << "de_1";
    QTest::addRow("EU") << "eu"
                        << "eu_art8"
                        << "eu_art8";
}

void TestStatements::figuresComeFromTheWorkspace()
{
    QFETCH(QString, jurisdiction);
    QFETCH(QString, structureSection);
    QFETCH(QString, riskSection);
    const ReportDocument doc = buildStatement(m_data, *jurisdictionFromId(jurisdiction), {});
    const ReportSection* structure = doc.section(structureSection);
    const ReportSection* risk = doc.section(riskSection);
    QVERIFY(structure && risk);
    // Supplier counts read from the database independently
    QSqlQuery q(m_db->db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*), sum(tier = 1), sum(tier > 1) FROM suppliers")));
    QVERIFY(q.next());
    const QString total = q.value(0).toString();
    QVERIFY2(structure->plainText().contains(total), qPrintable(structure->plainText().left(400)));
    if (jurisdiction != QLatin1String("de")) { // the LkSG section names indirect suppliers only
        QVERIFY(structure->plainText().contains(q.value(1).toString()));
    }
    QVERIFY(structure->plainText().contains(q.value(2).toString()));
    // The risk section's tier table adds up to every supplier, and it names the indicator found present.
    const QString riskText = risk->plainText();
    bool foundTable = false;
    for (const ReportBlock& b : risk->blocks) {
        if (b.kind != BlockKind::Table || b.table.caption != QLatin1String("Suppliers by risk tier"))
            continue;
        foundTable = true;
        int sum = 0;
        for (const QStringList& row : b.table.rows)
            sum += row.value(1).remove(QLatin1Char(',')).toInt();
        QCOMPARE(sum, 207);
    }
    QVERIFY(foundTable);
    QVERIFY2(riskText.contains(QStringLiteral("Retention of identity documents"), Qt::CaseInsensitive),
             qPrintable(riskText.right(600)));
    QVERIFY(riskText.contains(QStringLiteral("zero-tolerance")));
}

void TestStatements::gapsAreMarkedNotInvented()
{
    // With no trainings, corrective actions or fee ledger recorded (the sample's are taken out of the figures), the
    // sections say so with a data gap. tst_statementactions checks the same from a workspace.
    QVERIFY(m_data.cycle.hasTrainings()); // the sample has them
    PortfolioData none = m_data;
    none.cycle = CycleFigures();
    const ReportDocument uk = buildStatement(none, Jurisdiction::UK, {});
    const ReportSection* training = uk.section(QStringLiteral("uk_f"));
    QVERIFY(training);
    bool gap = false;
    for (const ReportBlock& b : training->blocks)
        gap = gap || (b.kind == BlockKind::DataGap && b.text.contains(QStringLiteral("trainings")));
    QVERIFY(gap);
    const ReportDocument ca = buildStatement(none, Jurisdiction::CA, {});
    const ReportSection* income = ca.section(QStringLiteral("ca_e"));
    QVERIFY(income);
    QVERIFY(income->title.contains(QStringLiteral("loss of income")));
    bool incomeGap = false;
    for (const ReportBlock& b : income->blocks)
        incomeGap = incomeGap || (b.kind == BlockKind::DataGap && b.text.contains(QStringLiteral("loss of income")));
    QVERIFY(incomeGap);
    // Fees reimbursed: the sample records it at one supplier, and the fee ledger proves it at those whose fees are
    // reimbursed in full (core/actions/actionmitigations.h); the section says how many.
    const int reimbursed = m_data.mitigationSuppliers.value(QStringLiteral("fees_reimbursed"));
    QVERIFY2(reimbursed > 1, qPrintable(QString::number(reimbursed)));
    const ReportSection* remediation = ca.section(QStringLiteral("ca_d"));
    QVERIFY2(remediation->plainText().contains(QStringLiteral("%1 of 207 suppliers").arg(reimbursed)),
             qPrintable(remediation->plainText()));
}

void TestStatements::companyTextsAreSavedAndUsed()
{
    StatementTexts texts(*m_db);
    QVERIFY(
        texts.setText(QStringLiteral("all"), kOrganisationKey, QStringLiteral("Example Seafood <Holdings> & Co")).ok());
    QVERIFY(texts
                .setText(QStringLiteral("uk"), QStringLiteral("b"),
                         QStringLiteral("Our supplier code forbids recruitment fees.\n\nApproved 2026."))
                .ok());
    QVERIFY(!texts.setText(QStringLiteral("xx"), QStringLiteral("b"), QStringLiteral("x")).ok());
    auto map = texts.texts(QStringLiteral("uk"));
    QVERIFY(map.ok());
    QCOMPARE(map->value(QStringLiteral("b")),
             QStringLiteral("Our supplier code forbids recruitment fees.\n\nApproved 2026."));
    QCOMPARE(map->value(kOrganisationKey), QStringLiteral("Example Seafood <Holdings> & Co"));
    // The Australian statement sees the shared organisation but not the UK text.
    auto au = texts.texts(QStringLiteral("au"));
    QVERIFY(au.ok());
    QVERIFY(!au->contains(QStringLiteral("b")));

    const ReportDocument doc = buildStatement(m_data, Jurisdiction::UK, map.value());
    QCOMPARE(doc.organisation, QStringLiteral("Example Seafood <Holdings> & Co"));
    const ReportSection* b = doc.section(QStringLiteral("uk_b"));
    QVERIFY(b);
    bool written = false;
    for (const ReportBlock& block : b->blocks)
        written = written
            || (block.kind == BlockKind::CompanyText && !block.placeholder
                && block.text.startsWith(QStringLiteral("Our supplier code")));
    QVERIFY(written);
    const QString html = QString::fromUtf8(renderHtml(doc));
    QVERIFY(html.contains(QStringLiteral("Example Seafood &lt;Holdings&gt; &amp; Co")));
    QVERIFY(!html.contains(QStringLiteral("<Holdings>")));
    // Removing a text brings the placeholder back.
    QVERIFY(texts.setText(QStringLiteral("uk"), QStringLiteral("b"), QStringLiteral("  ")).ok());
    QVERIFY(!texts.texts(QStringLiteral("uk"))->contains(QStringLiteral("b")));
}

void TestStatements::unknownJurisdictionRefused()
{
    QVERIFY(!jurisdictionFromId(QStringLiteral("fr")));
    QVERIFY(jurisdictionFromId(QStringLiteral(" UK ")));
    QCOMPARE(allJurisdictions().size(), 5);
}

QTEST_GUILESS_MAIN(TestStatements)
#include "tst_statements.moc"
