// Reading speed and memory of the table readers. Prints figures; never passes or fails on time.
// bench_readers [ROWS [XLSX_ROWS]]
//   CSV:  ROWS (default 1,000,000) rows of 11 supplier-like columns, about 146 MB, in a temp dir
//   XLSX: XLSX_ROWS (default 200,000) rows of the same kind in one sheet (inline strings, numbers, dates),
//         written uncompressed ("stored") by a minimal zip writer here, so its sheet XML is streamed as is
#include "io/csv/csvreader.h"
#include "io/xlsx/xlsxreader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

#include <cstdio>
#include <ctime>

using namespace vigil;

namespace {

// CPU seconds of this process: on a shared machine it says more than wall time.
double cpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + t.tv_nsec / 1e9;
}

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

// A zip writer for "stored" entries, enough for a workbook: local headers are patched once sizes are known.
class StoredZip
{
public:
    explicit StoredZip(const QString& path)
        : m_file(path)
    {
        m_ok = m_file.open(QIODevice::WriteOnly);
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            m_table[i] = c;
        }
    }
    bool ok() const { return m_ok; }
    void begin(const QByteArray& name)
    {
        m_entry = {name, quint32(m_file.pos()), 0xFFFFFFFFu, 0};
        QByteArray h;
        put32(h, 0x04034b50);
        put16(h, 20);
        put16(h, 0);
        put16(h, 0);
        put16(h, 0);
        put16(h, 0x21);
        put32(h, 0);
        put32(h, 0);
        put32(h, 0);
        put16(h, quint16(name.size()));
        put16(h, 0);
        m_file.write(h + name);
    }
    void write(const QByteArray& data)
    {
        for (char ch : data)
            m_entry.crc = m_table[(m_entry.crc ^ quint8(ch)) & 0xFF] ^ (m_entry.crc >> 8);
        m_entry.size += quint32(data.size());
        m_file.write(data);
    }
    void end()
    {
        m_entry.crc ^= 0xFFFFFFFFu;
        const qint64 here = m_file.pos();
        m_file.seek(m_entry.offset + 14);
        QByteArray f;
        put32(f, m_entry.crc);
        put32(f, m_entry.size);
        put32(f, m_entry.size);
        m_file.write(f);
        m_file.seek(here);
        m_entries << m_entry;
    }
    void add(const QByteArray& name, const QByteArray& data)
    {
        begin(name);
        write(data);
        end();
    }
    bool close()
    {
        const quint32 start = quint32(m_file.pos());
        QByteArray cd;
        for (const Entry& e : m_entries) {
            put32(cd, 0x02014b50);
            put16(cd, 20);
            put16(cd, 20);
            put16(cd, 0);
            put16(cd, 0);
            put16(cd, 0);
            put16(cd, 0x21);
            put32(cd, e.crc);
            put32(cd, e.size);
            put32(cd, e.size);
            put16(cd, quint16(e.name.size()));
            put16(cd, 0);
            put16(cd, 0);
            put16(cd, 0);
            put16(cd, 0);
            put32(cd, 0);
            put32(cd, e.offset);
            cd += e.name;
        }
        QByteArray end;
        put32(end, 0x06054b50);
        put16(end, 0);
        put16(end, 0);
        put16(end, quint16(m_entries.size()));
        put16(end, quint16(m_entries.size()));
        put32(end, quint32(cd.size()));
        put32(end, start);
        put16(end, 0);
        m_file.write(cd + end);
        return m_file.flush();
    }

private:
    struct Entry
    {
        QByteArray name;
        quint32 offset;
        quint32 crc;
        quint32 size;
    };
    static void put16(QByteArray& b, quint16 v)
    {
        b.append(char(v & 0xFF));
        b.append(char(v >> 8));
    }
    static void put32(QByteArray& b, quint32 v)
    {
        put16(b, quint16(v & 0xFFFF));
        put16(b, quint16(v >> 16));
    }
    QFile m_file;
    bool m_ok = false;
    quint32 m_table[256];
    Entry m_entry;
    QList<Entry> m_entries;
};

