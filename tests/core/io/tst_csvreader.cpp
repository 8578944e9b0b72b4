#include "io/csv/csvreader.h"

#include "readerrows.h"
#include "testsupport.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>
#include <atomic>

using namespace vigil;
using vigil::test::ReadAll;
using vigil::test::readAll;

using Rows = QList<QStringList>;

namespace {

ReadAll readBytes(const QByteArray& bytes, const ReaderOptions& options = {})
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, QStringLiteral("test.csv"), options);
    return readAll(reader);
}

// The reference for differential(): RFC 4180 as a plain state machine over the decoded text, one character at a
// time, with the reader's variants (CR, LF or CRLF ends a record; lenient mode keeps a stray quote in an unquoted
// field). Gives the records before the first error, and where that error is.
struct Reference
{
    Rows records;
    bool error = false;
    qint64 errorRecord = 0;
    int errorColumn = 0;
};

Reference referenceParse(const QString& text, QChar delimiter, bool strictQuotes)
{
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };
    Reference r;
    QStringList record;
    QString field;
    State state = State::FieldStart;
    bool inRecord = false;
    auto endField = [&] {
        record << field;
        field.clear();
        state = State::FieldStart;
    };
    auto endRecord = [&](int& i) {
        if (text.at(i) == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
            ++i;
        endField();
        r.records << record;
        record.clear();
        inRecord = false;
    };
    auto fail = [&] {
        r.error = true;
        r.errorRecord = r.records.size() + 1;
        r.errorColumn = int(record.size()) + 1;
        return r;
    };
    auto lineEnd = [](QChar c) { return c == QLatin1Char('\r') || c == QLatin1Char('\n'); };
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        switch (state) {
        case State::FieldStart:
            inRecord = true;
            if (c == QLatin1Char('"')) {
                state = State::Quoted;
                break;
            }
            state = State::Unquoted;
            [[fallthrough]];
        case State::Unquoted:
            if (c == delimiter)
                endField();
            else if (lineEnd(c))
                endRecord(i);
            else if (c == QLatin1Char('"') && strictQuotes)
                return fail();
            else
                field += c;
            break;
        case State::Quoted:
            if (c == QLatin1Char('"'))
                state = State::QuoteInQuoted;
            else
                field += c;
            break;
        case State::QuoteInQuoted:
            if (c == QLatin1Char('"')) {
                field += c;
                state = State::Quoted;
            } else if (c == delimiter) {
                endField();
            } else if (lineEnd(c)) {
                endRecord(i);
            } else {
                return fail(); // text after a closing quote
            }
            break;
        }
    }
    if (state == State::Quoted)
        return fail(); // not closed before the end
    if (inRecord) {
        record << field;
        r.records << record;
    }
    return r;
}

// What TableReader::next() makes of records: a record of empty cells is an empty row, empty rows at the end go.
Rows asRows(Rows records)
{
    for (QStringList& record : records) {
        if (std::all_of(record.cbegin(), record.cend(), [](const QString& c) { return c.isEmpty(); }))
            record.clear();
    }
    while (!records.isEmpty() && records.last().isEmpty())
        records.removeLast();
    return records;
}

const QStringList kPieces{QStringLiteral("Acme"),      QStringLiteral("007"),
                          QStringLiteral(" x "),       QStringLiteral("Zoë"),
                          QStringLiteral("Müller"),    QStringLiteral("กรุงเทพ"),
                          QStringLiteral("บริษัท สยาม"), QStringLiteral("广州纺织有限公司"),
                          QStringLiteral("😀"),         QStringLiteral("Công ty May Việt Tiến"),
                          QStringLiteral("ঢাকা"),      QStringLiteral("€"),
                          QStringLiteral("\u00A0"),    QStringLiteral("𝄞x")};

QString randomPiece(QRandomGenerator& rng)
{
    const quint32 r = rng.bounded(100);
    if (r < 4) // long: across the reader's buffers when the file is large
        return QString(int(rng.bounded(200, 3000)), QChar(rng.bounded(2) ? u'x' : u'广'));
    if (r < 8)
        return QString(int(rng.bounded(1, 40)), QChar(u'é'));
    return kPieces.at(int(rng.bounded(qsizetype(kPieces.size()))));
}

