#pragma once

#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <deque>
#include <memory>

class QIODevice;

namespace vigil {

// What a reader may be told; every guess it makes can be overridden here.
struct ReaderOptions
{
    // CSV: "" = detect (BOM, else UTF-8 if the whole file is valid UTF-8, else Windows-1252).
    // Accepted: UTF-8, UTF-16LE, UTF-16BE, UTF-16 (BOM decides), Windows-1252 (cp1252), ISO-8859-1 (latin1).
    QString encoding;
    // CSV: QChar() = detect among , ; TAB |
    QChar delimiter;
    // 1-based row of the header; 0 = detect (the first row that looks like a header, skipping title rows).
    int headerRow = 0;
    // XLSX: sheet name; empty = the first sheet.
    QString sheet;
    // CSV: a quote inside an unquoted field (5" screen) is an error unless this is false (then it is literal text).
    bool strictQuotes = true;

    // Limits on hostile or broken input: exceeding one is an Error, never a truncation.
    qint64 maxFieldChars = 1024 * 1024; // one cell
    qint64 maxRowChars = 16 * 1024 * 1024; // one row, all cells
    int maxColumns = 16384; // Excel's limit (XFD)
    qint64 maxSheetXmlBytes = 1024LL * 1024 * 1024; // XLSX: decompressed size of the sheet XML
    qint64 maxPartBytes = 256LL * 1024 * 1024; // XLSX: decompressed size of shared strings, styles, workbook

    // Set to true from any thread to stop reading: next() then fails with a "cancelled" Error.
    const std::atomic<bool>* cancelFlag = nullptr;
};

// A merged range of cells, 1-based and inclusive (XLSX only).
struct CellRange
{
    int firstRow = 0;
    int firstColumn = 0;
    int lastRow = 0;
    int lastColumn = 0;
    bool operator==(const CellRange& o) const
    {
        return firstRow == o.firstRow && firstColumn == o.firstColumn && lastRow == o.lastRow
            && lastColumn == o.lastColumn;
    }
};

// Streams the rows of a table file one at a time; memory does not grow with the file's size.
// Use from one thread at a time (a QThread worker is fine); cancel() may be called from any thread.
//
//     auto reader = TableReader::create(path, options);
//     if (Status s = reader->open(); !s) { show(s.error()); return; }
//     QStringList row;
//     while (reader->next(row)) { ... reader->rowNumber() ... }
//     if (reader->failed()) { show(reader->error()); }
//
// next() returns every row of the file, title rows included; headerRow() says which one is the header.
// Cells are text by the rules of CellFormat. A row with no cells is an empty list; empty rows at the end of
// the file are not returned. Rows never carry trailing cells beyond the last cell that has a value (XLSX) or
// beyond the last delimiter (CSV).
class TableReader
{
public:
    enum class Format { Csv, Xlsx };

    virtual ~TableReader();
    TableReader(const TableReader&) = delete;
    TableReader& operator=(const TableReader&) = delete;

    // Chooses the reader by content (zip or OLE2 compound file: XLSX), then by name (.xlsx/.xlsm: XLSX, else CSV).
    static std::unique_ptr<TableReader> create(const QString& path, const ReaderOptions& options = {});
    static Format detectFormat(const QString& path);

    // Opens the file, decides encoding/delimiter/sheet and the header row. Reads ahead a few rows for that.
    Status open();
    // The next row into `row`; false at the end or on error (then `row` is empty, and on error failed() is true and
    // error() says why).
    bool next(QStringList& row);
    bool failed() const { return m_failed; }
    const Error& error() const { return m_error; }
    // 1-based row number in the file (CSV record, sheet row) of the row last returned by next(); 0 before.
    qint64 rowNumber() const { return m_rowNumber; }
    // 0..1: how far through the file reading is.
    double progress() const;
    // Stops reading soon; safe to call from another thread.
    void cancel() { m_cancelled.store(true); }

    virtual Format format() const = 0;
    QString fileName() const { return m_fileName; }
    // The header row (1-based), detected or given; 0 if the file has no non-empty row.
    int headerRow() const { return m_headerRow; }
    bool headerRowDetected() const { return m_headerDetected; }
    // CSV: the encoding and delimiter used, and whether they were detected. Empty/null for XLSX.
    virtual QString encoding() const { return {}; }
    virtual bool encodingDetected() const { return false; }
    virtual QChar delimiter() const { return {}; }
    virtual bool delimiterDetected() const { return false; }
    // XLSX: the sheets of the workbook in order, the one being read, and its merged ranges (known at open()).
    virtual QStringList sheetNames() const { return {}; }
    virtual QString sheetName() const { return {}; }
    virtual QList<CellRange> mergedRanges() const { return {}; }

    // The header among the first rows of a file (1-based index, 0 if all are empty): the first row with at least
    // two non-empty cells and at least 60% as many as the fullest row. Rows above it are title rows. open() gives
    // it the first kLookaheadRows non-empty rows.
    static int detectHeaderRow(const QList<QStringList>& firstRows);
    static constexpr int kLookaheadRows = 20;

protected:
    TableReader(const QString& fileName, const ReaderOptions& options);

    // Subclasses: open the file, decide what they decide; return an Error with file set when it cannot be read.
    virtual Status doOpen() = 0;
    // The next row and its 1-based number; false at the end or after setError().
    virtual bool readRow(QStringList& row, qint64& rowNumber) = 0;
    virtual double doProgress() const = 0;

    bool isCancelled() const;
    // Records an error (the first one wins) naming the file; returns false for convenience.
    bool setError(const QString& message, qint64 row = -1, int column = -1, const QString& detail = {});
    bool setCancelledError();
    Error makeFileError(const QString& message, qint64 row = -1, int column = -1, const QString& detail = {}) const;

    ReaderOptions m_options;

private:
    struct Buffered
    {
        QStringList row;
        qint64 number = 0;
    };
    // The next non-empty row, from the look-ahead buffer or read from the source into `row`, and its number.
    bool nextNonEmpty(QStringList& row, qint64& number);

    QString m_fileName;
    Error m_error;
    bool m_failed = false;
    bool m_opened = false;
    qint64 m_rowNumber = 0;
    int m_headerRow = 0;
    bool m_headerDetected = false;
    std::atomic<bool> m_cancelled{false};
    std::deque<Buffered> m_lookahead;
    // Empty rows are not buffered: a gap in the row numbers before a non-empty row is returned as empty rows,
    // so empty rows at the end are dropped and memory stays bounded.
    Buffered m_held;
    bool m_hasHeld = false;
    qint64 m_gapNext = 1;
    qint64 m_gapEnd = 0;
};

} // namespace vigil
