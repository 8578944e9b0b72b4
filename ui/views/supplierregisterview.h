#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace vigil {
class SupplierStore;
}

namespace vigil::ui {

class SupplierFilterBar;
class SupplierTableModel;

// The supplier register: filter bar, the table (sorted by clicking a header, in SQL), and the count of suppliers
// shown out of all.
class SupplierRegisterView : public QWidget
{
    Q_OBJECT
public:
    explicit SupplierRegisterView(SupplierStore* store, QWidget* parent = nullptr);

    SupplierTableModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    SupplierFilterBar* filterBar() const { return m_filterBar; }
    QString countText() const;

    QString currentId() const;
    QStringList selectedIds() const;
    // Selects the supplier if its row is loaded; returns whether it did.
    bool selectSupplier(const QString& id);

signals:
    void currentSupplierChanged(const QString& id);
    void supplierActivated(const QString& id);

private:
    void updateCount();
    void onCurrentChanged();

    SupplierStore* m_store;
    SupplierTableModel* m_model;
    SupplierFilterBar* m_filterBar;
    QTableView* m_table;
    QLabel* m_count;
    QString m_currentId;
};

} // namespace vigil::ui
