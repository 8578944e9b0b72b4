#include "io/xlsx/xlsxreader.h"

#include "readerrows.h"
#include "testsupport.h"

#include <QBuffer>
#include <QtTest>

#include <quazip.h>
#include <quazipfile.h>

using namespace vigil;
using vigil::test::ReadAll;
using vigil::test::readAll;
using Rows = QList<QStringList>;
using Parts = QMap<QString, QByteArray>;

namespace {

QByteArray zip(const Parts& parts)
{
    QBuffer buffer;
    buffer.open(QIODevice::ReadWrite);
    {
        QuaZip z(&buffer);
        z.open(QuaZip::mdCreate);
        for (auto it = parts.cbegin(); it != parts.cend(); ++it) {
            QuaZipFile f(&z);
            f.open(QIODevice::WriteOnly, QuaZipNewInfo(it.key()));
            f.write(it.value());
            f.close();
        }
        z.close();
    }
    return buffer.data();
}

QByteArray entry(const QString& file, const QString& name)
{
    QuaZip z(file);
    z.open(QuaZip::mdUnzip);
    z.setCurrentFile(name);
    QuaZipFile f(&z);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

const char* const kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

// A workbook of hand-written parts: one sheet "S" holding `sheetData` (the inside of <sheetData>).
Parts workbookParts(const QByteArray& sheetData, const QByteArray& shared = {}, const QByteArray& styles = {},
                    const QByteArray& afterSheetData = {}, const QByteArray& workbookPr = {})
{
    const QByteArray ns = QByteArray("xmlns=\"") + kMain
        + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
    Parts p;
    p["_rels/.rels"]
        = "<?xml version=\"1.0\"?><Relationships "
          "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
          "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
          "Target=\"xl/workbook.xml\"/></Relationships>";
    p["xl/workbook.xml"] = "<?xml version=\"1.0\"?><workbook " + ns + ">" + workbookPr
        + "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>";
    QByteArray rels = "<?xml version=\"1.0\"?><Relationships "
                      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                      "<Relationship Id=\"rId7\" "
                      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                      "Target=\"/xl/worksheets/odd name.xml\"/>";
    if (!shared.isEmpty()) {
        rels += "<Relationship Id=\"rId8\" "
                "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
                "Target=\"strings.xml\"/>";
        p["xl/strings.xml"] = "<?xml version=\"1.0\"?><sst xmlns=\"" + QByteArray(kMain) + "\">" + shared + "</sst>";
    }
    if (!styles.isEmpty()) {
        rels += "<Relationship Id=\"rId9\" "
                "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
                "Target=\"styles.xml\"/>";
        p["xl/styles.xml"]
            = "<?xml version=\"1.0\"?><styleSheet xmlns=\"" + QByteArray(kMain) + "\">" + styles + "</styleSheet>";
    }
    p["xl/_rels/workbook.xml.rels"] = rels + "</Relationships>";
    p["xl/worksheets/odd name.xml"] = "<?xml version=\"1.0\"?><worksheet " + ns
        + "><dimension ref=\"A1:CJ1048574\"/><sheetData>" + sheetData + "</sheetData>" + afterSheetData
        + "</worksheet>";
    return p;
}

ReadAll readZip(const QByteArray& bytes, const ReaderOptions& options = {})
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    XlsxReader reader(&buffer, QStringLiteral("test.xlsx"), options);
    return readAll(reader);
}

QStringList farRow()
{
    QStringList far;
    for (int i = 0; i < 16383; ++i)
        far << QString();
    far << QStringLiteral("far");
    return far;
}

} // namespace

class TestXlsxReader : public QObject
{
    Q_OBJECT

private slots:
    void libreOffice();
    void libreOfficeOtherSheets();
    void date1904();
    void libxlsxwriter_data();
    void libxlsxwriter();
    void refused_data();
    void refused();
    void cells_data();
    void cells();
    void damaged_data();
    void damaged();
    void zipBomb();
    void mergedRanges();
};

