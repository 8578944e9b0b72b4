#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace vigil::ui {

class ImportWizard;

// Step 3: which Vigil field each column fills, with sample values. The mapping proposed is a saved profile when the
// header matches one, else the synonyms; it can be saved as a named profile.
class ImportMappingPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportMappingPage(ImportWizard* wizard);
    void initializePage() override;
    bool isComplete() const override;

    QTableWidget* table() const { return m_table; }
    QComboBox* fieldBox(int column) const;
    QLineEdit* profileName() const { return m_profileName; }
    // Saves the current mapping under profileName(); the result is shown on the page.
    bool saveProfile();

private:
    void fieldChanged(int column);

    ImportWizard* m_wizard;
    QLabel* m_source;
    QTableWidget* m_table;
    QLabel* m_missing;
    QLineEdit* m_profileName;
    QLabel* m_saved;
};

} // namespace vigil::ui
