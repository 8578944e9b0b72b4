#include "risk/mitigationdialog.h"

#include "risk/riskservice.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil::ui {

MitigationDialog::MitigationDialog(RiskService* service, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Record Mitigation"));
    m_type = new QComboBox;
    m_type->setObjectName(QStringLiteral("mitigationType"));
    if (service)
        if (auto ctx = service->context())
            for (const MitigationDef& def : (*ctx)->methodology.mitigations)
                m_type->addItem(tr("%1 (−%2 points)").arg(def.label).arg(def.points), def.id);
    m_date = new QDateEdit(service ? service->now().date() : QDate::currentDate());
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_note = new QLineEdit;
    m_note->setPlaceholderText(tr("How it was verified"));
    auto* form = new QFormLayout;
    form->addRow(tr("&Mitigation:"), m_type);
    form->addRow(tr("&Verified on:"), m_date);
    form->addRow(tr("&Note:"), m_note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Record"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

RiskMitigation MitigationDialog::mitigation() const
{
    RiskMitigation m;
    m.type = m_type->currentData().toString();
    m.date = m_date->date();
    m.note = m_note->text().trimmed();
    return m;
}

} // namespace vigil::ui
