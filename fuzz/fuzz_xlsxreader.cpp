// libFuzzer target for XlsxReader. Input starting with "PK" or the OLE2 magic is read as a file; any other input is
// split at NUL bytes into a sheet XML, a shared strings part, a styles part and a workbook part and zipped into a
// workbook first, so the fuzzer reaches the XML parsers instead of fighting deflate.
// Run: build/fuzz/fuzz/fuzz_xlsxreader -dict=fuzz/xlsx.dict -max_total_time=180 CORPUS_DIR tests/data/io
// fuzz/xlsx_seeds
#include "io/xlsx/xlsxreader.h"

#include <QBuffer>
#include <QList>

#include <quazip.h>
#include <quazipfile.h>

#include <cstdint>
#include <cstdlib>

using namespace vigil;

namespace {

QByteArray wrap(const QByteArray& input)
{
    const QList<QByteArray> parts = input.split('\0');
    const QByteArray sheet = parts.value(0);
    const QByteArray strings = parts.value(1);
    const QByteArray styles = parts.value(2);
    QByteArray workbook = parts.value(3);
    if (workbook.isEmpty())
        workbook = "<workbook xmlns:r=\"r\"><workbookPr date1904=\"0\"/><sheets><sheet name=\"S\" r:id=\"rId1\"/>"
                   "</sheets></workbook>";
    const QByteArray rels
        = "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
          "<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/>"
          "<Relationship Id=\"rId3\" Type=\"x/styles\" Target=\"styles.xml\"/></Relationships>";
    QBuffer buffer;
    buffer.open(QIODevice::ReadWrite);
    {
        QuaZip zip(&buffer);
        zip.open(QuaZip::mdCreate);
        auto add = [&zip](const char* name, const QByteArray& data) {
            QuaZipFile f(&zip);
            // Stored, not deflated: cheaper per run.
            f.open(QIODevice::WriteOnly, QuaZipNewInfo(QString::fromLatin1(name)), nullptr, 0, 0);
            f.write(data);
            f.close();
        };
        add("xl/workbook.xml", workbook);
        add("xl/_rels/workbook.xml.rels", rels);
        add("xl/worksheets/sheet1.xml", sheet);
        add("xl/sharedStrings.xml", strings);
        add("xl/styles.xml", styles);
        zip.close();
    }
    return buffer.data();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), int(size));
    const bool file = input.startsWith("PK") || input.startsWith("\xD0\xCF\x11\xE0");
    const QByteArray bytes = file ? input : wrap(input);

    ReaderOptions options;
    options.maxSheetXmlBytes = 8 * 1024 * 1024;
    options.maxPartBytes = 4 * 1024 * 1024;
    options.maxColumns = 2048;
    options.maxFieldChars = 64 * 1024;
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    XlsxReader reader(&buffer, QStringLiteral("fuzz.xlsx"), options);
    if (!reader.open())
        return 0;
    QStringList row;
    qint64 last = 0;
    int rows = 0;
    // Gaps are returned as empty rows: a row r="1000000" alone gives a million of them; stop early.
    while (rows < 200000 && reader.next(row)) {
        if (row.size() > options.maxColumns || reader.rowNumber() != last + 1)
            abort();
        last = reader.rowNumber();
        ++rows;
    }
    (void)reader.mergedRanges();
    return 0;
}
