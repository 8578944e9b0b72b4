#pragma once

#include "io/cellformat.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVector>

class QXmlStreamReader;

namespace vigil {

// Parsers of the small parts of an .xlsx package. Elements and attributes are matched by local name, so the
// Transitional and Strict OOXML namespaces both work.
namespace xlsx {

struct Relationship
{
    QString id;
    QString type; // the last segment of the type URI: "worksheet", "sharedStrings", "styles", "officeDocument"
    QString target; // resolved to a part name
};

struct SheetEntry
{
    QString name;
    QString relationshipId;
};

struct Workbook
{
    bool date1904 = false;
    QList<SheetEntry> sheets;
};

Result<QList<Relationship>> parseRelationships(const QByteArray& xml, const QString& sourcePart);
Result<Workbook> parseWorkbook(const QByteArray& xml);
Result<QStringList> parseSharedStrings(const QByteArray& xml);
// The date kind of every cell format (index = the s attribute of a cell).
Result<QVector<CellFormat::DateKind>> parseStyles(const QByteArray& xml);

// Decodes the _xHHHH_ escapes of ST_Xstring (_x000D_ is a carriage return, _x005F_ an underscore).
QString decodeEscapes(const QString& text);
// At the start of <si> or <is>: the text of its <t> elements (rich text runs joined), phonetic runs skipped.
// Leaves the reader at the end of the element.
QString readRichText(QXmlStreamReader& xml);
// "B12" -> column 2, row 12 (1-based); 0 when absent or invalid.
void parseCellRef(QStringView ref, int& column, qint64& row);

} // namespace xlsx
} // namespace vigil
