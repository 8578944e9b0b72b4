#include "importer/namematch.h"
#include "importer/namematchdetail.h"

#include "util/textkey.h"

#include <QSet>
#include <QStringList>
#include <QVarLengthArray>
#include <QVector>

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace vigil::namematch {

using namespace detail;

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

// The digits of a name (appendDigits), as a string.
QString digitsOf(QStringView s)
{
    QVarLengthArray<char16_t, 32> d;
    appendDigits(s, d);
    return d.isEmpty() ? QString() : QString(reinterpret_cast<const QChar*>(d.constData()), d.size());
}

QVector<uint> trigrams(QStringView s)
{
    QVector<uint> out(trigramCountOf(s));
    trigramsInto(s, out.data());
    return out;
}

} // namespace

// Words many unrelated suppliers share, for a quick look-up of a word of any script: by length and first letter.
bool detail::isGenericWord(QStringView w)
{
    constexpr qsizetype kLongest = 16;
    static const std::vector<std::vector<std::string>> byLength = [] {
        std::vector<std::vector<std::string>> out(size_t(kLongest) + 1);
        for (const QString& g : genericWords())
            if (g.size() <= kLongest)
                out[size_t(g.size())].push_back(g.toStdString());
        return out;
    }();
    if (w.isEmpty() || w.size() > kLongest)
        return false;
    for (const std::string& g : byLength[size_t(w.size())]) {
        if (w.at(0).unicode() != char16_t(uchar(g[0])))
            continue;
        qsizetype k = 1;
        while (k < w.size() && w.at(k).unicode() == char16_t(uchar(g[size_t(k)])))
            ++k;
        if (k == w.size())
            return true;
    }
    return false;
}

static QString coreNameSlow(const QString& name)
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

namespace {

// What coreName() needs of its word lists, as ASCII text: every legal-form word and phrase is ASCII; of the
// substrings of other scripts only those that are ASCII after looseKey() ("cong ty") can occur in an ASCII name.
struct AsciiLegalForms
{
    std::vector<std::vector<std::string>> phrases; // legalPhrases(), in the same order
    std::unordered_set<std::string> phraseFirst, phraseLast;
    std::unordered_set<std::string> words;
    std::vector<std::string> substrings; // legalSubstrings() that are ASCII, in the same order
};

bool isAsciiText(const QString& s)
{
    for (QChar c : s)
        if (c.unicode() >= 0x80)
            return false;
    return true;
}

const AsciiLegalForms& asciiLegalForms()
{
    static const AsciiLegalForms forms = [] {
        AsciiLegalForms f;
        for (const QStringList& phrase : legalPhrases()) {
            std::vector<std::string> words;
            for (const QString& w : phrase)
                words.push_back(w.toStdString());
            f.phraseFirst.insert(words.front());
            f.phraseLast.insert(words.back());
            f.phrases.push_back(std::move(words));
        }
        for (const QString& w : legalWords())
            f.words.insert(w.toStdString());
        for (const QString& sub : legalSubstrings())
            if (isAsciiText(sub))
                f.substrings.push_back(sub.toStdString());
        return f;
    }();
    return forms;
}

bool contains(const std::unordered_set<std::string>& set, std::string_view w)
{
    return set.count(std::string(w)) > 0;
}

// looseKey() of a text that is all ASCII: the same key, without Unicode normalisation (NFKD and case folding
// leave ASCII as it is but for the case of A-Z). Letters and digits kept, '&' becomes "and", anything else
// separates words; a leading "the " and a trailing word "the" dropped, as looseKey's expression does.
std::string looseKeyAscii(const QString& text)
{
    std::string out;
    out.reserve(size_t(text.size()));
    bool space = false;
    for (QChar qc : text) {
        char c = char(qc.unicode());
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (space && !out.empty())
                out += ' ';
            space = false;
            out += c;
        } else if (c == '&') {
            if (!out.empty())
                out += ' ';
            out += "and";
            space = true;
        } else {
            space = true;
        }
    }
    // (^the |\bthe$): the two matches cannot overlap (a text that starts with "the " and ends with "the" has at
    // least 7 characters); \b before the final "the" is the start or a space (the key has only [a-z0-9 ]).
    const size_t n = out.size();
    const bool leading = n >= 4 && out.compare(0, 4, "the ") == 0;
    const bool trailing = n >= 3 && out.compare(n - 3, 3, "the") == 0 && (n == 3 || out[n - 4] == ' ');
    size_t end = trailing ? n - 3 : n;
    const size_t begin = leading ? 4 : 0;
    while (end > begin && out[end - 1] == ' ')
        --end; // trimmed()
    return out.substr(begin, end - begin);
}

