#pragma once

#include <QFont>
#include <QStringList>

namespace vigil::render {

// The report font: Noto Sans for Latin and Vietnamese, then Noto Sans Thai, Myanmar, Bengali and CJK SC as
// explicit fallbacks, so that every supplier name is drawn with a real glyph (Debian: fonts-noto-core,
// fonts-noto-cjk).
QFont reportFont(qreal pointSize, bool bold = false);
// The families of reportFontFamilies() that the font database does not have (empty when all are installed).
QStringList missingReportFonts();

} // namespace vigil::render
