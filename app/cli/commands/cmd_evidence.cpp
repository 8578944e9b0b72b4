// vigil-cli evidence add|list|mitigate|indicators: record what was found at a supplier (ILO, recruitment and
// child-labour indicators, with source, date and confidence) and the mitigations in place.
#include "clicommand.h"

#include "risk/methodology.h"
#include "risk/methodologystore.h"
#include "risk/riskjson.h"
#include "risk/riskrepository.h"
#include "storage/database.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace vigil;
using namespace vigil::cli;

namespace {

const QString kUsage = QStringLiteral(
    "evidence add [-w FILE] --supplier ID --indicator ID --status present|absent|not_assessed --source TYPE\n"
    "                 [--date YYYY-MM-DD] [--confidence 0..1] [--site ID] [--note TEXT] [--json]\n"
    "       vigil-cli evidence list [-w FILE] --supplier ID [--json]\n"
    "       vigil-cli evidence mitigate [-w FILE] --supplier ID --type TYPE [--date YYYY-MM-DD] [--note TEXT]\n"
    "       vigil-cli evidence indicators [-w FILE] [--json]");

QStringList ids(const Methodology& m, const char* what)
{
    QStringList list;
    if (qstrcmp(what, "indicators") == 0) {
        for (const auto& d : m.indicators)
            list << d.id;
    } else if (qstrcmp(what, "sources") == 0) {
        for (const auto& s : m.sourceTypes)
            list << s.id;
    } else {
        for (const auto& x : m.mitigations)
            list << x.id;
    }
    return list;
}

// What 'evidence indicators' lists: the active methodology of the workspace given with -w (which must open), else of
// the workspace from VIGIL_WORKSPACE or the default one when that file exists; else the bundled methodology, so that
// the list needs no workspace.
Result<Methodology> listedMethodology(const QCommandLineParser& parser)
{
    const QString path = Context::workspacePath(parser);
    if (!parser.isSet(QStringLiteral("workspace")) && !QFileInfo::exists(path))
        return Methodology::loadDefault();
    auto db = Database::open(path);
    if (!db)
        return db.error();
    return MethodologyStore(*db.value()).active();
}

int add(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    const QCommandLineOption supplier(QStringLiteral("supplier"), QStringLiteral("Supplier id."), QStringLiteral("ID"));
    const QCommandLineOption indicator(QStringLiteral("indicator"),
                                       QStringLiteral("Indicator id (see 'evidence "
                                                      "indicators')."),
                                       QStringLiteral("ID"));
    const QCommandLineOption status(QStringLiteral("status"), QStringLiteral("present, absent or not_assessed."),
                                    QStringLiteral("S"));
    const QCommandLineOption source(QStringLiteral("source"), QStringLiteral("Source type."), QStringLiteral("TYPE"));
    const QCommandLineOption date(QStringLiteral("date"), QStringLiteral("When the evidence was collected."),
                                  QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption confidence(QStringLiteral("confidence"), QStringLiteral("0..1 (default 1)."),
                                        QStringLiteral("X"));
    const QCommandLineOption site(QStringLiteral("site"), QStringLiteral("Site id (default: the supplier as a whole)."),
                                  QStringLiteral("ID"));
    const QCommandLineOption note(QStringLiteral("note"), QStringLiteral("A note (keep worker identities out)."),
                                  QStringLiteral("TEXT"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the observation as JSON."));
    parser.addOptions({supplier, indicator, status, source, date, confidence, site, note, json});
    if (auto rc = ctx.parse(parser, args, kUsage))
        return *rc;
    for (const auto* required : {&supplier, &indicator, &status, &source}) {
        if (!parser.isSet(*required))
            return ctx.usage(QStringLiteral("evidence add needs --%1").arg(required->names().constFirst()));
    }
    auto db = Database::open(Context::workspacePath(parser));
    if (!db)
        return ctx.fail(db.error());
    // The indicators and source types of the workspace's active methodology, not only the bundled one's.
    auto m = MethodologyStore(*db.value()).active();
    if (!m)
        return ctx.fail(m.error());
    RiskObservation o;
    o.indicatorId = parser.value(indicator);
    if (m->indicatorIndex(o.indicatorId) < 0)
        return ctx.usage(QStringLiteral("unknown indicator '%1'; one of: %2")
                             .arg(o.indicatorId, ids(*m, "indicators").join(QStringLiteral(", "))));
    const auto st = statusFromId(parser.value(status));
    if (!st)
        return ctx.usage(QStringLiteral("--status must be present, absent or not_assessed"));
    o.status = *st;
    o.sourceType = parser.value(source);
    if (!m->sourceType(o.sourceType))
        return ctx.usage(QStringLiteral("unknown source type '%1'; one of: %2")
                             .arg(o.sourceType, ids(*m, "sources").join(QStringLiteral(", "))));
    if (parser.isSet(date)) {
        o.date = QDate::fromString(parser.value(date), Qt::ISODate);
        if (!o.date.isValid())
            return ctx.usage(QStringLiteral("--date needs a date YYYY-MM-DD"));
    }
    if (parser.isSet(confidence)) {
        bool ok = false;
        o.confidence = parser.value(confidence).toDouble(&ok);
        if (!ok || o.confidence < 0 || o.confidence > 1)
            return ctx.usage(QStringLiteral("--confidence needs a number from 0 to 1"));
    }
    o.siteId = parser.value(site).trimmed();
    o.note = parser.value(note);
    RiskRepository repo(*db.value());
    repo.setActor(qEnvironmentVariable("USER", QStringLiteral("vigil-cli")));
    if (!o.siteId.isEmpty()) {
        // New evidence is recorded at one of the supplier's sites as it is now (the workspace keeps the site of older
        // observations when a site is removed, but nothing new is recorded at a removed site).
        auto sites = repo.siteNames(parser.value(supplier));
        if (!sites)
            return ctx.fail(sites.error());
        if (!sites->contains(o.siteId)) {
            QStringList known;
            for (auto it = sites->cbegin(); it != sites->cend(); ++it)
                known << QStringLiteral("%1 (%2)").arg(it.key(), it.value());
            known.sort();
            return ctx.usage(QStringLiteral("--site %1 is not a site of this supplier; its sites: %2")
                                 .arg(o.siteId, known.isEmpty() ? QStringLiteral("none") : known.join(", ")));
        }
    }
    auto id = repo.addObservation(parser.value(supplier), o);
    if (!id)
        return ctx.fail(id.error());
    o.id = *id;
    if (parser.isSet(json)) {
        SupplierRiskInput one;
        one.observations << o;
        ctx.out() << QJsonDocument(
                         riskjson::inputToJson(one).value(QStringLiteral("observations")).toArray().at(0).toObject())
                         .toJson(QJsonDocument::Indented);
    } else {
        ctx.out() << "Added observation " << o.id << ": " << o.indicatorId << " " << statusId(o.status) << " ("
                  << o.sourceType << ")\n";
    }
    return ExitOk;
}

int list(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    const QCommandLineOption supplier(QStringLiteral("supplier"), QStringLiteral("Supplier id."), QStringLiteral("ID"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({supplier, json});
    if (auto rc = ctx.parse(parser, args, kUsage))
        return *rc;
    if (!parser.isSet(supplier))
        return ctx.usage(QStringLiteral("evidence list needs --supplier"));
    auto db = Database::open(Context::workspacePath(parser));
    if (!db)
        return ctx.fail(db.error());
    RiskRepository repo(*db.value());
    auto in = repo.input(parser.value(supplier));
    if (!in)
        return ctx.fail(in.error());
    // An observation whose site was removed from the supplier keeps the site's id (it is still about that site).
    auto sites = repo.siteNames(parser.value(supplier));
    if (!sites)
        return ctx.fail(sites.error());
    const auto removed = [&](const RiskObservation& o) { return !o.siteId.isEmpty() && !sites->contains(o.siteId); };
    if (parser.isSet(json)) {
        const QJsonObject o = riskjson::inputToJson(*in);
        QJsonArray observations = o.value(QStringLiteral("observations")).toArray();
        for (int i = 0; i < observations.size() && i < in->observations.size(); ++i) {
            const RiskObservation& x = in->observations.at(i);
            if (x.siteId.isEmpty())
                continue;
            QJsonObject one = observations.at(i).toObject();
            one.insert(QStringLiteral("siteName"), observationSiteLabel(x.siteId, sites.value()));
            one.insert(QStringLiteral("siteRemoved"), removed(x));
            observations.replace(i, one);
        }
        ctx.out() << QJsonDocument(QJsonObject{{QStringLiteral("observations"), observations},
                                               {QStringLiteral("mitigations"), o.value(QStringLiteral("mitigations"))}})
                         .toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    for (const RiskObservation& o : in->observations)
        ctx.out() << o.id << "  " << (o.date.isValid() ? o.date.toString(Qt::ISODate) : QStringLiteral("undated"))
                  << "  " << o.indicatorId << "  " << statusId(o.status) << "  " << o.sourceType << "  "
                  << QString::number(o.confidence, 'g', 3)
                  << (o.siteId.isEmpty() ? QString()
                                         : QStringLiteral("  site %1 %2")
                                               .arg(o.siteId,
                                                    removed(o) ? removedSiteLabel()
                                                               : QStringLiteral("(%1)").arg(sites->value(o.siteId))))
                  << "\n";
    for (const RiskMitigation& x : in->mitigations)
        ctx.out() << x.id << "  " << (x.date.isValid() ? x.date.toString(Qt::ISODate) : QStringLiteral("undated"))
                  << "  mitigation " << x.type << "\n";
    ctx.out() << in->observations.size() << " observation(s), " << in->mitigations.size() << " mitigation(s)\n";
    return ExitOk;
}

int mitigate(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    const QCommandLineOption supplier(QStringLiteral("supplier"), QStringLiteral("Supplier id."), QStringLiteral("ID"));
    const QCommandLineOption type(QStringLiteral("type"), QStringLiteral("Mitigation type."), QStringLiteral("TYPE"));
    const QCommandLineOption date(QStringLiteral("date"), QStringLiteral("When it was verified."),
                                  QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption note(QStringLiteral("note"), QStringLiteral("A note."), QStringLiteral("TEXT"));
    parser.addOptions({supplier, type, date, note});
    if (auto rc = ctx.parse(parser, args, kUsage))
        return *rc;
    if (!parser.isSet(supplier) || !parser.isSet(type))
        return ctx.usage(QStringLiteral("evidence mitigate needs --supplier and --type"));
    auto db = Database::open(Context::workspacePath(parser));
    if (!db)
        return ctx.fail(db.error());
    auto m = MethodologyStore(*db.value()).active();
    if (!m)
        return ctx.fail(m.error());
    RiskMitigation x;
    x.type = parser.value(type);
    if (!m->mitigation(x.type))
        return ctx.usage(QStringLiteral("unknown mitigation type '%1'; one of: %2")
                             .arg(x.type, ids(*m, "mitigations").join(QStringLiteral(", "))));
    if (parser.isSet(date)) {
        x.date = QDate::fromString(parser.value(date), Qt::ISODate);
        if (!x.date.isValid())
            return ctx.usage(QStringLiteral("--date needs a date YYYY-MM-DD"));
    }
    x.note = parser.value(note);
    RiskRepository repo(*db.value());
    repo.setActor(qEnvironmentVariable("USER", QStringLiteral("vigil-cli")));
    auto id = repo.addMitigation(parser.value(supplier), x);
    if (!id)
        return ctx.fail(id.error());
    ctx.out() << "Added mitigation " << *id << ": " << x.type << "\n";
    return ExitOk;
}

int indicators(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(json);
    if (auto rc = ctx.parse(parser, args, kUsage))
        return *rc;
    auto m = listedMethodology(parser);
    if (!m)
        return ctx.fail(m.error());
    QJsonArray array;
    for (const IndicatorDef& d : m->indicators) {
        QStringList roles;
        if (d.involuntariness)
            roles << QStringLiteral("involuntariness");
        if (d.coercion)
            roles << QStringLiteral("coercion");
        if (parser.isSet(json)) {
            array.append(QJsonObject{{QStringLiteral("id"), d.id},
                                     {QStringLiteral("family"), d.family},
                                     {QStringLiteral("label"), d.label},
                                     {QStringLiteral("roles"), QJsonArray::fromStringList(roles)},
                                     {QStringLiteral("severity"), d.severity},
                                     {QStringLiteral("zeroTolerance"), d.zeroTolerance},
                                     {QStringLiteral("reference"), d.reference}});
        } else {
            ctx.out() << d.id << "  " << d.severity << (d.zeroTolerance ? " zero-tolerance" : "") << "  "
                      << (roles.isEmpty() ? QStringLiteral("-") : roles.join(QLatin1Char('+'))) << "  " << d.label
                      << "\n";
        }
    }
    if (parser.isSet(json))
        ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    else
        ctx.out() << "Sources: " << ids(*m, "sources").join(QStringLiteral(", "))
                  << "\nMitigations: " << ids(*m, "mitigations").join(QStringLiteral(", ")) << "\n";
    return ExitOk;
}

int runEvidence(const QStringList& args, Context& ctx)
{
    return dispatchSubcommand(args, ctx,
                              {{QStringLiteral("add"), add},
                               {QStringLiteral("list"), list},
                               {QStringLiteral("mitigate"), mitigate},
                               {QStringLiteral("indicators"), indicators}},
                              kUsage);
}

} // namespace

VIGIL_CLI_COMMAND("evidence", "Record indicators found at a supplier, and mitigations", runEvidence);
