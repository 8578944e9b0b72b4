// vigil-cli datasets import|list|use|remove: the reference datasets a user imports for the risk engine (TIP tiers,
// Global Slavery Index, ITUC Global Rights Index, the company's own country and sector lists), their editions and
// which edition of each scores use.
#include "clicommand.h"

#include "risk/datasetcatalog.h"
#include "risk/datasetimport.h"
#include "risk/ilabdata.h"
#include "risk/riskrepository.h"
#include "risk/scoring.h"
#include "storage/database.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

using namespace vigil;
using namespace vigil::cli;

namespace {

const QString kUsage = QStringLiteral(
    "datasets import [-w FILE] --format tip|gsi|ituc|company-country|company-sector --name NAME --edition EDITION\n"
    "                 [--id ID] [--publisher P] [--licence L] PATH\n"
    "       vigil-cli datasets list [-w FILE] [--json]\n"
    "       vigil-cli datasets use [-w FILE] DATASET [--edition EDITION | --latest] [--at YYYY-MM-DD]\n"
    "       vigil-cli datasets remove [-w FILE] ID");

int import(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("The dataset's format."),
                                    QStringLiteral("F"));
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("Dataset name shown beside scores."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption edition(QStringLiteral("edition"), QStringLiteral("Edition or year."),
                                     QStringLiteral("EDITION"));
    const QCommandLineOption id(QStringLiteral("id"), QStringLiteral("Dataset id (default: <format>_<edition>)."),
                                QStringLiteral("ID"));
    const QCommandLineOption publisher(QStringLiteral("publisher"), QStringLiteral("Publisher."), QStringLiteral("P"));
    const QCommandLineOption licence(QStringLiteral("licence"),
                                     QStringLiteral("Licence of your copy (default: imported by the user)."),
                                     QStringLiteral("L"));
    parser.addOptions({format, name, edition, id, publisher, licence});
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("CSV or XLSX file."));
    if (auto rc = ctx.parse(parser, args, kUsage))
        return *rc;
    const auto fmt = datasetFormatFromId(parser.value(format));
    if (!fmt)
        return ctx.usage(
            QStringLiteral("--format must be one of: %1").arg(datasetFormatIds().join(QStringLiteral(", "))));
    if (!parser.isSet(name) || !parser.isSet(edition))
        return ctx.usage(QStringLiteral("datasets import needs --name and --edition"));
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("datasets import needs one file"));
    const QString path = parser.positionalArguments().constFirst();
    auto parsed = readDatasetFile(path, *fmt);
    if (!parsed)
        return ctx.fail(parsed.error());
    for (const Error& e : parsed->problems)
        ctx.err() << "vigil-cli: warning: " << e.toString() << "\n";
    if (parsed->countrySignals.isEmpty() && parsed->sectorSignals.isEmpty())
        return ctx.fail(QStringLiteral("%1: no usable row; nothing was imported.").arg(path));
    DatasetInfo info;
    info.id = parser.isSet(id) ? parser.value(id)
                               : datasetFormatId(*fmt) + QLatin1Char('_') + parser.value(edition).simplified();
    if (info.id == ilab::goodsDataset({}).id || info.id == ilab::findingsDataset({}).id)
        return ctx.usage(QStringLiteral("the id %1 belongs to bundled data; choose another --id").arg(info.id));
    info.name = parser.value(name);
    info.edition = parser.value(edition);
    info.publisher = parser.value(publisher);
    info.licence = parser.isSet(licence) ? parser.value(licence) : QStringLiteral("Imported by the user");
    info.source = QFileInfo(path).fileName();
    info.loadedAt = QDateTime::currentDateTimeUtc();
    auto db = Database::open(Context::workspacePath(parser));
    if (!db)
        return ctx.fail(db.error());
    if (Status st = RiskRepository(*db.value()).saveDataset(info, parsed->countrySignals, parsed->sectorSignals); !st)
        return ctx.fail(st.error());
    ctx.out() << "Imported dataset " << info.id << " (" << info.citation()
              << "): " << parsed->countrySignals.size() + parsed->sectorSignals.size() << " signal(s) from "
              << parsed->rowsRead << " row(s), " << parsed->problems.size() << " row(s) skipped. Run 'vigil-cli "
              << "score' to rescore.\n";
    // Which edition of the family scores will use: a choice made earlier holds over a newer import.
    if (auto families = DatasetCatalog(*db.value()).families()) {
        const QString family = DatasetCatalog::familyOf(info);
        for (const DatasetFamily& f : *families)
            if (f.id == family && f.editions.size() > 1)
                ctx.out() << family << ": scores use " << f.activeId
                          << (f.chosen ? QStringLiteral(" (chosen; 'vigil-cli datasets use %1 --latest' follows the "
                                                        "latest edition)")
                                             .arg(family)
                                       : QStringLiteral(" (the latest edition)"))
                          << ".\n";
    }
    return ExitOk;
}

