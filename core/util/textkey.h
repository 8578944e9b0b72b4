#pragma once

#include <QString>

namespace vigil {

// A key for matching and searching text in any script: NFKC, case-folded, whitespace collapsed.
// Keeps every letter and mark (Thai, Burmese and Bengali need their marks), so it never loses a character.
QString searchKey(const QString& text);

// A looser key for matching names of countries and column headers: also strips Latin diacritics
// (Türkiye -> turkiye), punctuation and the word "the".
QString looseKey(const QString& text);

// Escape a string for use inside a SQL LIKE pattern with ESCAPE '\'.
QString escapeLike(const QString& text);
// Escape a string for use inside a SQL GLOB pattern: * ? [ become [*] [?] [[].
QString escapeGlob(const QString& text);

} // namespace vigil
