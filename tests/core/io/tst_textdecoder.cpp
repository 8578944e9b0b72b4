#include "io/csv/textdecoder.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace vigil;

namespace {

using Encoding = TextDecoder::Encoding;

struct Outcome
{
    bool ok = false;
    qint64 errorOffset = -1;
    QString errorText;
    QString text;
};

// `bytes` given in the pieces that `cuts` marks (so multi-byte sequences straddle them), then finish().
Outcome run(Encoding encoding, const QByteArray& bytes, const QList<int>& cuts, bool decode)
{
    TextDecoder d(encoding, 100);
    Outcome o;
    o.ok = true;
    int from = 0;
    for (int i = 0; i <= cuts.size() && o.ok; ++i) {
        const int to = i < cuts.size() ? cuts.at(i) : int(bytes.size());
        o.ok = decode ? d.decode(bytes.constData() + from, to - from, o.text)
                      : d.validate(bytes.constData() + from, to - from);
        from = to;
    }
    if (o.ok)
        o.ok = d.finish();
    o.errorOffset = d.errorOffset();
    o.errorText = d.errorText();
    return o;
}

QList<int> randomCuts(QRandomGenerator& rng, int size)
{
    QList<int> cuts;
    int at = 0;
    while (size > 0 && rng.bounded(3) != 0) {
        at = int(rng.bounded(at, size + 1));
        cuts << at;
    }
    return cuts;
}

// Mostly well-formed UTF-8 in several scripts with runs of ASCII longer than 16 bytes, and now and then a byte
// that breaks it: a stray continuation, an overlong form, a surrogate, a truncated sequence, 0xFF, a NUL.
QByteArray randomBytes(QRandomGenerator& rng)
{
    static const QByteArray pieces[] = {"Acme Garments Ltd, Plot 12, Industrial Zone",
                                        "x",
                                        "\r\n",
                                        "\"",
                                        "Zo\xC3\xAB",
                                        "\xE0\xB8\x81\xE0\xB8\xA3",
                                        "\xE5\xB9\xBF\xE5\xB7\x9E",
                                        "\xF0\x9F\x98\x80",
                                        "\xE2\x82\xAC",
                                        "\xC2\xA0",
                                        "0123456789abcdef0123"};
    static const QByteArray bad[]
        = {"\x80",     "\xBF", "\xC0\x80", "\xC1\xBF",     "\xE0\x80\x80",      "\xED\xA0\x80", "\xF4\x90\x80\x80",
           "\xF5\x80", "\xFF", "\xE2\x82", "\xF0\x9F\x98", QByteArray("\0", 1), "\x81",         "\x8D"};
    QByteArray b;
    for (int k = int(rng.bounded(1, 40)); k > 0; --k) {
        if (rng.bounded(12) == 0)
            b += bad[rng.bounded(int(std::size(bad)))];
        else
            b += pieces[rng.bounded(int(std::size(pieces)))];
    }
    return b;
}

} // namespace

class TestTextDecoder : public QObject
{
    Q_OBJECT

private slots:
    void utf8();
    void validateAgreesWithDecode();
    void errors_data();
    void errors();
};

void TestTextDecoder::utf8()
{
    // Valid UTF-8 in random pieces decodes to what Qt's own decoder gives; invalid input stops at the first bad
    // byte, with the text before it (which Qt decodes the same) kept.
    QRandomGenerator rng(7);
    int invalid = 0;
    for (int n = 0; n < 3000; ++n) {
        const QByteArray bytes = randomBytes(rng);
        const Outcome o = run(Encoding::Utf8, bytes, randomCuts(rng, int(bytes.size())), true);
        if (o.ok) {
            QCOMPARE(o.text, QString::fromUtf8(bytes));
        } else {
            ++invalid;
            qint64 at = o.errorOffset - 100;
            QVERIFY(at >= 0 && at <= bytes.size());
            if (o.errorText.contains(QLatin1String("ends inside"))) {
                // at the end of the input: the text is all but the incomplete sequence, which starts at a lead byte
                QCOMPARE(at, qint64(bytes.size()));
                do
                    --at;
                while (at > 0 && (uchar(bytes.at(at)) & 0xC0) == 0x80);
            }
            QCOMPARE(o.text, QString::fromUtf8(bytes.left(at)));
            QVERIFY(!o.text.contains(QChar(QChar::ReplacementCharacter)));
        }
    }
    QVERIFY(invalid > 100);
    QVERIFY(invalid < 2900);
}

