// The menus and actions of the main window (kept apart from the shell's logic in mainwindow.cpp).
#include "mainwindow/mainwindow.h"

#include "actions/trainingsdialog.h"

#include "importwizard/importwizard.h"
#include "mainwindow/navigation.h"
#include "mainwindow/recentfiles.h"
#include "risk/riskactions.h"
#include "services/supplierstore.h"
#include "views/supplierfilterbar.h"
#include "views/supplierregisterview.h"
#include "views/supplierspage.h"
#include "widgets/icons.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QMenuBar>
#include <QStyle>
#include <QUndoStack>

namespace vigil::ui {

namespace {

QIcon themed(const char* name, QStyle::StandardPixmap fallback)
{
    return themeIcon({name}, fallback);
}

} // namespace

void MainWindow::createActions()
{
    m_newWorkspaceAction = new QAction(themed("document-new", QStyle::SP_FileIcon), tr("&New Workspace…"), this);
    m_newWorkspaceAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(m_newWorkspaceAction, &QAction::triggered, this, &MainWindow::newWorkspace);

    m_openAction = new QAction(themed("document-open", QStyle::SP_DialogOpenButton), tr("&Open Workspace…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openWorkspaceDialog);

    m_saveAsAction
        = new QAction(themed("document-save-as", QStyle::SP_DialogSaveButton), tr("Save Workspace &As…"), this);
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    m_saveAsAction->setStatusTip(tr("Save a copy of the workspace under another name and continue in the copy"));
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::saveWorkspaceAs);

    m_importAction = new QAction(themed("document-import", QStyle::SP_ArrowDown), tr("&Import Suppliers…"), this);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setStatusTip(tr("Import a supplier list from a CSV or Excel file"));
    connect(m_importAction, &QAction::triggered, this, &MainWindow::importSuppliers);

    m_quitAction = new QAction(themed("application-exit", QStyle::SP_DialogCloseButton), tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_undoAction = m_undoStack->createUndoAction(this, tr("&Undo"));
    m_undoAction->setIcon(themed("edit-undo", QStyle::SP_ArrowBack));
    m_undoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Z)});
    m_redoAction = m_undoStack->createRedoAction(this, tr("&Redo"));
    m_redoAction->setIcon(themed("edit-redo", QStyle::SP_ArrowForward));
    m_redoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});

    m_newSupplierAction = new QAction(themed("list-add", QStyle::SP_FileDialogNewFolder), tr("New &Supplier…"), this);
    m_newSupplierAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    connect(m_newSupplierAction, &QAction::triggered, this, [this] {
        if (m_suppliers)
            m_suppliers->newSupplier();
    });

    m_editSupplierAction
        = new QAction(themeIcon({"document-edit", "document-properties"}, QStyle::SP_FileDialogDetailedView),
                      tr("&Edit Supplier…"), this);
    m_editSupplierAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_editSupplierAction, &QAction::triggered, this, [this] {
        if (m_suppliers)
            m_suppliers->editCurrent();
    });

    m_deleteSupplierAction = new QAction(themed("edit-delete", QStyle::SP_TrashIcon), tr("&Delete Supplier"), this);
    m_deleteSupplierAction->setShortcut(QKeySequence::Delete);
    // Delete deletes a supplier only in the register (setWorkspace adds the action to its table): in the detail
    // pane's lists it removes a row of that list, and a window-wide Delete made those keys ambiguous (Qt then ran
    // neither) or, where a list had no key of its own, deleted the whole supplier.
    m_deleteSupplierAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_deleteSupplierAction, &QAction::triggered, this, [this] {
        if (m_suppliers)
            m_suppliers->deleteSelected();
    });

    m_findAction = new QAction(themed("edit-find", QStyle::SP_FileDialogContentsView), tr("&Find Supplier"), this);
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        if (!m_suppliers)
            return;
        QLineEdit* search = m_suppliers->registerView()->filterBar()->searchField();
        search->setFocus(Qt::ShortcutFocusReason);
        search->selectAll();
    });
}

void MainWindow::nameActions()
{
    m_newWorkspaceAction->setObjectName(QStringLiteral("actionNewWorkspace"));
    m_openAction->setObjectName(QStringLiteral("actionOpen"));
    m_saveAsAction->setObjectName(QStringLiteral("actionSaveAs"));
    m_importAction->setObjectName(QStringLiteral("actionImportSuppliers"));
    m_quitAction->setObjectName(QStringLiteral("actionQuit"));
    m_undoAction->setObjectName(QStringLiteral("actionUndo"));
    m_redoAction->setObjectName(QStringLiteral("actionRedo"));
    m_newSupplierAction->setObjectName(QStringLiteral("actionNewSupplier"));
    m_editSupplierAction->setObjectName(QStringLiteral("actionEditSupplier"));
    m_deleteSupplierAction->setObjectName(QStringLiteral("actionDeleteSupplier"));
    m_findAction->setObjectName(QStringLiteral("actionFind"));
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newWorkspaceAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(m_saveAsAction);
    file->addSeparator();
    file->addAction(m_importAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_newSupplierAction);
    edit->addAction(m_editSupplierAction);
    edit->addAction(m_deleteSupplierAction);
    edit->addSeparator();
    edit->addAction(m_findAction);

    // The feature views from the keyboard: Ctrl+ the number of their row in the sidebar.
    QMenu* view = menuBar()->addMenu(tr("&View"));
    const QList<QPair<Navigation::Page, QString>> pages{{Navigation::Suppliers, tr("&Suppliers")},
                                                        {Navigation::Dashboard, tr("&Dashboard")},
                                                        {Navigation::Reports, tr("&Reports")}};
    for (const auto& [page, text] : pages) {
        QAction* action = view->addAction(text);
        action->setObjectName(QStringLiteral("actionShowPage%1").arg(int(page)));
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(page))));
        connect(action, &QAction::triggered, this, [this, page = page] { showPage(page); });
        m_pageActions.append(action);
    }

    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    addRiskActions(tools, this, [this] { return m_store.get(); });
    tools->addSeparator();
    addTrainingActions(
        tools, this, [this] { return m_store.get(); }, m_undoStack);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = RecentFiles::list();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent.at(i);
        const QString text = QStringLiteral("&%1 %2").arg(i + 1).arg(QDir::toNativeSeparators(path));
        QAction* action = m_recentMenu->addAction(text);
        connect(action, &QAction::triggered, this, [this, path] { openWorkspace(path); });
    }
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear List"), this, [] { RecentFiles::clear(); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::updateActions()
{
    const bool open = m_store != nullptr;
    m_saveAsAction->setEnabled(open);
    m_importAction->setEnabled(open);
    m_newSupplierAction->setEnabled(open);
    m_findAction->setEnabled(open);
    for (QAction* page : std::as_const(m_pageActions))
        page->setEnabled(open);
    const bool selected = m_suppliers && m_suppliers->hasSelection();
    m_editSupplierAction->setEnabled(selected);
    m_deleteSupplierAction->setEnabled(selected);
    if (m_recentMenu)
        m_recentMenu->setEnabled(!RecentFiles::list().isEmpty());
}

void MainWindow::importSuppliers()
{
    if (!m_store)
        return;
    ImportWizard wizard(*m_store, this); // resets the store after an import or an undo: the register reloads
    bool changed = false;
    const auto connection = connect(m_store.get(), &SupplierStore::reset, this, [&changed] { changed = true; });
    wizard.exec();
    disconnect(connection);
    // Edits made before the import may refer to suppliers it changed: they can no longer be undone safely.
    if (changed)
        m_undoStack->clear();
    updateStatus();
}

} // namespace vigil::ui
