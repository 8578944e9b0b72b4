#include "risk/riskjson.h"

#include <QJsonArray>

#include <cmath>

namespace vigil::riskjson {

namespace {

Error fieldError(const QString& field, const QString& what)
{
    Error e = makeError(QStringLiteral("%1: %2").arg(field, what));
    e.field = field;
    return e;
}

double rounded(double v, int decimals = 3)
{
    const double f = std::pow(10.0, decimals);
    return std::round(v * f) / f;
}

// Reads an optional date; false when present but not YYYY-MM-DD.
bool readDate(const QJsonObject& o, const char* key, QDate& date)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty()))
        return true;
    date = QDate::fromString(v.toString(), Qt::ISODate);
    return date.isValid();
}

} // namespace

Result<SupplierRiskInput> inputFromJson(const QJsonObject& json)
{
    SupplierRiskInput in;
    in.supplierId = json.value(QLatin1String("supplierId")).toString();
    in.country = json.value(QLatin1String("country")).toString();
    in.sector = json.value(QLatin1String("sector")).toString();
    for (const auto& g : json.value(QLatin1String("goods")).toArray())
        in.goods.append(g.toString());
    if (json.value(QLatin1String("migrantShare")).isDouble()) {
        const double share = json.value(QLatin1String("migrantShare")).toDouble();
        if (share < 0 || share > 1)
            return fieldError(QStringLiteral("migrantShare"), QStringLiteral("must be between 0 and 1"));
        in.migrantShare = share;
    }
    if (json.value(QLatin1String("workers")).isDouble())
        in.workers = json.value(QLatin1String("workers")).toInt();
    if (json.value(QLatin1String("migrantWorkers")).isDouble())
        in.migrantWorkers = json.value(QLatin1String("migrantWorkers")).toInt();
    const QJsonArray observations = json.value(QLatin1String("observations")).toArray();
    for (int i = 0; i < observations.size(); ++i) {
        const QJsonObject o = observations.at(i).toObject();
        const QString path = QStringLiteral("observations[%1]").arg(i);
        RiskObservation obs;
        obs.id = o.value(QLatin1String("id")).toString();
        if (obs.id.isEmpty())
            obs.id = QStringLiteral("obs%1").arg(i + 1);
        obs.indicatorId = o.value(QLatin1String("indicator")).toString();
        if (obs.indicatorId.isEmpty())
            return fieldError(path + QStringLiteral(".indicator"), QStringLiteral("an indicator id is required"));
        const auto status = statusFromId(o.value(QLatin1String("status")).toString());
        if (!status)
            return fieldError(path + QStringLiteral(".status"),
                              QStringLiteral("must be present, absent or not_assessed"));
        obs.status = *status;
        obs.sourceType = o.value(QLatin1String("source")).toString();
        if (!readDate(o, "date", obs.date))
            return fieldError(path + QStringLiteral(".date"), QStringLiteral("must be a date YYYY-MM-DD"));
        const QJsonValue c = o.value(QLatin1String("confidence"));
        if (!c.isUndefined()) {
            if (!c.isDouble() || c.toDouble() < 0 || c.toDouble() > 1)
                return fieldError(path + QStringLiteral(".confidence"), QStringLiteral("must be between 0 and 1"));
            obs.confidence = c.toDouble();
        }
        obs.siteId = o.value(QLatin1String("site")).toString();
        obs.note = o.value(QLatin1String("note")).toString();
        in.observations.append(obs);
    }
    const QJsonArray mitigations = json.value(QLatin1String("mitigations")).toArray();
    for (int i = 0; i < mitigations.size(); ++i) {
        const QJsonObject o = mitigations.at(i).toObject();
        RiskMitigation mit;
        mit.id = o.value(QLatin1String("id")).toString();
        if (mit.id.isEmpty())
            mit.id = QStringLiteral("mit%1").arg(i + 1);
        mit.type = o.value(QLatin1String("type")).toString();
        if (!readDate(o, "date", mit.date))
            return fieldError(QStringLiteral("mitigations[%1].date").arg(i),
                              QStringLiteral("must be a date YYYY-MM-DD"));
        mit.note = o.value(QLatin1String("note")).toString();
        in.mitigations.append(mit);
    }
    return in;
}

