// The Reports view of the main window: it opens on the workspace, previews reports, and a statement text saved in
// the editor shows in the preview.
#include "mainwindow/mainwindow.h"
#include "mainwindow/navigation.h"
#include "report/statements.h"
#include "reports/reportpreview.h"
#include "reports/reportspage.h"
#include "reports/statementeditor.h"
#include "storage/workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::ui;

class TestReportsPage : public QObject
{
    Q_OBJECT
private slots:
    void savedTextShowsInPreview();
};

void TestReportsPage::savedTextShowsInPreview()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sample.vigil"));
    QVERIFY(workspace::openOrCreateSample(path).ok());
    MainWindow window;
    QVERIFY(window.openWorkspace(path).ok());
    QVERIFY(!window.reportsPage());
    window.showPage(Navigation::Reports);
    vigil::ReportsPage* page = window.reportsPage();
    QVERIFY(page);
    QVERIFY(page->isVisibleTo(&window) || !window.isVisible());

    QVERIFY(page->preview()->showReport(QStringLiteral("statement"), QStringLiteral("uk")).ok());
    QVERIFY(page->preview()->pageCount() > 0);
    const QString text = QStringLiteral("Our board approved this statement — ধন্যবাদ, ขอบคุณ.");
    QVERIFY(!page->preview()->document().plainText().contains(text));

    page->editor()->setJurisdiction(report::Jurisdiction::UK);
    QVERIFY(page->editor()->selectSection(QStringLiteral("a")));
    page->editor()->setCurrentText(text);
    QVERIFY(page->editor()->save());
    QVERIFY(page->preview()->showReport(QStringLiteral("statement"), QStringLiteral("uk")).ok());
    QVERIFY(page->preview()->document().plainText().contains(text));
}

QTEST_MAIN(TestReportsPage)
#include "tst_reportspage.moc"
