#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QTableView;

namespace vigil::ui {

class ImportWizard;
class JobProgress;
class ReportRowModel;
class ReportStatusFilter;

// Step 4: a dry run of the whole import (nothing is written) and its rows, filterable by status, with the reasons
// and, for errors and warnings, the row and column in the file. Rows with errors are skipped by the import.
// No in-place fixes: the core validates rows only while reading the file, so a fix goes into the file (Back
// re-reads it).
class ImportValidationPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportValidationPage(ImportWizard* wizard);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    QComboBox* statusFilter() const { return m_filter; }
    QTableView* view() const { return m_view; }
    JobProgress* progress() const { return m_progress; }

private:
    void run();
    void showReport();

    ImportWizard* m_wizard;
    JobProgress* m_progress;
    QLabel* m_counts;
    QComboBox* m_filter;
    QTableView* m_view;
    ReportRowModel* m_model;
    ReportStatusFilter* m_proxy;
    bool m_done = false;
};

} // namespace vigil::ui
