// vigil-cli trainings add|list: trainings on forced labour, child labour and responsible recruitment, for staff,
// suppliers or recruiters (the statements' training sections count them).
#include "clicommand.h"

#include "actions/actionrepository.h"
#include "storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace vigil;
using namespace vigil::cli;

namespace {

const QString kUsage = QStringLiteral(
    "trainings add [-w FILE] --topic TEXT --date YYYY-MM-DD --participants N --audience staff|suppliers|recruiters\n"
    "                 [--supplier ID] [--json]\n"
    "       vigil-cli trainings list [-w FILE] [--supplier ID] [--json]");

QJsonObject toJson(const Training& t)
{
    return QJsonObject{{QStringLiteral("id"), t.id},
                       {QStringLiteral("supplier_id"), t.supplierId},
                       {QStringLiteral("supplier"), t.supplierName},
                       {QStringLiteral("topic"), t.topic},
                       {QStringLiteral("held_on"), t.heldOn.toString(Qt::ISODate)},
                       {QStringLiteral("participants"), t.participants},
                       {QStringLiteral("audience"), audienceId(t.audience)}};
}

int add(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    const QCommandLineOption topic(QStringLiteral("topic"), QStringLiteral("What the training covered."),
                                   QStringLiteral("TEXT"));
    const QCommandLineOption date(QStringLiteral("date"), QStringLiteral("When it was held."),
                                  QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption participants(QStringLiteral("participants"), QStringLiteral("How many took part."),
                                          QStringLiteral("N"));
    const QCommandLineOption audience(QStringLiteral("audience"), QStringLiteral("staff, suppliers or recruiters."),
                                      QStringLiteral("WHO"));
    const QCommandLineOption supplier(
        QStringLiteral("supplier"), QStringLiteral("The supplier trained (default: internal)."), QStringLiteral("ID"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the training as JSON."));
    parser.addOptions({topic, date, participants, audience, supplier, json});
    if (auto rc = ctx.parse(parser, args, kUsage))
        return *rc;
    for (const auto* required : {&topic, &date, &participants, &audience})
        if (!parser.isSet(*required))
            return ctx.usage(QStringLiteral("trainings add needs --%1").arg(required->names().constFirst()));
    Training t;
    t.topic = parser.value(topic);
    t.heldOn = QDate::fromString(parser.value(date).trimmed(), Qt::ISODate);
    if (!t.heldOn.isValid())
        return ctx.usage(QStringLiteral("--date needs a date YYYY-MM-DD"));
    bool ok = false;
    t.participants = parser.value(participants).trimmed().toInt(&ok);
    if (!ok)
        return ctx.usage(QStringLiteral("--participants needs a whole number"));
    const auto a = audienceFromId(parser.value(audience));
    if (!a)
        return ctx.usage(QStringLiteral("--audience is staff, suppliers or recruiters"));
    t.audience = *a;
    t.supplierId = parser.value(supplier).trimmed();
    auto db = Database::open(Context::workspacePath(parser));
    if (!db)
        return ctx.fail(db.error());
    ActionRepository repo(*db.value());
    auto id = repo.saveTraining(t);
    if (!id)
        return ctx.fail(id.error());
    auto saved = repo.training(*id);
    if (!saved)
        return ctx.fail(saved.error());
    if (parser.isSet(json))
        ctx.out() << QJsonDocument(toJson(*saved)).toJson(QJsonDocument::Indented);
    else
        ctx.out() << "Added training " << *id << ": " << saved->topic << " (" << saved->participants << " "
                  << audienceId(saved->audience) << ")\n";
    return ExitOk;
}

int list(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    const QCommandLineOption supplier(QStringLiteral("supplier"), QStringLiteral("Only this supplier's."),
                                      QStringLiteral("ID"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({supplier, json});
    if (auto rc = ctx.parse(parser, args, kUsage))
        return *rc;
    auto db = Database::open(Context::workspacePath(parser));
    if (!db)
        return ctx.fail(db.error());
    auto list = ActionRepository(*db.value()).trainings(parser.value(supplier).trimmed());
    if (!list)
        return ctx.fail(list.error());
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const Training& t : list.value())
            array.append(toJson(t));
        ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    qint64 people = 0;
    for (const Training& t : list.value()) {
        people += t.participants;
        ctx.out() << t.id << "  " << t.heldOn.toString(Qt::ISODate) << "  " << audienceId(t.audience) << "  "
                  << t.participants << "  " << t.topic
                  << (t.supplierName.isEmpty() ? QString() : QStringLiteral("  (") + t.supplierName + ')') << "\n";
    }
    ctx.out() << list->size() << " training(s), " << people << " participant(s)\n";
    return ExitOk;
}

int runTrainings(const QStringList& args, Context& ctx)
{
    return dispatchSubcommand(args, ctx, {{QStringLiteral("add"), add}, {QStringLiteral("list"), list}}, kUsage);
}

} // namespace

VIGIL_CLI_COMMAND("trainings", "Trainings on forced labour and responsible recruitment: add, list", runTrainings);
