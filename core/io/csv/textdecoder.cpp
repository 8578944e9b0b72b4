#include "io/csv/textdecoder.h"

#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
    return run(data, size, &out);
}

bool TextDecoder::validate(const char* data, qint64 size)
{
    return run(data, size, nullptr);
}

bool TextDecoder::run(const char* data, qint64 size, QString* out)
{
    if (m_failed)
        return false;
    if (!m_pending.isEmpty()) {
        // Rare: complete the sequence that straddled the previous chunk, then go on.
        QByteArray joined = m_pending;
        joined.append(data, size);
        const qint64 pendingSize = m_pending.size();
        m_pending.clear();
        m_offset -= pendingSize;
        return dispatch(reinterpret_cast<const unsigned char*>(joined.constData()), joined.size(), out);
    }
    return dispatch(reinterpret_cast<const unsigned char*>(data), size, out);
}

bool TextDecoder::dispatch(const unsigned char* p, qint64 n, QString* out)
{
    switch (m_encoding) {
    case Encoding::Utf8:
        return out ? decodeUtf8<true>(p, n, out) : decodeUtf8<false>(p, n, out);
    case Encoding::Utf16LE:
    case Encoding::Utf16BE:
        return out ? decodeUtf16<true>(p, n, out) : decodeUtf16<false>(p, n, out);
    default:
        return out ? decodeSingleByte<true>(p, n, out) : decodeSingleByte<false>(p, n, out);
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

// The decoders below write into `out` (resized once to the most the bytes can give, then cut to what they gave)
// through a raw pointer: no per-character append. With kWrite false they only check.

template <bool kWrite>
bool TextDecoder::decodeUtf8(const unsigned char* p, qint64 n, QString* out)
{
    const qint64 base = m_offset;
    qint64 start = 0;
    char16_t* d = nullptr;
    if constexpr (kWrite) {
        start = out->size();
        out->resize(start + n); // a UTF-8 byte gives at most one UTF-16 unit
        d = reinterpret_cast<char16_t*>(out->data()) + start;
    }
    qint64 o = 0; // units written
    auto cut = [&] {
        if constexpr (kWrite)
            out->resize(start + o);
    };
    qint64 i = 0;
    while (i < n) {
        // ASCII, 16 bytes at a time (SSE2: every x86-64) or 8, then byte by byte up to the next lead byte
#if defined(__SSE2__)
        while (i + 16 <= n) {
            const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
            const int high = _mm_movemask_epi8(x); // a bit for each byte >= 0x80
            if constexpr (kWrite) {
                // All 16 widened (o <= i, so they fit in what was reserved); only the ASCII ones are kept.
                const __m128i zero = _mm_setzero_si128();
                _mm_storeu_si128(reinterpret_cast<__m128i*>(d + o), _mm_unpacklo_epi8(x, zero));
                _mm_storeu_si128(reinterpret_cast<__m128i*>(d + o + 8), _mm_unpackhi_epi8(x, zero));
            }
            if (high) {
                const int ascii = __builtin_ctz(unsigned(high));
                i += ascii;
                o += ascii;
                break;
            }
            i += 16;
            o += 16;
        }
#endif
        while (i + 8 <= n) {
            quint64 w;
            std::memcpy(&w, p + i, 8);
            if (w & 0x8080808080808080ULL)
                break;
            if constexpr (kWrite) {
                for (int k = 0; k < 8; ++k)
                    d[o + k] = p[i + k];
            }
            i += 8;
            o += 8;
        }
        while (i < n && p[i] < 0x80) {
            if constexpr (kWrite)
                d[o] = p[i];
            ++o;
            ++i;
        }
        if (i >= n)
            break;
        const unsigned char b = p[i];
        // The usual well-formed 2- and 3-byte sequences (Latin, Thai, Chinese ...) straight away; anything else,
        // and every error, goes the careful way below.
        if (b >= 0xE0 && b <= 0xEF && i + 2 < n) {
            const unsigned char c1 = p[i + 1], c2 = p[i + 2];
            if ((c1 & 0xC0) == 0x80 && (c2 & 0xC0) == 0x80) {
                const char16_t u = char16_t(((b & 0x0F) << 12) | ((c1 & 0x3F) << 6) | (c2 & 0x3F));
                if (u >= 0x800 && (u < 0xD800 || u > 0xDFFF)) { // not overlong (E0 80..9F), not a surrogate (ED A0..)
                    if constexpr (kWrite)
                        d[o] = u;
                    ++o;
                    i += 3;
                    continue;
                }
            }
        } else if (b >= 0xC2 && b <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
            if constexpr (kWrite)
                d[o] = char16_t(((b & 0x1F) << 6) | (p[i + 1] & 0x3F));
            ++o;
            i += 2;
            continue;
        }
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
            cut();
            m_offset = base + i;
            return fail(base + i, QStringLiteral("byte %1 is not valid UTF-8").arg(hexByte(b)));
        }
        if (i + len > n) {
            // Check what is there, keep the rest for the next chunk.
            for (qint64 k = i + 1; k < n; ++k) {
                const unsigned char c = p[k];
                if (c < (k == i + 1 ? lo : 0x80) || c > (k == i + 1 ? hi : 0xBF)) {
                    cut();
                    m_offset = base + k;
                    return fail(base + i, QStringLiteral("byte %1 is not valid UTF-8").arg(hexByte(b)));
                }
            }
            cut();
            m_pending = QByteArray(reinterpret_cast<const char*>(p + i), int(n - i));
            m_offset = base + n;
            return true;
        }
        for (int k = 1; k < len; ++k) {
            const unsigned char c = p[i + k];
            if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF)) {
                cut();
                m_offset = base + i;
                return fail(base + i, QStringLiteral("byte %1 is not valid UTF-8").arg(hexByte(b)));
            }
            cp = (cp << 6) | (c & 0x3F);
        }
        if (cp >= 0x10000) {
            if constexpr (kWrite) {
                d[o] = QChar::highSurrogate(cp);
                d[o + 1] = QChar::lowSurrogate(cp);
            }
            o += 2;
        } else {
            if constexpr (kWrite)
                d[o] = char16_t(cp);
            ++o;
        }
        i += len;
    }
    cut();
    m_offset = base + n;
    return true;
}

