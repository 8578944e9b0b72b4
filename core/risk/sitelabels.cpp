#include "risk/sitelabels.h"

#include "risk/riskinput.h"

#include <QRegularExpression>

namespace vigil {

namespace {

QString siteText(const QString& id, const QHash<QString, QString>& siteNames)
{
    const auto it = siteNames.constFind(id.toLower());
    return it != siteNames.cend() ? QStringLiteral("site “%1”").arg(it.value()) : removedSiteLabel();
}

// Replaces each match's id (capture 1) and what precedes it in the match by the site's text.
QString replaceIds(const QString& text, const QRegularExpression& re, const QHash<QString, QString>& siteNames)
{
    QString out;
    qsizetype from = 0;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(from, m.capturedStart(0) - from);
        out += siteText(m.captured(1), siteNames);
        from = m.capturedEnd(0);
    }
    if (from == 0)
        return text;
    out += QStringView(text).mid(from);
    return out;
}

#define VIGIL_UUID "([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})"

// "site <id>" in labels and gap messages (other ids there, of observations and mitigations, are not sites).
const QRegularExpression& siteId()
{
    static const QRegularExpression re(QStringLiteral("\\bsite " VIGIL_UUID "\\b"));
    return re;
}

// In an escalation every id is a site: the list of sites where involuntariness and coercion were found together.
const QRegularExpression& bareId()
{
    static const QRegularExpression re(QStringLiteral("\\b" VIGIL_UUID "\\b"));
    return re;
}

#undef VIGIL_UUID

bool mayNameSite(const QString& text)
{
    return text.contains(QLatin1Char('-')); // an id has four
}

QHash<QString, QString> lowerKeys(const QHash<QString, QString>& siteNames)
{
    QHash<QString, QString> names; // ids compared in lower case
    for (auto it = siteNames.cbegin(); it != siteNames.cend(); ++it)
        names.insert(it.key().toLower(), it.value());
    return names;
}

} // namespace

QString siteLabel(const QString& siteId, const QHash<QString, QString>& siteNames)
{
    if (const auto it = siteNames.constFind(siteId); it != siteNames.cend())
        return QStringLiteral("site “%1”").arg(it.value());
    return siteText(siteId, lowerKeys(siteNames)); // another case, or a removed site
}

void nameSites(RiskResult& result, const QHash<QString, QString>& siteNames)
{
    const QHash<QString, QString> names = lowerKeys(siteNames);
    for (RiskContribution& c : result.contributions) {
        if (!mayNameSite(c.label))
            continue;
        // The escalation's label is the escalations joined.
        c.label = c.factor == QLatin1String("escalation") ? replaceIds(c.label, bareId(), names)
                                                          : replaceIds(c.label, siteId(), names);
    }
    for (EvidenceGap& g : result.gaps)
        if (mayNameSite(g.message))
            g.message = replaceIds(g.message, siteId(), names);
    for (QString& e : result.escalations)
        if (mayNameSite(e))
            e = replaceIds(e, bareId(), names);
}

} // namespace vigil