void TestXlsxReader::libreOffice()
{
    XlsxReader reader(test::dataPath(QStringLiteral("io/suppliers.xlsx")));
    const ReadAll r = readAll(reader);
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(reader.sheetNames(), (QStringList{"Suppliers", "Sites", "Empty"}));
    QCOMPARE(reader.sheetName(), QStringLiteral("Suppliers"));
    QVERIFY(!reader.date1904());
    QCOMPARE(reader.headerRow(), 3);
    QCOMPARE(reader.mergedRanges(), (QList<CellRange>{{2, 1, 2, 2}, {2, 3, 2, 5}, {2, 6, 2, 10}}));
    const Rows expected{
        {"Factory list 2024"},
        {"Supplier", "", "Site", "", "", "Audit"},
        {"Name", "Supplier ID", "Country", "City", "Workers", "Audited", "Audit date", "Last visit", "Migrant share",
         "Double workers"},
        // LibreOffice writes its booleans as numbers 1/0 with a General format: the reader shows what is there.
        {"บริษัท สยามการ์เมนท์ จำกัด", "00123", "Thailand", "กรุงเทพมหานคร", "1200", "1", "2024-03-15", "2024-03-15T14:30:00",
         "0.25", "2400"},
        {"Công ty May Việt Tiến", "007", "Viet Nam", "Thành phố Hồ Chí Minh", "3500.5", "0", "1999-12-31", "2000-02-29",
         "0.1", "7001"},
        {"广州纺织有限公司", "0000", "China", "广州", "123456789012", "", "1900-03-01", "08:15:00", "-1e-06",
         "#DIV/0!"},
        {"ရန်ကုန် အထည်ချုပ်စက်ရုံ", "MM-01", "Myanmar", "ရန်ကုန်"},
        {},
        {"ঢাকা গার্মেন্টস লিমিটেড", "BD 0042", "Bangladesh", "ঢাকা\nGazipur", "", "", "", "", "", "ab"},
    };
    QCOMPARE(r.rows, expected);
    QCOMPARE(r.numbers, (QList<qint64>{1, 2, 3, 4, 5, 6, 7, 8, 9}));
    QCOMPARE(reader.progress(), 1.0);
}

void TestXlsxReader::libreOfficeOtherSheets()
{
    ReaderOptions options;
    options.sheet = QStringLiteral("sites"); // case does not matter when no sheet matches exactly
    XlsxReader sites(test::dataPath(QStringLiteral("io/suppliers.xlsx")), options);
    ReadAll r = readAll(sites);
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(sites.sheetName(), QStringLiteral("Sites"));
    QCOMPARE(r.rows, (Rows{{"Site", "Opened"}, {"Dhaka 1", "2010-01-04"}}));

    options.sheet = QStringLiteral("Empty");
    XlsxReader empty(test::dataPath(QStringLiteral("io/suppliers.xlsx")), options);
    r = readAll(empty);
    QVERIFY(r.ok);
    QVERIFY(r.rows.isEmpty());
    QCOMPARE(empty.headerRow(), 0);

    options.sheet = QStringLiteral("Factories");
    XlsxReader missing(test::dataPath(QStringLiteral("io/suppliers.xlsx")), options);
    r = readAll(missing);
    QVERIFY(!r.ok);
    QVERIFY(r.error.message.contains(QLatin1String("Suppliers, Sites, Empty")));
}

void TestXlsxReader::date1904()
{
    // The same workbook saved with the 1904 date system: its serials are 1462 days smaller, its dates the same.
    XlsxReader reader(test::dataPath(QStringLiteral("io/dates1904.xlsx")));
    const ReadAll r = readAll(reader);
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QVERIFY(reader.date1904());
    QCOMPARE(r.rows.at(3).mid(6, 2), (QStringList{"2024-03-15", "2024-03-15T14:30:00"}));
    QCOMPARE(r.rows.at(4).mid(6, 2), (QStringList{"1999-12-31", "2000-02-29"}));
    // 1900-03-01 comes before the 1904 epoch: a negative serial is not a date, it is shown as the number.
    QCOMPARE(r.rows.at(5).at(6), QStringLiteral("-1401"));
    QVERIFY(entry(test::dataPath(QStringLiteral("io/dates1904.xlsx")), QStringLiteral("xl/workbook.xml"))
                .contains("date1904=\"true\""));
}

