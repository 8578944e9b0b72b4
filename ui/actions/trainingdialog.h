#pragma once

#include "actions/actiontypes.h"
#include "actions/fieldmessages.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLineEdit;
class QSpinBox;

namespace vigil::ui {

// The form of one training: topic, date, audience, participants, and the supplier it was held for (or internal).
// A field's message shows once it is edited or on an attempt to save, never as the form opens; OK stays disabled while
// a field is wrong.
class TrainingDialog : public QDialog
{
    Q_OBJECT
public:
    // suppliers: id -> name, for the supplier list (empty id = internal).
    TrainingDialog(const Training& training, const QList<QPair<QString, QString>>& suppliers, bool isNew,
                   QWidget* parent = nullptr);
    Training training() const;
    QString fieldMessage(const QString& field) const { return m_messages.message(field); }
    // For tests: the neutral hint shown while messages wait for the user, empty when none.
    QString hint() const { return m_messages.hint(); }
    void accept() override;

private:
    void revalidate();

    Training m_training;
    FieldMessages m_messages;
    QLineEdit* m_topic;
    QDateEdit* m_date;
    QSpinBox* m_participants;
    QComboBox* m_audience;
    QComboBox* m_supplier;
    QDialogButtonBox* m_buttons;
};

} // namespace vigil::ui
