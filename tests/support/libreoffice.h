#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace vigil::test {

// The part of LibreOffice a test needs: any (the program alone), Calc (spreadsheets) or Writer (text documents).
enum class Office { Any, Calc, Writer };

// The LibreOffice program (soffice or libreoffice on the PATH), or empty when it, or the part `needs`, is not
// installed (then the test skips, saying which package to install).
QString soffice(Office needs = Office::Any);

// The rows of a UTF-8 CSV that LibreOffice wrote (RFC 4180: quoted fields, doubled quotes, CRLF or LF; a BOM is
// dropped). Parsed here, apart from Vigil's own CSV reader, so that a test of what Vigil writes does not depend on
// what Vigil reads.
QList<QStringList> parseCsv(const QByteArray& bytes);

} // namespace vigil::test