void TestXlsxReader::libxlsxwriter_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("sheet");
    QTest::addColumn<int>("firstRow");
    QTest::addColumn<QByteArray>("rawMarker");
    QTest::addColumn<QString>("rawPart");
    QTest::addRow("shared strings, rich text, merged band")
        << "io/writer.xlsx"
        << "Data" << 2 << QByteArray("_x000D_") << "xl/sharedStrings.xml";
    QTest::addRow("inline strings (constant_memory)")
        << "io/inline.xlsx"
        << "Inline" << 1 << QByteArray("t=\"inlineStr\"") << "xl/worksheets/sheet1.xml";
    QTest::addRow("Strict OOXML, sheet part not named sheet1.xml")
        << "io/strict.xlsx"
        << "Data" << 2 << QByteArray("http://purl.oclc.org/ooxml/spreadsheetml/main") << "xl/worksheets/data_2.xml";
}

void TestXlsxReader::libxlsxwriter()
{
    QFETCH(QString, file);
    QFETCH(QString, sheet);
    QFETCH(int, firstRow);
    QFETCH(QByteArray, rawMarker);
    QFETCH(QString, rawPart);
    const QString path = test::dataPath(file);
    QVERIFY2(entry(path, rawPart).contains(rawMarker), "the fixture does not exercise what this test is about");
    ReaderOptions options;
    options.sheet = sheet;
    XlsxReader reader(path, options);
    const ReadAll r = readAll(reader);
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(reader.headerRow(), firstRow);
    const Rows data{
        {"Name", "Code", "Since", "Amount", "Active", "Note"},
        {"Nhà máy Đồng Nai", "000042", "2023-07-01", "1234.5", "TRUE", "Bold and italic"},
        {"深圳电子厂", "0", "2021-12-24T18:05:30", "2469", "FALSE", "line one\r\nline two"},
        {"Sparse", "", "", "", "", "xy"},
        {"2023-03-15", "0.3", "1e+20", "-42"},
        {},
        {},
        farRow(),
    };
    QCOMPARE(r.rows.mid(firstRow - 1), data);
    if (firstRow == 2) {
        QCOMPARE(r.rows.first(), (QStringList{"Supplier", "", "Figures"}));
        QCOMPARE(reader.mergedRanges(), (QList<CellRange>{{1, 1, 1, 2}, {1, 3, 1, 5}}));
        QCOMPARE(reader.sheetNames(), (QStringList{"Intro", "Data"}));
    }
    QCOMPARE(r.numbers.last(), qint64(firstRow + 7));
}

void TestXlsxReader::refused_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("messagePart");
    QTest::addRow("password-protected workbook") << "io/encrypted.xlsx"
                                                 << "password";
    QTest::addRow("legacy .xls saved by LibreOffice") << "io/suppliers.xls"
                                                      << "save it as .xlsx";
    QTest::addRow("a CSV is not a workbook") << "io/utf8.csv"
                                             << "not a zip";
}

void TestXlsxReader::refused()
{
    QFETCH(QString, file);
    QFETCH(QString, messagePart);
    XlsxReader reader(test::dataPath(file));
    const Status s = reader.open();
    QVERIFY(!s);
    QVERIFY2(s.error().message.contains(messagePart), qPrintable(s.error().message));
    QCOMPARE(s.error().file, test::dataPath(file));
    QStringList row;
    QVERIFY(!reader.next(row));
}

