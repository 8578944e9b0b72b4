// What a user sees on every screen of the main window and in its dialogs, on the sample workspace: every Alt+letter
// does one thing, notes wrap instead of squeezing into columns or widening the supplier pane, chart labels are drawn
// whole and inside their chart, secondary text is readable, empty lists say why they are empty, and supplier names
// in the scripts of the sample (Thai, Burmese, Bengali, Chinese, Vietnamese, Khmer) are drawn with real glyphs.
// With VIGIL_SCREENSHOTS set to a folder, each screen checked is saved there as a PNG.
#include "actions/feespanel.h"
#include "actions/trainingsdialog.h"
#include "dashboard/dashboardview.h"
#include "dialogs/supplierdialog.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/navigation.h"
#include "mainwindow/recentfiles.h"
#include "reports/reportspage.h"
#include "risk/datasetsdialog.h"
#include "risk/methodologydialog.h"
#include "risk/mitigationdialog.h"
#include "risk/observationdialog.h"
#include "risk/riskpanel.h"
#include "risk/riskservice.h"
#include "storage/workspace.h"
#include "views/supplierdetailview.h"
#include "views/supplierfilterbar.h"
#include "views/supplierregisterview.h"
#include "views/supplierspage.h"
#include "widgets/messagebox.h"
#include "widgets/textstyle.h"

#include <QAbstractButton>
#include <QApplication>
#include <QChartView>
#include <QDialog>
#include <QDir>
#include <QGraphicsTextItem>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QRegularExpression>
#include <QShortcut>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextLayout>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

using namespace vigil;
using namespace vigil::ui;

namespace {

enum DetailTab {
    Profile = SupplierDetailView::ProfileTab,
    Risk = SupplierDetailView::RiskTab,
    Actions = SupplierDetailView::ActionsTab,
    Fees = SupplierDetailView::FeesTab,
    Sites = SupplierDetailView::SitesTab,
    Identifiers = SupplierDetailView::IdentifiersTab,
    Recruiters = SupplierDetailView::RecruitersTab,
    History = SupplierDetailView::HistoryTab
};

// The Alt+letter shortcuts a user can reach in window as it is shown: menus of the menu bar, buttons, labels with
// a buddy, group boxes and the tabs of visible tab bars. Maps each key to what it names.
QMultiMap<QString, QString> mnemonics(QWidget* window)
{
    QMultiMap<QString, QString> found;
    auto add = [&found](const QString& text, const QString& what) {
        const QKeySequence key = QKeySequence::mnemonic(text);
        if (!key.isEmpty())
            found.insert(key.toString(), QStringLiteral("%1 “%2”").arg(what, text));
    };
    for (QWidget* w : window->findChildren<QWidget*>()) {
        if (w->window() != window || !w->isVisible())
            continue;
        if (auto* bar = qobject_cast<QMenuBar*>(w)) {
            for (QAction* a : bar->actions())
                if (a->isVisible())
                    add(a->text(), QStringLiteral("menu"));
        } else if (auto* button = qobject_cast<QAbstractButton*>(w)) {
            add(button->text(), QStringLiteral("button %1").arg(button->objectName()));
        } else if (auto* label = qobject_cast<QLabel*>(w)) {
            if (label->buddy())
                add(label->text(), QStringLiteral("label"));
        } else if (auto* box = qobject_cast<QGroupBox*>(w)) {
            add(box->title(), QStringLiteral("group"));
        } else if (auto* tabs = qobject_cast<QTabBar*>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                if (tabs->isTabVisible(i))
                    add(tabs->tabText(i), QStringLiteral("tab"));
        }
    }
    return found;
}

// Empty when every Alt+letter of window names one control; else the clashes.
QString clashes(QWidget* window)
{
    const QMultiMap<QString, QString> all = mnemonics(window);
    QStringList out;
    for (const QString& key : all.uniqueKeys())
        if (all.count(key) > 1)
            out << QStringLiteral("%1: %2").arg(key, QStringList(all.values(key)).join(QStringLiteral(", ")));
    return out.join(QStringLiteral("; "));
}

// True when text is drawn in font (with the fonts it falls back on) with no missing-glyph box.
bool drawsWithoutBoxes(const QString& text, const QFont& font)
{
    QTextLayout layout(text, font);
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    const QList<QGlyphRun> runs = layout.glyphRuns();
    if (runs.isEmpty())
        return false;
    for (const QGlyphRun& run : runs)
        for (quint32 glyph : run.glyphIndexes())
            if (glyph == 0)
                return false;
    return true;
}

// The text items a chart draws (titles, axis labels, value labels), with their place in the view.
QList<QPair<QString, QRectF>> chartTexts(QChartView* view)
{
    QList<QPair<QString, QRectF>> texts;
    for (QGraphicsItem* item : view->scene()->items()) {
        if (!item->isVisible())
            continue;
        if (auto* text = dynamic_cast<QGraphicsTextItem*>(item))
            texts.append({text->toPlainText(), view->mapFromScene(text->sceneBoundingRect()).boundingRect()});
        else if (auto* simple = dynamic_cast<QGraphicsSimpleTextItem*>(item))
            texts.append({simple->text(), view->mapFromScene(simple->sceneBoundingRect()).boundingRect()});
    }
    return texts;
}

} // namespace

