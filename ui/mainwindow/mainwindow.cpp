#include "mainwindow/mainwindow.h"

#include "actions/actiontypes.h"
#include "dashboard/dashboardview.h"
#include "mainwindow/navigation.h"
#include "mainwindow/recentfiles.h"
#include "models/supplierformat.h"
#include "models/suppliertablemodel.h"
#include "reports/reportspage.h"
#include "risk/riskresult.h"
#include "services/supplierstore.h"
#include "storage/workspace.h"
#include "views/supplierfilterbar.h"
#include "views/supplierregisterview.h"
#include "views/supplierspage.h"
#include "widgets/filedialog.h"
#include "widgets/messagebox.h"

#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {
const QString kFilter = QObject::tr("Vigil workspaces (*.vigil);;All files (*)");
}

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_undoStack(new QUndoStack(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    m_navigation = new Navigation;
    m_pages = new QStackedWidget;

    m_noWorkspace = new QWidget;
    auto* emptyLayout = new QVBoxLayout(m_noWorkspace);
    auto* emptyText = new QLabel(tr("<h2>No workspace is open</h2><p>A workspace is one file that holds your "
                                    "suppliers, assessments and their history.</p>"));
    emptyText->setAlignment(Qt::AlignCenter);
    emptyText->setObjectName(QStringLiteral("noWorkspaceText"));
    m_noWorkspaceReason = new QLabel;
    m_noWorkspaceReason->setObjectName(QStringLiteral("noWorkspaceReason"));
    m_noWorkspaceReason->setAlignment(Qt::AlignCenter);
    m_noWorkspaceReason->setWordWrap(true);
    m_noWorkspaceReason->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_noWorkspaceReason->hide();
    auto* newButton = new QPushButton(tr("New workspace…"));
    auto* openButton = new QPushButton(tr("Open workspace…"));
    connect(newButton, &QPushButton::clicked, this, &MainWindow::newWorkspace);
    connect(openButton, &QPushButton::clicked, this, &MainWindow::openWorkspaceDialog);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(newButton);
    buttons->addWidget(openButton);
    buttons->addStretch();
    emptyLayout->addStretch();
    emptyLayout->addWidget(emptyText);
    emptyLayout->addWidget(m_noWorkspaceReason);
    emptyLayout->addLayout(buttons);
    emptyLayout->addStretch();
    m_pages->addWidget(m_noWorkspace);

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("shellSplitter"));
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    // Neither side can be dragged away, and the sidebar never narrower than its labels (its minimumSizeHint).
    splitter->setCollapsible(0, false);
    splitter->setCollapsible(1, false);
    splitter->setSizes({m_navigation->sizeHint().width(), 1200});
    setCentralWidget(splitter);

    m_statusCounts = new QLabel;
    m_statusCounts->setObjectName(QStringLiteral("statusCounts"));
    statusBar()->addPermanentWidget(m_statusCounts);

    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::showPage);
    createActions();
    createMenus();
    nameActions();
    connect(m_undoStack, &QUndoStack::indexChanged, this, &MainWindow::updateActions);

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainwindow/geometry")).toByteArray()))
        resize(1360, 820);
    restoreState(settings.value(QStringLiteral("mainwindow/state")).toByteArray());
    updateTitle();
    updateActions();
    updateStatus();
}

MainWindow::~MainWindow()
{
    // Views and commands refer to the store: let them go first.
    m_undoStack->clear();
    closeWorkspaceViews();
}

void MainWindow::closeWorkspaceViews()
{
    for (QWidget* page : std::initializer_list<QWidget*>{m_dashboard, m_reports, m_suppliers}) {
        if (!page)
            continue;
        m_pages->removeWidget(page);
        delete page;
    }
    m_dashboard = nullptr;
    m_reports = nullptr;
    m_suppliers = nullptr;
    m_navigation->setAvailable(Navigation::Dashboard, false);
    m_navigation->setAvailable(Navigation::Reports, false);
}

void MainWindow::showPage(int page)
{
    if (!m_store || !m_suppliers) {
        m_pages->setCurrentWidget(m_noWorkspace);
        return;
    }
    if (page == Navigation::Dashboard) {
        if (!m_dashboard) {
            QGuiApplication::setOverrideCursor(Qt::WaitCursor);
            m_dashboard = new DashboardView(m_store.get());
            QGuiApplication::restoreOverrideCursor();
            m_pages->addWidget(m_dashboard);
            connect(m_dashboard, &DashboardView::filterRequested, this, [this](const SupplierFilter& f) {
                m_suppliers->registerView()->filterBar()->setFilter(f);
                showPage(Navigation::Suppliers);
            });
            connect(m_dashboard, &DashboardView::riskTierRequested, this, [this](RiskTier tier) {
                SupplierFilter f;
                f.riskTier = tierId(tier);
                m_suppliers->registerView()->filterBar()->setFilter(f);
                showPage(Navigation::Suppliers);
            });
            connect(m_dashboard, &DashboardView::actionStatusRequested, this, [this](ActionStatus status) {
                SupplierFilter f;
                f.action = actionStatusId(status);
                m_suppliers->registerView()->filterBar()->setFilter(f);
                showPage(Navigation::Suppliers);
            });
        }
        m_pages->setCurrentWidget(m_dashboard);
    } else if (page == Navigation::Reports) {
        if (!m_reports) {
            QGuiApplication::setOverrideCursor(Qt::WaitCursor);
            m_reports = new ReportsPage(&m_store->database());
            QGuiApplication::restoreOverrideCursor();
            m_pages->addWidget(m_reports);
        }
        m_pages->setCurrentWidget(m_reports);
    } else {
        page = Navigation::Suppliers;
        m_pages->setCurrentWidget(m_suppliers);
    }
    if (m_navigation->currentRow() != page) {
        const QSignalBlocker block(m_navigation);
        m_navigation->setCurrentRow(page);
    }
}

