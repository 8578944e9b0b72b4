#include "exporter/xlsxsheetwriter.h"

#include <QLocale>

#include <quazip.h>
#include <quazipfile.h>
#include <quazipnewinfo.h>

#include <cmath>

namespace vigil {

namespace {

QByteArray xmlEscape(const QString& s)
{
    QString out;
    out.reserve(s.size() + 8);
    for (QChar c : s) {
        switch (c.unicode()) {
        case '&':
            out += QStringLiteral("&amp;");
            break;
        case '<':
            out += QStringLiteral("&lt;");
            break;
        case '>':
            out += QStringLiteral("&gt;");
            break;
        case '"':
            out += QStringLiteral("&quot;");
            break;
        default:
            out += c;
        }
    }
    return out.toUtf8();
}

QString columnName(int index)
{
    QString name;
    int n = index + 1;
    while (n > 0) {
        const int rem = (n - 1) % 26;
        name.prepend(QChar(QLatin1Char(char('A' + rem))));
        n = (n - 1) / 26;
    }
    return name;
}

} // namespace

XlsxSheetWriter::XlsxSheetWriter() = default;

XlsxSheetWriter::~XlsxSheetWriter()
{
    if (m_sheet && m_sheet->isOpen())
        m_sheet->close();
    if (m_zip && m_zip->isOpen())
        m_zip->close();
}

QString XlsxSheetWriter::escapeText(const QString& text)
{
    QString out;
    out.reserve(text.size());
    const int n = int(text.size());
    for (int i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        const bool controlChar = u < 0x20 && u != '\t' && u != '\n' && u != '\r';
        const bool nonChar = u == 0xFFFE || u == 0xFFFF;
        const bool loneSurrogate = (c.isHighSurrogate() && !(i + 1 < n && text.at(i + 1).isLowSurrogate()))
            || (c.isLowSurrogate() && !(i > 0 && text.at(i - 1).isHighSurrogate()));
        const bool literalEscape = u == '_' && i + 1 < n && text.at(i + 1) == QLatin1Char('x');
        if (controlChar || nonChar || loneSurrogate || literalEscape || u == '\r')
            out += QStringLiteral("_x%1_")
                       .arg(uint(u), 4, 16, QLatin1Char('0'))
                       .toUpper()
                       .replace(QLatin1String("_X"), QLatin1String("_x"));
        else
            out += c;
    }
    return out;
}

Status XlsxSheetWriter::writePart(const QString& name, const QByteArray& data)
{
    QuaZipFile f(m_zip.get());
    if (!f.open(QIODevice::WriteOnly, QuaZipNewInfo(name)))
        return makeError(QStringLiteral("The workbook could not be written (%1).").arg(name));
    const bool ok = f.write(data) == data.size();
    f.close();
    if (!ok || f.getZipError() != 0)
        return makeError(QStringLiteral("The workbook could not be written (%1).").arg(name));
    return {};
}

Status XlsxSheetWriter::open(QIODevice* device, const QString& sheetName)
{
    m_sheetName = sheetName;
    m_zip = std::make_unique<QuaZip>(device);
    m_zip->setAutoClose(false); // the device belongs to the caller (a QSaveFile must be committed, not closed)
    if (!m_zip->open(QuaZip::mdCreate))
        return makeError(QStringLiteral("The workbook could not be created."));
    const QByteArray ct
        = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
          "<Override PartName=\"/xl/workbook.xml\" "
          "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
          "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
          "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
          "<Override PartName=\"/xl/styles.xml\" "
          "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
          "</Types>";
    const QByteArray rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                            "<Relationship Id=\"rId1\" "
                            "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                            "officeDocument\" Target=\"xl/workbook.xml\"/>"
                            "</Relationships>";
    const QByteArray wb = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                          "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                          "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                          "<sheets><sheet name=\""
        + xmlEscape(sheetName) + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    const QByteArray wbRels
        = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          "<Relationship Id=\"rId1\" "
          "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
          "Target=\"worksheets/sheet1.xml\"/>"
          "<Relationship Id=\"rId2\" "
          "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
          "</Relationships>";
    // Style 0: normal; style 1: bold (the header row).
    const QByteArray styles
        = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
          "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
          "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
          "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
          "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
          "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
          "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
          "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
          "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
          "</styleSheet>";
    for (const auto& part :
         {std::make_pair(QStringLiteral("[Content_Types].xml"), ct),
          std::make_pair(QStringLiteral("_rels/.rels"), rels), std::make_pair(QStringLiteral("xl/workbook.xml"), wb),
          std::make_pair(QStringLiteral("xl/_rels/workbook.xml.rels"), wbRels),
          std::make_pair(QStringLiteral("xl/styles.xml"), styles)}) {
        if (Status st = writePart(part.first, part.second); !st)
            return st;
    }
    m_sheet = std::make_unique<QuaZipFile>(m_zip.get());
    if (!m_sheet->open(QIODevice::WriteOnly, QuaZipNewInfo(QStringLiteral("xl/worksheets/sheet1.xml"))))
        return makeError(QStringLiteral("The workbook could not be written (sheet)."));
    const QByteArray head
        = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    if (m_sheet->write(head) != head.size())
        return makeError(QStringLiteral("The workbook could not be written (sheet)."));
    return {};
}

QString XlsxSheetWriter::cellRef() const
{
    return columnName(m_column) + QString::number(m_rowIndex);
}

void XlsxSheetWriter::beginRow()
{
    ++m_rowIndex;
    m_column = 0;
    m_row = "<row r=\"" + QByteArray::number(m_rowIndex) + "\">";
}

void XlsxSheetWriter::addText(const QString& text, bool bold)
{
    if (!text.isEmpty()) {
        m_row += "<c r=\"" + cellRef().toLatin1() + "\" t=\"inlineStr\"" + (bold ? " s=\"1\"" : "")
            + "><is><t xml:space=\"preserve\">" + xmlEscape(escapeText(text)) + "</t></is></c>";
    }
    ++m_column;
}

void XlsxSheetWriter::addNumber(double value)
{
    if (std::isfinite(value))
        m_row += "<c r=\"" + cellRef().toLatin1() + "\"><v>"
            + QByteArray::number(value, 'g', QLocale::FloatingPointShortest) + "</v></c>";
    ++m_column;
}

void XlsxSheetWriter::addEmpty()
{
    ++m_column;
}

Status XlsxSheetWriter::endRow()
{
    if (m_rowIndex > kMaxRows)
        return makeError(QStringLiteral("More rows than one XLSX sheet holds (1,048,576); export as CSV instead."));
    m_row += "</row>";
    if (m_sheet->write(m_row) != m_row.size())
        return makeError(QStringLiteral("The workbook could not be written (sheet)."));
    m_row.clear();
    return {};
}

Status XlsxSheetWriter::close()
{
    const QByteArray tail = "</sheetData></worksheet>";
    const bool ok = m_sheet->write(tail) == tail.size();
    m_sheet->close();
    const int sheetError = m_sheet->getZipError();
    m_zip->close();
    if (!ok || sheetError != 0 || m_zip->getZipError() != 0)
        return makeError(QStringLiteral("The workbook could not be finished."));
    return {};
}

} // namespace vigil
