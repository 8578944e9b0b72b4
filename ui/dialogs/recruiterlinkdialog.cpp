#include "dialogs/recruiterlinkdialog.h"

#include "dialogs/optionalspinbox.h"
#include "widgets/countrypicker.h"

#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace vigil::ui {

RecruiterLinkDialog::RecruiterLinkDialog(const QList<Recruiter>& recruiters, const QString& destination,
                                         QWidget* parent)
    : QDialog(parent)
    , m_recruiters(recruiters)
{
    setWindowTitle(tr("Add recruiter"));
    m_recruiter = new QComboBox;
    m_recruiter->setObjectName(QStringLiteral("recruiter"));
    for (const Recruiter& r : recruiters)
        m_recruiter->addItem(r.country.isEmpty() ? r.name : QStringLiteral("%1 (%2)").arg(r.name, r.country), r.id);
    m_origin = new CountryPicker;
    m_origin->setObjectName(QStringLiteral("origin"));
    m_destination = new CountryPicker;
    m_destination->setObjectName(QStringLiteral("destination"));
    m_destination->setCode(destination);
    m_workers = new OptionalSpinBox(10'000'000);
    m_since = new QLineEdit;
    m_since->setPlaceholderText(tr("YYYY-MM-DD (optional)"));
    m_message = new QLabel;
    m_message->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_message->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // The origin proposed is the recruiter's own country: where workers are recruited.
    auto proposeOrigin = [this] {
        const int i = m_recruiter->currentIndex();
        if (i >= 0 && i < m_recruiters.size() && m_origin->text().isEmpty())
            m_origin->setCode(m_recruiters.at(i).country);
    };
    connect(m_recruiter, qOverload<int>(&QComboBox::currentIndexChanged), this, proposeOrigin);
    proposeOrigin();
    for (QLineEdit* e : {static_cast<QLineEdit*>(m_origin), static_cast<QLineEdit*>(m_destination), m_since})
        connect(e, &QLineEdit::textChanged, this, &RecruiterLinkDialog::revalidate);

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Recruiter:"), m_recruiter);
    form->addRow(tr("&From (origin):"), m_origin);
    form->addRow(tr("&To (destination):"), m_destination);
    form->addRow(tr("&Workers recruited:"), m_workers);
    form->addRow(tr("&Since:"), m_since);
    form->addRow(m_message);
    form->addRow(m_buttons);
    resize(460, sizeHint().height());
    revalidate();
}

void RecruiterLinkDialog::revalidate()
{
    QString problem;
    if (m_recruiters.isEmpty())
        problem = tr("This workspace has no recruiters yet. Import them with the supplier list first.");
    else if (!m_origin->text().trimmed().isEmpty() && m_origin->code().isEmpty())
        problem = tr("“%1” is not a country Vigil knows.").arg(m_origin->text().trimmed());
    else if (!m_destination->text().trimmed().isEmpty() && m_destination->code().isEmpty())
        problem = tr("“%1” is not a country Vigil knows.").arg(m_destination->text().trimmed());
    else if (!m_since->text().trimmed().isEmpty()
             && !QDate::fromString(m_since->text().trimmed(), Qt::ISODate).isValid())
        problem = tr("Write the date as YYYY-MM-DD, for example 2024-03-01.");
    m_message->setText(problem);
    m_message->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

RecruiterLink RecruiterLinkDialog::link() const
{
    RecruiterLink l;
    const int i = m_recruiter->currentIndex();
    if (i >= 0 && i < m_recruiters.size()) {
        l.recruiterId = m_recruiters.at(i).id;
        l.recruiterName = m_recruiters.at(i).name;
    }
    l.originCountry = m_origin->code();
    l.destinationCountry = m_destination->code();
    l.workersRecruited = m_workers->optionalValue();
    l.since = m_since->text().trimmed();
    return l;
}

} // namespace vigil::ui