QString randomLineEnd(QRandomGenerator& rng)
{
    const quint32 r = rng.bounded(3);
    return r == 0 ? QStringLiteral("\n") : r == 1 ? QStringLiteral("\r\n") : QStringLiteral("\r");
}

// A well-formed table written with random quoting (quoted delimiters, line breaks and doubled quotes inside).
QString randomTable(QRandomGenerator& rng, QChar delimiter, int rows)
{
    QString text;
    for (int r = 0; r < rows; ++r) {
        const int cells = int(rng.bounded(1, 9));
        for (int c = 0; c < cells; ++c) {
            if (c > 0)
                text += delimiter;
            QString cell;
            for (int k = int(rng.bounded(3)); k > 0; --k)
                cell += randomPiece(rng);
            if (rng.bounded(3) == 0) {
                const quint32 r2 = rng.bounded(5);
                cell += r2 == 0 ? QString(delimiter)
                    : r2 == 1   ? randomLineEnd(rng)
                    : r2 == 2   ? QStringLiteral("\"")
                                : QStringLiteral("a\"\"b");
                cell += randomPiece(rng);
                text += QLatin1Char('"') + cell.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
            } else {
                text += cell;
            }
        }
        if (r + 1 < rows || rng.bounded(2))
            text += randomLineEnd(rng);
    }
    return text;
}

// Random pieces, delimiters, quotes and line ends: often not valid CSV, which the reader must see as the reference
// does (the same error, at the same record and column, after the same rows).
QString randomSoup(QRandomGenerator& rng, QChar delimiter)
{
    QString text;
    for (int k = int(rng.bounded(1, 120)); k > 0; --k) {
        const quint32 r = rng.bounded(100);
        if (r < 25)
            text += rng.bounded(4) ? delimiter : QChar(u';');
        else if (r < 37)
            text += randomLineEnd(rng);
        else if (r < 50)
            text += QLatin1Char('"');
        else if (r < 55)
            text += QStringLiteral("\"\"");
        else
            text += randomPiece(rng);
    }
    return text;
}

QByteArray encoded(const QString& text, int how)
{
    switch (how) {
    case 1:
        return "\xEF\xBB\xBF" + text.toUtf8();
    case 2: {
        QByteArray b("\xFF\xFE");
        for (QChar c : text) {
            b.append(char(c.unicode() & 0xFF));
            b.append(char(c.unicode() >> 8));
        }
        return b;
    }
    case 3: {
        QByteArray b("\xFE\xFF");
        for (QChar c : text) {
            b.append(char(c.unicode() >> 8));
            b.append(char(c.unicode() & 0xFF));
        }
        return b;
    }
    default:
        return text.toUtf8();
    }
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void errors_data();
    void errors();
    void fixtures_data();
    void fixtures();
    void overrides();
    void titleRowAndRowNumbers();
    void chunkBoundaries();
    void lineEndAcrossChunks_data();
    void lineEndAcrossChunks();
    void longFieldAndManyColumns();
    void cancel();
    void progress();
    void delimiterDetection_data();
    void delimiterDetection();
    void strayQuoteAtTheEndIsHeldToTheFieldLimit();
    void differential();
};

