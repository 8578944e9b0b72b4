// vigil-cli methodology list|show|use: the workspace's methodology versions, the document of one, and which one is
// active (choosing another rescores, like 'datasets use').
#include "clicommand.h"

#include "risk/methodologystore.h"
#include "risk/scoring.h"
#include "storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace vigil;
using namespace vigil::cli;

namespace {

const QString kUsage = QStringLiteral("methodology list [-w FILE] [--json]\n"
                                      "       vigil-cli methodology show [-w FILE] [VERSION]\n"
                                      "       vigil-cli methodology use [-w FILE] VERSION [--at YYYY-MM-DD]");

// A version given on the command line: "1.0.1", or "id:1.0.1" when several methodology ids exist.
Result<MethodologyVersionInfo> find(MethodologyStore& store, const QString& text)
{
    auto versions = store.versions();
    if (!versions)
        return versions.error();
    QList<MethodologyVersionInfo> matches;
    QStringList known;
    for (const MethodologyVersionInfo& v : *versions) {
        known << v.id + QLatin1Char(':') + v.version;
        if (v.version == text || v.id + QLatin1Char(':') + v.version == text)
            matches << v;
    }
    if (matches.size() == 1)
        return matches.constFirst();
    if (matches.isEmpty())
        return makeError(QStringLiteral("There is no methodology version \"%1\". Known: %2.")
                             .arg(text, known.join(QStringLiteral(", "))));
    return makeError(QStringLiteral("Several methodologies have version %1; write it as id:version (%2).")
                         .arg(text, known.join(QStringLiteral(", "))));
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
    auto versions = MethodologyStore(*db.value()).versions();
    if (!versions)
        return ctx.fail(versions.error());
    QJsonArray array;
    for (const MethodologyVersionInfo& v : *versions) {
        if (parser.isSet(json)) {
            array.append(QJsonObject{{QStringLiteral("id"), v.id},
                                     {QStringLiteral("version"), v.version},
                                     {QStringLiteral("name"), v.name},
                                     {QStringLiteral("published"), v.published.toString(Qt::ISODate)},
                                     {QStringLiteral("sha256"), v.sha256},
                                     {QStringLiteral("storedAt"), v.storedAt.toString(Qt::ISODate)},
                                     {QStringLiteral("bundled"), v.bundled},
                                     {QStringLiteral("active"), v.active}});
            continue;
        }
        ctx.out() << (v.active ? "* " : "  ") << v.id << " " << v.version << "  " << v.name << "  ("
                  << (v.bundled ? QStringLiteral("bundled") : QStringLiteral("workspace")) << ", published "
                  << v.published.toString(Qt::ISODate) << ", sha256 " << v.sha256.left(12) << ")"
                  << (v.active ? "  ACTIVE" : "") << "\n";
    }
    if (parser.isSet(json))
        ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    return ExitOk;
}

int show(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    parser.addPositionalArgument(QStringLiteral("VERSION"), QStringLiteral("Version (default: the active one)."));
    if (auto rc = ctx.parse(parser, args, kUsage))
        return *rc;
    if (parser.positionalArguments().size() > 1)
        return ctx.usage(QStringLiteral("methodology show takes at most one version"));
    auto db = Database::open(Context::workspacePath(parser));
    if (!db)
        return ctx.fail(db.error());
    MethodologyStore store(*db.value());
    Result<Methodology> m = makeError(QString());
    if (parser.positionalArguments().isEmpty()) {
        m = store.active();
    } else {
        auto v = find(store, parser.positionalArguments().constFirst());
        if (!v)
            return ctx.fail(v.error());
        m = store.load(v->id, v->version);
    }
    if (!m)
        return ctx.fail(m.error());
    ctx.out() << m->document;
    if (!m->document.endsWith('\n'))
        ctx.out() << "\n";
    return ExitOk;
}

int use(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    const QCommandLineOption at(QStringLiteral("at"), QStringLiteral("Rescore as of this date (default: now)."),
                                QStringLiteral("YYYY-MM-DD"));
    parser.addOption(at);
    parser.addPositionalArgument(QStringLiteral("VERSION"), QStringLiteral("The version to make active."));
    if (auto rc = ctx.parse(parser, args, kUsage))
        return *rc;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("methodology use needs one version"));
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
    MethodologyStore store(database);
    store.setActor(QStringLiteral("cli"));
    auto wanted = find(store, parser.positionalArguments().constFirst());
    if (!wanted)
        return ctx.fail(wanted.error());
    auto previous = store.active();
    if (!previous)
        return ctx.fail(previous.error());
    if (Status st = store.activate(wanted->id, wanted->version); !st)
        return ctx.fail(st.error());
    auto context = loadScoringContext(database, now);
    Result<ScoreJobSummary> scored
        = context ? scoreWorkspace(database, *context, now) : Result<ScoreJobSummary>(context.error());
    if (!scored) {
        // The scores must rest on the active methodology: put the previous one back.
        if (Status undo = store.activate(previous->id, previous->version); !undo)
            return ctx.fail(QStringLiteral("%1 The previous methodology could not be made active again; rescore the "
                                           "workspace.")
                                .arg(scored.error().message));
        return ctx.fail(scored.error());
    }
    ctx.out() << "Methodology " << wanted->id << " " << wanted->version << " is now active. Rescored " << scored->scored
              << " supplier(s); " << scored->changed << " score(s) changed.\n";
    return ExitOk;
}

int runMethodology(const QStringList& args, Context& ctx)
{
    return dispatchSubcommand(
        args, ctx, {{QStringLiteral("list"), list}, {QStringLiteral("show"), show}, {QStringLiteral("use"), use}},
        kUsage);
}

} // namespace

VIGIL_CLI_COMMAND("methodology", "List the workspace's methodology versions, show one, or choose the active one",
                  runMethodology);
