#pragma once

// What namematch.cpp and namefilter.cpp share. Not part of the API.

#include <QStringView>

#include <algorithm>

namespace vigil::namematch::detail {

// Appends the digits of a name to `out`, runs separated by a space ("Factory 12 Block 3" -> "12 3"): any script's
// decimal digits, as ASCII.
template <typename Buffer>
void appendDigits(QStringView s, Buffer& out)
{
    bool gap = false;
    for (QChar c : s) {
        const char16_t u = c.unicode();
        int value = -1;
        if (u < 0x80)
            value = u >= '0' && u <= '9' ? int(u - '0') : -1;
        else if (c.isDigit())
            value = c.digitValue();
        if (value >= 0) {
            if (gap && !out.isEmpty())
                out.append(u' ');
            gap = false;
            out.append(char16_t(u'0' + value));
        } else {
            gap = true;
        }
    }
}

// Sorts a list of trigrams: insertion sort for the lengths of names, std::sort beyond.
inline void sortSmall(uint* v, qsizetype n)
{
    if (n > 48) {
        std::sort(v, v + n);
        return;
    }
    for (qsizetype i = 1; i < n; ++i) {
        const uint x = v[i];
        qsizetype j = i;
        for (; j > 0 && v[j - 1] > x; --j)
            v[j] = v[j - 1];
        v[j] = x;
    }
}

inline uint trigramHash(char16_t a, char16_t b, char16_t c)
{
    return (uint(a) * 2654435761u) ^ (uint(b) * 40503u) ^ (uint(c) << 7);
}

// Whether a word (after looseKey()) is one many unrelated suppliers share: industries, goods, company-ish words.
bool isGenericWord(QStringView w);

} // namespace vigil::namematch::detail
