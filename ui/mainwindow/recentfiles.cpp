#include "mainwindow/recentfiles.h"

#include <QFileInfo>
#include <QSettings>

namespace vigil::ui {

namespace {
const QString kKey = QStringLiteral("workspaces/recent");
}

QStringList RecentFiles::list()
{
    return QSettings().value(kKey).toStringList();
}

void RecentFiles::add(const QString& path)
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    QStringList l = list();
    l.removeAll(abs);
    l.prepend(abs);
    while (l.size() > MaxEntries)
        l.removeLast();
    QSettings().setValue(kKey, l);
}

void RecentFiles::remove(const QString& path)
{
    QStringList l = list();
    l.removeAll(QFileInfo(path).absoluteFilePath());
    QSettings().setValue(kKey, l);
}

void RecentFiles::clear()
{
    QSettings().remove(kKey);
}

QString RecentFiles::lastExisting()
{
    for (const QString& p : list())
        if (QFileInfo(p).isFile())
            return p;
    return {};
}

} // namespace vigil::ui
