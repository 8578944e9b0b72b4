#pragma once

#include "model/supplier.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;

namespace vigil::ui {

class CountryPicker;
class OptionalSpinBox;

// Asks for a new site of a supplier: name, type, country, address, workers. The site gets its id here, so that
// undo and redo of its addition address the same site.
class SiteDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SiteDialog(const QString& defaultCountry, QWidget* parent = nullptr);
    // Edits an existing site (same id).
    explicit SiteDialog(const Site& site, QWidget* parent = nullptr);
    Site site() const;

private:
    void revalidate();

    QString m_id;
    QLineEdit* m_name;
    QComboBox* m_type;
    CountryPicker* m_country;
    QLineEdit* m_address;
    OptionalSpinBox* m_workers;
    QDialogButtonBox* m_buttons;
};

} // namespace vigil::ui
