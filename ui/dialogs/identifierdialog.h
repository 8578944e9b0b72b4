#pragma once

#include "model/supplier.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;

namespace vigil::ui {

// Asks for one identifier of a supplier (vendor id, LEI, DUNS, Open Supply Hub id, tax id).
class IdentifierDialog : public QDialog
{
    Q_OBJECT
public:
    explicit IdentifierDialog(QWidget* parent = nullptr);
    Identifier identifier() const;

private:
    QComboBox* m_scheme;
    QLineEdit* m_value;
    QDialogButtonBox* m_buttons;
};

} // namespace vigil::ui
