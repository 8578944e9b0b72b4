// Tools > Reference Data: the families and their editions, choosing an older TIP edition stores the choice,
// rescores every supplier with it and updates the GUI's scoring context; the Tools menu opens it.
#include "riskfixture.h"

#include "mainwindow/mainwindow.h"
#include "risk/datasetcatalog.h"
#include "risk/datasetsdialog.h"
#include "risk/riskactions.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace vigil;
using namespace vigil::ui;

class TestDatasetsDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void listsFamiliesWithTheLatestActive();
    void choosingAnOlderEditionRescores();
    void backToLatest();
    void screenshot();
    void toolsMenu();

private:
    QStringList datasetIds();
    QString thaiSupplier();
    RiskFixture m_fx;
};

void TestDatasetsDialog::initTestCase()
{
    const QString err = m_fx.open();
    QVERIFY2(err.isEmpty(), qPrintable(err));
    RiskRepository repo = m_fx.service->repository();
    for (const auto& [edition, tier] : QList<QPair<QString, QString>>{{"2023", "2"}, {"2024", "3"}}) {
        DatasetInfo d;
        d.id = QStringLiteral("tip_") + edition;
        d.name = QStringLiteral("US State Department TIP Report");
        d.edition = edition;
        d.publisher = QStringLiteral("US Department of State");
        d.licence = QStringLiteral("Public domain");
        d.source = QStringLiteral("tip_%1.csv").arg(edition);
        d.loadedAt = m_fx.service->now().addDays(-10);
        QVERIFY(repo.saveDataset(d, {CountrySignal{"TH", "tip_tier", tier, std::nullopt, d.id}}).ok());
    }
    QVERIFY(m_fx.service->reloadContext().ok());
    rescoreWorkspace(nullptr, m_fx.store.get());
}

QStringList TestDatasetsDialog::datasetIds()
{
    QStringList ids;
    for (const DatasetInfo& d : m_fx.context().reference.datasets())
        ids << d.id;
    ids.sort();
    return ids;
}

QString TestDatasetsDialog::thaiSupplier()
{
    // A Thai supplier whose inherent risk is not cut by the cap, so the country anchor shows in its score.
    for (const SupplierRiskInput& in : m_fx.inputs()) {
        const RiskResult r = m_fx.direct(in.supplierId);
        if (in.country == QLatin1String("TH") && r.countryAnchor + r.sectorAnchor + r.goodsAnchor <= 10)
            return in.supplierId;
    }
    return {};
}

void TestDatasetsDialog::listsFamiliesWithTheLatestActive()
{
    DatasetsDialog dialog(m_fx.service);
    QCOMPARE(dialog.families().size(), 3);
    auto* tree = dialog.findChild<QTreeWidget*>(QStringLiteral("datasets"));
    QVERIFY(tree);
    QCOMPARE(tree->topLevelItemCount(), 3);
    QCOMPARE(tree->topLevelItem(2)->childCount(), 2);
    auto* chooser = dialog.findChild<QComboBox*>(QStringLiteral("edition_tip"));
    QVERIFY(chooser);
    QCOMPARE(chooser->count(), 3); // Latest, 2024, 2023
    QCOMPARE(chooser->currentIndex(), 0);
    QVERIFY(chooser->currentText().contains(QLatin1String("Latest (2024)")));
    // One edition only: nothing to choose, the edition is shown as text.
    QVERIFY(!dialog.findChild<QComboBox*>(QStringLiteral("edition_ilab_goods")));
    QCOMPARE(tree->topLevelItem(1)->text(1), QStringLiteral("2022 reporting year (published 2023)"));
    QVERIFY(!dialog.selectEdition(QStringLiteral("ilab_goods"), QString()));
    QVERIFY(dialog.pendingChoices().isEmpty());
    QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("apply"))->isEnabled());
    QCOMPARE(datasetIds(), (QStringList{"ilab_findings_2022", "ilab_goods_2022", "tip_2024"}));
}