void TestCsvReader::parse_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("strictQuotes");
    QTest::addColumn<Rows>("expected");

    QTest::addRow("LF line ends") << QByteArray("a,b\n1,2\n") << true << Rows{{"a", "b"}, {"1", "2"}};
    QTest::addRow("CRLF line ends") << QByteArray("a,b\r\n1,2\r\n") << true << Rows{{"a", "b"}, {"1", "2"}};
    QTest::addRow("CR line ends (old Mac)") << QByteArray("a,b\r1,2\r") << true << Rows{{"a", "b"}, {"1", "2"}};
    QTest::addRow("no newline at the end") << QByteArray("a,b\n1,2") << true << Rows{{"a", "b"}, {"1", "2"}};
    QTest::addRow("quoted delimiter") << QByteArray("a,b\n\"x,y\",2\n") << true << Rows{{"a", "b"}, {"x,y", "2"}};
    QTest::addRow("line breaks in quotes kept verbatim")
        << QByteArray("a,b\n\"1 Road\r\nTown\",\"x\ny\"\n") << true << Rows{{"a", "b"}, {"1 Road\r\nTown", "x\ny"}};
    QTest::addRow("doubled quotes") << QByteArray("a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n") << true
                                    << Rows{{"a", "b"}, {"say \"hi\"", "\""}};
    QTest::addRow("empty quoted and unquoted fields")
        << QByteArray("a,b,c\n1,\"\",\n") << true << Rows{{"a", "b", "c"}, {"1", "", ""}};
    QTest::addRow("trailing delimiter at end of file") << QByteArray("a,b\n1,") << true << Rows{{"a", "b"}, {"1", ""}};
    QTest::addRow("UTF-8 BOM is not part of the first cell")
        << QByteArray("\xEF\xBB\xBFName,b\n1,2\n") << true << Rows{{"Name", "b"}, {"1", "2"}};
    QTest::addRow("blank line inside is an empty row")
        << QByteArray("a,b\n\n1,2\n") << true << Rows{{"a", "b"}, {}, {"1", "2"}};
    QTest::addRow("blank lines at the end are dropped")
        << QByteArray("a,b\n1,2\n\n\r\n\n") << true << Rows{{"a", "b"}, {"1", "2"}};
    QTest::addRow("leading zeros and spaces verbatim")
        << QByteArray("id,name\n007, x \n") << true << Rows{{"id", "name"}, {"007", " x "}};
    QTest::addRow("semicolon delimiter detected")
        << QByteArray("a;b\n1,5;2,5\n") << true << Rows{{"a", "b"}, {"1,5", "2,5"}};
    QTest::addRow("tab delimiter detected") << QByteArray("a\tb\n1\t2\n") << true << Rows{{"a", "b"}, {"1", "2"}};
    QTest::addRow("pipe delimiter detected")
        << QByteArray("a|b|c\n1|2|3\n") << true << Rows{{"a", "b", "c"}, {"1", "2", "3"}};
    QTest::addRow("lenient: stray quote is text")
        << QByteArray("size,x\n5\" screen,1\n") << false << Rows{{"size", "x"}, {"5\" screen", "1"}};
    QTest::addRow("quoted field at end of file without newline")
        << QByteArray("a\n\"x\"") << true << Rows{{"a"}, {"x"}};
    QTest::addRow("only a header") << QByteArray("a,b") << true << Rows{{"a", "b"}};
    QTest::addRow("empty file") << QByteArray() << true << Rows{};
}

void TestCsvReader::parse()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, strictQuotes);
    QFETCH(Rows, expected);
    ReaderOptions options;
    options.strictQuotes = strictQuotes;
    const ReadAll r = readBytes(bytes, options);
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(r.rows, expected);
}

