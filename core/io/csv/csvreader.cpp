#include "io/csv/csvreader.h"

#include <QFile>
#include <QHash>
#include <QIODevice>

#include <algorithm>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <iterator>

namespace vigil {

namespace {

constexpr int kSampleRecords = 50;

// Field counts of the first records of `sample` split by `delimiter` (quotes respected, stray quotes literal).
QList<int> fieldCounts(const QString& sample, QChar delimiter, bool complete)
{
    QList<int> counts;
    int fields = 1;
    bool inQuotes = false;
    bool any = false;
    const int n = int(sample.size());
    for (int i = 0; i < n && counts.size() < kSampleRecords; ++i) {
        const QChar c = sample.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && sample.at(i + 1) == QLatin1Char('"'))
                    ++i;
                else
                    inQuotes = false;
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            inQuotes = true;
            any = true;
        } else if (c == delimiter) {
            ++fields;
            any = true;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < n && sample.at(i + 1) == QLatin1Char('\n'))
                ++i;
            if (any)
                counts << fields;
            fields = 1;
            any = false;
        } else {
            any = true;
        }
    }
    if (complete && any && counts.size() < kSampleRecords)
        counts << fields;
    return counts;
}

// The index of the first of a, b, c, d in p[i..n), or n. Eight characters at a time where SSE2 is there (every
// x86-64): cells are short, but most of a row's characters are passed over here.
Q_ALWAYS_INLINE int findAny(const char16_t* p, int i, int n, char16_t a, char16_t b, char16_t c, char16_t d)
{
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi16(short(a));
    const __m128i vb = _mm_set1_epi16(short(b));
    const __m128i vc = _mm_set1_epi16(short(c));
    const __m128i vd = _mm_set1_epi16(short(d));
    for (; i + 8 <= n; i += 8) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi16(x, va), _mm_cmpeq_epi16(x, vb)),
                                         _mm_or_si128(_mm_cmpeq_epi16(x, vc), _mm_cmpeq_epi16(x, vd)));
        if (const int mask = _mm_movemask_epi8(hit))
            return i + __builtin_ctz(unsigned(mask)) / 2;
    }
#endif
    for (; i < n; ++i) {
        const char16_t x = p[i];
        if (x == a || x == b || x == c || x == d)
            return i;
    }
    return n;
}

bool looksLikeMarkup(const QByteArray& head)
{
    QByteArray h = head.trimmed().left(32).toLower();
    return h.startsWith("<?xml") || h.startsWith("<html") || h.startsWith("<!doctype html") || h.startsWith("<table");
}

} // namespace

CsvReader::CsvReader(const QString& path, const ReaderOptions& options)
    : TableReader(path, options)
    , m_file(std::make_unique<QFile>(path))
{
}

CsvReader::CsvReader(QIODevice* device, const QString& name, const ReaderOptions& options)
    : TableReader(name, options)
    , m_device(device)
{
}

CsvReader::~CsvReader() = default;

QChar CsvReader::detectDelimiter(const QString& sample, bool complete)
{
    const QChar candidates[] = {QLatin1Char(','), QLatin1Char(';'), QLatin1Char('\t'), QLatin1Char('|')};
    QChar best = QLatin1Char(',');
    int bestScore = 0;
    for (QChar d : candidates) {
        const QList<int> counts = fieldCounts(sample, d, complete);
        QHash<int, int> frequency;
        for (int c : counts) {
            if (c > 1)
                ++frequency[c];
        }
        int score = 0;
        for (auto it = frequency.cbegin(); it != frequency.cend(); ++it)
            score = std::max(score, it.value());
        if (score > bestScore) {
            bestScore = score;
            best = d;
        }
    }
    return best;
}

