#include "io/xlsx/xlsxreader.h"

#include "io/xlsx/xlsxpackage.h"
#include "io/xlsx/xlsxparts.h"

#include <QFile>
#include <QLocale>
#include <QXmlStreamReader>

#include <algorithm>

namespace vigil {

XlsxReader::XlsxReader(const QString& path, const ReaderOptions& options)
    : TableReader(path, options)
    , m_file(std::make_unique<QFile>(path))
{
}

XlsxReader::XlsxReader(QIODevice* device, const QString& name, const ReaderOptions& options)
    : TableReader(name, options)
    , m_device(device)
{
}

XlsxReader::~XlsxReader()
{
    // The XML reader reads from the sheet device, which reads from the package: close in that order.
    m_xml.reset();
    m_sheet.reset();
    m_package.reset();
}

Status XlsxReader::doOpen()
{
    if (m_file) {
        if (!m_file->open(QIODevice::ReadOnly))
            return makeFileError(QStringLiteral("cannot open the file: %1").arg(m_file->errorString()));
        m_device = m_file.get();
    }
    if (!m_device || !m_device->isOpen() || m_device->isSequential())
        return makeFileError(QStringLiteral("cannot read the file"));
    m_device->seek(0);
    const QByteArray head = m_device->peek(8);
    switch (XlsxPackage::kindOf(head)) {
    case XlsxPackage::Kind::Cfb:
        return makeFileError(XlsxPackage::compoundFileMessage(m_device));
    case XlsxPackage::Kind::Other:
        return makeFileError(QStringLiteral("this is not an .xlsx workbook (it is not a zip file): save it as .xlsx "
                                            "or .csv"));
    case XlsxPackage::Kind::Zip:
        break;
    }
    m_device->seek(0);
    m_package = std::make_unique<XlsxPackage>();
    auto fail = [this](const Error& e) {
        Error f = makeFileError(e.message, -1, -1, e.detail);
        return Status(f);
    };
    if (Status s = m_package->open(m_device); !s)
        return fail(s.error());

    // _rels/.rels names the workbook part; the workbook's rels name its sheets, strings and styles.
    QString workbookPart = QStringLiteral("xl/workbook.xml");
    if (m_package->hasPart(QStringLiteral("_rels/.rels"))) {
        auto data = m_package->readPart(QStringLiteral("_rels/.rels"), m_options.maxPartBytes);
        if (!data)
            return fail(data.error());
        auto rels = xlsx::parseRelationships(*data, QString());
        if (!rels)
            return fail(rels.error());
        for (const xlsx::Relationship& r : *rels) {
            if (r.type == QLatin1String("officeDocument") && !r.target.isEmpty()) {
                workbookPart = r.target;
                break;
            }
        }
    }
    if (!m_package->hasPart(workbookPart))
        return makeFileError(QStringLiteral("this zip file is not an .xlsx workbook (it has no workbook part): save "
                                            "it as .xlsx or .csv"));
    auto wbData = m_package->readPart(workbookPart, m_options.maxPartBytes);
    if (!wbData)
        return fail(wbData.error());
    auto workbook = xlsx::parseWorkbook(*wbData);
    if (!workbook)
        return fail(workbook.error());
    m_date1904 = workbook->date1904;
    QList<xlsx::Relationship> rels;
    const QString relsPart = XlsxPackage::relsPathFor(workbookPart);
    if (m_package->hasPart(relsPart)) {
        auto data = m_package->readPart(relsPart, m_options.maxPartBytes);
        if (!data)
            return fail(data.error());
        auto parsed = xlsx::parseRelationships(*data, workbookPart);
        if (!parsed)
            return fail(parsed.error());
        rels = *parsed;
    }
    for (const xlsx::SheetEntry& s : workbook->sheets)
        m_sheetNames << s.name;
    if (workbook->sheets.isEmpty())
        return makeFileError(QStringLiteral("the workbook has no sheets"));

    int chosen = 0;
    if (!m_options.sheet.isEmpty()) {
        chosen = int(m_sheetNames.indexOf(m_options.sheet));
        if (chosen < 0) {
            for (int i = 0; i < m_sheetNames.size() && chosen < 0; ++i) {
                if (m_sheetNames[i].compare(m_options.sheet, Qt::CaseInsensitive) == 0)
                    chosen = i;
            }
        }
        if (chosen < 0)
            return makeFileError(QStringLiteral("the workbook has no sheet named '%1'; its sheets are: %2")
                                     .arg(m_options.sheet, m_sheetNames.join(QStringLiteral(", "))));
    }
    m_sheetName = m_sheetNames[chosen];
    const QString rid = workbook->sheets[chosen].relationshipId;
    QString type;
    for (const xlsx::Relationship& r : rels) {
        if (r.id == rid) {
            m_sheetPart = r.target;
            type = r.type;
        }
    }
    if (m_sheetPart.isEmpty() || !m_package->hasPart(m_sheetPart))
        return makeFileError(
            QStringLiteral("the sheet '%1' cannot be found in the workbook: the file is damaged").arg(m_sheetName));
    if (type == QLatin1String("chartsheet") || type == QLatin1String("dialogsheet"))
        return makeFileError(
            QStringLiteral("the sheet '%1' is a chart, not a table of cells: choose another sheet").arg(m_sheetName));

    for (const xlsx::Relationship& r : rels) {
        if (r.type == QLatin1String("sharedStrings") && m_package->hasPart(r.target)) {
            auto data = m_package->readPart(r.target, m_options.maxPartBytes);
            if (!data)
                return fail(data.error());
            auto strings = xlsx::parseSharedStrings(*data);
            if (!strings)
                return fail(strings.error());
            m_shared = *strings;
        } else if (r.type == QLatin1String("styles") && m_package->hasPart(r.target)) {
            auto data = m_package->readPart(r.target, m_options.maxPartBytes);
            if (!data)
                return fail(data.error());
            auto styles = xlsx::parseStyles(*data);
            if (!styles)
                return fail(styles.error());
            m_styles = *styles;
        }
    }

    if (Status s = scanMerges(m_sheetPart); !s)
        return s;

    // Stream the sheet: position the reader inside <sheetData>.
    auto dev = m_package->openPart(m_sheetPart, m_options.maxSheetXmlBytes);
    if (!dev)
        return fail(dev.error());
    m_sheet = std::move(dev.value());
    m_xml = std::make_unique<QXmlStreamReader>(m_sheet.get());
    while (!m_xml->atEnd()) {
        m_xml->readNext();
        if (m_xml->isStartElement() && m_xml->name() == QLatin1String("sheetData"))
            break;
    }
    if (m_xml->hasError()) {
        sheetXmlError(-1);
        return error();
    }
    if (m_xml->atEnd())
        m_done = true;
    return {};
}

namespace {

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':' || c == '_'
        || c == '-' || c == '.';
}

// The value of attribute `name` in the start tag `tag` ("<x:mergeCell ref='A1:B2'/>"), or an empty array.
QByteArray tagAttribute(const QByteArray& tag, const QByteArray& name)
{
    int from = 0;
    for (;;) {
        const int at = int(tag.indexOf(name, from));
        if (at < 0)
            return {};
        from = at + int(name.size());
        if (at == 0
            || (tag.at(at - 1) != ' ' && tag.at(at - 1) != '\t' && tag.at(at - 1) != '\n' && tag.at(at - 1) != '\r'))
            continue;
        int i = from;
        while (i < tag.size() && (tag.at(i) == ' ' || tag.at(i) == '\t' || tag.at(i) == '\n' || tag.at(i) == '\r'))
            ++i;
        if (i >= tag.size() || tag.at(i) != '=')
            continue;
        ++i;
        while (i < tag.size() && (tag.at(i) == ' ' || tag.at(i) == '\t' || tag.at(i) == '\n' || tag.at(i) == '\r'))
            ++i;
        if (i >= tag.size() || (tag.at(i) != '"' && tag.at(i) != '\''))
            continue;
        const char quote = tag.at(i);
        const int end = int(tag.indexOf(quote, i + 1));
        if (end < 0)
            return {};
        return tag.mid(i + 1, end - i - 1);
    }
}

} // namespace

