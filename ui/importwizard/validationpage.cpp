#include "validationpage.h"

#include "importjob.h"
#include "importwizard.h"
#include "jobprogress.h"
#include "reportrowmodel.h"

#include "importer/rowcheck.h"
#include "services/supplierstore.h"

#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace vigil::ui {

// One correction of one cell: redo sets the new text, undo the text before it; each re-checks the row.
class CellEditCommand : public QUndoCommand
{
public:
    CellEditCommand(ImportValidationPage* page, qint64 fileRow, int fileColumn, QString before, QString after,
                    const QString& text)
        : QUndoCommand(text)
        , m_page(page)
        , m_row(fileRow)
        , m_column(fileColumn)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }
    void redo() override { m_page->applyCell(m_row, m_column, m_after); }
    void undo() override { m_page->applyCell(m_row, m_column, m_before); }

private:
    ImportValidationPage* m_page;
    qint64 m_row;
    int m_column;
    QString m_before;
    QString m_after;
};

namespace {

void count(ImportCounts& c, const RowResult& r, int delta)
{
    switch (r.status) {
    case RowStatus::New:
        c.newRows += delta;
        break;
    case RowStatus::Matched:
        c.matched += delta;
        break;
    case RowStatus::PossibleDuplicate:
        c.possibleDuplicates += delta;
        break;
    case RowStatus::Warning:
        c.warnings += delta;
        break;
    case RowStatus::Error:
        c.errors += delta;
        break;
    }
    switch (r.action) {
    case RowAction::Add:
        c.added += delta;
        break;
    case RowAction::Merge:
        c.updated += delta;
        break;
    case RowAction::Unchanged:
        c.unchanged += delta;
        break;
    case RowAction::Hold:
        c.held += delta;
        break;
    case RowAction::Skip:
        c.skipped += delta;
        break;
    }
}

int correctedCells(const CellOverrides& overrides)
{
    int n = 0;
    for (const auto& row : overrides)
        n += int(row.size());
    return n;
}

} // namespace

