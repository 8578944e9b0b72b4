// searchKey() is stored (suppliers.name_key) and looseKey() feeds matching and remembered match decisions: their
// fast paths must give exactly what the general Unicode path gives, for every input. The reference functions below
// are the general implementations as they were before the fast paths (kept here verbatim), and every input is
// compared: hand-picked cases in many scripts, then many random strings mixing ASCII, Latin with diacritics, Turkish
// dotted and dotless i, Vietnamese with combining marks, Thai, Burmese, Bengali, Chinese, fullwidth forms,
// compatibility characters (NFKC), spaces of every kind and characters outside the BMP.
#include "util/textkey.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace vigil;

namespace {

QString referenceSearchKey(const QString& text)
{
    QString s = text.normalized(QString::NormalizationForm_KC).toCaseFolded();
    QString out;
    out.reserve(s.size());
    bool space = false;
    for (QChar c : s) {
        if (c.isSpace()) {
            space = !out.isEmpty();
            continue;
        }
        if (space) {
            out += QLatin1Char(' ');
            space = false;
        }
        out += c;
    }
    return out;
}

QString referenceLooseKey(const QString& text)
{
    const QString d = text.normalized(QString::NormalizationForm_KD).toCaseFolded();
    QString out;
    out.reserve(d.size());
    QChar prevBase;
    bool space = false;
    for (QChar c : d) {
        const auto cat = c.category();
        if (cat == QChar::Mark_NonSpacing || cat == QChar::Mark_SpacingCombining || cat == QChar::Mark_Enclosing) {
            if (prevBase.script() == QChar::Script_Latin)
                continue;
            out += c;
            continue;
        }
        if (c.isLetterOrNumber()) {
            if (space && !out.isEmpty())
                out += QLatin1Char(' ');
            space = false;
            out += c;
            prevBase = c;
        } else if (c == QLatin1Char('&')) {
            if (!out.isEmpty())
                out += QLatin1Char(' ');
            out += QStringLiteral("and");
            space = true;
        } else {
            space = true;
        }
    }
    static const QRegularExpression the(QStringLiteral("(^the |\\bthe$)"));
    out.remove(the);
    return out.trimmed();
}

QStringList curated()
{
    QStringList list{
        "",
        " ",
        "   ",
        "\t\r\n",
        "Acme Garment Co., Ltd",
        "  Siam  Seafood\u00a0Ltd ",
        "The Gambia",
        "Bahamas, The",
        "the",
        "the the",
        "THE  THE  x",
        "bathe",
        "the-the",
        "1the",
        "_the",
        "αthe",
        "ไทยthe",
        "éthe",
        "the é",
        "A & B",
        "&",
        "& &",
        "a&&b",
        "AT&T",
        "Türkiye",
        "TÜRKİYE",
        "İstanbul",
        "ıiIİ",
        "Straße",
        "STRASSE",
        "ﬁne ﬂour",
        "Ａｃｍｅ　Ｌｔｄ",
        "①②③ Ⅻ ½ ²",
        "\u212a\u212b",
        "Công ty TNHH May Việt",
        "Cong ty Vie\u0302\u0323t",
        "Nguyễn Thị Minh Khai",
        "บริษัท ไทยการ์เมนท์ จำกัด",
        "ကုမ္ပဏီ လီမိတက်",
        "বাংলা গার্মেন্টস লিমিটেড",
        "深圳电子有限公司",
        "株式会社トヨタ",
        "ｶﾀｶﾅ",
        "한국 주식회사",
        "Ελληνική ΟΣ",
        "Россия ООО",
        "العربية",
        "עברית",
        "\u0301leading mark",
        "a\u0301\u0302\u0303",
        "\u200bzero\u200bwidth\ufeff",
        "x\u2028y\u2029z\u0085w",
        "𝐀𝐁𝐂 𝟏𝟐",
        "😀 emoji",
        "Müller & Söhne GmbH",
        "O'Brien \"Quoted\" Co.",
        "12 Road 3, District 4",
        "Jl. Sudirman No. 5",
        "Ǆemal ǅ ǆ",
        "Ǳ",
        "ﬀ ﬃ",
        "㍿ ㈱",
        "ß ẞ",
        "ǰ",
        "ΐ",
        "Σίσυφος",
    };
    // Broken UTF-16 (lone surrogates) goes through unchanged.
    list << QString() << QString(QChar(0xd800)) + QStringLiteral("lone") << QStringLiteral("x") + QChar(0xdc00);
    return list;
}

QString randomText(QRandomGenerator& g)
{
    static const QList<QPair<char32_t, char32_t>> ranges{
        {0x20, 0x7e},     {0x20, 0x7e},     {0x20, 0x7e},     {0x09, 0x0d},     {0xa0, 0xff},       {0x100, 0x17f},
        {0x180, 0x24f},   {0x300, 0x36f},   {0x370, 0x3ff},   {0x400, 0x4ff},   {0x980, 0x9ff},     {0xe00, 0xe7f},
        {0x1000, 0x109f}, {0x1e00, 0x1eff}, {0x2000, 0x206f}, {0x2150, 0x218f}, {0x2460, 0x24ff},   {0x3000, 0x303f},
        {0x4e00, 0x4e80}, {0xac00, 0xac40}, {0xfb00, 0xfb06}, {0xff01, 0xff9f}, {0x1d400, 0x1d4ff}, {0x1f600, 0x1f64f},
    };
    static const QStringList words{"the", "The", "THE", "&", " ",      "  ",     "Co.",       "Ltd",     "I", "i",
                                   "İ",   "ı",   ",",   "-", "\u00a0", "\u3000", "Vi\u1ec7t", "e\u0301", "ß"};
    QString s;
    const int n = int(g.bounded(14));
    // Mostly one or two ranges per string, as real text is.
    const auto a = ranges.at(int(g.bounded(int(ranges.size()))));
    const auto b = ranges.at(int(g.bounded(int(ranges.size()))));
    for (int i = 0; i < n; ++i) {
        const int pick = int(g.bounded(10));
        if (pick < 2) {
            s += words.at(int(g.bounded(int(words.size()))));
            continue;
        }
        const auto r = pick < 6 ? a : (pick < 9 ? b : ranges.at(int(g.bounded(int(ranges.size())))));
        const char32_t c = r.first + char32_t(g.bounded(int(r.second - r.first + 1)));
        s += QString::fromUcs4(&c, 1);
    }
    return s;
}

// Equal text, and a null string only where the general path gives one (a null string is stored as SQL NULL).
void compareKeys(const QString& text)
{
    const QString search = searchKey(text);
    const QString expectedSearch = referenceSearchKey(text);
    QVERIFY2(search == expectedSearch && search.isNull() == expectedSearch.isNull(),
             qPrintable(QStringLiteral("searchKey(\"%1\") = \"%2\", the general path gives \"%3\"")
                            .arg(text, search, expectedSearch)));
    const QString loose = looseKey(text);
    const QString expectedLoose = referenceLooseKey(text);
    QVERIFY2(loose == expectedLoose && loose.isNull() == expectedLoose.isNull(),
             qPrintable(QStringLiteral("looseKey(\"%1\") = \"%2\", the general path gives \"%3\"")
                            .arg(text, loose, expectedLoose)));
}

} // namespace