QJsonObject inputToJson(const SupplierRiskInput& in)
{
    QJsonObject o;
    o.insert(QStringLiteral("supplierId"), in.supplierId);
    o.insert(QStringLiteral("country"), in.country);
    o.insert(QStringLiteral("sector"), in.sector);
    o.insert(QStringLiteral("goods"), QJsonArray::fromStringList(in.goods));
    if (in.migrantShare)
        o.insert(QStringLiteral("migrantShare"), *in.migrantShare);
    if (in.workers)
        o.insert(QStringLiteral("workers"), *in.workers);
    if (in.migrantWorkers)
        o.insert(QStringLiteral("migrantWorkers"), *in.migrantWorkers);
    QJsonArray obs;
    for (const RiskObservation& x : in.observations) {
        obs.append(QJsonObject{{QStringLiteral("id"), x.id},
                               {QStringLiteral("indicator"), x.indicatorId},
                               {QStringLiteral("status"), statusId(x.status)},
                               {QStringLiteral("source"), x.sourceType},
                               {QStringLiteral("date"), x.date.toString(Qt::ISODate)},
                               {QStringLiteral("confidence"), x.confidence},
                               {QStringLiteral("site"), x.siteId},
                               {QStringLiteral("note"), x.note}});
    }
    o.insert(QStringLiteral("observations"), obs);
    QJsonArray mits;
    for (const RiskMitigation& x : in.mitigations) {
        mits.append(QJsonObject{{QStringLiteral("id"), x.id},
                                {QStringLiteral("type"), x.type},
                                {QStringLiteral("date"), x.date.toString(Qt::ISODate)},
                                {QStringLiteral("note"), x.note}});
    }
    o.insert(QStringLiteral("mitigations"), mits);
    return o;
}

QJsonObject resultToJson(const RiskResult& r)
{
    QJsonObject o;
    o.insert(QStringLiteral("supplierId"), r.supplierId);
    o.insert(QStringLiteral("methodology"),
             QJsonObject{{QStringLiteral("id"), r.methodologyId}, {QStringLiteral("version"), r.methodologyVersion}});
    o.insert(QStringLiteral("score"), rounded(r.score, 1));
    o.insert(QStringLiteral("tier"), tierId(r.tier));
    o.insert(QStringLiteral("scoreTier"), tierId(r.scoreTier));
    o.insert(QStringLiteral("classification"), classificationId(r.classification));
    o.insert(QStringLiteral("zeroTolerance"), r.zeroTolerance);
    o.insert(QStringLiteral("zeroToleranceFindings"), QJsonArray::fromStringList(r.zeroToleranceFindings));
    o.insert(QStringLiteral("escalations"), QJsonArray::fromStringList(r.escalations));
    o.insert(QStringLiteral("inherent"), rounded(r.inherent));
    o.insert(QStringLiteral("countryAnchor"), rounded(r.countryAnchor));
    o.insert(QStringLiteral("sectorAnchor"), rounded(r.sectorAnchor));
    o.insert(QStringLiteral("goodsAnchor"), rounded(r.goodsAnchor));
    o.insert(QStringLiteral("coverage"), rounded(r.coverage));
    o.insert(QStringLiteral("confidence"), rounded(r.confidence));
    QJsonArray contributions;
    for (const RiskContribution& c : r.contributions) {
        QJsonObject j{{QStringLiteral("factor"), c.factor},          {QStringLiteral("label"), c.label},
                      {QStringLiteral("value"), rounded(c.value)},   {QStringLiteral("weight"), rounded(c.weight)},
                      {QStringLiteral("points"), rounded(c.points)}, {QStringLiteral("source"), c.source}};
        if (c.date.isValid())
            j.insert(QStringLiteral("date"), c.date.toString(Qt::ISODate));
        contributions.append(j);
    }
    o.insert(QStringLiteral("contributions"), contributions);
    QJsonArray gaps;
    for (const EvidenceGap& g : r.gaps) {
        gaps.append(QJsonObject{{QStringLiteral("kind"), gapKindId(g.kind)},
                                {QStringLiteral("subject"), g.subject},
                                {QStringLiteral("message"), g.message}});
    }
    o.insert(QStringLiteral("gaps"), gaps);
    return o;
}