void TestTextDecoder::validateAgreesWithDecode()
{
    // validate() is decode() without the text: the same answer, offset and message for every encoding and split.
    QRandomGenerator rng(11);
    for (Encoding e : {Encoding::Utf8, Encoding::Utf16LE, Encoding::Utf16BE, Encoding::Windows1252, Encoding::Latin1}) {
        for (int n = 0; n < 1500; ++n) {
            QByteArray bytes = randomBytes(rng);
            if (rng.bounded(4) == 0) // surrogates for UTF-16: paired, lone, reversed
                bytes += QByteArray(rng.bounded(2) ? "\x3D\xD8\x00\xDE" : "\x00\xDC\x3D\xD8", 4);
            const QList<int> cuts = randomCuts(rng, int(bytes.size()));
            const Outcome decoded = run(e, bytes, cuts, true);
            const Outcome validated = run(e, bytes, cuts, false);
            const QString what = QStringLiteral("%1, case %2").arg(TextDecoder::name(e)).arg(n);
            QVERIFY2(decoded.ok == validated.ok, qPrintable(what));
            QVERIFY2(decoded.errorOffset == validated.errorOffset, qPrintable(what));
            QVERIFY2(decoded.errorText == validated.errorText, qPrintable(what));
        }
    }
}

void TestTextDecoder::errors_data()
{
    QTest::addColumn<int>("encoding");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<QString>("messagePart");
    QTest::addRow("stray continuation byte after 20 ASCII bytes")
        << int(Encoding::Utf8) << QByteArray("01234567890123456789\x80") << qint64(20) << "0x80";
    QTest::addRow("overlong 3-byte form") << int(Encoding::Utf8) << QByteArray("ab\xE0\x80\x80") << qint64(2) << "0xE0";
    QTest::addRow("UTF-16 surrogate in UTF-8")
        << int(Encoding::Utf8) << QByteArray("\xED\xA0\x80") << qint64(0) << "0xED";
    QTest::addRow("above U+10FFFF") << int(Encoding::Utf8) << QByteArray("\xF4\x90\x80\x80") << qint64(0) << "0xF4";
    QTest::addRow("truncated at the end")
        << int(Encoding::Utf8) << QByteArray("abc\xE2\x82") << qint64(5) << "ends inside";
    QTest::addRow("Windows-1252 undefined byte")
        << int(Encoding::Windows1252) << QByteArray("caf\xE9 \x9D") << qint64(5) << "0x9D";
    QTest::addRow("UTF-16LE lone low surrogate")
        << int(Encoding::Utf16LE) << QByteArray("a\0\x00\xDC", 4) << qint64(2) << "low surrogate";
}

void TestTextDecoder::errors()
{
    QFETCH(int, encoding);
    QFETCH(QByteArray, bytes);
    QFETCH(qint64, offset);
    QFETCH(QString, messagePart);
    for (bool decode : {true, false}) {
        const Outcome o = run(Encoding(encoding), bytes, {}, decode);
        QVERIFY(!o.ok);
        QCOMPARE(o.errorOffset, offset + 100);
        QVERIFY2(o.errorText.contains(messagePart), qPrintable(o.errorText));
    }
}

QTEST_GUILESS_MAIN(TestTextDecoder)
#include "tst_textdecoder.moc"
