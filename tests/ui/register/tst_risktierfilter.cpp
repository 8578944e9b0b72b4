// Clicking a risk tier on the dashboard opens the register filtered to the suppliers in that tier.
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

QTEST_MAIN(TestRiskTierFilter)
#include "tst_risktierfilter.moc"