void TestCsvReader::errors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<qint64>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<int>("rowsBefore");

    QTest::addRow("unterminated quote at end of file")
        << QByteArray("a,b\n1,2\n3,\"open\nstill open") << QString() << qint64(3) << 2 << "not closed" << 2;
    QTest::addRow("stray quote in an unquoted field")
        << QByteArray("a,b\n1,2\n3,5\" screen\n") << QString() << qint64(3) << 2 << "quote inside an unquoted" << 2;
    QTest::addRow("text after a closing quote")
        << QByteArray("a,b\n\"x\"y,2\n") << QString() << qint64(2) << 1 << "after a closing quote" << 1;
    QTest::addRow("NUL byte: a binary file")
        << QByteArray("a,b\n1,2\nx\0y,3\n", 14) << QString() << qint64(3) << 1 << "NUL" << 0;
    QTest::addRow("neither UTF-8 nor Windows-1252 (0x81)")
        << QByteArray("a,b\n1,\xE9t\xE9\n2,\x81\n") << QString() << qint64(3) << 2 << "byte offset 12" << 0;
    QTest::addRow("neither: where UTF-8 stops is named too")
        << QByteArray("a,b\n1,\xE9t\xE9\n2,\x81\n") << QString() << qint64(3) << 2 << "at byte offset 6, row 2" << 0;
    QTest::addRow("not UTF-8, then a NUL: the Windows-1252 pass finds it")
        << QByteArray("a,b\n1,caf\xE9\n2,x\0y\n", 17) << QString() << qint64(3) << 2 << "NUL" << 0;
    QTest::addRow("a NUL, then bytes that are not UTF-8: the NUL")
        << QByteArray("a,b\nx\0y,1\n2,caf\xE9\n", 17) << QString() << qint64(2) << 1 << "NUL" << 0;
    QTest::addRow("forced UTF-8 on Windows-1252 bytes")
        << QByteArray("a,b\n1,caf\xE9\n") << QStringLiteral("UTF-8") << qint64(2) << 2 << "byte offset 9" << 0;
    QTest::addRow("forced Windows-1252 with an undefined byte")
        << QByteArray("a,b\n\x8D,1\n") << QStringLiteral("cp1252") << qint64(2) << 1 << "0x8D" << 0;
    QTest::addRow("UTF-16LE with a lone surrogate") << QByteArray("\xFF\xFE"
                                                                  "a\0,\0b\0\n\0\x00\xDC"
                                                                  "1\0\n\0",
                                                                  16)
                                                    << QString() << qint64(2) << 1 << "surrogate" << 0;
    QTest::addRow("UTF-8 BOM but invalid UTF-8") << QByteArray("\xEF\xBB\xBF"
                                                               "a,b\n\xFF,1\n")
                                                 << QString() << qint64(2) << 1 << "byte order mark" << 0;
    QTest::addRow("truncated UTF-8 sequence at the end")
        << QByteArray("a,b\n1,\xE2\x82") << QStringLiteral("utf8") << qint64(2) << 2 << "ends inside" << 0;
    QTest::addRow("an HTML file named .csv") << QByteArray("  <html><table><tr><td>a</td></tr></table></html>")
                                             << QString() << qint64(-1) << -1 << "HTML" << 0;
    QTest::addRow("UTF-32 is refused") << QByteArray("\xFF\xFE\0\0a\0\0\0", 8) << QString() << qint64(-1) << -1
                                       << "UTF-32" << 0;
    QTest::addRow("unknown encoding name")
        << QByteArray("a\n") << QStringLiteral("klingon") << qint64(-1) << -1 << "unknown encoding" << 0;
}

void TestCsvReader::errors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoding);
    QFETCH(qint64, row);
    QFETCH(int, column);
    QFETCH(QString, messagePart);
    QFETCH(int, rowsBefore);
    ReaderOptions options;
    options.encoding = encoding;
    const ReadAll r = readBytes(bytes, options);
    QVERIFY(!r.ok);
    QCOMPARE(r.error.file, QStringLiteral("test.csv"));
    QCOMPARE(r.error.row, row);
    QCOMPARE(r.error.column, column);
    QVERIFY2(r.error.message.contains(messagePart), qPrintable(r.error.message));
    QCOMPARE(r.rows.size(), rowsBefore);
}

void TestCsvReader::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QChar>("delimiter");
    QTest::addColumn<int>("headerRow");
    QTest::addColumn<QStringList>("secondRow");

    const QStringList latin{"Côte d'Ivoire Textiles", "007", "Côte d\u2019Ivoire", "Rue \"Centrale\"", "<1000"};
    const QStringList scripts{"Công ty May", "Viet Nam", "Hà Nội"};
    QTest::addRow("UTF-8 without BOM") << "io/utf8.csv"
                                       << "UTF-8" << QChar(';') << 2 << latin;
    QTest::addRow("UTF-8 with BOM") << "io/utf8_bom.csv"
                                    << "UTF-8" << QChar(';') << 2 << latin;
    QTest::addRow("Windows-1252 by iconv") << "io/cp1252.csv"
                                           << "Windows-1252" << QChar(';') << 2 << latin;
    QTest::addRow("UTF-16LE with BOM by iconv") << "io/utf16le_bom.csv"
                                                << "UTF-16LE" << QChar(',') << 1 << scripts;
    QTest::addRow("UTF-16BE with BOM by iconv") << "io/utf16be_bom.csv"
                                                << "UTF-16BE" << QChar(',') << 1 << scripts;
    QTest::addRow("Thai, Vietnamese, Chinese, Burmese, Bengali") << "io/scripts.csv"
                                                                 << "UTF-8" << QChar(',') << 1 << scripts;
    QTest::addRow("written by LibreOffice")
        << "io/suppliers_libreoffice.csv"
        << "UTF-8" << QChar(',') << 3
        << QStringList{"Công ty May Việt Tiến", "007", "Viet Nam", "Thành phố Hồ Chí Minh", "3500.5", "0", "31.12.1999",
                       "29/02/2000 00:00",      "0.1", "7001"};
}