ImportValidationPage::ImportValidationPage(ImportWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_progress(new JobProgress(wizard->job(), this))
    , m_counts(new QLabel(this))
    , m_filter(new QComboBox(this))
    , m_view(new QTableView(this))
    , m_model(new ReportRowModel(this))
    , m_proxy(new ReportStatusFilter(this))
    , m_undo(new QUndoStack(this))
    , m_nextError(new QAction(tr("Next &error"), this))
    , m_previousError(new QAction(tr("Previous error"), this))
    , m_checkAgain(new QPushButton(tr("Check &all rows again"), this))
    , m_edits(new QLabel(this))
    , m_details(new QLabel(this))
{
    setObjectName(QStringLiteral("validationPage"));
    setTitle(tr("Check the rows"));
    setSubTitle(tr("Vigil read the whole file and checked every row; nothing has been written yet. Rows with "
                   "errors are skipped. To fix a row here, double-click a cell (or press F2), correct it and press "
                   "Enter: the row is checked again at once, and the import uses your text. F8 goes to the next "
                   "error, Ctrl+Z undoes a correction."));
    m_counts->setObjectName(QStringLiteral("counts"));
    m_counts->setWordWrap(true);
    m_filter->setObjectName(QStringLiteral("statusFilter"));
    m_filter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_proxy->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("validationView"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->horizontalHeader()->setHighlightSections(false);

    m_nextError->setObjectName(QStringLiteral("nextError"));
    m_nextError->setShortcut(QKeySequence(Qt::Key_F8));
    m_nextError->setToolTip(tr("Go to the next row with an error (F8)"));
    m_previousError->setObjectName(QStringLiteral("previousError"));
    m_previousError->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8));
    // Shortcuts work anywhere on this page while it is shown (inside the cell editor, Ctrl+Z is the editor's own).
    // Not the stack's own actions: while the whole file is checked again, corrections wait (the run in progress
    // would not see them).
    auto* undo = new QAction(tr("Undo correction"), this);
    undo->setObjectName(QStringLiteral("undoCorrection"));
    undo->setShortcut(QKeySequence::Undo);
    auto* redo = new QAction(tr("Redo correction"), this);
    redo->setObjectName(QStringLiteral("redoCorrection"));
    redo->setShortcut(QKeySequence::Redo);
    for (QAction* a : {m_nextError, m_previousError, undo, redo}) {
        a->setShortcutContext(Qt::WindowShortcut);
        addAction(a);
    }

    auto* nextErrorButton = new QPushButton(tr("Next &error (F8)"), this);
    nextErrorButton->setObjectName(QStringLiteral("nextErrorButton"));
    nextErrorButton->setToolTip(m_nextError->toolTip());
    m_undoButton = new QPushButton(tr("&Undo"), this);
    m_undoButton->setObjectName(QStringLiteral("undoButton"));
    m_undoButton->setEnabled(false);
    m_checkAgain->setObjectName(QStringLiteral("checkAgain"));
    m_checkAgain->setToolTip(tr("Check every row again with your corrections (also matches rows of the file with "
                                "each other again)"));
    m_edits->setObjectName(QStringLiteral("edits"));
    m_details->setObjectName(QStringLiteral("rowDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setFrameShape(QFrame::StyledPanel);
    m_details->setMargin(6);
    m_details->setMinimumHeight(m_details->fontMetrics().lineSpacing() * 4 + 14);
    m_details->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);

    auto* filterRow = new QHBoxLayout;
    auto* show = new QLabel(tr("&Show:"), this);
    show->setBuddy(m_filter);
    filterRow->addWidget(show);
    filterRow->addWidget(m_filter);
    filterRow->addStretch(1);
    filterRow->addWidget(m_edits);
    filterRow->addWidget(m_undoButton);
    filterRow->addWidget(nextErrorButton);
    filterRow->addWidget(m_checkAgain);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_counts);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_details);

    connect(m_filter, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setStatus(m_filter->currentData().toInt()); });
    connect(m_model, &ReportRowModel::cellEditRequested, this, &ImportValidationPage::editCell);
    connect(m_nextError, &QAction::triggered, this, [this] { goToError(true); });
    connect(m_previousError, &QAction::triggered, this, [this] { goToError(false); });
    connect(nextErrorButton, &QPushButton::clicked, m_nextError, &QAction::trigger);
    connect(undo, &QAction::triggered, this, [this] { undoCorrection(false); });
    connect(redo, &QAction::triggered, this, [this] { undoCorrection(true); });
    connect(m_undoButton, &QPushButton::clicked, this, [this] { undoCorrection(false); });
    connect(m_undo, &QUndoStack::indexChanged, this, &ImportValidationPage::updateUndoButton);
    connect(wizard->job(), &ImportJob::finished, this, &ImportValidationPage::updateUndoButton);
    connect(wizard->job(), &ImportJob::failed, this, &ImportValidationPage::updateUndoButton);
    m_view->installEventFilter(this);
    connect(m_checkAgain, &QPushButton::clicked, this, &ImportValidationPage::run);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &ImportValidationPage::showDetails);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ImportValidationPage::showDetails);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &ImportValidationPage::showDetails);
}

void ImportValidationPage::undoCorrection(bool redo)
{
    if (m_wizard->job()->isRunning())
        return;
    if (redo)
        m_undo->redo();
    else
        m_undo->undo();
}

void ImportValidationPage::updateUndoButton()
{
    m_undoButton->setEnabled(m_undo->canUndo() && !m_wizard->job()->isRunning());
    m_undoButton->setToolTip(m_undo->canUndo() ? tr("Undo the %1 (Ctrl+Z)").arg(m_undo->undoText()) : QString());
}

bool ImportValidationPage::eventFilter(QObject* watched, QEvent* event)
{
    // Enter on a cell that is not being edited edits it (as F2) instead of reaching the wizard's Next button. With
    // an editor open, the focus is the editor's and its Enter (handed on to the view) is the delegate's business.
    if (watched == m_view && event->type() == QEvent::KeyPress && m_view->hasFocus()) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            const QModelIndex current = m_view->currentIndex();
            if (current.isValid() && (current.flags() & Qt::ItemIsEditable))
                m_view->edit(current);
            return true;
        }
    }
    return QWizardPage::eventFilter(watched, event);
}

