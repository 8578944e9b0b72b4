#pragma once

#include <QWizardPage>

class QLabel;
class QPushButton;

namespace vigil::ui {

class ImportWizard;
class JobProgress;

// Step 6: the import itself, in one transaction, with progress and Cancel (a cancelled or failed import changes
// nothing), then a summary and "Undo this import" (the whole batch).
class ImportCommitPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportCommitPage(ImportWizard* wizard);
    void initializePage() override;
    bool isComplete() const override;

    JobProgress* progress() const { return m_progress; }
    QLabel* summary() const { return m_summary; }
    QPushButton* undoButton() const { return m_undo; }

private:
    void commit();
    void undo();
    void showSummary();

    ImportWizard* m_wizard;
    JobProgress* m_progress;
    QLabel* m_summary;
    QPushButton* m_undo;
    bool m_done = false;
};

} // namespace vigil::ui
