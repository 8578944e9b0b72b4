// The main window at the sizes field auditors use (1366x768 laptops, the window snapped to half the screen): on
// every page the window can be made as small as 900x600, the sidebar never clips a label, and the register's table,
// filters and detail pane stay usable at 1024x700 and at the window's minimum size.
#include "dashboard/dashboardview.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/navigation.h"
#include "mainwindow/recentfiles.h"
#include "reports/reportpreview.h"
#include "reports/reportspage.h"
#include "storage/workspace.h"
#include "views/supplierdetailview.h"
#include "views/supplierfilterbar.h"
#include "views/supplierregisterview.h"
#include "views/supplierspage.h"
#include "widgets/messagebox.h"

#include <QChartView>
#include <QComboBox>
#include <QHeaderView>
#include <QLayout>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyleOptionViewItem>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace vigil;
using namespace vigil::ui;

namespace {

// The largest minimum size the main window may have on any page.
const QSize kMaximumMinimum(900, 600);

// The descendants of root whose minimum width is over limit, deepest last: names the widget that forces a width.
QString widerThan(const QWidget* root, int limit)
{
    QStringList found;
    for (const QWidget* w : root->findChildren<QWidget*>()) {
        if (!w->isVisibleTo(root->window()) || w->isWindow())
            continue;
        const int min = qMax(w->minimumWidth(), w->minimumSizeHint().width());
        if (min > limit)
            found << QStringLiteral("%1(%2) %3")
                         .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName())
                         .arg(min);
    }
    return found.join(QStringLiteral(", "));
}

// The rectangle the style draws an item's text in, less the margins the style keeps inside it (the text is elided
// when it needs more).
int textSpace(const QListWidget* list, const QListWidgetItem* item)
{
    QStyleOptionViewItem opt;
    opt.initFrom(list->viewport());
    opt.font = list->font();
    opt.fontMetrics = list->fontMetrics();
    opt.rect = list->visualItemRect(item);
    opt.features = QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasDecoration;
    opt.text = item->text();
    opt.icon = item->icon();
    opt.decorationSize = list->iconSize();
    opt.decorationPosition = QStyleOptionViewItem::Left;
    opt.decorationAlignment = Qt::AlignCenter;
    opt.displayAlignment = Qt::AlignLeft | Qt::AlignVCenter;
    opt.textElideMode = list->textElideMode();
    const QRect text = list->style()->subElementRect(QStyle::SE_ItemViewItemText, &opt, list);
    const int margin = list->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, &opt, list) + 1;
    return text.width() - 2 * margin;
}

// The part of bar that shows tabs: all of it less the scroll buttons, when the tabs need more room than it has.
QRect visibleTabArea(const QTabBar* bar)
{
    QRect area = bar->rect();
    for (const QToolButton* button : bar->findChildren<QToolButton*>(Qt::FindDirectChildrenOnly)) {
        if (!button->isVisible())
            continue;
        if (button->geometry().center().x() > bar->width() / 2)
            area.setRight(qMin(area.right(), button->x() - 1));
        else
            area.setLeft(qMax(area.left(), button->geometry().right() + 1));
    }
    return area;
}

// widget lies wholly inside ancestor (nothing of it is cut off by a parent that is too small).
bool inside(const QWidget* widget, const QWidget* ancestor)
{
    const QRect r(widget->mapTo(ancestor, QPoint(0, 0)), widget->size());
    return ancestor->rect().contains(r);
}

} // namespace

