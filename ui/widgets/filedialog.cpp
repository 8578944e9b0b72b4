#include "widgets/filedialog.h"

#include <QFileDialog>

#include <optional>

namespace vigil::ui {

namespace {
std::optional<QString> g_next;
}

QString FileDialog::getOpenFileName(QWidget* parent, const QString& caption, const QString& dir, const QString& filter)
{
    QString name;
    if (takeNext(&name))
        return name;
    return QFileDialog::getOpenFileName(parent, caption, dir, filter);
}

QString FileDialog::getSaveFileName(QWidget* parent, const QString& caption, const QString& dir, const QString& filter)
{
    QString name;
    if (takeNext(&name))
        return name;
    return QFileDialog::getSaveFileName(parent, caption, dir, filter);
}

void FileDialog::setNextFileName(const QString& fileName)
{
    g_next = fileName;
}

bool FileDialog::takeNext(QString* out)
{
    if (!g_next)
        return false;
    *out = *g_next;
    g_next.reset();
    return true;
}

} // namespace vigil::ui
