#include "actions/fieldmessages.h"

#include <QLabel>
#include <QVBoxLayout>

namespace vigil::ui {

QWidget* FieldMessages::wrap(QWidget* field, const QString& fieldName)
{
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    auto* message = new QLabel;
    message->setObjectName(fieldName + QStringLiteral("Message"));
    message->setStyleSheet(QStringLiteral("color: #c62828;"));
    message->setWordWrap(true);
    message->hide();
    layout->addWidget(message);
    m_labels.insert(fieldName, message);
    return box;
}

bool FieldMessages::show(const QList<ValidationIssue>& issues, QLabel* fallback)
{
    QHash<QString, QString> byField;
    QStringList other;
    for (const ValidationIssue& i : issues) {
        if (m_labels.contains(i.field)) {
            if (!byField.contains(i.field))
                byField.insert(i.field, i.message);
        } else {
            other << i.message;
        }
    }
    for (auto it = m_labels.begin(); it != m_labels.end(); ++it) {
        const QString text = byField.value(it.key());
        it.value()->setText(text);
        it.value()->setVisible(!text.isEmpty());
    }
    if (fallback) {
        fallback->setText(other.join(QLatin1Char('\n')));
        fallback->setVisible(!other.isEmpty());
    }
    return issues.isEmpty();
}

QString FieldMessages::message(const QString& fieldName) const
{
    const QLabel* l = m_labels.value(fieldName);
    return l && l->isVisibleTo(l->parentWidget()) ? l->text() : QString();
}

} // namespace vigil::ui
