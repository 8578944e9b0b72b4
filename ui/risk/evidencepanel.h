#pragma once

#include "risk/riskinput.h"
#include "util/result.h"

#include <QWidget>

class QPushButton;
class QTreeWidget;
class QUndoStack;

namespace vigil::ui {

class RiskService;

// A supplier's observations and mitigations, with Add and Remove. Every change is an undoable EvidenceCommand
// that rescores the supplier.
class EvidencePanel : public QWidget
{
    Q_OBJECT
public:
    EvidencePanel(RiskService* service, QUndoStack* undoStack, QWidget* parent = nullptr);

    QTreeWidget* observationList() const { return m_observations; }
    QTreeWidget* mitigationList() const { return m_mitigations; }

    // Without a dialog (the form's result; tests): push the command, return its status.
    Status addObservation(const RiskObservation& observation);
    Status addMitigation(const RiskMitigation& mitigation);
    Status removeObservationAt(int row);
    Status removeMitigationAt(int row);

public slots:
    void showSupplier(const QString& id);
    void reload();
    void addObservationDialog();
    void addMitigationDialog();

private:
    void report(const Status& st);
    RiskService* m_service;
    QUndoStack* m_undoStack;
    QString m_id;
    QList<RiskObservation> m_observationData;
    QList<RiskMitigation> m_mitigationData;
    QTreeWidget* m_observations;
    QTreeWidget* m_mitigations;
    QPushButton* m_removeObservation;
    QPushButton* m_removeMitigation;
};

} // namespace vigil::ui
