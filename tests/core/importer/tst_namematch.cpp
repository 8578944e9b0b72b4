#include "importer/matchindex.h"
#include "importer/namematch.h"
#include "util/textkey.h"

#include <QRandomGenerator>
#include <QStringList>
#include <QTest>

#include <algorithm>

using namespace vigil;

class TestNameMatch : public QObject
{
    Q_OBJECT
private slots:
    void coreName_data();
    void coreName();
    void similarity_data();
    void similarity();
    void indexOrder();
    void indexSameNameOtherAddress();
    void indexExcluded();
    void indexScales();

    // The fast paths give the results of the reference code.
    void coreNameFastPath_data();
    void coreNameFastPath();
    void coreNameFastPathRandom();
    void fastLooseKeyRandom();
    void preparedAsBefore();
    // The pre-filters are proven bounds: never below the score.
    void boundNeverBelowScore();
    void queryScorerSameScores();
    // The index decides as the straightforward search it replaces.
    void indexSameDecisionsAsReference();
};

void TestNameMatch::coreName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("core");
    QTest::addRow("Co., Ltd") << "Siam Garment Co., Ltd."
                              << "siam garment";
    QTest::addRow("Company Limited") << "SIAM GARMENT COMPANY LIMITED"
                                     << "siam garment";
    QTest::addRow("PT ... Tbk") << "PT Sumber Makmur Tbk"
                                << "sumber makmur";
    QTest::addRow("Sdn Bhd") << "Golden Palm Sdn. Bhd."
                             << "golden palm";
    QTest::addRow("Vietnamese Công ty TNHH") << "Công ty TNHH May Việt Tiến"
                                             << "may viet tien";
    QTest::addRow("Vietnamese cổ phần") << "Công ty Cổ phần Thủy sản Minh Phú"
                                        << "thuy san minh phu";
    QTest::addRow("Thai บริษัท ... จำกัด") << "บริษัท สยามการ์เมนท์ จำกัด"
                                        << "สยามการ์เมนท์";
    QTest::addRow("Thai without spaces") << "บริษัทสยามการ์เมนท์จำกัด"
                                         << "สยามการ์เมนท์";
    QTest::addRow("Chinese 有限公司") << "深圳华强电子有限公司"
                                      << "深圳华强电子";
    QTest::addRow("Chinese 股份有限公司") << "浙江纺织股份有限公司"
                                          << "浙江纺织";
    QTest::addRow("Burmese") << "ရွှေမြန်မာ ကုမ္ပဏီ လီမိတက်"
                             << "ရွှေမြန်မာ";
    QTest::addRow("Bengali") << "ঢাকা গার্মেন্টস লিমিটেড"
                             << "ঢাকা গার্মেন্টস";
    QTest::addRow("only a legal form keeps the name") << "Co., Ltd"
                                                      << "co ltd";
    QTest::addRow("legal word inside a name stays") << "Public Fish Market"
                                                    << "fish market";
}

void TestNameMatch::coreName()
{
    QFETCH(QString, name);
    QFETCH(QString, core);
    QCOMPARE(namematch::coreName(name), looseKey(core));
}

void TestNameMatch::similarity_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("band"); // merge, review, new
    QTest::addRow("same after legal forms") << "Siam Garment Co., Ltd"
                                            << "SIAM GARMENT COMPANY LIMITED"
                                            << "merge";
    QTest::addRow("plural") << "Siam Garment Co., Ltd"
                            << "Siam Garments"
                            << "merge";
    QTest::addRow("typo") << "Sumber Makmur"
                          << "Sumbr Makmur"
                          << "merge";
    QTest::addRow("shared first and industry words") << "Blue Ocean Seafood"
                                                     << "Blue Sky Seafood"
                                                     << "review";
    QTest::addRow("same distinctive word, other industry") << "Siam Garment"
                                                           << "Siam Textile Mills"
                                                           << "review";
    QTest::addRow("shared industry word only") << "Longsum Packaging Inc."
                                               << "Phulokor Packaging Co., Ltd"
                                               << "new";
    QTest::addRow("different numbers never merge") << "Garment Factory 1"
                                                   << "Garment Factory 2"
                                                   << "new";
    QTest::addRow("unrelated") << "Golden Palm"
                               << "Blue Ocean Seafood"
                               << "new";
    QTest::addRow("Thai, one letter off") << "บริษัท สยามการ์เมนท์ จำกัด"
                                          << "สยามการ์เมนต์"
                                          << "merge";
}

