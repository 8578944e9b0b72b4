#include "io/tablereader.h"

#include "testsupport.h"

#include <QSemaphore>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <atomic>

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
    void cancelFromAnotherThread();
    void rowsIntoOneList_data();
    void rowsIntoOneList();
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

void TestTableReader::rowsIntoOneList_data()
{
    QTest::addColumn<int>("headerRow");
    QTest::addRow("header given: every row read straight into the caller's list") << 1;
    QTest::addRow("header detected: the first rows come from the look-ahead") << 0;
}

void TestTableReader::rowsIntoOneList()
{
    // One list passed to next() row after row, as the importer does: each row is whole and its own (not what is left
    // of the one before), rows of empty cells and blank lines come back as empty rows, trailing ones are dropped, and
    // at the end the list is empty.
    QFETCH(int, headerRow);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rows.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QByteArray bytes = "name,country,city\n";
    Rows expected{{"name", "country", "city"}};
    for (int i = 1; i <= 40; ++i) {
        if (i % 7 == 0) {
            bytes += (i % 2) ? ",,\n" : "\n";
            expected << QStringList();
        } else if (i % 5 == 0) {
            bytes += "n" + QByteArray::number(i) + "\n"; // shorter than the row before
            expected << QStringList{QStringLiteral("n%1").arg(i)};
        } else {
            bytes += "n" + QByteArray::number(i) + ",TH,c" + QByteArray::number(i) + "\n";
            expected << QStringList{QStringLiteral("n%1").arg(i), "TH", QStringLiteral("c%1").arg(i)};
        }
    }
    bytes += "\n,\n\n";
    QVERIFY(f.write(bytes) == bytes.size());
    f.close();
    ReaderOptions options;
    options.headerRow = headerRow;
    auto reader = TableReader::create(path, options);
    QVERIFY(reader->open());
    Rows rows;
    QList<qint64> numbers;
    QStringList row;
    while (reader->next(row)) {
        rows << row;
        numbers << reader->rowNumber();
    }
    QVERIFY2(!reader->failed(), qPrintable(reader->error().toString()));
    QCOMPARE(rows, expected);
    QCOMPARE(numbers.size(), expected.size());
    for (int i = 0; i < numbers.size(); ++i)
        QCOMPARE(numbers[i], qint64(i + 1));
    QVERIFY(row.isEmpty());
    QVERIFY(!reader->next(row));
    QVERIFY(row.isEmpty());
}

void TestTableReader::cancelFromAnotherThread()
{
    // A worker thread reads; the main thread cancels through the flag; the worker stops with an Error.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("id,name\n");
    for (int i = 0; i < 100000; ++i)
        f.write(QByteArray::number(i) + ",supplier " + QByteArray::number(i) + "\n");
    f.close();

    std::atomic<bool> cancel{false};
    ReaderOptions options;
    options.cancelFlag = &cancel;
    QSemaphore firstRowRead;
    QSemaphore goOn;
    bool failed = false;
    QString message;
    qint64 rowsAfterCancel = 0;
    std::unique_ptr<QThread> worker(QThread::create([&]() {
        auto reader = TableReader::create(path, options);
        QStringList row;
        if (!reader->open() || !reader->next(row)) {
            firstRowRead.release();
            return;
        }
        firstRowRead.release();
        goOn.acquire();
        while (reader->next(row))
            ++rowsAfterCancel;
        failed = reader->failed();
        message = reader->error().message;
    }));
    worker->start();
    QVERIFY(firstRowRead.tryAcquire(1, 60000));
    cancel = true;
    goOn.release();
    QVERIFY(worker->wait(60000));
    QVERIFY(failed);
    QVERIFY(message.contains(QLatin1String("cancelled")));
    QVERIFY(rowsAfterCancel <= TableReader::kLookaheadRows); // only rows already read ahead
}

QTEST_GUILESS_MAIN(TestTableReader)
#include "tst_tablereader.moc"
