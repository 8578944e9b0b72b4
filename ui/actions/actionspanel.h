#pragma once

#include "actions/actiontypes.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;
class QUndoStack;

namespace vigil {
class SupplierStore;
}

namespace vigil::ui {

class ActionDialog;
class ActionService;

// The Actions tab of the supplier view: the supplier's corrective actions with the finding each answers, due date,
// status and an overdue flag; Add, Edit, Close and Remove go through undoable commands on the main undo stack.
// Keyboard: Enter edits the selected action, Delete removes it, Insert adds one.
class ActionsPanel : public QWidget
{
    Q_OBJECT
public:
    ActionsPanel(SupplierStore* store, QUndoStack* undoStack, QWidget* parent = nullptr);

    QTreeWidget* list() const { return m_list; }
    const QList<CorrectiveAction>& actions() const { return m_actions; }
    // Open the form (non-modal, deleted on close) and return it, for the buttons and for tests.
    ActionDialog* addAction();
    ActionDialog* editAction(int row);
    ActionDialog* closeAction(int row);
    void removeAction(int row);

public slots:
    void showSupplier(const QString& id);
    void reload();

signals:
    // "Actions (3 · 1 overdue)"
    void titleChanged(const QString& title);

private:
    ActionDialog* openDialog(const CorrectiveAction& action, int mode);
    int selectedRow() const;
    void updateButtons();

    SupplierStore* m_store;
    ActionService* m_service;
    QUndoStack* m_undoStack;
    QString m_id;
    QList<CorrectiveAction> m_actions;
    QMap<QString, QString> m_indicatorLabels;
    QLabel* m_summary;
    QTreeWidget* m_list;
    QPushButton* m_add;
    QPushButton* m_edit;
    QPushButton* m_close;
    QPushButton* m_remove;
};

} // namespace vigil::ui
