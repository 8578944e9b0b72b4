#pragma once

#include "actions/actiontypes.h"

#include <QDialog>

#include <functional>

class QLabel;
class QMenu;
class QTreeWidget;
class QUndoStack;

namespace vigil {
class SupplierStore;
}

namespace vigil::ui {

class ActionService;
class TrainingDialog;

// Tools > Trainings…: every training recorded (internal and for suppliers), with Add, Edit and Remove as undoable
// commands on the main window's undo stack.
class TrainingsDialog : public QDialog
{
    Q_OBJECT
public:
    TrainingsDialog(SupplierStore* store, QUndoStack* undoStack, QWidget* parent = nullptr);

    QTreeWidget* list() const { return m_list; }
    const QList<Training>& trainings() const { return m_trainings; }
    TrainingDialog* addTraining();
    TrainingDialog* editTraining(int row);
    void removeTraining(int row);

public slots:
    void reload();

private:
    TrainingDialog* openDialog(const Training& training);
    int selectedRow() const;

    SupplierStore* m_store;
    ActionService* m_service;
    QUndoStack* m_undoStack;
    QList<Training> m_trainings;
    QLabel* m_summary;
    QTreeWidget* m_list;
};

// Adds "Trainings…" to a menu; the store getter returns the open workspace (or null).
void addTrainingActions(QMenu* menu, QWidget* parent, const std::function<SupplierStore*()>& store,
                        QUndoStack* undoStack);

} // namespace vigil::ui
