#include "io/tablereader.h"

#include "testsupport.h"

#include <QtTest>

using namespace vigil;
using Rows = QList<QStringList>;

class TestTableReader : public QObject
{
    Q_OBJECT

private slots:
    void detectHeaderRow_data();
    void detectHeaderRow();
    void factory_data();
    void factory();
};

void TestTableReader::detectHeaderRow_data()
{
    QTest::addColumn<Rows>("rows");
    QTest::addColumn<int>("header");
    QTest::addRow("header first") << Rows{{"a", "b", "c"}, {"1", "2", "3"}} << 1;
    QTest::addRow("title row above") << Rows{{"Factory list 2024"}, {"Name", "Country", "City"}, {"A", "B", "C"}} << 2;
    QTest::addRow("title and date rows above")
        << Rows{{"Factory list"}, {"As of", "2024-03-01"}, {}, {"N", "C", "X", "Y", "Z"}, {"1", "2", "3", "4", "5"}}
        << 4;
    QTest::addRow("merged band above the header")
        << Rows{{"Supplier", "", "Site", "", "", "Audit"}, {"Name", "ID", "Country", "City", "N", "Date"}} << 2;
    QTest::addRow("blank rows above") << Rows{{}, {"", " "}, {"a", "b"}} << 3;
    QTest::addRow("one column: the first non-empty row") << Rows{{}, {"Name"}, {"A"}} << 2;
    QTest::addRow("nothing") << Rows{{}, {""}} << 0;
}

void TestTableReader::detectHeaderRow()
{
    QFETCH(Rows, rows);
    QFETCH(int, header);
    QCOMPARE(TableReader::detectHeaderRow(rows), header);
}

void TestTableReader::factory_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("format");
    QTest::addRow("csv") << "io/utf8.csv" << int(TableReader::Format::Csv);
    QTest::addRow("xlsx by content") << "io/suppliers.xlsx" << int(TableReader::Format::Xlsx);
    QTest::addRow("xls (compound file) goes to the xlsx reader to be refused")
        << "io/suppliers.xls" << int(TableReader::Format::Xlsx);
    QTest::addRow("encrypted workbook") << "io/encrypted.xlsx" << int(TableReader::Format::Xlsx);
}

void TestTableReader::factory()
{
    QFETCH(QString, file);
    QFETCH(int, format);
    const QString path = test::dataPath(file);
    QCOMPARE(int(TableReader::detectFormat(path)), format);
    auto reader = TableReader::create(path);
    QCOMPARE(int(reader->format()), format);
    QCOMPARE(reader->fileName(), path);
}

QTEST_GUILESS_MAIN(TestTableReader)
#include "tst_tablereader.moc"
