#include "io/csv/textdecoder.h"

namespace vigil {

namespace {

// Windows-1252 0x80..0x9F; 0 marks the five undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D).
const char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

QString hexByte(unsigned char b)
{
    return QStringLiteral("0x") + QString::number(uint(b), 16).toUpper().rightJustified(2, QLatin1Char('0'));
}

} // namespace

TextDecoder::TextDecoder(Encoding encoding, qint64 startOffset)
    : m_encoding(encoding)
    , m_offset(startOffset)
{
}

QString TextDecoder::name(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return QStringLiteral("UTF-8");
    case Encoding::Utf16LE:
        return QStringLiteral("UTF-16LE");
    case Encoding::Utf16BE:
        return QStringLiteral("UTF-16BE");
    case Encoding::Windows1252:
        return QStringLiteral("Windows-1252");
    case Encoding::Latin1:
        return QStringLiteral("ISO-8859-1");
    }
    return {};
}

std::optional<TextDecoder::Encoding> TextDecoder::fromName(const QString& name)
{
    QString n = name.trimmed().toLower();
    n.remove(QLatin1Char('-'));
    n.remove(QLatin1Char('_'));
    if (n == QLatin1String("utf8"))
        return Encoding::Utf8;
    if (n == QLatin1String("utf16le"))
        return Encoding::Utf16LE;
    if (n == QLatin1String("utf16be"))
        return Encoding::Utf16BE;
    if (n == QLatin1String("windows1252") || n == QLatin1String("cp1252") || n == QLatin1String("win1252"))
        return Encoding::Windows1252;
    if (n == QLatin1String("iso88591") || n == QLatin1String("latin1"))
        return Encoding::Latin1;
    return std::nullopt;
}

int TextDecoder::bomLength(const QByteArray& head, Encoding* encoding)
{
    auto set = [encoding](Encoding e) {
        if (encoding)
            *encoding = e;
    };
    if (head.startsWith("\xEF\xBB\xBF")) {
        set(Encoding::Utf8);
        return 3;
    }
    if (head.startsWith(QByteArray("\xFF\xFE\x00\x00", 4)) || head.startsWith(QByteArray("\x00\x00\xFE\xFF", 4)))
        return -4; // UTF-32: not supported, the caller refuses it
    if (head.startsWith("\xFF\xFE")) {
        set(Encoding::Utf16LE);
        return 2;
    }
    if (head.startsWith("\xFE\xFF")) {
        set(Encoding::Utf16BE);
        return 2;
    }
    return 0;
}

bool TextDecoder::fail(qint64 offset, const QString& text)
{
    m_failed = true;
    m_errorOffset = offset;
    m_errorText = text;
    return false;
}

bool TextDecoder::decode(const char* data, qint64 size, QString& out)
{
    if (m_failed)
        return false;
    const auto* p = reinterpret_cast<const unsigned char*>(data);
    if (!m_pending.isEmpty()) {
        // Rare: complete the sequence that straddled the previous chunk, then go on.
        QByteArray joined = m_pending;
        joined.append(data, size);
        const qint64 pendingSize = m_pending.size();
        m_pending.clear();
        m_offset -= pendingSize;
        const auto* q = reinterpret_cast<const unsigned char*>(joined.constData());
        switch (m_encoding) {
        case Encoding::Utf8:
            return decodeUtf8(q, joined.size(), out);
        case Encoding::Utf16LE:
        case Encoding::Utf16BE:
            return decodeUtf16(q, joined.size(), out);
        default:
            return decodeSingleByte(q, joined.size(), out);
        }
    }
    switch (m_encoding) {
    case Encoding::Utf8:
        return decodeUtf8(p, size, out);
    case Encoding::Utf16LE:
    case Encoding::Utf16BE:
        return decodeUtf16(p, size, out);
    default:
        return decodeSingleByte(p, size, out);
    }
}

bool TextDecoder::finish()
{
    if (m_failed)
        return false;
    if (!m_pending.isEmpty()) {
        if (m_encoding == Encoding::Utf8)
            return fail(m_offset,
                        QStringLiteral("the file ends inside a UTF-8 character (byte %1)")
                            .arg(hexByte(uchar(m_pending.at(0)))));
        return fail(m_offset, QStringLiteral("the file ends inside a UTF-16 character"));
    }
    return true;
}

