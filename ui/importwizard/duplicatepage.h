#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QTableWidget;

namespace vigil::ui {

class ImportWizard;

// Step 5: each possible duplicate side by side with the supplier it resembles; the user confirms (same supplier:
// merge), rejects (a different supplier: add) or skips the row. The import remembers confirmed and rejected
// pairs for later imports. Undecided rows are held back. This is the wizard's commit page.
class ImportDuplicatePage : public QWizardPage
{
    Q_OBJECT
public:
    enum Choice { Later, Same, Different, Skip };

    explicit ImportDuplicatePage(ImportWizard* wizard);
    void initializePage() override;
    bool validatePage() override;

    QTableWidget* table() const { return m_table; }
    QComboBox* decisionBox(int pair) const;
    void setAll(Choice choice);

private:
    ImportWizard* m_wizard;
    QLabel* m_summary;
    QTableWidget* m_table;
    QList<qint64> m_rows; // file row of each pair
    QStringList m_candidates; // supplier id of each pair
};

} // namespace vigil::ui
