// vigil-cli preview FILE [--sheet NAME] [--header-row N] [--encoding E] [--delimiter C] [--limit N] [--json]
//                  [--lenient-quotes]
//
// Shows the cells of a CSV or XLSX file exactly as the importer sees them (io/tablereader.h, io/cellformat.h).
// Rows are printed from the header row on: title rows above a detected or given header are left out; with no
// header row given and no title row detected, that is every row. Empty rows between rows are printed as [].
// --json prints ONE JSON array of arrays of strings. If reading fails midway, the output stops where it failed
// (the JSON is then left unclosed) and the exit status is 1.
#include "clicommand.h"

#include "io/csv/textdecoder.h"
#include "io/tablereader.h"

#include <QFileInfo>

#include <algorithm>

using namespace vigil;
using namespace vigil::cli;

namespace {

const char* const kUsage
    = "preview FILE [--sheet NAME] [--header-row N] [--encoding E] [--delimiter C] [--limit N] [--json]\n"
      "       [--lenient-quotes]";

void writeJsonString(QTextStream& out, const QString& s)
{
    QString e;
    e.reserve(s.size() + 2);
    e += QLatin1Char('"');
    for (QChar c : s) {
        switch (c.unicode()) {
        case u'"':
            e += QLatin1String("\\\"");
            break;
        case u'\\':
            e += QLatin1String("\\\\");
            break;
        case u'\n':
            e += QLatin1String("\\n");
            break;
        case u'\r':
            e += QLatin1String("\\r");
            break;
        case u'\t':
            e += QLatin1String("\\t");
            break;
        default:
            if (c.unicode() < 0x20)
                e += QStringLiteral("\\u%1").arg(uint(c.unicode()), 4, 16, QLatin1Char('0'));
            else
                e += c;
        }
    }
    e += QLatin1Char('"');
    out << e;
}

QString displayCell(const QString& cell, int width)
{
    QString s = cell;
    s.replace(QLatin1String("\r\n"), QStringLiteral("\u21B5"));
    s.replace(QLatin1Char('\n'), QStringLiteral("\u21B5"));
    s.replace(QLatin1Char('\r'), QStringLiteral("\u21B5"));
    s.replace(QLatin1Char('\t'), QLatin1Char(' '));
    if (s.size() > width)
        s = s.left(width - 1) + QStringLiteral("\u2026");
    return s;
}

QString delimiterName(QChar d)
{
    if (d == QLatin1Char('\t'))
        return QStringLiteral("TAB");
    return QStringLiteral("'%1'").arg(d);
}

QString columnName(int column)
{
    QString name;
    while (column > 0) {
        const int r = (column - 1) % 26;
        name.prepend(QChar(u'A' + r));
        column = (column - 1) / 26;
    }
    return name;
}

int runPreview(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption sheet(QStringLiteral("sheet"),
                                   QStringLiteral("XLSX: the sheet to read (default: the "
                                                  "first)."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption headerRow(QStringLiteral("header-row"),
                                       QStringLiteral("The 1-based row of the header (default: detected)."),
                                       QStringLiteral("N"));
    const QCommandLineOption encoding(QStringLiteral("encoding"),
                                      QStringLiteral("CSV: UTF-8, UTF-16LE, UTF-16BE, UTF-16, Windows-1252 or "
                                                     "ISO-8859-1 (default: detected)."),
                                      QStringLiteral("E"));
    const QCommandLineOption delimiter(QStringLiteral("delimiter"),
                                       QStringLiteral("CSV: the delimiter, one character or 'tab' (default: "
                                                      "detected among , ; TAB |)."),
                                       QStringLiteral("C"));
    const QCommandLineOption limit(QStringLiteral("limit"),
                                   QStringLiteral("At most N rows after the header (0: all; default 20, or all "
                                                  "with --json)."),
                                   QStringLiteral("N"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print one JSON array of rows (arrays of strings), header first."));
    const QCommandLineOption lenient(QStringLiteral("lenient-quotes"),
                                     QStringLiteral("CSV: a quote inside an unquoted field is text (default: an "
                                                    "error)."));
    parser.addOptions({sheet, headerRow, encoding, delimiter, limit, json, lenient});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The CSV or XLSX file."));
    if (auto rc = ctx.parse(parser, args, QString::fromLatin1(kUsage)))
        return *rc;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(
            QStringLiteral("preview needs exactly one FILE\nusage: vigil-cli %1").arg(QString::fromLatin1(kUsage)));

    ReaderOptions options;
    const QString path = parser.positionalArguments().first();
    if (parser.isSet(sheet))
        options.sheet = parser.value(sheet);
    if (parser.isSet(headerRow)) {
        bool ok = false;
        options.headerRow = parser.value(headerRow).toInt(&ok);
        if (!ok || options.headerRow < 1)
            return ctx.usage(QStringLiteral("--header-row needs a row number from 1"));
    }
    if (parser.isSet(encoding)) {
        options.encoding = parser.value(encoding);
        const QString n = options.encoding.toLower().remove(QLatin1Char('-')).remove(QLatin1Char('_'));
        if (!TextDecoder::fromName(options.encoding) && n != QLatin1String("utf16"))
            return ctx.usage(QStringLiteral("unknown encoding '%1': use UTF-8, UTF-16LE, UTF-16BE, UTF-16, "
                                            "Windows-1252 or ISO-8859-1")
                                 .arg(options.encoding));
    }
    if (parser.isSet(delimiter)) {
        const QString d = parser.value(delimiter);
        if (d.compare(QLatin1String("tab"), Qt::CaseInsensitive) == 0 || d == QLatin1String("\\t"))
            options.delimiter = QLatin1Char('\t');
        else if (d.size() == 1 && d != QLatin1String("\"") && d != QLatin1String("\n") && d != QLatin1String("\r"))
            options.delimiter = d.at(0);
        else
            return ctx.usage(QStringLiteral("--delimiter needs one character (not a quote) or 'tab'"));
    }
    options.strictQuotes = !parser.isSet(lenient);
    const bool asJson = parser.isSet(json);
    qint64 maxRows = asJson ? 0 : 20;
    if (parser.isSet(limit)) {
        bool ok = false;
        maxRows = parser.value(limit).toLongLong(&ok);
        if (!ok || maxRows < 0)
            return ctx.usage(QStringLiteral("--limit needs a number from 0"));
    }
    if (!QFileInfo(path).isFile())
        return ctx.fail(QStringLiteral("%1: no such file").arg(path));

    auto reader = TableReader::create(path, options);
    if (Status s = reader->open(); !s)
        return ctx.fail(s.error());
    const qint64 header = reader->headerRow();
    QTextStream& out = ctx.out();
    QStringList row;
    qint64 printed = 0;

    if (asJson) {
        out << "[";
        bool first = true;
        while ((maxRows == 0 || printed <= maxRows) && reader->next(row)) {
            if (reader->rowNumber() < header)
                continue;
            out << (first ? "\n[" : ",\n[");
            first = false;
            for (int i = 0; i < row.size(); ++i) {
                if (i > 0)
                    out << ",";
                writeJsonString(out, row.at(i));
            }
            out << "]";
            ++printed;
        }
        if (reader->failed()) {
            out.flush();
            return ctx.fail(reader->error());
        }
        out << "\n]\n";
        out.flush();
        return ExitOk;
    }

    QList<QStringList> rows;
    QList<qint64> numbers;
    bool more = false;
    while (reader->next(row)) {
        if (reader->rowNumber() < header)
            continue;
        if (maxRows > 0 && printed > maxRows) {
            more = true;
            break;
        }
        rows << row;
        numbers << reader->rowNumber();
        ++printed;
    }
    const QString fileName = QFileInfo(path).fileName();
    out << "File:        " << fileName << "\n";
    if (reader->format() == TableReader::Format::Csv) {
        out << "Format:      CSV\n"
            << "Encoding:    " << reader->encoding() << (reader->encodingDetected() ? " (detected)" : " (given)")
            << "\n"
            << "Delimiter:   " << delimiterName(reader->delimiter())
            << (reader->delimiterDetected() ? " (detected)" : " (given)") << "\n";
    } else {
        out << "Format:      XLSX\n"
            << "Sheet:       " << reader->sheetName()
            << "  (sheets: " << reader->sheetNames().join(QStringLiteral(", ")) << ")\n";
        const QList<CellRange> merges = reader->mergedRanges();
        if (!merges.isEmpty()) {
            QStringList m;
            for (const CellRange& r : merges.mid(0, 20))
                m << QStringLiteral("%1%2:%3%4")
                         .arg(columnName(r.firstColumn))
                         .arg(r.firstRow)
                         .arg(columnName(r.lastColumn))
                         .arg(r.lastRow);
            out << "Merged:      " << m.join(QStringLiteral(" ")) << (merges.size() > 20 ? " ..." : "") << "\n";
        }
    }
    if (header > 0) {
        out << "Header row:  " << header
            << (options.headerRow > 0 ? " (given)"
                                      : (header > 1 ? " (detected; title rows above it are not shown)" : " (detected)"))
            << "\n";
    } else {
        out << "Header row:  none (no row has cells)\n";
    }
    out << "\n";

    // A plain table: row number, then cells cut to a readable width.
    constexpr int kCellWidth = 24;
    int columns = 0;
    for (const QStringList& r : rows)
        columns = std::max(columns, int(r.size()));
    QList<int> widths(columns, 1);
    for (const QStringList& r : rows) {
        for (int c = 0; c < r.size(); ++c)
            widths[c] = std::max(widths[c], int(displayCell(r[c], kCellWidth).size()));
    }
    for (int i = 0; i < rows.size(); ++i) {
        QString line = QString::number(numbers[i]).rightJustified(7) + QStringLiteral(" |");
        for (int c = 0; c < columns; ++c)
            line += QLatin1Char(' ') + displayCell(rows[i].value(c), kCellWidth).leftJustified(widths[c])
                + QStringLiteral(" |");
        out << line << "\n";
    }
    if (more)
        out << "  ... (more rows; --limit 0 shows all)\n";
    out.flush();
    if (reader->failed())
        return ctx.fail(reader->error());
    return ExitOk;
}

} // namespace

VIGIL_CLI_COMMAND("preview", "Show a CSV or XLSX file's cells as the importer sees them", runPreview);
