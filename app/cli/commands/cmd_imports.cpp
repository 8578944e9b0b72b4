// vigil-cli imports list [-w FILE] [--json] | imports undo ID [-w FILE] [--force] [--json]
// | imports mappings [-w FILE] [--json]
#include "clicommand.h"

#include "importer/importhistory.h"
#include "importer/mappingprofiles.h"
#include "storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace vigil;
using namespace vigil::cli;

namespace {

const QString kUsage = QStringLiteral("imports list [-w FILE] [--json]\n"
                                      "       vigil-cli imports undo ID [-w FILE] [--force] [--json]\n"
                                      "       vigil-cli imports mappings [-w FILE] [--json]");

QJsonObject batchJson(const ImportBatch& b)
{
    return QJsonObject{{QStringLiteral("id"), b.id},
                       {QStringLiteral("file"), b.fileName},
                       {QStringLiteral("path"), b.filePath},
                       {QStringLiteral("sha256"), b.sha256},
                       {QStringLiteral("format"), b.format},
                       {QStringLiteral("started_at"), b.startedAt.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("finished_at"), b.finishedAt.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("who"), b.who},
                       {QStringLiteral("profile"), b.profile},
                       {QStringLiteral("rows"), b.rows},
                       {QStringLiteral("new"), b.newRows},
                       {QStringLiteral("matched"), b.matched},
                       {QStringLiteral("possible_duplicate"), b.possibleDuplicates},
                       {QStringLiteral("warning"), b.warnings},
                       {QStringLiteral("error"), b.errors},
                       {QStringLiteral("added"), b.added},
                       {QStringLiteral("updated"), b.updated},
                       {QStringLiteral("unchanged"), b.unchanged},
                       {QStringLiteral("held"), b.held},
                       {QStringLiteral("skipped"), b.skipped},
                       {QStringLiteral("undone_at"),
                        b.undoneAt.isValid() ? QJsonValue(b.undoneAt.toString(Qt::ISODateWithMs)) : QJsonValue()}};
}

int list(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON array."));
    parser.addOption(json);
    if (auto rc = ctx.parse(parser, args, kUsage))
        return *rc;
    auto db = Database::open(Context::workspacePath(parser));
    if (!db)
        return ctx.fail(db.error());
    auto batches = ImportHistory(*db.value()).list();
    if (!batches)
        return ctx.fail(batches.error());
    if (parser.isSet(json)) {
        QJsonArray a;
        for (const ImportBatch& b : batches.value())
            a.append(batchJson(b));
        ctx.out() << QJsonDocument(a).toJson(QJsonDocument::Indented);
    } else {
        for (const ImportBatch& b : batches.value()) {
            ctx.out() << b.id.left(8) << "  " << b.startedAt.toString(Qt::ISODate) << "  " << b.fileName << "  rows "
                      << b.rows << ": added " << b.added << ", updated " << b.updated << ", held " << b.held
                      << ", skipped " << b.skipped;
            if (b.undoneAt.isValid())
                ctx.out() << "  (undone " << b.undoneAt.toString(Qt::ISODate) << ")";
            ctx.out() << "\n";
        }
        if (batches->isEmpty())
            ctx.out() << "No imports in this workspace.\n";
    }
    ctx.out().flush();
    return ExitOk;
}

int undo(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    const QCommandLineOption force(QStringLiteral("force"),
                                   QStringLiteral("Undo even if suppliers of the import were changed since."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the result as JSON."));
    parser.addOptions({force, json});
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The import (its id or first 8 characters)."));
    if (auto rc = ctx.parse(parser, args, kUsage))
        return *rc;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("imports undo needs the id of one import (see: vigil-cli imports list)"));
    auto db = Database::open(Context::workspacePath(parser));
    if (!db)
        return ctx.fail(db.error());
    ImportHistory history(*db.value());
    auto r = history.undo(parser.positionalArguments().first(), parser.isSet(force));
    if (!r)
        return ctx.fail(r.error());
    if (parser.isSet(json))
        ctx.out() << QJsonDocument(QJsonObject{{QStringLiteral("removed"), r->removed},
                                               {QStringLiteral("restored"), r->restored},
                                               {QStringLiteral("undo_batch"), r->undoBatch}})
                         .toJson(QJsonDocument::Compact)
                  << "\n";
    else
        ctx.out() << "Undone: removed " << r->removed << " supplier(s) the import added, restored " << r->restored
                  << " it changed.\n";
    ctx.out().flush();
    return ExitOk;
}

int mappings(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON array."));
    parser.addOption(json);
    if (auto rc = ctx.parse(parser, args, kUsage))
        return *rc;
    auto db = Database::open(Context::workspacePath(parser));
    if (!db)
        return ctx.fail(db.error());
    auto profiles = MappingProfiles(*db.value()).list();
    if (!profiles)
        return ctx.fail(profiles.error());
    QJsonArray a;
    for (const MappingProfile& p : profiles.value()) {
        QJsonArray cols;
        for (int i = 0; i < p.header.size(); ++i)
            cols.append(QJsonObject{{QStringLiteral("header"), p.header.at(i)},
                                    {QStringLiteral("field"), fieldKey(p.mapping.field(i))}});
        a.append(QJsonObject{{QStringLiteral("name"), p.name}, {QStringLiteral("columns"), cols}});
        if (!parser.isSet(json)) {
            QStringList parts;
            for (int i = 0; i < p.header.size(); ++i)
                if (p.mapping.field(i) != ImportField::Ignore)
                    parts << QStringLiteral("%1 -> %2").arg(p.header.at(i), fieldKey(p.mapping.field(i)));
            ctx.out() << p.name << ": " << parts.join(QStringLiteral(", ")) << "\n";
        }
    }
    if (parser.isSet(json))
        ctx.out() << QJsonDocument(a).toJson(QJsonDocument::Indented);
    ctx.out().flush();
    return ExitOk;
}

int runImports(const QStringList& args, Context& ctx)
{
    return dispatchSubcommand(
        args, ctx,
        {{QStringLiteral("list"), list}, {QStringLiteral("undo"), undo}, {QStringLiteral("mappings"), mappings}},
        kUsage);
}

} // namespace

VIGIL_CLI_COMMAND("imports", "List past imports, undo one, list saved mappings", runImports);
