#pragma once

#include "risk/datasetcatalog.h"
#include "util/result.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace vigil::ui {

class RiskService;

// Tools > Reference Data: the datasets behind every score (bundled ILAB data and the user's imports), grouped by
// family with their editions, and the edition of each family that scores use ("Latest" follows new imports).
// Applying a change asks for confirmation, stores the choice (one transaction) and rescores every supplier with
// progress and cancel; cancelled or failed, the previous choice is restored.
class DatasetsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DatasetsDialog(RiskService* service, QWidget* parent = nullptr);

    // The families as last read from the workspace.
    const QList<DatasetFamily>& families() const { return m_families; }
    // Selects, for a family, an edition by dataset id (empty: the latest). False when there is no such choice.
    bool selectEdition(const QString& family, const QString& datasetId);
    // The choices that differ from what the workspace uses now.
    EditionChoices pendingChoices() const;
    // Stores the pending choices and rescores (no confirmation; the Apply button asks first).
    Status apply();
    // Skip the confirmation question (tests).
    void setConfirm(bool confirm) { m_confirm = confirm; }
    QString statusText() const;

private:
    Status reload();
    void updateDetails();
    void updateButtons();
    QString describe(const EditionChoices& choices) const;

    RiskService* m_service;
    QList<DatasetFamily> m_families;
    QList<QComboBox*> m_choosers; // one per family, in m_families order
    QTreeWidget* m_tree;
    QLabel* m_details;
    QLabel* m_status;
    QPushButton* m_apply;
    bool m_confirm = true;
};

} // namespace vigil::ui
