#pragma once

#include "util/result.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

namespace vigil {

// Writes an XLSX workbook of one or more sheets, row by row, with libxlsxwriter.
//
// libxlsxwriter runs in a helper program, vigil-xlsxwriter (app/xlsxwriter/), never in this process: Debian's
// QuaZip, which the XLSX reader needs, exports its own modified minizip under the same names libxlsxwriter
// imports (zipOpen, zipWriteInFileInZip, zipClose ...), and one process can only bind each name once, so one of
// the two libraries would run the other's zip code (app/xlsxwriter/README.md has the evidence). The writer
// streams the rows to the helper's standard input (a JSON-lines protocol, see that README); neither process
// holds more than a few rows, so memory does not grow with the number of rows.
//
// Cells are QVariants:
// - null or invalid: an empty cell;
// - QString: text; a text a spreadsheet could run as a formula (= + - @ TAB CR first) gets the leading
//   apostrophe of cellguard.h, which the importer removes again;
// - int, qlonglong, uint, qulonglong, double, float: a number;
// - bool: a boolean;
// - QDate: a date shown yyyy-mm-dd; QDateTime: a date and time shown yyyy-mm-dd hh:mm:ss, as given (no time zone
//   conversion). Dates before 1900 or after 9999 are an error: a spreadsheet cannot hold them.
// Every sheet with a header gets it in bold, frozen above the rows, with an autofilter; columns are as wide as
// their longest value (within limits).
//
// The workbook is written to a temporary file; close() moves it to `path` through SaveFile only when the helper
// finished without error, so `path` is never left half-written or replaced by a broken file.
//
// The helper is looked for (helperProgram()) in $VIGIL_XLSXWRITER, next to the running program, and in
// ../libexec/vigil/ from it (the installed layout).
class XlsxWorkbookWriter
{
public:
    XlsxWorkbookWriter();
    // A workbook that was not closed is abandoned: the helper is stopped and nothing is written to the path.
    ~XlsxWorkbookWriter();
    XlsxWorkbookWriter(const XlsxWorkbookWriter&) = delete;
    XlsxWorkbookWriter& operator=(const XlsxWorkbookWriter&) = delete;

    // Starts the helper. Fails when it cannot be found or started (the error says where it was looked for).
    Status open(const QString& path);
    // Starts the next sheet. Names: at most 31 characters, none of []:*?/\, unique in the workbook.
    // An empty header gives a sheet without header row, frozen pane or filter.
    Status addSheet(const QString& name, const QStringList& header);
    Status addRow(const QVariantList& cells);
    // Finishes the workbook and saves it at the path given to open().
    Status close();

    // Rows of the current sheet written so far, the header included.
    qint64 rowsInSheet() const;

    static constexpr qint64 kMaxRows = 1048576; // rows of one sheet, header included
    static constexpr int kMaxColumns = 16384;
    static constexpr const char* kHelperName = "vigil-xlsxwriter";
    static constexpr const char* kHelperEnv = "VIGIL_XLSXWRITER";
    // Where the helper is; an Error naming the places looked in when it is not there.
    static Result<QString> helperProgram();
    // The protocol line for one row (exposed for tests): a JSON array, UTF-8, ending in '\n'.
    static Result<QByteArray> encodeRow(const QVariantList& cells);

private:
    struct Private;
    Status send(const QByteArray& line);
    Error helperFailure(const QString& context);
    Status fail(Error e);

    std::unique_ptr<Private> d;
};

} // namespace vigil