void TestDatasetsDialog::choosingAnOlderEditionRescores()
{
    const QString thai = thaiSupplier();
    QVERIFY(!thai.isEmpty());
    const double before = (**m_fx.service->repository().latestScore(thai)).score;
    QCOMPARE(m_fx.direct(thai).countryAnchor, 6.0);

    DatasetsDialog dialog(m_fx.service);
    dialog.setConfirm(false);
    QVERIFY(!dialog.selectEdition(QStringLiteral("tip"), QStringLiteral("tip_1999")));
    QVERIFY(dialog.selectEdition(QStringLiteral("tip"), QStringLiteral("tip_2023")));
    QCOMPARE(dialog.pendingChoices(), (EditionChoices{{QStringLiteral("tip"), QStringLiteral("tip_2023")}}));
    auto* apply = dialog.findChild<QPushButton*>(QStringLiteral("apply"));
    QVERIFY(apply->isEnabled());

    QSignalSpy rescored(m_fx.service, &RiskService::allRescored);
    const Status st = dialog.apply();
    QVERIFY2(st.ok(), qPrintable(st.error().toString()));
    QCOMPARE(rescored.size(), 1);
    // Stored, and the GUI's context now holds the chosen edition only.
    auto choices = DatasetCatalog(m_fx.service->database()).choices();
    QVERIFY(choices.ok());
    QCOMPARE(choices->value(QStringLiteral("tip")), QStringLiteral("tip_2023"));
    QCOMPARE(datasetIds(), (QStringList{"ilab_findings_2022", "ilab_goods_2022", "tip_2023"}));
    const double after = (**m_fx.service->repository().latestScore(thai)).score;
    QCOMPARE(after, m_fx.direct(thai).score);
    QCOMPARE(before - after, 4.0); // country anchor 6 -> 5
    QVERIFY2(dialog.statusText().contains(QLatin1String("Rescored 207 supplier(s)")), qPrintable(dialog.statusText()));
    // The dialog shows the new state: nothing pending, the chosen edition selected.
    QVERIFY(dialog.pendingChoices().isEmpty());
    QVERIFY(!apply->isEnabled());
    QCOMPARE(dialog.findChild<QComboBox*>(QStringLiteral("edition_tip"))->currentData().toString(),
             QStringLiteral("tip_2023"));
}

void TestDatasetsDialog::backToLatest()
{
    DatasetsDialog dialog(m_fx.service);
    dialog.setConfirm(false);
    QVERIFY(dialog.selectEdition(QStringLiteral("tip"), QString()));
    QCOMPARE(dialog.pendingChoices(), (EditionChoices{{QStringLiteral("tip"), QString()}}));
    QVERIFY(dialog.apply().ok());
    auto choices = DatasetCatalog(m_fx.service->database()).choices();
    QVERIFY(choices.ok());
    QVERIFY(choices->isEmpty());
    QCOMPARE(datasetIds(), (QStringList{"ilab_findings_2022", "ilab_goods_2022", "tip_2024"}));
}

void TestDatasetsDialog::screenshot()
{
    DatasetsDialog dialog(m_fx.service);
    dialog.selectEdition(QStringLiteral("tip"), QStringLiteral("tip_2023"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QPixmap shot = dialog.grab();
    QVERIFY(!shot.isNull());
    QVERIFY(shot.width() >= dialog.minimumSizeHint().width());
    const QString dir = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(shot.save(QDir(dir).filePath(QStringLiteral("datasetsdialog.png"))));
}

void TestDatasetsDialog::toolsMenu()
{
    MainWindow window;
    QMenu* tools = nullptr;
    for (QAction* a : window.menuBar()->actions())
        if (a->menu() && a->text() == QStringLiteral("&Tools"))
            tools = a->menu();
    QVERIFY(tools);
    QAction* action = tools->findChild<QAction*>(QStringLiteral("referenceDataAction"));
    if (!action)
        for (QAction* a : tools->actions())
            if (a->objectName() == QLatin1String("referenceDataAction"))
                action = a;
    QVERIFY(action);
    QCOMPARE(action->text(), QStringLiteral("Reference &Data…"));
}

QTEST_MAIN(TestDatasetsDialog)
#include "tst_datasetsdialog.moc"