void TestCsvReader::fixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, encoding);
    QFETCH(QChar, delimiter);
    QFETCH(int, headerRow);
    QFETCH(QStringList, secondRow);
    CsvReader reader(test::dataPath(file));
    const ReadAll r = readAll(reader);
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(reader.encoding(), encoding);
    QVERIFY(reader.encodingDetected());
    QCOMPARE(reader.delimiter(), delimiter);
    QVERIFY(reader.delimiterDetected());
    QCOMPARE(reader.headerRow(), headerRow);
    const int index = int(r.numbers.indexOf(headerRow + 2));
    QVERIFY(index >= 0);
    QCOMPARE(r.rows.at(index), secondRow);
}

void TestCsvReader::overrides()
{
    // Delimiter given: the semicolon file read with commas keeps the semicolons.
    ReaderOptions comma;
    comma.delimiter = QLatin1Char(',');
    comma.headerRow = 2;
    CsvReader a(test::dataPath(QStringLiteral("io/utf8.csv")), comma);
    ReadAll r = readAll(a);
    // Read with commas, row 3 ("Acme; Ltd";00123;...) has text after a closing quote.
    QVERIFY(!r.ok);
    QCOMPARE(r.error.row, qint64(3));
    QVERIFY(!a.delimiterDetected());
    QCOMPARE(a.headerRow(), 2);
    QVERIFY(!a.headerRowDetected());
    QCOMPARE(r.rows.at(1), QStringList{"Name;Supplier ID;Country;Address;Workers"});

    // Encoding given: Windows-1252 bytes read as ISO-8859-1 differ only where 1252 defines 0x80-0x9F.
    ReaderOptions latin1;
    latin1.encoding = QStringLiteral("ISO-8859-1");
    CsvReader b(test::dataPath(QStringLiteral("io/cp1252.csv")), latin1);
    r = readAll(b);
    QVERIFY(r.ok);
    QCOMPARE(b.encoding(), QStringLiteral("ISO-8859-1"));
    QVERIFY(!b.encodingDetected());
    QCOMPARE(r.rows.at(3).at(0), QStringLiteral("Côte d'Ivoire Textiles"));
    QCOMPARE(r.rows.at(3).at(2), QStringLiteral("Côte d\u0092Ivoire"));

    // UTF-16 (BOM decides) given for a UTF-16BE file.
    ReaderOptions utf16;
    utf16.encoding = QStringLiteral("UTF-16");
    CsvReader c(test::dataPath(QStringLiteral("io/utf16be_bom.csv")), utf16);
    r = readAll(c);
    QVERIFY(r.ok);
    QCOMPARE(c.encoding(), QStringLiteral("UTF-16BE"));
    QCOMPARE(r.rows.at(0), (QStringList{"Name", "Country", "City"}));
}

void TestCsvReader::titleRowAndRowNumbers()
{
    // A title row above the header; a quoted line break makes the record span two lines.
    const ReadAll r = readBytes("Factory list 2024\nName;Addr;N\n\"Acme\";\"1 Road\nTown\";1\nB;x;2\n");
    QVERIFY(r.ok);
    QCOMPARE(r.numbers, (QList<qint64>{1, 2, 3, 4}));
    QBuffer buffer;
    buffer.setData("Factory list 2024\nName;Addr;N\n\"Acme\";\"1 Road\nTown\";1\nB;x;2\n");
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, QStringLiteral("t.csv"));
    QVERIFY(reader.open());
    QCOMPARE(reader.headerRow(), 2);
    QVERIFY(reader.headerRowDetected());
    QCOMPARE(reader.delimiter(), QLatin1Char(';'));

    // Many blank lines above a title and the header: the header is still found, blank rows come back empty.
    QBuffer blanks;
    blanks.setData(QByteArray(30, '\n') + "Title\nA,B\n1,2\n");
    blanks.open(QIODevice::ReadOnly);
    CsvReader spaced(&blanks, QStringLiteral("b.csv"));
    const ReadAll s = readAll(spaced);
    QVERIFY(s.ok);
    QCOMPARE(spaced.headerRow(), 32);
    QCOMPARE(s.rows.size(), 33);
    QCOMPARE(s.rows.at(31), (QStringList{"A", "B"}));
    QVERIFY(s.rows.at(0).isEmpty());

    // An error after the look-ahead rows still lets the good rows come first, with the right row number.
    QByteArray bad = "a,b\n";
    for (int i = 0; i < 30; ++i)
        bad += QByteArray::number(i) + ",x\n";
    bad += "oops,\"never closed\n";
    const ReadAll e = readBytes(bad);
    QVERIFY(!e.ok);
    QCOMPARE(e.rows.size(), 31);
    QCOMPARE(e.error.row, qint64(32));
    QCOMPARE(e.error.column, 2);
}

