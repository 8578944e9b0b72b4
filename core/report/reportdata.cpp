#include "report/reportdata.h"

#include "actions/actionrepository.h"
#include "reference/countries.h"
#include "risk/riskengine.h"
#include "risk/scoring.h"
#include "risk/sitelabels.h"
#include "storage/database.h"
#include "storage/supplierrepository.h"

#include <QHash>
#include <QSqlQuery>

namespace vigil::report {

namespace {

int tierIndex(RiskTier t)
{
    return int(t);
}

void fillLabels(const Methodology& m, QMap<QString, QString>& indicators, QStringList* order,
                QMap<QString, QString>& mitigations)
{
    for (const IndicatorDef& d : m.indicators) {
        indicators.insert(d.id, d.label);
        if (order)
            order->append(d.id);
    }
    for (const MitigationDef& d : m.mitigations)
        mitigations.insert(d.id, d.label);
}

// The month-end tier distribution over the last twelve months (from the first month with a score), from
// risk_score_history.
Status readHistory(Database& db, const QDateTime& now, PortfolioData& data)
{
    QSqlQuery q(db.db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT supplier_id, evaluated_at, tier FROM risk_score_history "
                               "WHERE supplier_id IN (SELECT id FROM suppliers) ORDER BY evaluated_at, seq")))
        return Database::queryError(QStringLiteral("The score history could not be read."), q);
    struct Entry
    {
        QDate date;
        int tier;
    };
    QHash<QString, QList<Entry>> bySupplier;
    bool any = false;
    while (q.next()) {
        const auto tier = tierFromId(q.value(2).toString());
        const QDateTime at = QDateTime::fromString(q.value(1).toString(), Qt::ISODate);
        if (!tier || !at.isValid())
            continue;
        bySupplier[q.value(0).toString()].append({at.toUTC().date(), tierIndex(*tier)});
        any = true;
    }
    if (!any)
        return {};
    const QDate today = now.toUTC().date();
    for (int i = 11; i >= 0; --i) {
        const QDate first = QDate(today.year(), today.month(), 1).addMonths(-i);
        const QDate end = (i == 0) ? today : first.addMonths(1).addDays(-1);
        std::array<int, 4> counts{0, 0, 0, 0};
        for (auto it = bySupplier.cbegin(); it != bySupplier.cend(); ++it) {
            int tier = -1;
            for (const Entry& e : it.value()) {
                if (e.date > end)
                    break;
                tier = e.tier;
            }
            if (tier >= 0)
                ++counts[size_t(tier)];
        }
        if (data.historyTiers.isEmpty() && counts == std::array<int, 4>{0, 0, 0, 0})
            continue; // the series starts with the first month that has a score
        data.historyMonths << first.toString(QStringLiteral("yyyy-MM"));
        data.historyTiers << counts;
    }
    return {};
}

Result<qint64> scalar(Database& db, const QString& sql)
{
    QSqlQuery q(db.db());
    if (!q.exec(sql) || !q.next())
        return Database::queryError(QStringLiteral("The workspace could not be read."), q);
    return q.value(0).toLongLong();
}

// Corrective actions, fee ledger and trainings (of one supplier when supplierId is given, keeping the lists in
// `supplier`).
Status readCycle(Database& db, const QDateTime& now, const QString& supplierId, CycleFigures& cycle,
                 SupplierData* supplier)
{
    ActionRepository repo(db);
    ActionQuery query;
    query.supplierId = supplierId;
    auto actions = repo.actions(query);
    if (!actions)
        return actions.error();
    auto fees = repo.fees(supplierId);
    if (!fees)
        return fees.error();
    auto trainings = repo.trainings(supplierId);
    if (!trainings)
        return trainings.error();
    cycle.summary = summarise(actions.value(), fees.value(), trainings.value(), now.toUTC().date());
    for (const CorrectiveAction& a : actions.value()) {
        if (a.indicatorId.isEmpty())
            continue;
        ++cycle.actionsByIndicator[a.indicatorId];
        if (a.status == ActionStatus::ClosedVerified)
            ++cycle.closedVerifiedByIndicator[a.indicatorId];
    }
    if (supplier) {
        supplier->actions = std::move(actions).value();
        supplier->fees = std::move(fees).value();
        supplier->trainings = std::move(trainings).value();
    }
    return {};
}

} // namespace

