// The supplier's History tab: its columns fit what they hold, so that Field and Change stay in view in a narrow pane
// (the supplier pane beside the register), and take the room a wide one gives.
#include "views/supplierdetailtabs.h"

#include <QApplication>
#include <QHeaderView>
#include <QScrollBar>
#include <QTest>
#include <QTreeWidget>

using namespace vigil;
using namespace vigil::ui;

class TestSupplierDetailTabs : public QObject
{
    Q_OBJECT
private slots:
    void historyColumnsStayInView();
};

void TestSupplierDetailTabs::historyColumnsStayInView()
{
    QTreeWidget* list = detail::makeList({"When", "Who", "What", "Field", "Change"}, QStringLiteral("history"));
    std::unique_ptr<QTreeWidget> owner(list);
    list->resize(345, 300); // the supplier pane of a 900 px window
    list->show();
    QVERIFY(QTest::qWaitForWindowExposed(list));
    QList<ChangeEntry> entries;
    ChangeEntry e;
    e.at = QDateTime(QDate(2026, 12, 7), QTime(19, 56), Qt::UTC);
    e.who = QStringLiteral("sample");
    e.entity = QStringLiteral("supplier");
    e.action = QStringLiteral("update");
    e.field = QStringLiteral("workers_min");
    e.oldValue = QStringLiteral("250");
    e.newValue = QStringLiteral("499");
    entries << e;
    e.entity = QStringLiteral("identifier");
    e.action = QStringLiteral("create");
    e.field = QStringLiteral("open_supply_hub_id");
    e.oldValue.clear();
    e.newValue = QStringLiteral("Aksu Yongtai Cotton Ginning Co., Ltd. – warehouse and ginning hall");
    entries << e;
    detail::fillHistory(list, entries);
    QCOMPARE(list->topLevelItemCount(), 2);
    QApplication::processEvents();

    QHeaderView* header = list->header();
    const int width = list->viewport()->width();
    const auto info = [&] {
        QStringList w;
        for (int c = 0; c < 5; ++c)
            w << QString::number(header->sectionSize(c));
        return QStringLiteral("viewport %1, columns %2").arg(width).arg(w.join(QLatin1Char(' ')));
    };
    // The date fits its text.
    const QString date = list->topLevelItem(0)->text(0);
    QVERIFY2(header->sectionSize(0) >= list->fontMetrics().horizontalAdvance(date), qPrintable(info()));
    // Field and Change are in view without scrolling: all five columns fit, Change keeps room to read.
    QVERIFY2(header->length() <= width, qPrintable(info()));
    QVERIFY2(header->sectionViewportPosition(4) + width / 5 <= width, qPrintable(info()));
    QVERIFY2(header->sectionSize(4) >= width / 5, qPrintable(info()));
    QApplication::processEvents();
    QVERIFY2(list->horizontalScrollBar()->maximum() == 0, qPrintable(info()));
    // What a column cannot show whole is in its tooltip.
    QCOMPARE(list->topLevelItem(1)->toolTip(3), QStringLiteral("open_supply_hub_id"));
    QCOMPARE(list->topLevelItem(0)->toolTip(2), QStringLiteral("Supplier changed"));

    // A wide pane: the short columns show whole, Change takes the rest.
    list->resize(1000, 300);
    QApplication::processEvents();
    for (int c = 1; c < 4; ++c)
        for (int row = 0; row < 2; ++row)
            QVERIFY2(header->sectionSize(c) >= list->fontMetrics().horizontalAdvance(list->topLevelItem(row)->text(c)),
                     qPrintable(QStringLiteral("%1: %2").arg(list->topLevelItem(row)->text(c), info())));
    QVERIFY2(header->length() <= list->viewport()->width(), qPrintable(info()));
    QVERIFY(header->sectionSize(4) > header->sectionSize(2));
}

QTEST_MAIN(TestSupplierDetailTabs)
#include "tst_supplierdetailtabs.moc"