Status MainWindow::openWorkspace(const QString& path)
{
    if (m_store && QFileInfo(path).canonicalFilePath() == QFileInfo(m_store->path()).canonicalFilePath())
        return {};
    auto db = Database::open(path, Database::Mode::OpenExisting);
    if (!db) {
        Error e = db.error();
        if (e.file.isEmpty())
            e.file = path;
        showError(tr("Cannot open workspace"), e);
        if (!m_store)
            showNoWorkspaceReason(tr("%1 could not be opened: %2").arg(QDir::toNativeSeparators(path), e.message));
        if (!QFileInfo::exists(path))
            RecentFiles::remove(path);
        return e;
    }
    setWorkspace(std::move(db).value());
    return {};
}

void MainWindow::setWorkspace(std::unique_ptr<Database> db)
{
    QSettings settings;
    if (m_suppliers)
        settings.setValue(QStringLiteral("suppliers/splitter"), m_suppliers->saveLayout());
    m_undoStack->clear();
    closeWorkspaceViews();
    m_store = std::make_unique<SupplierStore>(std::move(db));
    RecentFiles::add(m_store->path());
    connect(m_store.get(), &SupplierStore::errorOccurred, this,
            [this](const Error& e) { showError(tr("The change could not be made"), e); });
    m_suppliers = new SuppliersPage(m_store.get(), m_undoStack);
    m_suppliers->restoreLayout(settings.value(QStringLiteral("suppliers/splitter")).toByteArray());
    m_suppliers->registerView()->table()->addAction(m_deleteSupplierAction); // its Delete key works there
    m_pages->addWidget(m_suppliers);
    m_navigation->setAvailable(Navigation::Dashboard, true);
    m_navigation->setAvailable(Navigation::Reports, true);
    m_navigation->setCurrentRow(Navigation::Suppliers);
    m_pages->setCurrentWidget(m_suppliers);
    connect(m_suppliers, &SuppliersPage::selectionChanged, this, &MainWindow::updateActions);
    connect(m_suppliers->registerView()->model(), &SupplierTableModel::countsChanged, this, &MainWindow::updateStatus);
    updateTitle();
    updateActions();
    updateStatus();
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(m_store->path())), 5000);
}

void MainWindow::newWorkspace()
{
    const QString path = FileDialog::getSaveFileName(this, tr("New workspace"), dialogDir(), kFilter);
    if (path.isEmpty())
        return;
    QString file = path;
    if (QFileInfo(file).suffix().isEmpty())
        file += QLatin1Char('.') + workspace::Suffix;
    auto db = workspace::create(file);
    if (!db) {
        showError(tr("Cannot create workspace"), db.error());
        return;
    }
    setWorkspace(std::move(db).value());
}

void MainWindow::openWorkspaceDialog()
{
    const QString path = FileDialog::getOpenFileName(this, tr("Open workspace"), dialogDir(), kFilter);
    if (!path.isEmpty())
        openWorkspace(path);
}

void MainWindow::saveWorkspaceAs()
{
    if (!m_store)
        return;
    QString path = FileDialog::getSaveFileName(this, tr("Save workspace as"), dialogDir(), kFilter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + workspace::Suffix;
    if (QFileInfo::exists(path)) {
        Error e = makeError(tr("A file of that name already exists; Vigil does not overwrite it. Choose another "
                               "name, or move the existing file away first."));
        e.file = path;
        showError(tr("Cannot save workspace"), e);
        return;
    }
    if (Status st = m_store->database().backupTo(path); !st) {
        Error e = st.error();
        if (e.file.isEmpty())
            e.file = path;
        showError(tr("Cannot save workspace"), e);
        return;
    }
    openWorkspace(path);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainwindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainwindow/state"), saveState());
    if (m_suppliers)
        settings.setValue(QStringLiteral("suppliers/splitter"), m_suppliers->saveLayout());
    event->accept();
}

void MainWindow::updateTitle()
{
    if (m_store) {
        setWindowTitle(tr("%1 — Vigil").arg(m_store->name()));
        setWindowFilePath(m_store->path());
    } else {
        setWindowTitle(tr("Vigil"));
    }
}

void MainWindow::updateStatus()
{
    if (!m_store || !m_suppliers) {
        m_statusCounts->setText(tr("No workspace"));
        return;
    }
    m_statusCounts->setText(tr("%1 · %2").arg(m_store->name(), m_suppliers->registerView()->countText()));
}

void MainWindow::showNoWorkspaceReason(const QString& reason)
{
    m_noWorkspaceReason->setText(reason);
    m_noWorkspaceReason->setVisible(!reason.isEmpty());
}

QString MainWindow::statusText() const
{
    return m_statusCounts->text();
}

void MainWindow::showError(const QString& title, const Error& error)
{
    QString text = error.message;
    if (!error.file.isEmpty())
        text += QStringLiteral("\n\n") + tr("File: %1").arg(QDir::toNativeSeparators(error.file));
    MessageBox::critical(this, title, text, error.detail);
}

QString MainWindow::dialogDir() const
{
    if (m_store)
        return QFileInfo(m_store->path()).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

} // namespace vigil::ui
