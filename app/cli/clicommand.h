#pragma once

#include "util/result.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <optional>

namespace vigil::cli {

// Exit codes of vigil-cli.
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

class Context
{
public:
    Context();
    QTextStream& out() { return m_out; }
    QTextStream& err() { return m_err; }

    // Adds -w/--workspace to a command's parser.
    static void addWorkspaceOption(QCommandLineParser& parser);
    // The workspace from -w, else VIGIL_WORKSPACE, else the default in the platform's app-data folder.
    static QString workspacePath(const QCommandLineParser& parser);
    static QString defaultWorkspacePath();

    // Parses args (args[0] is the command name, -h/--help is added). Returns an exit code when the command must
    // stop (ExitUsage after a parse error, ExitOk after --help), or nothing to go on:
    //     if (auto rc = ctx.parse(parser, args, "check [-w FILE]")) return *rc;
    std::optional<int> parse(QCommandLineParser& parser, const QStringList& args, const QString& usage);
    // Prints "vigil-cli: <message>" on stderr and returns ExitFailure.
    int fail(const QString& message);
    // Prints the error (where and what) and, when VIGIL_DEBUG is set, its technical detail.
    int fail(const Error& error);
    // Prints a usage error and returns ExitUsage.
    int usage(const QString& message);

private:
    QTextStream m_out;
    QTextStream m_err;
};

using Handler = std::function<int(const QStringList& args, Context& ctx)>;

struct Subcommand
{
    QString name;
    Handler run; // receives "<command> <sub>" as args[0], then the -w option if given, then the rest
};

// Runs "<command> [-w FILE] <sub> ..." (args[0] is the command name): -w may stand before the subcommand.
// No subcommand is a usage error; --help prints the usage; an unknown one is a usage error naming the known ones.
int dispatchSubcommand(const QStringList& args, Context& ctx, const QList<Subcommand>& subcommands,
                       const QString& usage);

struct Command
{
    QString name; // "suppliers", "preview", "import" ...
    QString summary; // one line for --help
    Handler run; // receives the arguments from the command name on
};

class Registry
{
public:
    static bool add(Command command);
    static const QList<Command>& all();
    static const Command* find(const QString& name);
};

} // namespace vigil::cli

#define VIGIL_CLI_CONCAT2(a, b) a##b
#define VIGIL_CLI_CONCAT(a, b) VIGIL_CLI_CONCAT2(a, b)
// Registers a command at static-initialisation time: VIGIL_CLI_COMMAND("check", "Check a workspace", runCheck)
#define VIGIL_CLI_COMMAND(name, summary, fn)                                                                           \
    static const bool VIGIL_CLI_CONCAT(vigilCliRegistered_, __LINE__)                                                  \
        = vigil::cli::Registry::add(vigil::cli::Command{QStringLiteral(name), QStringLiteral(summary), fn})
