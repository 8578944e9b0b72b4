#pragma once

#include "io/csv/textdecoder.h"
#include "io/tablereader.h"

#include <QString>

#include <memory>

class QFile;
class QIODevice;

namespace vigil {

// RFC 4180 CSV and the variants that spreadsheets and ERP systems write: quoted delimiters and line breaks,
// doubled quotes, CRLF/LF/CR line ends, a BOM, UTF-8/UTF-16/Windows-1252, delimiters , ; TAB |.
// The encoding is decided for the whole file at open() by a validating pass (memory stays constant); a file
// that is neither valid UTF-8 nor Windows-1252 is refused with the byte offset and row of the first bad byte.
class CsvReader : public TableReader
{
public:
    explicit CsvReader(const QString& path, const ReaderOptions& options = {});
    // Reads from `device` (open for reading, seekable, outliving the reader); `name` is used in messages.
    CsvReader(QIODevice* device, const QString& name, const ReaderOptions& options = {});
    ~CsvReader() override;

    Format format() const override { return Format::Csv; }
    QString encoding() const override { return TextDecoder::name(m_encoding); }
    bool encodingDetected() const override { return m_encodingDetected; }
    QChar delimiter() const override { return m_delimiter; }
    bool delimiterDetected() const override { return m_delimiterDetected; }

    // The delimiter among , ; TAB | that splits the sample's records most consistently into more than one field;
    // ',' when none does. `complete` says whether the sample is the whole file (else its last record is ignored).
    static QChar detectDelimiter(const QString& sample, bool complete);

    // How many bytes are read and decoded at a time (tests put a line end across two reads with it).
    static constexpr qint64 kChunkBytes = 256 * 1024;

protected:
    Status doOpen() override;
    bool readRow(QStringList& row, qint64& rowNumber) override;
    double doProgress() const override;

private:
    static constexpr qint64 kSampleBytes = 64 * 1024;

    struct Check
    {
        bool ok = true;
        bool nul = false;
        qint64 offset = -1;
        qint64 row = -1;
        QString text;
        int fieldsBefore[5] = {0, 0, 0, 0, 0}; // in the failing row, before the failure: per , ; TAB | given
        TextDecoder::Encoding encoding = TextDecoder::Encoding::Utf8;
    };
    // The encoding check at open(), in csvencodingcheck.cpp: check(), validate(), sampleDelimiter(), failureColumn().
    // Whether the whole file from m_dataStart is valid in `encoding` and free of NULs: a quick pass over the bytes
    // (no text is built for UTF-8 and single-byte encodings). On a failure validate() says where it is, unless
    // `locate` is false and the failure is an undecodable byte (then only ok is false).
    Check check(TextDecoder::Encoding encoding, bool locate = true);
    // Decodes the whole file once from m_dataStart without keeping it: finds undecodable bytes and NULs, with the
    // row and the fields before them.
    Check validate(TextDecoder::Encoding encoding);
    // The 1-based column of a failure found by validate(), by the given or detected delimiter.
    int failureColumn(const Check& check);
    QChar sampleDelimiter(TextDecoder::Encoding encoding);
    bool refill();
    // A character at m_pos, refilling the buffer when it is used up.
    bool ensure() { return m_pos < m_buf.size() || refill(); }
    bool fieldTooLong(qint64 fieldChars, qint64 rowChars, qint64 row, int column);

    std::unique_ptr<QFile> m_file;
    QIODevice* m_device = nullptr;
    qint64 m_size = 0;
    qint64 m_dataStart = 0;
    TextDecoder::Encoding m_encoding = TextDecoder::Encoding::Utf8;
    bool m_encodingDetected = false;
    QChar m_delimiter = QLatin1Char(',');
    bool m_delimiterDetected = false;

    std::unique_ptr<TextDecoder> m_decoder;
    QByteArray m_bytes;
    QString m_buf;
    char16_t m_lastOfPrevious = 0; // the last character of the buffer before m_buf (0 before the first)
    int m_pos = 0;
    bool m_inputDone = false;
    qint64 m_record = 0;
    qint64 m_line = 1;
    int m_columnsHint = 0; // the most cells a row had so far
};

} // namespace vigil
