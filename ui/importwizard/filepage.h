#pragma once

#include <QWizardPage>

class QLineEdit;

namespace vigil::ui {

class ImportWizard;

// Step 1: the file to import, by the file dialog (FileDialog, so tests never block), typed or dropped.
class ImportFilePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportFilePage(ImportWizard* wizard);
    void setPath(const QString& path);
    QString path() const;
    bool isComplete() const override;
    bool validatePage() override;

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void browse();

    ImportWizard* m_wizard;
    QLineEdit* m_path;
};

} // namespace vigil::ui
