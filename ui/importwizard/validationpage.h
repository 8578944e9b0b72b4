#pragma once

#include <QWizardPage>

class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QUndoStack;

namespace vigil::ui {

class ImportWizard;
class JobProgress;
class ReportRowModel;
class ReportStatusFilter;

// Step 4: a dry run of the whole import (nothing is written) and its rows, filterable by status, with the reasons
// and, for errors and warnings, the row and column in the file. Rows with errors are skipped by the import.
// In-place fixes: the file's cells of the mapped columns are editable (F2, double-click or typing; Enter commits,
// Esc cancels). An edit is re-checked at once (RowChecker, on this thread: one row), undoable (Ctrl+Z, Ctrl+Y),
// and passed to every later run as ImportOptions::cellOverrides: checking again, and the commit. F8 / Shift+F8 go
// to the next / previous error.
class ImportValidationPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportValidationPage(ImportWizard* wizard);
    ~ImportValidationPage() override;
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

public:
    QComboBox* statusFilter() const { return m_filter; }
    QTableView* view() const { return m_view; }
    JobProgress* progress() const { return m_progress; }
    ReportRowModel* model() const { return m_model; }
    QUndoStack* undoStack() const { return m_undo; }
    QAction* nextErrorAction() const { return m_nextError; }
    QAction* previousErrorAction() const { return m_previousError; }
    QPushButton* checkAgainButton() const { return m_checkAgain; }
    QLabel* editsLabel() const { return m_edits; }
    QLabel* detailsLabel() const { return m_details; } // the current row: status, action, every reason

    // Corrects one cell as an undoable edit (what the table's editor does). False if the row is not listed.
    bool editCell(qint64 fileRow, int fileColumn, const QString& text);
    // Makes the next (or previous) row with an error in the view current, on the cell its first error names.
    bool goToError(bool forward = true);

private:
    friend class CellEditCommand;
    void run();
    void showReport();
    void showCounts();
    // Sets a cell's text in the state (overrides) and the model, and re-checks its row.
    void applyCell(qint64 fileRow, int fileColumn, const QString& text);
    void recheck(int row);
    void resizeColumns();
    void showDetails();
    void undoCorrection(bool redo);
    void updateUndoButton();

    ImportWizard* m_wizard;
    JobProgress* m_progress;
    QLabel* m_counts;
    QComboBox* m_filter;
    QTableView* m_view;
    ReportRowModel* m_model;
    ReportStatusFilter* m_proxy;
    QUndoStack* m_undo;
    QPushButton* m_undoButton;
    QAction* m_nextError;
    QAction* m_previousError;
    QPushButton* m_checkAgain;
    QLabel* m_edits;
    QLabel* m_details;
    bool m_done = false;
};

} // namespace vigil::ui
