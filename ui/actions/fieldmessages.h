#pragma once

#include "model/supplier.h"

#include <QHash>
#include <QSet>
#include <QString>

class QLabel;
class QWidget;

namespace vigil::ui {

// Validation shown at the field, as the supplier form does: each field is wrapped with a red message line below it,
// shown when the record's validation names that field.
//
// After waitForTheUser(), a form does not open in red: a field's message shows once the user has edited that field
// (touch()) or tried to save (reveal()). Until then the `hint` line says, in the neutral colour, what is still needed.
class FieldMessages
{
public:
    // The field with its (hidden) message line, for a form layout.
    QWidget* wrap(QWidget* field, const QString& fieldName);
    // A neutral line for the messages not shown yet (the form's OK stays disabled while there is any issue).
    QLabel* waitForTheUser();
    // The user edited these fields: their messages show from now on (call before show()).
    void touch(const QStringList& fieldNames);
    // The user tried to save: every message shows from now on.
    void reveal();
    // Shows the issues beside their fields; issues of fields without a line go to `fallback` (may be null). Returns
    // true when there is no issue.
    bool show(const QList<ValidationIssue>& issues, QLabel* fallback = nullptr);
    QString message(const QString& fieldName) const;
    // The neutral hint shown, empty when none.
    QString hint() const;

private:
    QHash<QString, QLabel*> m_labels;
    QLabel* m_hint = nullptr; // set by waitForTheUser()
    QSet<QString> m_touched;
    bool m_revealed = false;
};

} // namespace vigil::ui
