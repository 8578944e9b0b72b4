#include "risk/observationdialog.h"

#include "risk/riskservice.h"
#include "services/supplierstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>

namespace vigil::ui {

namespace {

QString familyLabel(const QString& family)
{
    if (family == QLatin1String("ilo_forced_labour"))
        return QObject::tr("ILO indicators of forced labour");
    if (family == QLatin1String("recruitment"))
        return QObject::tr("Recruitment");
    if (family == QLatin1String("child_labour"))
        return QObject::tr("Child labour");
    return family;
}

} // namespace

ObservationDialog::ObservationDialog(RiskService* service, const QString& supplierId, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Record Observation"));
    m_indicator = new QComboBox;
    m_indicator->setObjectName(QStringLiteral("indicator"));
    m_status = new QComboBox;
    m_status->setObjectName(QStringLiteral("status"));
    m_status->addItem(tr("Present"), int(ObservationStatus::Present));
    m_status->addItem(tr("Absent"), int(ObservationStatus::Absent));
    m_status->addItem(tr("Not assessed"), int(ObservationStatus::NotAssessed));
    m_source = new QComboBox;
    m_source->setObjectName(QStringLiteral("sourceType"));
    m_date = new QDateEdit(service ? service->now().date() : QDate::currentDate());
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_undated = new QCheckBox(tr("Undated"));
    m_confidence = new QSpinBox;
    m_confidence->setRange(0, 100);
    m_confidence->setSuffix(QStringLiteral(" %"));
    m_confidence->setValue(100);
    m_site = new QComboBox;
    m_site->addItem(tr("Supplier as a whole (no site)"), QString());
    m_note = new QLineEdit;
    m_note->setPlaceholderText(tr("What was seen, by whom, reference of the report"));

    if (service) {
        if (auto ctx = service->context()) {
            const Methodology& m = (*ctx)->methodology;
            auto* model = qobject_cast<QStandardItemModel*>(m_indicator->model());
            QString family;
            for (const IndicatorDef& def : m.indicators) {
                if (def.family != family) {
                    family = def.family;
                    auto* header = new QStandardItem(familyLabel(family));
                    header->setFlags(Qt::NoItemFlags);
                    QFont f = header->font();
                    f.setBold(true);
                    header->setFont(f);
                    model->appendRow(header);
                }
                const QString text = def.iloNumber > 0 ? QStringLiteral("   %1. %2").arg(def.iloNumber).arg(def.label)
                                                       : QStringLiteral("   ") + def.label;
                m_indicator->addItem(text, def.id);
                m_indicator->setItemData(
                    m_indicator->count() - 1,
                    tr("%1\nSeverity: %2%3")
                        .arg(def.reference, def.severity, def.zeroTolerance ? tr(" (zero tolerance)") : QString()),
                    Qt::ToolTipRole);
            }
            for (const SourceTypeDef& s : m.sourceTypes)
                m_source->addItem(s.label, s.id);
        }
        if (auto record = service->store()->record(supplierId))
            for (const Site& site : record->sites)
                m_site->addItem(site.name, site.id);
    }
    for (int i = 0; i < m_indicator->count(); ++i)
        if (!m_indicator->itemData(i).toString().isEmpty()) {
            m_indicator->setCurrentIndex(i);
            break;
        }

    auto* dateRow = new QHBoxLayout;
    dateRow->addWidget(m_date, 1);
    dateRow->addWidget(m_undated);
    connect(m_undated, &QCheckBox::toggled, m_date, &QWidget::setDisabled);

    auto* form = new QFormLayout;
    form->addRow(tr("&Indicator:"), m_indicator);
    form->addRow(tr("&Finding:"), m_status);
    form->addRow(tr("S&ource:"), m_source);
    auto* dateLabel = new QLabel(tr("&Date:"));
    dateLabel->setBuddy(m_date);
    form->addRow(dateLabel, dateRow);
    form->addRow(tr("&Confidence:"), m_confidence);
    form->addRow(tr("Si&te:"), m_site); // Alt+I is the indicator
    form->addRow(tr("&Note:"), m_note);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Record"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

RiskObservation ObservationDialog::observation() const
{
    RiskObservation o;
    o.indicatorId = m_indicator->currentData().toString();
    o.status = ObservationStatus(m_status->currentData().toInt());
    o.sourceType = m_source->currentData().toString();
    o.date = m_undated->isChecked() ? QDate() : m_date->date();
    o.confidence = m_confidence->value() / 100.0;
    o.siteId = m_site->currentData().toString();
    o.note = m_note->text().trimmed();
    return o;
}

bool ObservationDialog::setIndicator(const QString& id)
{
    const int i = m_indicator->findData(id);
    if (i >= 0)
        m_indicator->setCurrentIndex(i);
    return i >= 0;
}

void ObservationDialog::setStatus(ObservationStatus status)
{
    m_status->setCurrentIndex(m_status->findData(int(status)));
}

void ObservationDialog::setSourceType(const QString& id)
{
    if (const int i = m_source->findData(id); i >= 0)
        m_source->setCurrentIndex(i);
}

} // namespace vigil::ui
