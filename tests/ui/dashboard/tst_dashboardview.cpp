// The dashboard: its charts come from the workspace, a click on a bar asks for the filtered register, and every
// chart can be saved as PNG and SVG. Writes a screenshot to $VIGIL_SCREENSHOT_DIR when set.
#include "actions/actionsummary.h"
#include "dashboard/dashboardview.h"
#include "services/supplierstore.h"
#include "storage/database.h"
#include "storage/sampleportfolio.h"

#include <QAbstractBarSeries>
#include <QApplication>
#include <QBarSet>
#include <QChartView>
#include <QImage>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace vigil;

class TestDashboardView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void chartsFromTheWorkspace();
    void clickOpensFilteredRegister_data();
    void clickOpensFilteredRegister();
    void saveEveryChart();
    void correctiveActionsByStatusAndOverdue();
    void refreshesOnChanges();
    void screenshot();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SupplierStore> m_store;
    std::unique_ptr<DashboardView> m_view;
};

void TestDashboardView::initTestCase()
{
    auto db = Database::open(m_dir.filePath(QStringLiteral("d.vigil")), Database::Mode::CreateIfMissing);
    QVERIFY2(db.ok(), qPrintable(db.error().toString()));
    QVERIFY(loadSamplePortfolio(*db.value()).ok());
    m_store = std::make_unique<SupplierStore>(std::move(db).value());
    m_view = std::make_unique<DashboardView>(m_store.get());
    QVERIFY(m_view->isLoading()); // read on a worker thread
    QSignalSpy refreshed(m_view.get(), &DashboardView::refreshed);
    QVERIFY(refreshed.wait(60000));
    QVERIFY(!m_view->isLoading());
    m_view->resize(1200, 1500);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestDashboardView::chartsFromTheWorkspace()
{
    QCOMPARE(m_view->chartIds(),
             (QStringList{"tiers", "supply_tiers", "risk_by_country", "risk_by_sector", "tiers_over_time", "actions",
                          "coverage", "corrective_actions"}));
    QCOMPARE(m_view->data().suppliers.size(), 207);
    // The tier chart's bars add up to every supplier.
    QChartView* tiers = m_view->chartView(QStringLiteral("tiers"));
    QVERIFY(tiers);
    double sum = 0;
    for (QAbstractSeries* s : tiers->chart()->series())
        for (QBarSet* set : static_cast<QAbstractBarSeries*>(s)->barSets())
            sum += set->sum();
    QCOMPARE(int(sum), 207);
}

void TestDashboardView::clickOpensFilteredRegister_data()
{
    QTest::addColumn<QString>("chart");
    QTest::addColumn<QString>("field");
    QTest::addRow("country") << "risk_by_country"
                             << "country";
    QTest::addRow("sector") << "risk_by_sector"
                            << "sector";
    QTest::addRow("supply tier") << "supply_tiers"
                                 << "tier";
}

void TestDashboardView::clickOpensFilteredRegister()
{
    QFETCH(QString, chart);
    QFETCH(QString, field);
    QSignalSpy spy(m_view.get(), &DashboardView::filterRequested);
    // The first bar is a real bar: a click on it is what the chart reports.
    QChartView* view = m_view->chartView(chart);
    QVERIFY(view);
    auto* series = static_cast<QAbstractBarSeries*>(view->chart()->series().first());
    emit series->clicked(0, series->barSets().first());
    QCOMPARE(spy.size(), 1);
    const auto filter = spy.first().first().value<SupplierFilter>();
    QVERIFY(!filter.isEmpty());
    // The filtered register holds the suppliers the bar counted.
    auto count = m_store->repository().count(filter);
    QVERIFY(count.ok());
    double barTotal = 0;
    for (QBarSet* set : series->barSets())
        barTotal += set->at(0);
    QCOMPARE(double(count.value()), barTotal);
    if (field == QLatin1String("country"))
        QCOMPARE(filter.country.size(), 2);
    else if (field == QLatin1String("sector"))
        QVERIFY(!filter.sector.isEmpty());
    else
        QVERIFY(filter.tier.has_value());
    // A click outside the categories does nothing.
    m_view->activate(chart, 999);
    QCOMPARE(spy.size(), 1);
}

void TestDashboardView::correctiveActionsByStatusAndOverdue()
{
    // The chart's bars are the workspace's actions, stacked by overdue; counted here with the repository.
    auto summary = readActionSummary(m_store->database(), m_view->data().now.toUTC().date());
    QVERIFY(summary.ok());
    QVERIFY(summary->actions > 0 && summary->overdue > 0);
    QChartView* chart = m_view->chartView(QStringLiteral("corrective_actions"));
    QVERIFY(chart);
    QCOMPARE(chart->chart()->series().size(), 1);
    const QList<QBarSet*> sets = static_cast<QAbstractBarSeries*>(chart->chart()->series().first())->barSets();
    QCOMPARE(sets.size(), 2);
    QCOMPARE(int(sets[0]->sum() + sets[1]->sum()), summary->actions);
    QCOMPARE(sets[1]->label(), QStringLiteral("Overdue"));
    QCOMPARE(int(sets[1]->sum()), summary->overdue);
    QCOMPARE(int(sets[0]->at(0) + sets[1]->at(0)), summary->count(ActionStatus::Open));
    QCOMPARE(int(sets[1]->at(2)), 0); // a closed action is never overdue
    // A click asks the host for the actions of that status.
    QSignalSpy spy(m_view.get(), &DashboardView::actionStatusRequested);
    m_view->activate(QStringLiteral("corrective_actions"), 1);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.first().first().value<ActionStatus>(), ActionStatus::InProgress);
    m_view->activate(QStringLiteral("corrective_actions"), 9);
    QCOMPARE(spy.size(), 1);
}

void TestDashboardView::saveEveryChart()
{
    for (const QString& id : m_view->chartIds()) {
        const QString png = m_dir.filePath(id + QStringLiteral(".png"));
        const QString svg = m_dir.filePath(id + QStringLiteral(".svg"));
        QVERIFY2(m_view->saveChart(id, png).ok(), qPrintable(id));
        QVERIFY2(m_view->saveChart(id, svg).ok(), qPrintable(id));
        QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 400);
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&f);
        bool root = false;
        while (!xml.atEnd())
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("svg"))
                root = true;
        QVERIFY2(!xml.hasError() && root, qPrintable(id + QStringLiteral(": ") + xml.errorString()));
    }
    QVERIFY(!m_view->saveChart(QStringLiteral("tiers"), m_dir.filePath(QStringLiteral("x.bmp"))).ok());
    QVERIFY(!m_view->saveChart(QStringLiteral("nope"), m_dir.filePath(QStringLiteral("x.png"))).ok());
}

void TestDashboardView::refreshesOnChanges()
{
    const QString id = m_view->data().suppliers.first().id;
    QVERIFY(m_store->removeWithChildren({id}).ok());
    QTRY_COMPARE_WITH_TIMEOUT(m_view->data().suppliers.size(), 206, 5000);
}

void TestDashboardView::screenshot()
{
    const QImage shot = m_view->grab().toImage();
    QVERIFY(!shot.isNull());
    const QString dir = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(shot.save(dir + QStringLiteral("/dashboard.png")));
}

QTEST_MAIN(TestDashboardView)
#include "tst_dashboardview.moc"
