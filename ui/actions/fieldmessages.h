#pragma once

#include "model/supplier.h"

#include <QHash>
#include <QString>

class QLabel;
class QWidget;

namespace vigil::ui {

// Validation shown at the field, as the supplier form does: each field is wrapped with a red message line below it,
// shown when the record's validation names that field.
class FieldMessages
{
public:
    // The field with its (hidden) message line, for a form layout.
    QWidget* wrap(QWidget* field, const QString& fieldName);
    // Shows the issues beside their fields; issues of fields without a line go to `fallback` (may be null). Returns
    // true when there is no issue.
    bool show(const QList<ValidationIssue>& issues, QLabel* fallback = nullptr);
    QString message(const QString& fieldName) const;

private:
    QHash<QString, QLabel*> m_labels;
};

} // namespace vigil::ui
