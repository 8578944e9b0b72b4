#include "util/textkey.h"

#include <QRegularExpression>

namespace vigil {

QString searchKey(const QString& text)
{
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
    static const QRegularExpression the(QStringLiteral("(^the |\\bthe$)"));
    out.remove(the);
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
