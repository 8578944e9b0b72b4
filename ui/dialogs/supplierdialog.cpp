#include "dialogs/supplierdialog.h"

#include "dialogs/optionalspinbox.h"
#include "models/supplierformat.h"
#include "widgets/countrypicker.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {

QStringList splitList(const QString& text, QChar sep)
{
    QStringList out;
    for (const QString& part : text.split(sep)) {
        const QString t = part.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

QLineEdit* lineEdit(const QString& objectName, const QString& placeholder = {})
{
    auto* e = new QLineEdit;
    e->setObjectName(objectName);
    e->setPlaceholderText(placeholder);
    return e;
}

} // namespace

SupplierDialog::SupplierDialog(const SupplierRecord& record, const QStringList& sectors, QWidget* parent)
    : QDialog(parent)
    , m_record(record)
{
    setWindowTitle(isNew() ? tr("New supplier") : tr("Edit supplier"));
    setObjectName(QStringLiteral("SupplierDialog"));

    m_name = lineEdit(QStringLiteral("name"), tr("Legal or trading name, in any script"));
    m_otherNames = lineEdit(QStringLiteral("otherNames"), tr("Other names, separated by ;"));
    m_country = new CountryPicker;
    m_country->setObjectName(QStringLiteral("country"));
    m_countryHint = new QLabel;
    m_address = lineEdit(QStringLiteral("address"));
    m_sector = new QComboBox;
    m_sector->setObjectName(QStringLiteral("sector"));
    m_sector->setEditable(true);
    m_sector->addItem(QString());
    m_sector->addItems(sectors);
    m_products = lineEdit(QStringLiteral("products"), tr("Products, separated by commas"));
    m_tier = new QSpinBox;
    m_tier->setObjectName(QStringLiteral("tier"));
    m_tier->setRange(1, 9);
    m_tier->setToolTip(tr("1 = direct supplier; 2, 3 … further up the chain"));
    m_workersMin = new OptionalSpinBox(10'000'000);
    m_workersMin->setObjectName(QStringLiteral("workersMin"));
    m_workersMax = new OptionalSpinBox(10'000'000);
    m_workersMax->setObjectName(QStringLiteral("workersMax"));
    m_migrantShare = new OptionalPercentBox;
    m_migrantShare->setObjectName(QStringLiteral("migrantShare"));
    m_femaleShare = new OptionalPercentBox;
    m_femaleShare->setObjectName(QStringLiteral("femaleShare"));
    m_spend = new QDoubleSpinBox;
    m_spend->setObjectName(QStringLiteral("annualSpend"));
    m_spend->setRange(-1, 1e13);
    m_spend->setDecimals(0);
    m_spend->setGroupSeparatorShown(true);
    m_spend->setSpecialValueText(tr("Unknown"));
    m_currency = lineEdit(QStringLiteral("currency"), tr("USD"));
    m_currency->setMaxLength(3);
    m_currency->setMaximumWidth(70);
    m_status = new QComboBox;
    m_status->setObjectName(QStringLiteral("status"));
    for (SupplierStatus s :
         {SupplierStatus::Active, SupplierStatus::Onboarding, SupplierStatus::Suspended, SupplierStatus::Exited})
        m_status->addItem(displayName(s), int(s));
    m_tags = lineEdit(QStringLiteral("tags"), tr("Tags, separated by commas"));

    auto* identity = new QGroupBox(tr("Supplier"));
    auto* idForm = new QFormLayout(identity);
    idForm->addRow(tr("&Name:"), withMessage(m_name, SupplierField::Name));
    idForm->addRow(tr("Other names:"), m_otherNames);
    auto* countryBox = new QWidget;
    auto* countryLayout = new QVBoxLayout(countryBox);
    countryLayout->setContentsMargins(0, 0, 0, 0);
    countryLayout->setSpacing(2);
    countryLayout->addWidget(withMessage(m_country, SupplierField::Country));
    countryLayout->addWidget(m_countryHint);
    idForm->addRow(tr("&Country:"), countryBox);
    idForm->addRow(tr("Address:"), m_address);
    idForm->addRow(tr("&Sector:"), m_sector);
    idForm->addRow(tr("Products:"), m_products);
    idForm->addRow(tr("&Tier:"), withMessage(m_tier, SupplierField::Tier));
    idForm->addRow(tr("St&atus:"), m_status);
    idForm->addRow(tr("Ta&gs:"), m_tags);

    auto* workforce = new QGroupBox(tr("Workforce and spend"));
    auto* wfForm = new QFormLayout(workforce);
    auto* range = new QWidget;
    auto* rangeLayout = new QHBoxLayout(range);
    rangeLayout->setContentsMargins(0, 0, 0, 0);
    rangeLayout->addWidget(m_workersMin);
    rangeLayout->addWidget(new QLabel(QStringLiteral("–")));
    rangeLayout->addWidget(m_workersMax);
    rangeLayout->addStretch();
    wfForm->addRow(tr("&Workers:"), range);
    wfForm->addRow(QString(), withMessage(new QWidget, SupplierField::WorkersMax));
    wfForm->addRow(tr("&Migrant workers:"), withMessage(m_migrantShare, SupplierField::MigrantShare));
    wfForm->addRow(tr("&Female workers:"), withMessage(m_femaleShare, SupplierField::FemaleShare));
    auto* spend = new QWidget;
    auto* spendLayout = new QHBoxLayout(spend);
    spendLayout->setContentsMargins(0, 0, 0, 0);
    spendLayout->addWidget(m_spend, 1);
    spendLayout->addWidget(m_currency);
    wfForm->addRow(tr("Annual s&pend:"), spend);
    wfForm->addRow(QString(), withMessage(new QWidget, SupplierField::Currency));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(isNew() ? tr("Add supplier") : tr("Save"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SupplierDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SupplierDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(identity);
    layout->addWidget(workforce);
    layout->addWidget(m_buttons);

    loadForm(m_record.supplier);
    for (QLineEdit* e :
         std::initializer_list<QLineEdit*>{m_name, m_otherNames, m_address, m_products, m_currency, m_tags, m_country})
        connect(e, &QLineEdit::textChanged, this, &SupplierDialog::revalidate);
    connect(m_sector, &QComboBox::currentTextChanged, this, &SupplierDialog::revalidate);
    for (QAbstractSpinBox* b : std::initializer_list<QAbstractSpinBox*>{m_tier, m_workersMin, m_workersMax,
                                                                        m_migrantShare, m_femaleShare, m_spend})
        connect(b, &QAbstractSpinBox::editingFinished, this, &SupplierDialog::revalidate);
    for (QSpinBox* b : {m_tier, static_cast<QSpinBox*>(m_workersMin), static_cast<QSpinBox*>(m_workersMax)})
        connect(b, qOverload<int>(&QSpinBox::valueChanged), this, &SupplierDialog::revalidate);
    for (QDoubleSpinBox* b :
         {static_cast<QDoubleSpinBox*>(m_migrantShare), static_cast<QDoubleSpinBox*>(m_femaleShare), m_spend})
        connect(b, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &SupplierDialog::revalidate);
    revalidate();
    m_name->setFocus();
    resize(560, sizeHint().height());
}

QWidget* SupplierDialog::withMessage(QWidget* field, const QString& fieldName)
{
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    auto* message = new QLabel;
    message->setObjectName(fieldName + QStringLiteral("Message"));
    message->setStyleSheet(QStringLiteral("color: #c62828;"));
    message->setWordWrap(true);
    message->hide();
    layout->addWidget(message);
    m_messages.insert(fieldName, message);
    if (field->metaObject() == &QWidget::staticMetaObject)
        field->hide(); // a placeholder that only carries the message
    return box;
}

void SupplierDialog::loadForm(const Supplier& s)
{
    m_name->setText(s.name);
    m_otherNames->setText(s.otherNames.join(QStringLiteral("; ")));
    if (!s.country.isEmpty())
        m_country->setCode(s.country);
    m_address->setText(s.address);
    m_sector->setCurrentText(s.sector);
    m_products->setText(s.products.join(QStringLiteral(", ")));
    m_tier->setValue(s.tier);
    m_workersMin->setOptionalValue(s.workersMin);
    m_workersMax->setOptionalValue(s.workersMax);
    m_migrantShare->setShare(s.migrantShare);
    m_femaleShare->setShare(s.femaleShare);
    m_spend->setValue(s.annualSpend ? *s.annualSpend : -1);
    m_currency->setText(s.currency);
    m_status->setCurrentIndex(m_status->findData(int(s.status)));
    m_tags->setText(s.tags.join(QStringLiteral(", ")));
}

Supplier SupplierDialog::supplierFromForm() const
{
    Supplier s = m_record.supplier;
    s.name = m_name->text().trimmed();
    s.otherNames = splitList(m_otherNames->text(), QLatin1Char(';'));
    const QString code = m_country->code();
    s.country = code.isEmpty() ? m_country->text().trimmed() : code;
    s.address = m_address->text().trimmed();
    s.sector = m_sector->currentText().trimmed();
    s.products = splitList(m_products->text(), QLatin1Char(','));
    s.tier = m_tier->value();
    s.workersMin = m_workersMin->optionalValue();
    s.workersMax = m_workersMax->optionalValue();
    s.migrantShare = m_migrantShare->share();
    s.femaleShare = m_femaleShare->share();
    s.annualSpend = m_spend->value() < 0 ? std::nullopt : std::optional<double>(m_spend->value());
    s.currency = m_currency->text().trimmed().toUpper();
    s.status = SupplierStatus(m_status->currentData().toInt());
    s.tags = splitList(m_tags->text(), QLatin1Char(','));
    return s;
}

SupplierRecord SupplierDialog::record() const
{
    SupplierRecord r = m_record;
    r.supplier = supplierFromForm();
    return r;
}

void SupplierDialog::revalidate()
{
    const Supplier s = supplierFromForm();
    m_issues.clear();
    for (const ValidationIssue& i : validate(s))
        if (!m_issues.contains(i.field))
            m_issues.insert(i.field, i.message);
    const QString code = m_country->code();
    if (!m_country->text().trimmed().isEmpty() && code.isEmpty())
        m_issues.insert(SupplierField::Country,
                        tr("“%1” is not a country Vigil knows. Type a country name or its ISO code.")
                            .arg(m_country->text().trimmed()));
    if (!code.isEmpty() && m_country->text().trimmed() != format::country(code))
        m_countryHint->setText(tr("→ %1").arg(format::country(code)));
    else
        m_countryHint->clear();
    m_countryHint->setVisible(!m_countryHint->text().isEmpty());
    for (auto it = m_messages.begin(); it != m_messages.end(); ++it) {
        const QString message = m_issues.value(it.key());
        it.value()->setText(message);
        it.value()->setVisible(!message.isEmpty());
    }
    // Issues without a label of their own (none today) still block saving.
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_issues.isEmpty());
}

void SupplierDialog::accept()
{
    revalidate();
    if (!m_issues.isEmpty())
        return; // refused: the reasons are shown beside the fields
    QDialog::accept();
}

} // namespace vigil::ui
