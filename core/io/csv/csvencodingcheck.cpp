// CsvReader's encoding check at open(): the quick pass over the bytes, and the decoding pass that finds the row and
// column of a failure for the message. Split from csvreader.cpp, which reads the rows.
#include "io/csv/csvreader.h"

#include <QFile>
#include <QIODevice>

#include <algorithm>
#include <cstring>

namespace vigil {

CsvReader::Check CsvReader::check(TextDecoder::Encoding encoding, bool locate)
{
    const bool utf16 = encoding == TextDecoder::Encoding::Utf16LE || encoding == TextDecoder::Encoding::Utf16BE;
    TextDecoder decoder(encoding, m_dataStart);
    m_device->seek(m_dataStart);
    QByteArray bytes;
    QString text; // UTF-16 only: a NUL there is two zero bytes at an even offset, simpler found in the text
    bool ok = true;
    bool nulFirst = false; // the failure is a NUL before any undecodable byte
    for (;;) {
        if (isCancelled()) {
            Check c;
            c.ok = false;
            c.text = QStringLiteral("cancelled");
            return c;
        }
        bytes.resize(int(kChunkBytes));
        const qint64 got = m_device->read(bytes.data(), kChunkBytes);
        if (got <= 0) {
            ok = decoder.finish();
            break;
        }
        if (utf16) {
            text.resize(0);
            const bool decoded = decoder.decode(bytes.constData(), got, text);
            nulFirst = text.contains(QChar(0)); // text holds what comes before an undecodable unit
            ok = decoded && !nulFirst;
        } else {
            // In UTF-8 and single-byte encodings a zero byte is only ever U+0000. validate() stops at the first
            // undecodable byte; a NUL before it is the failure that the slow pass would meet first.
            const auto* nul = static_cast<const char*>(std::memchr(bytes.constData(), 0, size_t(got)));
            const qint64 chunkStart = decoder.offset();
            const bool valid = decoder.validate(bytes.constData(), got);
            nulFirst = nul && (valid || chunkStart + (nul - bytes.constData()) < decoder.errorOffset());
            ok = valid && !nul;
        }
        if (!ok)
            break;
    }
    if (ok) {
        Check c;
        c.encoding = encoding;
        return c;
    }
    if (!locate && !nulFirst) {
        Check c;
        c.ok = false;
        c.encoding = encoding;
        return c;
    }
    return validate(encoding); // the slow pass finds the same failure, with its row and column
}

CsvReader::Check CsvReader::validate(TextDecoder::Encoding encoding)
{
    Check check;
    check.encoding = encoding;
    const char16_t candidates[5]
        = {u',', u';', u'\t', u'|', m_options.delimiter.isNull() ? u',' : m_options.delimiter.unicode()};
    // The characters the scan below looks at: most text is none of them and is passed over at once.
    bool special[128] = {};
    for (char16_t c : {u'\0', u'"', u'\n', u'\r', u',', u';', u'\t', u'|'})
        special[c] = true;
    if (candidates[4] < 128)
        special[candidates[4]] = true;
    auto isSpecial = [&](char16_t c) { return c < 128 ? special[c] : c == candidates[4]; };
    TextDecoder decoder(encoding, m_dataStart);
    m_device->seek(m_dataStart);
    QByteArray bytes;
    QString text;
    qint64 row = 1;
    bool inQuotes = false;
    bool prevCr = false;
    bool ended = false;
    while (!ended) {
        if (isCancelled()) {
            check.ok = false;
            check.text = QStringLiteral("cancelled");
            return check;
        }
        bytes.resize(int(kChunkBytes));
        const qint64 got = m_device->read(bytes.data(), kChunkBytes);
        text.clear();
        bool ok = true;
        if (got > 0)
            ok = decoder.decode(bytes.constData(), got, text);
        else {
            ended = true;
            ok = decoder.finish();
        }
        // Count records (quote-aware) through the decoded text; stop at a NUL.
        const QChar* p = text.constData();
        const int n = int(text.size());
        for (int i = 0; i < n; ++i) {
            const char16_t c = p[i].unicode();
            if (!isSpecial(c)) {
                prevCr = false;
                continue;
            }
            if (c == 0) {
                check.ok = false;
                check.nul = true;
                check.row = row;
                // Offset of the NUL: exact for single-byte encodings and UTF-16, a lower bound for UTF-8.
                check.offset = -1;
                check.text = QStringLiteral("the file contains a NUL character: it looks like a binary file, not "
                                            "CSV text");
                return check;
            }
            if (c == u'"') {
                inQuotes = !inQuotes;
            } else if (!inQuotes && (c == u'\n' || c == u'\r')) {
                if (!(c == u'\n' && prevCr))
                    ++row;
                std::fill(std::begin(check.fieldsBefore), std::end(check.fieldsBefore), 0);
            } else if (!inQuotes) {
                for (int k = 0; k < 5; ++k) {
                    if (c == candidates[k])
                        ++check.fieldsBefore[k];
                }
            }
            prevCr = c == u'\r';
        }
        if (!ok) {
            check.ok = false;
            check.offset = decoder.errorOffset();
            check.row = row;
            check.text = decoder.errorText();
            return check;
        }
    }
    return check;
}

QChar CsvReader::sampleDelimiter(TextDecoder::Encoding encoding)
{
    m_device->seek(m_dataStart);
    const QByteArray bytes = m_device->read(kSampleBytes);
    TextDecoder d(encoding, m_dataStart);
    QString sample;
    d.decode(bytes.constData(), bytes.size(), sample); // on invalid input: the text before it
    return detectDelimiter(sample, !d.failed() && m_dataStart + bytes.size() >= m_size);
}

int CsvReader::failureColumn(const Check& check)
{
    if (!m_options.delimiter.isNull())
        return check.fieldsBefore[4] + 1;
    const QChar d = sampleDelimiter(check.encoding);
    const QChar candidates[] = {QLatin1Char(','), QLatin1Char(';'), QLatin1Char('\t'), QLatin1Char('|')};
    for (int k = 0; k < 4; ++k) {
        if (candidates[k] == d)
            return check.fieldsBefore[k] + 1;
    }
    return -1;
}

} // namespace vigil
