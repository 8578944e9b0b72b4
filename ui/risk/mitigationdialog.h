#pragma once

#include "risk/riskinput.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLineEdit;

namespace vigil::ui {

class RiskService;

// The form of one mitigation: a mitigation factor of the methodology, the date it was verified, a note.
class MitigationDialog : public QDialog
{
    Q_OBJECT
public:
    explicit MitigationDialog(RiskService* service, QWidget* parent = nullptr);
    RiskMitigation mitigation() const;

private:
    QComboBox* m_type;
    QDateEdit* m_date;
    QLineEdit* m_note;
};

} // namespace vigil::ui
