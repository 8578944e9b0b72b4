// libFuzzer target for CsvReader: any bytes must give rows or an Error, never a crash, hang or unbounded memory.
// The first byte picks the options (detected or given delimiter/encoding, strict or lenient quotes).
// Run: build/fuzz/fuzz/fuzz_csvreader -dict=fuzz/csv.dict -max_total_time=180 CORPUS_DIR tests/data/io
//          tests/data/io/csv-spectrum/csvs
#include "io/csv/csvreader.h"

#include <QBuffer>

#include <cstdint>
#include <cstdlib>

using namespace vigil;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    const uint8_t mode = data[0];
    ReaderOptions options;
    options.maxFieldChars = 64 * 1024;
    options.maxRowChars = 256 * 1024;
    options.maxColumns = 512;
    options.strictQuotes = (mode & 1) == 0;
    static const char* const encodings[]
        = {"", "", "UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252", "latin1", "UTF-16"};
    options.encoding = QString::fromLatin1(encodings[(mode >> 1) & 7]);
    static const char delimiters[] = {0, 0, ',', ';', '\t', '|', ' ', 'x'};
    if (delimiters[(mode >> 4) & 7])
        options.delimiter = QLatin1Char(delimiters[(mode >> 4) & 7]);
    if (mode & 0x80)
        options.headerRow = 1 + (mode & 3);

    QBuffer buffer;
    buffer.setData(reinterpret_cast<const char*>(data + 1), int(size - 1));
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, QStringLiteral("fuzz.csv"), options);
    if (!reader.open()) {
        if (reader.error().message.isEmpty())
            abort();
        return 0;
    }
    QStringList row;
    qint64 last = 0;
    while (reader.next(row)) {
        if (row.size() > options.maxColumns || reader.rowNumber() != last + 1)
            abort();
        for (const QString& cell : row) {
            if (cell.size() > options.maxFieldChars)
                abort();
        }
        last = reader.rowNumber();
        (void)reader.progress();
    }
    if (reader.failed() && reader.error().file != QLatin1String("fuzz.csv"))
        abort();
    return 0;
}
