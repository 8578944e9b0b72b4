// vigil-cli export suppliers [-w FILE] [--format csv|xlsx|json] --out FILE
#include "clicommand.h"

#include "exporter/supplierexporter.h"
#include "storage/database.h"

#include <QFileInfo>

using namespace vigil;
using namespace vigil::cli;

namespace {

const QString kUsage = QStringLiteral("export suppliers [-w FILE] [--format csv|xlsx|json] --out FILE");

int runExport(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("csv (UTF-8 with BOM), xlsx or json. Default: from --out's "
                                                   "extension."),
                                    QStringLiteral("csv|xlsx|json"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("The file to write."), QStringLiteral("FILE"));
    parser.addOptions({format, out});
    parser.addPositionalArgument(QStringLiteral("WHAT"), QStringLiteral("What to export: suppliers."));
    if (auto rc = ctx.parse(parser, args, kUsage))
        return *rc;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1 || pos.first() != QLatin1String("suppliers"))
        return ctx.usage(QStringLiteral("export needs what to export: suppliers"));
    if (!parser.isSet(out))
        return ctx.usage(QStringLiteral("export needs --out FILE"));
    const QString path = parser.value(out);
    const QString formatText = parser.isSet(format) ? parser.value(format) : QFileInfo(path).suffix();
    const auto f = exportFormatFromString(formatText);
    if (!f)
        return ctx.usage(QStringLiteral("--format is csv, xlsx or json (got '%1')").arg(formatText));
    auto db = Database::open(Context::workspacePath(parser));
    if (!db)
        return ctx.fail(db.error());
    auto n = SupplierExporter(*db.value()).write(path, *f);
    if (!n)
        return ctx.fail(n.error());
    ctx.out() << "Exported " << n.value() << " supplier(s) to " << path << "\n";
    ctx.out().flush();
    return ExitOk;
}

} // namespace

VIGIL_CLI_COMMAND("export", "Export the supplier register as CSV, XLSX or JSON", runExport);
