// The methodology editor: its "would change tier" count matches a direct computation with the engine, and
// applying makes a new version that rescores the workspace.
#include "riskfixture.h"

#include "risk/methodologydialog.h"
#include "risk/riskjobs.h"

#include <QApplication>
#include <QLabel>
#include <QTest>

using namespace vigil;
using namespace vigil::ui;

class TestMethodologyDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void nextVersion_data();
    void nextVersion();
    void impactMatchesDirectComputation_data();
    void impactMatchesDirectComputation();
    void applyCreatesVersionAndRescores();

private:
    RiskFixture m_fx;
};

void TestMethodologyDialog::initTestCase()
{
    const QString err = m_fx.open();
    QVERIFY2(err.isEmpty(), qPrintable(err));
}

void TestMethodologyDialog::nextVersion_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::addRow("semver") << "1.0.0"
                            << "1.0.1";
    QTest::addRow("two") << "2.9"
                         << "2.10";
    QTest::addRow("text") << "draft"
                          << "draft.1";
}

void TestMethodologyDialog::nextVersion()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(ui::nextVersion(in), out);
}

void TestMethodologyDialog::impactMatchesDirectComputation_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("someChange");
    QTest::addRow("unchanged") << "tiers.thresholds.medium" << 30.0 << false;
    QTest::addRow("high from 35") << "tiers.thresholds.high" << 35.0 << true;
    QTest::addRow("critical from 55") << "tiers.thresholds.critical" << 55.0 << true;
    QTest::addRow("no uncertainty") << "evidence.uncertaintyPoints" << 0.0 << true;
    QTest::addRow("inherent 80") << "inherent.maxPoints" << 80.0 << true;
}

void TestMethodologyDialog::impactMatchesDirectComputation()
{
    QFETCH(QString, path);
    QFETCH(double, value);
    QFETCH(bool, someChange);
    MethodologyDialog dialog(m_fx.service);
    QVERIFY(dialog.setValue(path, value));
    QVERIFY(!dialog.setValue(QStringLiteral("no.such.field"), 1));
    auto proposed = dialog.proposed();
    QVERIFY2(proposed.ok(), qPrintable(proposed.error().toString()));
    QCOMPARE(proposed->version, QStringLiteral("1.0.1"));
    const Status st = dialog.previewImpact();
    QVERIFY2(st.ok(), qPrintable(st.error().toString()));
    QVERIFY(dialog.impact());

    // Direct: every supplier, both methodologies, count the tiers that differ.
    const ScoringContext& ctx = m_fx.context();
    qsizetype changed = 0, up = 0, n = 0;
    for (const SupplierRiskInput& in : m_fx.inputs()) {
        const RiskTier a = RiskEngine::evaluate(in, ctx.methodology, ctx.reference, m_fx.service->now()).tier;
        const RiskTier b = RiskEngine::evaluate(in, *proposed, ctx.reference, m_fx.service->now()).tier;
        changed += a != b;
        up += b > a;
        ++n;
    }
    QCOMPARE(dialog.impact()->suppliers, n);
    QCOMPARE(dialog.impact()->changed, changed);
    QCOMPARE(dialog.impact()->up, up);
    QCOMPARE(changed > 0, someChange);
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("impact"))
                ->text()
                .contains(QStringLiteral("%1 of %2").arg(changed).arg(n)));
    if (path == QLatin1String("tiers.thresholds.high") && !qEnvironmentVariable("VIGIL_SCREENSHOT_DIR").isEmpty()) {
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.grab().save(qEnvironmentVariable("VIGIL_SCREENSHOT_DIR") + QStringLiteral("/methodology.png")));
    }
}

void TestMethodologyDialog::applyCreatesVersionAndRescores()
{
    MethodologyDialog dialog(m_fx.service);
    QVERIFY(!dialog.apply().ok()); // refused before a preview
    QVERIFY(dialog.setValue(QStringLiteral("tiers.thresholds.high"), 40));
    QVERIFY(dialog.previewImpact().ok());
    const Status st = dialog.apply();
    QVERIFY2(st.ok(), qPrintable(st.error().toString()));
    QCOMPARE(m_fx.context().methodology.version, QStringLiteral("1.0.1"));
    QCOMPARE(m_fx.context().methodology.highThreshold, 40.0);
    const QString id = m_fx.inputs().first().supplierId;
    auto stored = m_fx.service->repository().latestScore(id);
    QVERIFY(stored.ok() && stored->has_value());
    QCOMPARE((**stored).methodologyVersion, QStringLiteral("1.0.1"));
    QCOMPARE((**stored).tier, m_fx.direct(id).tier);

    // Opened again (another store on the same file): version 1.0.1 is still the active methodology.
    auto again = m_fx.store->database().openAnother();
    QVERIFY(again.ok());
    SupplierStore reopened(std::move(again).value());
    auto ctx = RiskService::forStore(&reopened)->context();
    QVERIFY(ctx.ok());
    QCOMPARE((*ctx)->methodology.version, QStringLiteral("1.0.1"));
    QCOMPARE((*ctx)->methodology.highThreshold, 40.0);
}

QTEST_MAIN(TestMethodologyDialog)
#include "tst_methodologydialog.moc"
