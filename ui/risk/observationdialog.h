#pragma once

#include "risk/riskinput.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QSpinBox;

namespace vigil::ui {

class RiskService;

// The form of one observation: an indicator of the methodology's catalogue (grouped ILO forced labour,
// recruitment, child labour), present / absent / not assessed, source type, date, confidence, site and note.
class ObservationDialog : public QDialog
{
    Q_OBJECT
public:
    ObservationDialog(RiskService* service, const QString& supplierId, QWidget* parent = nullptr);

    RiskObservation observation() const;
    // Selects an indicator by id (tests, preselection); false when the catalogue lacks it.
    bool setIndicator(const QString& id);
    void setStatus(ObservationStatus status);
    void setSourceType(const QString& id);

private:
    QComboBox* m_indicator;
    QComboBox* m_status;
    QComboBox* m_source;
    QDateEdit* m_date;
    QCheckBox* m_undated;
    QSpinBox* m_confidence;
    QComboBox* m_site;
    QLineEdit* m_note;
};

} // namespace vigil::ui
