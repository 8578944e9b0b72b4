#pragma once

#include <QIcon>
#include <QStyle>

#include <initializer_list>

namespace vigil::ui {

// An icon from the desktop's freedesktop theme (the first of names that exists, in the theme or the fallback
// theme), else a QStyle standard icon: Vigil draws none of its own.
QIcon themeIcon(std::initializer_list<const char*> names, QStyle::StandardPixmap fallback);

// Where the desktop gives no icon theme (bare X servers, offscreen, Windows), look in Adwaita when installed.
void setUpIconTheme();

} // namespace vigil::ui