Status addReferenceFromJson(ReferenceData& ref, const QJsonObject& json)
{
    if (json.contains(QLatin1String("knownCountries"))) {
        QSet<QString> codes;
        for (const auto& c : json.value(QLatin1String("knownCountries")).toArray())
            codes.insert(c.toString());
        ref.setKnownCountries(codes);
    }
    const QJsonArray datasets = json.value(QLatin1String("datasets")).toArray();
    for (int i = 0; i < datasets.size(); ++i) {
        const QJsonObject d = datasets.at(i).toObject();
        const QString path = QStringLiteral("datasets[%1]").arg(i);
        DatasetInfo info;
        info.id = d.value(QLatin1String("id")).toString();
        info.name = d.value(QLatin1String("name")).toString();
        if (info.id.isEmpty() || info.name.isEmpty())
            return fieldError(path, QStringLiteral("a dataset needs an id and a name"));
        info.edition = d.value(QLatin1String("edition")).toString();
        info.publisher = d.value(QLatin1String("publisher")).toString();
        info.licence = d.value(QLatin1String("licence")).toString();
        info.source = d.value(QLatin1String("source")).toString();
        info.loadedAt = QDateTime::fromString(d.value(QLatin1String("loadedAt")).toString(), Qt::ISODate);
        ref.addDataset(info);
        const QJsonArray signalList = d.value(QLatin1String("signals")).toArray();
        for (int k = 0; k < signalList.size(); ++k) {
            const QJsonObject s = signalList.at(k).toObject();
            CountrySignal sig;
            sig.country = s.value(QLatin1String("country")).toString();
            sig.kind = s.value(QLatin1String("kind")).toString();
            sig.label = s.value(QLatin1String("label")).toString();
            if (s.value(QLatin1String("value")).isDouble())
                sig.numeric = s.value(QLatin1String("value")).toDouble();
            sig.datasetId = info.id;
            if (!ref.addSignal(sig))
                return fieldError(QStringLiteral("%1.signals[%2]").arg(path).arg(k),
                                  QStringLiteral("a signal needs a country and a kind"));
        }
        const QJsonArray sectorList = d.value(QLatin1String("sectorSignals")).toArray();
        for (int k = 0; k < sectorList.size(); ++k) {
            const QJsonObject s = sectorList.at(k).toObject();
            SectorSignal sig{s.value(QLatin1String("sector")).toString(), s.value(QLatin1String("country")).toString(),
                             s.value(QLatin1String("label")).toString(), info.id};
            if (!ref.addSectorSignal(sig))
                return fieldError(QStringLiteral("%1.sectorSignals[%2]").arg(path).arg(k),
                                  QStringLiteral("a sector signal needs a sector"));
        }
        const QJsonArray goods = d.value(QLatin1String("goods")).toArray();
        for (int k = 0; k < goods.size(); ++k) {
            const QJsonObject g = goods.at(k).toObject();
            GoodListing l;
            l.good = g.value(QLatin1String("good")).toString();
            l.ilabSector = g.value(QLatin1String("sector")).toString();
            l.country = g.value(QLatin1String("country")).toString();
            l.childLabour = g.value(QLatin1String("childLabour")).toBool();
            l.forcedLabour = g.value(QLatin1String("forcedLabour")).toBool();
            l.forcedChildLabour = g.value(QLatin1String("forcedChildLabour")).toBool();
            l.datasetId = info.id;
            if (!ref.addGoodListing(l))
                return fieldError(QStringLiteral("%1.goods[%2]").arg(path).arg(k),
                                  QStringLiteral("a listing needs a good and a country"));
        }
    }
    return {};
}

} // namespace vigil::riskjson