void TestCsvReader::chunkBoundaries()
{
    // Multi-byte characters and quoted fields straddle the reader's 256 KiB chunks.
    QByteArray bytes = "name,text\n";
    QList<QStringList> expected{{"name", "text"}};
    for (int i = 0; i < 20000; ++i) {
        const QString name = QStringLiteral("Zoë %1 广州").arg(i);
        const QString text
            = (i % 3 == 0) ? QStringLiteral("line\nbreak \"q\" %1").arg(i) : QStringLiteral("ß%1").arg(i);
        bytes += name.toUtf8() + ",";
        if (i % 3 == 0)
            bytes += "\"" + text.toUtf8().replace("\"", "\"\"") + "\"";
        else
            bytes += text.toUtf8();
        bytes += (i % 2) ? "\r\n" : "\n";
        expected << QStringList{name, text};
    }
    QVERIFY(bytes.size() > 2 * 256 * 1024);
    const ReadAll r = readBytes(bytes);
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(r.rows.size(), expected.size());
    QCOMPARE(r.rows, expected);

    // The same as UTF-16LE: surrogate pairs (emoji) across chunk boundaries too.
    QString text = QStringLiteral("a,b\n");
    for (int i = 0; i < 70000; ++i)
        text += QStringLiteral("\U0001F600%1,x\n").arg(i);
    QByteArray utf16("\xFF\xFE");
    utf16.append(reinterpret_cast<const char*>(text.utf16()), int(text.size() * 2));
    const ReadAll u = readBytes(utf16);
    QVERIFY2(u.ok, qPrintable(u.error.toString()));
    QCOMPARE(u.rows.size(), 70001);
    QCOMPARE(u.rows.last(), (QStringList{QStringLiteral("\U0001F600%1").arg(69999), "x"}));
}

void TestCsvReader::lineEndAcrossChunks_data()
{
    QTest::addColumn<QByteArray>("eol");
    QTest::addColumn<bool>("inQuotes");
    QTest::addColumn<int>("quoteLine"); // the line on which the unclosed quote of the last row opens

    // Lines: 1 header; 2 (and 3 when the break is inside the quotes) the long row; then "b,c"; then the open quote.
    QTest::addRow("CRLF inside a quoted field, CR the last byte of a chunk") << QByteArray("\r\n") << true << 5;
    QTest::addRow("CR-only inside a quoted field, CR the last byte of a chunk") << QByteArray("\r") << true << 5;
    QTest::addRow("LF-only inside a quoted field, LF the last byte of a chunk") << QByteArray("\n") << true << 5;
    QTest::addRow("CRLF ending a row, CR the last byte of a chunk") << QByteArray("\r\n") << false << 4;
    QTest::addRow("CR-only ending a row, CR the last byte of a chunk") << QByteArray("\r") << false << 4;
}

void TestCsvReader::lineEndAcrossChunks()
{
    // One line break is counted once, however the reads split it: a CRLF whose CR is the last byte of a chunk is one
    // line, and the line named in a later message is right.
    QFETCH(QByteArray, eol);
    QFETCH(bool, inQuotes);
    QFETCH(int, quoteLine);
    const QByteArray head = "name,note" + eol + "a,\"";
    // Padding so that the first byte of the line break is the last byte of the first chunk.
    const QByteArray pad((CsvReader::kChunkBytes - 1) - head.size() - (inQuotes ? 0 : 1), 'x');
    QByteArray bytes = head + pad;
    if (!inQuotes)
        bytes += '"';
    QCOMPARE(bytes.size(), CsvReader::kChunkBytes - 1);
    bytes += eol;
    QCOMPARE(bytes.at(CsvReader::kChunkBytes - 1), eol.at(0)); // the break starts on the chunk's last byte
    QString note = QString::fromLatin1(pad);
    if (inQuotes) {
        bytes += "more\"" + eol;
        note += QString::fromLatin1(eol) + QStringLiteral("more");
    }
    bytes += "b,c" + eol + "d,\"open" + eol + "still open";

    const ReadAll r = readBytes(bytes);
    QVERIFY(!r.ok);
    QCOMPARE(r.rows, (Rows{{"name", "note"}, {"a", note}, {"b", "c"}}));
    QCOMPARE(r.numbers, (QList<qint64>{1, 2, 3}));
    QCOMPARE(r.error.row, qint64(4));
    QCOMPARE(r.error.column, 2);
    QVERIFY2(r.error.message.contains(QStringLiteral("(it opens on line %1)").arg(quoteLine)),
             qPrintable(r.error.toString()));
    QCOMPARE(r.error.detail, QStringLiteral("quote opened on line %1").arg(quoteLine));
}

