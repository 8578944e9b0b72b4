// vigil [FILE]: the desktop application. Opens FILE, else $VIGIL_WORKSPACE, else the last workspace, else the
// sample workspace in the application data folder (created on first run).
#include "dialogs/supplierdialog.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/recentfiles.h"
#include "storage/workspace.h"
#include "views/supplierdetailview.h"
#include "views/supplierfilterbar.h"
#include "views/supplierregisterview.h"
#include "views/supplierspage.h"
#include "widgets/icons.h"
#include "widgets/messagebox.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>

using namespace vigil;

namespace {

// Opens the workspace to start with; on failure the window stays open with no workspace, and says why.
void openInitialWorkspace(ui::MainWindow& window, const QString& requested)
{
    if (!requested.isEmpty()) {
        window.openWorkspace(requested);
        return;
    }
    const QString last = ui::RecentFiles::lastExisting();
    if (!last.isEmpty() && window.openWorkspace(last))
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!QDir().mkpath(dir)) {
        ui::MessageBox::warning(&window, QObject::tr("No sample workspace"),
                                QObject::tr("The folder %1 could not be created.").arg(QDir::toNativeSeparators(dir)));
        return;
    }
    auto db = workspace::openOrCreateSample(dir + QStringLiteral("/sample.vigil"));
    if (!db) {
        window.showNoWorkspaceReason(
            QObject::tr("The sample workspace could not be created: %1").arg(db.error().message));
        ui::MessageBox::warning(&window, QObject::tr("No sample workspace"),
                                QObject::tr("The sample workspace could not be created: %1\n\nUse File → New "
                                            "Workspace to start an empty one, or File → Open to open one.")
                                    .arg(db.error().message),
                                db.error().detail);
        return;
    }
    window.setWorkspace(std::move(db).value());
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Vigil"));
    QApplication::setApplicationName(QStringLiteral("Vigil"));
    QApplication::setApplicationDisplayName(QStringLiteral("Vigil"));
    QApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));
    ui::setUpIconTheme();
    QApplication::setWindowIcon(ui::themeIcon({"security-high", "security-medium"}, QStyle::SP_ComputerIcon));

    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr("Supply-chain due diligence against forced labour."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"), QObject::tr("The workspace to open (*.vigil)."),
                                 QStringLiteral("[FILE]"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QObject::tr("Save a picture of the main window to FILE and quit."),
                                  QStringLiteral("FILE"));
    screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption size(QStringLiteral("size"), QObject::tr("Window size for --screenshot."), QStringLiteral("WxH"),
                            QStringLiteral("1360x820"));
    size.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption search(QStringLiteral("search"), QObject::tr("Search text for --screenshot."),
                              QStringLiteral("TEXT"));
    search.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption row(QStringLiteral("select"), QObject::tr("Row to select for --screenshot."),
                           QStringLiteral("ROW"), QStringLiteral("0"));
    row.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption tab(QStringLiteral("tab"),
                           QObject::tr("For --screenshot: the detail tab (0 Profile, 1 Risk, 2 Actions, 3 Fees, 4 "
                                       "Sites, 5 Identifiers, 6 Recruiters, 7 History)."),
                           QStringLiteral("N"), QStringLiteral("0"));
    tab.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption subtab(QStringLiteral("subtab"),
                              QObject::tr("For --screenshot: the tab inside the detail tab (Risk: 1 is Evidence)."),
                              QStringLiteral("N"), QStringLiteral("0"));
    subtab.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption dialog(QStringLiteral("dialog"), QObject::tr("For --screenshot: the edit dialog of the row."));
    dialog.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption pageOption(QStringLiteral("page"), QObject::tr("For --screenshot: the feature view to show."),
                                  QStringLiteral("N"), QStringLiteral("0"));
    pageOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({screenshot, size, search, row, tab, subtab, dialog, pageOption});
    parser.process(app);

    QString requested = parser.positionalArguments().value(0);
    if (requested.isEmpty())
        requested = qEnvironmentVariable("VIGIL_WORKSPACE");

    ui::MainWindow window;
    if (parser.isSet(screenshot)) {
        ui::MessageBox::setAlwaysAnswer(QMessageBox::Ok);
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        if (wh.size() == 2)
            window.resize(wh.at(0).toInt(), wh.at(1).toInt());
    }
    window.show();
    openInitialWorkspace(window, requested);
    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        if (ui::SuppliersPage* page = window.suppliersPage()) {
            if (parser.isSet(search))
                page->registerView()->filterBar()->searchField()->setText(parser.value(search));
            const int selectRow = parser.value(row).toInt();
            const int detailTab = parser.value(tab).toInt();
            const int innerTab = parser.value(subtab).toInt();
            QTimer::singleShot(250, page, [page, selectRow, detailTab, innerTab] {
                QTableView* table = page->registerView()->table();
                const int r = selectRow < 0 ? table->model()->rowCount() + selectRow : selectRow;
                table->selectRow(r);
                table->scrollTo(table->model()->index(r, 0));
                QTabWidget* tabs = page->detailView()->tabs();
                tabs->setCurrentIndex(detailTab);
                if (QWidget* current = tabs->currentWidget())
                    if (auto* inner = current->findChild<QTabWidget*>())
                        inner->setCurrentIndex(innerTab);
            });
        }
        if (parser.value(pageOption).toInt() != 0)
            window.showPage(parser.value(pageOption).toInt());
        const bool grabDialog = parser.isSet(dialog);
        QTimer::singleShot(600, &window, [&window, file, grabDialog] {
            QWidget* target = &window;
            if (grabDialog && window.suppliersPage())
                if (QWidget* d = window.suppliersPage()->editCurrent())
                    target = d;
            const bool ok = target->grab().save(file);
            QApplication::exit(ok ? 0 : 1);
        });
    }
    return app.exec();
}
