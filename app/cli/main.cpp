// vigil-cli: Vigil's core for scripting and headless use.
#include "clicommand.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <algorithm>
#include <memory>

using namespace vigil::cli;

static void printHelp(QTextStream& out)
{
    out << "usage: vigil-cli [--version] [--help] <command> [options]\n\n"
        << "Supply-chain due diligence against forced labour: the Vigil workspace from the command line.\n\n"
        << "Commands:\n";
    QList<Command> commands = Registry::all();
    std::sort(commands.begin(), commands.end(), [](const Command& a, const Command& b) { return a.name < b.name; });
    for (const Command& c : commands)
        out << "  " << c.name.leftJustified(12) << c.summary << "\n";
    out << "\nThe workspace is -w/--workspace FILE, else $VIGIL_WORKSPACE, else\n  " << Context::defaultWorkspacePath()
        << "\n"
        << "Run 'vigil-cli <command> --help' for a command's options.\n"
        << "Exit status: 0 success, 1 failure (message on stderr), 2 wrong usage.\n";
}

// `report` draws PDF and ODT with QtGui, which needs a QGuiApplication (offscreen when there is no display);
// every other command runs on a plain QCoreApplication.
static std::unique_ptr<QCoreApplication> createApplication(int& argc, char** argv)
{
    bool gui = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "-w" || a == "--workspace") {
            ++i;
            continue;
        }
        if (a.startsWith("--workspace="))
            continue;
        gui = a == "report";
        break;
    }
    if (!gui)
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

int main(int argc, char** argv)
{
    const auto app = createApplication(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Vigil"));
    QCoreApplication::setApplicationName(QStringLiteral("Vigil"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));

    Context ctx;
    QStringList args = QCoreApplication::arguments().mid(1);
    // Global -w/--workspace FILE before the command is passed on to the command.
    QStringList global;
    while (!args.isEmpty() && (args.first() == QLatin1String("-w") || args.first() == QLatin1String("--workspace"))) {
        if (args.size() < 2)
            return ctx.usage(QStringLiteral("-w/--workspace needs a file name"));
        global << args.takeFirst() << args.takeFirst();
    }
    if (!args.isEmpty() && args.first().startsWith(QLatin1String("--workspace="))) {
        global << args.takeFirst();
    }
    if (args.isEmpty()) {
        printHelp(ctx.err());
        return ExitUsage;
    }
    const QString name = args.first();
    if (name == QLatin1String("--version") || name == QLatin1String("-v")) {
        ctx.out() << "vigil-cli " << QCoreApplication::applicationVersion() << "\n";
        return ExitOk;
    }
    if (name == QLatin1String("--help") || name == QLatin1String("-h") || name == QLatin1String("help")) {
        printHelp(ctx.out());
        return ExitOk;
    }
    const Command* command = Registry::find(name);
    if (!command)
        return ctx.usage(QStringLiteral("unknown command '%1'; run 'vigil-cli --help' for the list").arg(name));
    QStringList commandArgs;
    commandArgs << args.first() << global << args.mid(1);
    return command->run(commandArgs, ctx);
}