void ImportValidationPage::showDetails()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_details->setText(m_model->rowCount() ? tr("Select a row to see everything Vigil found in it.") : QString());
        return;
    }
    const int row = m_proxy->mapToSource(current).row();
    const RowResult& r = m_model->rowResult(row);
    QString html = QStringLiteral("<b>%1</b> &nbsp;<span style=\"color:%2; font-weight:bold\">%3</span> &nbsp;· %4")
                       .arg(tr("Row %1").arg(r.row), statusForeground(r.status).name(), statusLabel(r.status),
                            actionLabel(r.action).toHtmlEscaped());
    QStringList lines = ReportRowModel::reasonsText(r).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (auto it = m_wizard->state().originals.value(r.row).cbegin();
         it != m_wizard->state().originals.value(r.row).cend(); ++it) {
        const QString column
            = m_model->headerData(m_model->columnOfFileColumn(it.key()), Qt::Horizontal, Qt::DisplayRole).toString();
        lines << tr("%1 corrected by you (the file has \"%2\")").arg(column, it.value());
    }
    for (const QString& line : lines)
        html += QStringLiteral("<br>• ") + line.toHtmlEscaped();
    m_details->setText(html);
}

ImportValidationPage::~ImportValidationPage()
{
    // The children (view, models) go after this destructor; their last signals must not reach this page.
    m_proxy->disconnect(this);
    m_model->disconnect(this);
    m_view->selectionModel()->disconnect(this);
    m_undo->disconnect(this);
}

void ImportValidationPage::initializePage()
{
    const ImportWizardState& st = m_wizard->state();
    if (st.overrides.isEmpty() && st.originals.isEmpty())
        m_undo->clear(); // another file, or read another way: earlier corrections do not apply
    run();
}

void ImportValidationPage::cleanupPage()
{
    if (m_wizard->job()->isRunning()) {
        m_wizard->job()->cancel();
        m_wizard->job()->wait();
    }
}

bool ImportValidationPage::isComplete() const
{
    return m_done && !m_wizard->job()->isRunning();
}

void ImportValidationPage::run()
{
    if (m_wizard->job()->isRunning())
        return;
    m_done = false;
    m_model->setRows({});
    m_filter->clear();
    m_counts->clear();
    m_edits->clear();
    m_checkAgain->setEnabled(false);
    m_undoButton->setEnabled(false);
    emit completeChanged();
    m_progress->begin(tr("Checking every row…"));
    const QString path = m_wizard->state().path;
    const ImportOptions options = m_wizard->state().options(true);
    m_wizard->job()->start(
        [this, path, options](Database& db, const std::atomic<bool>* cancel, const ImportProgress& progress) {
            // The cells of the rows the report lists (at most maxListedRows, in file order): kept as they stream by,
            // with a margin for rows the report leaves out (no mapped value), then trimmed to the listed ones.
            QHash<qint64, QStringList> seen;
            const int keep = 2 * options.maxListedRows + 64;
            ImportOptions o = options;
            o.rowObserver = [&seen, keep](qint64 row, const QStringList& cells) {
                if (!cells.isEmpty() && seen.size() < keep)
                    seen.insert(row, cells);
            };
            Importer importer(db);
            auto report = importer.run(path, o, progress, cancel);
            QHash<qint64, QStringList> cells;
            std::shared_ptr<RowChecker> checker;
            QString checkerError;
            if (report) {
                for (const RowResult& r : report->rows)
                    if (auto it = seen.constFind(r.row); it != seen.constEnd())
                        cells.insert(r.row, *it);
                checker = std::make_shared<RowChecker>(report->mapping, report->header, QFileInfo(path).fileName());
                if (Status st = checker->loadWorkspace(db); !st) {
                    checkerError = st.error().toString();
                    checker.reset();
                } else {
                    for (const RowResult& r : report->rows)
                        if (r.action == RowAction::Add)
                            checker->addFileRow(r.row, cells.value(r.row));
                }
            }
            return ImportJob::Deliver([this, report = std::move(report), cells = std::move(cells),
                                       checker = std::move(checker), checkerError] {
                m_checkAgain->setEnabled(true);
                if (!report) {
                    m_progress->end(m_wizard->job()->wasCancelled()
                                        ? tr("Checking cancelled. Go Back, then Next to check again.")
                                        : report.error().toString(),
                                    true);
                    return;
                }
                ImportWizardState& st = m_wizard->state();
                st.validation = *report;
                st.cells = cells;
                st.checker = checker;
                m_done = true;
                showReport();
                if (!checkerError.isEmpty())
                    m_edits->setText(tr("Corrections cannot be checked at once: %1").arg(checkerError));
                emit completeChanged();
            });
        });
}