void TestXlsxReader::cells_data()
{
    QTest::addColumn<QByteArray>("sheetData");
    QTest::addColumn<QByteArray>("shared");
    QTest::addColumn<QByteArray>("styles");
    QTest::addColumn<Rows>("expected");

    QTest::addRow("sparse cells up to the last used column")
        << QByteArray("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c>"
                      "<c r=\"D1\" t=\"inlineStr\"><is><t>d</t></is></c><c r=\"H1\" s=\"0\"/></row>")
        << QByteArray() << QByteArray() << Rows{{"a", "", "", "d"}};
    QTest::addRow("missing rows are empty rows, empty rows at the end dropped")
        << QByteArray("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"4\"><c r=\"B4\"><v>2</v></c></row>"
                      "<row r=\"5\"><c r=\"A5\"/></row><row r=\"900000\"/>")
        << QByteArray() << QByteArray() << Rows{{"1"}, {}, {}, {"", "2"}};
    QTest::addRow("rows and cells without r attributes")
        << QByteArray("<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>") << QByteArray()
        << QByteArray() << Rows{{"1", "2"}, {"3"}};
    QTest::addRow("escapes _x000D_ and _x005F_")
        << QByteArray("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a_x000D_b</t></is></c>"
                      "<c r=\"B1\" t=\"inlineStr\"><is><t>_x005F_x000D_</t></is></c>"
                      "<c r=\"C1\" t=\"s\"><v>0</v></c></row>")
        << QByteArray("<si><t>x_x0009_y_xD83D__xDE00_</t></si>") << QByteArray()
        << Rows{{"a\rb", "_x000D_", "x\ty\U0001F600"}};
    QTest::addRow("types: d, e, b, str, formula cached value, number text")
        << QByteArray(
               "<row r=\"1\"><c r=\"A1\" t=\"d\"><v>2024-03-15T00:00:00</v></c><c r=\"B1\" t=\"e\"><v>#N/A</v></c>"
               "<c r=\"C1\" t=\"b\"><v>1</v></c><c r=\"D1\" t=\"str\"><f>A1&amp;\"\"</f><v>0012</v></c>"
               "<c r=\"E1\"><f>1+1</f><v>2</v></c><c r=\"F1\"><f>NOW()</f></c><c r=\"G1\"><v>1.50</v></c>"
               "<c r=\"H1\" t=\"n\"><v>12abc</v></c></row>")
        << QByteArray() << QByteArray() << Rows{{"2024-03-15", "#N/A", "TRUE", "0012", "2", "", "1.5", "12abc"}};
    QTest::addRow("rich text runs, phonetic runs skipped, spaces kept")
        << QByteArray("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>")
        << QByteArray("<si><r><rPr><b/></rPr><t>東京</t></r><r><t xml:space=\"preserve\"> 本社 </t></r>"
                      "<rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><phoneticPr fontId=\"1\"/></si>"
                      "<si><t xml:space=\"preserve\">  007 </t></si>")
        << QByteArray() << Rows{{"東京 本社 ", "  007 "}};
    QTest::addRow("custom and built-in date formats from styles")
        << QByteArray("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>45366</v></c><c r=\"B1\" s=\"2\"><v>45366.75</v></c>"
                      "<c r=\"C1\" s=\"3\"><v>0.5</v></c><c r=\"D1\" s=\"4\"><v>45366</v></c>"
                      "<c r=\"E1\" s=\"0\"><v>45366</v></c><c r=\"F1\" s=\"99\"><v>7</v></c></row>")
        << QByteArray()
        << QByteArray("<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
                      "<numFmt numFmtId=\"165\" formatCode=\"[Red]0.00&quot;d&quot;\"/></numFmts>"
                      "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
                      "<cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"22\"/>"
                      "<xf numFmtId=\"20\"/><xf numFmtId=\"165\"/></cellXfs>")
        << Rows{{"2024-03-15", "2024-03-15T18:00:00", "12:00:00", "45366", "45366", "7"}};
}

void TestXlsxReader::cells()
{
    QFETCH(QByteArray, sheetData);
    QFETCH(QByteArray, shared);
    QFETCH(QByteArray, styles);
    QFETCH(Rows, expected);
    const ReadAll r = readZip(zip(workbookParts(sheetData, shared, styles)));
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(r.rows, expected);
}

