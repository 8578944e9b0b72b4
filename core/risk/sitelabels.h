#pragma once

#include "risk/riskresult.h"

#include <QHash>
#include <QString>

namespace vigil {

// The risk engine has no site names: it speaks of a site by its id, in a contribution's label ("… at site <id>"), in
// a "site not recorded" gap ("one at site <id> and one with no site recorded") and in the sites a possible-forced-
// labour escalation lists. What a person reads (the supplier's risk pane, reports, vigil-cli) names the site
// instead: site “<name>” from `siteNames` (site id -> name, the supplier's sites), or removedSiteLabel() when the id
// names none of them (an observation keeps the id of a site removed since, schema 10). Results are stored with the
// ids, so a site renamed or removed reads right at once, without rescoring.
// nameSites() does so in every contribution label, gap message and escalation of `result`.
void nameSites(RiskResult& result, const QHash<QString, QString>& siteNames);
// The same text for one site id (a "site not recorded" gap's subject, which nameSites() leaves as the id): site
// “<name>”, or removedSiteLabel(). Ids match in any case.
QString siteLabel(const QString& siteId, const QHash<QString, QString>& siteNames);

} // namespace vigil