void ImportValidationPage::showReport()
{
    const ImportWizardState& st = m_wizard->state();
    const ImportReport& r = st.validation;
    m_progress->end(tr("Checked %n row(s).", nullptr, int(r.counts.rows)));
    m_model->setSourceColumns(r.header, r.mapping);
    m_model->setRows(r.rows, st.cells, st.originals);
    m_filter->blockSignals(true);
    m_filter->clear();
    m_filter->blockSignals(false);
    showCounts();
    m_proxy->setStatus(-1);
    resizeColumns();
}

void ImportValidationPage::showCounts()
{
    const ImportWizardState& st = m_wizard->state();
    const ImportReport& r = st.validation;
    const ImportCounts& c = r.counts;
    m_counts->setText(tr("New: %1 · Matched: %2 · Possible duplicates: %3 · Warnings: %4 · Errors: %5")
                          .arg(c.newRows)
                          .arg(c.matched)
                          .arg(c.possibleDuplicates)
                          .arg(c.warnings)
                          .arg(c.errors)
                      + (r.rowsTruncated ? tr(" (only the first %1 rows are listed)").arg(r.rows.size()) : QString()));
    const int edited = correctedCells(st.overrides);
    m_edits->setText(edited == 0       ? QString()
                         : edited == 1 ? tr("1 cell corrected")
                                       : tr("%1 cells corrected").arg(edited));
    const QList<std::pair<RowStatus, qint64>> statuses{{RowStatus::New, c.newRows},
                                                       {RowStatus::Matched, c.matched},
                                                       {RowStatus::PossibleDuplicate, c.possibleDuplicates},
                                                       {RowStatus::Warning, c.warnings},
                                                       {RowStatus::Error, c.errors}};
    // Rebuilt with the new counts; the choice stays (and rows corrected under it stay in view).
    const int current = m_filter->count() ? m_filter->currentData().toInt() : -1;
    m_filter->blockSignals(true);
    m_filter->clear();
    m_filter->addItem(tr("All listed rows (%1)").arg(r.rows.size()), -1);
    for (const auto& [status, n] : statuses)
        m_filter->addItem(QStringLiteral("%1 (%2)").arg(statusLabel(status)).arg(n), int(status));
    m_filter->setCurrentIndex(qMax(0, m_filter->findData(current)));
    m_filter->blockSignals(false);
}

void ImportValidationPage::resizeColumns()
{
    QHeaderView* h = m_view->horizontalHeader();
    m_view->resizeColumnsToContents();
    const int cellMax = 170;
    for (int c = 0; c < m_model->matchColumn(); ++c) {
        int w = h->sectionSize(c) + 12;
        if (m_model->isCellColumn(c))
            w = std::clamp(w, 90, cellMax);
        else if (c == m_model->reasonsColumn())
            w = std::clamp(w, 160, 240); // elided: the details under the table show all of it
        h->resizeSection(c, w);
    }
    // The status column fits its longest label, so a row changing status does not clip.
    const QFontMetrics bold([this] {
        QFont f = m_view->font();
        f.setBold(true);
        return f;
    }());
    int status = h->sectionSize(ReportRowModel::Status);
    for (RowStatus s :
         {RowStatus::New, RowStatus::Matched, RowStatus::PossibleDuplicate, RowStatus::Warning, RowStatus::Error})
        status = std::max(status, bold.horizontalAdvance(statusLabel(s)) + 20);
    h->resizeSection(ReportRowModel::Status, status);
    h->resizeSection(m_model->actionColumn(),
                     std::max(h->sectionSize(m_model->actionColumn()),
                              m_view->fontMetrics().horizontalAdvance(actionLabel(RowAction::Hold)) + 20));
}