QString coreNameAscii(const QString& name)
{
    const AsciiLegalForms& forms = asciiLegalForms();
    const std::string loose = looseKeyAscii(name);
    std::string replaced;
    for (const std::string& sub : forms.substrings) {
        // QString::replace(sub, " "): every occurrence, left to right, not overlapping.
        size_t at = (replaced.empty() ? loose : replaced).find(sub);
        if (at != std::string::npos && replaced.empty())
            replaced = loose;
        while (at != std::string::npos) {
            replaced.replace(at, sub.size(), " ");
            at = replaced.find(sub, at + 1);
        }
    }
    const std::string& k = replaced.empty() ? loose : replaced;
    QVarLengthArray<std::string_view, 16> tokens;
    for (size_t i = 0; i < k.size();) {
        if (k[i] == ' ') {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < k.size() && k[j] != ' ')
            ++j;
        tokens.append(std::string_view(k).substr(i, j - i));
        i = j;
    }
    // The loop of coreNameReference() on the range [lo, hi) of the tokens.
    qsizetype lo = 0, hi = tokens.size();
    auto startsWith = [&](const std::vector<std::string>& phrase) {
        for (size_t p = 0; p < phrase.size(); ++p)
            if (tokens[lo + qsizetype(p)] != phrase[p])
                return false;
        return true;
    };
    auto endsWith = [&](const std::vector<std::string>& phrase) {
        const qsizetype from = hi - qsizetype(phrase.size());
        for (size_t p = 0; p < phrase.size(); ++p)
            if (tokens[from + qsizetype(p)] != phrase[p])
                return false;
        return true;
    };
    bool changed = true;
    while (changed && lo < hi) {
        changed = false;
        // No phrase can match unless the first token starts one or the last ends one (nothing changes until a
        // phrase matches): the ordered pass over the phrases only then.
        if (contains(forms.phraseFirst, tokens[lo]) || contains(forms.phraseLast, tokens[hi - 1])) {
            for (const std::vector<std::string>& phrase : forms.phrases) {
                const qsizetype n = qsizetype(phrase.size());
                if (hi - lo >= n && startsWith(phrase)) {
                    lo += n;
                    changed = true;
                } else if (hi - lo >= n && endsWith(phrase)) {
                    hi -= n;
                    changed = true;
                }
            }
        }
        if (lo < hi && contains(forms.words, tokens[lo])) {
            ++lo;
            changed = true;
        }
        if (lo < hi && contains(forms.words, tokens[hi - 1])) {
            --hi;
            changed = true;
        }
    }
    if (lo >= hi)
        return QString::fromLatin1(loose.data(), qsizetype(loose.size()));
    qsizetype size = hi - lo - 1;
    for (qsizetype t = lo; t < hi; ++t)
        size += qsizetype(tokens[t].size());
    QString core(size, Qt::Uninitialized);
    QChar* out = core.data();
    for (qsizetype t = lo; t < hi; ++t) {
        if (t > lo)
            *out++ = QLatin1Char(' ');
        for (char c : tokens[t])
            *out++ = QLatin1Char(c);
    }
    return core;
}

} // namespace

QString coreName(const QString& name)
{
    return isAsciiText(name) ? coreNameAscii(name) : coreNameSlow(name);
}

QString fastLooseKey(const QString& text)
{
    if (!isAsciiText(text))
        return looseKey(text);
    const std::string k = looseKeyAscii(text);
    return QString::fromLatin1(k.data(), qsizetype(k.size()));
}

QString coreNameReference(const QString& name)
{
    return coreNameSlow(name);
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
    // The words that are not generic, joined by single spaces; the core name itself when none is left.
    QVarLengthArray<QStringView, 16> kept;
    qsizetype words = 0, keptChars = 0;
    for (QStringView w : QStringView(core).tokenize(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        ++words;
        if (!isGenericWord(w)) {
            kept.append(w);
            keptChars += w.size();
        }
    }
    if (kept.isEmpty())
        return core;
    const qsizetype size = keptChars + kept.size() - 1;
    if (kept.size() == words && size == core.size())
        return core; // every word kept and already single-spaced: the same text
    QString out(size, Qt::Uninitialized);
    QChar* o = out.data();
    for (qsizetype i = 0; i < kept.size(); ++i) {
        if (i)
            *o++ = QLatin1Char(' ');
        o = std::copy(kept[i].begin(), kept[i].end(), o);
    }
    return out;
}

void trigramsInto(QStringView s, uint* out)
{
    // The trigrams of " " + s + " ", sorted.
    const qsizetype n = s.size();
    if (n == 0)
        return;
    const char16_t* d = reinterpret_cast<const char16_t*>(s.data());
    auto at = [&](qsizetype i) { return i == 0 || i == n + 1 ? char16_t(u' ') : d[i - 1]; };
    for (qsizetype i = 0; i < n; ++i)
        out[i] = trigramHash(at(i), at(i + 1), at(i + 2));
    sortSmall(out, n);
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