Status CsvReader::doOpen()
{
    if (m_file) {
        if (!m_file->open(QIODevice::ReadOnly))
            return makeFileError(QStringLiteral("cannot open the file: %1").arg(m_file->errorString()));
        m_device = m_file.get();
    }
    if (!m_device || !m_device->isOpen() || m_device->isSequential())
        return makeFileError(QStringLiteral("cannot read the file"));
    m_size = m_device->size();
    m_device->seek(0);
    const QByteArray head = m_device->peek(512);
    TextDecoder::Encoding bomEncoding = TextDecoder::Encoding::Utf8;
    const int bom = TextDecoder::bomLength(head, &bomEncoding);
    if (bom < 0)
        return makeFileError(QStringLiteral("the file is UTF-32, which Vigil does not read: save it as UTF-8"));
    if (looksLikeMarkup(head.mid(bom)))
        return makeFileError(QStringLiteral("this is an HTML or XML file, not CSV or Excel: open it in a spreadsheet "
                                            "program and save it as .xlsx or .csv"));

    if (!m_options.encoding.isEmpty()) {
        QString n = m_options.encoding.trimmed().toLower().remove(QLatin1Char('-')).remove(QLatin1Char('_'));
        std::optional<TextDecoder::Encoding> e;
        if (n == QLatin1String("utf16")) {
            if (bom > 0 && bomEncoding != TextDecoder::Encoding::Utf8)
                e = bomEncoding;
            else
                return makeFileError(QStringLiteral("the file has no UTF-16 byte order mark: give UTF-16LE or "
                                                    "UTF-16BE as the encoding"));
        } else {
            e = TextDecoder::fromName(m_options.encoding);
        }
        if (!e)
            return makeFileError(QStringLiteral("unknown encoding '%1': use UTF-8, UTF-16LE, UTF-16BE, UTF-16, "
                                                "Windows-1252 or ISO-8859-1")
                                     .arg(m_options.encoding));
        m_encoding = *e;
        m_dataStart = (bom > 0 && bomEncoding == m_encoding) ? bom : 0;
        m_encodingDetected = false;
        const Check c = check(m_encoding);
        if (isCancelled())
            return makeFileError(QStringLiteral("reading was cancelled"));
        if (!c.ok) {
            if (c.nul)
                return makeFileError(c.text, c.row, failureColumn(c));
            return makeFileError(QStringLiteral("the file is not valid %1: %2 at byte offset %3 (row %4)")
                                     .arg(TextDecoder::name(m_encoding), c.text)
                                     .arg(c.offset)
                                     .arg(c.row),
                                 c.row, failureColumn(c), QStringLiteral("byte offset %1").arg(c.offset));
        }
    } else if (bom > 0) {
        m_encoding = bomEncoding;
        m_dataStart = bom;
        m_encodingDetected = true;
        const Check c = check(m_encoding);
        if (isCancelled())
            return makeFileError(QStringLiteral("reading was cancelled"));
        if (!c.ok) {
            if (c.nul)
                return makeFileError(c.text, c.row, failureColumn(c));
            return makeFileError(QStringLiteral("the file starts with a %1 byte order mark but is not valid %1: %2 "
                                                "at byte offset %3 (row %4)")
                                     .arg(TextDecoder::name(m_encoding), c.text)
                                     .arg(c.offset)
                                     .arg(c.row),
                                 c.row, failureColumn(c), QStringLiteral("byte offset %1").arg(c.offset));
        }
    } else {
        m_dataStart = 0;
        m_encodingDetected = true;
        // Where the file stops being UTF-8 is only looked for if it is not Windows-1252 either (for the message).
        Check utf8 = check(TextDecoder::Encoding::Utf8, false);
        if (isCancelled())
            return makeFileError(QStringLiteral("reading was cancelled"));
        if (utf8.ok) {
            m_encoding = TextDecoder::Encoding::Utf8;
        } else if (utf8.nul) {
            return makeFileError(utf8.text, utf8.row, failureColumn(utf8));
        } else {
            const Check cp = check(TextDecoder::Encoding::Windows1252);
            if (isCancelled())
                return makeFileError(QStringLiteral("reading was cancelled"));
            if (cp.nul)
                return makeFileError(cp.text, cp.row, failureColumn(cp));
            if (!cp.ok) {
                utf8 = validate(TextDecoder::Encoding::Utf8);
                if (isCancelled())
                    return makeFileError(QStringLiteral("reading was cancelled"));
                return makeFileError(
                    QStringLiteral("cannot tell the file's encoding: it is not UTF-8 (%1 at byte offset %2, row %3) "
                                   "and not Windows-1252 (%4 at byte offset %5, row %6); save it as UTF-8")
                        .arg(utf8.text)
                        .arg(utf8.offset)
                        .arg(utf8.row)
                        .arg(cp.text)
                        .arg(cp.offset)
                        .arg(cp.row),
                    cp.row, failureColumn(cp), QStringLiteral("byte offset %1").arg(cp.offset));
            }
            m_encoding = TextDecoder::Encoding::Windows1252;
        }
    }

    // Delimiter: given, or detected on the first 64 KiB.
    if (!m_options.delimiter.isNull()) {
        m_delimiter = m_options.delimiter;
        if (m_delimiter == QLatin1Char('"') || m_delimiter == QLatin1Char('\r') || m_delimiter == QLatin1Char('\n'))
            return makeFileError(QStringLiteral("a quote or line break cannot be the delimiter"));
        m_delimiterDetected = false;
    } else {
        m_delimiter = sampleDelimiter(m_encoding);
        m_delimiterDetected = true;
    }

    m_device->seek(m_dataStart);
    m_decoder = std::make_unique<TextDecoder>(m_encoding, m_dataStart);
    m_buf.clear();
    m_lastOfPrevious = 0;
    m_pos = 0;
    m_inputDone = false;
    m_record = 0;
    m_line = 1;
    return {};
}

