#include "risk/methodology.h"

#include "risk/riskresult.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigil {

namespace {

// Collects the first error with the JSON path where it happened.
class Reader
{
public:
    explicit Reader(QString origin)
        : m_origin(std::move(origin))
    {
    }
    bool failed() const { return !m_error.message.isEmpty(); }
    Error error() const { return m_error; }

    void fail(const QString& path, const QString& what)
    {
        if (failed())
            return;
        m_error.message = QStringLiteral("The methodology document is not valid: %1. Fix the document or use the "
                                         "bundled default.")
                              .arg(what);
        m_error.file = m_origin;
        m_error.field = path;
    }

    double number(const QJsonObject& o, const QString& key, const QString& path, double min, double max,
                  std::optional<double> fallback = std::nullopt)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() && fallback)
            return *fallback;
        if (!v.isDouble()) {
            fail(path + QLatin1Char('.') + key, QStringLiteral("%1.%2 must be a number").arg(path, key));
            return min;
        }
        const double d = v.toDouble();
        if (d < min || d > max) {
            fail(path + QLatin1Char('.') + key,
                 QStringLiteral("%1.%2 = %3 is outside %4..%5").arg(path, key).arg(d).arg(min).arg(max));
            return min;
        }
        return d;
    }

    QString string(const QJsonObject& o, const QString& key, const QString& path, bool required = true)
    {
        const QJsonValue v = o.value(key);
        if (v.isString() && (!required || !v.toString().isEmpty()))
            return v.toString();
        if (v.isUndefined() && !required)
            return {};
        fail(path + QLatin1Char('.') + key, QStringLiteral("%1.%2 must be a non-empty text").arg(path, key));
        return {};
    }

    QJsonObject object(const QJsonObject& o, const QString& key, const QString& path)
    {
        const QJsonValue v = o.value(key);
        if (!v.isObject())
            fail(path + QLatin1Char('.') + key, QStringLiteral("%1.%2 must be an object").arg(path, key));
        return v.toObject();
    }

    QJsonArray array(const QJsonObject& o, const QString& key, const QString& path)
    {
        const QJsonValue v = o.value(key);
        if (!v.isArray())
            fail(path + QLatin1Char('.') + key, QStringLiteral("%1.%2 must be a list").arg(path, key));
        return v.toArray();
    }

    QHash<QString, double> labelMap(const QJsonObject& o, const QString& path, double min, double max)
    {
        QHash<QString, double> map;
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!it->isDouble() || it->toDouble() < min || it->toDouble() > max) {
                fail(path,
                     QStringLiteral("%1[\"%2\"] must be a number in %3..%4").arg(path, it.key()).arg(min).arg(max));
                break;
            }
            map.insert(it.key().toCaseFolded().simplified(), it->toDouble());
        }
        return map;
    }

private:
    QString m_origin;
    Error m_error;
};

std::optional<int> tierValue(const QString& id)
{
    const auto t = tierFromId(id);
    return t ? std::optional<int>(int(*t)) : std::nullopt;
}

} // namespace

std::optional<double> SignalRule::anchorFor(const QString& label, std::optional<double> numeric) const
{
    if (bands) {
        double v = 0;
        if (numeric) {
            v = *numeric;
        } else {
            bool ok = false;
            v = label.trimmed().toDouble(&ok);
            if (!ok)
                return std::nullopt;
        }
        for (const auto& band : bandLimits) {
            if (v < band.first)
                return band.second;
        }
        return lastBandAnchor;
    }
    QString key = label.toCaseFolded().simplified();
    if (key.isEmpty() && numeric)
        key = QString::number(*numeric);
    auto it = labels.constFind(key);
    if (it != labels.constEnd())
        return *it;
    if (prefixMatch) {
        // Longest label that the value starts with ("minimal advancement – efforts made ..." -> "minimal advancement").
        std::optional<double> best;
        int bestLength = 0;
        for (auto l = labels.cbegin(); l != labels.cend(); ++l) {
            if (key.startsWith(l.key()) && l.key().size() > bestLength) {
                best = l.value();
                bestLength = int(l.key().size());
            }
        }
        return best;
    }
    return std::nullopt;
}

