#pragma once

#include <QString>

class QWidget;

namespace vigil::ui {

// Every file dialog of the GUI goes through here (KeePassXC's FileDialog): tests set the next file name, and the
// dialog is then not shown. An empty next name (set with setNextFileName(QString(""))) means "cancelled".
class FileDialog
{
public:
    static QString getOpenFileName(QWidget* parent, const QString& caption, const QString& dir, const QString& filter);
    static QString getSaveFileName(QWidget* parent, const QString& caption, const QString& dir, const QString& filter);

    static void setNextFileName(const QString& fileName);

private:
    static bool takeNext(QString* out);
};

} // namespace vigil::ui
