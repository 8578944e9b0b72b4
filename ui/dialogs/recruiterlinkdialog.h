#pragma once

#include "model/supplier.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace vigil::ui {

class CountryPicker;
class OptionalSpinBox;

// Links a recruiter of the workspace to a supplier through a recruitment corridor (origin -> destination).
class RecruiterLinkDialog : public QDialog
{
    Q_OBJECT
public:
    // recruiters: those of the workspace; destination: the supplier's country, proposed as the corridor's end.
    RecruiterLinkDialog(const QList<Recruiter>& recruiters, const QString& destination, QWidget* parent = nullptr);
    RecruiterLink link() const;

private:
    void revalidate();

    QList<Recruiter> m_recruiters;
    QComboBox* m_recruiter;
    CountryPicker* m_origin;
    CountryPicker* m_destination;
    OptionalSpinBox* m_workers;
    QLineEdit* m_since;
    QLabel* m_message;
    QDialogButtonBox* m_buttons;
};

} // namespace vigil::ui