bool CsvReader::refill()
{
    if (!m_buf.isEmpty())
        m_lastOfPrevious = m_buf.back().unicode();
    m_buf.resize(0); // keeps the capacity for the next chunk
    m_pos = 0;
    while (m_buf.isEmpty()) {
        if (m_inputDone || failed())
            return false;
        if (isCancelled())
            return setCancelledError();
        m_bytes.resize(int(kChunkBytes));
        const qint64 got = m_device->read(m_bytes.data(), kChunkBytes);
        bool ok;
        if (got <= 0) {
            m_inputDone = true;
            ok = m_decoder->finish();
        } else {
            ok = m_decoder->decode(m_bytes.constData(), got, m_buf);
        }
        if (!ok) {
            return setError(QStringLiteral("the file is not valid %1: %2 at byte offset %3")
                                .arg(TextDecoder::name(m_encoding), m_decoder->errorText())
                                .arg(m_decoder->errorOffset()),
                            m_record > 0 ? m_record : 1, -1,
                            QStringLiteral("byte offset %1").arg(m_decoder->errorOffset()));
        }
    }
    return true;
}

bool CsvReader::fieldTooLong(qint64 fieldChars, qint64 rowChars, qint64 row, int column)
{
    if (fieldChars > m_options.maxFieldChars) {
        return !setError(QStringLiteral("a field is longer than %1 characters: this is not a usable CSV file (an "
                                        "unclosed quote?)")
                             .arg(m_options.maxFieldChars),
                         row, column);
    }
    if (rowChars > m_options.maxRowChars) {
        return !setError(QStringLiteral("a row is longer than %1 characters: this is not a usable CSV file")
                             .arg(m_options.maxRowChars),
                         row, column);
    }
    return false;
}