Status XlsxReader::scanMerges(const QString& part)
{
    // The merged ranges follow <sheetData>, so they are found before the rows are read by a byte scan of the
    // decompressed sheet for <mergeCell> start tags (much faster than parsing the sheet's XML twice). Text and
    // attribute values cannot hold a raw '<', so a match is a tag (or sits in a comment: a harmless hint).
    auto dev = m_package->openPart(part, m_options.maxSheetXmlBytes);
    if (!dev)
        return makeFileError(dev.error().message, -1, -1, dev.error().detail);
    const QByteArray needle("mergeCell");
    QByteArray buffer;
    for (;;) {
        if (isCancelled())
            return makeFileError(QStringLiteral("reading was cancelled"));
        const QByteArray chunk = dev.value()->read(1024 * 1024);
        if (chunk.isEmpty())
            break;
        buffer += chunk;
        int keepFrom = std::max(0, int(buffer.size()) - 64);
        int from = 0;
        for (;;) {
            const int at = int(buffer.indexOf(needle, from));
            if (at < 0)
                break;
            from = at + int(needle.size());
            // A start tag: '<', an optional prefix, the name, then a space (not "mergeCells").
            int lt = at - 1;
            while (lt >= 0 && lt > at - 32 && isNameChar(buffer.at(lt)) && buffer.at(lt) != '<')
                --lt;
            if (lt < 0 || buffer.at(lt) != '<' || (lt + 1 < at && buffer.at(at - 1) != ':'))
                continue;
            if (from >= buffer.size()) {
                keepFrom = std::min(keepFrom, lt);
                break;
            }
            const char next = buffer.at(from);
            if (next != ' ' && next != '\t' && next != '\n' && next != '\r')
                continue;
            const int gt = int(buffer.indexOf('>', from));
            if (gt < 0) {
                if (buffer.size() - lt < 4096)
                    keepFrom = std::min(keepFrom, lt);
                break;
            }
            const QByteArray ref = tagAttribute(buffer.mid(lt, gt - lt), "ref");
            const int colon = int(ref.indexOf(':'));
            const QString first = QString::fromLatin1(colon < 0 ? ref : ref.left(colon));
            const QString last = QString::fromLatin1(colon < 0 ? ref : ref.mid(colon + 1));
            CellRange r;
            qint64 r1 = 0, r2 = 0;
            xlsx::parseCellRef(first, r.firstColumn, r1);
            xlsx::parseCellRef(last, r.lastColumn, r2);
            if (r1 <= 0 || r2 < r1 || r.firstColumn <= 0 || r.lastColumn < r.firstColumn || r2 > kMaxRows)
                continue; // a range that names no cells merges nothing
            r.firstRow = int(r1);
            r.lastRow = int(r2);
            m_merges << r;
            if (m_merges.size() > kMaxMergedRanges)
                return makeFileError(QStringLiteral("the sheet has more than %1 merged ranges: the file is damaged or "
                                                    "hostile")
                                         .arg(kMaxMergedRanges));
        }
        buffer = buffer.mid(keepFrom);
    }
    if (dev.value()->exceeded())
        return makeFileError(QStringLiteral("the sheet '%1' unpacks to more than %2 MiB: the file is damaged or "
                                            "hostile (a zip bomb?)")
                                 .arg(m_sheetName)
                                 .arg(m_options.maxSheetXmlBytes / (1024 * 1024)));
    // Damaged XML is left to the row reader, which names the row where it breaks.
    return {};
}

