#pragma once

#include "actions/actiontypes.h"
#include "actions/fieldmessages.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace vigil::ui {

// The form of a fee-ledger entry: what a GROUP of workers paid to get their jobs and what was reimbursed. The form
// asks for a group and a head count, never for a worker's name; validation is shown at the field.
class FeeDialog : public QDialog
{
    Q_OBJECT
public:
    struct Choices
    {
        QList<RecruiterLink> links; // the supplier's recruiters, with their corridors
        QStringList sourceTypes; // evidence source ids
        QMap<QString, QString> sourceLabels;
        QString defaultCurrency; // e.g. THB for a Thai supplier
    };
    FeeDialog(const FeeEntry& entry, const Choices& choices, bool isNew, QWidget* parent = nullptr);

    FeeEntry entry() const;
    QString fieldMessage(const QString& field) const { return m_messages.message(field); }
    bool canAccept() const;
    void accept() override;

private:
    void revalidate();
    void recruiterChosen();

    FeeEntry m_entry;
    Choices m_choices;
    FieldMessages m_messages;
    QComboBox* m_recruiter;
    QLineEdit* m_origin;
    QLineEdit* m_destination;
    QLineEdit* m_group;
    QSpinBox* m_workers;
    QDoubleSpinBox* m_paid;
    QDoubleSpinBox* m_reimbursed;
    QComboBox* m_currency;
    QLabel* m_outstanding;
    QDateEdit* m_date;
    QComboBox* m_source;
    QLineEdit* m_note;
    QLabel* m_other;
    QDialogButtonBox* m_buttons;
};

} // namespace vigil::ui
