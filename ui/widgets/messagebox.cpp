#include "widgets/messagebox.h"

namespace vigil::ui {

namespace {
QMessageBox::StandardButton g_next = QMessageBox::NoButton;
QMessageBox::StandardButton g_always = QMessageBox::NoButton;
QString g_lastTitle;
QString g_lastText;
int g_count = 0;
} // namespace

QMessageBox::StandardButton MessageBox::critical(QWidget* parent, const QString& title, const QString& text,
                                                 const QString& detail)
{
    return show(parent, QMessageBox::Critical, title, text, detail, QMessageBox::Ok, QMessageBox::Ok);
}

QMessageBox::StandardButton MessageBox::warning(QWidget* parent, const QString& title, const QString& text,
                                                const QString& detail)
{
    return show(parent, QMessageBox::Warning, title, text, detail, QMessageBox::Ok, QMessageBox::Ok);
}

QMessageBox::StandardButton MessageBox::question(QWidget* parent, const QString& title, const QString& text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton)
{
    return show(parent, QMessageBox::Question, title, text, {}, buttons, defaultButton);
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer)
{
    g_next = answer;
}

void MessageBox::setAlwaysAnswer(QMessageBox::StandardButton answer)
{
    g_always = answer;
}

QString MessageBox::lastTitle()
{
    return g_lastTitle;
}

QString MessageBox::lastText()
{
    return g_lastText;
}

int MessageBox::shownCount()
{
    return g_count;
}

QMessageBox::StandardButton MessageBox::show(QWidget* parent, QMessageBox::Icon icon, const QString& title,
                                             const QString& text, const QString& detail,
                                             QMessageBox::StandardButtons buttons,
                                             QMessageBox::StandardButton defaultButton)
{
    g_lastTitle = title;
    g_lastText = text;
    ++g_count;
    if (g_next != QMessageBox::NoButton)
        return std::exchange(g_next, QMessageBox::NoButton);
    if (g_always != QMessageBox::NoButton)
        return g_always;
    QMessageBox box(icon, title, text, buttons, parent);
    box.setDefaultButton(defaultButton);
    if (!detail.isEmpty())
        box.setDetailedText(detail);
    return QMessageBox::StandardButton(box.exec());
}

} // namespace vigil::ui
