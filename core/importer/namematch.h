#pragma once

#include <QString>
#include <QVector>

namespace vigil::namematch {

// The part of a company name that tells it apart: looseKey() (case, spacing, punctuation and Latin diacritics
// ignored) with legal-form words removed from either end ("Co., Ltd", "Company Limited", "PT", "CV", "TNHH",
// "Công ty", "Sdn Bhd", "GmbH") and legal-form words of other scripts removed anywhere ("บริษัท", "จำกัด",
// "有限公司", "ကုမ္ပဏီ", "লিমিটেড"). Falls back to the loose key when nothing else is left.
QString coreName(const QString& name);

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

} // namespace vigil::namematch
