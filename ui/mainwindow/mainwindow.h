#pragma once

#include "util/result.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QMenu;
class QStackedWidget;
class QUndoStack;

namespace vigil {
class Database;
class SupplierStore;
} // namespace vigil

namespace vigil {
class DashboardView;
class ReportsPage;
} // namespace vigil

namespace vigil::ui {

class Navigation;
class SuppliersPage;

// The shell: a sidebar of features, the feature views in a stack, the File and Edit menus, the undo stack, and
// the open workspace. Feature logic lives in the views (ui/views/), never here.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a workspace. On failure shows the reason, keeps the current workspace open and returns the error.
    Status openWorkspace(const QString& path);
    // Shows an already opened database (main.cpp's sample workspace, tests).
    void setWorkspace(std::unique_ptr<Database> db);

    SupplierStore* store() const { return m_store.get(); }
    SuppliersPage* suppliersPage() const { return m_suppliers; }
    // The dashboard, built the first time it is shown (it reads the whole portfolio).
    DashboardView* dashboard() const { return m_dashboard; }
    ReportsPage* reportsPage() const { return m_reports; }
    // Shows a feature view by its navigation entry.
    void showPage(int page);
    QUndoStack* undoStack() const { return m_undoStack; }
    QString statusText() const;
    // Shown on the empty page while no workspace is open (why the last attempt failed).
    void showNoWorkspaceReason(const QString& reason);

public slots:
    void newWorkspace();
    void openWorkspaceDialog();
    void saveWorkspaceAs();
    // File -> Import suppliers: the import wizard on the open workspace (the register is reset after an import).
    void importSuppliers();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void nameActions();
    void rebuildRecentMenu();
    void updateActions();
    void updateTitle();
    void updateStatus();
    void showError(const QString& title, const Error& error);
    void closeWorkspaceViews();
    QString dialogDir() const;

    std::unique_ptr<SupplierStore> m_store;
    QUndoStack* m_undoStack;
    Navigation* m_navigation;
    QStackedWidget* m_pages;
    QWidget* m_noWorkspace;
    QLabel* m_noWorkspaceReason;
    SuppliersPage* m_suppliers = nullptr;
    DashboardView* m_dashboard = nullptr;
    ReportsPage* m_reports = nullptr;
    QLabel* m_statusCounts;

    QAction* m_newWorkspaceAction = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_saveAsAction = nullptr;
    QAction* m_importAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_newSupplierAction = nullptr;
    QAction* m_editSupplierAction = nullptr;
    QAction* m_deleteSupplierAction = nullptr;
    QAction* m_findAction = nullptr;
    QList<QAction*> m_pageActions; // View → a feature view, Ctrl+ its row in the sidebar
    QMenu* m_recentMenu = nullptr;
};

} // namespace vigil::ui