void TestCsvReader::longFieldAndManyColumns()
{
    // A field over 1 MiB (an unclosed quote swallowing the file looks like this) is an error naming row and column.
    QByteArray big = "a,b\n1,\"";
    big += QByteArray(1024 * 1024 + 10, 'x');
    big += "\"\n";
    ReadAll r = readBytes(big);
    QVERIFY(!r.ok);
    QCOMPARE(r.error.row, qint64(2));
    QCOMPARE(r.error.column, 2);
    QVERIFY(r.error.message.contains(QLatin1String("longer than")));

    // More columns than Excel has (16384).
    QByteArray wide = "a\n";
    wide += QByteArray(16384, ',');
    wide += "\n";
    r = readBytes(wide);
    QVERIFY(!r.ok);
    QCOMPARE(r.error.row, qint64(2));
    QCOMPARE(r.error.column, 16385);

    // Exactly 16384 columns is fine.
    QByteArray ok = "a\n";
    ok += QByteArray(16383, ',');
    ok += "x";
    r = readBytes(ok);
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(r.rows.at(1).size(), 16384);

    // The empty cell after a delimiter that ends the file counts too (found by fuzz_csvreader): 16384 delimiters
    // at the very end make 16385 columns, an error, not a row wider than the limit.
    QByteArray trailing = "a\nx";
    trailing += QByteArray(16384, ',');
    r = readBytes(trailing);
    QVERIFY(!r.ok);
    QCOMPARE(r.error.row, qint64(2));
    QCOMPARE(r.error.column, 16385);
    trailing.chop(1); // "x" and 16383 delimiters: 16384 columns, the last one empty
    r = readBytes(trailing);
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(r.rows.at(1).size(), 16384);
}

void TestCsvReader::cancel()
{
    QByteArray bytes = "a,b\n";
    for (int i = 0; i < 100; ++i)
        bytes += "1,2\n";
    std::atomic<bool> flag{false};
    ReaderOptions options;
    options.cancelFlag = &flag;
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, QStringLiteral("c.csv"), options);
    QVERIFY(reader.open());
    QStringList row;
    QVERIFY(reader.next(row));
    flag = true;
    int more = 0;
    while (reader.next(row))
        ++more;
    QVERIFY(more < 100);
    QVERIFY(reader.failed());
    QVERIFY(reader.error().message.contains(QLatin1String("cancelled")));

    // cancel() from the reader itself.
    buffer.seek(0);
    CsvReader second(&buffer, QStringLiteral("c.csv"));
    second.cancel();
    QVERIFY(!second.open());
}

void TestCsvReader::progress()
{
    QByteArray bytes = "a,b\n";
    for (int i = 0; i < 200000; ++i)
        bytes += "123,456\n";
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, QStringLiteral("p.csv"));
    QCOMPARE(reader.progress(), 0.0);
    QVERIFY(reader.open());
    double last = 0.0;
    bool grew = false;
    QStringList row;
    while (reader.next(row)) {
        const double p = reader.progress();
        QVERIFY(p >= last);
        grew = grew || (p > 0.0 && p < 1.0);
        last = p;
    }
    QVERIFY(!reader.failed());
    QVERIFY(grew);
    QCOMPARE(reader.progress(), 1.0);
}

