// Clicking a risk tier (or a corrective-action status) on the dashboard opens the register filtered to the suppliers
// in that tier (with an action in that status); the register's action list also offers "overdue".
#include "actions/actiontypes.h"
#include "dashboard/dashboardview.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/navigation.h"
#include "models/suppliertablemodel.h"
#include "risk/scoring.h"
#include "storage/workspace.h"
#include "views/supplierfilterbar.h"
#include "views/supplierregisterview.h"
#include "views/supplierspage.h"

#include <QComboBox>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::ui;

class TestRiskTierFilter : public QObject
{
    Q_OBJECT
private slots:
    void dashboardTierOpensFilteredRegister();
    void dashboardActionStatusOpensFilteredRegister_data();
    void dashboardActionStatusOpensFilteredRegister();
};

void TestRiskTierFilter::dashboardTierOpensFilteredRegister()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sample.vigil"));
    qint64 high = 0;
    {
        auto db = workspace::openOrCreateSample(path);
        QVERIFY(db.ok());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto ctx = loadScoringContext(*db.value(), now);
        QVERIFY(ctx.ok());
        QVERIFY(scoreWorkspace(*db.value(), ctx.value(), now).ok());
        QSqlQuery q(db.value()->db());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM risk_scores WHERE tier = 'high'")) && q.next());
        high = q.value(0).toLongLong();
    }
    QVERIFY(high > 0);
    MainWindow window;
    QVERIFY(window.openWorkspace(path).ok());
    window.showPage(Navigation::Dashboard);
    QVERIFY(window.dashboard());
    SupplierTableModel* model = window.suppliersPage()->registerView()->model();
    QVERIFY(model->rowCount() > high);

    emit window.dashboard()->riskTierRequested(RiskTier::High);
    QCOMPARE(window.suppliersPage()->registerView()->filterBar()->filter().riskTier, QStringLiteral("high"));
    QTRY_COMPARE(qint64(model->rowCount()), high);
    auto* risk = window.findChild<QComboBox*>(QStringLiteral("riskFilter"));
    QVERIFY(risk);
    QCOMPARE(risk->currentData().toString(), QStringLiteral("high"));
}

void TestRiskTierFilter::dashboardActionStatusOpensFilteredRegister_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("where");
    QTest::addRow("open, from the chart") << QStringLiteral("open") << QStringLiteral("status = 'open'");
    QTest::addRow("closed and verified, from the chart")
        << QStringLiteral("closed_verified") << QStringLiteral("status = 'closed_verified'");
    QTest::addRow("overdue, from the list")
        << QStringLiteral("overdue")
        << QStringLiteral("status IN ('open', 'in_progress') AND due_on <> '' AND due_on < date('now', 'localtime')");
}

void TestRiskTierFilter::dashboardActionStatusOpensFilteredRegister()
{
    QFETCH(QString, action);
    QFETCH(QString, where);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sample.vigil"));
    qint64 expected = 0;
    qint64 all = 0;
    {
        auto db = workspace::openOrCreateSample(path);
        QVERIFY(db.ok());
        QSqlQuery q(db.value()->db());
        QVERIFY(q.exec(QStringLiteral("SELECT count(DISTINCT supplier_id) FROM corrective_actions WHERE ") + where)
                && q.next());
        expected = q.value(0).toLongLong();
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM suppliers")) && q.next());
        all = q.value(0).toLongLong();
    }
    QVERIFY(expected > 0); // the sample has actions in each of these
    QVERIFY(expected < all);
    MainWindow window;
    QVERIFY(window.openWorkspace(path).ok());
    window.showPage(Navigation::Dashboard);
    QVERIFY(window.dashboard());
    SupplierTableModel* model = window.suppliersPage()->registerView()->model();
    QTRY_COMPARE(qint64(model->rowCount()), all);

    SupplierFilterBar* bar = window.suppliersPage()->registerView()->filterBar();
    if (const auto status = actionStatusFromId(action)) {
        emit window.dashboard()->actionStatusRequested(*status);
    } else {
        SupplierFilter f;
        f.action = action;
        bar->setFilter(f);
    }
    QCOMPARE(bar->filter().action, action);
    QTRY_COMPARE(qint64(model->rowCount()), expected);
    auto* list = window.findChild<QComboBox*>(QStringLiteral("actionFilter"));
    QVERIFY(list);
    QCOMPARE(list->currentData().toString(), action);
    bar->clear();
    QTRY_COMPARE(qint64(model->rowCount()), all);
}

QTEST_MAIN(TestRiskTierFilter)
#include "tst_risktierfilter.moc"
