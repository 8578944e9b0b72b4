#include "widgets/icons.h"

#include <QApplication>
#include <QDir>

namespace vigil::ui {

QIcon themeIcon(std::initializer_list<const char*> names, QStyle::StandardPixmap fallback)
{
    for (const char* name : names) {
        const QString n = QString::fromLatin1(name);
        if (QIcon::hasThemeIcon(n))
            return QIcon::fromTheme(n);
    }
    return QApplication::style()->standardIcon(fallback);
}

void setUpIconTheme()
{
    if (QIcon::fallbackThemeName().isEmpty() || QIcon::fallbackThemeName() == QLatin1String("hicolor")) {
        for (const QString& dir : QIcon::themeSearchPaths())
            if (QDir(dir + QStringLiteral("/Adwaita")).exists()) {
                QIcon::setFallbackThemeName(QStringLiteral("Adwaita"));
                break;
            }
    }
}

} // namespace vigil::ui
