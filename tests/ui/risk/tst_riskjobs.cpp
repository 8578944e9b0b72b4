// The long risk jobs: full rescoring (from the Tools menu) stores what the engine says for every supplier, with
// progress; a cancelled job stores nothing; the Tools menu carries both actions.
#include "riskfixture.h"

#include "mainwindow/mainwindow.h"
#include "risk/riskactions.h"
#include "risk/riskjobs.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTest>

using namespace vigil;
using namespace vigil::ui;

class TestRiskJobs : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void rescoreAllStoresEngineResults();
    void cancelledRescoreStoresNothing_data();
    void cancelledRescoreStoresNothing();
    void cancelledImpact();
    void toolsMenu();

private:
    RiskFixture m_fx;
};

void TestRiskJobs::initTestCase()
{
    const QString err = m_fx.open();
    QVERIFY2(err.isEmpty(), qPrintable(err));
}

void TestRiskJobs::rescoreAllStoresEngineResults()
{
    // New evidence written behind the GUI's back: only a full rescoring picks it up.
    const QString id = m_fx.inputs().at(3).supplierId;
    RiskObservation o{QString(),
                      "ilo_09_debt_bondage",
                      ObservationStatus::Present,
                      "worker_interview",
                      QDate(2026, 5, 1),
                      1.0,
                      QString(),
                      QString()};
    QVERIFY(m_fx.service->repository().addObservation(id, o).ok());
    QSignalSpy all(m_fx.service, &RiskService::allRescored);
    rescoreWorkspace(nullptr, m_fx.store.get());
    QCOMPARE(all.size(), 1);
    for (const SupplierRiskInput& in : m_fx.inputs()) {
        auto stored = m_fx.service->repository().latestScore(in.supplierId);
        QVERIFY(stored.ok() && stored->has_value());
        QCOMPARE((**stored).score, m_fx.direct(in.supplierId).score);
    }
    QCOMPARE((**m_fx.service->repository().latestScore(id)).tier, RiskTier::Critical);
}

void TestRiskJobs::cancelledRescoreStoresNothing_data()
{
    QTest::addColumn<int>("cancelAt");
    QTest::addRow("at once") << 0;
    QTest::addRow("at the end") << 1000000;
}

void TestRiskJobs::cancelledRescoreStoresNothing()
{
    QFETCH(int, cancelAt);
    const QString id = m_fx.inputs().at(4).supplierId;
    const double before = (**m_fx.service->repository().latestScore(id)).score;
    RiskObservation o{QString(),
                      "ilo_05_physical_sexual_violence",
                      ObservationStatus::Present,
                      "audit",
                      QDate(2026, 5, 1),
                      1.0,
                      QString(),
                      QString()};
    auto added = m_fx.service->repository().addObservation(id, o);
    QVERIFY(added.ok());
    qsizetype calls = 0, lastTotal = 0;
    auto n = rescoreAll(m_fx.service->database(), **m_fx.service->context(), m_fx.service->now(),
                        [&](qsizetype done, qsizetype total) {
                            ++calls;
                            lastTotal = total;
                            return done < cancelAt && done < total;
                        });
    QVERIFY(!n.ok());
    QCOMPARE(n.error().message, QStringLiteral("Cancelled."));
    QVERIFY(calls >= 1);
    QCOMPARE(lastTotal, qsizetype(m_fx.inputs().size()));
    QCOMPARE((**m_fx.service->repository().latestScore(id)).score, before); // nothing stored
    QVERIFY(m_fx.service->repository().removeObservation(*added).ok());
}

void TestRiskJobs::cancelledImpact()
{
    Methodology proposed = m_fx.context().methodology;
    auto impact = computeTierImpact(m_fx.service->database(), m_fx.context(), proposed, m_fx.service->now(),
                                    [](qsizetype, qsizetype) { return false; });
    QVERIFY(!impact.ok());
    auto same = computeTierImpact(m_fx.service->database(), m_fx.context(), proposed, m_fx.service->now());
    QVERIFY(same.ok());
    QCOMPARE(same->changed, qsizetype(0)); // the same methodology changes nobody's tier
    QCOMPARE(same->suppliers, qsizetype(m_fx.inputs().size()));
}

void TestRiskJobs::toolsMenu()
{
    MainWindow window;
    QMenu* tools = nullptr;
    for (QAction* a : window.menuBar()->actions())
        if (a->menu() && a->text() == QStringLiteral("&Tools"))
            tools = a->menu();
    QVERIFY(tools);
    QStringList texts;
    for (QAction* a : tools->actions())
        texts.append(a->text());
    QVERIFY(texts.contains(QStringLiteral("&Methodology…")));
    QVERIFY(texts.contains(QStringLiteral("&Rescore All Suppliers…")));
}

QTEST_MAIN(TestRiskJobs)
#include "tst_riskjobs.moc"
