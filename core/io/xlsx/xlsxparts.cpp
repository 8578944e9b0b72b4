#include "io/xlsx/xlsxparts.h"

#include "io/xlsx/xlsxpackage.h"

#include <QHash>
#include <QXmlStreamReader>

namespace vigil::xlsx {

namespace {

Error xmlError(const QXmlStreamReader& xml, const QString& part)
{
    return makeError(QStringLiteral("the workbook's %1 is damaged (%2 at line %3)")
                         .arg(part, xml.errorString())
                         .arg(xml.lineNumber()));
}

QString attribute(const QXmlStreamReader& xml, QLatin1String localName)
{
    for (const QXmlStreamAttribute& a : xml.attributes()) {
        if (a.name() == localName)
            return a.value().toString();
    }
    return {};
}

} // namespace

Result<QList<Relationship>> parseRelationships(const QByteArray& data, const QString& sourcePart)
{
    QList<Relationship> list;
    QXmlStreamReader xml(data);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("Relationship")) {
            Relationship r;
            r.id = attribute(xml, QLatin1String("Id"));
            const QString type = attribute(xml, QLatin1String("Type"));
            r.type = type.mid(type.lastIndexOf(QLatin1Char('/')) + 1);
            const QString mode = attribute(xml, QLatin1String("TargetMode"));
            if (mode.compare(QLatin1String("External"), Qt::CaseInsensitive) != 0)
                r.target = XlsxPackage::resolve(sourcePart, attribute(xml, QLatin1String("Target")));
            list << r;
            xml.skipCurrentElement();
        }
    }
    if (xml.hasError())
        return xmlError(xml, QStringLiteral("relationships"));
    return list;
}

Result<Workbook> parseWorkbook(const QByteArray& data)
{
    Workbook wb;
    QXmlStreamReader xml(data);
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("workbookPr")) {
            const QString v = attribute(xml, QLatin1String("date1904")).toLower();
            wb.date1904 = v == QLatin1String("1") || v == QLatin1String("true") || v == QLatin1String("on");
        } else if (xml.name() == QLatin1String("sheet")) {
            SheetEntry s;
            s.name = attribute(xml, QLatin1String("name"));
            s.relationshipId = attribute(xml, QLatin1String("id"));
            wb.sheets << s;
            if (wb.sheets.size() > 100000)
                return makeError(QStringLiteral("the workbook lists more than 100000 sheets: the file is damaged"));
        }
    }
    if (xml.hasError())
        return xmlError(xml, QStringLiteral("workbook part"));
    return wb;
}

QString decodeEscapes(const QString& text)
{
    if (!text.contains(QLatin1String("_x")))
        return text;
    QString out;
    out.reserve(text.size());
    const int n = int(text.size());
    for (int i = 0; i < n; ++i) {
        if (text.at(i) == QLatin1Char('_') && i + 6 < n && text.at(i + 1) == QLatin1Char('x')
            && text.at(i + 6) == QLatin1Char('_')) {
            bool ok = false;
            const uint code = QStringView(text).mid(i + 2, 4).toUInt(&ok, 16);
            if (ok) {
                // A surrogate pair is written as two escapes; a lone surrogate is kept as the escape text.
                if (QChar::isHighSurrogate(code) && i + 13 < n && text.at(i + 7) == QLatin1Char('_')
                    && text.at(i + 8) == QLatin1Char('x') && text.at(i + 13) == QLatin1Char('_')) {
                    bool ok2 = false;
                    const uint low = QStringView(text).mid(i + 9, 4).toUInt(&ok2, 16);
                    if (ok2 && QChar::isLowSurrogate(low)) {
                        out.append(QChar(char16_t(code)));
                        out.append(QChar(char16_t(low)));
                        i += 13;
                        continue;
                    }
                }
                if (!QChar::isSurrogate(code)) {
                    out.append(QChar(char16_t(code)));
                    i += 6;
                    continue;
                }
            }
        }
        out.append(text.at(i));
    }
    return out;
}

QString readRichText(QXmlStreamReader& xml)
{
    QString text;
    int depth = 1;
    while (depth > 0 && !xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("rPh") || xml.name() == QLatin1String("phoneticPr")) {
                xml.skipCurrentElement();
                continue;
            }
            ++depth;
            if (xml.name() == QLatin1String("t")) {
                text += xml.readElementText(QXmlStreamReader::IncludeChildElements);
                --depth;
            }
        } else if (xml.isEndElement()) {
            --depth;
        }
    }
    return decodeEscapes(text);
}

Result<QStringList> parseSharedStrings(const QByteArray& data)
{
    QStringList strings;
    QXmlStreamReader xml(data);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("si"))
            strings << readRichText(xml);
    }
    if (xml.hasError())
        return xmlError(xml, QStringLiteral("shared strings"));
    return strings;
}

Result<QVector<CellFormat::DateKind>> parseStyles(const QByteArray& data)
{
    QHash<int, CellFormat::DateKind> custom;
    QVector<CellFormat::DateKind> kinds;
    QXmlStreamReader xml(data);
    bool inCellXfs = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("numFmt")) {
                const int id = attribute(xml, QLatin1String("numFmtId")).toInt();
                custom.insert(id, CellFormat::formatCodeKind(attribute(xml, QLatin1String("formatCode"))));
            } else if (xml.name() == QLatin1String("cellXfs")) {
                inCellXfs = true;
            } else if (inCellXfs && xml.name() == QLatin1String("xf")) {
                bool ok = false;
                const int id = attribute(xml, QLatin1String("numFmtId")).toInt(&ok);
                CellFormat::DateKind kind = CellFormat::DateKind::None;
                if (ok)
                    kind = custom.contains(id) ? custom.value(id) : CellFormat::builtinKind(id);
                kinds << kind;
                xml.skipCurrentElement();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("cellXfs")) {
            inCellXfs = false;
        }
    }
    if (xml.hasError())
        return xmlError(xml, QStringLiteral("styles"));
    return kinds;
}

void parseCellRef(QStringView ref, int& column, qint64& row)
{
    column = 0;
    row = 0;
    int i = 0;
    const int n = int(ref.size());
    qint64 col = 0;
    while (i < n && ref.at(i).isLetter() && ref.at(i).unicode() < 128) {
        col = col * 26 + (ref.at(i).toUpper().unicode() - 'A' + 1);
        if (col > 1000000)
            return;
        ++i;
    }
    if (i == 0)
        return;
    qint64 r = 0;
    const int digitsFrom = i;
    while (i < n && ref.at(i).isDigit() && ref.at(i).unicode() < 128) {
        r = r * 10 + (ref.at(i).unicode() - '0');
        if (r > 100000000)
            return;
        ++i;
    }
    if (i != n)
        return;
    column = int(col);
    row = i > digitsFrom ? r : 0;
}

} // namespace vigil::xlsx
