#include "io/tablereader.h"

#include "io/csv/csvreader.h"
#include "io/xlsx/xlsxreader.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace vigil {

TableReader::TableReader(const QString& fileName, const ReaderOptions& options)
    : m_options(options)
    , m_fileName(fileName)
{
}

TableReader::~TableReader() = default;

TableReader::Format TableReader::detectFormat(const QString& path)
{
    // Content first: a zip or an OLE2 compound file goes to the XLSX reader (which refuses .xls and encrypted
    // workbooks with what to do). Text named .xls is read as CSV: ERP systems export CSV under that name. Text named
    // .xlsx/.xlsm goes to the XLSX reader, which says it is not a workbook.
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool xlsxName = suffix == QLatin1String("xlsx") || suffix == QLatin1String("xlsm")
        || suffix == QLatin1String("xltx") || suffix == QLatin1String("xltm");
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        const QByteArray magic = file.read(8);
        if (magic.startsWith("PK\x03\x04") || magic.startsWith("PK\x05\x06")
            || magic.startsWith(QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)))
            return Format::Xlsx;
    }
    return xlsxName ? Format::Xlsx : Format::Csv;
}

std::unique_ptr<TableReader> TableReader::create(const QString& path, const ReaderOptions& options)
{
    if (detectFormat(path) == Format::Xlsx)
        return std::make_unique<XlsxReader>(path, options);
    return std::make_unique<CsvReader>(path, options);
}

Status TableReader::open()
{
    if (m_opened)
        return m_failed ? Status(m_error) : Status();
    m_opened = true;
    Status s = doOpen();
    if (!s) {
        m_failed = true;
        m_error = s.error();
        return s;
    }
    // Read ahead to find the header row; rows with an error after them are still returned first.
    if (m_options.headerRow > 0) {
        m_headerRow = m_options.headerRow;
        return {};
    }
    QList<QStringList> rows;
    QList<qint64> numbers;
    QStringList row;
    qint64 number = 0;
    while (!m_failed && rows.size() < kLookaheadRows && readRow(row, number)) {
        if (std::all_of(row.cbegin(), row.cend(), [](const QString& c) { return c.isEmpty(); }))
            continue;
        if (!numbers.isEmpty() && number <= numbers.last()) {
            setError(QStringLiteral("rows are out of order (row %1 after row %2): the file is damaged")
                         .arg(number)
                         .arg(numbers.last()),
                     number);
            break;
        }
        rows << row;
        numbers << number;
        m_lookahead.push_back({row, number});
    }
    // Empty rows never decide the header, so the look-ahead holds only the first non-empty rows.
    const int index = detectHeaderRow(rows);
    m_headerRow = index > 0 ? int(numbers[index - 1]) : 0;
    m_headerDetected = m_headerRow > 0;
    if (m_failed && m_lookahead.empty())
        return m_error;
    return {};
}

int TableReader::detectHeaderRow(const QList<QStringList>& firstRows)
{
    auto filled = [](const QStringList& row) {
        return int(std::count_if(row.cbegin(), row.cend(), [](const QString& c) { return !c.trimmed().isEmpty(); }));
    };
    int widest = 0;
    int firstNonEmpty = 0;
    for (int i = 0; i < firstRows.size(); ++i) {
        const int n = filled(firstRows[i]);
        widest = std::max(widest, n);
        if (n > 0 && firstNonEmpty == 0)
            firstNonEmpty = i + 1;
    }
    if (widest < 2)
        return firstNonEmpty;
    const int needed = std::max(2, (widest * 6 + 9) / 10);
    for (int i = 0; i < firstRows.size(); ++i) {
        if (filled(firstRows[i]) >= needed)
            return i + 1;
    }
    return firstNonEmpty;
}

bool TableReader::nextNonEmpty(QStringList& row, qint64& number)
{
    if (!m_lookahead.empty()) {
        row = std::move(m_lookahead.front().row);
        number = m_lookahead.front().number;
        m_lookahead.pop_front();
        return true;
    }
    if (m_failed)
        return false;
    while (readRow(row, number)) {
        if (isCancelled())
            return setCancelledError();
        if (!std::all_of(row.cbegin(), row.cend(), [](const QString& c) { return c.isEmpty(); }))
            return true;
    }
    return false;
}

bool TableReader::next(QStringList& row)
{
    if (!m_opened && !open()) {
        row.clear();
        return false;
    }
    if (m_gapNext <= m_gapEnd) {
        row.clear();
        m_rowNumber = m_gapNext++;
        return true;
    }
    if (m_hasHeld) {
        m_hasHeld = false;
        row = std::move(m_held.row);
        m_rowNumber = m_held.number;
        return true;
    }
    // The row is read into the caller's list: its capacity serves again, row after row.
    qint64 number = 0;
    if ((m_failed && m_lookahead.empty()) || !nextNonEmpty(row, number)) {
        row.clear();
        return false;
    }
    if (number <= m_rowNumber) {
        row.clear();
        return setError(QStringLiteral("rows are out of order (row %1 after row %2): the file is damaged")
                            .arg(number)
                            .arg(m_rowNumber),
                        number);
    }
    if (number > m_rowNumber + 1) {
        m_gapNext = m_rowNumber + 1;
        m_gapEnd = number - 1;
        m_held.row = std::move(row);
        m_held.number = number;
        m_hasHeld = true;
        row.clear();
        m_rowNumber = m_gapNext++;
        return true;
    }
    m_rowNumber = number;
    return true;
}

double TableReader::progress() const
{
    if (!m_opened)
        return 0.0;
    return std::clamp(doProgress(), 0.0, 1.0);
}

bool TableReader::isCancelled() const
{
    return m_cancelled.load(std::memory_order_relaxed)
        || (m_options.cancelFlag && m_options.cancelFlag->load(std::memory_order_relaxed));
}

Error TableReader::makeFileError(const QString& message, qint64 row, int column, const QString& detail) const
{
    Error e;
    e.message = message;
    e.file = m_fileName;
    e.row = row;
    e.column = column;
    e.detail = detail;
    return e;
}

bool TableReader::setError(const QString& message, qint64 row, int column, const QString& detail)
{
    if (!m_failed) {
        m_failed = true;
        m_error = makeFileError(message, row, column, detail);
    }
    return false;
}

bool TableReader::setCancelledError()
{
    return setError(QStringLiteral("reading was cancelled"));
}

} // namespace vigil
