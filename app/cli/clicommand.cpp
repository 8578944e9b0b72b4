#include "clicommand.h"

#include <QDir>
#include <QStandardPaths>
#include <QtGlobal>

#include <cstdio>

namespace vigil::cli {

Context::Context()
    : m_out(stdout)
    , m_err(stderr)
{
}

void Context::addWorkspaceOption(QCommandLineParser& parser)
{
    parser.addOption(QCommandLineOption(
        {QStringLiteral("w"), QStringLiteral("workspace")},
        QStringLiteral("Workspace file (.vigil). Default: $VIGIL_WORKSPACE, else %1.").arg(defaultWorkspacePath()),
        QStringLiteral("FILE")));
}

QString Context::defaultWorkspacePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("default.vigil"));
}

QString Context::workspacePath(const QCommandLineParser& parser)
{
    if (parser.isSet(QStringLiteral("workspace")))
        return parser.value(QStringLiteral("workspace"));
    const QString env = qEnvironmentVariable("VIGIL_WORKSPACE");
    if (!env.isEmpty())
        return env;
    return defaultWorkspacePath();
}

std::optional<int> Context::parse(QCommandLineParser& parser, const QStringList& args, const QString& usageText)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(help);
    // args[0], the command name, stands where parse() expects the program name.
    if (!parser.parse(args)) {
        m_err << "vigil-cli " << args.value(0) << ": " << parser.errorText() << "\n"
              << "usage: vigil-cli " << usageText << "\n";
        m_err.flush();
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        m_out << "usage: vigil-cli " << usageText << "\n\n" << parser.helpText().section(QLatin1Char('\n'), 2);
        m_out.flush();
        return ExitOk;
    }
    return std::nullopt;
}

int Context::fail(const QString& message)
{
    m_err << "vigil-cli: " << message << "\n";
    m_err.flush();
    return ExitFailure;
}

int Context::fail(const Error& error)
{
    if (!error.detail.isEmpty() && qEnvironmentVariableIsSet("VIGIL_DEBUG"))
        m_err << "vigil-cli: detail: " << error.detail << "\n";
    return fail(error.toString());
}

int Context::usage(const QString& message)
{
    m_err << "vigil-cli: " << message << "\n";
    m_err.flush();
    return ExitUsage;
}

int dispatchSubcommand(const QStringList& args, Context& ctx, const QList<Subcommand>& subcommands,
                       const QString& usage)
{
    const QString command = args.value(0);
    QStringList rest = args.mid(1);
    QStringList global;
    while (rest.size() >= 2 && (rest.first() == QLatin1String("-w") || rest.first() == QLatin1String("--workspace")))
        global << rest.takeFirst() << rest.takeFirst();
    QStringList names;
    for (const Subcommand& s : subcommands)
        names << s.name;
    if (rest.isEmpty()) {
        const QString choices = names.size() > 1
            ? names.mid(0, names.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" or ") + names.last()
            : names.value(0);
        return ctx.usage(QStringLiteral("%1 needs a command: %2\nusage: vigil-cli %3").arg(command, choices, usage));
    }
    if (rest.first() == QLatin1String("--help") || rest.first() == QLatin1String("-h")) {
        ctx.out() << "usage: vigil-cli " << usage << "\n";
        ctx.out().flush();
        return ExitOk;
    }
    const QString sub = rest.takeFirst();
    for (const Subcommand& s : subcommands)
        if (s.name == sub)
            return s.run(QStringList{command + QLatin1Char(' ') + sub} + global + rest, ctx);
    return ctx.usage(
        QStringLiteral("unknown '%1' command '%2' (%3)").arg(command, sub, names.join(QStringLiteral(", "))));
}

static QList<Command>& registry()
{
    static QList<Command> commands;
    return commands;
}

bool Registry::add(Command command)
{
    registry().append(std::move(command));
    return true;
}

const QList<Command>& Registry::all()
{
    return registry();
}

const Command* Registry::find(const QString& name)
{
    for (const Command& c : registry())
        if (c.name == name)
            return &c;
    return nullptr;
}

} // namespace vigil::cli
