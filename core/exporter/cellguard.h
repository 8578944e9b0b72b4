#pragma once

#include <QString>

namespace vigil::cellguard {

// Spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts with = + - @ TAB or CR may be run as
// a formula by Excel or LibreOffice. Exports write such cells with a leading apostrophe, which spreadsheets show
// as text. So that the round trip is exact, a cell that already starts with apostrophes followed by one of those
// characters gets one more apostrophe; unguard() removes exactly one apostrophe from such cells and leaves every
// other cell alone.
bool needsGuard(const QString& cell);
QString guard(const QString& cell);
QString unguard(const QString& cell);

} // namespace vigil::cellguard
