#include "model/supplier.h"

#include "reference/countries.h"

#include <QCoreApplication>
#include <QLocale>

#include <array>
#include <cmath>
#include <utility>

namespace vigil {

namespace {

template <typename E, size_t N>
QString enumToString(E value, const std::array<std::pair<E, const char*>, N>& table)
{
    for (const auto& [e, s] : table)
        if (e == value)
            return QString::fromLatin1(s);
    return {};
}

template <typename E, size_t N>
std::optional<E> enumFromString(const QString& text, const std::array<std::pair<E, const char*>, N>& table)
{
    const QString t = text.trimmed().toLower();
    for (const auto& [e, s] : table)
        if (t == QLatin1String(s))
            return e;
    return std::nullopt;
}

const std::array<std::pair<SiteType, const char*>, 10> kSiteTypes{{{SiteType::Factory, "factory"},
                                                                   {SiteType::Farm, "farm"},
                                                                   {SiteType::Vessel, "vessel"},
                                                                   {SiteType::Dormitory, "dormitory"},
                                                                   {SiteType::Port, "port"},
                                                                   {SiteType::Warehouse, "warehouse"},
                                                                   {SiteType::ProcessingPlant, "processing plant"},
                                                                   {SiteType::Mine, "mine"},
                                                                   {SiteType::Office, "office"},
                                                                   {SiteType::Other, "other"}}};
const std::array<std::pair<IdentifierScheme, const char*>, 6> kSchemes{{{IdentifierScheme::VendorId, "vendor_id"},
                                                                        {IdentifierScheme::Lei, "lei"},
                                                                        {IdentifierScheme::Duns, "duns"},
                                                                        {IdentifierScheme::OsId, "os_id"},
                                                                        {IdentifierScheme::TaxId, "tax_id"},
                                                                        {IdentifierScheme::Other, "other"}}};
const std::array<std::pair<SupplierStatus, const char*>, 4> kStatuses{{{SupplierStatus::Active, "active"},
                                                                       {SupplierStatus::Onboarding, "onboarding"},
                                                                       {SupplierStatus::Suspended, "suspended"},
                                                                       {SupplierStatus::Exited, "exited"}}};
const std::array<std::pair<LicenceStatus, const char*>, 3> kLicences{{{LicenceStatus::Unknown, "unknown"},
                                                                      {LicenceStatus::Licensed, "licensed"},
                                                                      {LicenceStatus::Unlicensed, "unlicensed"}}};

QString optText(const std::optional<int>& v)
{
    return v ? QString::number(*v) : QString();
}

QString optText(const std::optional<double>& v)
{
    return v ? QString::number(*v, 'g', QLocale::FloatingPointShortest) : QString();
}

bool sameOpt(const std::optional<double>& a, const std::optional<double>& b)
{
    if (a.has_value() != b.has_value())
        return false;
    return !a || *a == *b;
}

} // namespace

QString toString(SiteType t)
{
    return enumToString(t, kSiteTypes);
}
QString toString(IdentifierScheme s)
{
    return enumToString(s, kSchemes);
}
QString toString(SupplierStatus s)
{
    return enumToString(s, kStatuses);
}
QString toString(LicenceStatus s)
{
    return enumToString(s, kLicences);
}
std::optional<SiteType> siteTypeFromString(const QString& s)
{
    return enumFromString(s, kSiteTypes);
}
std::optional<IdentifierScheme> identifierSchemeFromString(const QString& s)
{
    return enumFromString(s, kSchemes);
}
std::optional<SupplierStatus> supplierStatusFromString(const QString& s)
{
    return enumFromString(s, kStatuses);
}
std::optional<LicenceStatus> licenceStatusFromString(const QString& s)
{
    return enumFromString(s, kLicences);
}

QString displayName(IdentifierScheme s)
{
    switch (s) {
    case IdentifierScheme::VendorId:
        return QCoreApplication::translate("vigil", "Vendor ID");
    case IdentifierScheme::Lei:
        return QCoreApplication::translate("vigil", "LEI");
    case IdentifierScheme::Duns:
        return QCoreApplication::translate("vigil", "DUNS");
    case IdentifierScheme::OsId:
        return QCoreApplication::translate("vigil", "Open Supply Hub ID");
    case IdentifierScheme::TaxId:
        return QCoreApplication::translate("vigil", "Tax ID");
    case IdentifierScheme::Other:
        break;
    }
    return QCoreApplication::translate("vigil", "Other");
}

QString displayName(SupplierStatus s)
{
    QString t = toString(s);
    if (!t.isEmpty())
        t[0] = t[0].toUpper();
    return t;
}

bool Site::operator==(const Site& o) const
{
    return id == o.id && supplierId == o.supplierId && name == o.name && type == o.type && address == o.address
        && country == o.country && workers == o.workers;
}

bool Recruiter::operator==(const Recruiter& o) const
{
    return id == o.id && name == o.name && country == o.country && licenceNumber == o.licenceNumber
        && licenceStatus == o.licenceStatus && address == o.address;
}

bool RecruiterLink::operator==(const RecruiterLink& o) const
{
    return recruiterId == o.recruiterId && originCountry == o.originCountry
        && destinationCountry == o.destinationCountry && workersRecruited == o.workersRecruited && since == o.since;
}

bool Supplier::operator==(const Supplier& o) const
{
    return diff(*this, o).isEmpty() && id == o.id;
}

QList<FieldChange> diff(const Supplier& a, const Supplier& b)
{
    QList<FieldChange> out;
    auto add = [&out](const QString& field, const QString& oldV, const QString& newV) {
        if (oldV != newV)
            out.append({field, oldV, newV});
    };
    const QString sep = QStringLiteral("; ");
    add(SupplierField::Name, a.name, b.name);
    add(SupplierField::OtherNames, a.otherNames.join(sep), b.otherNames.join(sep));
    add(SupplierField::Country, a.country, b.country);
    add(SupplierField::Address, a.address, b.address);
    add(SupplierField::Sector, a.sector, b.sector);
    add(SupplierField::Products, a.products.join(sep), b.products.join(sep));
    add(SupplierField::Tier, QString::number(a.tier), QString::number(b.tier));
    if (!sameOpt(a.annualSpend, b.annualSpend))
        out.append({SupplierField::AnnualSpend, optText(a.annualSpend), optText(b.annualSpend)});
    add(SupplierField::Currency, a.currency, b.currency);
    add(SupplierField::WorkersMin, optText(a.workersMin), optText(b.workersMin));
    add(SupplierField::WorkersMax, optText(a.workersMax), optText(b.workersMax));
    if (!sameOpt(a.migrantShare, b.migrantShare))
        out.append({SupplierField::MigrantShare, optText(a.migrantShare), optText(b.migrantShare)});
    if (!sameOpt(a.femaleShare, b.femaleShare))
        out.append({SupplierField::FemaleShare, optText(a.femaleShare), optText(b.femaleShare)});
    add(SupplierField::Status, toString(a.status), toString(b.status));
    add(SupplierField::Tags, a.tags.join(sep), b.tags.join(sep));
    return out;
}

QList<ValidationIssue> validate(const Supplier& s)
{
    QList<ValidationIssue> issues;
    auto tr = [](const char* text) { return QCoreApplication::translate("vigil", text); };
    if (s.name.trimmed().isEmpty())
        issues.append({SupplierField::Name, tr("A supplier needs a name.")});
    else if (s.name.size() > 500)
        issues.append({SupplierField::Name, tr("The name is longer than 500 characters.")});
    if (s.country.isEmpty())
        issues.append({SupplierField::Country, tr("Choose the country where the supplier is.")});
    else if (!Countries::instance().isCode(s.country))
        issues.append({SupplierField::Country, tr("\"%1\" is not an ISO 3166-1 country code.").arg(s.country)});
    if (s.tier < 1 || s.tier > 9)
        issues.append({SupplierField::Tier, tr("The tier must be between 1 (direct supplier) and 9.")});
    if (s.annualSpend && (*s.annualSpend < 0 || !std::isfinite(*s.annualSpend)))
        issues.append({SupplierField::AnnualSpend, tr("Annual spend cannot be negative.")});
    if (!s.currency.isEmpty()
        && (s.currency.size() != 3 || s.currency.toUpper() != s.currency || !s.currency.at(0).isLetter()))
        issues.append({SupplierField::Currency, tr("Use a three-letter ISO 4217 currency code such as USD.")});
    if (s.annualSpend && s.currency.isEmpty())
        issues.append({SupplierField::Currency, tr("Give the currency of the annual spend.")});
    if (s.workersMin && *s.workersMin < 0)
        issues.append({SupplierField::WorkersMin, tr("The number of workers cannot be negative.")});
    if (s.workersMax && *s.workersMax < 0)
        issues.append({SupplierField::WorkersMax, tr("The number of workers cannot be negative.")});
    if (s.workersMin && s.workersMax && *s.workersMax < *s.workersMin)
        issues.append({SupplierField::WorkersMax, tr("The upper worker count is below the lower one.")});
    auto share = [&](const std::optional<double>& v, const QString& field) {
        if (v && (!(*v >= 0.0) || *v > 1.0))
            issues.append({field, tr("A share must be between 0% and 100%.")});
    };
    share(s.migrantShare, SupplierField::MigrantShare);
    share(s.femaleShare, SupplierField::FemaleShare);
    return issues;
}

} // namespace vigil
