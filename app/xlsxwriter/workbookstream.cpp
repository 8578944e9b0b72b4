#include "workbookstream.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <xlsxwriter.h>

#include <algorithm>

namespace vigil::xlsxhelper {

namespace {

constexpr quint32 kMaxRows = LXW_ROW_MAX; // 1,048,576
constexpr int kMaxColumns = LXW_COL_MAX; // 16,384
constexpr int kMinWidth = 6;
constexpr int kMaxWidth = 60;
constexpr int kWidthSample = 200; // characters of a text looked at for its width

QString libError(lxw_error e)
{
    return QString::fromUtf8(lxw_strerror(e));
}

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool parseDate(const QString& text, bool withTime, lxw_datetime& out)
{
    QDate d;
    QTime t(0, 0);
    if (withTime) {
        const QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!dt.isValid())
            return false;
        d = dt.date();
        t = dt.time();
    } else {
        d = QDate::fromString(text, Qt::ISODate);
    }
    // The 1900 date system starts on 1900-01-01 and spreadsheets stop at 9999-12-31.
    if (!d.isValid() || d.year() < 1900 || d.year() > 9999)
        return false;
    out.year = d.year();
    out.month = d.month();
    out.day = d.day();
    out.hour = t.hour();
    out.min = t.minute();
    out.sec = t.second() + t.msec() / 1000.0;
    return true;
}

} // namespace

WorkbookStream::~WorkbookStream()
{
    if (m_workbook)
        lxw_workbook_free(m_workbook); // abandoned: nothing is written
}

QByteArray WorkbookStream::escapeLiteralEscapes(const QByteArray& utf8)
{
    int from = utf8.indexOf("_x");
    if (from < 0)
        return utf8;
    QByteArray out;
    out.reserve(utf8.size() + 16);
    int copied = 0;
    for (; from >= 0; from = utf8.indexOf("_x", from + 1)) {
        if (from + 6 < utf8.size() && isHex(utf8.at(from + 2)) && isHex(utf8.at(from + 3)) && isHex(utf8.at(from + 4))
            && isHex(utf8.at(from + 5)) && utf8.at(from + 6) == '_') {
            out.append(utf8.constData() + copied, from - copied);
            out.append("_x005F");
            copied = from; // the literal "_xHHHH_" follows the escaped underscore
        }
    }
    out.append(utf8.constData() + copied, utf8.size() - copied);
    return out;
}

int WorkbookStream::displayWidth(const QString& text)
{
    int widest = 0;
    int width = 0;
    const int n = int(std::min<qsizetype>(text.size(), kWidthSample));
    for (int i = 0; i < n; ++i) {
        char32_t u = text.at(i).unicode();
        if (text.at(i).isHighSurrogate() && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
            u = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            ++i;
        }
        if (u == '\n') {
            widest = std::max(widest, width);
            width = 0;
            continue;
        }
        const bool wide = (u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0xA4CF) || (u >= 0xAC00 && u <= 0xD7A3)
            || (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFE30 && u <= 0xFE4F) || (u >= 0xFF00 && u <= 0xFF60)
            || (u >= 0xFFE0 && u <= 0xFFE6) || (u >= 0x20000 && u <= 0x3FFFD);
        const bool combining = QChar::category(u) == QChar::Mark_NonSpacing;
        width += wide ? 2 : (combining ? 0 : 1);
    }
    return std::max(widest, width);
}

bool WorkbookStream::fail(const QString& message)
{
    if (m_error.isEmpty())
        m_error = message;
    return false;
}

bool WorkbookStream::open(const QString& outPath, const QString& tmpDir)
{
    m_outPath = outPath.toLocal8Bit();
    m_tmpDir = tmpDir.toLocal8Bit();
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = m_tmpDir.isEmpty() ? nullptr : m_tmpDir.data();
    options.use_zip64 = LXW_TRUE;
    m_workbook = workbook_new_opt(m_outPath.constData(), &options);
    if (!m_workbook)
        return fail(QStringLiteral("cannot start a workbook for %1").arg(outPath));
    m_bold = workbook_add_format(m_workbook);
    format_set_bold(m_bold);
    m_date = workbook_add_format(m_workbook);
    format_set_num_format(m_date, "yyyy-mm-dd");
    m_dateTime = workbook_add_format(m_workbook);
    format_set_num_format(m_dateTime, "yyyy-mm-dd hh:mm:ss");
    return true;
}

