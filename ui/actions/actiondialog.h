#pragma once

#include "actions/actiontypes.h"
#include "actions/fieldmessages.h"
#include "risk/riskinput.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace vigil::ui {

// The form of a corrective action: what it answers (an observation found at the supplier or an indicator), where,
// who owns it, when it is due, and, once closed, when and how the closure was verified. Validation (actiontypes.h)
// is shown at the field as it is typed, once the user has edited that field or tried to save (a new form does not
// open in red: a neutral hint says what is still needed); OK stays disabled while a field is wrong.
class ActionDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Add, Edit, Close };
    struct Choices
    {
        QList<Site> sites;
        QList<RiskObservation> observations; // the supplier's
        QList<QPair<QString, QString>> indicators; // id, label (methodology order)
        QMap<QString, QString> sourceLabels;
    };
    ActionDialog(const CorrectiveAction& action, const Choices& choices, Mode mode, QWidget* parent = nullptr);

    CorrectiveAction action() const;
    // For tests: the message shown beside a field, empty when none.
    QString fieldMessage(const QString& field) const { return m_messages.message(field); }
    // For tests: the neutral hint shown while messages wait for the user, empty when none.
    QString hint() const { return m_messages.hint(); }
    bool canAccept() const;

    void accept() override;

private:
    void revalidate();
    void statusChanged();

    CorrectiveAction m_action;
    FieldMessages m_messages;
    QPlainTextEdit* m_description;
    QComboBox* m_finding;
    QComboBox* m_site;
    QLineEdit* m_owner;
    QDateEdit* m_opened;
    QCheckBox* m_hasDue;
    QDateEdit* m_due;
    QComboBox* m_status;
    QDateEdit* m_closed;
    QPlainTextEdit* m_note;
    QLabel* m_other;
    QDialogButtonBox* m_buttons;
};

} // namespace vigil::ui
