// ImportPipeline: the import's reading and matching threads, on a real CSV file. Rows come out matched and in file
// order, blank rows and the rows up to the header are left out, and stop() ends both threads at once, however many
// rows are still queued.
#include "importer/columnmapping.h"
#include "importer/importer.h"
#include "importer/importpipeline.h"
#include "importer/matchindex.h"
#include "importer/rowbuilder.h"
#include "io/tablereader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

namespace {

const QStringList kHeader{QStringLiteral("Supplier Name"), QStringLiteral("Country")};

// A CSV file: a title row, the header, then `rows` suppliers, with a blank row after every 50th. Row n of the file
// (n >= 3) names "Factory <n>" unless it repeats an earlier supplier (every 100th row repeats row 3's).
QString writeCsv(const QTemporaryDir& dir, int rows)
{
    const QString path = dir.filePath(QStringLiteral("suppliers.csv"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    QByteArray text = "Approved suppliers 2026\n" + kHeader.join(QLatin1Char(',')).toUtf8() + '\n';
    int fileRow = 2;
    for (int i = 0; i < rows; ++i) {
        ++fileRow;
        if (fileRow % 100 == 0)
            text += "Factory 3,Thailand\n";
        else
            text += "Factory " + QByteArray::number(fileRow) + ",Thailand\n";
        if (i % 50 == 49) {
            ++fileRow;
            text += ",\n";
        }
    }
    f.write(text);
    return path;
}

struct Setup
{
    std::unique_ptr<TableReader> reader;
    MatchIndex index;
    ImportOptions options;
    ResolvedDecisions decisions;
    std::unique_ptr<RowBuilder> builder;
    std::unique_ptr<RowMatcher> matcher;

    bool open(const QString& path)
    {
        reader = TableReader::create(path);
        if (!reader || !reader->open() || reader->headerRow() != 2)
            return false;
        builder = std::make_unique<RowBuilder>(HeaderMatcher::map(kHeader), kHeader, QStringLiteral("suppliers.csv"));
        matcher = std::make_unique<RowMatcher>(index, options, decisions, 1, QStringLiteral("suppliers.csv"));
        return true;
    }
};

} // namespace

class TestImportPipeline : public QObject
{
    Q_OBJECT

private slots:
    void rowsComeMatchedInFileOrder();
    void stopEndsBothThreadsWithRowsQueued();
};

void TestImportPipeline::rowsComeMatchedInFileOrder()
{
    QTemporaryDir dir;
    const int rows = 1000; // several of the reading thread's batches of 128
    const QString path = writeCsv(dir, rows);
    Setup s;
    QVERIFY(s.open(path));
    ImportPipeline pipeline(*s.reader, s.reader->headerRow(), *s.builder, *s.matcher);
    qint64 lastRow = 2;
    qint64 nextKey = 1;
    int seen = 0, merged = 0;
    while (MatchedRow* m = pipeline.next()) {
        ++seen;
        const qint64 rn = m->in.row;
        QVERIFY2(rn > lastRow, qPrintable(QStringLiteral("row %1 after row %2").arg(rn).arg(lastRow)));
        // Blank rows are left out: the row after every 50th supplier is one.
        QVERIFY2(!m->in.built.record.supplier.name.isEmpty(), qPrintable(QString::number(rn)));
        lastRow = rn;
        QCOMPARE(m->in.built.record.supplier.country, QStringLiteral("TH"));
        if (rn % 100 == 0) {
            // The same supplier as row 3, matched within the file to the key row 3 was given.
            QCOMPARE(m->in.built.record.supplier.name, QStringLiteral("Factory 3"));
            QCOMPARE(toString(m->result.action), toString(RowAction::Merge));
            QCOMPARE(m->targetKey, 1);
            ++merged;
        } else {
            QCOMPARE(m->in.built.record.supplier.name, QStringLiteral("Factory %1").arg(rn));
            QCOMPARE(toString(m->result.action), toString(RowAction::Add));
            QCOMPARE(m->newKey, nextKey++);
        }
    }
    QCOMPARE(seen, rows);
    QVERIFY(merged > 0);
    QCOMPARE(lastRow, 2 + rows + (rows / 50 - 1)); // the last blank row comes after the last supplier
    QVERIFY(pipeline.next() == nullptr);
    QVERIFY(!s.reader->failed());
}

void TestImportPipeline::stopEndsBothThreadsWithRowsQueued()
{
    QTemporaryDir dir;
    const QString path = writeCsv(dir, 50000);
    Setup s;
    QVERIFY(s.open(path));
    ImportPipeline pipeline(*s.reader, s.reader->headerRow(), *s.builder, *s.matcher);
    for (int i = 0; i < 10; ++i)
        QVERIFY(pipeline.next() != nullptr);
    // Let both queues fill: the threads are then blocked on them, and stop() must wake them.
    QTest::qWait(200);
    pipeline.stop();
    QVERIFY(pipeline.next() == nullptr);
    // The reader was left where the reading thread stopped, far from the end of the file.
    QVERIFY(s.reader->rowNumber() < 50000);
    pipeline.stop(); // a second stop (and the destructor's) is harmless
}

QTEST_GUILESS_MAIN(TestImportPipeline)
#include "tst_importpipeline.moc"