bool WorkbookStream::feed(const QByteArray& line)
{
    if (m_finished)
        return fail(QStringLiteral("input after the end record"));
    if (m_handshake && line.startsWith('['))
        return writeRow(line);
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(line, &pe);
    const QJsonObject o = doc.object();
    if (!m_handshake) {
        if (o.value(QLatin1String("vigil-xlsx")).toInt() != 1)
            return fail(QStringLiteral("the first line must be {\"vigil-xlsx\":1}"));
        m_handshake = true;
        return true;
    }
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return fail(QStringLiteral("not a record of the protocol (%1)").arg(pe.errorString()));
    if (o.contains(QLatin1String("sheet"))) {
        QList<QString> header;
        for (const QJsonValue& v : o.value(QLatin1String("header")).toArray())
            header << v.toString();
        return startSheet(o.value(QLatin1String("sheet")).toString(), header);
    }
    if (o.value(QLatin1String("end")).toBool())
        return close();
    return fail(QStringLiteral("unknown record"));
}

bool WorkbookStream::startSheet(const QString& name, const QList<QString>& header)
{
    if (!finishSheet())
        return false;
    if (name.isEmpty())
        return fail(QStringLiteral("a sheet needs a name"));
    const QByteArray utf8 = name.toUtf8();
    if (const lxw_error e = workbook_validate_sheet_name(m_workbook, utf8.constData()); e != LXW_NO_ERROR)
        return fail(QStringLiteral("the sheet name \"%1\" cannot be used: %2").arg(name, libError(e)));
    m_sheet = workbook_add_worksheet(m_workbook, utf8.constData());
    if (!m_sheet)
        return fail(QStringLiteral("cannot add the sheet \"%1\"").arg(name));
    m_sheetName = name;
    m_row = 0;
    m_widths.clear();
    m_maxColumn = -1;
    m_headerColumns = int(header.size());
    if (header.isEmpty())
        return true;
    if (header.size() > kMaxColumns)
        return fail(QStringLiteral("sheet \"%1\": %2 columns, more than a sheet holds (%3)")
                        .arg(name)
                        .arg(header.size())
                        .arg(kMaxColumns));
    for (int c = 0; c < header.size(); ++c) {
        const QByteArray text = escapeLiteralEscapes(header.at(c).toUtf8());
        if (const lxw_error e = worksheet_write_string(m_sheet, 0, lxw_col_t(c), text.constData(), m_bold);
            e != LXW_NO_ERROR)
            return fail(QStringLiteral("sheet \"%1\", header column %2: %3").arg(name).arg(c + 1).arg(libError(e)));
        widen(c, displayWidth(header.at(c)) + 3); // bold, and room for the filter button
    }
    worksheet_freeze_panes(m_sheet, 1, 0);
    m_row = 1;
    return true;
}

void WorkbookStream::widen(int column, int width)
{
    if (column >= m_widths.size())
        m_widths.resize(column + 1, 0);
    m_widths[column] = std::max(m_widths.at(column), width);
    m_maxColumn = std::max(m_maxColumn, column);
}

