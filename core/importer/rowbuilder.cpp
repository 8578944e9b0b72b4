#include "importer/rowbuilder.h"

#include "exporter/cellguard.h"
#include "importer/normalize.h"
#include "util/uuid.h"

#include <algorithm>

namespace vigil {

namespace {

QString describeNumber(const std::optional<double>& v)
{
    return v ? QString::number(*v, 'g', 17) : QStringLiteral("-");
}

QString describeNumber(const std::optional<int>& v)
{
    return v ? QString::number(*v) : QStringLiteral("-");
}

// raw.trimmed().isEmpty() without the copy.
bool isBlank(const QString& s)
{
    return std::all_of(s.cbegin(), s.cend(), [](QChar c) { return c.isSpace(); });
}

QString describeList(const QStringList& list)
{
    return QString::number(list.size()) + QLatin1Char(':') + list.join(QChar(0x1f));
}

QString describeError(const Error& e)
{
    const QChar bar = QLatin1Char('|');
    return e.file + bar + QString::number(e.row) + bar + QString::number(e.column) + bar + e.field + bar + e.message
        + bar + e.detail;
}

} // namespace

QString describe(const BuiltRow& row)
{
    const Supplier& s = row.record.supplier;
    QStringList out;
    out << (row.isEmpty ? QStringLiteral("empty vigilId=") : QStringLiteral("vigilId=")) + row.vigilId;
    QList<int> present;
    for (ImportField f : row.present)
        present << int(f);
    std::sort(present.begin(), present.end());
    QStringList presentKeys;
    for (int f : present)
        presentKeys << fieldKey(ImportField(f));
    out << QStringLiteral("present=") + presentKeys.join(QLatin1Char(','));
    out << QStringLiteral("name=") + s.name;
    out << QStringLiteral("otherNames=") + describeList(s.otherNames);
    out << QStringLiteral("country=") + s.country;
    out << QStringLiteral("address=") + s.address;
    out << QStringLiteral("sector=") + s.sector;
    out << QStringLiteral("products=") + describeList(s.products);
    out << QStringLiteral("tier=%1 spend=%2 currency=%3").arg(s.tier).arg(describeNumber(s.annualSpend), s.currency);
    out << QStringLiteral("workers=%1..%2 migrant=%3 female=%4")
               .arg(describeNumber(s.workersMin), describeNumber(s.workersMax), describeNumber(s.migrantShare),
                    describeNumber(s.femaleShare));
    out << QStringLiteral("status=%1 tags=%2").arg(toString(s.status), describeList(s.tags));
    for (const Site& site : row.record.sites)
        out << QStringLiteral("site=%1|%2|%3|%4|%5")
                   .arg(site.name, toString(site.type), site.address, site.country, describeNumber(site.workers));
    for (const Identifier& id : row.record.identifiers)
        out << QStringLiteral("id=%1|%2").arg(toString(id.scheme), id.value);
    for (const Error& e : row.errors)
        out << QStringLiteral("error=") + describeError(e);
    for (const Error& e : row.warnings)
        out << QStringLiteral("warning=") + describeError(e);
    for (const QString& n : row.notes)
        out << QStringLiteral("note=") + n;
    return out.join(QLatin1Char('\n'));
}

RowBuilder::RowBuilder(const ColumnMapping& mapping, const QStringList& header, const QString& fileName)
    : m_mapping(mapping)
    , m_header(header)
    , m_file(fileName)
{
}

Error RowBuilder::issue(const QString& message, qint64 row, int column) const
{
    Error e = makeError(message);
    e.file = m_file;
    e.row = row;
    if (column < 0)
        return e;
    e.column = column + 1;
    e.field = column < m_header.size() && !m_header.at(column).trimmed().isEmpty()
        ? m_header.at(column).trimmed()
        : fieldLabel(m_mapping.field(column));
    return e;
}

BuiltRow RowBuilder::build(const QStringList& cells, qint64 row) const
{
    BuiltRow out;
    Supplier& s = out.record.supplier;
    s.tier = 1;
    QString spendCurrency;
    std::optional<bool> closed;
    std::optional<SiteType> siteType;
    bool any = false;
    const int n = std::min(int(cells.size()), m_mapping.columnCount());
    for (int c = 0; c < n; ++c) {
        const ImportField f = m_mapping.field(c);
        if (f == ImportField::Ignore)
            continue;
        // unguard() changes only cells that start with an apostrophe: the others are used as they are.
        const QString& cell = cells.at(c);
        QString unguarded;
        if (cell.startsWith(QLatin1Char('\'')))
            unguarded = cellguard::unguard(cell);
        const QString& raw = unguarded.isNull() ? cell : unguarded;
        if (isBlank(raw))
            continue;
        any = true;
        const bool first = !out.present.contains(f);
        auto note = [&](const QString& text) {
            if (!text.isEmpty())
                out.notes << QStringLiteral("%1: %2").arg(fieldLabel(f), text);
        };
        auto err = [&](const QString& message) { out.errors << issue(message, row, c); };
        switch (f) {
        case ImportField::Ignore:
            break;
        case ImportField::VigilId:
            if (first) {
                const QString id = raw.trimmed().toLower();
                if (isUuid(id))
                    out.vigilId = id;
                else
                    out.warnings << issue(QStringLiteral("\"%1\" is not a Vigil id; it is ignored").arg(raw), row, c);
            }
            break;
        case ImportField::Name:
            if (first)
                s.name = normalize::text(raw);
            break;
        case ImportField::OtherNames:
            s.otherNames += normalize::list(raw);
            break;
        case ImportField::Products:
            s.products += normalize::list(raw);
            break;
        case ImportField::Tags:
            s.tags += normalize::list(raw);
            break;
        case ImportField::Country:
            if (first) {
                const auto p = normalize::country(raw);
                if (!p.ok())
                    err(p.message);
                else
                    s.country = *p.value;
            }
            break;
        case ImportField::Address:
            if (first)
                s.address = normalize::multilineText(raw);
            break;
        case ImportField::Sector:
            if (first)
                s.sector = normalize::text(raw);
            break;
        case ImportField::Tier:
            if (first) {
                const auto p = normalize::tier(raw);
                if (!p.ok())
                    err(p.message);
                else
                    s.tier = *p.value;
            }
            break;
        case ImportField::AnnualSpend:
            if (first) {
                const auto p = normalize::amount(raw, &spendCurrency);
                if (!p.ok())
                    err(p.message);
                else
                    s.annualSpend = p.value;
            }
            break;
        case ImportField::Currency:
            if (first) {
                const auto p = normalize::currency(raw);
                if (!p.ok())
                    err(p.message);
                else
                    s.currency = *p.value;
            }
            break;
        case ImportField::Workers:
        case ImportField::WorkersMin:
        case ImportField::WorkersMax:
            if (first) {
                const auto p = normalize::workers(raw);
                if (!p.ok()) {
                    err(p.message);
                    break;
                }
                note(p.note);
                if (f == ImportField::Workers) {
                    s.workersMin = p.value->min;
                    s.workersMax = p.value->max;
                } else if (p.value->min && p.value->max && *p.value->min != *p.value->max) {
                    err(QStringLiteral("\"%1\" is a range; this column takes one number").arg(raw.trimmed()));
                } else if (f == ImportField::WorkersMin) {
                    s.workersMin = p.value->min ? p.value->min : p.value->max;
                } else {
                    s.workersMax = p.value->max ? p.value->max : p.value->min;
                }
                const std::optional<int> big = s.workersMax ? s.workersMax : s.workersMin;
                if (big && *big > normalize::kImplausibleWorkers)
                    out.warnings << issue(QStringLiteral("%1 workers is implausibly many for one supplier").arg(*big),
                                          row, c);
            }
            break;
        case ImportField::MigrantShare:
        case ImportField::FemaleShare:
            if (first) {
                const auto p = normalize::share(raw);
                if (!p.ok())
                    err(p.message);
                else if (f == ImportField::MigrantShare)
                    s.migrantShare = p.value;
                else
                    s.femaleShare = p.value;
            }
            break;
        case ImportField::Status:
            if (first) {
                const auto p = normalize::status(raw);
                if (!p.ok())
                    err(p.message);
                else
                    s.status = *p.value;
            }
            break;
        case ImportField::Closed:
            if (first) {
                const auto p = normalize::boolean(raw);
                if (!p.ok())
                    err(p.message);
                else
                    closed = p.value;
            }
            break;
        case ImportField::VendorId:
        case ImportField::Lei:
        case ImportField::Duns:
        case ImportField::OsId:
        case ImportField::TaxId: {
            const IdentifierScheme scheme = f == ImportField::VendorId ? IdentifierScheme::VendorId
                : f == ImportField::Lei                                ? IdentifierScheme::Lei
                : f == ImportField::Duns                               ? IdentifierScheme::Duns
                : f == ImportField::OsId                               ? IdentifierScheme::OsId
                                                                       : IdentifierScheme::TaxId;
            for (const QString& v : normalize::list(raw)) {
                const Identifier id{scheme, v};
                if (!out.record.identifiers.contains(id))
                    out.record.identifiers << id;
            }
            break;
        }
        case ImportField::SiteType:
            if (first)
                siteType = normalize::siteType(raw);
            break;
        }
        out.present.insert(f);
    }
    out.isEmpty = !any;
    if (!any)
        return out;
    if (closed) {
        if (*closed) {
            s.status = SupplierStatus::Exited;
            out.present.insert(ImportField::Status);
        }
    }
    if (s.annualSpend && s.currency.isEmpty() && !spendCurrency.isEmpty()) {
        s.currency = spendCurrency;
        out.present.insert(ImportField::Currency);
    }
    if (siteType) {
        Site site;
        site.name = s.name;
        site.type = *siteType;
        site.address = s.address;
        site.country = s.country;
        site.workers = s.workersMax ? s.workersMax : s.workersMin;
        out.record.sites << site;
    }
    // Whole-row checks, named by the column that holds the field.
    auto columnOf = [&](ImportField f) {
        const QList<int> cols = m_mapping.columnsOf(f);
        return cols.isEmpty() ? -1 : cols.first();
    };
    if (s.name.isEmpty())
        out.errors << issue(QStringLiteral("the row has no supplier name"), row, columnOf(ImportField::Name));
    else if (s.name.size() > 500)
        out.errors << issue(QStringLiteral("the name is longer than 500 characters"), row, columnOf(ImportField::Name));
    else if (normalize::looksLikeAddress(s.name))
        out.warnings << issue(QStringLiteral("the name \"%1\" looks like an address").arg(s.name), row,
                              columnOf(ImportField::Name));
    if (s.country.isEmpty() && !out.present.contains(ImportField::Country))
        out.errors << issue(QStringLiteral("the row has no country"), row, columnOf(ImportField::Country));
    if (!s.country.isEmpty() && !s.address.isEmpty()) {
        const QString other = normalize::contradictingCountry(s.address, s.country);
        if (!other.isEmpty())
            out.warnings << issue(QStringLiteral("the address names %1 but the country is %2").arg(other, s.country),
                                  row, columnOf(ImportField::Address));
    }
    if (s.workersMin && s.workersMax && *s.workersMax < *s.workersMin)
        out.errors << issue(QStringLiteral("the upper worker count is below the lower one"), row,
                            columnOf(ImportField::WorkersMax));
    if (s.annualSpend && s.currency.isEmpty())
        out.errors << issue(
            QStringLiteral("the annual spend has no currency (add a currency column or write USD 1200)"), row,
            columnOf(ImportField::AnnualSpend));
    return out;
}

} // namespace vigil
