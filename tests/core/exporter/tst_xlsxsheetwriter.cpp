#include "exporter/xlsxsheetwriter.h"
#include "io/xlsx/xlsxreader.h"

#include <QBuffer>
#include <QTest>

using namespace vigil;

class TestXlsxSheetWriter : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
};

void TestXlsxSheetWriter::roundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::addRow("plain") << "Siam Garment";
    QTest::addRow("XML specials") << "<a href=\"x\">&amp;</a>";
    QTest::addRow("control character") << QString("bell\u0007here");
    QTest::addRow("literal escape-like text") << "_x0041_ stays _x0041_";
    QTest::addRow("line breaks") << "line 1\r\nline 2\nline 3";
    QTest::addRow("Thai") << "บริษัท สยามการ์เมนท์ จำกัด";
    QTest::addRow("Burmese") << "ရွှေမြန်မာ ကုမ္ပဏီ လီမိတက်";
    QTest::addRow("emoji (surrogate pair)") << QString::fromUtf8("fish \xF0\x9F\x90\x9F");
    QTest::addRow("leading and trailing spaces") << "  padded  ";
}

void TestXlsxSheetWriter::roundTrip()
{
    QFETCH(QString, text);
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::ReadWrite));
    {
        XlsxSheetWriter w;
        QVERIFY(w.open(&buffer, QStringLiteral("S & P")));
        w.beginRow();
        w.addText(QStringLiteral("head"), true);
        w.addText(QStringLiteral("number"));
        QVERIFY(w.endRow());
        w.beginRow();
        w.addText(text);
        w.addNumber(0.35);
        QVERIFY(w.endRow());
        QVERIFY(w.close());
    }
    QVERIFY(buffer.isOpen());
    buffer.seek(0);
    ReaderOptions options;
    options.headerRow = 1;
    XlsxReader reader(&buffer, QStringLiteral("test.xlsx"), options);
    QVERIFY2(reader.open(), qPrintable(reader.error().toString()));
    QCOMPARE(reader.sheetName(), QStringLiteral("S & P"));
    QStringList row;
    QVERIFY(reader.next(row));
    QCOMPARE(row, QStringList({"head", "number"}));
    QVERIFY(reader.next(row));
    QCOMPARE(row.value(0), text);
    QCOMPARE(row.value(1), QStringLiteral("0.35"));
    QVERIFY(!reader.next(row));
    QVERIFY(!reader.failed());
}

QTEST_GUILESS_MAIN(TestXlsxSheetWriter)
#include "tst_xlsxsheetwriter.moc"