bool TextDecoder::decodeUtf8(const unsigned char* p, qint64 n, QString& out)
{
    const qint64 base = m_offset;
    out.reserve(out.size() + int(n));
    qint64 i = 0;
    while (i < n) {
        // ASCII run
        qint64 j = i;
        while (j < n && p[j] < 0x80)
            ++j;
        if (j > i) {
            out.append(QLatin1String(reinterpret_cast<const char*>(p + i), int(j - i)));
            i = j;
            if (i >= n)
                break;
        }
        const unsigned char b = p[i];
        int len = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        char32_t cp = 0;
        if (b >= 0xC2 && b <= 0xDF) {
            len = 2;
            cp = b & 0x1F;
        } else if (b >= 0xE0 && b <= 0xEF) {
            len = 3;
            cp = b & 0x0F;
            if (b == 0xE0)
                lo = 0xA0;
            else if (b == 0xED)
                hi = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            len = 4;
            cp = b & 0x07;
            if (b == 0xF0)
                lo = 0x90;
            else if (b == 0xF4)
                hi = 0x8F;
        } else {
            m_offset = base + i;
            return fail(base + i, QStringLiteral("byte %1 is not valid UTF-8").arg(hexByte(b)));
        }
        if (i + len > n) {
            // Check what is there, keep the rest for the next chunk.
            for (qint64 k = i + 1; k < n; ++k) {
                const unsigned char c = p[k];
                if (c < (k == i + 1 ? lo : 0x80) || c > (k == i + 1 ? hi : 0xBF)) {
                    m_offset = base + k;
                    return fail(base + i, QStringLiteral("byte %1 is not valid UTF-8").arg(hexByte(b)));
                }
            }
            m_pending = QByteArray(reinterpret_cast<const char*>(p + i), int(n - i));
            m_offset = base + n;
            return true;
        }
        for (int k = 1; k < len; ++k) {
            const unsigned char c = p[i + k];
            if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF)) {
                m_offset = base + i;
                return fail(base + i, QStringLiteral("byte %1 is not valid UTF-8").arg(hexByte(b)));
            }
            cp = (cp << 6) | (c & 0x3F);
        }
        if (cp >= 0x10000) {
            out.append(QChar(QChar::highSurrogate(cp)));
            out.append(QChar(QChar::lowSurrogate(cp)));
        } else {
            out.append(QChar(char16_t(cp)));
        }
        i += len;
    }
    m_offset = base + n;
    return true;
}

bool TextDecoder::decodeUtf16(const unsigned char* p, qint64 n, QString& out)
{
    const qint64 base = m_offset;
    const bool le = m_encoding == Encoding::Utf16LE;
    out.reserve(out.size() + int(n / 2));
    qint64 i = 0;
    while (i + 1 < n) {
        const char16_t u = le ? char16_t(p[i] | (p[i + 1] << 8)) : char16_t((p[i] << 8) | p[i + 1]);
        if (QChar::isHighSurrogate(u)) {
            if (i + 3 >= n) {
                break; // keep for the next chunk
            }
            const char16_t v = le ? char16_t(p[i + 2] | (p[i + 3] << 8)) : char16_t((p[i + 2] << 8) | p[i + 3]);
            if (!QChar::isLowSurrogate(v)) {
                m_offset = base + i;
                return fail(base + i, QStringLiteral("a UTF-16 high surrogate is not followed by a low one"));
            }
            out.append(QChar(u));
            out.append(QChar(v));
            i += 4;
            continue;
        }
        if (QChar::isLowSurrogate(u)) {
            m_offset = base + i;
            return fail(base + i, QStringLiteral("a UTF-16 low surrogate stands alone"));
        }
        out.append(QChar(u));
        i += 2;
    }
    if (i < n)
        m_pending = QByteArray(reinterpret_cast<const char*>(p + i), int(n - i));
    m_offset = base + n;
    return true;
}

bool TextDecoder::decodeSingleByte(const unsigned char* p, qint64 n, QString& out)
{
    const qint64 base = m_offset;
    const int start = out.size();
    out.resize(start + int(n));
    QChar* d = out.data() + start;
    const bool cp1252 = m_encoding == Encoding::Windows1252;
    for (qint64 i = 0; i < n; ++i) {
        const unsigned char b = p[i];
        if (cp1252 && b >= 0x80 && b <= 0x9F) {
            const char16_t u = kCp1252High[b - 0x80];
            if (u == 0) {
                out.resize(start + int(i));
                m_offset = base + i;
                return fail(base + i, QStringLiteral("byte %1 is not a character in Windows-1252").arg(hexByte(b)));
            }
            d[i] = QChar(u);
        } else {
            d[i] = QChar(char16_t(b));
        }
    }
    m_offset = base + n;
    return true;
}

} // namespace vigil
