#include "dialogs/identifierdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>

namespace vigil::ui {

IdentifierDialog::IdentifierDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Add identifier"));
    m_scheme = new QComboBox;
    for (IdentifierScheme s : {IdentifierScheme::VendorId, IdentifierScheme::Lei, IdentifierScheme::Duns,
                               IdentifierScheme::OsId, IdentifierScheme::TaxId, IdentifierScheme::Other})
        m_scheme->addItem(displayName(s), int(s));
    m_value = new QLineEdit;
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_value, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Scheme:"), m_scheme);
    form->addRow(tr("&Identifier:"), m_value);
    form->addRow(m_buttons);
}

Identifier IdentifierDialog::identifier() const
{
    return {IdentifierScheme(m_scheme->currentData().toInt()), m_value->text().trimmed()};
}

} // namespace vigil::ui
