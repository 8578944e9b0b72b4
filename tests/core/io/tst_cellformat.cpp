#include "io/cellformat.h"

#include <QtTest>

using namespace vigil;
using Kind = CellFormat::DateKind;
Q_DECLARE_METATYPE(CellFormat::DateKind)

class TestCellFormat : public QObject
{
    Q_OBJECT

private slots:
    void number_data();
    void number();
    void serialDate_data();
    void serialDate();
    void isoDate_data();
    void isoDate();
    void formatCodeKind_data();
    void formatCodeKind();
    void builtinKind();
};

void TestCellFormat::number_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::addRow("integer without .0") << 1200.0 << "1200";
    QTest::addRow("large integer without exponent") << 123456789012.0 << "123456789012";
    QTest::addRow("2^53 still digits") << 9007199254740992.0 << "9007199254740992";
    QTest::addRow("beyond 2^53: shortest round trip") << 1e20 << "1e+20";
    QTest::addRow("shortest round trip of 0.1") << 0.1 << "0.1";
    QTest::addRow("0.1 + 0.2 keeps its digits") << 0.1 + 0.2 << "0.30000000000000004";
    QTest::addRow("no grouping") << 1234567.25 << "1234567.25";
    QTest::addRow("negative") << -42.0 << "-42";
    QTest::addRow("negative zero") << -0.0 << "0";
    QTest::addRow("small") << -0.000001 << "-1e-06";
}

void TestCellFormat::number()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(CellFormat::number(value), text);
}

void TestCellFormat::serialDate_data()
{
    QTest::addColumn<double>("serial");
    QTest::addColumn<bool>("date1904");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("text");
    QTest::addRow("1900-01-01 is 1") << 1.0 << false << Kind::Date << "1900-01-01";
    QTest::addRow("1900-02-28 is 59") << 59.0 << false << Kind::Date << "1900-02-28";
    QTest::addRow("Excel's 1900-02-29 is 60") << 60.0 << false << Kind::Date << "1900-02-29";
    QTest::addRow("1900-03-01 is 61") << 61.0 << false << Kind::Date << "1900-03-01";
    QTest::addRow("2024-03-15") << 45366.0 << false << Kind::Date << "2024-03-15";
    QTest::addRow("date and time") << 45366.604166666664 << false << Kind::DateTime << "2024-03-15T14:30:00";
    QTest::addRow("time of day shown even with a date-only format")
        << 45366.5 << false << Kind::Date << "2024-03-15T12:00:00";
    QTest::addRow("midnight: date only") << 45366.0 << false << Kind::DateTime << "2024-03-15";
    QTest::addRow("rounding to the next day") << 45366.999999999 << false << Kind::DateTime << "2024-03-16";
    QTest::addRow("time alone") << 0.34375 << false << Kind::Time << "08:15:00";
    QTest::addRow("1904: day 0") << 0.0 << true << Kind::Date << "1904-01-01";
    QTest::addRow("1904: 2024-03-15") << 43904.0 << true << Kind::Date << "2024-03-15";
    QTest::addRow("negative is not a date") << -1401.0 << true << Kind::Date << "-1401";
    QTest::addRow("beyond 9999-12-31 is not a date") << 2958466.0 << false << Kind::Date << "2958466";
    QTest::addRow("9999-12-31") << 2958465.0 << false << Kind::Date << "9999-12-31";
    QTest::addRow("not a date format") << 45366.0 << false << Kind::None << "45366";
}

void TestCellFormat::serialDate()
{
    QFETCH(double, serial);
    QFETCH(bool, date1904);
    QFETCH(Kind, kind);
    QFETCH(QString, text);
    QCOMPARE(CellFormat::serialDate(serial, date1904, kind), text);
}

void TestCellFormat::isoDate_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::addRow("date") << "2024-03-15"
                          << "2024-03-15";
    QTest::addRow("midnight dropped") << "2024-03-15T00:00:00"
                                      << "2024-03-15";
    QTest::addRow("date and time") << "2024-03-15T14:30:05"
                                   << "2024-03-15T14:30:05";
    QTest::addRow("milliseconds dropped") << "2024-03-15T14:30:05.000"
                                          << "2024-03-15T14:30:05";
    QTest::addRow("time") << "14:30:00"
                          << "14:30:00";
    QTest::addRow("garbage kept") << "soon"
                                  << "soon";
}

void TestCellFormat::isoDate()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(CellFormat::isoDate(in), out);
}

void TestCellFormat::formatCodeKind_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<Kind>("kind");
    QTest::addRow("iso date") << "yyyy-mm-dd" << Kind::Date;
    QTest::addRow("escaped separators (LibreOffice)") << "yyyy\\-mm\\-dd" << Kind::Date;
    QTest::addRow("day first with time") << "dd/mm/yyyy\\ hh:mm" << Kind::DateTime;
    QTest::addRow("AM/PM") << "m/d/yy h:mm AM/PM" << Kind::DateTime;
    QTest::addRow("locale and text section") << "[$-409]mmmm d, yyyy;@" << Kind::Date;
    QTest::addRow("quoted words are not tokens") << "[$-409]d \"de\" mmmm yyyy h:mm AM/PM;@" << Kind::DateTime;
    QTest::addRow("hours and minutes") << "hh:mm" << Kind::Time;
    QTest::addRow("minutes and seconds") << "mm:ss" << Kind::Time;
    QTest::addRow("elapsed hours") << "[h]:mm:ss" << Kind::Time;
    QTest::addRow("month alone") << "mmm" << Kind::Date;
    QTest::addRow("General") << "General" << Kind::None;
    QTest::addRow("scientific") << "0.00E+00" << Kind::None;
    QTest::addRow("colour and quoted days") << "[Red]#,##0.00 \"days\";[Blue]-#,##0.00" << Kind::None;
    QTest::addRow("quoted yyyy") << "\"yyyy\"0" << Kind::None;
    QTest::addRow("escaped d") << "0\\d" << Kind::None;
    QTest::addRow("padding with _ and *") << "_-* #,##0_-;-* #,##0_-" << Kind::None;
    QTest::addRow("percent") << "0%" << Kind::None;
    QTest::addRow("text") << "@" << Kind::None;
}

void TestCellFormat::formatCodeKind()
{
    QFETCH(QString, code);
    QFETCH(Kind, kind);
    QCOMPARE(CellFormat::formatCodeKind(code), kind);
}

void TestCellFormat::builtinKind()
{
    for (int id : {14, 15, 16, 17})
        QCOMPARE(CellFormat::builtinKind(id), Kind::Date);
    for (int id : {18, 19, 20, 21, 45, 46, 47})
        QCOMPARE(CellFormat::builtinKind(id), Kind::Time);
    QCOMPARE(CellFormat::builtinKind(22), Kind::DateTime);
    for (int id : {0, 1, 2, 9, 10, 11, 12, 13, 23, 37, 44, 48, 49})
        QCOMPARE(CellFormat::builtinKind(id), Kind::None);
}

QTEST_GUILESS_MAIN(TestCellFormat)
#include "tst_cellformat.moc"
