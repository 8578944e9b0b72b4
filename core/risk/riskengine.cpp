// Over 600 lines, knowingly: the engine is one pure function. The inherent-risk anchors are functions of their own
// (countryStep, sectorStep, goodsStep); evaluate() then runs the workforce, evidence, classification, zero-tolerance,
// mitigation and tier steps in the order of docs/methodology.md, sharing the intermediate figures they explain.
// Splitting evaluate() into one function per step is the next refactoring.
#include "risk/riskengine.h"

#include <QHash>

#include <algorithm>
#include <cmath>

// The steps follow docs/methodology.md, section "Formulas": inherent risk, workforce, evidence, classification,
// zero tolerance, mitigation, tier. Every step appends its contributions (whose points add up to the score) and
// its evidence gaps.

namespace vigil {

namespace {

double clamp01(double v)
{
    return std::isfinite(v) ? std::clamp(v, 0.0, 1.0) : 0.0;
}

double round1(double v)
{
    return std::round(v * 10.0) / 10.0;
}

QString num(double v)
{
    return QString::number(v, 'g', 4);
}

struct Step
{
    RiskResult& r;
    void add(QString factor, QString label, double value, double weight, double points, QString source, QDate date = {})
    {
        r.contributions.append(
            RiskContribution{std::move(factor), std::move(label), value, weight, points, std::move(source), date});
    }
    void gap(GapKind kind, QString subject, QString message)
    {
        r.gaps.append(EvidenceGap{kind, std::move(subject), std::move(message)});
    }
};

QString citation(const ReferenceData& ref, const QString& datasetId)
{
    return ref.citation(datasetId);
}

// True when the words of `key` contain the words of `good` in a row ("frozen shrimp" contains "shrimp").
bool containsWords(const QString& key, const QString& good)
{
    if (key == good)
        return true;
    if (good.isEmpty() || good.size() > key.size())
        return false;
    int from = 0;
    while (true) {
        const int at = int(key.indexOf(good, from));
        if (at < 0)
            return false;
        const int end = at + int(good.size());
        const bool startOk = at == 0 || key.at(at - 1) == QLatin1Char(' ');
        // The good's last word may be followed by a plural "s" in the key ("frozen shrimps").
        const bool endOk = end == key.size() || key.at(end) == QLatin1Char(' ')
            || (key.at(end) == QLatin1Char('s') && (end + 1 == key.size() || key.at(end + 1) == QLatin1Char(' ')));
        if (startOk && endOk)
            return true;
        from = at + 1;
    }
}

// Country anchor (1..6): the highest anchor among the loaded signals for the country.
double countryStep(const SupplierRiskInput& in, const QString& code, bool known, const Methodology& m,
                   const ReferenceData& ref, double perUnit, Step& s)
{
    if (!known) {
        const QString shown = in.country.trimmed().isEmpty() ? QStringLiteral("(none)") : in.country.trimmed();
        s.add(QStringLiteral("country"), QStringLiteral("Country unknown (%1): cautious default").arg(shown),
              m.unknownCountryAnchor, perUnit, m.unknownCountryAnchor * perUnit, QStringLiteral("methodology"));
        s.gap(GapKind::UnknownCountry, shown,
              QStringLiteral("The supplier's country \"%1\" is not an ISO 3166-1 country: a cautious default of %2 "
                             "(of %3) is used. Record the country.")
                  .arg(shown, num(m.unknownCountryAnchor), num(m.countryMax)));
        return m.unknownCountryAnchor;
    }
    struct Found
    {
        const CountrySignal* signal;
        const SignalRule* rule;
        double anchor;
    };
    QList<Found> found;
    for (const CountrySignal& sig : ref.signalsFor(code)) {
        const SignalRule* rule = m.signalRule(sig.kind);
        if (!rule)
            continue;
        if (auto a = rule->anchorFor(sig.label, sig.numeric))
            found.append({&sig, rule, std::clamp(*a, m.countryMin, m.countryMax)});
    }
    if (found.isEmpty()) {
        s.add(QStringLiteral("country"), QStringLiteral("No country data for %1: cautious default").arg(code),
              m.missingCountryDataAnchor, perUnit, m.missingCountryDataAnchor * perUnit, QStringLiteral("methodology"));
        s.gap(GapKind::MissingCountryData, code,
              QStringLiteral("No loaded dataset rates %1: a cautious default of %2 (of %3) is used, not a low "
                             "risk. Import a country dataset that covers it (TIP tiers, Global Slavery Index, ITUC "
                             "or the company's own list).")
                  .arg(code, num(m.missingCountryDataAnchor), num(m.countryMax)));
        return m.missingCountryDataAnchor;
    }
    // The first of the highest is decisive; the others are listed with no points (max rule).
    int decisive = 0;
    for (int i = 1; i < found.size(); ++i) {
        if (found.at(i).anchor > found.at(decisive).anchor)
            decisive = i;
    }
    for (int i = 0; i < found.size(); ++i) {
        const Found& f = found.at(i);
        const QString label = f.rule->label + QStringLiteral(": ") + f.signal->label;
        if (i == decisive)
            s.add(QStringLiteral("country"), label, f.anchor, perUnit, f.anchor * perUnit,
                  citation(ref, f.signal->datasetId));
        else
            s.add(QStringLiteral("country_signal:") + f.signal->kind, label + QStringLiteral(" (not decisive)"),
                  f.anchor, 0, 0, citation(ref, f.signal->datasetId));
    }
    return found.at(decisive).anchor;
}

double sectorStep(const SupplierRiskInput& in, const SectorDef* sector, const QString& code, const Methodology& m,
                  const ReferenceData& ref, double perUnit, Step& s)
{
    double anchor = sector ? sector->anchor : m.unknownSectorAnchor;
    QString label = sector ? QStringLiteral("Sector: %1").arg(sector->label) : QString();
    QString source = QStringLiteral("methodology");
    bool fromCompany = false;
    const QString raw = in.sector.trimmed().toCaseFolded();
    for (const SectorSignal& sig : ref.sectorSignals()) {
        if (!sig.country.isEmpty() && sig.country != code)
            continue;
        const SectorDef* other = m.sector(sig.sector);
        const bool same = sector ? other == sector : (!raw.isEmpty() && sig.sector.trimmed().toCaseFolded() == raw);
        if (!same)
            continue;
        const auto it = m.companySectorLabels.constFind(sig.label.toCaseFolded().simplified());
        if (it == m.companySectorLabels.constEnd())
            continue;
        const double a = std::clamp(*it, m.sectorMin, m.sectorMax);
        if (a > anchor || (!sector && !fromCompany)) {
            anchor = a;
            label = QStringLiteral("Sector %1: company risk list says %2").arg(in.sector.trimmed(), sig.label);
            source = citation(ref, sig.datasetId);
            fromCompany = true;
        }
    }
    if (!sector && !fromCompany) {
        const QString shown = in.sector.trimmed().isEmpty() ? QStringLiteral("(none)") : in.sector.trimmed();
        label = QStringLiteral("Sector unknown (%1): cautious default").arg(shown);
        s.gap(GapKind::UnknownSector, shown,
              QStringLiteral("The sector \"%1\" is not in the methodology: a cautious default of %2 (of %3) is used. "
                             "Choose one of the methodology's sectors.")
                  .arg(shown, num(m.unknownSectorAnchor), num(m.sectorMax)));
    }
    s.add(QStringLiteral("sector"), label, anchor, perUnit, anchor * perUnit, source);
    return anchor;
}

// Goods anchor (0..2): exact ILAB good x country listings weigh most, forced labour above child labour; a listing
// of another good of the same ILAB sector in the country counts for less.
double goodsStep(const SupplierRiskInput& in, const SectorDef* sector, const QString& code, bool known,
                 const Methodology& m, const ReferenceData& ref, double perUnit, Step& s)
{
    const bool noGoods
        = std::all_of(in.goods.cbegin(), in.goods.cend(), [](const QString& g) { return g.trimmed().isEmpty(); });
    if (noGoods)
        s.gap(GapKind::NoGoods, QString(),
              QStringLiteral("No goods or products are recorded: exact matches against the ILAB List of Goods are "
                             "not possible. Record what the supplier produces."));
    if (!known)
        return 0;
    double best = 0;
    const GoodListing* bestListing = nullptr;
    bool bestExact = false;
    QString bestGood;
    const QList<GoodListing>& listings = ref.goodsFor(code);
    for (const QString& good : in.goods) {
        const QString key = ReferenceData::goodKey(good);
        if (key.isEmpty())
            continue;
        for (const GoodListing& l : listings) {
            if (!containsWords(key, l.key))
                continue;
            const bool forced = l.forcedLabour || l.forcedChildLabour;
            const double v = forced ? m.goodsExactForced : (l.childLabour || l.derived ? m.goodsExactChild : 0.0);
            if (v > best) {
                best = v;
                bestListing = &l;
                bestExact = true;
                bestGood = good.trimmed();
            }
        }
    }
    if (sector && !sector->ilabSector.isEmpty()) {
        for (const GoodListing& l : listings) {
            if (l.ilabSector.compare(sector->ilabSector, Qt::CaseInsensitive) != 0)
                continue;
            const bool forced = l.forcedLabour || l.forcedChildLabour;
            const double v = forced ? m.goodsSectorForced : (l.childLabour ? m.goodsSectorChild : 0.0);
            if (v > best) {
                best = v;
                bestListing = &l;
                bestExact = false;
            }
        }
    }
    best = std::min(best, m.goodsMax);
    if (!bestListing)
        return 0;
    const bool forced = bestListing->forcedLabour || bestListing->forcedChildLabour;
    const QString kind = forced
        ? (bestListing->forcedChildLabour ? QStringLiteral("forced child labour") : QStringLiteral("forced labour"))
        : bestListing->childLabour ? QStringLiteral("child labour")
                                   : QStringLiteral("made with inputs listed in %1").arg(bestListing->derivedFrom);
    const QString label = bestExact
        ? QStringLiteral("Goods: %1 matches ILAB listing \"%2\" from %3 (%4)")
              .arg(bestGood, bestListing->good, code, kind)
        : QStringLiteral("Goods: %1 sector of %2 has ILAB-listed goods (%3, e.g. %4); no exact good match")
              .arg(sector->ilabSector, code, kind, bestListing->good);
    s.add(bestExact ? QStringLiteral("goods") : QStringLiteral("goods_sector"), label, best, perUnit, best * perUnit,
          citation(ref, bestListing->datasetId));
    return best;
}

struct IndicatorState
{
    const RiskObservation* bestPresent = nullptr;
    double presentQ = -1;
    double absentQ = -1;
    double bestAnyQ = 0;
    bool assessed = false;
    QDate newest;
    bool anyDated = false;
};

} // namespace

double RiskEngine::decay(const Methodology& m, const QDate& date, const QDate& today)
{
    if (!date.isValid())
        return m.undatedDecay;
    const qint64 age = std::max<qint64>(0, date.daysTo(today));
    return std::pow(0.5, double(age) / m.halfLifeDays);
}

ScoreBand RiskEngine::sensitivity(const SupplierRiskInput& input, const Methodology& m, const ReferenceData& ref,
                                  const QDateTime& now)
{
    // Copies of a Methodology share their lists and hashes (implicit sharing): only the defaults differ.
    Methodology favourable = m;
    favourable.unknownCountryAnchor = m.countryMin;
    favourable.missingCountryDataAnchor = m.countryMin;
    favourable.unknownSectorAnchor = m.sectorMin;
    favourable.unknownMigrantShare = 0;
    favourable.uncertaintyPoints = 0;
    Methodology unfavourable = m;
    unfavourable.unknownCountryAnchor = m.countryMax;
    unfavourable.missingCountryDataAnchor = m.countryMax;
    unfavourable.unknownSectorAnchor = m.sectorMax;
    unfavourable.unknownMigrantShare = 1;
    const RiskResult low = evaluate(input, favourable, ref, now);
    const RiskResult high = evaluate(input, unfavourable, ref, now);
    return ScoreBand{low.score, high.score, low.tier, high.tier};
}

RiskTier RiskEngine::tierForScore(const Methodology& m, double score)
{
    if (score >= m.criticalThreshold)
        return RiskTier::Critical;
    if (score >= m.highThreshold)
        return RiskTier::High;
    if (score >= m.mediumThreshold)
        return RiskTier::Medium;
    return RiskTier::Low;
}

RiskResult RiskEngine::evaluate(const SupplierRiskInput& in, const Methodology& m, const ReferenceData& ref,
                                const QDateTime& now)
{
    RiskResult r;
    r.supplierId = in.supplierId;
    r.methodologyId = m.id;
    r.methodologyVersion = m.version;
    r.contributions.reserve(16);
    r.gaps.reserve(m.indicators.size() + 4);
    Step s{r};
    const QDate today = now.toUTC().date();

    // 1. Inherent risk: country + sector + goods, capped (Sedex Radar-like anchors).
    const double perUnit = m.inherentCap > 0 ? m.inherentMaxPoints / m.inherentCap : 0;
    const QString code = in.country.trimmed().toUpper();
    const bool known = ref.isKnownCountry(code);
    const SectorDef* sector = m.sector(in.sector.trimmed());
    r.countryAnchor = countryStep(in, code, known, m, ref, perUnit, s);
    r.sectorAnchor = sectorStep(in, sector, code, m, ref, perUnit, s);
    r.goodsAnchor = goodsStep(in, sector, code, known, m, ref, perUnit, s);
    const double inherentRaw = r.countryAnchor + r.sectorAnchor + r.goodsAnchor;
    r.inherent = std::min(inherentRaw, m.inherentCap);
    if (inherentRaw > m.inherentCap)
        s.add(QStringLiteral("inherent_cap"), QStringLiteral("Inherent risk capped at %1").arg(num(m.inherentCap)),
              inherentRaw, perUnit, (m.inherentCap - inherentRaw) * perUnit, QStringLiteral("methodology"));

    // 2. Workforce: share of migrant workers.
    std::optional<double> share = in.migrantShare;
    if (!share && in.workers && in.migrantWorkers && *in.workers > 0)
        share = double(*in.migrantWorkers) / double(*in.workers);
    if (share && std::isfinite(*share)) {
        const double v = clamp01(*share);
        s.add(QStringLiteral("migrant_share"), QStringLiteral("Migrant workers: %1%").arg(num(v * 100)), v,
              m.migrantMaxPoints, v * m.migrantMaxPoints, QStringLiteral("supplier record"));
    } else {
        s.add(QStringLiteral("migrant_share"), QStringLiteral("Migrant share unknown: cautious default"),
              m.unknownMigrantShare, m.migrantMaxPoints, m.unknownMigrantShare * m.migrantMaxPoints,
              QStringLiteral("methodology"));
        s.gap(GapKind::MigrantShareUnknown, QString(),
              QStringLiteral("The share of migrant workers is unknown: %1% is assumed. Record worker numbers.")
                  .arg(num(m.unknownMigrantShare * 100)));
    }

    // 3. Evidence: one state per indicator from its observations.
    QVector<IndicatorState> states(m.indicators.size());
    for (const RiskObservation& o : in.observations) {
        const int idx = m.indicatorIndex(o.indicatorId);
        if (idx < 0) {
            s.gap(GapKind::UnknownIndicator, o.id,
                  QStringLiteral("Observation %1 names the indicator \"%2\", which this methodology does not know: "
                                 "it is ignored.")
                      .arg(o.id, o.indicatorId));
            continue;
        }
        if (o.status == ObservationStatus::NotAssessed)
            continue;
        const SourceTypeDef* src = m.sourceType(o.sourceType);
        double wPresent = 1, wAbsent = 1;
        if (src) {
            wPresent = src->presentWeight;
            wAbsent = src->absentWeight;
        } else {
            for (const SourceTypeDef& t : m.sourceTypes) {
                wPresent = std::min(wPresent, t.presentWeight);
                wAbsent = std::min(wAbsent, t.absentWeight);
            }
            s.gap(GapKind::UnknownSourceType, o.id,
                  QStringLiteral("Observation %1 has the source type \"%2\", which this methodology does not know: "
                                 "the lowest source weight is used.")
                      .arg(o.id, o.sourceType));
        }
        if (!o.date.isValid())
            s.gap(GapKind::UndatedEvidence, o.id,
                  QStringLiteral("Observation %1 has no date: it counts as old evidence. Record when it was made.")
                      .arg(o.id));
        const double q = (o.status == ObservationStatus::Present ? wPresent : wAbsent) * decay(m, o.date, today)
            * clamp01(o.confidence);
        IndicatorState& st = states[idx];
        st.assessed = true;
        st.bestAnyQ = std::max(st.bestAnyQ, q);
        if (o.date.isValid()) {
            st.anyDated = true;
            if (!st.newest.isValid() || o.date > st.newest)
                st.newest = o.date;
        }
        if (o.status == ObservationStatus::Present) {
            if (q > st.presentQ) {
                st.presentQ = q;
                st.bestPresent = &o;
            }
        } else {
            st.absentQ = std::max(st.absentQ, q);
        }
    }

    double severitySum = 0;
    for (const IndicatorDef& d : m.indicators)
        severitySum += d.severityPoints;
    double evidence = 0;
    double uncertainty = 0;
    int notAssessed = 0;
    int fresh = 0;
    double qualitySum = 0;
    bool criticalOpen = false;
    for (int i = 0; i < m.indicators.size(); ++i) {
        const IndicatorDef& d = m.indicators.at(i);
        const IndicatorState& st = states.at(i);
        const double u = severitySum > 0 ? m.uncertaintyPoints * d.severityPoints / severitySum : 0;
        if (st.bestPresent) {
            // A reported indicator never counts for less than not knowing.
            const double points = std::max(u, d.severityPoints * st.presentQ);
            evidence += points;
            const RiskObservation& o = *st.bestPresent;
            const QString where = o.siteId.isEmpty() ? QString() : QStringLiteral(" at site %1").arg(o.siteId);
            s.add(d.contributionFactor, QStringLiteral("%1 (%2)%3").arg(d.label, d.severity, where), d.severityPoints,
                  st.presentQ, points, QStringLiteral("observation:") + o.id, o.date);
            if (d.severity == QLatin1String("critical") || d.zeroTolerance)
                criticalOpen = true;
        } else if (st.assessed) {
            uncertainty += u * (1.0 - clamp01(st.absentQ));
        } else {
            uncertainty += u;
            ++notAssessed;
            s.gap(GapKind::IndicatorNotAssessed, d.id, d.notAssessedMessage);
        }
        if (st.assessed) {
            qualitySum += st.bestAnyQ;
            const bool stale = !st.anyDated || st.newest.daysTo(today) > m.staleAfterDays;
            if (stale)
                s.gap(GapKind::StaleEvidence, d.id,
                      QStringLiteral("The evidence on \"%1\" is older than %2 days (or undated): assess it again.")
                          .arg(d.label)
                          .arg(m.staleAfterDays));
            else
                ++fresh;
        }
    }
    if (uncertainty > 0)
        s.add(QStringLiteral("uncertainty"),
              QStringLiteral("Missing or weak evidence (") + QString::number(notAssessed) + QStringLiteral(" of ")
                  + QString::number(m.indicators.size()) + QStringLiteral(" indicators not assessed)"),
              uncertainty, 1, uncertainty, QStringLiteral("methodology"));
    if (evidence + uncertainty > m.evidenceMaxPoints)
        s.add(QStringLiteral("evidence_cap"),
              QStringLiteral("Evidence points capped at %1").arg(num(m.evidenceMaxPoints)), evidence + uncertainty, 1,
              m.evidenceMaxPoints - (evidence + uncertainty), QStringLiteral("methodology"));

    // 4. ILO classification. Any present indicator: review. Possible forced labour: an involuntariness indicator
    // and a (different) coercion indicator, both present with enough weight, at the same site. Observations without
    // a site are the supplier as one place: they pair with each other, not with a named site. A site is its id, whether
    // or not the supplier still lists it: observations at a removed site stay together, apart from the others.
    bool anyPresent = false;
    QHash<QString, QList<const RiskObservation*>> bySite;
    for (const RiskObservation& o : in.observations) {
        const int idx = m.indicatorIndex(o.indicatorId);
        if (idx < 0 || o.status != ObservationStatus::Present)
            continue;
        anyPresent = true;
        const SourceTypeDef* src = m.sourceType(o.sourceType);
        double w = src ? src->presentWeight : 0;
        if (!src) {
            w = 1;
            for (const SourceTypeDef& t : m.sourceTypes)
                w = std::min(w, t.presentWeight);
        }
        const double q = w * decay(m, o.date, today) * clamp01(o.confidence);
        if (q + 1e-9 < m.minWeightForConclusion)
            continue;
        bySite[o.siteId].append(&o);
        const IndicatorDef& d = m.indicators.at(idx);
        if (d.zeroTolerance && !r.zeroToleranceFindings.contains(d.id))
            r.zeroToleranceFindings.append(d.id);
    }
    const auto pairIn = [&](const QList<const RiskObservation*>& a, const QList<const RiskObservation*>& b) {
        for (const RiskObservation* x : a) {
            const IndicatorDef& dx = m.indicators.at(m.indicatorIndex(x->indicatorId));
            if (!dx.involuntariness)
                continue;
            for (const RiskObservation* y : b) {
                if (y->indicatorId != x->indicatorId && m.indicators.at(m.indicatorIndex(y->indicatorId)).coercion)
                    return true;
            }
        }
        return false;
    };
    r.classification = anyPresent ? IloClassification::Review : IloClassification::None;
    QStringList concludedSites;
    for (auto it = bySite.cbegin(); it != bySite.cend(); ++it) {
        if (pairIn(*it, *it))
            concludedSites.append(it.key().isEmpty() ? QStringLiteral("(supplier level)") : it.key());
    }
    concludedSites.sort();
    if (!concludedSites.isEmpty()) {
        r.classification = IloClassification::PossibleForcedLabour;
    } else if (bySite.contains(QString())) {
        const auto& unsited = bySite.value(QString());
        for (auto it = bySite.cbegin(); it != bySite.cend(); ++it) {
            if (!it.key().isEmpty() && (pairIn(unsited, *it) || pairIn(*it, unsited))) {
                s.gap(GapKind::SiteNotRecorded, it.key(),
                      QStringLiteral("Involuntariness and coercion indicators were found, one at site %1 and one with "
                                     "no site recorded: record the site to conclude whether they occurred together.")
                          .arg(it.key()));
            }
        }
    }
    r.zeroTolerance = !r.zeroToleranceFindings.isEmpty();

    // 5. Mitigation: the best credit per factor, capped; capped lower while a critical finding is open.
    QHash<QString, int> mitigationBest; // type -> index in contributions
    double credit = 0;
    for (const RiskMitigation& mit : in.mitigations) {
        const MitigationDef* def = m.mitigation(mit.type);
        if (!def) {
            s.gap(GapKind::UnknownMitigation, mit.id,
                  QStringLiteral("Mitigation %1 has the type \"%2\", which this methodology does not know: no credit.")
                      .arg(mit.id, mit.type));
            continue;
        }
        double factor = 0;
        if (!mit.date.isValid()) {
            factor = m.undatedDecay;
            s.gap(GapKind::UndatedEvidence, mit.id,
                  QStringLiteral("Mitigation %1 (%2) has no date: reduced credit. Record when it was verified.")
                      .arg(mit.id, def->label));
        } else if (def->validDays > 0) {
            factor = mit.date.daysTo(today) <= def->validDays ? 1.0 : 0.0;
            if (factor == 0)
                s.gap(GapKind::ExpiredMitigation, mit.id,
                      QStringLiteral("Mitigation %1 (%2) was verified more than %3 days ago: no credit. Verify it "
                                     "again.")
                          .arg(mit.id, def->label)
                          .arg(def->validDays));
        } else {
            factor = decay(m, mit.date, today);
        }
        const double points = def->points * factor;
        if (points <= 0)
            continue;
        auto it = mitigationBest.constFind(def->id);
        if (it != mitigationBest.constEnd()) {
            RiskContribution& c = r.contributions[*it];
            if (-c.points >= points)
                continue;
            credit -= -c.points;
            c = RiskContribution{QStringLiteral("mitigation:") + def->id, def->label, def->points, factor, -points,
                                 QStringLiteral("mitigation:") + mit.id,  mit.date};
        } else {
            mitigationBest.insert(def->id, int(r.contributions.size()));
            s.add(QStringLiteral("mitigation:") + def->id, def->label, def->points, factor, -points,
                  QStringLiteral("mitigation:") + mit.id, mit.date);
        }
        credit += points;
    }
    const double cap
        = criticalOpen ? std::min(m.mitigationCapWhileCriticalOpen, m.mitigationMaxPoints) : m.mitigationMaxPoints;
    if (credit > cap)
        s.add(QStringLiteral("mitigation_cap"),
              criticalOpen
                  ? QStringLiteral("Mitigation credit capped at %1 while a critical finding is open").arg(num(cap))
                  : QStringLiteral("Mitigation credit capped at %1").arg(num(cap)),
              credit, 1, credit - cap, QStringLiteral("methodology"));

    // 6. Score, clamped to 0..100.
    double score = 0;
    for (const RiskContribution& c : std::as_const(r.contributions))
        score += c.points;
    if (score < 0 || score > 100) {
        const double clamped = std::clamp(score, 0.0, 100.0);
        s.add(QStringLiteral("clamp"), QStringLiteral("Score kept within 0..100"), score, 1, clamped - score,
              QStringLiteral("methodology"));
        score = clamped;
    }

    // 7. Tier: thresholds, then escalation floors (review, possible forced labour, zero tolerance).
    r.scoreTier = tierForScore(m, score);
    RiskTier tier = r.scoreTier;
    const auto escalate = [&](int floor, const QString& why) {
        const RiskTier f = RiskTier(std::clamp(floor, 0, 3));
        if (f > tier)
            tier = f;
        r.escalations.append(why);
    };
    if (r.classification == IloClassification::Review)
        escalate(m.reviewFloor,
                 QStringLiteral("ILO indicator(s) present: review (at least %1)")
                     .arg(tierLabel(RiskTier(std::clamp(m.reviewFloor, 0, 3)))));
    if (r.classification == IloClassification::PossibleForcedLabour)
        escalate(m.possibleForcedLabourFloor,
                 QStringLiteral("Possible forced labour: involuntariness and coercion at %1 (at least %2)")
                     .arg(concludedSites.join(QStringLiteral(", ")),
                          tierLabel(RiskTier(std::clamp(m.possibleForcedLabourFloor, 0, 3)))));
    if (r.zeroTolerance)
        escalate(m.zeroToleranceFloor,
                 QStringLiteral("Zero-tolerance finding: %1 (%2)")
                     .arg(r.zeroToleranceFindings.join(QStringLiteral(", ")),
                          tierLabel(RiskTier(std::clamp(m.zeroToleranceFloor, 0, 3)))));
    r.tier = tier;
    if (tier > r.scoreTier) {
        const double floorScore = tier == RiskTier::Critical ? m.criticalThreshold
            : tier == RiskTier::High                         ? m.highThreshold
                                                             : m.mediumThreshold;
        if (floorScore > score) {
            s.add(QStringLiteral("escalation"), r.escalations.join(QStringLiteral("; ")), floorScore, 1,
                  floorScore - score, QStringLiteral("methodology"));
            score = floorScore;
        }
    }
    r.score = round1(score);

    // 8. Coverage and confidence.
    const int n = int(m.indicators.size());
    r.coverage = n > 0 ? double(fresh) / n : 0;
    double countryFactor = 1.0;
    if (!known)
        countryFactor = 0.5;
    else if (r.gaps.size() > 0 && r.gaps.constFirst().kind == GapKind::MissingCountryData)
        countryFactor = 0.75;
    r.confidence = std::round((n > 0 ? qualitySum / n : 0) * countryFactor * 1000.0) / 1000.0;
    r.coverage = std::round(r.coverage * 1000.0) / 1000.0;
    return r;
}

} // namespace vigil