const SourceTypeDef* Methodology::sourceType(const QString& id) const
{
    const int i = m_sourceIndex.value(id, -1);
    return i < 0 ? nullptr : &sourceTypes.at(i);
}

const MitigationDef* Methodology::mitigation(const QString& id) const
{
    const int i = m_mitigationIndex.value(id, -1);
    return i < 0 ? nullptr : &mitigations.at(i);
}

const SectorDef* Methodology::sector(const QString& idOrAlias) const
{
    const int i = m_sectorIndex.value(idOrAlias.toCaseFolded().simplified(), -1);
    return i < 0 ? nullptr : &sectors.at(i);
}

const SignalRule* Methodology::signalRule(const QString& kind) const
{
    const int i = m_signalIndex.value(kind, -1);
    return i < 0 ? nullptr : &countrySignals.at(i);
}

void Methodology::buildIndex()
{
    m_indicatorIndex.clear();
    m_sourceIndex.clear();
    m_mitigationIndex.clear();
    m_sectorIndex.clear();
    m_signalIndex.clear();
    for (int i = 0; i < indicators.size(); ++i) {
        IndicatorDef& d = indicators[i];
        m_indicatorIndex.insert(d.id, i);
        d.contributionFactor = QStringLiteral("indicator:") + d.id;
        d.notAssessedMessage
            = QStringLiteral("Not assessed: %1. Cover it in the questionnaire, the audit or worker interviews.")
                  .arg(d.label);
    }
    for (int i = 0; i < sourceTypes.size(); ++i)
        m_sourceIndex.insert(sourceTypes.at(i).id, i);
    for (int i = 0; i < mitigations.size(); ++i)
        m_mitigationIndex.insert(mitigations.at(i).id, i);
    for (int i = 0; i < countrySignals.size(); ++i)
        m_signalIndex.insert(countrySignals.at(i).kind, i);
    for (int i = 0; i < sectors.size(); ++i) {
        m_sectorIndex.insert(sectors.at(i).id.toCaseFolded(), i);
        m_sectorIndex.insert(sectors.at(i).label.toCaseFolded().simplified(), i);
        for (const auto& alias : sectors.at(i).aliases)
            m_sectorIndex.insert(alias.toCaseFolded().simplified(), i);
    }
}

