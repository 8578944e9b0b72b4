#include "exporter/supplierjson.h"

#include <QJsonArray>

namespace vigil {

namespace {

QJsonValue opt(const std::optional<int>& v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonValue opt(const std::optional<double>& v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

std::optional<int> optInt(const QJsonValue& v)
{
    return v.isDouble() ? std::optional<int>(v.toInt()) : std::nullopt;
}

std::optional<double> optDouble(const QJsonValue& v)
{
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

QStringList strings(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& x : v.toArray())
        out << x.toString();
    return out;
}

} // namespace

QJsonObject supplierRecordToJson(const SupplierRecord& r)
{
    const Supplier& s = r.supplier;
    QJsonObject o{
        {QStringLiteral("id"), s.id},
        {QStringLiteral("name"), s.name},
        {QStringLiteral("other_names"), QJsonArray::fromStringList(s.otherNames)},
        {QStringLiteral("country"), s.country},
        {QStringLiteral("address"), s.address},
        {QStringLiteral("sector"), s.sector},
        {QStringLiteral("products"), QJsonArray::fromStringList(s.products)},
        {QStringLiteral("tier"), s.tier},
        {QStringLiteral("annual_spend"), opt(s.annualSpend)},
        {QStringLiteral("currency"), s.currency},
        {QStringLiteral("workers_min"), opt(s.workersMin)},
        {QStringLiteral("workers_max"), opt(s.workersMax)},
        {QStringLiteral("migrant_share"), opt(s.migrantShare)},
        {QStringLiteral("female_share"), opt(s.femaleShare)},
        {QStringLiteral("status"), toString(s.status)},
        {QStringLiteral("tags"), QJsonArray::fromStringList(s.tags)},
        {QStringLiteral("created_at"), s.createdAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("updated_at"), s.updatedAt.toString(Qt::ISODateWithMs)},
    };
    QJsonArray ids;
    for (const Identifier& i : r.identifiers)
        ids.append(QJsonObject{{QStringLiteral("scheme"), toString(i.scheme)}, {QStringLiteral("value"), i.value}});
    o.insert(QStringLiteral("identifiers"), ids);
    QJsonArray sites;
    for (const Site& x : r.sites)
        sites.append(QJsonObject{{QStringLiteral("id"), x.id},
                                 {QStringLiteral("name"), x.name},
                                 {QStringLiteral("type"), toString(x.type)},
                                 {QStringLiteral("address"), x.address},
                                 {QStringLiteral("country"), x.country},
                                 {QStringLiteral("workers"), opt(x.workers)}});
    o.insert(QStringLiteral("sites"), sites);
    QJsonArray links;
    for (const RecruiterLink& l : r.recruiters)
        links.append(QJsonObject{{QStringLiteral("recruiter_id"), l.recruiterId},
                                 {QStringLiteral("recruiter_name"), l.recruiterName},
                                 {QStringLiteral("origin_country"), l.originCountry},
                                 {QStringLiteral("destination_country"), l.destinationCountry},
                                 {QStringLiteral("workers_recruited"), opt(l.workersRecruited)},
                                 {QStringLiteral("since"), l.since}});
    o.insert(QStringLiteral("recruiters"), links);
    return o;
}

SupplierRecord supplierRecordFromJson(const QJsonObject& o)
{
    SupplierRecord r;
    Supplier& s = r.supplier;
    s.id = o.value(QStringLiteral("id")).toString();
    s.name = o.value(QStringLiteral("name")).toString();
    s.otherNames = strings(o.value(QStringLiteral("other_names")));
    s.country = o.value(QStringLiteral("country")).toString();
    s.address = o.value(QStringLiteral("address")).toString();
    s.sector = o.value(QStringLiteral("sector")).toString();
    s.products = strings(o.value(QStringLiteral("products")));
    s.tier = o.value(QStringLiteral("tier")).toInt(1);
    s.annualSpend = optDouble(o.value(QStringLiteral("annual_spend")));
    s.currency = o.value(QStringLiteral("currency")).toString();
    s.workersMin = optInt(o.value(QStringLiteral("workers_min")));
    s.workersMax = optInt(o.value(QStringLiteral("workers_max")));
    s.migrantShare = optDouble(o.value(QStringLiteral("migrant_share")));
    s.femaleShare = optDouble(o.value(QStringLiteral("female_share")));
    s.status = supplierStatusFromString(o.value(QStringLiteral("status")).toString()).value_or(SupplierStatus::Active);
    s.tags = strings(o.value(QStringLiteral("tags")));
    s.createdAt = QDateTime::fromString(o.value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs);
    s.updatedAt = QDateTime::fromString(o.value(QStringLiteral("updated_at")).toString(), Qt::ISODateWithMs);
    for (const QJsonValue& v : o.value(QStringLiteral("identifiers")).toArray()) {
        const QJsonObject x = v.toObject();
        r.identifiers << Identifier{
            identifierSchemeFromString(x.value(QStringLiteral("scheme")).toString()).value_or(IdentifierScheme::Other),
            x.value(QStringLiteral("value")).toString()};
    }
    for (const QJsonValue& v : o.value(QStringLiteral("sites")).toArray()) {
        const QJsonObject x = v.toObject();
        Site site;
        site.id = x.value(QStringLiteral("id")).toString();
        site.supplierId = s.id;
        site.name = x.value(QStringLiteral("name")).toString();
        // "type" in Vigil's export; "site_type" in the bundled sample portfolio (resources/sample).
        const QJsonValue type = x.contains(QStringLiteral("type")) ? x.value(QStringLiteral("type"))
                                                                   : x.value(QStringLiteral("site_type"));
        site.type = siteTypeFromString(type.toString()).value_or(SiteType::Other);
        site.address = x.value(QStringLiteral("address")).toString();
        site.country = x.value(QStringLiteral("country")).toString();
        site.workers = optInt(x.value(QStringLiteral("workers")));
        r.sites << site;
    }
    for (const QJsonValue& v : o.value(QStringLiteral("recruiters")).toArray()) {
        const QJsonObject x = v.toObject();
        RecruiterLink l;
        l.recruiterId = x.value(QStringLiteral("recruiter_id")).toString();
        l.recruiterName = x.value(QStringLiteral("recruiter_name")).toString();
        l.originCountry = x.value(QStringLiteral("origin_country")).toString();
        l.destinationCountry = x.value(QStringLiteral("destination_country")).toString();
        l.workersRecruited = optInt(x.value(QStringLiteral("workers_recruited")));
        l.since = x.value(QStringLiteral("since")).toString();
        r.recruiters << l;
    }
    return r;
}

} // namespace vigil
