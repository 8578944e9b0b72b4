#pragma once

// What normalize.cpp and normalizenumbers.cpp share: character classes and collapse(). Not part of the API.

#include <QChar>
#include <QString>
#include <QStringView>

namespace vigil::normalize::detail {

inline bool isSpaceLike(QChar c)
{
    return c.isSpace() || c == QChar(0x200B) || c == QChar(0xFEFF);
}

inline bool isAscii(QStringView s)
{
    char16_t any = 0;
    for (QChar c : s)
        any |= c.unicode();
    return any < 0x80;
}

constexpr bool isAsciiDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}

constexpr bool isAsciiLetter(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

// PCRE's \s without Unicode properties: TAB, LF, VT, FF, CR and space.
constexpr bool isAsciiSpace(char16_t c)
{
    return c == u' ' || (c >= 0x09 && c <= 0x0d);
}

// Space-like characters (with zero-width space and BOM) removed at both ends and single spaces between words.
QString collapse(const QString& s);

} // namespace vigil::normalize::detail
