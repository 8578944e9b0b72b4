#pragma once

#include "util/result.h"

#include <QString>

#include <memory>
#include <optional>

class QIODevice;
class QuaZip;
class QuaZipFile;

namespace vigil {

// Writes a one-sheet .xlsx workbook row by row (the sheet XML is deflated as it is written, so memory stays flat).
//
// Why not libxlsxwriter: Debian's QuaZip exports minizip's zipOpen3/zipWriteInFileInZip..., and in a process that
// links both QuaZip (for the XLSX reader) and libxlsxwriter, libxlsxwriter's calls resolve to QuaZip's copies,
// which take a QIODevice where minizip takes a FILE*: workbook_close() crashes. This writer uses QuaZip itself.
//
// Strings are inline strings; characters XML 1.0 cannot carry are written as OOXML _xHHHH_ escapes, and a literal
// "_x" is escaped as _x005F_, so every string reads back exactly.
class XlsxSheetWriter
{
public:
    XlsxSheetWriter();
    ~XlsxSheetWriter();
    XlsxSheetWriter(const XlsxSheetWriter&) = delete;
    XlsxSheetWriter& operator=(const XlsxSheetWriter&) = delete;

    // `device` must be open for writing and outlive the writer.
    Status open(QIODevice* device, const QString& sheetName);
    void beginRow();
    void addText(const QString& text, bool bold = false);
    void addNumber(double value);
    void addEmpty();
    Status endRow();
    Status close();

    static constexpr qint64 kMaxRows = 1048576;
    static QString escapeText(const QString& text);

private:
    Status writePart(const QString& name, const QByteArray& data);
    QString cellRef() const;

    std::unique_ptr<QuaZip> m_zip;
    std::unique_ptr<QuaZipFile> m_sheet;
    QString m_sheetName;
    QByteArray m_row;
    qint64 m_rowIndex = 0;
    int m_column = 0;
    bool m_failed = false;
};

} // namespace vigil