QString countryName(const QString& alpha2)
{
    if (alpha2.isEmpty())
        return QStringLiteral("Unknown");
    return Countries::instance().name(alpha2);
}

QList<ReportDataset> reportDatasets(const ReferenceData& reference)
{
    QList<ReportDataset> list;
    for (const DatasetInfo& d : reference.datasets())
        list.append({d.name, d.edition, d.publisher, d.licence, d.source});
    return list;
}

int PortfolioData::countTier(RiskTier t) const
{
    int n = 0;
    for (const SupplierRisk& s : suppliers)
        n += s.tier == t ? 1 : 0;
    return n;
}

int PortfolioData::assessedSuppliers() const
{
    int n = 0;
    for (const SupplierRisk& s : suppliers)
        n += s.observations > 0 ? 1 : 0;
    return n;
}

int PortfolioData::assessedWithin(int days) const
{
    const QDate since = now.toUTC().date().addDays(-days);
    int n = 0;
    for (const SupplierRisk& s : suppliers)
        n += (s.lastEvidence.isValid() && s.lastEvidence >= since) ? 1 : 0;
    return n;
}

int PortfolioData::possibleForcedLabour() const
{
    int n = 0;
    for (const SupplierRisk& s : suppliers)
        n += s.classification == IloClassification::PossibleForcedLabour ? 1 : 0;
    return n;
}

int PortfolioData::zeroTolerance() const
{
    int n = 0;
    for (const SupplierRisk& s : suppliers)
        n += s.zeroTolerance ? 1 : 0;
    return n;
}

QMap<int, int> PortfolioData::bySupplyTier() const
{
    QMap<int, int> m;
    for (const SupplierRisk& s : suppliers)
        ++m[s.supplyTier];
    return m;
}

QMap<QString, int> PortfolioData::byCountry() const
{
    QMap<QString, int> m;
    for (const SupplierRisk& s : suppliers)
        ++m[s.country];
    return m;
}

QMap<QString, int> PortfolioData::bySector() const
{
    QMap<QString, int> m;
    for (const SupplierRisk& s : suppliers)
        ++m[s.sector.isEmpty() ? QStringLiteral("(not recorded)") : s.sector];
    return m;
}

QMap<QString, std::array<int, 4>> PortfolioData::riskBy(bool country) const
{
    QMap<QString, std::array<int, 4>> m;
    for (const SupplierRisk& s : suppliers) {
        const QString key = country ? s.country : (s.sector.isEmpty() ? QStringLiteral("(not recorded)") : s.sector);
        auto it = m.find(key);
        if (it == m.end())
            it = m.insert(key, {0, 0, 0, 0});
        ++(*it)[size_t(tierIndex(s.tier))];
    }
    return m;
}

