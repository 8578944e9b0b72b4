#pragma once

#include "risk/methodology.h"
#include "risk/riskjobs.h"

#include <QDialog>
#include <QJsonObject>

#include <optional>

class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace vigil::ui {

class RiskService;

// Edits the weights and tier thresholds of the active methodology. Before applying, "Preview Impact" evaluates
// every supplier with the current and the proposed methodology (pure engine, worker thread, progress and cancel)
// and says how many would change tier. Applying makes the edited document a new version of the methodology,
// activates it and rescores the workspace.
class MethodologyDialog : public QDialog
{
    Q_OBJECT
public:
    explicit MethodologyDialog(RiskService* service, QWidget* parent = nullptr);

    // The edited methodology (parsed and validated from the edited JSON document).
    Result<Methodology> proposed() const;
    // Sets a field by its JSON path ("tiers.thresholds.high"); false when the form has no such field.
    bool setValue(const QString& path, double value);
    std::optional<TierImpact> impact() const { return m_impact; }

public slots:
    Status previewImpact();
    Status apply();

private:
    void addField(QFormLayout* form, const QString& path, const QString& label, double max, int decimals);
    void invalidate();

    RiskService* m_service;
    QJsonObject m_base;
    QString m_baseVersion;
    QList<QPair<QString, QDoubleSpinBox*>> m_fields;
    QLineEdit* m_version;
    QLabel* m_impactLabel;
    QPushButton* m_preview;
    QPushButton* m_apply;
    std::optional<TierImpact> m_impact;
};

// "1.0.0" -> "1.0.1"; anything else gets ".1" appended.
QString nextVersion(const QString& version);

} // namespace vigil::ui
