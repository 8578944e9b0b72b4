#include "storage/sampleportfolio.h"

#include "storage/database.h"
#include "storage/supplierrepository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigil {

namespace {

QStringList strings(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& x : v.toArray())
        out << x.toString();
    return out;
}

std::optional<int> optInt(const QJsonValue& v)
{
    return v.isDouble() ? std::optional<int>(v.toInt()) : std::nullopt;
}

std::optional<double> optDouble(const QJsonValue& v)
{
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

} // namespace

Result<int> loadSamplePortfolio(Database& db)
{
    QFile f(QStringLiteral(":/sample/sample_portfolio.json"));
    if (!f.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("The sample portfolio is missing from this build of Vigil."));
    return loadSamplePortfolio(db, f.readAll());
}

Result<int> loadSamplePortfolio(Database& db, const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull())
        return makeError(QStringLiteral("The sample portfolio is not valid JSON: %1 at offset %2.")
                             .arg(parseError.errorString())
                             .arg(parseError.offset));
    const QJsonObject root = doc.object();
    SupplierRepository repo(db);
    repo.setActor(QStringLiteral("sample"));
    int count = 0;
    Status st = db.transaction([&]() -> Status {
        for (const QJsonValue& v : root.value(QStringLiteral("recruiters")).toArray()) {
            const QJsonObject o = v.toObject();
            Recruiter r;
            r.id = o.value(QStringLiteral("id")).toString();
            r.name = o.value(QStringLiteral("name")).toString();
            r.country = o.value(QStringLiteral("country")).toString();
            r.licenceNumber = o.value(QStringLiteral("licence_number")).toString();
            r.licenceStatus = licenceStatusFromString(o.value(QStringLiteral("licence_status")).toString())
                                  .value_or(LicenceStatus::Unknown);
            r.address = o.value(QStringLiteral("address")).toString();
            if (Status s = repo.saveRecruiterInTransaction(r, QStringLiteral("sample")); !s)
                return s;
        }
        for (const QJsonValue& v : root.value(QStringLiteral("suppliers")).toArray()) {
            const QJsonObject o = v.toObject();
            SupplierRecord rec;
            Supplier& s = rec.supplier;
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
            s.status = supplierStatusFromString(o.value(QStringLiteral("status")).toString())
                           .value_or(SupplierStatus::Active);
            s.tags = strings(o.value(QStringLiteral("tags")));
            for (const QJsonValue& sv : o.value(QStringLiteral("sites")).toArray()) {
                const QJsonObject so = sv.toObject();
                Site site;
                site.id = so.value(QStringLiteral("id")).toString();
                site.name = so.value(QStringLiteral("name")).toString();
                site.type
                    = siteTypeFromString(so.value(QStringLiteral("site_type")).toString()).value_or(SiteType::Other);
                site.address = so.value(QStringLiteral("address")).toString();
                site.country = so.value(QStringLiteral("country")).toString();
                site.workers = optInt(so.value(QStringLiteral("workers")));
                rec.sites.append(site);
            }
            for (const QJsonValue& iv : o.value(QStringLiteral("identifiers")).toArray()) {
                const QJsonObject io = iv.toObject();
                rec.identifiers.append({identifierSchemeFromString(io.value(QStringLiteral("scheme")).toString())
                                            .value_or(IdentifierScheme::Other),
                                        io.value(QStringLiteral("value")).toString()});
            }
            for (const QJsonValue& lv : o.value(QStringLiteral("recruiters")).toArray()) {
                const QJsonObject lo = lv.toObject();
                RecruiterLink l;
                l.recruiterId = lo.value(QStringLiteral("recruiter_id")).toString();
                l.originCountry = lo.value(QStringLiteral("origin_country")).toString();
                l.destinationCountry = lo.value(QStringLiteral("destination_country")).toString();
                l.workersRecruited = optInt(lo.value(QStringLiteral("workers_recruited")));
                l.since = lo.value(QStringLiteral("since")).toString();
                rec.recruiters.append(l);
            }
            if (Status st = repo.addInTransaction(rec, QStringLiteral("sample")); !st) {
                Error e = st.error();
                e.message = QStringLiteral("Sample supplier \"%1\": %2").arg(s.name, e.message);
                return e;
            }
            ++count;
        }
        return {};
    });
    if (!st)
        return st.error();
    return count;
}

} // namespace vigil