void TestNameMatch::similarity()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, band);
    const double s = namematch::similarity(namematch::coreName(a), namematch::coreName(b));
    const QString got = s >= namematch::kMergeThreshold ? QStringLiteral("merge")
        : s >= namematch::kReviewThreshold              ? QStringLiteral("review")
                                                        : QStringLiteral("new");
    QVERIFY2(got == band, qPrintable(QStringLiteral("score %1 -> %2").arg(s).arg(got)));
}

static MatchEntry entry(const QString& name, const QString& country, const QString& address, qint64 key)
{
    MatchEntry e;
    e.core = namematch::coreName(name);
    e.country = MatchIndex::packCountry(country);
    e.addressKey = address.isEmpty() ? 0 : MatchIndex::addressKey(address);
    e.rowKey = key;
    return e;
}

void TestNameMatch::indexOrder()
{
    MatchIndex index;
    index.add(entry("Siam Garment Co., Ltd", "TH", "Bangkok", 1), {{IdentifierScheme::VendorId, "V-1"}});
    index.add(entry("Other Name", "TH", "", 2), {{IdentifierScheme::Duns, "12-345-6789"}});
    // An identifier wins over a name.
    MatchQuery q{namematch::coreName("Siam Garment"), "TH", "", {}, {{IdentifierScheme::Duns, "123456789"}}, {}};
    MatchResult r = index.find(q);
    QCOMPARE(toString(r.kind), toString(MatchKind::Identifier));
    QCOMPARE(index.entry(r.entry).rowKey, 2);
    // The exact name in the same country.
    q.identifiers.clear();
    q.core = namematch::coreName("SIAM GARMENT COMPANY LIMITED");
    r = index.find(q);
    QCOMPARE(toString(r.kind), toString(MatchKind::ExactName));
    QCOMPARE(index.entry(r.entry).rowKey, 1);
    // Not in another country.
    q.country = "VN";
    QCOMPARE(toString(index.find(q).kind), toString(MatchKind::None));
}

void TestNameMatch::indexSameNameOtherAddress()
{
    MatchIndex index;
    index.add(entry("Siam Garment", "TH", "Bangkok", 1), {});
    MatchQuery q{namematch::coreName("Siam Garment"), "TH", "Chiang Mai", {}, {}, {}};
    const MatchResult r = index.find(q);
    QCOMPARE(toString(r.kind), toString(MatchKind::Fuzzy));
    QVERIFY(r.score >= namematch::kReviewThreshold && r.score < namematch::kMergeThreshold);
    q.address = "  BANGKOK ";
    QCOMPARE(toString(index.find(q).kind), toString(MatchKind::ExactName));
}

void TestNameMatch::indexExcluded()
{
    MatchIndex index;
    index.add(entry("Siam Garment", "TH", "", 7), {});
    MatchQuery q{namematch::coreName("Siam Garment"), "TH", "", {}, {}, {7}};
    QCOMPARE(toString(index.find(q).kind), toString(MatchKind::None));
}

void TestNameMatch::indexScales()
{
    // 50,000 entries sharing a country and a prefix: each query looks at a bounded number of them.
    MatchIndex index;
    for (int i = 0; i < 50000; ++i)
        index.add(entry(QStringLiteral("Garment Works %1").arg(i), "CN", "", i + 1), {});
    MatchQuery q{namematch::coreName("Garment Works 49999"), "CN", "", {}, {}, {}};
    const MatchResult r = index.find(q);
    QCOMPARE(toString(r.kind), toString(MatchKind::ExactName));
    QCOMPARE(index.entry(r.entry).rowKey, 50000);
}

