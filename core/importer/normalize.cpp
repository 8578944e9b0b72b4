#include "importer/normalize.h"
#include "importer/normalizetext.h"

#include "reference/countries.h"
#include "util/textkey.h"

#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QVarLengthArray>

#include <algorithm>
#include <array>

namespace vigil::normalize {

using namespace detail;

namespace {

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

} // namespace

QString detail::collapse(const QString& s)

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
