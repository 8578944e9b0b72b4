#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace vigil {

// A strict, incremental decoder for the encodings of text tables: it never replaces a character. Invalid input
// stops it with the absolute byte offset of the first bad byte.
class TextDecoder
{
public:
    enum class Encoding { Utf8, Utf16LE, Utf16BE, Windows1252, Latin1 };

    // startOffset: byte offset in the file of the first byte that will be given (after a BOM).
    explicit TextDecoder(Encoding encoding, qint64 startOffset = 0);

    // Appends the text of `size` bytes to `out`; an incomplete sequence at the end is kept for the next call.
    // Returns false on invalid input: `out` then holds the text before the bad bytes, see errorOffset().
    bool decode(const char* data, qint64 size, QString& out);
    // Checks `size` bytes as decode() would, without building the text: the same result, errorOffset() and
    // errorText(). Used to decide a file's encoding in one quick pass.
    bool validate(const char* data, qint64 size);
    // At the end of input: false if an incomplete sequence is left.
    bool finish();

    bool failed() const { return m_failed; }
    // The file offset of the next byte to be given to decode() or validate().
    qint64 offset() const { return m_offset; }
    qint64 errorOffset() const { return m_errorOffset; }
    // What is wrong at errorOffset, e.g. "byte 0x81 is not a character in Windows-1252".
    QString errorText() const { return m_errorText; }

    static QString name(Encoding encoding);
    // "utf8", "UTF-8", "cp1252", "windows-1252", "latin1" ... ; "utf-16" (BOM decides) gives nothing here.
    static std::optional<Encoding> fromName(const QString& name);
    // Length of a byte order mark at the start of `head` and the encoding it names, if any.
    static int bomLength(const QByteArray& head, Encoding* encoding = nullptr);

private:
    bool fail(qint64 offset, const QString& text);
    // decode() (out given) and validate() (out null) in one: the text is written straight into `out`.
    bool run(const char* data, qint64 size, QString* out);
    bool dispatch(const unsigned char* p, qint64 n, QString* out);
    template <bool kWrite>
    bool decodeUtf8(const unsigned char* p, qint64 n, QString* out);
    template <bool kWrite>
    bool decodeUtf16(const unsigned char* p, qint64 n, QString* out);
    template <bool kWrite>
    bool decodeSingleByte(const unsigned char* p, qint64 n, QString* out);

    Encoding m_encoding;
    qint64 m_offset = 0; // file offset of the next byte given to decode()
    QByteArray m_pending;
    bool m_failed = false;
    qint64 m_errorOffset = -1;
    QString m_errorText;
};

} // namespace vigil
