#include "render/reportfonts.h"

#include "report/svgchart.h"

#include <QFontDatabase>

namespace vigil::render {

QFont reportFont(qreal pointSize, bool bold)
{
    QFont f;
    f.setFamilies(report::reportFontFamilies());
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    f.setStyleStrategy(QFont::PreferAntialias);
    return f;
}

QStringList missingReportFonts()
{
    QStringList missing;
    const QStringList installed = QFontDatabase::families();
    for (const QString& f : report::reportFontFamilies())
        if (!installed.contains(f))
            missing << f;
    return missing;
}

} // namespace vigil::render
