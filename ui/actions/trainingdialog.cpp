#include "actions/trainingdialog.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace vigil::ui {

TrainingDialog::TrainingDialog(const Training& training, const QList<QPair<QString, QString>>& suppliers, bool isNew,
                               QWidget* parent)
    : QDialog(parent)
    , m_training(training)
{
    setWindowTitle(isNew ? tr("Add training") : tr("Edit training"));
    m_topic = new QLineEdit(training.topic);
    m_topic->setObjectName(QStringLiteral("topic"));
    m_topic->setPlaceholderText(tr("e.g. Employer Pays Principle for buyers"));
    m_date = new QDateEdit(training.heldOn.isValid() ? training.heldOn : QDate::currentDate());
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_participants = new QSpinBox;
    m_participants->setObjectName(QStringLiteral("participants"));
    m_participants->setRange(0, 1000000);
    m_participants->setValue(training.participants);
    m_audience = new QComboBox;
    m_audience->setObjectName(QStringLiteral("audience"));
    for (TrainingAudience a : {TrainingAudience::Staff, TrainingAudience::Suppliers, TrainingAudience::Recruiters})
        m_audience->addItem(audienceLabel(a), int(a));
    m_audience->setCurrentIndex(std::max(0, m_audience->findData(int(training.audience))));
    m_supplier = new QComboBox;
    m_supplier->setObjectName(QStringLiteral("supplier"));
    m_supplier->addItem(tr("(internal, or several suppliers)"), QString());
    for (const auto& [id, name] : suppliers)
        m_supplier->addItem(name, id);
    m_supplier->setCurrentIndex(std::max(0, m_supplier->findData(training.supplierId)));

    auto* form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight);
    form->addRow(tr("&Topic:"), m_messages.wrap(m_topic, QStringLiteral("topic")));
    form->addRow(tr("&Held on:"), m_messages.wrap(m_date, QStringLiteral("held_on")));
    form->addRow(tr("&Audience:"), m_audience);
    form->addRow(tr("&Participants:"), m_messages.wrap(m_participants, QStringLiteral("participants")));
    form->addRow(tr("&Supplier:"), m_supplier);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(isNew ? tr("Add training") : tr("Save"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TrainingDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_messages.waitForTheUser()); // the form does not open in red
    layout->addWidget(m_buttons);
    // Editing a field shows its message from then on.
    const auto edited = [this](const QString& field) {
        return [this, field] {
            m_messages.touch({field});
            revalidate();
        };
    };
    connect(m_topic, &QLineEdit::textChanged, this, edited(QStringLiteral("topic")));
    connect(m_date, &QDateEdit::dateChanged, this, edited(QStringLiteral("held_on")));
    connect(m_participants, &QSpinBox::valueChanged, this, edited(QStringLiteral("participants")));
    revalidate();
    resize(480, sizeHint().height());
}

Training TrainingDialog::training() const
{
    Training t = m_training;
    t.topic = m_topic->text().trimmed();
    t.heldOn = m_date->date();
    t.participants = m_participants->value();
    t.audience = TrainingAudience(m_audience->currentData().toInt());
    t.supplierId = m_supplier->currentData().toString();
    t.supplierName = t.supplierId.isEmpty() ? QString() : m_supplier->currentText();
    return t;
}

void TrainingDialog::revalidate()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_messages.show(validate(training())));
}

void TrainingDialog::accept()
{
    m_messages.reveal(); // an attempt to save: every reason shows at its field
    revalidate();
    if (!validate(training()).isEmpty())
        return;
    QDialog::accept();
}

} // namespace vigil::ui
