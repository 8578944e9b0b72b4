#pragma once

#include <QMessageBox>
#include <QString>

namespace vigil::ui {

// Every message box of the GUI goes through here (KeePassXC's MessageBox): tests set the next answer, and the box
// is then not shown at all, so nothing modal ever blocks a test. The last message is kept for tests to read.
class MessageBox
{
public:
    static QMessageBox::StandardButton critical(QWidget* parent, const QString& title, const QString& text,
                                                const QString& detail = {});
    static QMessageBox::StandardButton warning(QWidget* parent, const QString& title, const QString& text,
                                               const QString& detail = {});
    static QMessageBox::StandardButton question(QWidget* parent, const QString& title, const QString& text,
                                                QMessageBox::StandardButtons buttons
                                                = QMessageBox::Yes | QMessageBox::No,
                                                QMessageBox::StandardButton defaultButton = QMessageBox::No);

    // Test seam: the answer of the next box (which is then not shown). NoButton shows boxes again.
    static void setNextAnswer(QMessageBox::StandardButton answer);
    // Test seam: answer every box with this until reset with NoButton.
    static void setAlwaysAnswer(QMessageBox::StandardButton answer);
    static QString lastTitle();
    static QString lastText();
    static int shownCount();

private:
    static QMessageBox::StandardButton show(QWidget* parent, QMessageBox::Icon icon, const QString& title,
                                            const QString& text, const QString& detail,
                                            QMessageBox::StandardButtons buttons,
                                            QMessageBox::StandardButton defaultButton);
};

} // namespace vigil::ui
