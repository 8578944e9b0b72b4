// vigil-cli check [-w FILE] [--json]
#include "clicommand.h"

#include "storage/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace vigil;
using namespace vigil::cli;

static int runCheck(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the report as JSON."));
    parser.addOption(json);
    if (auto rc = ctx.parse(parser, args, QStringLiteral("check [-w FILE] [--json]")))
        return *rc;
    auto db = Database::open(Context::workspacePath(parser));
    if (!db)
        return ctx.fail(db.error());
    auto report = workspace::check(*db.value());
    if (!report)
        return ctx.fail(report.error());
    const workspace::CheckReport& r = report.value();
    if (parser.isSet(json)) {
        QJsonObject o{{QStringLiteral("workspace"), db.value()->path()},
                      {QStringLiteral("schema_version"), r.schemaVersion},
                      {QStringLiteral("latest_schema_version"), r.latestVersion},
                      {QStringLiteral("suppliers"), r.suppliers},
                      {QStringLiteral("change_log_entries"), r.changeLogEntries},
                      {QStringLiteral("problems"), QJsonArray::fromStringList(r.problems)},
                      {QStringLiteral("ok"), r.problems.isEmpty()}};
        ctx.out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        ctx.out() << "Workspace:       " << db.value()->path() << "\n"
                  << "Schema version:  " << r.schemaVersion << " (this Vigil: " << r.latestVersion << ")\n"
                  << "Suppliers:       " << r.suppliers << "\n"
                  << "Change log:      " << r.changeLogEntries << " entries\n";
        if (r.problems.isEmpty())
            ctx.out() << "Integrity:       ok\n";
        for (const QString& p : r.problems)
            ctx.out() << "Problem:         " << p << "\n";
    }
    ctx.out().flush();
    if (!r.problems.isEmpty())
        return ctx.fail(QStringLiteral("the workspace has %1 problem(s)").arg(r.problems.size()));
    return ExitOk;
}

VIGIL_CLI_COMMAND("check", "Check a workspace: integrity, schema version, change-log consistency", runCheck);
