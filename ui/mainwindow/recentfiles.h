#pragma once

#include <QStringList>

namespace vigil::ui {

// The recently opened workspaces, most recent first, kept in QSettings.
class RecentFiles
{
public:
    static constexpr int MaxEntries = 8;

    static QStringList list();
    static void add(const QString& path);
    static void remove(const QString& path);
    static void clear();
    // The most recent workspace that still exists, or empty.
    static QString lastExisting();
};

} // namespace vigil::ui
