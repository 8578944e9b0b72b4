// Reading speed and memory of the table readers. Prints figures; never passes or fails on time.
// bench_readers [ROWS]   (default 1,000,000 rows of 11 supplier-like columns, about 110 MB of CSV in a temp dir)
#include "io/csv/csvreader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

#include <cstdio>

using namespace vigil;

namespace {

long peakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss; // KiB on Linux
}

// Supplier-like rows: names in several scripts, quoted addresses with commas and line breaks, leading zeros.
QByteArray makeRow(qint64 i)
{
    static const char* const names[] = {"Acme Garments Ltd", "บริษัท สยามการ์เมนท์ จำกัด", "Công ty May Việt Tiến",
                                        "广州纺织有限公司",  "ঢাকা গার্মেন্টস লিমিটেড", "Müller Textil GmbH"};
    static const char* const countries[] = {"Thailand", "Viet Nam", "China", "Bangladesh", "Türkiye", "Myanmar"};
    const int k = int(i % 6);
    QByteArray row;
    row.reserve(160);
    row += "SUP-" + QByteArray::number(i).rightJustified(7, '0');
    row += ',';
    row += names[k];
    row += ',';
    row += countries[(i / 7) % 6];
    row += ",\"Plot " + QByteArray::number(i % 997) + ", Industrial Zone";
    row += (i % 50 == 0) ? "\nBlock C\"" : "\"";
    row += ",City " + QByteArray::number(i % 311);
    row += ',' + QByteArray::number(100 + (i * 37) % 9000);
    row += ",\"" + QByteArray::number((i * 13) % 5000) + "-" + QByteArray::number((i * 13) % 5000 + 500) + "\"";
    row += ",2024-0" + QByteArray::number(1 + i % 9) + "-1" + QByteArray::number(i % 9);
    row += ",0" + QByteArray::number(i % 1000);
    row += (i % 3 == 0) ? ",yes" : ",no";
    row += ",\"note \"\"" + QByteArray::number(i % 17) + "\"\"\"\r\n";
    return row;
}

} // namespace

int main(int argc, char** argv)
{
    const qint64 rows = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1000000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("suppliers.csv"));
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
            return 1;
        }
        f.write("Supplier ID,Name,Country,Address,City,Workers,Worker band,Audit date,Code,Audited,Note\r\n");
        QByteArray block;
        for (qint64 i = 1; i <= rows; ++i) {
            block += makeRow(i);
            if (block.size() > (1 << 20)) {
                f.write(block);
                block.clear();
            }
        }
        f.write(block);
    }
    const qint64 bytes = QFile(path).size();
    const long rssBefore = peakRssKiB();

    QElapsedTimer timer;
    timer.start();
    CsvReader reader(path);
    if (!reader.open()) {
        std::fprintf(stderr, "%s\n", qPrintable(reader.error().toString()));
        return 1;
    }
    const qint64 openMs = timer.elapsed();
    QStringList row;
    qint64 count = 0;
    qint64 cells = 0;
    while (reader.next(row)) {
        ++count;
        cells += row.size();
    }
    if (reader.failed()) {
        std::fprintf(stderr, "%s\n", qPrintable(reader.error().toString()));
        return 1;
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    std::printf("csv file:            %.1f MB, %lld rows + header, 11 columns\n", bytes / 1e6,
                static_cast<long long>(rows));
    std::printf("encoding, delimiter: %s, '%c' (detected)\n", qPrintable(reader.encoding()),
                char(reader.delimiter().unicode()));
    std::printf("rows read:           %lld (%lld cells)\n", static_cast<long long>(count),
                static_cast<long long>(cells));
    std::printf("open (validating pass + detection): %.2f s\n", openMs / 1000.0);
    std::printf("total:               %.2f s, %.0f rows/s, %.1f MB/s\n", seconds, count / seconds,
                bytes / 1e6 / seconds);
    std::printf("peak RSS:            %.1f MiB (%.1f MiB before reading)\n", peakRssKiB() / 1024.0, rssBefore / 1024.0);
    return 0;
}
