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
    void namesSitesNotIds();
    void siteNotRecordedTipNamesTheSite();
    void evidenceTipsNameTheSite();
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

// The engine speaks of a site by its id: the pane shows the site's name, and "(site removed)" once the supplier no
// longer has it, in the contributions, their sources and the escalation.
void TestRiskPanel::namesSitesNotIds()
{
    QString id;
    SupplierRecord rec;
    for (const SupplierRiskInput& in : m_fx.inputs()) {
        rec = m_fx.store->record(in.supplierId).value();
        if (!rec.sites.isEmpty()) {
            id = in.supplierId;
            break;
        }
    }
    QVERIFY(!id.isEmpty());
    const Site site = rec.sites.first();
    RiskRepository repo = m_fx.service->repository();
    QStringList added;
    for (const char* indicator : {"ilo_02_deception", "ilo_01_abuse_of_vulnerability"}) {
        RiskObservation o{QString(),
                          QString::fromLatin1(indicator),
                          ObservationStatus::Present,
                          "audit",
                          QDate(2026, 5, 1),
                          1.0,
                          site.id,
                          QString()};
        auto obs = repo.addObservation(id, o);
        QVERIFY(obs.ok());
        added << obs.value();
    }
    QVERIFY(m_fx.service->rescore(id).ok());
    RiskPanel panel(m_fx.store.get(), &m_undo);
    panel.showSupplier(id);
    QCOMPARE(panel.result()->classification, IloClassification::PossibleForcedLabour);
    const auto shown = [&panel] {
        QStringList out;
        for (const char* name : {"contributions", "gaps", "sources"}) {
            auto* tree = panel.findChild<QTreeWidget*>(QString::fromLatin1(name));
            for (int i = 0; i < tree->topLevelItemCount(); ++i)
                for (int c = 0; c < tree->columnCount(); ++c)
                    out << tree->topLevelItem(i)->text(c);
        }
        return out.join(QLatin1Char('\n'));
    };
    const QString named = QStringLiteral("site “%1”").arg(site.name);
    QString text = shown();
    QVERIFY2(!text.contains(site.id), qPrintable(text));
    QVERIFY2(text.count(QStringLiteral(" at ") + named) >= 2, qPrintable(text));
    const QString escalations = panel.result()->escalations.join(QLatin1Char('\n')); // the tier's tooltip
    QVERIFY2(escalations.contains(QStringLiteral("coercion at ") + named), qPrintable(escalations));

    // The site removed from the supplier (the pane rescores on the edit): the observations stay at that former site.
    SupplierRecord without = rec;
    without.sites.removeFirst();
    QVERIFY(m_fx.store->save(without).ok());
    text = shown();
    QVERIFY2(!text.contains(site.id), qPrintable(text));
    QVERIFY2(!text.contains(named), qPrintable(text));
    QVERIFY2(text.count(QStringLiteral(" at (site removed)")) >= 2, qPrintable(text));
    QVERIFY(panel.result()->escalations.join(QLatin1Char('\n')).contains(QStringLiteral("coercion at (site removed)")));
    QCOMPARE(panel.result()->classification, IloClassification::PossibleForcedLabour);
    // The sample as it was for the next tests.
    QVERIFY(m_fx.store->save(rec).ok());
    for (const QString& o : std::as_const(added))
        QVERIFY(repo.removeObservation(o).ok());
    QVERIFY(m_fx.service->rescore(id).ok());
}

