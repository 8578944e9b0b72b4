#include "actions/feedialog.h"

#include "actions/actionsummary.h"
#include "widgets/textstyle.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {

QDoubleSpinBox* amountBox(double v)
{
    auto* box = new QDoubleSpinBox;
    box->setRange(0, 1e12);
    box->setDecimals(2);
    box->setGroupSeparatorShown(true);
    box->setValue(v);
    box->setAlignment(Qt::AlignRight);
    return box;
}

QLineEdit* countryCode(const QString& code)
{
    auto* e = new QLineEdit(code);
    e->setMaxLength(2);
    e->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z]{0,2}")), e));
    e->setPlaceholderText(QStringLiteral("MM"));
    e->setMaximumWidth(60);
    return e;
}

} // namespace

FeeDialog::FeeDialog(const FeeEntry& entry, const Choices& choices, bool isNew, QWidget* parent)
    : QDialog(parent)
    , m_entry(entry)
    , m_choices(choices)
{
    setWindowTitle(isNew ? tr("Add recruitment fees") : tr("Edit recruitment fees"));
    m_recruiter = new QComboBox;
    m_recruiter->setObjectName(QStringLiteral("recruiter"));
    m_recruiter->addItem(tr("(not known)"), -1);
    for (int i = 0; i < choices.links.size(); ++i) {
        const RecruiterLink& l = choices.links[i];
        m_recruiter->addItem(QStringLiteral("%1 (%2 → %3)")
                                 .arg(l.recruiterName.isEmpty() ? l.recruiterId : l.recruiterName,
                                      l.originCountry.isEmpty() ? QStringLiteral("?") : l.originCountry,
                                      l.destinationCountry.isEmpty() ? QStringLiteral("?") : l.destinationCountry),
                             i);
        if (l.recruiterId == entry.recruiterId)
            m_recruiter->setCurrentIndex(m_recruiter->count() - 1);
    }
    m_origin = countryCode(entry.originCountry);
    m_origin->setObjectName(QStringLiteral("origin"));
    m_destination = countryCode(entry.destinationCountry);
    m_destination->setObjectName(QStringLiteral("destination"));
    m_destination->setPlaceholderText(QStringLiteral("TH"));
    auto* corridor = new QWidget;
    auto* corridorLayout = new QHBoxLayout(corridor);
    corridorLayout->setContentsMargins(0, 0, 0, 0);
    corridorLayout->addWidget(m_origin);
    corridorLayout->addWidget(new QLabel(QStringLiteral("→")));
    corridorLayout->addWidget(m_destination);
    corridorLayout->addStretch();

    m_group = new QLineEdit(entry.workerGroup);
    m_group->setObjectName(QStringLiteral("group"));
    m_group->setPlaceholderText(tr("e.g. 2025 intake, processing line 2 (never a worker's name or ID)"));
    m_workers = new QSpinBox;
    m_workers->setObjectName(QStringLiteral("workers"));
    m_workers->setRange(0, 1000000);
    m_workers->setSpecialValueText(tr("not counted"));
    m_workers->setValue(entry.workers.value_or(0));
    m_paid = amountBox(entry.paidAmount);
    m_paid->setObjectName(QStringLiteral("paid"));
    m_reimbursed = amountBox(entry.reimbursedAmount);
    m_reimbursed->setObjectName(QStringLiteral("reimbursed"));
    m_currency = new QComboBox;
    m_currency->setObjectName(QStringLiteral("currency"));
    m_currency->setEditable(true);
    m_currency->addItems({QStringLiteral("THB"), QStringLiteral("MYR"), QStringLiteral("USD"), QStringLiteral("EUR"),
                          QStringLiteral("MMK"), QStringLiteral("NPR"), QStringLiteral("BDT"), QStringLiteral("IDR"),
                          QStringLiteral("TWD"), QStringLiteral("JPY"), QStringLiteral("GBP")});
    m_currency->setCurrentText(entry.currency.isEmpty() ? choices.defaultCurrency : entry.currency);
    m_outstanding = new QLabel;
    m_outstanding->setObjectName(QStringLiteral("outstanding"));
    m_date = new QDateEdit(entry.recordedOn.isValid() ? entry.recordedOn : QDate::currentDate());
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_source = new QComboBox;
    m_source->setObjectName(QStringLiteral("source"));
    m_source->addItem(tr("(not recorded)"), QString());
    for (const QString& id : choices.sourceTypes)
        m_source->addItem(choices.sourceLabels.value(id, id), id);
    m_source->setCurrentIndex(std::max(0, m_source->findData(entry.evidenceSource)));
    m_note = new QLineEdit(entry.note);
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setPlaceholderText(tr("Needed only if more was reimbursed than paid (interest, compensation)"));

    auto* form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight);
    form->addRow(tr("&Recruiter:"), m_messages.wrap(m_recruiter, QStringLiteral("recruiter")));
    form->addRow(tr("C&orridor:"), m_messages.wrap(corridor, QStringLiteral("origin_country")));
    form->addRow(tr("Worker &group:"), m_messages.wrap(m_group, QStringLiteral("worker_group")));
    form->addRow(tr("&Workers:"), m_messages.wrap(m_workers, QStringLiteral("workers")));
    form->addRow(tr("&Paid by workers:"), m_messages.wrap(m_paid, QStringLiteral("paid_amount")));
    form->addRow(tr("Re&imbursed:"), m_messages.wrap(m_reimbursed, QStringLiteral("reimbursed_amount")));
    form->addRow(tr("C&urrency:"), m_messages.wrap(m_currency, QStringLiteral("currency")));
    form->addRow(tr("Outstanding:"), m_outstanding);
    form->addRow(tr("Recor&ded on:"), m_messages.wrap(m_date, QStringLiteral("recorded_on")));
    form->addRow(tr("&Evidence:"), m_source);
    form->addRow(tr("&Note:"), m_note);
    auto* privacy = new QLabel(tr("Amounts are totals for the group. Vigil never stores a worker's name or identity "
                                  "number here, and reports show only totals per currency and corridor."));
    privacy->setWordWrap(true);
    setMutedText(privacy);
    m_other = new QLabel;
    m_other->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_other->setWordWrap(true);
    m_other->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(isNew ? tr("Add entry") : tr("Save"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &FeeDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(privacy);
    layout->addWidget(m_other);
    layout->addWidget(m_buttons);

    connect(m_recruiter, &QComboBox::currentIndexChanged, this, &FeeDialog::recruiterChosen);
    for (QLineEdit* e : {m_origin, m_destination, m_group, m_note})
        connect(e, &QLineEdit::textChanged, this, &FeeDialog::revalidate);
    connect(m_currency, &QComboBox::currentTextChanged, this, &FeeDialog::revalidate);
    connect(m_workers, &QSpinBox::valueChanged, this, &FeeDialog::revalidate);
    connect(m_paid, &QDoubleSpinBox::valueChanged, this, &FeeDialog::revalidate);
    connect(m_reimbursed, &QDoubleSpinBox::valueChanged, this, &FeeDialog::revalidate);
    connect(m_date, &QDateEdit::dateChanged, this, &FeeDialog::revalidate);
    revalidate();
    resize(520, sizeHint().height());
}

void FeeDialog::recruiterChosen()
{
    const int i = m_recruiter->currentData().toInt();
    if (i >= 0 && i < m_choices.links.size()) {
        m_origin->setText(m_choices.links[i].originCountry);
        m_destination->setText(m_choices.links[i].destinationCountry);
    }
    revalidate();
}

FeeEntry FeeDialog::entry() const
{
    FeeEntry f = m_entry;
    const int i = m_recruiter->currentData().toInt();
    f.recruiterId = (i >= 0 && i < m_choices.links.size()) ? m_choices.links[i].recruiterId : QString();
    f.recruiterName = (i >= 0 && i < m_choices.links.size()) ? m_choices.links[i].recruiterName : QString();
    f.originCountry = m_origin->text().trimmed().toUpper();
    f.destinationCountry = m_destination->text().trimmed().toUpper();
    f.workerGroup = m_group->text().trimmed();
    f.workers = m_workers->value() > 0 ? std::optional<int>(m_workers->value()) : std::nullopt;
    f.paidAmount = m_paid->value();
    f.reimbursedAmount = m_reimbursed->value();
    f.currency = m_currency->currentText().trimmed().toUpper();
    f.recordedOn = m_date->date();
    f.evidenceSource = m_source->currentData().toString();
    f.note = m_note->text().trimmed();
    return f;
}

bool FeeDialog::canAccept() const
{
    return validate(entry()).isEmpty();
}

void FeeDialog::revalidate()
{
    const FeeEntry f = entry();
    m_outstanding->setText(isIsoCurrency(f.currency) ? formatAmount(f.outstanding(), f.currency)
                                                     : QString::number(f.outstanding(), 'f', 2));
    const bool ok = m_messages.show(validate(f), m_other);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

void FeeDialog::accept()
{
    revalidate();
    if (!canAccept())
        return;
    QDialog::accept();
}

} // namespace vigil::ui