void TestXlsxReader::damaged_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qint64>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("messagePart");

    QTest::addRow("shared string index out of range") << zip(workbookParts(
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>5</v></c></row>", "<si><t>only</t></si>"))
                                                      << qint64(1) << 2 << "shared string 5";
    QTest::addRow("row beyond Excel's last row")
        << zip(workbookParts("<row r=\"1048577\"><c><v>1</v></c></row>")) << qint64(1048577) << -1 << "last row";
    QTest::addRow("cell beyond column XFD")
        << zip(workbookParts("<row r=\"2\"><c r=\"XFE2\"><v>1</v></c></row>")) << qint64(2) << 16385 << "beyond column";
    QTest::addRow("rows out of order") << zip(
        workbookParts("<row r=\"5\"><c><v>1</v></c></row><row r=\"3\"><c><v>2</v></c></row>"))
                                       << qint64(3) << -1 << "out of order";
    QTest::addRow("broken XML in the sheet")
        << zip(workbookParts("<row r=\"1\"><c><v>1</v></c></row><row r=\"2\"><c><v>2</v></row>")) << qint64(2) << -1
        << "damaged";
    QTest::addRow("not a zip") << QByteArray("hello, world\n") << qint64(-1) << -1 << "not a zip";
    QTest::addRow("truncated zip") << zip(workbookParts("<row r=\"1\"><c><v>1</v></c></row>")).left(60) << qint64(-1)
                                   << -1 << "damaged";
    Parts noWorkbook;
    noWorkbook["hello.txt"] = "hi";
    QTest::addRow("a zip without a workbook") << zip(noWorkbook) << qint64(-1) << -1 << "no workbook part";
    Parts noSheet = workbookParts("");
    noSheet.remove("xl/worksheets/odd name.xml");
    QTest::addRow("the sheet part is missing") << zip(noSheet) << qint64(-1) << -1 << "cannot be found";
}

void TestXlsxReader::damaged()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qint64, row);
    QFETCH(int, column);
    QFETCH(QString, messagePart);
    const ReadAll r = readZip(bytes);
    QVERIFY(!r.ok);
    QCOMPARE(r.error.file, QStringLiteral("test.xlsx"));
    QVERIFY2(r.error.message.contains(messagePart), qPrintable(r.error.message));
    QCOMPARE(r.error.row, row);
    QCOMPARE(r.error.column, column);
}

void TestXlsxReader::zipBomb()
{
    // 4 MiB of sheet XML that compresses to almost nothing, read with a 1 MiB cap: refused, not read.
    QByteArray rows;
    for (int i = 1; rows.size() < 4 * 1024 * 1024; ++i)
        rows
            += "<row r=\"" + QByteArray::number(i) + "\"><c t=\"inlineStr\"><is><t>aaaaaaaaaaaaaaaa</t></is></c></row>";
    const QByteArray bytes = zip(workbookParts(rows));
    QVERIFY(bytes.size() < 1024 * 1024);
    ReaderOptions options;
    options.maxSheetXmlBytes = 1024 * 1024;
    ReadAll r = readZip(bytes, options);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.message.contains(QLatin1String("zip bomb")), qPrintable(r.error.message));

    // The same for the shared strings, which are held in memory.
    QByteArray strings;
    while (strings.size() < 2 * 1024 * 1024)
        strings += "<si><t>bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb</t></si>";
    ReaderOptions small;
    small.maxPartBytes = 1024 * 1024;
    r = readZip(zip(workbookParts("<row r=\"1\"><c t=\"s\"><v>0</v></c></row>", strings)), small);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.message.contains(QLatin1String("zip bomb")), qPrintable(r.error.message));

    // Within the default caps the same sheet reads fine.
    r = readZip(bytes);
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QVERIFY(r.rows.size() > 40000);
}

void TestXlsxReader::mergedRanges()
{
    // Merges are found by a byte scan before the rows: prefixes, single quotes, spaces, bad ranges skipped.
    const QByteArray after = "<x:mergeCells xmlns:x=\"" + QByteArray(kMain)
        + "\" count=\"3\"><x:mergeCell ref='B2:C3'/>"
          "<x:mergeCell\n  ref = \"D1\" /><x:mergeCell ref=\"C1:A1\"/></x:mergeCells>"
          "<mergeCells><mergeCell ref=\"A10:XFD11\"/></mergeCells>";
    const QByteArray text
        = "<row r=\"1\"><c t=\"inlineStr\"><is><t>&lt;mergeCell ref=\"A1:B1\"/&gt;</t></is></c></row>";
    QBuffer buffer;
    buffer.setData(zip(workbookParts(text, {}, {}, after)));
    buffer.open(QIODevice::ReadOnly);
    XlsxReader reader(&buffer, QStringLiteral("m.xlsx"));
    const ReadAll r = readAll(reader);
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(r.rows, (Rows{{"<mergeCell ref=\"A1:B1\"/>"}}));
    QCOMPARE(reader.mergedRanges(), (QList<CellRange>{{2, 2, 3, 3}, {1, 4, 1, 4}, {10, 1, 11, 16384}}));
}

QTEST_GUILESS_MAIN(TestXlsxReader)
#include "tst_xlsxreader.moc"