// Isolation found at a site and deception with no site recorded: the "site not recorded" gap's tooltip names the site
// (its subject is the site's id), then says it was removed once the site is; never the id.
void TestRiskPanel::siteNotRecordedTipNamesTheSite()
{
    QString id;
    SupplierRecord rec;
    for (const SupplierRiskInput& in : m_fx.inputs()) {
        rec = m_fx.store->record(in.supplierId).value();
        if (!rec.sites.isEmpty() && in.observations.isEmpty()) {
            id = in.supplierId;
            break;
        }
    }
    QVERIFY(!id.isEmpty());
    const Site site = rec.sites.first();
    RiskRepository repo = m_fx.service->repository();
    QStringList added;
    for (const auto& [indicator, siteId] : {std::pair{"ilo_04_isolation", site.id}, {"ilo_02_deception", QString()}}) {
        RiskObservation o{QString(),
                          QString::fromLatin1(indicator),
                          ObservationStatus::Present,
                          "worker_interview",
                          QDate(2026, 5, 1),
                          1.0,
                          siteId,
                          QString()};
        auto obs = repo.addObservation(id, o);
        QVERIFY(obs.ok());
        added << obs.value();
    }
    QVERIFY(m_fx.service->rescore(id).ok());
    RiskPanel panel(m_fx.store.get(), &m_undo);
    panel.showSupplier(id);
    QCOMPARE(panel.result()->classification, IloClassification::Review);
    auto* gaps = panel.findChild<QTreeWidget*>(QStringLiteral("gaps"));
    const auto tip = [&]() -> QString {
        const QList<EvidenceGap>& list = panel.result()->gaps; // the gaps' rows, in order
        for (int row = 0; row < list.size(); ++row)
            if (list.at(row).kind == GapKind::SiteNotRecorded)
                return gaps->topLevelItem(row)->toolTip(0);
        return {};
    };
    QCOMPARE(tip(), QStringLiteral("site_not_recorded: site “%1”").arg(site.name));

    // The site removed from the supplier (the pane rescores on the edit): the tooltip says so.
    SupplierRecord without = rec;
    without.sites.removeFirst();
    QVERIFY(m_fx.store->save(without).ok());
    QCOMPARE(tip(), QStringLiteral("site_not_recorded: (site removed)"));
    // The sample as it was for the next tests.
    QVERIFY(m_fx.store->save(rec).ok());
    QCOMPARE(tip(), QStringLiteral("site_not_recorded: site “%1”").arg(site.name));
    for (const QString& o : std::as_const(added))
        QVERIFY(repo.removeObservation(o).ok());
    QVERIFY(m_fx.service->rescore(id).ok());
}

// The evidence list's tooltips name an observation's site, or say it was removed; never its id (in any case).
void TestRiskPanel::evidenceTipsNameTheSite()
{
    QString id;
    SupplierRecord rec;
    for (const SupplierRiskInput& in : m_fx.inputs()) {
        rec = m_fx.store->record(in.supplierId).value();
        if (!rec.sites.isEmpty()) {
            id = in.supplierId;
            break;
        }
    }
    QVERIFY(!id.isEmpty());
    const Site site = rec.sites.first();
    RiskRepository repo = m_fx.service->repository();
    RiskObservation o{QString(),
                      QStringLiteral("ilo_04_isolation"),
                      ObservationStatus::Present,
                      "worker_interview",
                      QDate(2026, 5, 1),
                      1.0,
                      site.id,
                      QStringLiteral("tips test")};
    auto added = repo.addObservation(id, o);
    QVERIFY(added.ok());
    QVERIFY(m_fx.service->rescore(id).ok());
    RiskPanel panel(m_fx.store.get(), &m_undo);
    panel.showSupplier(id);
    QTreeWidget* list = panel.evidence()->observationList();
    const auto row = [list]() -> QTreeWidgetItem* {
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            if (list->topLevelItem(i)->text(6) == QLatin1String("tips test"))
                return list->topLevelItem(i);
        return nullptr;
    };
    const auto tips = [list] {
        QStringList out;
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            for (int c = 0; c < list->columnCount(); ++c)
                out << list->topLevelItem(i)->toolTip(c);
        return out.join(QLatin1Char('\n'));
    };
    QVERIFY(row());
    QCOMPARE(row()->text(3), site.name);
    QCOMPARE(row()->toolTip(0), QStringLiteral("ilo_04_isolation\nAt site “%1”").arg(site.name));
    QVERIFY(row()->toolTip(3).isEmpty());
    QVERIFY2(!tips().contains(site.id, Qt::CaseInsensitive), qPrintable(tips()));

    // The site removed from the supplier: the observation stays, at "(site removed)", still without the id.
    SupplierRecord without = rec;
    without.sites.removeFirst();
    QVERIFY(m_fx.store->save(without).ok());
    QVERIFY(row());
    QCOMPARE(row()->text(3), QStringLiteral("(site removed)"));
    QCOMPARE(row()->toolTip(0), QStringLiteral("ilo_04_isolation\nAt (site removed)"));
    QCOMPARE(row()->toolTip(3),
             QStringLiteral("This site was removed from the supplier; the observation is still about it."));
    QVERIFY2(!tips().contains(site.id, Qt::CaseInsensitive), qPrintable(tips()));

    // The site back: named again.
    QVERIFY(m_fx.store->save(rec).ok());
    QVERIFY(row());
    QCOMPARE(row()->toolTip(0), QStringLiteral("ilo_04_isolation\nAt site “%1”").arg(site.name));
    QVERIFY(row()->toolTip(3).isEmpty());
    // The sample as it was for the next tests.
    QVERIFY(repo.removeObservation(added.value()).ok());
    QVERIFY(m_fx.service->rescore(id).ok());
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
