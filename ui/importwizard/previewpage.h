#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace vigil::ui {

class ImportWizard;

// Step 2: the first 200 rows exactly as the importer reads them, with the detected encoding, delimiter, header
// row and sheet, each of which can be overridden (the file is then read again).
class ImportPreviewPage : public QWizardPage
{
    Q_OBJECT
public:
    static constexpr int PreviewRows = 200;

    explicit ImportPreviewPage(ImportWizard* wizard);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    QComboBox* encodingBox() const { return m_encoding; }
    QComboBox* delimiterBox() const { return m_delimiter; }
    QSpinBox* headerRowBox() const { return m_headerRow; }
    QComboBox* sheetBox() const { return m_sheet; }
    QTableWidget* table() const { return m_table; }

private:
    void syncControls();
    void overridesChanged();
    void read();
    void showPreview();
    void showError(const QString& message);

    ImportWizard* m_wizard;
    QComboBox* m_encoding;
    QComboBox* m_delimiter;
    QSpinBox* m_headerRow;
    QComboBox* m_sheet;
    QLabel* m_detected;
    QLabel* m_status;
    QPushButton* m_cancel;
    QTableWidget* m_table;
    bool m_loaded = false;
    bool m_syncing = false;
};

} // namespace vigil::ui