class TestScreens : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

    SuppliersPage* page() { return m_window->suppliersPage(); }
    SupplierDetailView* detail() { return page()->detailView(); }

    void settle()
    {
        for (int i = 0; i < 3; ++i) {
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            QCoreApplication::processEvents();
        }
    }

    void resizeTo(const QSize& size)
    {
        m_window->resize(size);
        settle();
    }

    void shoot(QWidget* w, const QString& name)
    {
        const QString dir = qEnvironmentVariable("VIGIL_SCREENSHOTS");
        if (!dir.isEmpty())
            QVERIFY(w->grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
    }

    // Selects the supplier of that name in the register; false when it is not there.
    bool selectSupplier(const QString& name)
    {
        QTableView* table = page()->registerView()->table();
        const QModelIndexList hits
            = table->model()->match(table->model()->index(0, 0), Qt::DisplayRole, name, 1, Qt::MatchExactly);
        if (hits.isEmpty())
            return false;
        // Not selectRow(): it toggles the row when the test's key presses left Ctrl in the modifier state.
        table->selectionModel()->setCurrentIndex(hits.first(),
                                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        table->scrollTo(hits.first());
        settle();
        return detail()->record().supplier.name == name;
    }

    void showDetailTab(int tab, int inner = -1)
    {
        m_window->showPage(Navigation::Suppliers);
        detail()->tabs()->setCurrentIndex(tab);
        if (inner >= 0)
            detail()->tabs()->currentWidget()->findChild<QTabWidget*>()->setCurrentIndex(inner);
        settle();
    }

    // The dialog the click opened (they open non-modally with open()).
    QDialog* openedBy(QAbstractButton* button)
    {
        const QWidgetList before = QApplication::topLevelWidgets();
        button->click();
        settle();
        for (QWidget* w : QApplication::topLevelWidgets())
            if (!before.contains(w) && w->isVisible())
                if (auto* d = qobject_cast<QDialog*>(w))
                    return d;
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_screens"));
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
        QTableView* table = page()->registerView()->table();
        QTRY_VERIFY(table->model()->rowCount() > 0);
        table->selectRow(0);
        QTRY_VERIFY(!detail()->supplierId().isEmpty());
        m_window->showPage(Navigation::Dashboard);
        QSignalSpy refreshed(m_window->dashboard(), &DashboardView::refreshed);
        QVERIFY(refreshed.wait(60000));
        m_window->showPage(Navigation::Reports);
        QVERIFY(m_window->reportsPage());
        m_window->showPage(Navigation::Suppliers);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        RecentFiles::clear();
    }

    void mainWindowMnemonicsAreUnique_data()
    {
        QTest::addColumn<int>("page");
        QTest::addColumn<int>("tab");
        QTest::addColumn<int>("inner");
        const char* tabs[] = {"Profile", "Risk", "Actions", "Fees", "Sites", "Identifiers", "Recruiters", "History"};
        for (int t = 0; t < 8; ++t)
            QTest::addRow("Suppliers, %s tab", tabs[t]) << int(Navigation::Suppliers) << t << -1;
        QTest::addRow("Suppliers, Risk: Evidence") << int(Navigation::Suppliers) << int(Risk) << 1;
        QTest::addRow("Suppliers, Risk: Score history") << int(Navigation::Suppliers) << int(Risk) << 2;
        QTest::addRow("Dashboard") << int(Navigation::Dashboard) << -1 << -1;
        QTest::addRow("Reports, preview") << int(Navigation::Reports) << 0 << -1;
        QTest::addRow("Reports, statement texts") << int(Navigation::Reports) << 1 << -1;
    }

    // Alt+E opens the Edit menu wherever the user is, and no two buttons, labels or tabs share a letter (Qt then
    // only moves the focus between them, and the menu no longer opens).
    void mainWindowMnemonicsAreUnique()
    {
        QFETCH(int, page);
        QFETCH(int, tab);
        QFETCH(int, inner);
        resizeTo(QSize(1360, 820));
        if (page == Navigation::Suppliers) {
            showDetailTab(tab, inner);
        } else {
            m_window->showPage(page);
            if (page == Navigation::Reports)
                m_window->reportsPage()->findChild<QTabWidget*>()->setCurrentIndex(tab);
            settle();
        }
        shoot(m_window.get(), QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_')));
        QVERIFY(!mnemonics(m_window.get()).isEmpty());
        const QString found = clashes(m_window.get());
        QVERIFY2(found.isEmpty(), qPrintable(found));
    }

    // Each built feature view is one key away: Ctrl+ its row in the sidebar, listed in the View menu.
    void pagesFromTheKeyboard()
    {
        m_window->showPage(Navigation::Suppliers);
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        page()->registerView()->table()->setFocus();
        const struct
        {
            Qt::Key key;
            QWidget* page;
            int row;
        } keys[] = {{Qt::Key_4, m_window->dashboard(), Navigation::Dashboard},
                    {Qt::Key_5, m_window->reportsPage(), Navigation::Reports},
                    {Qt::Key_1, page(), Navigation::Suppliers}};
        for (const auto& k : keys) {
            QTest::keyClick(QApplication::focusWidget(), k.key, Qt::ControlModifier);
            settle();
            QVERIFY2(k.page->isVisible(), qPrintable(QKeySequence(Qt::CTRL | k.key).toString()));
            QCOMPARE(m_window->findChild<Navigation*>()->currentRow(), k.row);
        }
    }

    void dialogs_data()
    {
        QTest::addColumn<QString>("which");
        for (const char* d : {"supplier", "site", "identifier", "recruiter", "action", "fee", "observation",
                              "mitigation", "methodology", "datasets", "trainings", "training"})
            QTest::addRow("%s", d) << QString::fromLatin1(d);
    }

    // Every dialog: one control per Alt+letter, and small enough for a 1024x700 screen.
    void dialogs()
    {
        QFETCH(QString, which);
        resizeTo(QSize(1360, 820));
        QVERIFY(selectSupplier(QStringLiteral("Aksu Yongtai Cotton Ginning Co., Ltd.")));
        std::unique_ptr<QDialog> owned;
        QDialog* dialog = nullptr;
        auto button = [this](const QString& name) { return detail()->findChild<QAbstractButton*>(name); };
        RiskService* service = RiskService::forStore(m_window->store());
        if (which == QLatin1String("supplier")) {
            dialog = page()->editCurrent();
        } else if (which == QLatin1String("site")) {
            showDetailTab(Sites);
            dialog = openedBy(button(QStringLiteral("sitesAdd")));
        } else if (which == QLatin1String("identifier")) {
            showDetailTab(Identifiers);
            dialog = openedBy(button(QStringLiteral("identifiersAdd")));
        } else if (which == QLatin1String("recruiter")) {
            showDetailTab(Recruiters);
            dialog = openedBy(button(QStringLiteral("recruitersAdd")));
        } else if (which == QLatin1String("action")) {
            showDetailTab(Actions);
            dialog = openedBy(button(QStringLiteral("actionsAdd")));
        } else if (which == QLatin1String("fee")) {
            showDetailTab(Fees);
            dialog = openedBy(button(QStringLiteral("feesAdd")));
        } else if (which == QLatin1String("observation")) {
            owned = std::make_unique<ObservationDialog>(service, detail()->supplierId(), m_window.get());
        } else if (which == QLatin1String("mitigation")) {
            owned = std::make_unique<MitigationDialog>(service, m_window.get());
        } else if (which == QLatin1String("methodology")) {
            owned = std::make_unique<MethodologyDialog>(service, m_window.get());
        } else if (which == QLatin1String("datasets")) {
            owned = std::make_unique<DatasetsDialog>(service, m_window.get());
        } else if (which.startsWith(QLatin1String("training"))) {
            owned = std::make_unique<TrainingsDialog>(m_window->store(), m_window->undoStack(), m_window.get());
            if (which == QLatin1String("training")) {
                owned->show();
                QVERIFY(QTest::qWaitForWindowExposed(owned.get()));
                dialog = openedBy(owned->findChild<QAbstractButton*>(QStringLiteral("trainingsAdd")));
                QVERIFY(dialog);
            }
        }
        if (owned && !dialog) {
            dialog = owned.get();
            dialog->show();
        }
        QVERIFY2(dialog, qPrintable(which));
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        settle();
        shoot(dialog, QStringLiteral("dialog-") + which);
        const QString found = clashes(dialog);
        const QSize min = dialog->minimumSizeHint();
        dialog->reject();
        settle();
        QVERIFY2(found.isEmpty(), qPrintable(found));
        QVERIFY2(min.width() <= 1000 && min.height() <= 680,
                 qPrintable(QStringLiteral("%1x%2").arg(min.width()).arg(min.height())));
    }

    // The heading of the Evidence tab wraps: it never sets the width of the supplier pane.
    void evidenceHeadingWraps()
    {
        auto* heading = detail()->findChild<QLabel*>(QStringLiteral("observationsHeading"));
        QVERIFY(heading);
        QVERIFY(heading->wordWrap());
        const int oneLine = heading->fontMetrics().horizontalAdvance(
            heading->text().remove(QRegularExpression(QStringLiteral("<[^>]*>"))));
        QVERIFY2(heading->minimumSizeHint().width() < oneLine / 2,
                 qPrintable(
                     QStringLiteral("%1 px, the text is %2 px").arg(heading->minimumSizeHint().width()).arg(oneLine)));
        resizeTo(QSize(900, 650));
        showDetailTab(Risk, 1);
        QVERIFY(heading->isVisible());
        QVERIFY(heading->width() <= heading->parentWidget()->width());
        shoot(m_window.get(), QStringLiteral("evidence-900x650"));
    }

    // At a window 900 px wide the Fees tab's note is a line or two across the pane, not a tall narrow column
    // beside the buttons.
    void feesNoteReadsAcross_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addRow("900x650") << QSize(900, 650);
        QTest::addRow("1024x700") << QSize(1024, 700);
        QTest::addRow("1360x820") << QSize(1360, 820);
    }

    void feesNoteReadsAcross()
    {
        QFETCH(QSize, size);
        resizeTo(size);
        showDetailTab(Fees);
        auto* fees = detail()->findChild<FeesPanel*>();
        auto* note = fees->findChild<QLabel*>(QStringLiteral("feesPrivacyNote"));
        QVERIFY(note && note->isVisible());
        const int lines = note->height() / note->fontMetrics().lineSpacing();
        QVERIFY2(lines <= 2,
                 qPrintable(QStringLiteral("%1 lines in %2x%3 px").arg(lines).arg(note->width()).arg(note->height())));
        QVERIFY2(note->width() >= fees->width() * 2 / 3,
                 qPrintable(QStringLiteral("%1 px of %2").arg(note->width()).arg(fees->width())));
        shoot(m_window.get(), QStringLiteral("fees-%1x%2").arg(size.width()).arg(size.height()));
    }

    // The contributions chart of the Risk tab draws its labels inside the chart, at every window size.
    void contributionLabelsInsideTheChart_data() { feesNoteReadsAcross_data(); }

    void contributionLabelsInsideTheChart()
    {
        QFETCH(QSize, size);
        resizeTo(size);
        showDetailTab(Risk, 0);
        auto* view = detail()->findChild<QChartView*>(QStringLiteral("contributionChart"));
        QVERIFY(view && view->isVisible());
        const auto texts = chartTexts(view);
        QVERIFY(texts.size() > 3);
        for (const auto& [text, rect] : texts)
            QVERIFY2(view->viewport()->rect().contains(rect.toAlignedRect().adjusted(1, 1, -1, -1)),
                     qPrintable(QStringLiteral("“%1” at x %2..%3, the chart is %4 px wide")
                                    .arg(text)
                                    .arg(rect.left())
                                    .arg(rect.right())
                                    .arg(view->viewport()->width())));
        shoot(m_window.get(), QStringLiteral("risk-%1x%2").arg(size.width()).arg(size.height()));
    }

    // The dashboard's charts of verified actions and of evidence age show every category name whole.
    void dashboardCategoriesWhole_data()
    {
        QTest::addColumn<QString>("chart");
        QTest::addColumn<QSize>("size");
        for (const char* chart : {"actions", "coverage"}) {
            QTest::addRow("%s at 1360x820", chart) << QString::fromLatin1(chart) << QSize(1360, 820);
            QTest::addRow("%s at 900x650", chart) << QString::fromLatin1(chart) << QSize(900, 650);
        }
    }

    void dashboardCategoriesWhole()
    {
        QFETCH(QString, chart);
        QFETCH(QSize, size);
        resizeTo(size);
        m_window->showPage(Navigation::Dashboard);
        settle();
        QChartView* view = m_window->dashboard()->chartView(chart);
        QVERIFY(view);
        QStringList categories;
        if (chart == QLatin1String("actions"))
            categories = m_window->dashboard()->data().mitigationLabels.values();
        else
            categories = {QStringLiteral("No evidence"), QStringLiteral("Under 12 months"),
                          QStringLiteral("12–24 months"), QStringLiteral("Over 24 months")};
        QVERIFY(!categories.isEmpty());
        const auto texts = chartTexts(view);
        for (const QString& category : categories) {
            bool whole = false;
            for (const auto& [text, rect] : texts)
                if (text.simplified() == category && rect.left() >= 0 && rect.right() <= view->width())
                    whole = true;
            QStringList drawn;
            for (const auto& t : texts)
                drawn << t.first;
            QVERIFY2(whole,
                     qPrintable(QStringLiteral("“%1” is not drawn whole; drawn: %2")
                                    .arg(category, drawn.join(QStringLiteral(" | ")))));
        }
        shoot(view, QStringLiteral("chart-%1-%2x%3").arg(chart).arg(size.width()).arg(size.height()));
    }

    // Every chart's Save button names its chart to a screen reader, and a history of one month says why it shows
    // dots and no lines.
    void dashboardExplainsItself()
    {
        m_window->showPage(Navigation::Dashboard);
        settle();
        DashboardView* dashboard = m_window->dashboard();
        QSet<QString> names;
        for (const QString& id : dashboard->chartIds()) {
            auto* save = dashboard->findChild<QToolButton*>(id + QStringLiteral("Save"));
            QVERIFY2(save, qPrintable(id));
            QVERIFY2(save->accessibleName().contains(dashboard->chartView(id)->chart()->title()),
                     qPrintable(save->accessibleName()));
            names.insert(save->accessibleName());
        }
        QCOMPARE(names.size(), dashboard->chartIds().size());
        QCOMPARE(dashboard->data().historyMonths.size(), 1); // the sample is scored once, today
        auto* note = dashboard->findChild<QLabel*>(QStringLiteral("tiers_over_timeNote"));
        QVERIFY(note && note->isVisible());
        QVERIFY(note->text().contains(QStringLiteral("One month")));
        m_window->showPage(Navigation::Suppliers);
    }

    // Notes and other names are lighter than the text but readable (WCAG AA 4.5:1), not greyed out as disabled.
    void secondaryTextIsReadable_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addRow("other names of the supplier") << QStringLiteral("detailOtherNames");
        QTest::addRow("Fees tab's note") << QStringLiteral("feesPrivacyNote");
        QTest::addRow("empty recruiter list") << QStringLiteral("recruitersEmptyHint");
    }

    void secondaryTextIsReadable()
    {
        QFETCH(QString, label);
        QVERIFY(selectSupplier(QStringLiteral("Aksu Yongtai Cotton Ginning Co., Ltd.")));
        auto* l = detail()->findChild<QLabel*>(label);
        QVERIFY(l);
        QVERIFY(l->isEnabled());
        const QPalette p = l->palette();
        const QColor background = l->parentWidget()->palette().color(l->parentWidget()->backgroundRole());
        const double ratio = contrastRatio(p.color(QPalette::Active, QPalette::WindowText), background);
        QVERIFY2(ratio >= 4.5, qPrintable(QString::number(ratio)));
        QVERIFY(p.color(QPalette::WindowText) != QApplication::palette().color(QPalette::WindowText));
    }

    // An empty list says why it is empty and what to do; the sentence goes as soon as there is a row.
    void emptyListsSayWhy()
    {
        resizeTo(QSize(1360, 820));
        QVERIFY(selectSupplier(QStringLiteral("Aksu Yongtai Cotton Ginning Co., Ltd.")));
        QCOMPARE(detail()->record().recruiters.size(), 0);
        QVERIFY(!detail()->record().sites.isEmpty());
        showDetailTab(Recruiters);
        auto* recruiters = detail()->findChild<QTreeWidget*>(QStringLiteral("recruiters"));
        QLabel* hint = emptyHint(recruiters);
        QVERIFY(hint);
        QVERIFY(hint->isVisible());
        QVERIFY(hint->text().contains(QStringLiteral("recruiter")));
        QVERIFY(recruiters->viewport()->rect().contains(hint->geometry()));
        QVERIFY(hint->width() > recruiters->viewport()->width() / 2);
        shoot(m_window.get(), QStringLiteral("recruiters-empty"));
        showDetailTab(Sites);
        QVERIFY(!emptyHint(detail()->findChild<QTreeWidget*>(QStringLiteral("sites")))->isVisible());
        showDetailTab(Risk, 1);
        QVERIFY(emptyHint(detail()->findChild<QTreeWidget*>(QStringLiteral("observations")))->isVisible());
    }

    // In a short window the Evidence tab's empty lists still show their whole sentence (the tab scrolls instead).
    void evidenceHintsWhole_data() { feesNoteReadsAcross_data(); }

    void evidenceHintsWhole()
    {
        QFETCH(QSize, size);
        resizeTo(size);
        QVERIFY(selectSupplier(QStringLiteral("Aksu Yongtai Cotton Ginning Co., Ltd.")));
        showDetailTab(Risk, 1);
        for (const char* name : {"observations", "mitigations"}) {
            auto* list = detail()->findChild<QTreeWidget*>(QString::fromLatin1(name));
            QVERIFY(list && list->isVisible());
            QLabel* hint = emptyHint(list);
            QVERIFY(hint && hint->isVisible());
            const int needed = hint->heightForWidth(hint->width());
            QVERIFY2(hint->height() >= needed && list->viewport()->rect().contains(hint->geometry()),
                     qPrintable(QStringLiteral("%1: the sentence needs %2 px, has %3 (viewport %4 px)")
                                    .arg(QString::fromLatin1(name))
                                    .arg(needed)
                                    .arg(hint->height())
                                    .arg(list->viewport()->height())));
        }
        shoot(m_window.get(), QStringLiteral("evidence-empty-%1x%2").arg(size.width()).arg(size.height()));
    }

    // Sites of one supplier whose names differ only at the end stay apart in the Sites tab of a narrow pane.
    void siteNamesStayApart_data() { feesNoteReadsAcross_data(); }

    void siteNamesStayApart()
    {
        QFETCH(QSize, size);
        resizeTo(size);
        QVERIFY(selectSupplier(QStringLiteral("Aksu Yongtai Cotton Ginning Co., Ltd.")));
        showDetailTab(Sites);
        auto* sites = detail()->findChild<QTreeWidget*>(QStringLiteral("sites"));
        QCOMPARE(sites->topLevelItemCount(), 3);
        QStringList shown;
        for (int i = 0; i < sites->topLevelItemCount(); ++i) {
            QTreeWidgetItem* item = sites->topLevelItem(i);
            const QRect cell = sites->visualItemRect(item).intersected(
                QRect(sites->header()->sectionViewportPosition(0), 0, sites->columnWidth(0), sites->height()));
            // The style keeps a margin each side of the text (QCommonStyle: PM_FocusFrameHMargin + 1).
            const int margin = sites->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, sites) + 1;
            shown << sites->fontMetrics().elidedText(item->text(0), sites->textElideMode(), cell.width() - 2 * margin);
            QCOMPARE(item->toolTip(0), item->text(0));
        }
        QVERIFY2(shown.size() == QSet<QString>(shown.cbegin(), shown.cend()).size(),
                 qPrintable(shown.join(QStringLiteral(" | "))));
        shoot(m_window.get(), QStringLiteral("sites-%1x%2").arg(size.width()).arg(size.height()));
    }

    // A search that finds nothing says so in the table, and how to see every supplier again.
    void emptyRegisterSaysWhy()
    {
        resizeTo(QSize(1024, 700));
        m_window->showPage(Navigation::Suppliers);
        QTableView* table = page()->registerView()->table();
        QLineEdit* search = page()->registerView()->filterBar()->searchField();
        search->setText(QStringLiteral("zzqqxx no such supplier"));
        QTRY_COMPARE(table->model()->rowCount(), 0);
        settle();
        QLabel* hint = emptyHint(table);
        QVERIFY(hint);
        QVERIFY(hint->isVisible());
        QVERIFY2(hint->text().contains(QStringLiteral("Clear filters")), qPrintable(hint->text()));
        QVERIFY(table->viewport()->rect().contains(hint->geometry()));
        shoot(m_window.get(), QStringLiteral("register-no-match"));
        search->clear();
        QTRY_VERIFY(table->model()->rowCount() > 0);
        QVERIFY(!hint->isVisible());
        QVERIFY(selectSupplier(QStringLiteral("Aksu Yongtai Cotton Ginning Co., Ltd.")));
    }

    // Delete and Insert in the Actions and Fees lists act on that list: the window's Delete Supplier (Delete) must
    // not make them ambiguous (Qt then runs neither), nor delete the supplier from a list of the detail pane.
    void listKeysAreNotAmbiguous_data()
    {
        QTest::addColumn<int>("tab");
        QTest::addColumn<QString>("list");
        QTest::addRow("Actions") << int(Actions) << QStringLiteral("actions");
        QTest::addRow("Fees") << int(Fees) << QStringLiteral("fees");
        QTest::addRow("Sites") << int(Sites) << QStringLiteral("sites");
        QTest::addRow("Identifiers") << int(Identifiers) << QStringLiteral("identifiers");
    }

    void listKeysAreNotAmbiguous()
    {
        QFETCH(int, tab);
        QFETCH(QString, list);
        resizeTo(QSize(1360, 820));
        QVERIFY(selectSupplier(QStringLiteral("Aksu Yongtai Cotton Ginning Co., Ltd.")));
        showDetailTab(tab);
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        auto* tree = detail()->findChild<QTreeWidget*>(list);
        QVERIFY(tree && tree->isVisible());
        tree->setFocus();
        QTRY_VERIFY(tree->hasFocus());
        QAction* deleteSupplier = m_window->findChild<QAction*>(QStringLiteral("actionDeleteSupplier"));
        QVERIFY(deleteSupplier && deleteSupplier->isEnabled());
        QSignalSpy supplierDeleted(deleteSupplier, &QAction::triggered);
        for (QShortcut* s : tree->findChildren<QShortcut*>()) {
            QSignalSpy fired(s, &QShortcut::activated);
            QSignalSpy clash(s, &QShortcut::activatedAmbiguously);
            const int key = s->key()[0].toCombined();
            if (key == Qt::Key_Insert)
                continue; // opens a dialog
            QTest::keyClick(tree, Qt::Key(key));
            QVERIFY2(clash.isEmpty(), qPrintable(s->key().toString()));
            QCOMPARE(fired.count(), 1);
        }
        if (tree->topLevelItemCount() > 0)
            tree->setCurrentItem(tree->topLevelItem(0));
        QTest::keyClick(tree, Qt::Key_Delete);
        QCOMPARE(supplierDeleted.count(), 0);
        QCOMPARE(detail()->record().supplier.name, QStringLiteral("Aksu Yongtai Cotton Ginning Co., Ltd."));
    }

    // The statement's sections read whole in their list (they wrap), and the amber of empty sections is explained.
    void statementSectionsReadWhole_data() { feesNoteReadsAcross_data(); }

    void statementSectionsReadWhole()
    {
        QFETCH(QSize, size);
        resizeTo(size);
        m_window->showPage(Navigation::Reports);
        m_window->reportsPage()->findChild<QTabWidget*>()->setCurrentIndex(1);
        settle();
        auto* list = m_window->reportsPage()->findChild<QListWidget*>(QStringLiteral("statementSections"));
        QVERIFY(list && list->isVisible());
        QVERIFY(list->count() >= 5);
        for (int i = 0; i < list->count(); ++i) {
            const QRect rect = list->visualItemRect(list->item(i));
            QVERIFY(rect.right() <= list->viewport()->width());
            const int textWidth = rect.width() - 8; // the style's margins inside the item
            const QRect needed = list->fontMetrics().boundingRect(QRect(0, 0, textWidth, 10000), Qt::TextWordWrap,
                                                                  list->item(i)->text());
            QVERIFY2(needed.height() <= rect.height(),
                     qPrintable(QStringLiteral("“%1”: %2 px high, needs %3 px")
                                    .arg(list->item(i)->text())
                                    .arg(rect.height())
                                    .arg(needed.height())));
        }
        auto* legend = m_window->reportsPage()->findChild<QLabel*>(QStringLiteral("statementSectionsLegend"));
        QVERIFY(legend && legend->isVisible());
        shoot(m_window.get(), QStringLiteral("statement-%1x%2").arg(size.width()).arg(size.height()));
        m_window->showPage(Navigation::Suppliers);
    }

    void namesInEveryScript_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addRow("Thai") << QStringLiteral("Thai") << 0x0E00 << 0x0E7F;
        QTest::addRow("Burmese") << QStringLiteral("Burmese") << 0x1000 << 0x109F;
        QTest::addRow("Bengali") << QStringLiteral("Bengali") << 0x0980 << 0x09FF;
        QTest::addRow("Chinese") << QStringLiteral("Chinese") << 0x4E00 << 0x9FFF;
        QTest::addRow("Vietnamese") << QStringLiteral("Vietnamese") << 0x1EA0 << 0x1EFF;
        QTest::addRow("Khmer") << QStringLiteral("Khmer") << 0x1780 << 0x17FF;
    }

    // The sample has suppliers named in each script, and the register and the detail pane draw them with real
    // glyphs (no boxes) in their own fonts.
    void namesInEveryScript()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        resizeTo(QSize(1360, 820));
        m_window->showPage(Navigation::Suppliers);
        QTableView* table = page()->registerView()->table();
        QString name;
        for (int r = 0; r < table->model()->rowCount() && name.isEmpty(); ++r) {
            const QString n = table->model()->index(r, 0).data().toString();
            for (QChar c : n)
                if (c.unicode() >= from && c.unicode() <= to) {
                    name = n;
                    break;
                }
        }
        QVERIFY2(!name.isEmpty(), "no supplier of the sample is named in this script");
        QVERIFY(selectSupplier(name));
        auto* title = detail()->findChild<QLabel*>(QStringLiteral("detailTitle"));
        QCOMPARE(title->text(), name);
        QVERIFY2(drawsWithoutBoxes(name, table->font()), qPrintable(name));
        QVERIFY2(drawsWithoutBoxes(name, title->font()), qPrintable(name));
        QTest::qWait(50);
        shoot(m_window.get(), QStringLiteral("script-") + QString::fromLatin1(QTest::currentDataTag()));
    }
};

QTEST_MAIN(TestScreens)
#include "tst_screens.moc"