// --- Fast paths ---------------------------------------------------------------------------------------------------

void TestNameMatch::coreNameFastPath_data()
{
    QTest::addColumn<QString>("name");
    for (const char* n : {"",
                          " ",
                          "&",
                          "the",
                          "The",
                          "THE THE",
                          "the x",
                          "x the",
                          "bathe",
                          "x-the",
                          "the&the",
                          "The Siam & Co",
                          "Siam Garment Co., Ltd.",
                          "Co., Ltd",
                          "CO LTD CO LTD",
                          "PT PT",
                          "Public Company Limited",
                          "x public company limited",
                          "Cong Ty ABC",
                          "abccong tyx",
                          "cong  ty",
                          "Trach Nhiem Huu Han Mot Thanh Vien May",
                          "Limited Liability Company Siam",
                          "Siam Kabushiki Kaisha",
                          "Factory 12, Block 3",
                          "_under_score_",
                          "a\\tb\\nc",
                          "Pvt Ltd Siam Pvt Ltd",
                          "the co ltd",
                          "ltd the",
                          "Công ty TNHH May",
                          "Siam Garment Co Ltd"})
        QTest::addRow("%s", n) << QString::fromUtf8(n);
}

void TestNameMatch::coreNameFastPath()
{
    QFETCH(QString, name);
    QCOMPARE(namematch::coreName(name), namematch::coreNameReference(name));
}

// Random ASCII names made of legal-form words and phrases, "the", "&", digits, punctuation and made-up words, in
// random case and spacing.
static QString randomAsciiName(QRandomGenerator& g)
{
    static const QStringList pieces{"the",     "The",       "&",       "co",      "Co.", "company", "limited", "Ltd",
                                    "ltd.",    "pt",        "PT",      "cong",    "ty",  "cong ty", "tnhh",    "sdn",
                                    "bhd",     "joint",     "stock",   "public",  "pvt", "Pvt",     "inc",     "LLC",
                                    "gmbh",    "kabushiki", "kaisha",  "private", "mot", "thanh",   "vien",    "siam",
                                    "garment", "Ocean",     "seafood", "x",       "12",  "3a",      "Blue",    "Sky",
                                    "bathe",   "then",      "other",   "of"};
    static const QStringList separators{" ", "  ", ", ", ".", "-", "/", "\\t", "(", ") ", "'", "&", ""};
    QString name;
    const int n = int(g.bounded(1, 7));
    for (int i = 0; i < n; ++i) {
        if (i || g.bounded(4) == 0)
            name += separators.at(int(g.bounded(int(separators.size()))));
        QString w = pieces.at(int(g.bounded(int(pieces.size()))));
        if (g.bounded(4) == 0)
            w = w.toUpper();
        name += w;
    }
    if (g.bounded(4) == 0)
        name += separators.at(int(g.bounded(int(separators.size()))));
    return name;
}

void TestNameMatch::coreNameFastPathRandom()
{
    QRandomGenerator g(20261128);
    for (int i = 0; i < 20000; ++i) {
        const QString name = randomAsciiName(g);
        QCOMPARE(namematch::coreName(name), namematch::coreNameReference(name));
    }
}

void TestNameMatch::fastLooseKeyRandom()
{
    QRandomGenerator g(7);
    for (int i = 0; i < 20000; ++i) {
        const QString text = randomAsciiName(g);
        QCOMPARE(namematch::fastLooseKey(text), looseKey(text));
    }
    // Beyond ASCII: looseKey itself.
    QCOMPARE(namematch::fastLooseKey(QStringLiteral("Türkiye")), looseKey(QStringLiteral("Türkiye")));
}

