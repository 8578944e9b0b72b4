#pragma once

#include <QString>
#include <QVarLengthArray>
#include <QVector>

#include <vector>

namespace vigil::namematch {

// The part of a company name that tells it apart: looseKey() (case, spacing, punctuation and Latin diacritics
// ignored) with legal-form words removed from either end ("Co., Ltd", "Company Limited", "PT", "CV", "TNHH",
// "Công ty", "Sdn Bhd", "GmbH") and legal-form words of other scripts removed anywhere ("บริษัท", "จำกัด",
// "有限公司", "ကုမ္ပဏီ", "লিমিটেড"). Falls back to the loose key when nothing else is left.
// Names of ASCII characters only (most lists) take a fast path without Unicode normalisation that gives the same
// result as coreNameReference(), which is what every other name goes through.
QString coreName(const QString& name);
QString coreNameReference(const QString& name);
// looseKey() (util/textkey.h), the same key, faster for ASCII text.
QString fastLooseKey(const QString& text);

// The core name without words that many suppliers share ("garment", "seafood", "industries", "trading"): what
// tells "Longsum Packaging" from "Phulokor Packaging". The core name itself when nothing else is left.
QString distinctivePart(const QString& core);

// 0..1: how alike two core names are: the mean of the similarity of the whole core names and of their distinctive
// parts, each 0.8 x trigram Dice coefficient + 0.2 x Jaro-Winkler (typos). Names whose numbers differ
// ("Factory 1" / "Factory 2") never reach the review threshold.
double similarity(const QString& coreA, const QString& coreB);

// Thresholds (Open Supply Hub's): at or above Merge a fuzzy match merges, at or above Review it goes to the user.
constexpr double kMergeThreshold = 0.8;
constexpr double kReviewThreshold = 0.5;

double diceTrigrams(const QString& a, const QString& b);

// A core name with what similarity() needs computed once (for a query compared with many candidates).
struct PreparedName
{
    QString core;
    QString distinct;
    QString digits;
    QVector<uint> trigrams;
    QVector<uint> distinctTrigrams;
};
PreparedName prepare(const QString& core);
double similarity(const PreparedName& a, const PreparedName& b);

// A prepared name that does not own its text and trigrams (the match index keeps many of them packed).
struct NameView
{
    QStringView core;
    QStringView distinct;
    QStringView digits;
    const uint* trigrams = nullptr;
    int trigramCount = 0;
    const uint* distinctTrigrams = nullptr;
    int distinctTrigramCount = 0;
};
NameView view(const PreparedName& p);
double similarityAtLeast(const NameView& a, const NameView& b, double floor);
// The same score, or a value below `floor` as soon as the score cannot reach it (cheap trigram bounds first).
double similarityAtLeast(const PreparedName& a, const QString& coreB, double floor);
double similarityAtLeast(const PreparedName& a, const PreparedName& b, double floor);
double jaroWinkler(const QString& a, const QString& b);

// The trigrams of " " + s + " " (as PreparedName::trigrams holds them), written sorted to `out`, which has room for
// trigramCountOf(s) of them.
inline int trigramCountOf(QStringView s)
{
    return int(s.size());
}
void trigramsInto(QStringView s, uint* out);

// What a pre-filter keeps of a prepared name: 256-bit signatures of its trigram lists, their lengths and a hash of
// its digits. similarityUpperBound() is never below the score of the two names (a proof in namematch.cpp; the
// property is tested on random pairs), and names whose digitsHash differ have different digits (so they never
// reach the review threshold). A pair whose bound is below a floor can be left out without changing any result.
struct TrigramSignature
{
    static constexpr int kWords = 4; // 256 bits
    quint64 bits[kWords] = {};
    bool operator==(const TrigramSignature& o) const
    {
        for (int i = 0; i < kWords; ++i)
            if (bits[i] != o.bits[i])
                return false;
        return true;
    }
    bool operator!=(const TrigramSignature& o) const { return !(*this == o); }
};
struct NameSketch
{
    TrigramSignature signature;
    TrigramSignature distinctSignature;
    int trigramCount = 0;
    int distinctTrigramCount = 0;
    quint32 digitsHash = 0; // 0: no digits
};
NameSketch sketch(const NameView& v);
NameSketch sketch(const PreparedName& p);
TrigramSignature trigramSignature(const uint* trigrams, int count);
quint32 digitsHash(QStringView digits);
// Never fewer than the trigrams two lists have in common (their multiset intersection), from their signatures.
int commonTrigramsAtMost(const TrigramSignature& sigA, int countA, const TrigramSignature& sigB, int countB);
double similarityUpperBound(const NameSketch& a, const NameSketch& b);
// The same with signatures folded to `words` (1 to 4) 64-bit words, word i OR-ed into word i mod `words`: a
// signature as well (of another mapping of trigrams to bits), so the bounds hold; smaller, and looser.
void foldSignature(const TrigramSignature& sig, quint64* out, int words);
int commonTrigramsAtMost(const quint64* sigA, int countA, const quint64* sigB, int countB, int words);
// The bound of similarityAtLeast() from bounds on the trigrams in common of the whole names and of their distinctive
// parts (counts of trigrams of each list as given).
double similarityBound(int countA, int countB, int commonWhole, int distinctCountA, int distinctCountB,
                       int commonDistinct);

// A query name compared with many candidates known by their core names only: scoreAtLeast() is exactly
// similarityAtLeast(view(query), view(prepare(candidate)), floor) when that reaches `floor`, and below `floor` when it
// does not, without preparing the candidate (no allocation): its trigrams are counted against the query's (the
// trigrams in common exactly, as the merge of sorted lists counts them), the bound of similarityAtLeast() applied,
// and only a candidate past it is prepared in place and scored in full.
class QueryScorer
{
public:
    explicit QueryScorer(const PreparedName& query);
    // What a caller may know of the candidate's distinctive part: its trigram count and a bound on the trigrams it
    // has in common with the query's (commonTrigramsAtMost of their signatures). With it, a candidate whose whole
    // name's trigrams in common cannot reach `floor` is passed over before its distinctive part is made.
    struct DistinctHint
    {
        int trigramCount = -1;
        int commonAtMost = -1;
    };
    double scoreAtLeast(QStringView candidateCore, double floor, DistinctHint hint);
    double scoreAtLeast(QStringView candidateCore, double floor)
    {
        return scoreAtLeast(candidateCore, floor, {-1, -1});
    }
    // Whether the last scoreAtLeast() had to compute the full score (Jaro-Winkler).
    bool lastScoredInFull() const { return m_full; }

private:
    struct Counts
    {
        QVarLengthArray<uint, 64> keys;
        QVarLengthArray<quint32, 64> counts; // 0: empty slot
        QVarLengthArray<quint32, 64> used; // of the current candidate when its stamp is the current one
        QVarLengthArray<quint32, 64> stamps;
        quint32 stamp = 0;
        size_t mask = 0;
        void build(const QVector<uint>& trigrams);
        int common(const uint* trigrams, int n);
    };
    NameView m_view; // on the query, which outlives the scorer
    const PreparedName& m_query;
    bool m_built = false; // m_whole and m_distinct, when a candidate first needs them
    Counts m_whole, m_distinct;
    QVarLengthArray<char16_t, 128> m_distinctText, m_digits;
    QVarLengthArray<uint, 128> m_trigrams, m_distinctTrigrams;
    bool m_full = false;
};

} // namespace vigil::namematch