bool ImportValidationPage::editCell(qint64 fileRow, int fileColumn, const QString& text)
{
    const int row = m_model->rowOfFileRow(fileRow);
    if (row < 0 || !m_model->hasCells(row) || m_model->columnOfFileColumn(fileColumn) < 0)
        return false;
    const QString before = m_model->cell(row, fileColumn);
    if (before == text)
        return true;
    const QString column
        = m_model->headerData(m_model->columnOfFileColumn(fileColumn), Qt::Horizontal, Qt::DisplayRole).toString();
    m_undo->push(new CellEditCommand(this, fileRow, fileColumn, before, text,
                                     tr("correction of row %1, %2").arg(fileRow).arg(column)));
    return true;
}

void ImportValidationPage::applyCell(qint64 fileRow, int fileColumn, const QString& text)
{
    ImportWizardState& st = m_wizard->state();
    const int row = m_model->rowOfFileRow(fileRow);
    QHash<int, QString>& originals = st.originals[fileRow];
    if (!originals.contains(fileColumn))
        originals.insert(fileColumn, row >= 0 ? m_model->cell(row, fileColumn) : QString());
    const QString original = originals.value(fileColumn);
    std::optional<QString> corrected;
    if (text == original) {
        originals.remove(fileColumn);
        st.overrides[fileRow].remove(fileColumn);
    } else {
        st.overrides[fileRow][fileColumn] = text;
        corrected = original;
    }
    if (originals.isEmpty())
        st.originals.remove(fileRow);
    if (st.overrides.value(fileRow).isEmpty())
        st.overrides.remove(fileRow);
    if (row < 0)
        return;
    m_proxy->pin(fileRow);
    m_model->setCell(row, fileColumn, text, corrected);
    st.cells[fileRow] = m_model->cells(row);
    recheck(row);
    showCounts();
}

void ImportValidationPage::recheck(int row)
{
    ImportWizardState& st = m_wizard->state();
    const RowResult before = m_model->rowResult(row);
    RowResult after = before;
    if (st.checker) {
        ImportOptions o = st.options(true);
        o.cellOverrides.clear();
        after = st.checker->check(m_wizard->store().database(), m_model->cells(row), before.row, o);
    } else {
        after.reasons << tr("not checked again yet: use Check all rows again");
    }
    ImportCounts& c = st.validation.counts;
    count(c, before, -1);
    count(c, after, +1);
    m_model->setResult(row, after);
    if (row < st.validation.rows.size() && st.validation.rows.at(row).row == after.row)
        st.validation.rows[row] = after;
}

bool ImportValidationPage::goToError(bool forward)
{
    // The error cells in view order: per row with an error, the cell its first error names (else its status).
    QList<QModelIndex> cells;
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const QModelIndex i = m_proxy->index(r, 0);
        if (i.data(ReportRowModel::StatusRole).toInt() != int(RowStatus::Error))
            continue;
        int column = ReportRowModel::Status;
        for (const Error& e : m_model->rowResult(m_proxy->mapToSource(i).row()).errors) {
            const int c = e.column > 0 ? m_model->columnOfFileColumn(e.column - 1) : -1;
            if (c >= 0) {
                column = c;
                break;
            }
        }
        cells << m_proxy->index(r, column);
    }
    if (cells.isEmpty())
        return false;
    // The first error cell after (or before) the current cell, wrapping around.
    const QModelIndex current = m_view->currentIndex();
    auto after = [&](const QModelIndex& i) {
        return !current.isValid() || i.row() > current.row()
            || (i.row() == current.row() && i.column() > current.column());
    };
    auto before = [&](const QModelIndex& i) {
        return !current.isValid() || i.row() < current.row()
            || (i.row() == current.row() && i.column() < current.column());
    };
    QModelIndex target = forward ? cells.first() : cells.last();
    if (forward) {
        for (const QModelIndex& i : cells)
            if (after(i)) {
                target = i;
                break;
            }
    } else {
        for (auto it = cells.crbegin(); it != cells.crend(); ++it)
            if (before(*it)) {
                target = *it;
                break;
            }
    }
    m_view->setCurrentIndex(target);
    m_view->scrollTo(target);
    m_view->setFocus();
    return true;
}

} // namespace vigil::ui