// The hot loop of the reader. Cells are copied once from the decoded buffer into their QString; the scans run over
// the buffer's char16_t data eight characters at a time (findAny); the limits are compared inline and only a field
// over one calls fieldTooLong(). The rules are those of the simpler version this replaced, kept exactly: an empty
// quoted field is a null QString, an empty unquoted one an empty QString, quotes (doubled or stray) do not count
// toward the row limit.
bool CsvReader::readRow(QStringList& row, qint64& rowNumber)
{
    row.clear();
    if (failed() || !ensure())
        return false;
    row.reserve(std::min(m_columnsHint, 256)); // as many cells as the widest row so far: no growing on the way
    rowNumber = ++m_record;
    qint64 rowChars = 0;
    const QChar quote = QLatin1Char('"');
    const char16_t delimiter = m_delimiter.unicode();
    const qint64 maxField = m_options.maxFieldChars;
    const qint64 maxRow = m_options.maxRowChars;
    for (;;) {
        const int column = int(row.size()) + 1;
        if (column > m_options.maxColumns)
            return setError(QStringLiteral("the row has more than %1 columns").arg(m_options.maxColumns), rowNumber,
                            column);
        QString field;
        bool quoted = false;
        if (ensure() && m_buf.at(m_pos) == quote) {
            quoted = true;
            const qint64 startLine = m_line;
            ++m_pos;
            for (;;) {
                if (!ensure()) {
                    if (failed())
                        return false;
                    return setError(QStringLiteral("a quoted field is not closed before the end of the file (it opens "
                                                   "on line %1)")
                                        .arg(startLine),
                                    rowNumber, column, QStringLiteral("quote opened on line %1").arg(startLine));
                }
                // Up to the next quote or the end of the buffer, counting line ends on the way: every CR, and every
                // LF not right after a CR (which may be the last character of the previous buffer).
                const char16_t* p = reinterpret_cast<const char16_t*>(m_buf.constData());
                const int n = int(m_buf.size());
                int i = findAny(p, m_pos, n, u'"', u'\n', u'\r', u'"');
                while (i < n && p[i] != u'"') {
                    if (p[i] == u'\r' || (i > 0 ? p[i - 1] : m_lastOfPrevious) != u'\r')
                        ++m_line;
                    i = findAny(p, i + 1, n, u'"', u'\n', u'\r', u'"');
                }
                const bool found = i < n;
                const int len = i - m_pos;
                if (field.isNull()) {
                    if (len > 0)
                        field = QString(reinterpret_cast<const QChar*>(p + m_pos), len);
                } else {
                    field.append(reinterpret_cast<const QChar*>(p + m_pos), len);
                }
                rowChars += len;
                m_pos = i;
                if ((field.size() > maxField || rowChars > maxRow)
                    && fieldTooLong(field.size(), rowChars, rowNumber, column))
                    return false;
                if (!found)
                    continue;
                ++m_pos; // the quote
                if (!ensure()) {
                    if (failed())
                        return false;
                    break;
                }
                if (m_buf.at(m_pos) == quote) {
                    field.append(quote);
                    ++m_pos;
                    continue;
                }
                break;
            }
        } else {
            for (;;) {
                if (!ensure()) {
                    if (failed())
                        return false;
                    break;
                }
                const char16_t* p = reinterpret_cast<const char16_t*>(m_buf.constData());
                const int n = int(m_buf.size());
                const int i = findAny(p, m_pos, n, delimiter, u'"', u'\n', u'\r');
                const int len = i - m_pos;
                if (field.isEmpty())
                    field = QString(reinterpret_cast<const QChar*>(p + m_pos), len);
                else
                    field.append(reinterpret_cast<const QChar*>(p + m_pos), len);
                rowChars += len;
                m_pos = i;
                if ((field.size() > maxField || rowChars > maxRow)
                    && fieldTooLong(field.size(), rowChars, rowNumber, column))
                    return false;
                if (i < n && p[i] == u'"') {
                    if (m_options.strictQuotes) {
                        return setError(QStringLiteral("a quote inside an unquoted field: a field with quotes must be "
                                                       "enclosed in quotes, with each quote doubled (\"\")"),
                                        rowNumber, column);
                    }
                    field.append(quote);
                    ++m_pos;
                    // Checked now: the quote may be the last character of the file.
                    if (field.size() > maxField && fieldTooLong(field.size(), rowChars, rowNumber, column))
                        return false;
                    continue;
                }
                if (i < n)
                    break;
            }
        }
        row.append(std::move(field));
        m_columnsHint = std::max(m_columnsHint, int(row.size()));
        if (!ensure()) {
            if (failed())
                return false;
            return true; // end of file ends the record
        }
        const char16_t c = m_buf.at(m_pos).unicode();
        if (c == delimiter) {
            ++m_pos;
            if (!ensure() && !failed()) {
                // "a,b," at the end of the file: one more (empty) cell, within the same column limit.
                if (int(row.size()) + 1 > m_options.maxColumns)
                    return setError(QStringLiteral("the row has more than %1 columns").arg(m_options.maxColumns),
                                    rowNumber, int(row.size()) + 1);
                row.append(QString());
                return true;
            }
            continue;
        }
        if (c == u'\r') {
            ++m_pos;
            ++m_line;
            if (ensure() && m_buf.at(m_pos) == QLatin1Char('\n'))
                ++m_pos;
            return !failed();
        }
        if (c == u'\n') {
            ++m_pos;
            ++m_line;
            return true;
        }
        Q_ASSERT(quoted);
        return setError(QStringLiteral("unexpected text after a closing quote: a quoted field must end at the quote "
                                       "(quotes inside it are doubled: \"\")"),
                        rowNumber, column);
    }
}

double CsvReader::doProgress() const
{
    if (!m_device || m_size <= 0)
        return 1.0;
    return double(m_device->pos()) / double(m_size);
}

} // namespace vigil
