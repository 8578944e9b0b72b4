#include "risk/riskresult.h"

namespace vigil {

QString tierId(RiskTier tier)
{
    switch (tier) {
    case RiskTier::Low:
        return QStringLiteral("low");
    case RiskTier::Medium:
        return QStringLiteral("medium");
    case RiskTier::High:
        return QStringLiteral("high");
    case RiskTier::Critical:
        return QStringLiteral("critical");
    }
    return {};
}

QString tierLabel(RiskTier tier)
{
    QString id = tierId(tier);
    if (!id.isEmpty())
        id[0] = id.at(0).toUpper();
    return id;
}

std::optional<RiskTier> tierFromId(const QString& id)
{
    const QString key = id.trimmed().toLower();
    for (RiskTier t : {RiskTier::Low, RiskTier::Medium, RiskTier::High, RiskTier::Critical}) {
        if (tierId(t) == key)
            return t;
    }
    return std::nullopt;
}

QString classificationId(IloClassification c)
{
    switch (c) {
    case IloClassification::None:
        return QStringLiteral("none");
    case IloClassification::Review:
        return QStringLiteral("review");
    case IloClassification::PossibleForcedLabour:
        return QStringLiteral("possible_forced_labour");
    }
    return {};
}

QString classificationLabel(IloClassification c)
{
    switch (c) {
    case IloClassification::None:
        return QStringLiteral("No indicator found");
    case IloClassification::Review:
        return QStringLiteral("Review: indicator(s) found");
    case IloClassification::PossibleForcedLabour:
        return QStringLiteral("Possible forced labour (involuntariness and coercion at the same site)");
    }
    return {};
}

std::optional<IloClassification> classificationFromId(const QString& id)
{
    for (auto c : {IloClassification::None, IloClassification::Review, IloClassification::PossibleForcedLabour}) {
        if (classificationId(c) == id)
            return c;
    }
    return std::nullopt;
}

std::optional<GapKind> gapKindFromId(const QString& id)
{
    for (int k = int(GapKind::UnknownCountry); k <= int(GapKind::ExpiredMitigation); ++k) {
        if (gapKindId(GapKind(k)) == id)
            return GapKind(k);
    }
    return std::nullopt;
}

QString gapKindId(GapKind kind)
{
    switch (kind) {
    case GapKind::UnknownCountry:
        return QStringLiteral("unknown_country");
    case GapKind::MissingCountryData:
        return QStringLiteral("missing_country_data");
    case GapKind::UnknownSector:
        return QStringLiteral("unknown_sector");
    case GapKind::NoGoods:
        return QStringLiteral("no_goods");
    case GapKind::MigrantShareUnknown:
        return QStringLiteral("migrant_share_unknown");
    case GapKind::IndicatorNotAssessed:
        return QStringLiteral("indicator_not_assessed");
    case GapKind::StaleEvidence:
        return QStringLiteral("stale_evidence");
    case GapKind::UndatedEvidence:
        return QStringLiteral("undated_evidence");
    case GapKind::SiteNotRecorded:
        return QStringLiteral("site_not_recorded");
    case GapKind::UnknownIndicator:
        return QStringLiteral("unknown_indicator");
    case GapKind::UnknownSourceType:
        return QStringLiteral("unknown_source_type");
    case GapKind::UnknownMitigation:
        return QStringLiteral("unknown_mitigation");
    case GapKind::ExpiredMitigation:
        return QStringLiteral("expired_mitigation");
    }
    return {};
}

QString statusId(ObservationStatus s)
{
    switch (s) {
    case ObservationStatus::Present:
        return QStringLiteral("present");
    case ObservationStatus::Absent:
        return QStringLiteral("absent");
    case ObservationStatus::NotAssessed:
        return QStringLiteral("not_assessed");
    }
    return {};
}

std::optional<ObservationStatus> statusFromId(const QString& id)
{
    const QString key = id.trimmed().toLower();
    for (auto s : {ObservationStatus::Present, ObservationStatus::Absent, ObservationStatus::NotAssessed}) {
        if (statusId(s) == key)
            return s;
    }
    return std::nullopt;
}

} // namespace vigil
