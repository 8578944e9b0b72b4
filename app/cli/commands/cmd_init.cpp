// vigil-cli init [-w FILE] [--sample]
#include "clicommand.h"

#include "storage/workspace.h"

#include <QDir>
#include <QFileInfo>

using namespace vigil;
using namespace vigil::cli;

static int runInit(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    const QCommandLineOption sample(QStringLiteral("sample"), QStringLiteral("Fill it with the sample portfolio."));
    parser.addOption(sample);
    if (auto rc = ctx.parse(parser, args, QStringLiteral("init [-w FILE] [--sample]")))
        return *rc;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(QStringLiteral("init takes no arguments besides its options"));
    const QString path = Context::workspacePath(parser);
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto db = workspace::create(path);
    if (!db)
        return ctx.fail(db.error());
    int suppliers = 0;
    if (parser.isSet(sample)) {
        auto n = workspace::addSample(*db.value());
        if (!n)
            return ctx.fail(n.error());
        suppliers = n.value();
    }
    ctx.out() << "Created workspace " << QDir::toNativeSeparators(db.value()->path()) << " (schema "
              << db.value()->schemaVersion() << ")";
    if (suppliers > 0)
        ctx.out() << " with " << suppliers << " sample suppliers";
    ctx.out() << "\n";
    return ExitOk;
}

VIGIL_CLI_COMMAND("init", "Create a new workspace (--sample fills it with the sample portfolio, scored)", runInit);
