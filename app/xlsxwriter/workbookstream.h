#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace vigil::xlsxhelper {

// Turns the line protocol of vigil-xlsxwriter (see README.md) into a libxlsxwriter workbook.
//
// The workbook is written in libxlsxwriter's constant-memory mode: each row goes to a temporary file as soon as
// the next row starts, so memory does not grow with the number of rows. Every sheet gets a bold header row that
// stays frozen, an autofilter over its table and column widths from the longest value of each column.
class WorkbookStream
{
public:
    WorkbookStream() = default;
    ~WorkbookStream();
    WorkbookStream(const WorkbookStream&) = delete;
    WorkbookStream& operator=(const WorkbookStream&) = delete;

    // `tmpDir` holds libxlsxwriter's temporary files; empty = the system's.
    bool open(const QString& outPath, const QString& tmpDir);
    // One line of input (without its line break). After `{"end":true}` finished() is true.
    bool feed(const QByteArray& line);
    bool finished() const { return m_finished; }
    QString error() const { return m_error; }

    // OOXML reads `_xHHHH_` in a string as an escaped character: a literal one must be written `_x005F_xHHHH_`.
    // (libxlsxwriter escapes control characters itself but not this.)
    static QByteArray escapeLiteralEscapes(const QByteArray& utf8);
    // How wide a text looks in a spreadsheet, in characters (East Asian wide characters count two).
    static int displayWidth(const QString& text);

private:
    bool fail(const QString& message);
    bool startSheet(const QString& name, const QList<QString>& header);
    bool finishSheet();
    bool writeRow(const QByteArray& line);
    void widen(int column, int width);
    bool close();

    lxw_workbook* m_workbook = nullptr;
    lxw_worksheet* m_sheet = nullptr;
    lxw_format* m_bold = nullptr;
    lxw_format* m_date = nullptr;
    lxw_format* m_dateTime = nullptr;
    QByteArray m_outPath;
    QByteArray m_tmpDir;
    QString m_sheetName;
    QList<int> m_widths;
    int m_headerColumns = 0;
    int m_maxColumn = -1;
    quint32 m_row = 0; // next row of the current sheet
    bool m_handshake = false;
    bool m_finished = false;
    QString m_error;
};

} // namespace vigil::xlsxhelper
