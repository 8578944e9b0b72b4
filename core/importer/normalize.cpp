#include "importer/normalize.h"

#include "reference/countries.h"
#include "util/textkey.h"

#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <cmath>

namespace vigil::normalize {

namespace {

bool isSpaceLike(QChar c)
{
    return c.isSpace() || c == QChar(0x200B) || c == QChar(0xFEFF);
}

// The last results of a pure function of short text, in a direct-mapped table: a hit costs a hash of the text
// and a comparison, and allocates nothing. Text longer than kMaxKey is not kept (memory stays small).
template <typename V>
class TextCache
{
public:
    static constexpr int kSize = 512;
    static constexpr qsizetype kMaxKey = 64;

    template <typename F>
    V get(QStringView key, F compute)
    {
        if (key.size() > kMaxKey)
            return compute();
        quint64 h = 14695981039346656037ULL; // FNV-1a
        for (QChar c : key) {
            h ^= c.unicode();
            h *= 1099511628211ULL;
        }
        Entry& e = m_entries[h & (kSize - 1)];
        if (!e.used || e.key != key) {
            e.value = compute();
            e.key = key.toString();
            e.used = true;
        }
        return e.value;
    }

private:
    struct Entry
    {
        bool used = false;
        QString key;
        V value;
    };
    std::array<Entry, kSize> m_entries;
};

bool isAscii(QStringView s)
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

bool hasAsciiDigit(QStringView s)
{
    for (QChar c : s) {
        if (isAsciiDigit(c.unicode()))
            return true;
    }
    return false;
}

// Whether collapse() would give `s` back unchanged: no space-like character but single spaces between words.
bool isCollapsed(QStringView s)
{
    bool prevSpace = true; // a leading space is not collapsed
    for (QChar ch : s) {
        const char16_t c = ch.unicode();
        if (c == u' ') {
            if (prevSpace)
                return false;
            prevSpace = true;
        } else if (c < 0x80) {
            if (c >= 0x09 && c <= 0x0d)
                return false;
            prevSpace = false;
        } else if (isSpaceLike(ch)) {
            return false;
        } else {
            prevSpace = false;
        }
    }
    return !prevSpace;
}

QString collapse(const QString& s)
{
    // Most cells are already clean: share them instead of copying.
    if (!s.isEmpty() && isCollapsed(s))
        return s;
    QString out;
    out.reserve(s.size());
    bool space = false;
    for (QChar c : s) {
        if (isSpaceLike(c)) {
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

} // namespace

QString text(const QString& cell)
{
    return collapse(cell);
}

QString multilineText(const QString& cell)
{
    // One line (as most addresses in CSV files are): the lines below give collapse(cell).
    if (!cell.contains(QLatin1Char('\n')) && !cell.contains(QLatin1Char('\r'))) {
        QString t = collapse(cell);
        if (!t.isEmpty())
            return t;
    }
    QString s = cell;
    s.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    s.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QStringList lines;
    for (const QString& line : s.split(QLatin1Char('\n'))) {
        const QString t = collapse(line);
        if (!t.isEmpty())
            lines << t;
    }
    return lines.join(QLatin1Char('\n'));
}

QStringList list(const QString& cell)
{
    const QChar sep = cell.contains(QLatin1Char('|')) ? QLatin1Char('|') : QLatin1Char(';');
    QStringList out;
    if (sep == QLatin1Char(';') && !cell.contains(sep)) {
        // One part: split() would give the cell itself.
        QString t = collapse(cell);
        if (!t.isEmpty())
            out << std::move(t);
        return out;
    }
    for (const QString& part : cell.split(sep)) {
        const QString t = collapse(part);
        if (!t.isEmpty() && !out.contains(t))
            out << t;
    }
    return out;
}

namespace {

Parsed<WorkerRange> badWorkers(Parsed<WorkerRange>& r, const QString& cell)
{
    r.message = QStringLiteral("\"%1\" is not a number of workers (write 1200, 1000-5000, <1000 or >500)")
                    .arg(cell.trimmed());
    r.note.clear();
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
    auto bad = [&] {
        r.message = QStringLiteral("\"%1\" is not a number of workers (write 1200, 1000-5000, <1000 or >500)")
                        .arg(cell.trimmed());
        r.note.clear();
        return r;
    };
    QRegularExpressionMatch m;
    if ((m = lessEq.match(t)).hasMatch()) {
        const auto n = count(m.captured(1));
        if (!n)
            return bad();
        w.max = int(*n);
    } else if ((m = less.match(t)).hasMatch()) {
        const auto n = count(m.captured(1));
        if (!n || *n < 1)
            return bad();
        w.max = int(*n - 1);
    } else if ((m = moreEq.match(t)).hasMatch()) {
        const auto n = count(m.captured(1));
        if (!n)
            return bad();
        w.min = int(*n);
    } else if ((m = more.match(t)).hasMatch()) {
        const auto n = count(m.captured(1));
        if (!n)
            return bad();
        w.min = int(*n + 1);
    } else if (t.endsWith(QLatin1Char('+'))) {
        const auto n = count(t.chopped(1));
        if (!n)
            return bad();
        w.min = int(*n);
    } else if (const auto n = count(t)) {
        w.min = w.max = int(*n);
    } else if ((m = range.match(t)).hasMatch()) {
        const auto a = count(m.captured(1));
        const auto b = count(m.captured(2));
        if (!a || !b)
            return bad();
        if (*b < *a) {
            r.message = QStringLiteral("the range \"%1\" ends below where it starts").arg(cell.trimmed());
            return r;
        }
        w.min = int(*a);
        w.max = int(*b);
    } else {
        return bad();
    }
    if (!r.note.isEmpty())
        r.note = r.note.arg(w.min ? *w.min : *w.max);
    r.value = w;
    return r;
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
            const auto a = count(t.left(dash));
            const auto b = count(t.mid(dash + 1));
            if (!a || !b)
                return badWorkers(r, cell);
            if (*b < *a) {
                r.message = QStringLiteral("the range \"%1\" ends below where it starts").arg(cell.trimmed());
                return r;
            }
            w.min = int(*a);
            w.max = int(*b);
        }
        if (!r.note.isEmpty())
            r.note = r.note.arg(w.min ? *w.min : *w.max);
        r.value = w;
        return r;
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

Parsed<QDate> date(const QString& cell)
{
    Parsed<QDate> r;
    QString t = collapse(cell);
    if (t.isEmpty())
        return r;
    if (t.size() > 10 && t.at(10) == QLatin1Char('T'))
        t = t.left(10);
    const QLocale c = QLocale::c();
    for (const char* f : {"yyyy-MM-dd", "yyyy/MM/dd", "yyyy.MM.dd", "yyyyMMdd", "d MMM yyyy", "d MMMM yyyy",
                          "MMM d, yyyy", "MMMM d, yyyy", "MMM d yyyy", "MMMM d yyyy", "d-MMM-yyyy", "d-MMM-yy"}) {
        QDate d = c.toDate(t, QString::fromLatin1(f));
        if (d.isValid()) {
            if (d.year() < 100)
                d = d.addYears(2000);
            r.value = d;
            return r;
        }
    }
    static const QRegularExpression dmy(QStringLiteral("^(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{2}|\\d{4})$"));
    const auto m = dmy.match(t);
    if (m.hasMatch()) {
        int a = m.captured(1).toInt();
        int b = m.captured(2).toInt();
        int y = m.captured(3).toInt();
        if (m.captured(3).size() == 2)
            y += 2000;
        QDate d;
        if (b > 12 && a <= 12) {
            d = QDate(y, a, b); // month first: 3/14/2024
        } else {
            d = QDate(y, b, a); // day first: 14/03/2024, and 03/04/2024 read as 3 April
            if (a <= 12 && b <= 12 && a != b)
                r.note = QStringLiteral("\"%1\" read day first as %2").arg(t, d.toString(Qt::ISODate));
        }
        if (d.isValid()) {
            r.value = d;
            return r;
        }
    }
    r.note.clear();
    r.message = QStringLiteral("\"%1\" is not a date Vigil can read (write 2024-03-12)").arg(cell.trimmed());
    return r;
}

Parsed<int> tier(const QString& cell)
{
    Parsed<int> r;
    QString t = collapse(cell);
    if (t.isEmpty())
        return r;
    static const QRegularExpression re(QStringLiteral("^(?:tier|t)?\\s*[-_ ]?\\s*(\\d+)$"),
                                       QRegularExpression::CaseInsensitiveOption);
    int n = 0;
    if (std::all_of(t.cbegin(), t.cend(), [](QChar c) { return isAsciiDigit(c.unicode()); })) {
        n = t.toInt(); // the whole text is the pattern's number
    } else {
        const auto m = re.match(t);
        n = m.hasMatch() ? m.captured(1).toInt() : 0;
    }
    if (n < 1 || n > 9) {
        r.message = QStringLiteral("\"%1\" is not a tier (1 = direct supplier ... 9)").arg(cell.trimmed());
        return r;
    }
    r.value = n;
    return r;
}

Parsed<SupplierStatus> status(const QString& cell)
{
    Parsed<SupplierStatus> r;
    const QString k = looseKey(cell);
    if (k.isEmpty())
        return r;
    static const QHash<QString, SupplierStatus> words{
        {QStringLiteral("active"), SupplierStatus::Active},
        {QStringLiteral("approved"), SupplierStatus::Active},
        {QStringLiteral("current"), SupplierStatus::Active},
        {QStringLiteral("open"), SupplierStatus::Active},
        {QStringLiteral("onboarding"), SupplierStatus::Onboarding},
        {QStringLiteral("on boarding"), SupplierStatus::Onboarding},
        {QStringLiteral("new"), SupplierStatus::Onboarding},
        {QStringLiteral("pending"), SupplierStatus::Onboarding},
        {QStringLiteral("prospect"), SupplierStatus::Onboarding},
        {QStringLiteral("suspended"), SupplierStatus::Suspended},
        {QStringLiteral("on hold"), SupplierStatus::Suspended},
        {QStringLiteral("blocked"), SupplierStatus::Suspended},
        {QStringLiteral("exited"), SupplierStatus::Exited},
        {QStringLiteral("inactive"), SupplierStatus::Exited},
        {QStringLiteral("closed"), SupplierStatus::Exited},
        {QStringLiteral("terminated"), SupplierStatus::Exited},
        {QStringLiteral("former"), SupplierStatus::Exited},
        {QStringLiteral("delisted"), SupplierStatus::Exited},
    };
    const auto it = words.constFind(k);
    if (it == words.constEnd()) {
        r.message
            = QStringLiteral("\"%1\" is not a status (active, onboarding, suspended, exited)").arg(cell.trimmed());
        return r;
    }
    r.value = *it;
    return r;
}

Parsed<bool> boolean(const QString& cell)
{
    Parsed<bool> r;
    const QString k = looseKey(cell);
    if (k.isEmpty())
        return r;
    if (k == QLatin1String("true") || k == QLatin1String("yes") || k == QLatin1String("y") || k == QLatin1String("1")
        || k == QLatin1String("x"))
        r.value = true;
    else if (k == QLatin1String("false") || k == QLatin1String("no") || k == QLatin1String("n")
             || k == QLatin1String("0"))
        r.value = false;
    else
        r.message = QStringLiteral("\"%1\" is neither yes nor no").arg(cell.trimmed());
    return r;
}

Parsed<QString> country(const QString& cell)
{
    Parsed<QString> r;
    const QString t = collapse(cell);
    if (t.isEmpty())
        return r;
    auto resolve = [&t]() -> QString {
        std::optional<QString> code = Countries::instance().resolve(t);
        if (!code) {
            // "China (mainland)", "Viet Nam [VN]": try without the brackets, then what is inside them.
            static const QRegularExpression brackets(QStringLiteral("^(.*?)\\s*[\\(\\[](.*)[\\)\\]]\\s*$"));
            const auto m = brackets.match(t);
            if (m.hasMatch()) {
                code = Countries::instance().resolve(m.captured(1));
                if (!code)
                    code = Countries::instance().resolve(m.captured(2));
            }
        }
        return code.value_or(QString());
    };
    // Resolving goes through Unicode normalisation: cache it (a file names few countries many times).
    thread_local TextCache<QString> cache;
    const QString code = cache.get(t, resolve);
    if (code.isEmpty()) {
        r.message = QStringLiteral("\"%1\" is not a country Vigil knows (use a name or an ISO 3166 code)").arg(t);
        return r;
    }
    r.value = code;
    return r;
}

Parsed<QString> currency(const QString& cell)
{
    Parsed<QString> r;
    const QString t = collapse(cell);
    if (t.isEmpty())
        return r;
    static const QHash<QString, QString> symbols{
        {QStringLiteral("$"), QStringLiteral("USD")},    {QStringLiteral("US$"), QStringLiteral("USD")},
        {QStringLiteral("€"), QStringLiteral("EUR")},    {QStringLiteral("£"), QStringLiteral("GBP")},
        {QStringLiteral("¥"), QStringLiteral("JPY")},    {QStringLiteral("₫"), QStringLiteral("VND")},
        {QStringLiteral("฿"), QStringLiteral("THB")},    {QStringLiteral("৳"), QStringLiteral("BDT")},
        {QStringLiteral("₹"), QStringLiteral("INR")},    {QStringLiteral("RM"), QStringLiteral("MYR")},
        {QStringLiteral("Rp"), QStringLiteral("IDR")},   {QStringLiteral("RMB"), QStringLiteral("CNY")},
        {QStringLiteral("euro"), QStringLiteral("EUR")}, {QStringLiteral("dollar"), QStringLiteral("USD")},
    };
    // ^[A-Za-z]{3}$ (collapse() leaves no line feed for $ to stop before).
    const bool iso
        = t.size() == 3 && std::all_of(t.cbegin(), t.cend(), [](QChar c) { return isAsciiLetter(c.unicode()); });
    // Of the words and symbols above, only "RMB" is three ASCII letters.
    if (iso && t != QLatin1String("RMB")) {
        r.value = t.toUpper();
        return r;
    }
    if (auto it = symbols.constFind(t); it != symbols.constEnd()) {
        r.value = *it;
        return r;
    }
    if (!iso) {
        r.message = QStringLiteral("\"%1\" is not a currency (use a three-letter code such as USD)").arg(t);
        return r;
    }
    r.value = t.toUpper();
    return r;
}

std::optional<SiteType> siteType(const QString& cell)
{
    const QString k = looseKey(cell);
    if (k.isEmpty())
        return std::nullopt;
    if (auto t = siteTypeFromString(QString(k).replace(QLatin1Char(' '), QLatin1Char('_'))))
        return t;
    static const QList<QPair<QString, SiteType>> words{
        {QStringLiteral("farm"), SiteType::Farm},
        {QStringLiteral("plantation"), SiteType::Farm},
        {QStringLiteral("vessel"), SiteType::Vessel},
        {QStringLiteral("boat"), SiteType::Vessel},
        {QStringLiteral("dormitor"), SiteType::Dormitory},
        {QStringLiteral("port"), SiteType::Port},
        {QStringLiteral("warehouse"), SiteType::Warehouse},
        {QStringLiteral("distribution"), SiteType::Warehouse},
        {QStringLiteral("processing"), SiteType::ProcessingPlant},
        {QStringLiteral("mill"), SiteType::ProcessingPlant},
        {QStringLiteral("mine"), SiteType::Mine},
        {QStringLiteral("office"), SiteType::Office},
        {QStringLiteral("factory"), SiteType::Factory},
        {QStringLiteral("manufactur"), SiteType::Factory},
        {QStringLiteral("assembly"), SiteType::Factory},
        {QStringLiteral("production"), SiteType::Factory},
    };
    for (const auto& w : words)
        if (k.contains(w.first))
            return w.second;
    return SiteType::Other;
}

bool looksLikeAddress(const QString& name)
{
    static const QRegularExpression street(
        QStringLiteral("(^|\\W)(\\d+[a-z]?\\s+\\w+\\s+(street|st|road|rd|avenue|ave|lane|ln|blvd|highway|hwy)\\b"
                       "|(street|road|avenue|jalan|jl|soi|moo|tambon|amphoe|khet|phuong|quan|duong|ward|district|"
                       "village|industrial estate|industrial zone|kcn|khu cong nghiep|building|floor|zip|postcode)"
                       "\\W.*\\d)"),
        QRegularExpression::CaseInsensitiveOption);
    if (name.count(QLatin1Char(',')) >= 3)
        return true;
    // Both alternatives of the pattern need an ASCII digit (\\d without Unicode properties): most names have none,
    // and the loose key of ASCII text has no digit the name has not.
    const bool nameDigit = hasAsciiDigit(name);
    if (!nameDigit && isAscii(name))
        return false;
    const QString loose = looseKey(name);
    if (!nameDigit && !hasAsciiDigit(loose))
        return false;
    return street.match(loose).hasMatch() || street.match(name).hasMatch();
}

QString contradictingCountry(const QString& address, const QString& alpha2)
{
    if (address.isEmpty() || alpha2.isEmpty())
        return {};
    // The country is written last: look at the last two parts (split on , LF ; and /, empty parts skipped).
    QString other;
    const QChar* a = address.constData();
    qsizetype end = address.size();
    int parts = 0;
    QVarLengthArray<QChar, 256> p;
    for (qsizetype i = end - 1; i >= -1 && parts < 2; --i) {
        if (i >= 0) {
            const char16_t c = a[i].unicode();
            if (c != u',' && c != u'\n' && c != u';' && c != u'/')
                continue;
        }
        const qsizetype begin = i + 1;
        if (end > begin) {
            ++parts;
            // Postcodes travel with the country ("Thailand 10110"): drop digits and hyphens.
            p.clear();
            for (qsizetype k = begin; k < end; ++k) {
                const char16_t c = a[k].unicode();
                if (!isAsciiDigit(c) && c != u'-')
                    p.append(QChar(c));
            }
            const QStringView part = QStringView(p.constData(), p.size()).trimmed();
            // "CA", "IN", "PA" are states more often than countries.
            if (part.size() >= 4) {
                thread_local TextCache<std::optional<QString>> cache;
                const auto code = cache.get(part, [&] { return Countries::instance().resolve(part); });
                if (code) {
                    if (*code == alpha2)
                        return {};
                    if (other.isEmpty())
                        other = *code;
                }
            }
        }
        end = i;
    }
    return other;
}

} // namespace vigil::normalize
