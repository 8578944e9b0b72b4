// Recording evidence through the form: a coercion observation raises or keeps the score (never lowers it), the
// panel follows at once, and undo / redo restore the score and the lists.
#include "riskfixture.h"

#include "commands/editsuppliercommand.h"
#include "risk/evidencecommand.h"
#include "risk/evidencepanel.h"
#include "risk/mitigationdialog.h"
#include "risk/observationdialog.h"
#include "risk/riskpanel.h"

#include <QApplication>
#include <QComboBox>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

#include <algorithm>

using namespace vigil;
using namespace vigil::ui;

class TestEvidenceCommand : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void coercionObservationRaisesScoreAndUndoes_data();
    void coercionObservationRaisesScoreAndUndoes();
    void removeObservationUndoes();
    void observationAtRemovedSiteUndoes();
    void mitigationLowersOrKeepsScore();
    void formGroupsTheCatalogue();

private:
    RiskFixture m_fx;
};

void TestEvidenceCommand::initTestCase()
{
    const QString err = m_fx.open();
    QVERIFY2(err.isEmpty(), qPrintable(err));
}

void TestEvidenceCommand::coercionObservationRaisesScoreAndUndoes_data()
{
    QTest::addColumn<QString>("supplier");
    QTest::addColumn<QString>("indicator");
    QTest::addColumn<QString>("source");
    const QList<SupplierRiskInput> inputs = m_fx.inputs();
    QTest::addRow("documents, audit") << inputs.at(0).supplierId << "ilo_07_retention_of_identity_documents"
                                      << "audit";
    QTest::addRow("threats, interview") << inputs.at(1).supplierId << "ilo_06_intimidation_threats"
                                        << "worker_interview";
    QTest::addRow("vulnerability, interview")
        << inputs.at(inputs.size() / 2).supplierId << "ilo_01_abuse_of_vulnerability"
        << "worker_interview";
    QTest::addRow("violence, last") << inputs.last().supplierId << "ilo_05_physical_sexual_violence"
                                    << "audit";
}

void TestEvidenceCommand::coercionObservationRaisesScoreAndUndoes()
{
    QFETCH(QString, supplier);
    QFETCH(QString, indicator);
    QFETCH(QString, source);
    QUndoStack undo;
    RiskPanel panel(m_fx.store.get(), &undo);
    panel.showSupplier(supplier);
    QVERIFY(panel.result());
    const double before = panel.result()->score;
    const RiskTier tierBefore = panel.result()->tier;
    const int rows = panel.evidence()->observationList()->topLevelItemCount();

    ObservationDialog form(m_fx.service, supplier);
    QVERIFY(form.setIndicator(indicator));
    form.setStatus(ObservationStatus::Present);
    form.setSourceType(source);
    const RiskObservation o = form.observation();
    QCOMPARE(o.indicatorId, indicator);
    QCOMPARE(o.sourceType, source);
    QCOMPARE(o.status, ObservationStatus::Present);
    QVERIFY(panel.evidence()->addObservation(o).ok());

    QCOMPARE(undo.count(), 1);
    QVERIFY(panel.result());
    QVERIFY2(panel.result()->score >= before,
             qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(panel.result()->score)));
    QVERIFY(panel.result()->tier >= tierBefore);
    QCOMPARE(panel.result()->score, m_fx.direct(supplier).score); // what the engine says now, stored
    QCOMPARE(panel.evidence()->observationList()->topLevelItemCount(), rows + 1);
    const double after = panel.result()->score;

    undo.undo();
    QCOMPARE(panel.result()->score, before);
    QCOMPARE(panel.result()->tier, tierBefore);
    QCOMPARE(panel.evidence()->observationList()->topLevelItemCount(), rows);
    undo.redo();
    QCOMPARE(panel.result()->score, after);
    QCOMPARE(panel.evidence()->observationList()->topLevelItemCount(), rows + 1);
    undo.undo();
    QCOMPARE(panel.result()->score, before);
}

void TestEvidenceCommand::removeObservationUndoes()
{
    QString supplier;
    for (const SupplierRiskInput& in : m_fx.inputs())
        if (!in.observations.isEmpty()) {
            supplier = in.supplierId;
            break;
        }
    if (supplier.isEmpty())
        QSKIP("the sample has no observations");
    QUndoStack undo;
    RiskPanel panel(m_fx.store.get(), &undo);
    panel.showSupplier(supplier);
    const double before = panel.result()->score;
    const int rows = panel.evidence()->observationList()->topLevelItemCount();
    QVERIFY(rows > 0);
    QVERIFY(!panel.evidence()->removeObservationAt(rows).ok()); // out of range: refused, nothing pushed
    QCOMPARE(undo.count(), 0);
    QVERIFY(panel.evidence()->removeObservationAt(0).ok());
    QCOMPARE(panel.evidence()->observationList()->topLevelItemCount(), rows - 1);
    QCOMPARE(panel.result()->score, m_fx.direct(supplier).score);
    undo.undo();
    QCOMPARE(panel.evidence()->observationList()->topLevelItemCount(), rows);
    QCOMPARE(panel.result()->score, before);
}

