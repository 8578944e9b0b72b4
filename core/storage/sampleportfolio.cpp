#include "storage/sampleportfolio.h"

#include "actions/actionrepository.h"
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
    return loadSamplePortfolio(db, json, QDateTime::currentDateTimeUtc().date());
}

namespace {

QDate offset(const QDate& today, const QJsonValue& days)
{
    return days.isDouble() ? today.addDays(days.toInt()) : QDate();
}

QString text(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

Error sampleError(const QString& what, const Error& e)
{
    Error out = e;
    out.message = QStringLiteral("Sample %1: %2").arg(what, e.message);
    return out;
}

// The remediation cycle of the sample (scripts/make_sample_portfolio.py, make_cycle).
Status loadCycle(ActionRepository& repo, const QJsonObject& root, const QDate& today)
{
    const QString batch = QStringLiteral("sample");
    for (const QJsonValue& v : root.value(QStringLiteral("corrective_actions")).toArray()) {
        const QJsonObject o = v.toObject();
        CorrectiveAction a;
        a.id = text(o, "id");
        a.supplierId = text(o, "supplier_id");
        a.siteId = text(o, "site_id");
        a.indicatorId = text(o, "indicator");
        a.description = text(o, "description");
        a.owner = text(o, "owner");
        a.openedOn = offset(today, o.value(QStringLiteral("opened_offset_days")));
        a.dueOn = offset(today, o.value(QStringLiteral("due_offset_days")));
        a.status = actionStatusFromId(text(o, "status")).value_or(ActionStatus::Open);
        a.closedOn = offset(today, o.value(QStringLiteral("closed_offset_days")));
        a.verificationNote = text(o, "verification_note");
        if (auto id = repo.saveActionInTransaction(a, batch); !id)
            return sampleError(QStringLiteral("corrective action %1").arg(a.id), id.error());
    }
    for (const QJsonValue& v : root.value(QStringLiteral("fee_ledger")).toArray()) {
        const QJsonObject o = v.toObject();
        FeeEntry f;
        f.id = text(o, "id");
        f.supplierId = text(o, "supplier_id");
        f.recruiterId = text(o, "recruiter_id");
        f.originCountry = text(o, "origin_country");
        f.destinationCountry = text(o, "destination_country");
        f.workerGroup = text(o, "worker_group");
        if (o.value(QStringLiteral("workers")).isDouble())
            f.workers = o.value(QStringLiteral("workers")).toInt();
        f.paidAmount = o.value(QStringLiteral("paid_amount")).toDouble();
        f.reimbursedAmount = o.value(QStringLiteral("reimbursed_amount")).toDouble();
        f.currency = text(o, "currency");
        f.recordedOn = offset(today, o.value(QStringLiteral("recorded_offset_days")));
        f.evidenceSource = text(o, "evidence_source");
        f.note = text(o, "note");
        if (auto id = repo.saveFeeInTransaction(f, batch); !id)
            return sampleError(QStringLiteral("fee entry %1").arg(f.id), id.error());
    }
    for (const QJsonValue& v : root.value(QStringLiteral("trainings")).toArray()) {
        const QJsonObject o = v.toObject();
        Training t;
        t.id = text(o, "id");
        t.supplierId = text(o, "supplier_id");
        t.topic = text(o, "topic");
        t.heldOn = offset(today, o.value(QStringLiteral("held_offset_days")));
        t.participants = o.value(QStringLiteral("participants")).toInt();
        t.audience = audienceFromId(text(o, "audience")).value_or(TrainingAudience::Staff);
        if (auto id = repo.saveTrainingInTransaction(t, batch); !id)
            return sampleError(QStringLiteral("training %1").arg(t.id), id.error());
    }
    return {};
}

} // namespace

Result<int> loadSamplePortfolio(Database& db, const QByteArray& json, const QDate& today)
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
        ActionRepository actions(db);
        actions.setActor(QStringLiteral("sample"));
        return loadCycle(actions, root, today);
    });
    if (!st)
        return st.error();
    return count;
}

} // namespace vigil