class TestTextKey : public QObject
{
    Q_OBJECT
private slots:
    void sameAsGeneralPath_data();
    void sameAsGeneralPath();
    void randomInputs();
    void asciiInputs();
    void knownKeys_data();
    void knownKeys();
};

void TestTextKey::sameAsGeneralPath_data()
{
    QTest::addColumn<QString>("text");
    int i = 0;
    for (const QString& s : curated())
        QTest::addRow("%d %s", i++, qPrintable(s)) << s;
}

void TestTextKey::sameAsGeneralPath()
{
    QFETCH(QString, text);
    compareKeys(text);
}

void TestTextKey::randomInputs()
{
    QRandomGenerator g(424242);
    for (int i = 0; i < 40000; ++i) {
        compareKeys(randomText(g));
        if (QTest::currentTestFailed())
            return;
    }
}

// Every ASCII character in every position that matters for the fast path (start, end, around "the" and "&").
void TestTextKey::asciiInputs()
{
    QStringList shapes{"%1", "the%1", "%1the", "the %1", "%1 the", "a%1b", "&%1&", "%1%1", " %1 ", "x the%1"};
    for (int c = 0; c < 128; ++c) {
        for (const QString& shape : shapes) {
            compareKeys(shape.arg(QChar(char16_t(c))));
            if (QTest::currentTestFailed())
                return;
        }
    }
    QRandomGenerator g(7);
    const char alphabet[] = "theTHE &,.-_'0123456789abcxyzXYZ\t\n\r\v\f";
    for (int i = 0; i < 20000; ++i) {
        QString s;
        const int n = int(g.bounded(12));
        for (int k = 0; k < n; ++k)
            s += QLatin1Char(alphabet[g.bounded(int(sizeof(alphabet) - 1))]);
        compareKeys(s);
        if (QTest::currentTestFailed())
            return;
    }
}

void TestTextKey::knownKeys_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QString>("loose");
    QTest::addRow("company") << "  Acme  Garment Co., Ltd "
                             << "acme garment co., ltd"
                             << "acme garment co ltd";
    QTest::addRow("leading the") << "The Gambia"
                                 << "the gambia"
                                 << "gambia";
    QTest::addRow("trailing the") << "Bahamas, The"
                                  << "bahamas, the"
                                  << "bahamas";
    QTest::addRow("ampersand") << "A&B"
                               << "a&b"
                               << "a and b";
    QTest::addRow("turkish") << "Türkiye"
                             << "türkiye"
                             << "turkiye";
    QTest::addRow("fullwidth") << "Ａｃｍｅ"
                               << "acme"
                               << "acme";
    QTest::addRow("thai keeps marks") << "ไทย การ์"
                                      << "ไทย การ์"
                                      << "ไทย การ์";
    QTest::addRow("sharp s stays (simple case folding)") << "Straße"
                                                         << "straße"
                                                         << "straße";
}

void TestTextKey::knownKeys()
{
    QFETCH(QString, text);
    QFETCH(QString, search);
    QFETCH(QString, loose);
    QCOMPARE(searchKey(text), search);
    QCOMPARE(looseKey(text), loose);
}

QTEST_GUILESS_MAIN(TestTextKey)
#include "tst_textkey.moc"
