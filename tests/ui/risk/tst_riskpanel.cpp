// The "Why this score" panel on the sample workspace: the tier, the contributions and the band it shows are the
// engine's. Writes a screenshot to $VIGIL_SCREENSHOT_DIR when set.
#include "riskfixture.h"

#include "risk/evidencepanel.h"
#include "risk/riskpanel.h"

#include <QApplication>
#include <QChartView>
#include <QLabel>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace vigil;
using namespace vigil::ui;

class TestRiskPanel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void showsTheEngineResult_data();
    void showsTheEngineResult();
    void emptyWithoutSupplier();
    void screenshot();

private:
    RiskFixture m_fx;
    QUndoStack m_undo;
};

void TestRiskPanel::initTestCase()
{
    const QString err = m_fx.open();
    QVERIFY2(err.isEmpty(), qPrintable(err));
    QVERIFY(m_fx.inputs().size() > 10);
}

void TestRiskPanel::showsTheEngineResult_data()
{
    QTest::addColumn<QString>("id");
    const QList<SupplierRiskInput> inputs = m_fx.inputs();
    QTest::addRow("first") << inputs.first().supplierId;
    QTest::addRow("last") << inputs.last().supplierId;
    // The riskiest and the least risky supplier of the sample.
    QString hi, lo;
    double hiScore = -1, loScore = 101;
    for (const SupplierRiskInput& in : inputs) {
        const double s = m_fx.direct(in.supplierId).score;
        if (s > hiScore)
            hiScore = s, hi = in.supplierId;
        if (s < loScore)
            loScore = s, lo = in.supplierId;
    }
    QTest::addRow("highest") << hi;
    QTest::addRow("lowest") << lo;
}

void TestRiskPanel::showsTheEngineResult()
{
    QFETCH(QString, id);
    RiskPanel panel(m_fx.store.get(), &m_undo);
    panel.showSupplier(id);
    const RiskResult expected = m_fx.direct(id);
    QVERIFY(panel.result().has_value());
    QCOMPARE(panel.result()->tier, expected.tier);
    QCOMPARE(panel.result()->score, expected.score);
    QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("tierChip"))->text(), tierLabel(expected.tier).toUpper());
    QVERIFY(panel.findChild<QLabel*>(QStringLiteral("score"))
                ->text()
                .startsWith(QLocale().toString(expected.score, 'f', 1)));

    auto* contributions = panel.findChild<QTreeWidget*>(QStringLiteral("contributions"));
    QCOMPARE(contributions->topLevelItemCount(), int(expected.contributions.size()));
    double sum = 0;
    for (int i = 0; i < contributions->topLevelItemCount(); ++i) {
        QCOMPARE(contributions->topLevelItem(i)->data(0, Qt::UserRole).toString(), expected.contributions[i].factor);
        sum += expected.contributions[i].points;
    }
    QVERIFY(qAbs(sum - expected.score) < 0.11); // the contributions explain the score
    QCOMPARE(panel.findChild<QTreeWidget*>(QStringLiteral("gaps"))->topLevelItemCount(), int(expected.gaps.size()));
    QVERIFY(panel.findChild<QChartView*>(QStringLiteral("contributionChart")));

    const ScoreBand band = RiskEngine::sensitivity(*m_fx.service->repository().input(id), m_fx.context().methodology,
                                                   m_fx.context().reference, m_fx.service->now());
    QCOMPARE(panel.band().low, band.low);
    QCOMPARE(panel.band().high, band.high);
    auto* history = panel.findChild<QTreeWidget*>(QStringLiteral("history"));
    QVERIFY(history->topLevelItemCount() >= 1);
    // The oldest line names the datasets (with edition) its score was computed with.
    QTreeWidgetItem* oldest = history->topLevelItem(history->topLevelItemCount() - 1);
    QVERIFY2(oldest->text(5).contains(QStringLiteral("ILAB")), qPrintable(oldest->text(5)));
    QCOMPARE(oldest->text(6), QStringLiteral("first score"));
}

void TestRiskPanel::emptyWithoutSupplier()
{
    RiskPanel panel(m_fx.store.get(), &m_undo);
    QVERIFY(!panel.result());
    QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("tierChip"))->text(), QStringLiteral("Not scored"));
    QVERIFY(!panel.tabs()->isEnabled());
}

void TestRiskPanel::screenshot()
{
    const QList<SupplierRiskInput> inputs = m_fx.inputs();
    QString id = inputs.first().supplierId;
    for (const SupplierRiskInput& in : inputs)
        if (!in.observations.isEmpty() && m_fx.direct(in.supplierId).tier >= RiskTier::High) {
            id = in.supplierId;
            break;
        }
    RiskPanel panel(m_fx.store.get(), &m_undo);
    panel.resize(720, 1100);
    panel.showSupplier(id);
    // Some evidence, so the screenshot shows observations, a mitigation and their contributions.
    const QDate day(2026, 3, 12);
    RiskObservation docs{
        QString(), "ilo_07_retention_of_identity_documents", ObservationStatus::Present, "audit", day, 0.9,
        QString(), "Passports kept in the HR office"};
    RiskObservation wages{
        QString(), "ilo_08_withholding_of_wages",     ObservationStatus::Absent, "worker_interview", day, 0.8,
        QString(), "Payslips checked with 12 workers"};
    QVERIFY(panel.evidence()->addObservation(docs).ok());
    QVERIFY(panel.evidence()->addObservation(wages).ok());
    QVERIFY(panel.evidence()->addMitigation({QString(), "grievance_channel", day, "Hotline tested"}).ok());
    QCOMPARE(panel.result()->tier, RiskTier::Critical); // a zero-tolerance finding
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const QString dir = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR");
    QImage why = panel.grab().toImage();
    QVERIFY(!why.isNull());
    panel.tabs()->setCurrentIndex(1);
    QImage evidence = panel.grab().toImage();
    panel.tabs()->setCurrentIndex(2);
    QImage history = panel.grab().toImage();
    if (!dir.isEmpty()) {
        QVERIFY(why.save(dir + QStringLiteral("/riskpanel_why.png")));
        QVERIFY(evidence.save(dir + QStringLiteral("/riskpanel_evidence.png")));
        QVERIFY(history.save(dir + QStringLiteral("/riskpanel_history.png")));
    }
}

QTEST_MAIN(TestRiskPanel)
#include "tst_riskpanel.moc"
