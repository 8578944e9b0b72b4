#include "util/textkey.h"

namespace vigil {

namespace {

bool isAscii(const QChar* p, qsizetype n)
{
    char16_t any = 0;
    for (qsizetype i = 0; i < n; ++i)
        any |= p[i].unicode();
    return any < 0x80;
}

// QChar::isSpace() for ASCII: TAB, LF, VT, FF, CR and space.
constexpr bool isAsciiSpace(char16_t c)
{
    return c == u' ' || (c >= 0x09 && c <= 0x0d);
}

constexpr bool isAsciiAlnum(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

constexpr char16_t asciiLower(char16_t c)
{
    return c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c;
}

// ASCII text is its own NFKC and NFKD form and case-folds to lower case: searchKey() without the Unicode tables.
QString asciiSearchKey(const QChar* p, qsizetype n)
{
    QString out(n, Qt::Uninitialized);
    QChar* d = out.data();
    qsizetype k = 0;
    bool space = false;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = p[i].unicode();
        if (isAsciiSpace(c)) {
            space = k > 0;
            continue;
        }
        if (space) {
            d[k++] = QLatin1Char(' ');
            space = false;
        }
        d[k++] = QChar(asciiLower(c));
    }
    out.resize(k);
    return out;
}

// looseKey() of ASCII text: letters and digits (lower case) in words separated by one space, '&' as "and"; then a
// leading "the " and a trailing "the" after a non-word character (the general path's (^the |\bthe$)) go.
QString asciiLooseKey(const QChar* p, qsizetype n)
{
    QString out(n * 4, Qt::Uninitialized); // at most " and" per character
    QChar* d = out.data();
    qsizetype k = 0;
    bool space = false;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = p[i].unicode();
        if (isAsciiAlnum(c)) {
            if (space && k > 0)
                d[k++] = QLatin1Char(' ');
            space = false;
            d[k++] = QChar(asciiLower(c));
        } else if (c == u'&') {
            if (k > 0)
                d[k++] = QLatin1Char(' ');
            d[k++] = QLatin1Char('a');
            d[k++] = QLatin1Char('n');
            d[k++] = QLatin1Char('d');
            space = true;
        } else {
            space = true;
        }
    }
    auto isThe = [d](qsizetype at) {
        return d[at] == QLatin1Char('t') && d[at + 1] == QLatin1Char('h') && d[at + 2] == QLatin1Char('e');
    };
    qsizetype begin = 0;
    qsizetype end = k;
    if (k >= 4 && isThe(0) && d[3] == QLatin1Char(' '))
        begin = 4;
    // \b before the trailing "the": the start of the text or a character that is not [A-Za-z0-9_].
    if (k >= 3 && k - 3 >= begin && isThe(k - 3) && (k == 3 || !isAsciiAlnum(d[k - 4].unicode())))
        end = k - 3;
    while (begin < end && d[begin] == QLatin1Char(' '))
        ++begin;
    while (end > begin && d[end - 1] == QLatin1Char(' '))
        --end;
    if (begin == 0) {
        out.resize(end);
        return out;
    }
    return QString(d + begin, end - begin);
}

// Removes what the pattern (^the |\\bthe$) matches: a leading "the " and a trailing "the" after a character that
// is not a word character. Without Unicode properties a word character is [A-Za-z0-9_], in any text.
void stripThe(QString& out)
{
    const qsizetype k = out.size();
    const QChar* d = out.constData();
    auto isThe = [d](qsizetype at) {
        return d[at] == QLatin1Char('t') && d[at + 1] == QLatin1Char('h') && d[at + 2] == QLatin1Char('e');
    };
    qsizetype begin = 0;
    qsizetype end = k;
    if (k >= 4 && isThe(0) && d[3] == QLatin1Char(' '))
        begin = 4;
    if (k >= 3 && k - 3 >= begin && isThe(k - 3)
        && (k == 3 || !(isAsciiAlnum(d[k - 4].unicode()) || d[k - 4] == QLatin1Char('_'))))
        end = k - 3;
    if (end < k)
        out.truncate(end);
    if (begin > 0)
        out.remove(0, begin);
}

} // namespace

QString searchKey(const QString& text)
{
    if (!text.isEmpty() && isAscii(text.constData(), text.size())) // empty text: as the general path gives it
        return asciiSearchKey(text.constData(), text.size());
    QString s = text.normalized(QString::NormalizationForm_KC).toCaseFolded();
    QString out;
    out.reserve(s.size());
    bool space = false;
    for (QChar c : s) {
        if (c.isSpace()) {
            space = !out.isEmpty();
            continue;
        }
        if (space) {
            out += QLatin1Char(' ');
            space = false;
        }
        out += c;
    }
    return out;
}

QString looseKey(const QString& text)
{
    if (!text.isEmpty() && isAscii(text.constData(), text.size())) // empty text: as the general path gives it
        return asciiLooseKey(text.constData(), text.size());
    // Decompose, drop combining marks only for Latin-script letters (diacritics), keep other scripts intact.
    const QString d = text.normalized(QString::NormalizationForm_KD).toCaseFolded();
    QString out;
    out.reserve(d.size());
    QChar prevBase;
    bool space = false;
    for (QChar c : d) {
        const auto cat = c.category();
        if (cat == QChar::Mark_NonSpacing || cat == QChar::Mark_SpacingCombining || cat == QChar::Mark_Enclosing) {
            if (prevBase.script() == QChar::Script_Latin)
                continue;
            out += c;
            continue;
        }
        if (c.isLetterOrNumber()) {
            if (space && !out.isEmpty())
                out += QLatin1Char(' ');
            space = false;
            out += c;
            prevBase = c;
        } else if (c == QLatin1Char('&')) {
            if (!out.isEmpty())
                out += QLatin1Char(' ');
            out += QStringLiteral("and");
            space = true;
        } else {
            space = true; // punctuation and spaces separate words
        }
    }
    // Drop a leading or trailing "the" ("The Gambia", "Bahamas, The").
    stripThe(out);
    return out.trimmed();
}

QString escapeLike(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (c == QLatin1Char('%') || c == QLatin1Char('_') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

QString escapeGlob(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (c == QLatin1Char('*') || c == QLatin1Char('?') || c == QLatin1Char('[')) {
            out += QLatin1Char('[');
            out += c;
            out += QLatin1Char(']');
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace vigil