Result<Methodology> Methodology::fromJson(const QByteArray& json, const QString& origin)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        Error e = makeError(QStringLiteral("The methodology document is not valid JSON (%1 at offset %2).")
                                .arg(parseError.errorString())
                                .arg(parseError.offset));
        e.file = origin;
        return e;
    }
    const QJsonObject root = doc.object();
    Reader r(origin);
    Methodology m;
    if (root.value(QLatin1String("format")).toString() != QLatin1String("vigil-methodology"))
        r.fail(QStringLiteral("format"), QStringLiteral("format must be \"vigil-methodology\""));
    if (root.value(QLatin1String("formatVersion")).toInt() != 1)
        r.fail(QStringLiteral("formatVersion"),
               QStringLiteral("formatVersion %1 is not supported (this version of "
                              "Vigil reads 1)")
                   .arg(root.value(QLatin1String("formatVersion")).toInt()));
    m.id = r.string(root, QStringLiteral("id"), QStringLiteral("$"));
    m.version = r.string(root, QStringLiteral("version"), QStringLiteral("$"));
    m.name = r.string(root, QStringLiteral("name"), QStringLiteral("$"));
    m.published = QDate::fromString(root.value(QLatin1String("published")).toString(), Qt::ISODate);

    // Inherent risk.
    const QJsonObject inh = r.object(root, QStringLiteral("inherent"), QStringLiteral("$"));
    m.inherentMaxPoints = r.number(inh, QStringLiteral("maxPoints"), QStringLiteral("inherent"), 0, 100);
    m.inherentCap = r.number(inh, QStringLiteral("cap"), QStringLiteral("inherent"), 1, 100);
    const QJsonObject country = r.object(inh, QStringLiteral("country"), QStringLiteral("inherent"));
    const QString cp = QStringLiteral("inherent.country");
    m.countryMin = r.number(country, QStringLiteral("min"), cp, 0, 100);
    m.countryMax = r.number(country, QStringLiteral("max"), cp, m.countryMin, 100);
    m.unknownCountryAnchor = r.number(country, QStringLiteral("unknownCountryAnchor"), cp, m.countryMin, m.countryMax);
    m.missingCountryDataAnchor = r.number(country, QStringLiteral("missingDataAnchor"), cp, m.countryMin, m.countryMax);
    const QJsonArray signalList = r.array(country, QStringLiteral("signals"), cp);
    for (int i = 0; i < signalList.size(); ++i) {
        const QJsonObject s = signalList.at(i).toObject();
        const QString sp = QStringLiteral("inherent.country.signals[%1]").arg(i);
        SignalRule rule;
        rule.kind = r.string(s, QStringLiteral("kind"), sp);
        rule.label = r.string(s, QStringLiteral("label"), sp);
        const QString type = r.string(s, QStringLiteral("type"), sp);
        rule.prefixMatch = s.value(QLatin1String("prefixMatch")).toBool();
        if (type == QLatin1String("labels")) {
            rule.labels = r.labelMap(r.object(s, QStringLiteral("labels"), sp), sp + QStringLiteral(".labels"),
                                     m.countryMin, m.countryMax);
        } else if (type == QLatin1String("bands")) {
            rule.bands = true;
            const QJsonArray bands = r.array(s, QStringLiteral("bands"), sp);
            double previous = -1e300;
            for (int b = 0; b < bands.size(); ++b) {
                const QJsonObject band = bands.at(b).toObject();
                const QString bp = sp + QStringLiteral(".bands[%1]").arg(b);
                const double anchor = r.number(band, QStringLiteral("anchor"), bp, m.countryMin, m.countryMax);
                if (band.contains(QLatin1String("below"))) {
                    const double below = r.number(band, QStringLiteral("below"), bp, -1e12, 1e12);
                    if (below <= previous || b == bands.size() - 1)
                        r.fail(bp,
                               QStringLiteral("%1: bands must ascend and end with a band without \"below\"").arg(bp));
                    previous = below;
                    rule.bandLimits.append({below, anchor});
                } else if (b != bands.size() - 1) {
                    r.fail(bp, QStringLiteral("%1: only the last band may omit \"below\"").arg(bp));
                } else {
                    rule.lastBandAnchor = anchor;
                }
            }
            if (bands.isEmpty())
                r.fail(sp, QStringLiteral("%1.bands is empty").arg(sp));
        } else {
            r.fail(sp + QStringLiteral(".type"), QStringLiteral("%1.type must be \"labels\" or \"bands\"").arg(sp));
        }
        m.countrySignals.append(rule);
    }

    const QJsonObject sector = r.object(inh, QStringLiteral("sector"), QStringLiteral("inherent"));
    const QString sp = QStringLiteral("inherent.sector");
    m.sectorMin = r.number(sector, QStringLiteral("min"), sp, 0, 100);
    m.sectorMax = r.number(sector, QStringLiteral("max"), sp, m.sectorMin, 100);
    m.unknownSectorAnchor = r.number(sector, QStringLiteral("unknownAnchor"), sp, m.sectorMin, m.sectorMax);
    m.companySectorSignalKind = sector.value(QLatin1String("companySignalKind")).toString();
    m.companySectorLabels = r.labelMap(sector.value(QLatin1String("companyLabels")).toObject(),
                                       sp + QStringLiteral(".companyLabels"), m.sectorMin, m.sectorMax);
    const QJsonArray sectorList = r.array(sector, QStringLiteral("sectors"), sp);
    for (int i = 0; i < sectorList.size(); ++i) {
        const QJsonObject s = sectorList.at(i).toObject();
        const QString p = QStringLiteral("inherent.sector.sectors[%1]").arg(i);
        SectorDef def;
        def.id = r.string(s, QStringLiteral("id"), p);
        def.label = r.string(s, QStringLiteral("label"), p);
        def.anchor = r.number(s, QStringLiteral("anchor"), p, m.sectorMin, m.sectorMax);
        def.ilabSector = r.string(s, QStringLiteral("ilabSector"), p, false);
        for (const auto& a : s.value(QLatin1String("aliases")).toArray())
            def.aliases.append(a.toString());
        m.sectors.append(def);
    }

    const QJsonObject goods = r.object(inh, QStringLiteral("goods"), QStringLiteral("inherent"));
    const QString gp = QStringLiteral("inherent.goods");
    m.goodsMax = r.number(goods, QStringLiteral("max"), gp, 0, 100);
    m.goodsExactForced = r.number(goods, QStringLiteral("exactForcedLabour"), gp, 0, m.goodsMax);
    m.goodsExactChild = r.number(goods, QStringLiteral("exactChildLabour"), gp, 0, m.goodsMax);
    m.goodsSectorForced = r.number(goods, QStringLiteral("sectorForcedLabour"), gp, 0, m.goodsMax);
    m.goodsSectorChild = r.number(goods, QStringLiteral("sectorChildLabour"), gp, 0, m.goodsMax);

    const QJsonObject workforce = r.object(root, QStringLiteral("workforce"), QStringLiteral("$"));
    m.migrantMaxPoints = r.number(workforce, QStringLiteral("migrantMaxPoints"), QStringLiteral("workforce"), 0, 100);
    m.unknownMigrantShare
        = r.number(workforce, QStringLiteral("unknownMigrantShare"), QStringLiteral("workforce"), 0, 1);

    // Evidence.
    const QJsonObject ev = r.object(root, QStringLiteral("evidence"), QStringLiteral("$"));
    const QString ep = QStringLiteral("evidence");
    m.evidenceMaxPoints = r.number(ev, QStringLiteral("maxPoints"), ep, 0, 100);
    m.uncertaintyPoints = r.number(ev, QStringLiteral("uncertaintyPoints"), ep, 0, 100);
    m.halfLifeDays = r.number(ev, QStringLiteral("halfLifeDays"), ep, 1, 100000);
    m.staleAfterDays = int(r.number(ev, QStringLiteral("staleAfterDays"), ep, 1, 100000));
    m.undatedDecay = r.number(ev, QStringLiteral("undatedDecay"), ep, 0, 1);
    m.minWeightForConclusion = r.number(ev, QStringLiteral("minWeightForConclusion"), ep, 0, 1);
    const QHash<QString, double> severities
        = r.labelMap(r.object(ev, QStringLiteral("severities"), ep), QStringLiteral("evidence.severities"), 0, 100);
    const QJsonArray sources = r.array(ev, QStringLiteral("sources"), ep);
    for (int i = 0; i < sources.size(); ++i) {
        const QJsonObject s = sources.at(i).toObject();
        const QString p = QStringLiteral("evidence.sources[%1]").arg(i);
        SourceTypeDef def;
        def.id = r.string(s, QStringLiteral("id"), p);
        def.label = r.string(s, QStringLiteral("label"), p);
        def.presentWeight = r.number(s, QStringLiteral("present"), p, 0, 1);
        def.absentWeight = r.number(s, QStringLiteral("absent"), p, 0, 1);
        m.sourceTypes.append(def);
    }
    if (m.sourceTypes.isEmpty())
        r.fail(QStringLiteral("evidence.sources"), QStringLiteral("evidence.sources is empty"));

    // Indicators.
    const QJsonArray indicators = r.array(root, QStringLiteral("indicators"), QStringLiteral("$"));
    for (int i = 0; i < indicators.size(); ++i) {
        const QJsonObject o = indicators.at(i).toObject();
        const QString p = QStringLiteral("indicators[%1]").arg(i);
        IndicatorDef def;
        def.id = r.string(o, QStringLiteral("id"), p);
        def.family = r.string(o, QStringLiteral("family"), p);
        def.iloNumber = o.value(QLatin1String("ilo")).toInt();
        def.label = r.string(o, QStringLiteral("label"), p);
        def.reference = r.string(o, QStringLiteral("reference"), p, false);
        for (const auto& role : o.value(QLatin1String("roles")).toArray()) {
            if (role.toString() == QLatin1String("involuntariness"))
                def.involuntariness = true;
            else if (role.toString() == QLatin1String("coercion"))
                def.coercion = true;
            else
                r.fail(p + QStringLiteral(".roles"),
                       QStringLiteral("%1.roles: unknown role \"%2\"").arg(p, role.toString()));
        }
        def.severity = r.string(o, QStringLiteral("severity"), p);
        if (!severities.contains(def.severity))
            r.fail(p + QStringLiteral(".severity"),
                   QStringLiteral("%1.severity \"%2\" is not in evidence.severities").arg(p, def.severity));
        def.severityPoints = severities.value(def.severity);
        def.zeroTolerance = o.value(QLatin1String("zeroTolerance")).toBool();
        m.indicators.append(def);
    }
    if (m.indicators.isEmpty())
        r.fail(QStringLiteral("indicators"), QStringLiteral("indicators is empty"));

    // Mitigation.
    const QJsonObject mit = r.object(root, QStringLiteral("mitigation"), QStringLiteral("$"));
    m.mitigationMaxPoints = r.number(mit, QStringLiteral("maxPoints"), QStringLiteral("mitigation"), 0, 100);
    m.mitigationCapWhileCriticalOpen
        = r.number(mit, QStringLiteral("capWhileCriticalOpen"), QStringLiteral("mitigation"), 0, m.mitigationMaxPoints);
    const QJsonArray factors = r.array(mit, QStringLiteral("factors"), QStringLiteral("mitigation"));
    for (int i = 0; i < factors.size(); ++i) {
        const QJsonObject o = factors.at(i).toObject();
        const QString p = QStringLiteral("mitigation.factors[%1]").arg(i);
        MitigationDef def;
        def.id = r.string(o, QStringLiteral("id"), p);
        def.label = r.string(o, QStringLiteral("label"), p);
        def.points = r.number(o, QStringLiteral("points"), p, 0, 100);
        def.validDays = int(r.number(o, QStringLiteral("validDays"), p, 0, 100000, 0.0));
        m.mitigations.append(def);
    }

    // Tiers.
    const QJsonObject tiers = r.object(root, QStringLiteral("tiers"), QStringLiteral("$"));
    const QJsonObject thresholds = r.object(tiers, QStringLiteral("thresholds"), QStringLiteral("tiers"));
    m.mediumThreshold = r.number(thresholds, QStringLiteral("medium"), QStringLiteral("tiers.thresholds"), 0, 100);
    m.highThreshold
        = r.number(thresholds, QStringLiteral("high"), QStringLiteral("tiers.thresholds"), m.mediumThreshold, 100);
    m.criticalThreshold
        = r.number(thresholds, QStringLiteral("critical"), QStringLiteral("tiers.thresholds"), m.highThreshold, 100);
    const QJsonObject floors = r.object(tiers, QStringLiteral("floors"), QStringLiteral("tiers"));
    const auto floorOf = [&](const char* key, int& target) {
        const auto v = tierValue(floors.value(QLatin1String(key)).toString());
        if (!v)
            r.fail(QStringLiteral("tiers.floors.") + QLatin1String(key),
                   QStringLiteral("tiers.floors.%1 must be low, medium, high or critical").arg(QLatin1String(key)));
        else
            target = *v;
    };
    floorOf("review", m.reviewFloor);
    floorOf("possible_forced_labour", m.possibleForcedLabourFloor);
    floorOf("zero_tolerance", m.zeroToleranceFloor);

    if (r.failed())
        return r.error();
    m.buildIndex();
    m.document = json;
    if (m.m_indicatorIndex.size() != m.indicators.size())
        return makeError(QStringLiteral("The methodology document lists an indicator id twice."));
    return m;
}

Result<Methodology> Methodology::loadDefault()
{
    QFile file(defaultResourcePath());
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("The bundled methodology is missing from this build of Vigil."),
                         file.errorString());
    return fromJson(file.readAll(), defaultResourcePath());
}

} // namespace vigil
