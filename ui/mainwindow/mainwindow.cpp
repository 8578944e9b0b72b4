#include "mainwindow/mainwindow.h"

namespace vigil::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(QStringLiteral("Vigil"));
}

} // namespace vigil::ui
