#include "importer/namematch.h"

#include "util/textkey.h"

#include <QSet>
#include <QStringList>
#include <QVarLengthArray>
#include <QVector>

#include <algorithm>

namespace vigil::namematch {

namespace {

// Legal-form words, stripped from either end of a Latin-script name. Phrases first (by token count).
const QList<QStringList>& legalPhrases()
{
    static const QList<QStringList> phrases = [] {
        QList<QStringList> out;
        for (const char* p :
             {"limited liability company", "joint stock company", "public company limited", "company limited", "co ltd",
              "pvt ltd", "pte ltd", "pty ltd", "sdn bhd", "cong ty", "co phan", "trach nhiem huu han", "mot thanh vien",
              "hai thanh vien", "kabushiki kaisha", "public limited company", "private limited"}) {
            out << QString::fromLatin1(p).split(QLatin1Char(' '));
        }
        std::sort(out.begin(), out.end(),
                  [](const QStringList& a, const QStringList& b) { return a.size() > b.size(); });
        return out;
    }();
    return phrases;
}

const QSet<QString>& legalWords()
{
    static const QSet<QString> words = [] {
        QSet<QString> s;
        for (const char* w :
             {"co",          "company", "companies", "ltd",    "limited", "llc", "inc",  "incorporated", "corp",
              "corporation", "plc",     "gmbh",      "ag",     "sa",      "sas", "sarl", "srl",          "spa",
              "bv",          "nv",      "pte",       "pvt",    "pty",     "pt",  "tbk",  "cv",           "tnhh",
              "mtv",         "jsc",     "sdn",       "bhd",    "berhad",  "kk",  "ltda", "lda",          "oy",
              "llp",         "lp",      "private",   "public", "ud",      "pcl", "jv"})
            s.insert(QString::fromLatin1(w));
        return s;
    }();
    return words;
}

// Legal forms in scripts written without spaces between words: removed wherever they are.
const QStringList& legalSubstrings()
{
    static const QStringList subs = [] {
        QStringList out;
        for (const char* s :
             {"ห้างหุ้นส่วนจำกัด", "ห้างหุ้นส่วน", "บริษัท", "จำกัด", "มหาชน", "股份有限公司", "有限责任公司", "有限責任公司",
              "有限公司", "株式会社", "有限会社", "公司", "ကုမ္ပဏီ", "လီမိတက်", "লিমিটেড", "প্রাইভেট", "কোম্পানি", "công ty"}) {
            out << looseKey(QString::fromUtf8(s));
        }
        return out;
    }();
    return subs;
}

// Words many unrelated suppliers share: industries, goods and company-ish words (after looseKey()).
const QSet<QString>& genericWords()
{
    static const QSet<QString> words = [] {
        QSet<QString> s;
        for (const char* w :
             {"garment",    "garments",   "textile",       "textiles",      "apparel",      "fashion",
              "knit",       "knitting",   "knitwear",      "weaving",       "spinning",     "dyeing",
              "seafood",    "seafoods",   "fishery",       "fisheries",     "fishing",      "fish",
              "food",       "foods",      "frozen",        "agro",          "agriculture",  "agricultural",
              "farm",       "farms",      "plantation",    "plantations",   "electronics",  "electronic",
              "electric",   "electrical", "components",    "technology",    "technologies", "tech",
              "industries", "industry",   "industrial",    "manufacturing", "manufacturer", "factory",
              "mill",       "mills",      "products",      "product",       "trading",      "trade",
              "export",     "exports",    "import",        "imports",       "enterprise",   "enterprises",
              "group",      "holdings",   "international", "global",        "services",     "packaging",
              "plastics",   "plastic",    "rubber",        "metal",         "metals",       "leather",
              "furniture",  "wood",       "shoes",         "footwear",      "toys",         "and",
              "of",         "the"})
            s.insert(QString::fromLatin1(w));
        return s;
    }();
    return words;
}

QString digitsOf(const QString& s)
{
    QString d;
    bool gap = false;
    for (QChar c : s) {
        if (c.isDigit()) {
            if (gap && !d.isEmpty())
                d += QLatin1Char(' ');
            gap = false;
            d += QChar(QLatin1Char('0' + c.digitValue()));
        } else {
            gap = true;
        }
    }
    return d;
}

QVector<uint> trigrams(const QString& s)
{
    const QString p = QLatin1Char(' ') + s + QLatin1Char(' ');
    QVector<uint> out;
    if (p.size() < 3)
        return out;
    out.reserve(p.size() - 2);
    for (int i = 0; i + 2 < p.size(); ++i)
        out.append((uint(p.at(i).unicode()) * 2654435761u) ^ (uint(p.at(i + 1).unicode()) * 40503u)
                   ^ (uint(p.at(i + 2).unicode()) << 7));
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

QString coreName(const QString& name)
{
    const QString loose = looseKey(name);
    QString k = loose;
    for (const QString& sub : legalSubstrings())
        if (k.contains(sub))
            k.replace(sub, QStringLiteral(" "));
    QStringList tokens = k.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    bool changed = true;
    while (changed && !tokens.isEmpty()) {
        changed = false;
        for (const QStringList& phrase : legalPhrases()) {
            if (tokens.size() >= phrase.size() && tokens.mid(0, phrase.size()) == phrase) {
                tokens = tokens.mid(phrase.size());
                changed = true;
            } else if (tokens.size() >= phrase.size() && tokens.mid(tokens.size() - phrase.size()) == phrase) {
                tokens = tokens.mid(0, tokens.size() - phrase.size());
                changed = true;
            }
        }
        if (!tokens.isEmpty() && legalWords().contains(tokens.first())) {
            tokens.removeFirst();
            changed = true;
        }
        if (!tokens.isEmpty() && legalWords().contains(tokens.last())) {
            tokens.removeLast();
            changed = true;
        }
    }
    const QString core = tokens.join(QLatin1Char(' '));
    return core.isEmpty() ? loose : core;
}

double diceSorted(const uint* ta, int na, const uint* tb, int nb)
{
    if (na == 0 || nb == 0)
        return 0.0;
    // Branch-free merge of the two sorted lists: the comparisons are unpredictable.
    int i = 0, j = 0, common = 0;
    while (i < na && j < nb) {
        const uint a = ta[i], b = tb[j];
        common += int(a == b);
        i += int(a <= b);
        j += int(b <= a);
    }
    return 2.0 * common / double(na + nb);
}

double diceSorted(const QVector<uint>& ta, const QVector<uint>& tb)
{
    return diceSorted(ta.constData(), int(ta.size()), tb.constData(), int(tb.size()));
}

double diceTrigrams(const QString& a, const QString& b)
{
    if (a == b)
        return 1.0;
    return diceSorted(trigrams(a), trigrams(b));
}

namespace {

double jaroWinklerView(QStringView a, QStringView b)
{
    if (a == b)
        return 1.0;
    const int la = a.size(), lb = b.size();
    if (la == 0 || lb == 0)
        return 0.0;
    const int window = std::max(0, std::max(la, lb) / 2 - 1);
    QVarLengthArray<bool, 128> ma(la), mb(lb);
    std::fill(ma.begin(), ma.end(), false);
    std::fill(mb.begin(), mb.end(), false);
    int matches = 0;
    for (int i = 0; i < la; ++i) {
        const int lo = std::max(0, i - window), hi = std::min(lb - 1, i + window);
        for (int j = lo; j <= hi; ++j) {
            if (!mb[j] && a.at(i) == b.at(j)) {
                ma[i] = mb[j] = true;
                ++matches;
                break;
            }
        }
    }
    if (matches == 0)
        return 0.0;
    int t = 0, k = 0;
    for (int i = 0; i < la; ++i) {
        if (!ma[i])
            continue;
        while (!mb[k])
            ++k;
        if (a.at(i) != b.at(k))
            ++t;
        ++k;
    }
    const double m = matches;
    const double jaro = (m / la + m / lb + (m - t / 2.0) / m) / 3.0;
    int prefix = 0;
    while (prefix < 4 && prefix < la && prefix < lb && a.at(prefix) == b.at(prefix))
        ++prefix;
    return jaro + prefix * 0.1 * (1.0 - jaro);
}

} // namespace

double jaroWinkler(const QString& a, const QString& b)
{
    return jaroWinklerView(a, b);
}

QString distinctivePart(const QString& core)
{
    QStringList kept;
    const QStringList words = core.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& w : words)
        if (!genericWords().contains(w))
            kept << w;
    return kept.isEmpty() ? core : kept.join(QLatin1Char(' '));
}

PreparedName prepare(const QString& core)
{
    PreparedName p;
    p.core = core;
    p.distinct = distinctivePart(core);
    p.digits = digitsOf(core);
    p.trigrams = trigrams(core);
    p.distinctTrigrams = p.distinct == core ? p.trigrams : trigrams(p.distinct);
    return p;
}

namespace {

constexpr double kDiceWeight = 0.8;
constexpr double kJaroWeight = 0.2;

double blend(double dice, QStringView x, QStringView y)
{
    return kDiceWeight * dice + kJaroWeight * jaroWinklerView(x, y);
}

} // namespace

NameView view(const PreparedName& p)
{
    NameView v;
    v.core = p.core;
    v.distinct = p.distinct;
    v.digits = p.digits;
    v.trigrams = p.trigrams.constData();
    v.trigramCount = int(p.trigrams.size());
    v.distinctTrigrams = p.distinctTrigrams.constData();
    v.distinctTrigramCount = int(p.distinctTrigrams.size());
    return v;
}

double similarityAtLeast(const NameView& a, const NameView& b, double floor)
{
    if (a.core == b.core)
        return 1.0;
    if (a.digits != b.digits && floor >= kReviewThreshold)
        return kReviewThreshold - 0.01; // names whose numbers differ are never similar enough
    const double diceWhole = diceSorted(a.trigrams, a.trigramCount, b.trigrams, b.trigramCount);
    const bool sameDistinct = b.distinct == a.distinct;
    const double diceDistinct = sameDistinct
        ? 1.0
        : diceSorted(a.distinctTrigrams, a.distinctTrigramCount, b.distinctTrigrams, b.distinctTrigramCount);
    // Jaro-Winkler is at most 1: the best this pair can score.
    const double bound
        = 0.5 * (kDiceWeight * diceWhole + kJaroWeight) + 0.5 * (kDiceWeight * diceDistinct + kJaroWeight);
    if (bound < floor)
        return bound - 0.01;
    const double whole = blend(diceWhole, a.core, b.core);
    const double part = sameDistinct ? 1.0 : blend(diceDistinct, a.distinct, b.distinct);
    return 0.5 * whole + 0.5 * part;
}

double similarityAtLeast(const PreparedName& a, const PreparedName& b, double floor)
{
    return similarityAtLeast(view(a), view(b), floor);
}

double similarityAtLeast(const PreparedName& a, const QString& coreB, double floor)
{
    if (a.core == coreB)
        return 1.0;
    if (a.digits != digitsOf(coreB) && floor >= kReviewThreshold)
        return kReviewThreshold - 0.01;
    return similarityAtLeast(a, prepare(coreB), floor);
}

double similarity(const PreparedName& a, const PreparedName& b)
{
    if (a.digits != b.digits)
        return std::min(similarityAtLeast(a, b.core, 0.0), kReviewThreshold - 0.01);
    return std::clamp(similarityAtLeast(a, b.core, 0.0), 0.0, 1.0);
}

double similarity(const QString& a, const QString& b)
{
    if (a == b)
        return 1.0;
    return similarity(prepare(a), prepare(b));
}

} // namespace vigil::namematch
