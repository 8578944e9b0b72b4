#pragma once

#include <QWidget>

class QSplitter;
class QUndoStack;

namespace vigil {
class SupplierStore;
}

namespace vigil::ui {

class SupplierDetailView;
class SupplierDialog;
class SupplierRegisterView;

// The Suppliers feature: the register beside the selected supplier's details. Every change is pushed to the undo
// stack as a command; dialogs are opened non-modally to the application (open()), so nothing here blocks.
class SuppliersPage : public QWidget
{
    Q_OBJECT
public:
    SuppliersPage(SupplierStore* store, QUndoStack* undoStack, QWidget* parent = nullptr);

    SupplierRegisterView* registerView() const { return m_register; }
    SupplierDetailView* detailView() const { return m_detail; }
    QSplitter* splitter() const { return m_splitter; }
    bool hasSelection() const;
    // The register/detail split the user left, from QSettings; a sensible split is used when there is none.
    void restoreLayout(const QByteArray& state);
    QByteArray saveLayout() const;

public slots:
    // Opens the supplier dialog; the returned dialog is open until the user (or a test) accepts or rejects it.
    SupplierDialog* newSupplier();
    SupplierDialog* editSupplier(const QString& id);
    SupplierDialog* editCurrent();
    // Deletes the selected suppliers, one undoable command each (grouped in one macro when several).
    void deleteSelected();

signals:
    void selectionChanged();

protected:
    void showEvent(QShowEvent* event) override;

private:
    QStringList sectors() const;
    bool m_layoutRestored = false;
    bool m_shown = false;

    SupplierStore* m_store;
    QUndoStack* m_undoStack;
    SupplierRegisterView* m_register;
    SupplierDetailView* m_detail;
    QSplitter* m_splitter;
};

} // namespace vigil::ui
