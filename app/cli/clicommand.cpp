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
