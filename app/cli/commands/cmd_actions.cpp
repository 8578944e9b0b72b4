// vigil-cli actions add|list|close: the corrective actions agreed with suppliers (what finding each answers, who owns
// it, when it is due, how it closed). Every change goes to the workspace's change log.
#include "clicommand.h"

#include "actions/actionrepository.h"
#include "risk/methodology.h"
#include "risk/methodologystore.h"
#include "storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace vigil;
using namespace vigil::cli;

namespace {

const QString kUsage = QStringLiteral(
    "actions add [-w FILE] --supplier ID --description TEXT [--due YYYY-MM-DD] [--opened YYYY-MM-DD]\n"
    "                 [--owner TEXT] [--indicator ID] [--observation ID] [--site ID] [--status open|in_progress]\n"
    "                 [--json]\n"
    "       vigil-cli actions list [-w FILE] [--supplier ID] [--status STATUS] [--overdue] [--json]\n"
    "       vigil-cli actions close [-w FILE] ID [--status closed_verified|closed_not_verified|cancelled]\n"
    "                 [--date YYYY-MM-DD] [--note TEXT] [--json]");

QDate today()
{
    return QDateTime::currentDateTimeUtc().date();
}

QString date(const QDate& d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

QJsonObject toJson(const CorrectiveAction& a)
{
    return QJsonObject{{QStringLiteral("id"), a.id},
                       {QStringLiteral("supplier_id"), a.supplierId},
                       {QStringLiteral("supplier"), a.supplierName},
                       {QStringLiteral("site_id"), a.siteId},
                       {QStringLiteral("site"), a.siteName},
                       {QStringLiteral("observation_id"), a.observationId},
                       {QStringLiteral("indicator"), a.indicatorId},
                       {QStringLiteral("description"), a.description},
                       {QStringLiteral("owner"), a.owner},
                       {QStringLiteral("opened_on"), date(a.openedOn)},
                       {QStringLiteral("due_on"), date(a.dueOn)},
                       {QStringLiteral("status"), actionStatusId(a.status)},
                       {QStringLiteral("closed_on"), date(a.closedOn)},
                       {QStringLiteral("overdue"), a.isOverdue(today())},
                       {QStringLiteral("verification_note"), a.verificationNote}};
}

// Parses an optional date option; false (after printing a usage error) when it is set but not a date.
bool dateOption(const QCommandLineParser& parser, const QCommandLineOption& option, QDate* out, Context& ctx, int* rc)
{
    if (!parser.isSet(option))
        return true;
    *out = QDate::fromString(parser.value(option).trimmed(), Qt::ISODate);
    if (out->isValid())
        return true;
    *rc = ctx.usage(QStringLiteral("--%1 needs a date YYYY-MM-DD, not '%2'")
                        .arg(option.names().constFirst(), parser.value(option)));
    return false;
}

int add(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    const QCommandLineOption supplier(QStringLiteral("supplier"), QStringLiteral("Supplier id."), QStringLiteral("ID"));
    const QCommandLineOption description(QStringLiteral("description"), QStringLiteral("What is to be done."),
                                         QStringLiteral("TEXT"));
    const QCommandLineOption due(QStringLiteral("due"), QStringLiteral("Due date."), QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption opened(QStringLiteral("opened"), QStringLiteral("Opened on (default today)."),
                                    QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption owner(QStringLiteral("owner"), QStringLiteral("Who is responsible."),
                                   QStringLiteral("TEXT"));
    const QCommandLineOption indicator(QStringLiteral("indicator"),
                                       QStringLiteral("The indicator it answers (see 'evidence indicators')."),
                                       QStringLiteral("ID"));
    const QCommandLineOption observation(QStringLiteral("observation"),
                                         QStringLiteral("The observation it answers (see 'evidence list')."),
                                         QStringLiteral("ID"));
    const QCommandLineOption site(QStringLiteral("site"), QStringLiteral("Site id (default: the whole supplier)."),
                                  QStringLiteral("ID"));
    const QCommandLineOption status(QStringLiteral("status"), QStringLiteral("open (default) or in_progress."),
                                    QStringLiteral("STATUS"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the action as JSON."));
    parser.addOptions({supplier, description, due, opened, owner, indicator, observation, site, status, json});
    if (auto rc = ctx.parse(parser, args, kUsage))
        return *rc;
    for (const auto* required : {&supplier, &description})
        if (!parser.isSet(*required))
            return ctx.usage(QStringLiteral("actions add needs --%1").arg(required->names().constFirst()));
    CorrectiveAction a;
    a.supplierId = parser.value(supplier).trimmed();
    a.description = parser.value(description);
    a.owner = parser.value(owner);
    a.siteId = parser.value(site).trimmed();
    a.observationId = parser.value(observation).trimmed();
    a.openedOn = today();
    int rc = ExitUsage;
    if (!dateOption(parser, opened, &a.openedOn, ctx, &rc) || !dateOption(parser, due, &a.dueOn, ctx, &rc))
        return rc;
    if (parser.isSet(status)) {
        const auto s = actionStatusFromId(parser.value(status));
        if (!s || isClosed(*s))
            return ctx.usage(QStringLiteral("a new action is open or in_progress; close it with 'actions close'"));
        a.status = *s;
    }
    auto db = Database::open(Context::workspacePath(parser));
    if (!db)
        return ctx.fail(db.error());
    if (parser.isSet(indicator)) {
        a.indicatorId = parser.value(indicator).trimmed();
        auto m = MethodologyStore(*db.value()).active(); // the workspace's indicators, not only the bundled ones
        if (!m)
            return ctx.fail(m.error());
        if (m->indicatorIndex(a.indicatorId) < 0)
            return ctx.usage(
                QStringLiteral("unknown indicator '%1' (see 'vigil-cli evidence indicators')").arg(a.indicatorId));
    }
    ActionRepository repo(*db.value());
    auto id = repo.saveAction(a);
    if (!id)
        return ctx.fail(id.error());
    auto saved = repo.action(*id);
    if (!saved)
        return ctx.fail(saved.error());
    if (parser.isSet(json))
        ctx.out() << QJsonDocument(toJson(*saved)).toJson(QJsonDocument::Indented);
    else
        ctx.out() << "Added corrective action " << *id << " for " << saved->supplierName
                  << (saved->dueOn.isValid() ? QStringLiteral(", due ") + date(saved->dueOn) : QString()) << "\n";
    return ExitOk;
}

int list(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    const QCommandLineOption supplier(QStringLiteral("supplier"), QStringLiteral("Only this supplier's."),
                                      QStringLiteral("ID"));
    const QCommandLineOption status(QStringLiteral("status"),
                                    QStringLiteral("open, in_progress, closed_verified, closed_not_verified or "
                                                   "cancelled."),
                                    QStringLiteral("STATUS"));
    const QCommandLineOption overdue(QStringLiteral("overdue"),
                                     QStringLiteral("Only open actions past their due date."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({supplier, status, overdue, json});
    if (auto rc = ctx.parse(parser, args, kUsage))
        return *rc;
    ActionQuery q;
    q.supplierId = parser.value(supplier).trimmed();
    q.overdueOnly = parser.isSet(overdue);
    q.today = today();
    if (parser.isSet(status)) {
        q.status = actionStatusFromId(parser.value(status));
        if (!q.status)
            return ctx.usage(QStringLiteral("--status is one of open, in_progress, closed_verified, "
                                            "closed_not_verified, cancelled"));
    }
    auto db = Database::open(Context::workspacePath(parser));
    if (!db)
        return ctx.fail(db.error());
    auto actions = ActionRepository(*db.value()).actions(q);
    if (!actions)
        return ctx.fail(actions.error());
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const CorrectiveAction& a : actions.value())
            array.append(toJson(a));
        ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    int late = 0;
    for (const CorrectiveAction& a : actions.value()) {
        const bool isLate = a.isOverdue(q.today);
        late += isLate ? 1 : 0;
        ctx.out() << a.id << "  " << actionStatusId(a.status) << (isLate ? " OVERDUE" : "") << "  due "
                  << (a.dueOn.isValid() ? date(a.dueOn) : QStringLiteral("-")) << "  " << a.supplierName << "  "
                  << a.description << "\n";
    }
    ctx.out() << actions->size() << " action(s), " << late << " overdue\n";
    return ExitOk;
}

int close(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    const QCommandLineOption status(QStringLiteral("status"),
                                    QStringLiteral("closed_verified (default), closed_not_verified or cancelled."),
                                    QStringLiteral("STATUS"));
    const QCommandLineOption when(QStringLiteral("date"), QStringLiteral("Closed on (default today)."),
                                  QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption note(QStringLiteral("note"),
                                  QStringLiteral("How the closure was verified (never a worker's name)."),
                                  QStringLiteral("TEXT"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the action as JSON."));
    parser.addOptions({status, when, note, json});
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The action's id."));
    if (auto rc = ctx.parse(parser, args, kUsage))
        return *rc;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("actions close needs the action's id"));
    ActionStatus s = ActionStatus::ClosedVerified;
    if (parser.isSet(status)) {
        const auto parsed = actionStatusFromId(parser.value(status));
        if (!parsed || !isClosed(*parsed))
            return ctx.usage(QStringLiteral("--status is closed_verified, closed_not_verified or cancelled"));
        s = *parsed;
    }
    QDate closedOn = today();
    int rc = ExitUsage;
    if (!dateOption(parser, when, &closedOn, ctx, &rc))
        return rc;
    auto db = Database::open(Context::workspacePath(parser));
    if (!db)
        return ctx.fail(db.error());
    auto closed = ActionRepository(*db.value())
                      .closeAction(parser.positionalArguments().constFirst().trimmed(), s, closedOn,
                                   parser.isSet(note) ? parser.value(note) : QString());
    if (!closed)
        return ctx.fail(closed.error());
    if (parser.isSet(json))
        ctx.out() << QJsonDocument(toJson(*closed)).toJson(QJsonDocument::Indented);
    else
        ctx.out() << "Action " << closed->id << " is " << actionStatusId(closed->status) << " on "
                  << date(closed->closedOn) << "\n";
    return ExitOk;
}

int runActions(const QStringList& args, Context& ctx)
{
    return dispatchSubcommand(
        args, ctx, {{QStringLiteral("add"), add}, {QStringLiteral("list"), list}, {QStringLiteral("close"), close}},
        kUsage);
}

} // namespace

VIGIL_CLI_COMMAND("actions", "Corrective actions agreed with suppliers: add, list, close", runActions);
