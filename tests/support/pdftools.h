#pragma once

#include <QString>
#include <QStringList>

namespace vigil::test {

// A PDF read back by poppler-utils, which Vigil does not use to write it.

// The text of `pdf` by pdftotext, as UTF-8: of page `page` alone (1-based), or of every page when it is 0; `options`
// go to pdftotext too (-layout, -raw ...). Empty when pdftotext fails or is not installed.
QString pdfText(const QString& pdf, int page = 0, const QStringList& options = {});

// The number of pages of `pdf` by pdfinfo, or -1.
int pdfPageCount(const QString& pdf);

} // namespace vigil::test