bool WorkbookStream::writeRow(const QByteArray& line)
{
    if (!m_sheet)
        return fail(QStringLiteral("a row before any sheet"));
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(line, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isArray())
        return fail(QStringLiteral("a row is not a JSON array (%1)").arg(pe.errorString()));
    const QJsonArray cells = doc.array();
    if (m_row >= kMaxRows)
        return fail(
            QStringLiteral("sheet \"%1\" has more rows than a sheet holds (%2)").arg(m_sheetName).arg(kMaxRows));
    if (cells.size() > kMaxColumns)
        return fail(QStringLiteral("sheet \"%1\", row %2: %3 cells, more than a row holds (%4)")
                        .arg(m_sheetName)
                        .arg(m_row + 1)
                        .arg(cells.size())
                        .arg(kMaxColumns));
    const lxw_row_t row = m_row;
    for (int c = 0; c < cells.size(); ++c) {
        const QJsonValue v = cells.at(c);
        const auto col = lxw_col_t(c);
        lxw_error e = LXW_NO_ERROR;
        auto where = [&] {
            return QStringLiteral("sheet \"%1\", row %2, column %3").arg(m_sheetName).arg(row + 1).arg(c + 1);
        };
        switch (v.type()) {
        case QJsonValue::Null:
            break;
        case QJsonValue::Bool:
            e = worksheet_write_boolean(m_sheet, row, col, v.toBool() ? 1 : 0, nullptr);
            widen(c, 6);
            break;
        case QJsonValue::Double: {
            const double d = v.toDouble();
            e = worksheet_write_number(m_sheet, row, col, d, nullptr);
            widen(c, int(QString::number(d, 'g', 15).size()) + 1);
            break;
        }
        case QJsonValue::String: {
            const QString s = v.toString();
            if (s.isEmpty())
                break;
            const QByteArray text = escapeLiteralEscapes(s.toUtf8());
            e = worksheet_write_string(m_sheet, row, col, text.constData(), nullptr);
            if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
                return fail(where() + QStringLiteral(": the text is longer than the 32,767 characters a cell holds"));
            widen(c, displayWidth(s) + 1);
            break;
        }
        case QJsonValue::Object: {
            const QJsonObject o = v.toObject();
            const bool withTime = o.contains(QLatin1String("datetime"));
            if (o.size() != 1 || (!withTime && !o.contains(QLatin1String("date"))))
                return fail(where() + QStringLiteral(": an object cell is {\"date\":...} or {\"datetime\":...}"));
            const QString text = o.value(withTime ? QLatin1String("datetime") : QLatin1String("date")).toString();
            lxw_datetime dt{};
            if (!parseDate(text, withTime, dt))
                return fail(where() + QStringLiteral(": \"%1\" is not a date between 1900 and 9999").arg(text));
            e = worksheet_write_datetime(m_sheet, row, col, &dt, withTime ? m_dateTime : m_date);
            widen(c, withTime ? 20 : 11);
            break;
        }
        default:
            return fail(where() + QStringLiteral(": a cell is a string, number, boolean, null or date object"));
        }
        if (e != LXW_NO_ERROR)
            return fail(where() + QStringLiteral(": ") + libError(e));
    }
    ++m_row;
    return true;
}

bool WorkbookStream::finishSheet()
{
    if (!m_sheet)
        return true;
    for (int c = 0; c <= m_maxColumn; ++c) {
        const int w = std::clamp(m_widths.value(c), kMinWidth, kMaxWidth);
        worksheet_set_column(m_sheet, lxw_col_t(c), lxw_col_t(c), w, nullptr);
    }
    if (m_headerColumns > 0) {
        const lxw_row_t last = std::max<lxw_row_t>(m_row, 1) - 1;
        if (const lxw_error e = worksheet_autofilter(m_sheet, 0, 0, last, lxw_col_t(m_headerColumns - 1));
            e != LXW_NO_ERROR)
            return fail(QStringLiteral("sheet \"%1\": cannot add the filter: %2").arg(m_sheetName, libError(e)));
    }
    m_sheet = nullptr;
    return true;
}

bool WorkbookStream::close()
{
    if (!finishSheet())
        return false;
    if (m_sheetName.isEmpty())
        return fail(QStringLiteral("the workbook has no sheet"));
    const lxw_error e = workbook_close(m_workbook); // frees the workbook, whatever the outcome
    m_workbook = nullptr;
    if (e != LXW_NO_ERROR)
        return fail(QStringLiteral("cannot write the workbook: %1").arg(libError(e)));
    m_finished = true;
    return true;
}

} // namespace vigil::xlsxhelper