Result<PortfolioData> gatherPortfolio(Database& db, const QDateTime& now)
{
    auto context = loadScoringContext(db, now);
    if (!context)
        return context.error();
    const Methodology& m = context->methodology;
    PortfolioData data;
    data.now = now;
    data.methodologyId = m.id;
    data.methodologyName = m.name;
    data.methodologyVersion = m.version;
    data.datasets = reportDatasets(context->reference);
    fillLabels(m, data.indicatorLabels, &data.indicatorOrder, data.mitigationLabels);

    auto inputs = RiskRepository(db).allInputs();
    if (!inputs)
        return inputs.error();
    QHash<QString, int> index;
    {
        QSqlQuery q(db.db());
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT id, name, country, sector, tier, status FROM suppliers ORDER BY rowid_")))
            return Database::queryError(QStringLiteral("The suppliers could not be read."), q);
        while (q.next()) {
            SupplierRisk s;
            s.id = q.value(0).toString();
            s.name = q.value(1).toString();
            s.country = q.value(2).toString();
            s.sector = q.value(3).toString();
            s.supplyTier = q.value(4).toInt();
            s.status = supplierStatusFromString(q.value(5).toString()).value_or(SupplierStatus::Active);
            index.insert(s.id, int(data.suppliers.size()));
            data.suppliers.append(std::move(s));
        }
    }
    QHash<QString, QString> sourceLabels;
    for (const SourceTypeDef& st : m.sourceTypes)
        sourceLabels.insert(st.id, st.label);
    for (const SupplierRiskInput& in : std::as_const(inputs.value())) {
        const int i = index.value(in.supplierId, -1);
        if (i < 0)
            continue;
        SupplierRisk& s = data.suppliers[i];
        const RiskResult r = RiskEngine::evaluate(in, m, context->reference, now);
        s.score = r.score;
        s.tier = r.tier;
        s.classification = r.classification;
        s.zeroTolerance = r.zeroTolerance;
        s.coverage = r.coverage;
        s.gapCount = int(r.gaps.size());
        s.observations = int(in.observations.size());
        for (const RiskObservation& o : in.observations) {
            ++data.observations;
            ++data.observationsBySource[sourceLabels.value(o.sourceType, o.sourceType)];
            if (o.status == ObservationStatus::Present && !s.presentIndicators.contains(o.indicatorId))
                s.presentIndicators << o.indicatorId;
            if (o.date.isValid() && (!s.lastEvidence.isValid() || o.date > s.lastEvidence))
                s.lastEvidence = o.date;
        }
        for (const QString& id : std::as_const(s.presentIndicators))
            ++data.indicatorSuppliers[id];
        QStringList types;
        for (const RiskMitigation& mi : in.mitigations)
            if (!types.contains(mi.type))
                types << mi.type;
        for (const QString& t : std::as_const(types))
            ++data.mitigationSuppliers[t];
    }

    auto sites = scalar(db, QStringLiteral("SELECT count(*) FROM sites"));
    auto recruiters = scalar(db, QStringLiteral("SELECT count(*) FROM recruiters"));
    auto unlicensed = scalar(db, QStringLiteral("SELECT count(*) FROM recruiters WHERE licence_status = 'unlicensed'"));
    auto links = scalar(db, QStringLiteral("SELECT count(*) FROM supplier_recruiters"));
    for (const auto* r : {&sites, &recruiters, &unlicensed, &links})
        if (!*r)
            return r->error();
    data.sites = sites.value();
    data.recruiters = recruiters.value();
    data.unlicensedRecruiters = unlicensed.value();
    data.recruiterLinks = links.value();
    {
        QSqlQuery q(db.db());
        if (!q.exec(QStringLiteral("SELECT origin_country, destination_country, count(*) FROM supplier_recruiters "
                                   "GROUP BY origin_country, destination_country")))
            return Database::queryError(QStringLiteral("The recruitment corridors could not be read."), q);
        while (q.next())
            data.corridors.insert(q.value(0).toString() + QLatin1Char('>') + q.value(1).toString(), q.value(2).toInt());
    }
    if (Status st = readHistory(db, now, data); !st)
        return st.error();
    if (Status st = readCycle(db, now, {}, data.cycle, nullptr); !st)
        return st.error();
    return data;
}

Result<SupplierData> gatherSupplier(Database& db, const QString& supplierId, const QDateTime& now)
{
    auto context = loadScoringContext(db, now);
    if (!context)
        return context.error();
    const Methodology& m = context->methodology;
    SupplierData data;
    data.now = now;
    data.methodologyName = m.name;
    data.methodologyVersion = m.version;
    data.datasets = reportDatasets(context->reference);
    fillLabels(m, data.indicatorLabels, nullptr, data.mitigationLabels);
    for (const SourceTypeDef& st : m.sourceTypes)
        data.sourceLabels.insert(st.id, st.label);

    SupplierRepository suppliers(db);
    auto record = suppliers.record(supplierId);
    if (!record)
        return record.error();
    data.record = std::move(record).value();
    for (const Site& s : std::as_const(data.record.sites))
        data.siteNames.insert(s.id, s.name);
    for (const RecruiterLink& link : std::as_const(data.record.recruiters)) {
        auto r = suppliers.recruiter(link.recruiterId);
        if (!r)
            return r.error();
        data.recruiters.append(r.value());
    }
    RiskRepository risk(db);
    auto input = risk.input(supplierId);
    if (!input)
        return input.error();
    data.observations = input->observations;
    data.mitigations = input->mitigations;
    data.risk = RiskEngine::evaluate(input.value(), m, context->reference, now);
    QHash<QString, QString> siteNames; // the engine names sites by id: the report names them
    for (auto it = data.siteNames.cbegin(); it != data.siteNames.cend(); ++it)
        siteNames.insert(it.key(), it.value());
    nameSites(data.risk, siteNames);
    auto history = risk.history(supplierId);
    if (!history)
        return history.error();
    data.history = std::move(history).value();
    if (Status st = readCycle(db, now, supplierId, data.cycle, &data); !st)
        return st.error();
    return data;
}

} // namespace vigil::report