class TestWindowSizes : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

    Navigation* navigation() { return m_window->findChild<Navigation*>(); }
    QSplitter* shellSplitter() { return m_window->findChild<QSplitter*>(QStringLiteral("shellSplitter")); }

    // Resizes the window and lets every layout settle (the offscreen platform applies the size at once).
    void resizeTo(const QSize& size)
    {
        m_window->resize(size);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    }

    void showPage(int page)
    {
        m_window->showPage(page);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
    }

    // Every sidebar label is drawn whole, with its icon, at the window's current size.
    void checkSidebar()
    {
        Navigation* nav = navigation();
        QVERIFY(nav->isVisible());
        QVERIFY2(nav->width() >= nav->minimumSizeHint().width(),
                 qPrintable(
                     QStringLiteral("sidebar %1 px, needs %2").arg(nav->width()).arg(nav->minimumSizeHint().width())));
        const QFontMetrics fm = nav->fontMetrics();
        for (int row = 0; row < nav->count(); ++row) {
            const QListWidgetItem* item = nav->item(row);
            const QRect rect = nav->visualItemRect(item);
            const int text = fm.horizontalAdvance(item->text());
            QVERIFY2(text + nav->iconSize().width() <= rect.width(),
                     qPrintable(QStringLiteral("“%1” needs %2 px + icon %3 px, its row is %4 px wide")
                                    .arg(item->text())
                                    .arg(text)
                                    .arg(nav->iconSize().width())
                                    .arg(rect.width())));
            QVERIFY2(text <= textSpace(nav, item),
                     qPrintable(QStringLiteral("“%1” needs %2 px, the style draws it in %3 px (elided)")
                                    .arg(item->text())
                                    .arg(text)
                                    .arg(textSpace(nav, item))));
            QVERIFY(nav->viewport()->rect().contains(rect));
        }
    }

    // The register (table, search field, every filter list) and the detail pane are all there and usable.
    void checkSuppliers()
    {
        SuppliersPage* page = m_window->suppliersPage();
        QVERIFY(page->isVisible());
        QTableView* table = page->registerView()->table();
        QVERIFY(table->isVisible());
        // Room for the whole supplier name column and some of the next, and for several rows.
        QVERIFY2(table->viewport()->width() >= 300 && table->viewport()->width() > table->columnWidth(0),
                 qPrintable(QString::number(table->viewport()->width())));
        QVERIFY2(table->viewport()->height() >= 5 * table->verticalHeader()->defaultSectionSize(),
                 qPrintable(QString::number(table->viewport()->height())));
        QVERIFY(inside(table, page));
        SupplierFilterBar* bar = page->registerView()->filterBar();
        QVERIFY(bar->searchField()->isVisible());
        QVERIFY(bar->searchField()->width() >= 120);
        QVERIFY(inside(bar->searchField(), page->registerView()));
        const QList<QComboBox*> boxes = bar->findChildren<QComboBox*>();
        QCOMPARE(boxes.size(), 7);
        for (QComboBox* box : boxes) {
            QVERIFY2(box->isVisible(), qPrintable(box->objectName()));
            QVERIFY2(box->width() > 0 && box->height() > 0, qPrintable(box->objectName()));
            // Never squeezed below the width it asks for, never cut off by the pane, never over the table.
            QVERIFY2(box->width() >= box->minimumSizeHint().width(),
                     qPrintable(QStringLiteral("%1: %2 px < %3 px")
                                    .arg(box->objectName())
                                    .arg(box->width())
                                    .arg(box->minimumSizeHint().width())));
            QVERIFY2(inside(box, page->registerView()), qPrintable(box->objectName()));
            const QRect boxRect(box->mapTo(page, QPoint(0, 0)), box->size());
            const QRect tableRect(table->mapTo(page, QPoint(0, 0)), table->size());
            QVERIFY2(!boxRect.intersects(tableRect), qPrintable(box->objectName()));
            // The lists show their "All …" entry whole.
            QVERIFY2(
                box->fontMetrics().horizontalAdvance(box->itemText(0)) <= box->width() - 30,
                qPrintable(
                    QStringLiteral("%1: “%2” in %3 px").arg(box->objectName(), box->itemText(0)).arg(box->width())));
        }
        SupplierDetailView* detail = page->detailView();
        QVERIFY(detail->isVisible());
        QVERIFY2(detail->width() >= 280, qPrintable(QString::number(detail->width())));
        QVERIFY(detail->width() >= detail->minimumSizeHint().width());
        QVERIFY(inside(detail, page));
        QVERIFY(detail->tabs()->isVisible());
        QVERIFY(detail->tabs()->height() >= 200);
    }

    void checkDashboard()
    {
        DashboardView* dashboard = m_window->dashboard();
        QVERIFY(dashboard && dashboard->isVisible());
        QVERIFY(!dashboard->chartIds().isEmpty());
        // Two equal columns, or one when two would not be readable: never a chart squeezed beside a wide one,
        // never a chart cut off on the right (no sideways scrolling).
        QScrollArea* scroll = dashboard->findChild<QScrollArea*>();
        QVERIFY(scroll);
        QCOMPARE(scroll->horizontalScrollBar()->maximum(), 0);
        const QString first = dashboard->chartIds().constFirst();
        for (const QString& id : dashboard->chartIds()) {
            QChartView* view = dashboard->chartView(id);
            QVERIFY2(view->isVisible() && view->width() >= 280 && view->height() >= 200,
                     qPrintable(QStringLiteral("%1: %2x%3").arg(id).arg(view->width()).arg(view->height())));
            QVERIFY2(qAbs(view->width() - dashboard->chartView(first)->width()) <= 2,
                     qPrintable(QStringLiteral("%1: %2 px, %3: %4 px")
                                    .arg(id)
                                    .arg(view->width())
                                    .arg(first)
                                    .arg(dashboard->chartView(first)->width())));
            QVERIFY(inside(view, scroll->widget()));
        }
    }

    void checkReports()
    {
        ReportsPage* reports = m_window->reportsPage();
        QVERIFY(reports && reports->isVisible());
        QVERIFY(reports->preview()->width() >= 400);
        QVERIFY(reports->preview()->height() >= 300);
        for (QComboBox* box : reports->preview()->findChildren<QComboBox*>()) {
            QVERIFY(box->width() >= box->minimumSizeHint().width());
            QVERIFY(inside(box, reports));
        }
    }

    void checkPage(int page)
    {
        checkSidebar();
        if (QTest::currentTestFailed())
            return;
        if (page == Navigation::Dashboard)
            checkDashboard();
        else if (page == Navigation::Reports)
            checkReports();
        else
            checkSuppliers(); // the pages not built yet show the register
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_windowsizes"));
        RecentFiles::clear();
        MessageBox::setAlwaysAnswer(QMessageBox::Ok);
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("sample.vigil"));
        QVERIFY(workspace::openOrCreateSample(path).ok());
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1360, 820);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openWorkspace(path).ok());
        // A supplier selected: the detail pane shows its tabs (risk, actions, fees ...), not the empty message.
        QTableView* table = m_window->suppliersPage()->registerView()->table();
        QTRY_VERIFY(table->model()->rowCount() > 0);
        table->selectRow(0);
        QTRY_VERIFY(!m_window->suppliersPage()->detailView()->supplierId().isEmpty());
        // Every page built once, as after a user has visited them: the stack is as wide as its widest page.
        m_window->showPage(Navigation::Dashboard);
        QSignalSpy refreshed(m_window->dashboard(), &DashboardView::refreshed);
        QVERIFY(refreshed.wait(60000));
        m_window->showPage(Navigation::Reports);
        QVERIFY(m_window->reportsPage());
        QTest::qWait(50); // the preview builds its first report after the page is shown
        m_window->showPage(Navigation::Suppliers);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        RecentFiles::clear();
    }

    void minimumSize_data()
    {
        QTest::addColumn<int>("page");
        QTest::addRow("Suppliers") << int(Navigation::Suppliers);
        QTest::addRow("Assessments (not built: shows the register)") << int(Navigation::Assessments);
        QTest::addRow("Actions (not built: shows the register)") << int(Navigation::Actions);
        QTest::addRow("Dashboard") << int(Navigation::Dashboard);
        QTest::addRow("Reports") << int(Navigation::Reports);
        QTest::addRow("Reference data (not built: shows the register)") << int(Navigation::ReferenceData);
    }

    // The window can be made 900x600 on every page, and takes exactly the size asked for at 1024x700.
    void minimumSize()
    {
        QFETCH(int, page);
        showPage(page);
        const QSize min = m_window->minimumSizeHint();
        QVERIFY2(min.width() <= kMaximumMinimum.width() && min.height() <= kMaximumMinimum.height(),
                 qPrintable(QStringLiteral("minimum %1x%2; wider than %3: %4")
                                .arg(min.width())
                                .arg(min.height())
                                .arg(kMaximumMinimum.width())
                                .arg(widerThan(m_window.get(), kMaximumMinimum.width() - 200))));
        resizeTo(QSize(1024, 700));
        QCOMPARE(m_window->size(), QSize(1024, 700));
        resizeTo(kMaximumMinimum);
        QCOMPARE(m_window->size(), kMaximumMinimum.expandedTo(m_window->minimumSize()));
        QVERIFY(m_window->width() <= kMaximumMinimum.width());
    }

    void usableAt_data()
    {
        QTest::addColumn<int>("page");
        QTest::addColumn<QSize>("size"); // an empty size: the window's own minimum
        const struct
        {
            const char* name;
            Navigation::Page page;
        } pages[] = {{"Suppliers", Navigation::Suppliers}, {"Assessments", Navigation::Assessments},
                     {"Actions", Navigation::Actions},     {"Dashboard", Navigation::Dashboard},
                     {"Reports", Navigation::Reports},     {"Reference data", Navigation::ReferenceData}};
        for (const auto& p : pages) {
            QTest::addRow("%s at 1360x820", p.name) << int(p.page) << QSize(1360, 820);
            QTest::addRow("%s at 1200x800", p.name) << int(p.page) << QSize(1200, 800);
            QTest::addRow("%s at 1024x700", p.name) << int(p.page) << QSize(1024, 700);
            QTest::addRow("%s at its minimum size", p.name) << int(p.page) << QSize();
        }
    }

    // Labels whole, nothing squeezed or cut off, the main widgets of the page with room to work in.
    void usableAt()
    {
        QFETCH(int, page);
        QFETCH(QSize, size);
        showPage(page);
        resizeTo(size.isEmpty() ? m_window->minimumSizeHint() : size);
        if (size.isEmpty())
            QCOMPARE(m_window->size(), m_window->minimumSizeHint());
        else
            QCOMPARE(m_window->size(), size);
        checkPage(page);
    }

    void detailTabsInView_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QStringList>("tabs"); // the start of their labels
        const QStringList all{QStringLiteral("Profile"), QStringLiteral("Risk"), QStringLiteral("Actions"),
                              QStringLiteral("Fees")};
        QTest::addRow("1360x820") << QSize(1360, 820) << all;
        QTest::addRow("1024x700") << QSize(1024, 700) << all;
        QTest::addRow("900x650") << QSize(900, 650) << all.mid(0, 3);
    }

    // The tabs a compliance officer works in (risk, corrective actions, recruitment fees) are in view in the detail
    // pane as it first opens, not behind the tab bar's scroll arrows: for a supplier with an overdue action, whose
    // Actions tab has the longest label ("Actions (3 · 1 overdue)").
    void detailTabsInView()
    {
        QFETCH(QSize, size);
        QFETCH(QStringList, tabs);
        showPage(Navigation::Suppliers);
        SuppliersPage* page = m_window->suppliersPage();
        auto* filter = page->registerView()->filterBar()->findChild<QComboBox*>(QStringLiteral("actionFilter"));
        QVERIFY(filter);
        QTableView* table = page->registerView()->table();
        filter->setCurrentIndex(filter->findData(QStringLiteral("overdue")));
        QTRY_VERIFY(table->model()->rowCount() > 0);
        table->selectRow(0);
        SupplierDetailView* detail = page->detailView();
        QTabWidget* tabWidget = detail->tabs();
        const auto actionsTab = [tabWidget] {
            for (int i = 0; i < tabWidget->count(); ++i)
                if (tabWidget->tabText(i).startsWith(QLatin1String("Actions")))
                    return tabWidget->tabText(i);
            return QString();
        };
        QTRY_VERIFY2(actionsTab().contains(QLatin1String("overdue")), qPrintable(actionsTab()));
        tabWidget->setCurrentIndex(0);
        resizeTo(size);
        QCOMPARE(m_window->size(), size);
        QTabBar* bar = tabWidget->tabBar();
        QVERIFY(bar->isVisible());
        const QRect area = visibleTabArea(bar);
        for (const QString& label : tabs) {
            int index = -1;
            for (int i = 0; i < bar->count() && index < 0; ++i)
                if (bar->tabText(i).startsWith(label))
                    index = i;
            QVERIFY2(index >= 0, qPrintable(label));
            QVERIFY2(area.contains(bar->tabRect(index)),
                     qPrintable(QStringLiteral("“%1” at x %2-%3, the tab bar shows x %4-%5")
                                    .arg(bar->tabText(index))
                                    .arg(bar->tabRect(index).left())
                                    .arg(bar->tabRect(index).right())
                                    .arg(area.left())
                                    .arg(area.right())));
        }
        filter->setCurrentIndex(0);
        QTRY_VERIFY(table->model()->rowCount() > 0);
        table->selectRow(0);
    }

    // The sidebar's width comes from its labels in its own font, so larger fonts and longer translations fit; the
    // splitter can neither squeeze it below that nor collapse it.
    void sidebarFollowsItsFont()
    {
        showPage(Navigation::Suppliers);
        Navigation* nav = navigation();
        QSplitter* splitter = shellSplitter();
        QVERIFY(splitter);
        QVERIFY(!splitter->isCollapsible(0));
        QVERIFY(!splitter->isCollapsible(1));
        const int before = nav->minimumSizeHint().width();
        const QFont original = nav->font();
        QFont big = original;
        big.setPointSizeF(original.pointSizeF() * 1.5);
        nav->setFont(big);
        QVERIFY2(nav->minimumSizeHint().width() > before,
                 qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(nav->minimumSizeHint().width())));
        resizeTo(QSize(1024, 700));
        // The user drags the handle all the way to the left.
        splitter->setSizes({0, splitter->width()});
        QCoreApplication::processEvents();
        QVERIFY(nav->isVisible());
        QVERIFY2(nav->width() >= nav->minimumSizeHint().width(),
                 qPrintable(QStringLiteral("%1 < %2").arg(nav->width()).arg(nav->minimumSizeHint().width())));
        checkSidebar();
        nav->setFont(original);
        splitter->setSizes({0, splitter->width()});
        QCoreApplication::processEvents();
        checkSidebar();
    }
};

QTEST_MAIN(TestWindowSizes)
#include "tst_windowsizes.moc"
