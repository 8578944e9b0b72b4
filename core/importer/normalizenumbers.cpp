// Numbers in cells: worker counts ("1,200", "1000-5000", "<1000", "approx. 300"), shares and amounts.
#include "importer/normalize.h"
#include "importer/normalizetext.h"

#include <QRegularExpression>
#include <QVarLengthArray>

#include <algorithm>
#include <cmath>
#include <optional>

namespace vigil::normalize {

using namespace detail;

namespace {

// QString::toDouble(), without its conversion for whole numbers of up to 15 digits (exact in a double).
double toDouble(QStringView s, bool* ok)
{
    const qsizetype n = s.size();
    if (n > 0 && n <= 15) {
        qint64 v = 0;
        qsizetype i = 0;
        for (; i < n; ++i) {
            const char16_t c = s.at(i).unicode();
            if (!isAsciiDigit(c))
                break;
            v = v * 10 + (c - u'0');
        }
        if (i == n) {
            *ok = true;
            return double(v);
        }
    }
    return s.toDouble(ok);
}

// ^[+]?[0-9][0-9.,]*$|^[+]?[.,][0-9]+$ (PCRE's $ also matches before a final line feed).
bool isPlainNumber(QStringView t)
{
    if (t.endsWith(QLatin1Char('\n'))) {
        static const QRegularExpression valid(QStringLiteral("^[+]?[0-9][0-9.,]*$|^[+]?[.,][0-9]+$"));
        return valid.match(t).hasMatch();
    }
    qsizetype i = 0;
    const qsizetype n = t.size();
    if (i < n && t[i] == QLatin1Char('+'))
        ++i;
    if (i >= n)
        return false;
    const char16_t first = t[i].unicode();
    if (isAsciiDigit(first)) {
        for (++i; i < n; ++i) {
            const char16_t c = t[i].unicode();
            if (!isAsciiDigit(c) && c != u'.' && c != u',')
                return false;
        }
        return true;
    }
    if (first != u'.' && first != u',')
        return false;
    if (++i >= n)
        return false;
    for (; i < n; ++i) {
        if (!isAsciiDigit(t[i].unicode()))
            return false;
    }
    return true;
}

// Digits with thousands separators (",", ".", " ", "'", no-break spaces) and at most one decimal mark.
// When both marks occur the last one is the decimal mark ("1.200.000,50", "1,200,000.50"); a mark that occurs
// more than once groups thousands.
std::optional<double> parseNumber(QString t, bool dotGroups = false)
{
    t.remove(QLatin1Char(' '));
    t.remove(QChar(0x00A0));
    t.remove(QChar(0x202F));
    t.remove(QLatin1Char('\''));
    t.remove(QChar(0x2019));
    if (t.isEmpty())
        return std::nullopt;
    if (!isPlainNumber(t))
        return std::nullopt;
    const int lastComma = t.lastIndexOf(QLatin1Char(','));
    const int lastDot = t.lastIndexOf(QLatin1Char('.'));
    QChar decimal;
    if (lastComma >= 0 && lastDot >= 0) {
        decimal = lastComma > lastDot ? QLatin1Char(',') : QLatin1Char('.');
    } else if (lastComma >= 0 || lastDot >= 0) {
        const QChar mark = lastComma >= 0 ? QLatin1Char(',') : QLatin1Char('.');
        const int pos = std::max(lastComma, lastDot);
        const int count = t.count(mark);
        const int after = t.size() - pos - 1;
        // A single '.' is a decimal point unless the caller wants whole numbers ("1.200" workers); a single ','
        // followed by three digits groups thousands ("1,200").
        const bool groups = mark == QLatin1Char(',') || dotGroups;
        if (count > 1 || (groups && after == 3 && t.at(0) != QLatin1Char('0') && pos > 0))
            decimal = QChar(); // grouping
        else
            decimal = mark;
    }
    QVarLengthArray<QChar, 64> plain;
    bool seenDecimal = false;
    for (QChar c : t) {
        if (c.isDigit()) {
            plain.append(c);
        } else if (!decimal.isNull() && c == decimal) {
            if (seenDecimal)
                return std::nullopt; // two decimal marks
            seenDecimal = true;
            plain.append(QLatin1Char('.'));
        } else if (c == QLatin1Char(',') || c == QLatin1Char('.')) {
            if (seenDecimal)
                return std::nullopt; // a grouping mark after the decimal one
        }
    }
    bool ok = false;
    const double v = toDouble(QStringView(plain.constData(), plain.size()), &ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

bool startsWithAscii(QStringView t, qsizetype at, QLatin1String word)
{
    if (t.size() - at < word.size())
        return false;
    for (qsizetype k = 0; k < word.size(); ++k) {
        char16_t c = t[at + k].unicode();
        if (c >= u'A' && c <= u'Z')
            c = char16_t(c + 32);
        if (c != char16_t(word.at(k).unicode()))
            return false;
    }
    return true;
}

// stripApprox() for ASCII text, without the regular expressions (same alternatives, same order).
QString stripApproxAscii(QString t, bool* approx)
{
    qsizetype len = 0;
    auto withDot = [&](QLatin1String w) {
        if (!startsWithAscii(t, 0, w))
            return false;
        len = w.size();
        if (len < t.size() && t[len] == QLatin1Char('.'))
            ++len;
        return true;
    };
    auto plain = [&](QLatin1String w) {
        if (!startsWithAscii(t, 0, w))
            return false;
        len = w.size();
        return true;
    };
    // "approximately" and "estimated" come after "approx" and "est" in the alternation, which match first.
    const bool matched = withDot(QLatin1String("approx")) || plain(QLatin1String("about"))
        || plain(QLatin1String("around")) || plain(QLatin1String("circa")) || withDot(QLatin1String("ca"))
        || plain(QLatin1String("c.")) || withDot(QLatin1String("est")) || plain(QLatin1String("~"))
        || plain(QLatin1String("+/-"));
    if (matched) {
        while (len < t.size() && isAsciiSpace(t[len].unicode()))
            ++len;
        *approx = true;
        t = t.mid(len).trimmed();
    }
    // \s*(workers|employees|people|persons|staff|pax)\.?$, removed.
    qsizetype end = t.size();
    if (end > 0 && t[end - 1] == QLatin1Char('.'))
        --end;
    for (const QLatin1String w : {QLatin1String("workers"), QLatin1String("employees"), QLatin1String("people"),
                                  QLatin1String("persons"), QLatin1String("staff"), QLatin1String("pax")}) {
        if (end >= w.size() && startsWithAscii(t, end - w.size(), w)) {
            qsizetype start = end - w.size();
            while (start > 0 && isAsciiSpace(t[start - 1].unicode()))
                --start;
            t.truncate(start);
            break;
        }
    }
    return t.trimmed();
}

QString stripApprox(QString t, bool* approx)
{
    if (isAscii(t))
        return stripApproxAscii(std::move(t), approx);
    static const QRegularExpression re(
        QStringLiteral("^(approx\\.?|approximately|about|around|circa|ca\\.?|c\\.|est\\.?|estimated|~|≈|\\+/-)\\s*"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(t);
    if (m.hasMatch()) {
        *approx = true;
        t = t.mid(m.capturedLength()).trimmed();
    }
    static const QRegularExpression tail(QStringLiteral("\\s*(workers|employees|people|persons|staff|pax)\\.?$"),
                                         QRegularExpression::CaseInsensitiveOption);
    t.remove(tail);
    return t.trimmed();
}

std::optional<qint64> count(const QString& text)
{
    QString t = text.trimmed();
    double factor = 1;
    if (t.endsWith(QLatin1Char('k'), Qt::CaseInsensitive)) {
        factor = 1000;
        t.chop(1);
    }
    const auto v = parseNumber(t, factor == 1);
    if (!v)
        return std::nullopt;
    const double n = *v * factor;
    if (n != std::floor(n) || n > 2e9)
        return std::nullopt;
    return qint64(n);
}

Parsed<WorkerRange> badWorkers(Parsed<WorkerRange>& r, const QString& cell)
{
    r.message = QStringLiteral("\"%1\" is not a number of workers (write 1200, 1000-5000, <1000 or >500)")
                    .arg(cell.trimmed());
    r.note.clear();
    return r;
}

// Sets `w` to the range from..to; false, with r's message set, if an end is not a count or the range runs backwards.
bool readRange(Parsed<WorkerRange>& r, const QString& from, const QString& to, const QString& cell, WorkerRange& w)
{
    const auto a = count(from);
    const auto b = count(to);
    if (!a || !b) {
        badWorkers(r, cell);
        return false;
    }
    if (*b < *a) {
        r.message = QStringLiteral("the range \"%1\" ends below where it starts").arg(cell.trimmed());
        return false;
    }
    w.min = int(*a);
    w.max = int(*b);
    return true;
}

// The reading `w`; the note of an approximate number, if any, gives the number read.
Parsed<WorkerRange> readAs(Parsed<WorkerRange>& r, const WorkerRange& w)
{
    if (!r.note.isEmpty())
        r.note = r.note.arg(w.min ? *w.min : *w.max);
    r.value = w;
    return r;
}

// The general reading of a worker count after collapse() and stripApprox(): `r` carries the note so far.
Parsed<WorkerRange> workersByPatterns(Parsed<WorkerRange>& r, const QString& t, const QString& cell)
{
    WorkerRange w;
    static const QRegularExpression range(QStringLiteral("^(.+?)\\s*(?:-|–|—|to|bis|~)\\s*(.+)$"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression lessEq(QStringLiteral("^(?:<=|≤|=<|up to|max\\.?|maximum|at most)\\s*(.+)$"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression less(QStringLiteral("^(?:<|less than|under|below|fewer than)\\s*(.+)$"),
                                         QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression moreEq(QStringLiteral("^(?:>=|≥|=>|min\\.?|minimum|at least)\\s*(.+)$"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression more(QStringLiteral("^(?:>|more than|over|above)\\s*(.+)$"),
                                         QRegularExpression::CaseInsensitiveOption);
    QRegularExpressionMatch m;
    if ((m = lessEq.match(t)).hasMatch()) {
        const auto n = count(m.captured(1));
        if (!n)
            return badWorkers(r, cell);
        w.max = int(*n);
    } else if ((m = less.match(t)).hasMatch()) {
        const auto n = count(m.captured(1));
        if (!n || *n < 1)
            return badWorkers(r, cell);
        w.max = int(*n - 1);
    } else if ((m = moreEq.match(t)).hasMatch()) {
        const auto n = count(m.captured(1));
        if (!n)
            return badWorkers(r, cell);
        w.min = int(*n);
    } else if ((m = more.match(t)).hasMatch()) {
        const auto n = count(m.captured(1));
        if (!n)
            return badWorkers(r, cell);
        w.min = int(*n + 1);
    } else if (t.endsWith(QLatin1Char('+'))) {
        const auto n = count(t.chopped(1));
        if (!n)
            return badWorkers(r, cell);
        w.min = int(*n);
    } else if (const auto n = count(t)) {
        w.min = w.max = int(*n);
    } else if ((m = range.match(t)).hasMatch()) {
        if (!readRange(r, m.captured(1), m.captured(2), cell, w))
            return r;
    } else {
        return badWorkers(r, cell);
    }
    return readAs(r, w);
}

} // namespace

Parsed<WorkerRange> workers(const QString& cell)
{
    Parsed<WorkerRange> r;
    QString t = collapse(cell);
    if (t.isEmpty())
        return r;
    // Fast path: a plain whole number, as most cells are.
    bool plain = false;
    const int direct = t.toInt(&plain);
    if (plain && direct >= 0 && t.at(0).isDigit()) {
        r.value = WorkerRange{direct, direct};
        return r;
    }
    bool approx = false;
    t = stripApprox(t, &approx);
    if (approx)
        r.note = QStringLiteral("approximate number of workers read as %1");
    WorkerRange w;
    // ASCII text that starts with a digit ("1,200", "4999-5499", "500+"): none of the worded or symbol prefixes
    // below can match, and a range of two plain numbers is split without the regular expression.
    if (!t.isEmpty() && isAsciiDigit(t.at(0).unicode()) && isAscii(t)) {
        if (t.endsWith(QLatin1Char('+'))) {
            const auto n = count(t.chopped(1));
            if (!n)
                return badWorkers(r, cell);
            w.min = int(*n);
        } else if (const auto n = count(t)) {
            w.min = w.max = int(*n);
        } else {
            const qsizetype dash = t.indexOf(QLatin1Char('-'));
            auto plainNumber = [](QStringView v) {
                return !v.isEmpty() && std::all_of(v.begin(), v.end(), [](QChar c) {
                    return isAsciiDigit(c.unicode()) || c == QLatin1Char('.') || c == QLatin1Char(',');
                });
            };
            if (dash <= 0 || !plainNumber(QStringView(t).left(dash)) || !plainNumber(QStringView(t).mid(dash + 1)))
                return workersByPatterns(r, t, cell);
            if (!readRange(r, t.left(dash), t.mid(dash + 1), cell, w))
                return r;
        }
        return readAs(r, w);
    }
    return workersByPatterns(r, t, cell);
}

Parsed<double> share(const QString& cell)
{
    Parsed<double> r;
    QString t = collapse(cell);
    if (t.isEmpty())
        return r;
    bool percent = false;
    if (t.endsWith(QLatin1Char('%'))) {
        percent = true;
        t.chop(1);
    } else if (t.endsWith(QStringLiteral("percent"), Qt::CaseInsensitive)) {
        percent = true;
        t.chop(7);
    }
    bool approx = false;
    t = stripApprox(t.trimmed(), &approx);
    // A decimal comma is common here ("35,5%"): a single comma in a share is never a thousands separator.
    if (t.count(QLatin1Char(',')) == 1 && !t.contains(QLatin1Char('.')))
        t.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    double v = toDouble(t, &ok);
    if (!ok || !std::isfinite(v) || v < 0) {
        r.message = QStringLiteral("\"%1\" is not a share (write 35%, 0.35 or 35)").arg(cell.trimmed());
        return r;
    }
    if (percent || v > 1.0)
        v /= 100.0;
    if (v > 1.0) {
        r.message = QStringLiteral("\"%1\" is more than 100%").arg(cell.trimmed());
        return r;
    }
    r.value = v;
    return r;
}

Parsed<double> amount(const QString& cell, QString* currencyOut)
{
    Parsed<double> r;
    QString t = collapse(cell);
    if (t.isEmpty())
        return r;
    static const QRegularExpression code(QStringLiteral("^([A-Za-z]{3})\\s*(.+)$|^(.+?)\\s*([A-Za-z]{3})$"));
    static const QRegularExpression symbol(
        QStringLiteral("^(US\\$|\\$|€|£|¥|₫|฿|৳|₹|RM|Rp)\\s*(.+)$|^(.+?)\\s*(€|£|¥|₫|฿|৳|₹|\\$)$"));
    QString cur;
    // ASCII without a letter or '$' ("1,200,000.50"): neither a symbol nor a code can be there.
    const bool bare = isAscii(t) && std::none_of(t.cbegin(), t.cend(), [](QChar c) {
                          return isAsciiLetter(c.unicode()) || c == QLatin1Char('$');
                      });
    if (!bare) {
        QRegularExpressionMatch m;
        if ((m = symbol.match(t)).hasMatch()) {
            cur = m.captured(1).isEmpty() ? m.captured(4) : m.captured(1);
            t = m.captured(1).isEmpty() ? m.captured(3) : m.captured(2);
        } else if ((m = code.match(t)).hasMatch()) {
            cur = m.captured(1).isEmpty() ? m.captured(4) : m.captured(1);
            t = m.captured(1).isEmpty() ? m.captured(3) : m.captured(2);
        }
    }
    const auto v = parseNumber(t);
    if (!v) {
        r.message = QStringLiteral("\"%1\" is not an amount").arg(cell.trimmed());
        return r;
    }
    if (!cur.isEmpty() && currencyOut) {
        const auto c = currency(cur);
        if (c.value)
            *currencyOut = *c.value;
    }
    r.value = *v;
    return r;
}

} // namespace vigil::normalize
