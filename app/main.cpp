#include "mainwindow/mainwindow.h"

#include <QApplication>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Vigil"));
    QApplication::setApplicationName(QStringLiteral("Vigil"));
    QApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));
    vigil::ui::MainWindow window;
    window.show();
    return app.exec();
}
