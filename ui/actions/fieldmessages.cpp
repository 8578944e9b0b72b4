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

QLabel* FieldMessages::waitForTheUser()
{
    if (!m_hint) {
        m_hint = new QLabel;
        m_hint->setObjectName(QStringLiteral("hint"));
        m_hint->setForegroundRole(QPalette::PlaceholderText);
        m_hint->setWordWrap(true);
        m_hint->hide();
    }
    return m_hint;
}

void FieldMessages::touch(const QStringList& fieldNames)
{
    for (const QString& f : fieldNames)
        m_touched.insert(f);
}

void FieldMessages::reveal()
{
    m_revealed = true;
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
    QStringList waiting; // messages of fields the user has not come to yet
    for (auto it = m_labels.begin(); it != m_labels.end(); ++it) {
        QString text = byField.value(it.key());
        if (!text.isEmpty() && m_hint && !m_revealed && !m_touched.contains(it.key())) {
            waiting << text;
            text.clear();
        }
        it.value()->setText(text);
        it.value()->setVisible(!text.isEmpty());
    }
    if (m_hint) {
        // In the order of the issues (the form's order), not the hash's.
        QStringList ordered;
        for (const ValidationIssue& i : issues)
            if (waiting.contains(i.message) && !ordered.contains(i.message))
                ordered << i.message;
        m_hint->setText(ordered.join(QLatin1Char('\n')));
        m_hint->setVisible(!ordered.isEmpty());
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

QString FieldMessages::hint() const
{
    return m_hint && m_hint->isVisibleTo(m_hint->parentWidget()) ? m_hint->text() : QString();
}

} // namespace vigil::ui