QByteArray inlineCell(const QByteArray& text)
{
    return "<c t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

bool writeWorkbook(const QString& path, qint64 rows)
{
    StoredZip zip(path);
    if (!zip.ok())
        return false;
    const QByteArray main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
    const QByteArray rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    zip.add("_rels/.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            "<Relationship Id=\"rId1\" Type=\""
                + rel
                + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                  "</Relationships>");
    zip.add("xl/workbook.xml",
            "<workbook " + main + " xmlns:r=\"" + rel
                + "\"><sheets><sheet name=\"Suppliers\" "
                  "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
    zip.add("xl/_rels/workbook.xml.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            "<Relationship Id=\"rId1\" Type=\""
                + rel
                + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                  "<Relationship Id=\"rId2\" Type=\""
                + rel + "/styles\" Target=\"styles.xml\"/></Relationships>");
    zip.add("xl/styles.xml",
            "<styleSheet " + main
                + "><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>"
                  "</cellXfs></styleSheet>");
    zip.begin("xl/worksheets/sheet1.xml");
    zip.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet " + main + "><dimension ref=\"A1:K"
              + QByteArray::number(rows + 1) + "\"/><sheetData>");
    QByteArray block = "<row r=\"1\">";
    for (const char* h : {"Supplier ID", "Name", "Country", "Address", "City", "Workers", "Worker band", "Audit date",
                          "Code", "Audited", "Note"})
        block += inlineCell(h);
    block += "</row>";
    static const char* const names[] = {"Acme Garments Ltd", "บริษัท สยามการ์เมนท์ จำกัด", "Công ty May Việt Tiến",
                                        "广州纺织有限公司",  "ঢাকা গার্মেন্টস লিমিটেড", "Müller Textil GmbH"};
    for (qint64 i = 1; i <= rows; ++i) {
        block += "<row r=\"" + QByteArray::number(i + 1) + "\">";
        block += inlineCell("SUP-" + QByteArray::number(i).rightJustified(7, '0'));
        block += inlineCell(names[i % 6]);
        block += inlineCell(i % 2 ? "Thailand" : "Viet Nam");
        block += inlineCell("Plot " + QByteArray::number(i % 997) + ", Industrial Zone");
        block += inlineCell("City " + QByteArray::number(i % 311));
        block += "<c><v>" + QByteArray::number(100 + (i * 37) % 9000) + "</v></c>";
        block += inlineCell(QByteArray::number((i * 13) % 5000) + "-" + QByteArray::number((i * 13) % 5000 + 500));
        block += "<c s=\"1\"><v>" + QByteArray::number(45000 + i % 900) + "</v></c>";
        block += inlineCell("0" + QByteArray::number(i % 1000));
        block += QByteArray("<c t=\"b\"><v>") + (i % 3 == 0 ? "1" : "0") + "</v></c>";
        block += inlineCell("note " + QByteArray::number(i % 17));
        block += "</row>";
        if (block.size() > (1 << 20)) {
            zip.write(block);
            block.clear();
        }
    }
    zip.write(block + "</sheetData></worksheet>");
    zip.end();
    return zip.close();
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
    const double cpuStart = cpuSeconds();
    CsvReader reader(path);
    if (!reader.open()) {
        std::fprintf(stderr, "%s\n", qPrintable(reader.error().toString()));
        return 1;
    }
    const double openSeconds = timer.nsecsElapsed() / 1e9;
    const double openCpu = cpuSeconds() - cpuStart;
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
    const double cpu = cpuSeconds() - cpuStart;
    std::printf("csv file:            %.1f MB, %lld rows + header, 11 columns\n", bytes / 1e6,
                static_cast<long long>(rows));
    std::printf("encoding, delimiter: %s, '%c' (detected)\n", qPrintable(reader.encoding()),
                char(reader.delimiter().unicode()));
    std::printf("rows read:           %lld (%lld cells)\n", static_cast<long long>(count),
                static_cast<long long>(cells));
    std::printf("open (validating pass + detection): %.2f s (%.2f s CPU)\n", openSeconds, openCpu);
    std::printf("reading the rows:    %.2f s (%.2f s CPU), %.2f us/row\n", seconds - openSeconds, cpu - openCpu,
                (seconds - openSeconds) * 1e6 / double(count));
    std::printf("total:               %.2f s (%.2f s CPU), %.0f rows/s, %.1f MB/s\n", seconds, cpu, count / seconds,
                bytes / 1e6 / seconds);
    std::printf("peak RSS:            %.1f MiB (%.1f MiB before reading)\n", peakRssKiB() / 1024.0, rssBefore / 1024.0);

    // XLSX
    const qint64 xlsxRows = argc > 2 ? QByteArray(argv[2]).toLongLong() : 200000;
    const QString xlsxPath = dir.filePath(QStringLiteral("suppliers.xlsx"));
    if (!writeWorkbook(xlsxPath, xlsxRows)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(xlsxPath));
        return 1;
    }
    const qint64 xlsxBytes = QFile(xlsxPath).size();
    const long xlsxRssBefore = peakRssKiB();
    timer.restart();
    XlsxReader xlsx(xlsxPath);
    if (!xlsx.open()) {
        std::fprintf(stderr, "%s\n", qPrintable(xlsx.error().toString()));
        return 1;
    }
    const qint64 xlsxOpenMs = timer.elapsed();
    count = 0;
    cells = 0;
    while (xlsx.next(row)) {
        ++count;
        cells += row.size();
    }
    if (xlsx.failed()) {
        std::fprintf(stderr, "%s\n", qPrintable(xlsx.error().toString()));
        return 1;
    }
    const double xlsxSeconds = timer.nsecsElapsed() / 1e9;
    std::printf("\nxlsx file:           %.1f MB (stored, sheet XML streamed), %lld rows + header, 11 columns\n",
                xlsxBytes / 1e6, static_cast<long long>(xlsxRows));
    std::printf("rows read:           %lld (%lld cells)\n", static_cast<long long>(count),
                static_cast<long long>(cells));
    std::printf("open (parts + merge scan): %.2f s\n", xlsxOpenMs / 1000.0);
    std::printf("total:               %.2f s, %.0f rows/s, %.1f MB/s of sheet XML\n", xlsxSeconds, count / xlsxSeconds,
                xlsxBytes / 1e6 / xlsxSeconds);
    std::printf("peak RSS:            %.1f MiB (%.1f MiB before reading)\n", peakRssKiB() / 1024.0,
                xlsxRssBefore / 1024.0);
    return 0;
}