bool XlsxReader::sheetXmlError(qint64 row)
{
    if (m_sheet && m_sheet->exceeded())
        return setError(QStringLiteral("the sheet '%1' unpacks to more than %2 MiB: the file is damaged or hostile "
                                       "(a zip bomb?)")
                            .arg(m_sheetName)
                            .arg(m_options.maxSheetXmlBytes / (1024 * 1024)),
                        row);
    return setError(QStringLiteral("the sheet '%1' is damaged (%2 at line %3 of its XML)")
                        .arg(m_sheetName, m_xml->errorString())
                        .arg(m_xml->lineNumber()),
                    row);
}

QString XlsxReader::cellText(const QString& type, int style, const QString& value, const QString& inlineText,
                             bool hasValue, bool hasInline, qint64 row, int column, bool& ok)
{
    ok = true;
    if (type == QLatin1String("inlineStr"))
        return hasInline ? inlineText : xlsx::decodeEscapes(value);
    if (!hasValue)
        return hasInline ? inlineText : QString();
    if (type == QLatin1String("s")) {
        bool isInt = false;
        const qint64 index = value.trimmed().toLongLong(&isInt);
        if (!isInt || index < 0 || index >= m_shared.size()) {
            ok = setError(QStringLiteral("the cell refers to shared string %1, which the workbook does not have: the "
                                         "file is damaged")
                              .arg(value.left(20)),
                          row, column);
            return {};
        }
        return m_shared.at(int(index));
    }
    if (type == QLatin1String("str"))
        return xlsx::decodeEscapes(value);
    if (type == QLatin1String("b")) {
        const QString v = value.trimmed().toLower();
        if (v == QLatin1String("1") || v == QLatin1String("true"))
            return CellFormat::boolean(true);
        if (v == QLatin1String("0") || v == QLatin1String("false"))
            return CellFormat::boolean(false);
        return value;
    }
    if (type == QLatin1String("e"))
        return value;
    if (type == QLatin1String("d"))
        return CellFormat::isoDate(value);
    // A number (t="n" or no type); a value that is not one is kept as written.
    bool isNumber = false;
    const double v = QLocale::c().toDouble(value.trimmed(), &isNumber);
    if (!isNumber)
        return value;
    const CellFormat::DateKind kind
        = style >= 0 && style < m_styles.size() ? m_styles.at(style) : CellFormat::DateKind::None;
    if (kind != CellFormat::DateKind::None)
        return CellFormat::serialDate(v, m_date1904, kind);
    return CellFormat::number(v);
}

