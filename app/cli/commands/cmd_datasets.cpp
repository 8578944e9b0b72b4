// vigil-cli datasets import|list|remove: the reference datasets a user imports for the risk engine (TIP tiers,
// Global Slavery Index, ITUC Global Rights Index, the company's own country and sector lists).
#include "clicommand.h"

#include "risk/datasetimport.h"
#include "risk/ilabdata.h"
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
    "datasets import [-w FILE] --format tip|gsi|ituc|company-country|company-sector --name NAME --edition EDITION\n"
    "                 [--id ID] [--publisher P] [--licence L] PATH\n"
    "       vigil-cli datasets list [-w FILE] [--json]\n"
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
    auto stored = RiskRepository(*db.value()).datasets();
    if (!stored)
        return ctx.fail(stored.error());
    QList<DatasetInfo> all{ilab::goodsDataset({}), ilab::findingsDataset({})};
    all += *stored;
    QJsonArray array;
    for (const DatasetInfo& d : all) {
        if (parser.isSet(json)) {
            array.append(QJsonObject{{QStringLiteral("id"), d.id},
                                     {QStringLiteral("name"), d.name},
                                     {QStringLiteral("edition"), d.edition},
                                     {QStringLiteral("publisher"), d.publisher},
                                     {QStringLiteral("licence"), d.licence},
                                     {QStringLiteral("source"), d.source},
                                     {QStringLiteral("bundled"), d.bundled},
                                     {QStringLiteral("loadedAt"), d.loadedAt.toString(Qt::ISODate)}});
        } else {
            ctx.out() << d.id << "  " << d.citation() << "  [" << (d.bundled ? QStringLiteral("bundled") : d.licence)
                      << "]\n";
        }
    }
    if (parser.isSet(json))
        ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
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
    return dispatchSubcommand(
        args, ctx,
        {{QStringLiteral("import"), import}, {QStringLiteral("list"), list}, {QStringLiteral("remove"), remove}},
        kUsage);
}

} // namespace

VIGIL_CLI_COMMAND("datasets", "Import, list or remove reference datasets (TIP, GSI, ITUC, company lists)", runDatasets);
