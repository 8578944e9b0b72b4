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

class FeeDialog;
class ActionService;

// The Fees tab of the supplier view: the recruitment-fee ledger (what groups of workers paid and what was
// reimbursed, per corridor), with totals per currency. Add, Edit and Remove are undoable.
class FeesPanel : public QWidget
{
    Q_OBJECT
public:
    FeesPanel(SupplierStore* store, QUndoStack* undoStack, QWidget* parent = nullptr);

    QTreeWidget* list() const { return m_list; }
    QString totalsText() const;
    const QList<FeeEntry>& fees() const { return m_fees; }
    FeeDialog* addFee();
    FeeDialog* editFee(int row);
    void removeFee(int row);

public slots:
    void showSupplier(const QString& id);
    void reload();

signals:
    void titleChanged(const QString& title);

private:
    FeeDialog* openDialog(const FeeEntry& entry);
    int selectedRow() const;

    SupplierStore* m_store;
    ActionService* m_service;
    QUndoStack* m_undoStack;
    QString m_id;
    QList<FeeEntry> m_fees;
    QLabel* m_totals;
    QTreeWidget* m_list;
    QPushButton* m_add;
    QPushButton* m_edit;
    QPushButton* m_remove;
};

} // namespace vigil::ui
