#pragma once

#include <QString>

namespace vigil {

// The text of a cell, the same for the preview and the importer:
// - text verbatim (leading zeros kept), empty cells ""
// - numbers in shortest round-trip form without grouping; integral values without ".0" (up to 2^53)
// - dates ISO 8601 "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS" when there is a time of day, "HH:MM:SS" for a time alone
// - booleans TRUE / FALSE; formulas their cached value; errors as Excel writes them (#N/A)
class CellFormat
{
public:
    enum class DateKind { None, Date, Time, DateTime };

    static QString number(double value);
    static QString boolean(bool value) { return value ? QStringLiteral("TRUE") : QStringLiteral("FALSE"); }
    // A spreadsheet serial date in the 1900 system (with its 1900-02-29) or the 1904 system. Values outside
    // 0 .. 9999-12-31 are not dates: they come back as numbers.
    static QString serialDate(double serial, bool date1904, DateKind kind);
    // An ISO 8601 date/time text (the t="d" cells of XLSX) in the form above; unparsable text comes back as is.
    static QString isoDate(const QString& text);

    // Built-in number format ids that are dates or times (14-22, 45-47 and the East Asian 27-36, 50-58).
    static DateKind builtinKind(int numFmtId);
    // A custom format code's kind by its tokens (y m d h s AM/PM), ignoring quoted text, [colour]/[$-locale]
    // sections, backslash escapes and _x / *x padding.
    static DateKind formatCodeKind(const QString& code);
};

} // namespace vigil
