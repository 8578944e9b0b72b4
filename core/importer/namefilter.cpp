// Quick filters of candidate names before the full similarity: trigram signatures and the upper bounds they give,
// and QueryScorer, which scores many candidates against one name without preparing each.
#include "importer/namematch.h"
#include "importer/namematchdetail.h"

#include <QVarLengthArray>

#include <algorithm>

namespace vigil::namematch {

using namespace detail;

// --- Bounds for a pre-filter -----------------------------------------------------------------------------------
//
// The signature of a trigram list (256 bits) sets bit (h * 0x9e3779b1) >> 24 for each trigram h. A bit set in the
// signature of A and not in that of B is a trigram of A (at least one) that B does not have: so the trigrams A and B
// have in common (counted as diceSorted counts them: the multiset intersection) are at most
//     min(|A| - popcount(sigA & ~sigB), |B| - popcount(sigB & ~sigA)).
// With that count in place of the real one, the bound of similarityAtLeast() (Jaro-Winkler taken as 1) is computed
// with the same arithmetic: every step is monotonic, so it is never below the score.

TrigramSignature trigramSignature(const uint* trigrams, int count)
{
    constexpr int kBits = 64 * TrigramSignature::kWords;
    static_assert((kBits & (kBits - 1)) == 0, "a power of two");
    constexpr int kShift = 32 - __builtin_ctz(kBits);
    TrigramSignature sig;
    for (int i = 0; i < count; ++i) {
        const uint bit = (trigrams[i] * 0x9e3779b1u) >> kShift;
        sig.bits[bit >> 6] |= quint64(1) << (bit & 63);
    }
    return sig;
}

quint32 digitsHash(QStringView digits)
{
    if (digits.isEmpty())
        return 0;
    quint32 h = 2166136261u;
    for (QChar c : digits)
        h = (h ^ c.unicode()) * 16777619u;
    return h | 1u;
}

NameSketch sketch(const NameView& v)
{
    NameSketch s;
    s.signature = trigramSignature(v.trigrams, v.trigramCount);
    s.distinctSignature
        = v.distinctTrigrams == v.trigrams ? s.signature : trigramSignature(v.distinctTrigrams, v.distinctTrigramCount);
    s.trigramCount = v.trigramCount;
    s.distinctTrigramCount = v.distinctTrigramCount;
    s.digitsHash = digitsHash(v.digits);
    return s;
}

NameSketch sketch(const PreparedName& p)
{
    return sketch(view(p));
}

namespace {

// Without -mpopcnt (the x86-64 baseline) __builtin_popcountll is a call into libgcc: this is faster.
inline int popcount64(quint64 x)
{
    x = x - ((x >> 1) & 0x5555555555555555ull);
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
    return int((x * 0x0101010101010101ull) >> 56);
}

} // namespace

int commonTrigramsAtMost(const quint64* sigA, int countA, const quint64* sigB, int countB, int words)
{
    int onlyA = 0, onlyB = 0;
    for (int i = 0; i < words; ++i) {
        onlyA += popcount64(sigA[i] & ~sigB[i]);
        onlyB += popcount64(sigB[i] & ~sigA[i]);
    }
    return std::min(countA - onlyA, countB - onlyB);
}

int commonTrigramsAtMost(const TrigramSignature& sigA, int countA, const TrigramSignature& sigB, int countB)
{
    return commonTrigramsAtMost(sigA.bits, countA, sigB.bits, countB, TrigramSignature::kWords);
}

void foldSignature(const TrigramSignature& sig, quint64* out, int words)
{
    for (int i = 0; i < words; ++i)
        out[i] = 0;
    for (int i = 0; i < TrigramSignature::kWords; ++i)
        out[i % words] |= sig.bits[i];
}

double similarityBound(int countA, int countB, int commonWhole, int distinctCountA, int distinctCountB,
                       int commonDistinct)
{
    // As similarityAtLeast() computes its bound (diceSorted, then the blend with Jaro-Winkler taken as 1).
    auto dice = [](int common, int na, int nb) { return na == 0 || nb == 0 ? 0.0 : 2.0 * common / double(na + nb); };
    const double diceWhole = dice(commonWhole, countA, countB);
    const double diceDistinct = dice(commonDistinct, distinctCountA, distinctCountB);
    return 0.5 * (0.8 * diceWhole + 0.2) + 0.5 * (0.8 * diceDistinct + 0.2);
}

double similarityUpperBound(const NameSketch& a, const NameSketch& b)
{
    return similarityBound(
        a.trigramCount, b.trigramCount, commonTrigramsAtMost(a.signature, a.trigramCount, b.signature, b.trigramCount),
        a.distinctTrigramCount, b.distinctTrigramCount,
        commonTrigramsAtMost(a.distinctSignature, a.distinctTrigramCount, b.distinctSignature, b.distinctTrigramCount));
}

// --- QueryScorer ------------------------------------------------------------------------------------------------

namespace {

inline size_t trigramSlot(uint t, size_t mask)
{
    return size_t((t * 0x9e3779b1u) >> 7) & mask;
}

// The trigrams of " " + s + " ", in text order.
void trigramsUnsorted(QStringView s, uint* out)
{
    const qsizetype n = s.size();
    const char16_t* d = reinterpret_cast<const char16_t*>(s.data());
    auto at = [&](qsizetype i) { return i == 0 || i == n + 1 ? char16_t(u' ') : d[i - 1]; };
    for (qsizetype i = 0; i < n; ++i)
        out[i] = trigramHash(at(i), at(i + 1), at(i + 2));
}

} // namespace

void QueryScorer::Counts::build(const QVector<uint>& trigrams)
{
    size_t size = 16;
    while (size < size_t(trigrams.size()) * 2)
        size *= 2;
    keys.resize(qsizetype(size));
    counts.resize(qsizetype(size));
    used.resize(qsizetype(size));
    stamps.resize(qsizetype(size));
    std::fill(counts.begin(), counts.end(), quint32(0));
    std::fill(stamps.begin(), stamps.end(), quint32(0));
    stamp = 0;
    mask = size - 1;
    for (uint t : trigrams) {
        size_t i = trigramSlot(t, mask);
        while (counts[i] != 0 && keys[i] != t)
            i = (i + 1) & mask;
        keys[i] = t;
        ++counts[i];
    }
}

int QueryScorer::Counts::common(const uint* trigrams, int n)
{
    // The multiset intersection: each trigram of the candidate takes one of the query's, while any is left.
    if (++stamp == 0) {
        std::fill(stamps.begin(), stamps.end(), quint32(0));
        stamp = 1;
    }
    int common = 0;
    for (int k = 0; k < n; ++k) {
        const uint t = trigrams[k];
        for (size_t i = trigramSlot(t, mask); counts[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == t) {
                if (stamps[i] != stamp) {
                    stamps[i] = stamp;
                    used[i] = 0;
                }
                if (used[i] < counts[i]) {
                    ++used[i];
                    ++common;
                }
                break;
            }
        }
    }
    return common;
}

QueryScorer::QueryScorer(const PreparedName& query)
    : m_view(view(query))
    , m_query(query)
{
}

double QueryScorer::scoreAtLeast(QStringView core, double floor, DistinctHint hint)
{
    m_full = false;
    // In the order of similarityAtLeast(): the same name, then the digits, then the bound, then the full score.
    if (core == m_view.core)
        return 1.0;
    m_digits.clear();
    appendDigits(core, m_digits);
    const QStringView digits(m_digits.constData(), m_digits.size());
    if (digits != m_view.digits && floor >= kReviewThreshold)
        return kReviewThreshold - 0.01;

    if (!m_built) {
        m_whole.build(m_query.trigrams);
        m_distinct.build(m_query.distinctTrigrams);
        m_built = true;
    }
    auto dice = [](int common, int na, int nb) { return na == 0 || nb == 0 ? 0.0 : 2.0 * common / double(na + nb); };
    const int n = trigramCountOf(core);
    m_trigrams.resize(n);
    trigramsUnsorted(core, m_trigrams.data());
    const double diceWhole = dice(m_whole.common(m_trigrams.constData(), n), m_view.trigramCount, n);
    if (hint.trigramCount >= 0 && hint.commonAtMost >= 0) {
        // The bound below with the hint's count for the distinctive parts (at least their real count, and at least
        // 1.0 for the same part: its signature and count are the query's): never below it.
        const double early = 0.5 * (0.8 * diceWhole + 0.2)
            + 0.5 * (0.8 * dice(hint.commonAtMost, m_view.distinctTrigramCount, hint.trigramCount) + 0.2);
        if (early < floor)
            return early - 0.01;
    }

    // The distinctive part, as distinctivePart() makes it.
    QVarLengthArray<QStringView, 16> kept;
    qsizetype words = 0, keptChars = 0;
    for (QStringView w : core.tokenize(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        ++words;
        if (!isGenericWord(w)) {
            kept.append(w);
            keptChars += w.size();
        }
    }
    QStringView distinct = core;
    if (!kept.isEmpty() && !(kept.size() == words && keptChars + kept.size() - 1 == core.size())) {
        m_distinctText.clear();
        for (qsizetype i = 0; i < kept.size(); ++i) {
            if (i)
                m_distinctText.append(u' ');
            m_distinctText.append(reinterpret_cast<const char16_t*>(kept[i].data()), kept[i].size());
        }
        distinct = QStringView(m_distinctText.constData(), m_distinctText.size());
    }
    const bool distinctIsCore = distinct.data() == core.data();
    const int nd = trigramCountOf(distinct);
    if (!distinctIsCore) {
        m_distinctTrigrams.resize(nd);
        trigramsUnsorted(distinct, m_distinctTrigrams.data());
    }
    const bool sameDistinct = distinct == m_view.distinct;
    const double diceDistinct = sameDistinct
        ? 1.0
        : dice(m_distinct.common(distinctIsCore ? m_trigrams.constData() : m_distinctTrigrams.constData(), nd),
               m_view.distinctTrigramCount, nd);
    // The bound of similarityAtLeast(), with the same counts: the same decision.
    const double bound = 0.5 * (0.8 * diceWhole + 0.2) + 0.5 * (0.8 * diceDistinct + 0.2);
    if (bound < floor)
        return bound - 0.01;

    // In full, with the candidate prepared in place.
    m_full = true;
    sortSmall(m_trigrams.data(), m_trigrams.size());
    if (!distinctIsCore)
        sortSmall(m_distinctTrigrams.data(), m_distinctTrigrams.size());
    NameView b;
    b.core = core;
    b.distinct = distinct;
    b.digits = digits;
    b.trigrams = m_trigrams.constData();
    b.trigramCount = n;
    b.distinctTrigrams = distinctIsCore ? b.trigrams : m_distinctTrigrams.constData();
    b.distinctTrigramCount = nd;
    return similarityAtLeast(m_view, b, floor);
}

} // namespace vigil::namematch