// What prepare() computed before it was made faster (split, join, sort of a copy).
static namematch::PreparedName referencePrepare(const QString& core)
{
    static const QStringList generic{"garment", "seafood", "packaging", "industries", "trading", "and", "of", "the"};
    namematch::PreparedName p;
    p.core = core;
    QStringList kept;
    for (const QString& w : core.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        if (!generic.contains(w))
            kept << w;
    p.distinct = kept.isEmpty() ? core : kept.join(QLatin1Char(' '));
    auto trigrams = [](const QString& s) {
        const QString padded = QLatin1Char(' ') + s + QLatin1Char(' ');
        QVector<uint> out;
        for (int i = 0; i + 2 < padded.size(); ++i)
            out.append((uint(padded.at(i).unicode()) * 2654435761u) ^ (uint(padded.at(i + 1).unicode()) * 40503u)
                       ^ (uint(padded.at(i + 2).unicode()) << 7));
        std::sort(out.begin(), out.end());
        return out;
    };
    bool gap = false;
    for (QChar c : core) {
        if (c.isDigit()) {
            if (gap && !p.digits.isEmpty())
                p.digits += QLatin1Char(' ');
            gap = false;
            p.digits += QChar(QLatin1Char('0' + c.digitValue()));
        } else {
            gap = true;
        }
    }
    p.trigrams = trigrams(core);
    p.distinctTrigrams = trigrams(p.distinct);
    return p;
}

void TestNameMatch::preparedAsBefore()
{
    // Names whose generic words are among those referencePrepare() knows.
    const QStringList cores{"siam garment",
                            "blue ocean seafood",
                            "garment",
                            " siam  garment ",
                            "works 12 block 3",
                            "๑๒ สยาม 3",
                            "siam of the garment",
                            "longsum packaging",
                            "trading industries",
                            "a",
                            "",
                            "深圳华强电子 2"};
    for (const QString& core : cores) {
        const namematch::PreparedName got = namematch::prepare(core);
        const namematch::PreparedName want = referencePrepare(core);
        QCOMPARE(got.core, want.core);
        QCOMPARE(got.distinct, want.distinct);
        QCOMPARE(got.digits, want.digits);
        QCOMPARE(got.trigrams, want.trigrams);
        QCOMPARE(got.distinctTrigrams, want.distinctTrigrams);
    }
}

// Pairs of names as an import meets them: made-up words sharing syllables and industry words, near-duplicates
// (a letter changed, dropped or doubled), numbers.
static QString randomCore(QRandomGenerator& g)
{
    static const char* syllables[] = {"ka", "lo", "mi", "san", "tor", "vel", "ri", "da", "phu", "min", "sia", "thai"};
    static const char* words[] = {"garment", "seafood", "packaging", "trading", "and", "rubber", "", "", ""};
    QString core;
    const int n = int(g.bounded(1, 4));
    for (int i = 0; i < n; ++i) {
        if (i)
            core += QLatin1Char(' ');
        const int k = int(g.bounded(1, 4));
        for (int j = 0; j < k; ++j)
            core += QString::fromLatin1(syllables[g.bounded(int(std::size(syllables)))]);
    }
    const QString word = QString::fromLatin1(words[g.bounded(int(std::size(words)))]);
    if (!word.isEmpty())
        core += QLatin1Char(' ') + word;
    if (g.bounded(6) == 0)
        core += QStringLiteral(" %1").arg(g.bounded(4));
    return core;
}

static QString mutate(QRandomGenerator& g, QString s)
{
    const int edits = int(g.bounded(0, 3));
    for (int e = 0; e < edits && s.size() > 1; ++e) {
        const int at = int(g.bounded(int(s.size())));
        switch (g.bounded(3)) {
        case 0:
            s[at] = QChar(QLatin1Char(char('a' + g.bounded(26))));
            break;
        case 1:
            s.remove(at, 1);
            break;
        default:
            s.insert(at, s.at(at));
        }
    }
    return s;
}

void TestNameMatch::boundNeverBelowScore()
{
    QRandomGenerator g(42);
    int reached = 0;
    for (int i = 0; i < 30000; ++i) {
        const QString a = randomCore(g);
        const QString b = g.bounded(2) ? mutate(g, a) : randomCore(g);
        const namematch::PreparedName pa = namematch::prepare(a), pb = namematch::prepare(b);
        const double score = namematch::similarityAtLeast(namematch::view(pa), namematch::view(pb), 0.0);
        const namematch::NameSketch sa = namematch::sketch(pa), sb = namematch::sketch(pb);
        QVERIFY2(namematch::similarityUpperBound(sa, sb) >= score, qPrintable(a + " / " + b));
        // Folded to fewer words, as the index keeps them.
        for (int words = 1; words <= namematch::TrigramSignature::kWords; ++words) {
            quint64 fa[namematch::TrigramSignature::kWords], fb[namematch::TrigramSignature::kWords];
            quint64 da[namematch::TrigramSignature::kWords], db[namematch::TrigramSignature::kWords];
            namematch::foldSignature(sa.signature, fa, words);
            namematch::foldSignature(sb.signature, fb, words);
            namematch::foldSignature(sa.distinctSignature, da, words);
            namematch::foldSignature(sb.distinctSignature, db, words);
            const double bound = namematch::similarityBound(
                sa.trigramCount, sb.trigramCount,
                namematch::commonTrigramsAtMost(fa, sa.trigramCount, fb, sb.trigramCount, words),
                sa.distinctTrigramCount, sb.distinctTrigramCount,
                namematch::commonTrigramsAtMost(da, sa.distinctTrigramCount, db, sb.distinctTrigramCount, words));
            QVERIFY2(bound >= score, qPrintable(QStringLiteral("%1 / %2, %3 words").arg(a, b).arg(words)));
        }
        // Different digit hashes: different digits.
        if (sa.digitsHash != sb.digitsHash)
            QVERIFY(pa.digits != pb.digits);
        if (pa.digits == pb.digits)
            QCOMPARE(sa.digitsHash, sb.digitsHash);
        if (score >= namematch::kReviewThreshold)
            ++reached;
    }
    // The pairs are not all far apart: the bound was tested where it matters.
    QVERIFY2(reached > 3000, qPrintable(QString::number(reached)));
}

void TestNameMatch::queryScorerSameScores()
{
    QRandomGenerator g(4242);
    int full = 0;
    for (int i = 0; i < 3000; ++i) {
        const namematch::PreparedName query = namematch::prepare(randomCore(g));
        namematch::QueryScorer scorer(query);
        for (int k = 0; k < 10; ++k) {
            const QString b = g.bounded(2) ? mutate(g, query.core) : randomCore(g);
            const namematch::PreparedName pb = namematch::prepare(b);
            for (double floor : {0.0, 0.5, 0.62, 0.8}) {
                const double want = namematch::similarityAtLeast(namematch::view(query), namematch::view(pb), floor);
                // Without a hint, and with the hint the index gives (from signatures folded to 2 words).
                const double got = scorer.scoreAtLeast(b, floor);
                const namematch::NameSketch sa = namematch::sketch(query), sb = namematch::sketch(pb);
                quint64 da[namematch::TrigramSignature::kWords], db[namematch::TrigramSignature::kWords];
                namematch::foldSignature(sa.distinctSignature, da, 2);
                namematch::foldSignature(sb.distinctSignature, db, 2);
                namematch::QueryScorer::DistinctHint hint;
                hint.trigramCount = sb.distinctTrigramCount;
                hint.commonAtMost
                    = namematch::commonTrigramsAtMost(da, sa.distinctTrigramCount, db, sb.distinctTrigramCount, 2);
                const double hinted = scorer.scoreAtLeast(b, floor, hint);
                if (want >= floor)
                    QCOMPARE(hinted, want);
                else
                    QVERIFY2(hinted < floor, qPrintable(query.core + " / " + b));
                scorer.scoreAtLeast(b, floor); // lastScoredInFull() of the call without a hint, below
                if (want >= floor) {
                    QVERIFY2(got == want,
                             qPrintable(QStringLiteral("%1 / %2 at %3: %4, want %5")
                                            .arg(query.core, b)
                                            .arg(floor)
                                            .arg(got)
                                            .arg(want)));
                    full += scorer.lastScoredInFull() ? 1 : 0;
                } else {
                    QVERIFY2(got < floor, qPrintable(query.core + " / " + b));
                }
            }
        }
    }
    QVERIFY(full > 1000);
}

// --- The index against a straightforward search ------------------------------------------------------------------

namespace {

// The search MatchIndex did before it was made faster: every entry in lists, each block a list scanned from its
// newest entry, every candidate scored in full.
class ReferenceIndex
{
public:
    struct Item
    {
        MatchEntry e;
        QString vigilId;
        QStringList identifiers;
    };
    QList<Item> items;

    static QStringList blocksOf(const MatchEntry& e)
    {
        QStringList keys{QString::number(e.country) + ':' + e.core.left(3)};
        QString longest;
        for (const QString& w : namematch::distinctivePart(e.core).split(' ', Qt::SkipEmptyParts))
            if (w.size() > longest.size())
                longest = w;
        if (longest.size() >= 3 && !e.core.startsWith(longest.left(3)))
            keys << QString::number(e.country) + ':' + longest.left(3);
        return keys;
    }

    MatchResult find(const MatchQuery& q) const
    {
        auto userExcluded = [&](int i) { return q.excluded.contains(items[i].e.rowKey); };
        // (the first entry that has the Vigil id; when the user excluded it, on to the identifiers)
        if (!q.vigilId.isEmpty()) {
            for (int i = 0; i < items.size(); ++i) {
                if (items[i].vigilId == q.vigilId) {
                    if (!userExcluded(i))
                        return {MatchKind::VigilId, i, 1.0, {}};
                    break;
                }
            }
        }
        auto excluded = [&](int i) { return (!q.vigilId.isEmpty() && items[i].e.vigilIdFromFile) || userExcluded(i); };
        // (the first entry that has the identifier, then whether it is excluded)
        for (const Identifier& id : q.identifiers) {
            for (int i = 0; i < items.size(); ++i) {
                if (items[i].identifiers.contains(MatchIndex::identifierKey(id))) {
                    if (!excluded(i))
                        return {MatchKind::Identifier, i, 1.0, {}};
                    break;
                }
            }
        }
        MatchResult r;
        const quint32 country = MatchIndex::packCountry(q.country);
        const quint64 address = q.address.isEmpty() ? 0 : MatchIndex::addressKey(q.address);
        int otherAddress = -1;
        for (int i = int(items.size()) - 1; i >= 0; --i) {
            const MatchEntry& e = items[i].e;
            if (e.country != country || e.core != q.core || excluded(i))
                continue;
            if (address == 0 || e.addressKey == 0 || e.addressKey == address)
                return {MatchKind::ExactName, i, 1.0, {}};
            if (otherAddress < 0)
                otherAddress = i;
        }
        if (otherAddress >= 0)
            r = {MatchKind::Fuzzy, otherAddress, 0.75, {}};
        MatchEntry self;
        self.core = q.core;
        self.country = country;
        const namematch::PreparedName query = namematch::prepare(q.core);
        for (const QString& block : blocksOf(self)) {
            int scanned = 0;
            for (int i = int(items.size()) - 1; i >= 0 && scanned < MatchIndex::kMaxBlockScan; --i) {
                const MatchEntry& e = items[i].e;
                if (!blocksOf(e).contains(block) || e.country != country || excluded(i) || e.core == q.core)
                    continue;
                ++scanned;
                const int len = int(q.core.size()), other = int(e.core.size());
                if (std::min(len, other) * 2 < std::max(len, other))
                    continue;
                const double floor = std::max(namematch::kReviewThreshold, r.score);
                const double s = namematch::similarityAtLeast(query, e.core, floor);
                if (s >= namematch::kReviewThreshold && s > r.score)
                    r = {MatchKind::Fuzzy, i, s, {}};
            }
        }
        return r;
    }
};

} // namespace

void TestNameMatch::indexSameDecisionsAsReference()
{
    QRandomGenerator g(99);
    MatchIndex index;
    ReferenceIndex reference;
    const QStringList countries{"TH", "VN"};
    const QStringList addresses{"", "1 Road", "2 Road"};
    int kinds[6] = {};
    for (int row = 0; row < 2500; ++row) {
        MatchQuery q;
        const bool again = !reference.items.isEmpty() && g.bounded(3) == 0;
        const ReferenceIndex::Item* earlier
            = again ? &reference.items[int(g.bounded(int(reference.items.size())))] : nullptr;
        q.core = earlier ? (g.bounded(2) ? earlier->e.core : mutate(g, earlier->e.core)) : randomCore(g);
        q.country = countries.at(int(g.bounded(2)));
        q.address = addresses.at(int(g.bounded(3)));
        if (g.bounded(10) == 0)
            q.identifiers << Identifier{IdentifierScheme::Duns, QStringLiteral("12-%1").arg(g.bounded(300))};
        if (g.bounded(10) == 0)
            q.identifiers << Identifier{IdentifierScheme::VendorId, QStringLiteral(" v%1 ").arg(g.bounded(300))};
        if (g.bounded(12) == 0)
            q.vigilId = QStringLiteral("id-%1").arg(g.bounded(400));
        if (!reference.items.isEmpty() && g.bounded(8) == 0)
            q.excluded << reference.items[int(g.bounded(int(reference.items.size())))].e.rowKey;
        const namematch::PreparedName prepared = namematch::prepare(q.core);
        const MatchResult want = reference.find(q);
        const MatchResult got = g.bounded(2) ? index.find(q, &prepared) : index.find(q);
        QVERIFY2(got.kind == want.kind && got.entry == want.entry && got.score == want.score,
                 qPrintable(QStringLiteral("row %1 (%2): %3 %4 %5, want %6 %7 %8")
                                .arg(row)
                                .arg(q.core, toString(got.kind))
                                .arg(got.entry)
                                .arg(got.score)
                                .arg(toString(want.kind))
                                .arg(want.entry)
                                .arg(want.score)));
        ++kinds[int(got.kind)];
        // Added when new, and now and then when matched (as a held row the user says is another supplier).
        if (got.kind == MatchKind::None || g.bounded(4) == 0) {
            MatchEntry e;
            e.core = q.core;
            e.country = MatchIndex::packCountry(q.country);
            e.addressKey = q.address.isEmpty() ? 0 : MatchIndex::addressKey(q.address);
            e.rowKey = 1000 + row;
            e.vigilIdFromFile = !q.vigilId.isEmpty();
            const int i = g.bounded(2) ? index.add(e, q.identifiers, q.vigilId, &prepared)
                                       : index.add(e, q.identifiers, q.vigilId);
            QCOMPARE(i, int(reference.items.size()));
            ReferenceIndex::Item item{e, q.vigilId, {}};
            for (const Identifier& id : q.identifiers)
                item.identifiers << MatchIndex::identifierKey(id);
            item.e.vigilIdFromFile = e.vigilIdFromFile && !q.vigilId.isEmpty();
            reference.items << item;
            QCOMPARE(index.entry(i).core, e.core);
            QCOMPARE(index.rowKey(i), e.rowKey);
        }
    }
    // Every way of matching was met.
    for (MatchKind k :
         {MatchKind::None, MatchKind::VigilId, MatchKind::Identifier, MatchKind::ExactName, MatchKind::Fuzzy})
        QVERIFY2(kinds[int(k)] > 20, qPrintable(toString(k)));
}

QTEST_GUILESS_MAIN(TestNameMatch)
#include "tst_namematch.moc"
