#include "storage/sampleportfolio.h"

#include "exporter/supplierjson.h"
#include "storage/database.h"
#include "storage/supplierrepository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigil {

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
            const SupplierRecord rec = supplierRecordFromJson(v.toObject());
            const Supplier& s = rec.supplier;
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
