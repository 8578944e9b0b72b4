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
    void redoPutsBackAtARemovedSite();
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

// An observation recorded at a site and undone; the site is then removed by another window on the same workspace
// (its own undo stack, so this stack keeps its redo). Redo puts the observation back as it was, at the removed site
// (addObservation refused it: the site is not the supplier's any more), without an error; undo and redo again; the
// other window's undo gives the site back, linked. Recording new evidence at the removed site is still refused.
void TestEvidenceCommand::redoPutsBackAtARemovedSite()
{
    const QString supplier = m_fx.inputs().at(4).supplierId;
    QUndoStack undo;
    RiskPanel panel(m_fx.store.get(), &undo);
    panel.showSupplier(supplier);
    const SupplierRecord original = m_fx.store->record(supplier).value();
    SupplierRecord withSite = original;
    Site shed;
    shed.name = QStringLiteral("Peeling shed, Samut Sakhon");
    shed.type = SiteType::ProcessingPlant;
    shed.country = original.supplier.country;
    withSite.sites << shed;
    QVERIFY(m_fx.store->save(withSite).ok());
    const SupplierRecord before = m_fx.store->record(supplier).value();
    const QString site = before.sites.last().id;
    QCOMPARE(before.sites.last().name, shed.name);
    panel.reload();
    const double unscored = panel.result()->score;

    RiskObservation o;
    o.indicatorId = QStringLiteral("ilo_08_withholding_of_wages");
    o.status = ObservationStatus::Present;
    o.sourceType = QStringLiteral("worker_interview");
    o.date = QDate(2026, 4, 20);
    o.confidence = 0.8;
    o.siteId = site;
    o.note = QStringLiteral("Wages paid two months late");
    QVERIFY(panel.evidence()->addObservation(o).ok());
    QCOMPARE(undo.count(), 1);
    RiskRepository repo = m_fx.service->repository();
    const auto stored = [&]() -> std::optional<RiskObservation> {
        const QList<RiskObservation> all = repo.observations(supplier).value();
        for (const RiskObservation& x : all)
            if (x.note == o.note)
                return x;
        return std::nullopt;
    };
    const std::optional<RiskObservation> added = stored();
    QVERIFY(added);
    QCOMPARE(added->siteId, site);
    undo.undo();
    QVERIFY(!stored());
    QCOMPARE(panel.result()->score, unscored);

    // Another window removes the site, undoably.
    auto other = m_fx.store->database().openAnother();
    QVERIFY(other.ok());
    SupplierStore otherStore(std::move(other).value());
    QUndoStack otherUndo;
    SupplierRecord without = otherStore.record(supplier).value();
    QCOMPARE(without.sites.size(), before.sites.size());
    without.sites.removeLast();
    QVERIFY(StoreCommand::push(&otherUndo, std::make_unique<EditSupplierCommand>(&otherStore, before, without)).ok());
    QCOMPARE(m_fx.store->record(supplier).value().sites, original.sites);
    QVERIFY(!repo.addObservation(supplier, *added).ok()); // new evidence cannot be at a removed site

    QStringList errors; // what undo and redo reported
    connect(m_fx.store.get(), &SupplierStore::errorOccurred, &undo, [&](const Error& e) { errors << e.message; });
    QTreeWidget* list = panel.evidence()->observationList();
    const auto rowOf = [&](const QString& note) {
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            if (list->topLevelItem(i)->text(6) == note)
                return i;
        return -1;
    };
    for (int round = 0; round < 2; ++round) {
        undo.redo();
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        const std::optional<RiskObservation> back = stored();
        QVERIFY(back);
        QCOMPARE(back->id, added->id);
        QCOMPARE(back->siteId, site); // at the removed site, never the supplier as a whole
        QCOMPARE(back->indicatorId, added->indicatorId);
        QCOMPARE(back->status, added->status);
        QCOMPARE(back->sourceType, added->sourceType);
        QCOMPARE(back->date, added->date);
        QCOMPARE(back->confidence, added->confidence);
        const int row = rowOf(o.note);
        QVERIFY(row >= 0);
        QCOMPARE(list->topLevelItem(row)->text(3), QStringLiteral("(site removed)"));
        QCOMPARE(panel.result()->score, m_fx.direct(supplier).score);
        undo.undo();
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QVERIFY(!stored());
        QCOMPARE(rowOf(o.note), -1);
    }
    undo.redo();
    QVERIFY(stored());

    // The other window undoes the removal: the site is back, by name, with the observation at it.
    otherUndo.undo();
    panel.evidence()->reload(); // this window reads the workspace again (the edit was the other window's)
    QCOMPARE(m_fx.store->record(supplier).value().sites, before.sites);
    QCOMPARE(list->topLevelItem(rowOf(o.note))->text(3), shed.name);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));

    // The sample as it was for the next tests.
    undo.undo();
    QVERIFY(m_fx.store->save(original).ok());
    QVERIFY(m_fx.service->rescore(supplier).ok());
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
