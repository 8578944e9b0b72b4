#pragma once

#include <QString>

namespace vigil::namematch {

// The part of a company name that tells it apart: looseKey() (case, spacing, punctuation and Latin diacritics
// ignored) with legal-form words removed from either end ("Co., Ltd", "Company Limited", "PT", "CV", "TNHH",
// "Công ty", "Sdn Bhd", "GmbH") and legal-form words of other scripts removed anywhere ("บริษัท", "จำกัด",
// "有限公司", "ကုမ္ပဏီ", "লিমিটেড"). Falls back to the loose key when nothing else is left.
QString coreName(const QString& name);

// 0..1: how alike two core names are. Trigram Dice coefficient blended with Jaro-Winkler (typos); names whose
// numbers differ ("Factory 1" / "Factory 2") never reach the review threshold.
double similarity(const QString& coreA, const QString& coreB);

// Thresholds (Open Supply Hub's): at or above Merge a fuzzy match merges, at or above Review it goes to the user.
constexpr double kMergeThreshold = 0.8;
constexpr double kReviewThreshold = 0.5;

double diceTrigrams(const QString& a, const QString& b);
double jaroWinkler(const QString& a, const QString& b);

} // namespace vigil::namematch