// An observation at a site, then the site removed (one undo stack, as in the main window): the observation stays at
// the removed site and the panel says so; removing the observation and undoing that puts it back at the removed site;
// undoing the site's removal gives the site back, linked, with the score it had.
void TestEvidenceCommand::observationAtRemovedSiteUndoes()
{
    const QString supplier = m_fx.inputs().at(3).supplierId;
    QUndoStack undo;
    RiskPanel panel(m_fx.store.get(), &undo);
    panel.showSupplier(supplier);
    const SupplierRecord original = m_fx.store->record(supplier).value();
    SupplierRecord withSite = original;
    Site dorm;
    dorm.name = QStringLiteral("หอพักคนงาน (dormitory)");
    dorm.type = SiteType::Dormitory;
    dorm.country = original.supplier.country;
    withSite.sites << dorm;
    QVERIFY(
        StoreCommand::push(&undo, std::make_unique<EditSupplierCommand>(m_fx.store.get(), original, withSite)).ok());
    const SupplierRecord before = m_fx.store->record(supplier).value();
    QCOMPARE(before.sites.size(), original.sites.size() + 1);
    const QString site = before.sites.last().id;

    RiskObservation o;
    o.indicatorId = QStringLiteral("ilo_02_deception");
    o.status = ObservationStatus::Present;
    o.sourceType = QStringLiteral("worker_interview");
    o.date = QDate(2026, 5, 1);
    o.siteId = site;
    QVERIFY(panel.evidence()->addObservation(o).ok());
    QTreeWidget* list = panel.evidence()->observationList();
    const auto rowAt = [&](const QString& text) {
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            if (list->topLevelItem(i)->text(3) == text)
                return i;
        return -1;
    };
    QVERIFY(rowAt(dorm.name) >= 0);
    const double scored = panel.result()->score;
    const int rows = list->topLevelItemCount();

    SupplierRecord after = before;
    after.sites.removeLast();
    QVERIFY(StoreCommand::push(&undo, std::make_unique<EditSupplierCommand>(m_fx.store.get(), before, after)).ok());
    QCOMPARE(list->topLevelItemCount(), rows); // the observation stays
    const int removed = rowAt(QStringLiteral("(site removed)"));
    QVERIFY(removed >= 0);
    QCOMPARE(panel.result()->score, scored);

    // Remove the observation, undo: it is back at the removed site.
    QVERIFY(panel.evidence()->removeObservationAt(removed).ok());
    QCOMPARE(list->topLevelItemCount(), rows - 1);
    undo.undo();
    QCOMPARE(list->topLevelItemCount(), rows);
    QVERIFY(rowAt(QStringLiteral("(site removed)")) >= 0);

    // Undo the site's removal: the site is back, by name, with its observation.
    undo.undo();
    QCOMPARE(m_fx.store->record(supplier).value().sites, before.sites);
    QVERIFY(rowAt(dorm.name) >= 0);
    QCOMPARE(rowAt(QStringLiteral("(site removed)")), -1);
    QCOMPARE(panel.result()->score, scored);
    const auto observations = m_fx.service->repository().observations(supplier).value();
    QVERIFY(std::any_of(observations.cbegin(), observations.cend(),
                        [&](const RiskObservation& x) { return x.siteId == site; }));
    while (undo.canUndo())
        undo.undo();
    QCOMPARE(m_fx.store->record(supplier).value().sites, original.sites);
}

void TestEvidenceCommand::mitigationLowersOrKeepsScore()
{
    const QString supplier = m_fx.inputs().at(2).supplierId;
    QUndoStack undo;
    RiskPanel panel(m_fx.store.get(), &undo);
    panel.showSupplier(supplier);
    const double before = panel.result()->score;
    const int rows = panel.evidence()->mitigationList()->topLevelItemCount();
    MitigationDialog form(m_fx.service);
    const RiskMitigation m = form.mitigation();
    QVERIFY(!m.type.isEmpty());
    QVERIFY(panel.evidence()->addMitigation(m).ok());
    QVERIFY(panel.result()->score <= before);
    QCOMPARE(panel.evidence()->mitigationList()->topLevelItemCount(), rows + 1);
    undo.undo();
    QCOMPARE(panel.result()->score, before);
    QCOMPARE(panel.evidence()->mitigationList()->topLevelItemCount(), rows);
}

void TestEvidenceCommand::formGroupsTheCatalogue()
{
    ObservationDialog form(m_fx.service, m_fx.inputs().first().supplierId);
    auto* combo = form.findChild<QComboBox*>(QStringLiteral("indicator"));
    QStringList headers;
    int indicators = 0;
    for (int i = 0; i < combo->count(); ++i) {
        if (combo->itemData(i).toString().isEmpty())
            headers.append(combo->itemText(i));
        else
            ++indicators;
    }
    QCOMPARE(headers, (QStringList{"ILO indicators of forced labour", "Recruitment", "Child labour"}));
    QCOMPARE(indicators, int(m_fx.context().methodology.indicators.size()));
    QVERIFY(!combo->itemData(combo->currentIndex()).toString().isEmpty()); // a header is never selected
    if (!qEnvironmentVariable("VIGIL_SCREENSHOT_DIR").isEmpty()) {
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        QVERIFY(
            form.grab().save(qEnvironmentVariable("VIGIL_SCREENSHOT_DIR") + QStringLiteral("/observationdialog.png")));
    }
}

QTEST_MAIN(TestEvidenceCommand)
#include "tst_evidencecommand.moc"