template <bool kWrite>
bool TextDecoder::decodeUtf16(const unsigned char* p, qint64 n, QString* out)
{
    const qint64 base = m_offset;
    const bool le = m_encoding == Encoding::Utf16LE;
    qint64 start = 0;
    char16_t* d = nullptr;
    if constexpr (kWrite) {
        start = out->size();
        out->resize(start + n / 2);
        d = reinterpret_cast<char16_t*>(out->data()) + start;
    }
    qint64 o = 0;
    auto cut = [&] {
        if constexpr (kWrite)
            out->resize(start + o);
    };
    qint64 i = 0;
    while (i + 1 < n) {
        const char16_t u = le ? char16_t(p[i] | (p[i + 1] << 8)) : char16_t((p[i] << 8) | p[i + 1]);
        if (QChar::isHighSurrogate(u)) {
            if (i + 3 >= n) {
                break; // keep for the next chunk
            }
            const char16_t v = le ? char16_t(p[i + 2] | (p[i + 3] << 8)) : char16_t((p[i + 2] << 8) | p[i + 3]);
            if (!QChar::isLowSurrogate(v)) {
                cut();
                m_offset = base + i;
                return fail(base + i, QStringLiteral("a UTF-16 high surrogate is not followed by a low one"));
            }
            if constexpr (kWrite) {
                d[o] = u;
                d[o + 1] = v;
            }
            o += 2;
            i += 4;
            continue;
        }
        if (QChar::isLowSurrogate(u)) {
            cut();
            m_offset = base + i;
            return fail(base + i, QStringLiteral("a UTF-16 low surrogate stands alone"));
        }
        if constexpr (kWrite)
            d[o] = u;
        ++o;
        i += 2;
    }
    cut();
    if (i < n)
        m_pending = QByteArray(reinterpret_cast<const char*>(p + i), int(n - i));
    m_offset = base + n;
    return true;
}

template <bool kWrite>
bool TextDecoder::decodeSingleByte(const unsigned char* p, qint64 n, QString* out)
{
    const qint64 base = m_offset;
    qint64 start = 0;
    char16_t* d = nullptr;
    if constexpr (kWrite) {
        start = out->size();
        out->resize(start + n);
        d = reinterpret_cast<char16_t*>(out->data()) + start;
    }
    const bool cp1252 = m_encoding == Encoding::Windows1252;
    for (qint64 i = 0; i < n; ++i) {
        const unsigned char b = p[i];
        if (cp1252 && b >= 0x80 && b <= 0x9F) {
            const char16_t u = kCp1252High[b - 0x80];
            if (u == 0) {
                if constexpr (kWrite)
                    out->resize(start + i);
                m_offset = base + i;
                return fail(base + i, QStringLiteral("byte %1 is not a character in Windows-1252").arg(hexByte(b)));
            }
            if constexpr (kWrite)
                d[i] = u;
        } else if constexpr (kWrite) {
            d[i] = char16_t(b);
        }
    }
    m_offset = base + n;
    return true;
}

} // namespace vigil
