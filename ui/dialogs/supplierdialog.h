#pragma once

#include "model/supplier.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace vigil::ui {

class CountryPicker;
class OptionalPercentBox;
class OptionalSpinBox;

// Adds or edits a supplier's own fields. Validates as the user types with core's validate(): the reason is shown
// beside the field and OK stays disabled until the form is valid; accept() refuses an invalid form.
// Sites, identifiers and recruiter links of the record are kept as they are.
class SupplierDialog : public QDialog
{
    Q_OBJECT
public:
    // sectors: the sectors in use, offered in the sector box.
    SupplierDialog(const SupplierRecord& record, const QStringList& sectors, QWidget* parent = nullptr);

    bool isNew() const { return m_record.supplier.id.isEmpty(); }
    // The record with the form's values.
    SupplierRecord record() const;
    // The reasons the form cannot be saved, by field (SupplierField names); empty when valid.
    QHash<QString, QString> issues() const { return m_issues; }
    bool isValid() const { return m_issues.isEmpty(); }

public slots:
    void accept() override;

private:
    Supplier supplierFromForm() const;
    void loadForm(const Supplier& s);
    void revalidate();
    QWidget* withMessage(QWidget* field, const QString& fieldName);

    SupplierRecord m_record;
    QHash<QString, QString> m_issues;
    QHash<QString, QLabel*> m_messages;
    QLineEdit* m_name;
    QLineEdit* m_otherNames;
    CountryPicker* m_country;
    QLabel* m_countryHint;
    QLineEdit* m_address;
    QComboBox* m_sector;
    QLineEdit* m_products;
    QSpinBox* m_tier;
    OptionalSpinBox* m_workersMin;
    OptionalSpinBox* m_workersMax;
    OptionalPercentBox* m_migrantShare;
    OptionalPercentBox* m_femaleShare;
    QDoubleSpinBox* m_spend;
    QLineEdit* m_currency;
    QComboBox* m_status;
    QLineEdit* m_tags;
    QDialogButtonBox* m_buttons;
};

} // namespace vigil::ui
