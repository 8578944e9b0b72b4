#include "dialogs/sitedialog.h"

#include "dialogs/optionalspinbox.h"
#include "util/uuid.h"
#include "widgets/countrypicker.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>

namespace vigil::ui {

SiteDialog::SiteDialog(const QString& defaultCountry, QWidget* parent)
    : QDialog(parent)
    , m_id(newUuid())
{
    setWindowTitle(tr("Add site"));
    m_name = new QLineEdit;
    m_type = new QComboBox;
    for (SiteType t :
         {SiteType::Factory, SiteType::Farm, SiteType::Vessel, SiteType::Dormitory, SiteType::Port, SiteType::Warehouse,
          SiteType::ProcessingPlant, SiteType::Mine, SiteType::Office, SiteType::Other})
        m_type->addItem(toString(t), int(t));
    m_country = new CountryPicker;
    m_country->setCode(defaultCountry);
    m_address = new QLineEdit;
    m_workers = new OptionalSpinBox(10'000'000);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &SiteDialog::revalidate);
    connect(m_country, &QLineEdit::textChanged, this, &SiteDialog::revalidate);
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Type:"), m_type);
    form->addRow(tr("&Country:"), m_country);
    form->addRow(tr("&Address:"), m_address);
    form->addRow(tr("&Workers:"), m_workers);
    form->addRow(m_buttons);
    resize(440, sizeHint().height());
    revalidate();
}

SiteDialog::SiteDialog(const Site& site, QWidget* parent)
    : SiteDialog(site.country, parent)
{
    setWindowTitle(tr("Edit site"));
    m_id = site.id;
    m_name->setText(site.name);
    m_type->setCurrentIndex(m_type->findData(int(site.type)));
    m_address->setText(site.address);
    m_workers->setOptionalValue(site.workers);
    revalidate();
}

void SiteDialog::revalidate()
{
    const bool countryOk = m_country->text().trimmed().isEmpty() || !m_country->code().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_name->text().trimmed().isEmpty() && countryOk);
}

Site SiteDialog::site() const
{
    Site s;
    s.id = m_id;
    s.name = m_name->text().trimmed();
    s.type = SiteType(m_type->currentData().toInt());
    s.country = m_country->code();
    s.address = m_address->text().trimmed();
    s.workers = m_workers->optionalValue();
    return s;
}

} // namespace vigil::ui