int list(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(json);
    if (auto rc = ctx.parse(parser, args, kUsage))
        return *rc;
    auto db = Database::open(Context::workspacePath(parser));
    if (!db)
        return ctx.fail(db.error());
    auto families = DatasetCatalog(*db.value()).families();
    if (!families)
        return ctx.fail(families.error());
    QJsonArray array;
    for (const DatasetFamily& f : *families) {
        if (!parser.isSet(json)) {
            ctx.out() << f.id << ": " << f.editions.constFirst().info.name << "\n";
        }
        for (const DatasetEdition& e : f.editions) {
            const DatasetInfo& d = e.info;
            if (parser.isSet(json)) {
                array.append(QJsonObject{{QStringLiteral("id"), d.id},
                                         {QStringLiteral("family"), f.id},
                                         {QStringLiteral("name"), d.name},
                                         {QStringLiteral("edition"), d.edition},
                                         {QStringLiteral("publisher"), d.publisher},
                                         {QStringLiteral("licence"), d.licence},
                                         {QStringLiteral("source"), d.source},
                                         {QStringLiteral("bundled"), d.bundled},
                                         {QStringLiteral("loadedAt"), d.loadedAt.toString(Qt::ISODate)},
                                         {QStringLiteral("active"), e.active},
                                         {QStringLiteral("chosen"), e.active && f.chosen}});
                continue;
            }
            QString state;
            if (e.active)
                state = f.chosen ? QStringLiteral("  ACTIVE (chosen %1%2)")
                                       .arg(f.chosenAt.toString(Qt::ISODate),
                                            f.chosenBy.isEmpty() ? QString() : QStringLiteral(" by ") + f.chosenBy)
                                 : QStringLiteral("  ACTIVE (latest edition)");
            ctx.out() << (e.active ? "  * " : "    ") << d.id << "  "
                      << (d.edition.isEmpty() ? QStringLiteral("(no edition)") : d.edition) << "  ["
                      << (d.bundled ? QStringLiteral("bundled") : d.licence) << "]" << state << "\n";
        }
    }
    if (parser.isSet(json))
        ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    return ExitOk;
}

// Latest stored tier of every supplier.
QHash<QString, QString> storedTiers(Database& db)
{
    QHash<QString, QString> tiers;
    QSqlQuery q(db.db());
    if (q.exec(QStringLiteral("SELECT supplier_id, tier FROM risk_scores")))
        while (q.next())
            tiers.insert(q.value(0).toString(), q.value(1).toString());
    return tiers;
}