bool XlsxReader::readRow(QStringList& row, qint64& rowNumber)
{
    row.clear();
    if (m_done || failed())
        return false;
    QXmlStreamReader& xml = *m_xml;
    // Find the next <row>.
    for (;;) {
        if (isCancelled())
            return setCancelledError();
        xml.readNext();
        if (xml.hasError())
            return sheetXmlError(m_lastRow + 1);
        if (xml.atEnd() || (xml.isEndElement() && xml.name() == QLatin1String("sheetData"))) {
            m_done = true;
            return false;
        }
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("row"))
                break;
            xml.skipCurrentElement();
        }
    }
    qint64 number = m_lastRow + 1;
    const QStringView r = xml.attributes().value(QLatin1String("r"));
    if (!r.isEmpty()) {
        bool ok = false;
        number = r.toLongLong(&ok);
        if (!ok || number < 1)
            return setError(
                QStringLiteral("a row has the invalid number '%1': the file is damaged").arg(r.left(20).toString()),
                m_lastRow + 1);
    }
    if (number > kMaxRows)
        return setError(
            QStringLiteral("the sheet has a row beyond row %1, Excel's last row: the file is damaged").arg(kMaxRows),
            number);
    if (number <= m_lastRow)
        return setError(QStringLiteral("rows are out of order (row %1 after row %2): the file is damaged")
                            .arg(number)
                            .arg(m_lastRow),
                        number);
    m_lastRow = number;
    rowNumber = number;

    int lastColumn = 0;
    qint64 rowChars = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.hasError())
            return sheetXmlError(number);
        if (xml.isEndElement() && xml.name() == QLatin1String("row"))
            break;
        if (!xml.isStartElement())
            continue;
        if (xml.name() != QLatin1String("c")) {
            xml.skipCurrentElement();
            continue;
        }
        const QXmlStreamAttributes attrs = xml.attributes();
        int column = lastColumn + 1;
        const QStringView ref = attrs.value(QLatin1String("r"));
        if (!ref.isEmpty()) {
            int c = 0;
            qint64 cellRow = 0;
            xlsx::parseCellRef(ref, c, cellRow);
            if (c <= 0)
                return setError(QStringLiteral("a cell has the invalid reference '%1': the file is damaged")
                                    .arg(ref.left(20).toString()),
                                number);
            column = c;
        }
        if (column > m_options.maxColumns)
            return setError(
                QStringLiteral("the row has a cell beyond column %1: the file is damaged").arg(m_options.maxColumns),
                number, column);
        lastColumn = column;
        const QString type = attrs.value(QLatin1String("t")).toString();
        bool styleOk = false;
        int style = attrs.value(QLatin1String("s")).toInt(&styleOk);
        if (!styleOk)
            style = -1;
        QString value;
        QString inlineText;
        bool hasValue = false;
        bool hasInline = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.hasError())
                return sheetXmlError(number);
            if (xml.isEndElement() && xml.name() == QLatin1String("c"))
                break;
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("v")) {
                value = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                hasValue = true;
            } else if (xml.name() == QLatin1String("is")) {
                inlineText = xlsx::readRichText(xml);
                hasInline = true;
            } else {
                xml.skipCurrentElement(); // <f>, <extLst>
            }
            if (value.size() > m_options.maxFieldChars || inlineText.size() > m_options.maxFieldChars)
                return setError(QStringLiteral("a cell is longer than %1 characters: the file is damaged")
                                    .arg(m_options.maxFieldChars),
                                number, column);
        }
        if (xml.hasError())
            return sheetXmlError(number);
        bool ok = true;
        const QString text = cellText(type, style, value, inlineText, hasValue, hasInline, number, column, ok);
        if (!ok)
            return false;
        if (text.isEmpty())
            continue;
        rowChars += text.size();
        if (rowChars > m_options.maxRowChars)
            return setError(
                QStringLiteral("a row is longer than %1 characters: the file is damaged").arg(m_options.maxRowChars),
                number, column);
        while (row.size() < column - 1)
            row.append(QString());
        if (row.size() == column - 1)
            row.append(text);
        else
            row[column - 1] = text;
    }
    if (xml.hasError())
        return sheetXmlError(number);
    return true;
}

double XlsxReader::doProgress() const
{
    if (m_done)
        return 1.0;
    if (!m_sheet || m_sheet->declaredSize() <= 0)
        return 0.0;
    return double(m_sheet->bytesRead()) / double(m_sheet->declaredSize());
}

} // namespace vigil
