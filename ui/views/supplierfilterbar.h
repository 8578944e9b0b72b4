#pragma once

#include "storage/supplierrepository.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTimer;

namespace vigil {
class SupplierStore;
}

namespace vigil::ui {

// The register's filter bar: a search field (any script, debounced) and one list per filterable field, each
// holding the values in use in the workspace.
class SupplierFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit SupplierFilterBar(SupplierStore* store, QWidget* parent = nullptr);

    SupplierFilter filter() const;
    // Shows this filter in the bar (values not in the lists are added) and applies it.
    void setFilter(const SupplierFilter& filter);
    // Re-reads the values in use (countries, sectors, tags), keeping the current choices.
    void refreshLists();
    void clear();
    QLineEdit* searchField() const { return m_search; }
    static constexpr int DebounceMs = 200;

signals:
    void filterChanged(const vigil::SupplierFilter& filter);

protected:
    void changeEvent(QEvent* event) override;

private:
    void emitChanged();
    void fill(QComboBox* box, const QList<QPair<QString, QString>>& items);

    SupplierStore* m_store;
    QLineEdit* m_search;
    QTimer* m_debounce;
    QComboBox* m_country;
    QComboBox* m_sector;
    QComboBox* m_tier;
    QComboBox* m_tag;
    QComboBox* m_status;
    QComboBox* m_risk;
    QComboBox* m_action;
    QList<QComboBox*> boxes() const { return {m_country, m_sector, m_tier, m_tag, m_status, m_risk, m_action}; }
    SupplierFilter m_last;
};

} // namespace vigil::ui