int use(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    const QCommandLineOption edition(QStringLiteral("edition"),
                                     QStringLiteral("The edition to use (its edition text, year or dataset id)."),
                                     QStringLiteral("EDITION"));
    const QCommandLineOption latest(QStringLiteral("latest"),
                                    QStringLiteral("Use the latest edition, also after later imports (no choice)."));
    const QCommandLineOption at(QStringLiteral("at"), QStringLiteral("Rescore as of this date (default: now)."),
                                QStringLiteral("YYYY-MM-DD"));
    parser.addOptions({edition, latest, at});
    parser.addPositionalArgument(QStringLiteral("DATASET"), QStringLiteral("A dataset family or dataset id."));
    if (auto rc = ctx.parse(parser, args, kUsage))
        return *rc;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("datasets use needs one dataset (a family such as tip, or a dataset id)"));
    if (parser.isSet(edition) && parser.isSet(latest))
        return ctx.usage(QStringLiteral("give --edition or --latest, not both"));
    QDateTime now = QDateTime::currentDateTimeUtc();
    if (parser.isSet(at)) {
        const QDate d = QDate::fromString(parser.value(at), Qt::ISODate);
        if (!d.isValid())
            return ctx.usage(QStringLiteral("--at needs a date YYYY-MM-DD"));
        now = QDateTime(d, QTime(12, 0), Qt::UTC);
    }
    auto db = Database::open(Context::workspacePath(parser));
    if (!db)
        return ctx.fail(db.error());
    Database& database = *db.value();
    DatasetCatalog catalog(database);
    catalog.setActor(QStringLiteral("cli"));
    const QString target = parser.positionalArguments().constFirst();
    QString family;
    QString datasetId;
    if (parser.isSet(latest)) {
        auto families = catalog.families();
        if (!families)
            return ctx.fail(families.error());
        for (const DatasetFamily& f : *families)
            if (f.id == target || std::any_of(f.editions.cbegin(), f.editions.cend(), [&](const DatasetEdition& e) {
                    return e.info.id == target;
                }))
                family = f.id;
        if (family.isEmpty())
            return ctx.fail(QStringLiteral("There is no dataset or dataset family \"%1\"; see 'vigil-cli datasets "
                                           "list'.")
                                .arg(target));
    } else {
        auto chosen = catalog.resolve(target, parser.value(edition));
        if (!chosen)
            return ctx.fail(chosen.error());
        family = DatasetCatalog::familyOf(*chosen);
        datasetId = chosen->id;
    }

    const QHash<QString, QString> before = storedTiers(database);
    qint64 scored = 0;
    Status st = catalog.chooseAndRescore({{family, datasetId}}, [&]() -> Status {
        auto context = loadScoringContext(database, now);
        if (!context)
            return context.error();
        auto results = scoreWorkspace(database, *context, now);
        if (!results)
            return results.error();
        scored = results->scored;
        return {};
    });
    if (!st)
        return ctx.fail(st.error());
    const QHash<QString, QString> after = storedTiers(database);
    qsizetype changed = 0;
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        if (before.contains(it.key()) && before.value(it.key()) != it.value())
            ++changed;
    auto families = catalog.families();
    if (!families)
        return ctx.fail(families.error());
    for (const DatasetFamily& f : *families) {
        if (f.id != family)
            continue;
        const DatasetEdition* active = f.active();
        ctx.out() << f.id << ": now using " << (active ? active->info.citation() : f.activeId) << " (" << f.activeId
                  << ", " << (f.chosen ? "chosen" : "the latest edition") << ").\n";
    }
    ctx.out() << "Rescored " << scored << " supplier(s); " << changed << " changed tier.\n";
    return ExitOk;
}

int remove(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("Dataset id."));
    if (auto rc = ctx.parse(parser, args, kUsage))
        return *rc;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("datasets remove needs one dataset id"));
    auto db = Database::open(Context::workspacePath(parser));
    if (!db)
        return ctx.fail(db.error());
    RiskRepository repo(*db.value());
    auto stored = repo.datasets();
    if (!stored)
        return ctx.fail(stored.error());
    const QString target = parser.positionalArguments().constFirst();
    if (std::none_of(stored->cbegin(), stored->cend(), [&](const DatasetInfo& d) { return d.id == target; }))
        return ctx.fail(
            QStringLiteral("There is no imported dataset %1 (bundled datasets cannot be removed).").arg(target));
    if (Status st = repo.removeDataset(target); !st)
        return ctx.fail(st.error());
    ctx.out() << "Removed dataset " << target << ". Run 'vigil-cli score' to rescore.\n";
    return ExitOk;
}

int runDatasets(const QStringList& args, Context& ctx)
{
    return dispatchSubcommand(args, ctx,
                              {{QStringLiteral("import"), import},
                               {QStringLiteral("list"), list},
                               {QStringLiteral("use"), use},
                               {QStringLiteral("remove"), remove}},
                              kUsage);
}

} // namespace

VIGIL_CLI_COMMAND("datasets",
                  "Import, list, choose the edition of, or remove reference datasets (TIP, GSI, ITUC, company lists)",
                  runDatasets);