void TestCsvReader::delimiterDetection_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<QChar>("expected");
    QTest::addRow("commas in quoted addresses do not fool it")
        << "Name;Address\n\"A\";\"1, Road\"\n\"B\";\"2, Lane, Town\"\n"
        << QChar(';');
    QTest::addRow("title row then tabs") << "Title line\nA\tB\tC\n1\t2\t3\n" << QChar('\t');
    QTest::addRow("one column: comma") << "Name\nA\nB\n" << QChar(',');
    QTest::addRow("pipes") << "a|b\n1|2\n3|4\n" << QChar('|');
    QTest::addRow("decimal commas, semicolon delimiter") << "p;q\n1,5;2,5\n3,5;4\n" << QChar(';');
}

void TestCsvReader::delimiterDetection()
{
    QFETCH(QString, sample);
    QFETCH(QChar, expected);
    QCOMPARE(CsvReader::detectDelimiter(sample, true), expected);
}

void TestCsvReader::strayQuoteAtTheEndIsHeldToTheFieldLimit()
{
    // Lenient quotes: a stray quote that ends the file is part of the cell and counts toward its limit (it used to
    // be appended after the last check, giving a cell one character over the limit).
    ReaderOptions options;
    options.strictQuotes = false;
    options.maxFieldChars = 10;
    ReadAll r = readBytes("a\n" + QByteArray(10, 'x') + "\"", options);
    QVERIFY(!r.ok);
    QCOMPARE(r.error.row, qint64(2));
    QCOMPARE(r.error.column, 1);
    QVERIFY2(r.error.message.contains(QLatin1String("longer than 10")), qPrintable(r.error.message));
    r = readBytes("a\n" + QByteArray(9, 'x') + "\"", options);
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(r.rows.at(1), QStringList{QString(9, QLatin1Char('x')) + QLatin1Char('"')});
}

void TestCsvReader::differential()
{
    // Random inputs against referenceParse(): well-formed tables with random quoting and line ends, and random soups
    // of delimiters, quotes and line breaks; multi-byte UTF-8 (Thai, Chinese, Bengali, emoji), long fields; as UTF-8
    // with and without BOM and as UTF-16LE/BE; strict and lenient quotes. Some inputs are large enough to cross the
    // reader's buffers. A fixed seed: a failure names the case and can be replayed.
    QRandomGenerator rng(20261207);
    const QChar delimiters[]
        = {QLatin1Char(','), QLatin1Char(';'), QLatin1Char('\t'), QLatin1Char('|'), QLatin1Char(' ')};
    int failing = 0;
    for (int n = 0; n < 1500; ++n) {
        const QChar delimiter = delimiters[rng.bounded(5)];
        const bool strict = rng.bounded(4) != 0;
        const bool large = n % 250 == 249;
        const QString text = large ? randomTable(rng, delimiter, 6000)
            : rng.bounded(2)       ? randomTable(rng, delimiter, int(rng.bounded(1, 30)))
                                   : randomSoup(rng, delimiter);
        const int encoding = int(rng.bounded(4));
        ReaderOptions options;
        options.delimiter = delimiter;
        options.strictQuotes = strict;
        const ReadAll r = readBytes(encoded(text, encoding), options);
        const Reference ref = referenceParse(text, delimiter, strict);
        const QString what = QStringLiteral("case %1 (delimiter U+%2, %3 quotes, encoding %4, %5 characters)")
                                 .arg(n)
                                 .arg(delimiter.unicode(), 4, 16, QLatin1Char('0'))
                                 .arg(strict ? QStringLiteral("strict") : QStringLiteral("lenient"))
                                 .arg(encoding)
                                 .arg(text.size());
        QVERIFY2(r.ok == !ref.error, qPrintable(what + QStringLiteral(": ") + r.error.toString()));
        QVERIFY2(r.rows == asRows(ref.records), qPrintable(what));
        for (int i = 0; i < r.numbers.size(); ++i)
            QVERIFY2(r.numbers.at(i) == i + 1, qPrintable(what));
        if (ref.error) {
            ++failing;
            QVERIFY2(r.error.row == ref.errorRecord && r.error.column == ref.errorColumn,
                     qPrintable(what
                                + QStringLiteral(": reader says row %1 column %2, reference row %3 column %4")
                                      .arg(r.error.row)
                                      .arg(r.error.column)
                                      .arg(ref.errorRecord)
                                      .arg(ref.errorColumn)));
        }
    }
    // Both kinds of input were there.
    QVERIFY(failing > 100);
    QVERIFY(failing < 1400);
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
