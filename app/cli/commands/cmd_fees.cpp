// vigil-cli fees add|list: the recruitment-fee ledger. Amounts are totals for a group of workers (never a worker's
// name or ID): what they paid to get the job, and what has been reimbursed under the Employer Pays Principle.
#include "clicommand.h"

#include "actions/actionrepository.h"
#include "actions/actionsummary.h"
#include "storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

using namespace vigil;
using namespace vigil::cli;

namespace {

const QString kUsage = QStringLiteral(
    "fees add [-w FILE] --supplier ID --paid AMOUNT --currency CODE [--reimbursed AMOUNT]\n"
    "                 (--workers N | --group TEXT) [--corridor MM:TH] [--recruiter ID] [--date YYYY-MM-DD]\n"
    "                 [--source TYPE] [--note TEXT] [--json]\n"
    "       vigil-cli fees list [-w FILE] [--supplier ID] [--json]");

QJsonObject toJson(const FeeEntry& f)
{
    return QJsonObject{{QStringLiteral("id"), f.id},
                       {QStringLiteral("supplier_id"), f.supplierId},
                       {QStringLiteral("recruiter_id"), f.recruiterId},
                       {QStringLiteral("recruiter"), f.recruiterName},
                       {QStringLiteral("origin_country"), f.originCountry},
                       {QStringLiteral("destination_country"), f.destinationCountry},
                       {QStringLiteral("worker_group"), f.workerGroup},
                       {QStringLiteral("workers"), f.workers ? QJsonValue(*f.workers) : QJsonValue()},
                       {QStringLiteral("paid_amount"), f.paidAmount},
                       {QStringLiteral("reimbursed_amount"), f.reimbursedAmount},
                       {QStringLiteral("outstanding_amount"), f.outstanding()},
                       {QStringLiteral("currency"), f.currency},
                       {QStringLiteral("recorded_on"), f.recordedOn.toString(Qt::ISODate)},
                       {QStringLiteral("evidence_source"), f.evidenceSource},
                       {QStringLiteral("note"), f.note}};
}

// A plain number ("12500", "12500.50"); no grouping separators, so that "1,200" is never read as 1.2.
std::optional<double> amount(const QString& text)
{
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::RejectGroupSeparator);
    bool ok = false;
    const double v = c.toDouble(text.trimmed(), &ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

int add(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    const QCommandLineOption supplier(QStringLiteral("supplier"), QStringLiteral("Supplier id."), QStringLiteral("ID"));
    const QCommandLineOption paid(QStringLiteral("paid"), QStringLiteral("Total paid by the workers of the group."),
                                  QStringLiteral("AMOUNT"));
    const QCommandLineOption reimbursed(QStringLiteral("reimbursed"),
                                        QStringLiteral("Total reimbursed to them so far (default 0)."),
                                        QStringLiteral("AMOUNT"));
    const QCommandLineOption currency(QStringLiteral("currency"), QStringLiteral("ISO 4217 code (THB, MYR ...)."),
                                      QStringLiteral("CODE"));
    const QCommandLineOption workers(QStringLiteral("workers"), QStringLiteral("How many workers paid."),
                                     QStringLiteral("N"));
    const QCommandLineOption group(QStringLiteral("group"),
                                   QStringLiteral("The group of workers, e.g. \"2025 intake, line 2\" (never a name)."),
                                   QStringLiteral("TEXT"));
    const QCommandLineOption corridor(QStringLiteral("corridor"),
                                      QStringLiteral("Origin and destination countries, e.g. MM:TH."),
                                      QStringLiteral("FROM:TO"));
    const QCommandLineOption recruiter(QStringLiteral("recruiter"), QStringLiteral("Recruiter id."),
                                       QStringLiteral("ID"));
    const QCommandLineOption date(QStringLiteral("date"), QStringLiteral("Recorded on (default today)."),
                                  QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption source(QStringLiteral("source"), QStringLiteral("Evidence source (audit, ...)."),
                                    QStringLiteral("TYPE"));
    const QCommandLineOption note(QStringLiteral("note"), QStringLiteral("A note (needed if more was reimbursed)."),
                                  QStringLiteral("TEXT"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the entry as JSON."));
    parser.addOptions(
        {supplier, paid, reimbursed, currency, workers, group, corridor, recruiter, date, source, note, json});
    if (auto rc = ctx.parse(parser, args, kUsage))
        return *rc;
    for (const auto* required : {&supplier, &paid, &currency})
        if (!parser.isSet(*required))
            return ctx.usage(QStringLiteral("fees add needs --%1").arg(required->names().constFirst()));
    FeeEntry f;
    f.supplierId = parser.value(supplier).trimmed();
    const auto p = amount(parser.value(paid));
    if (!p)
        return ctx.usage(QStringLiteral("--paid needs a plain number such as 12500 or 12500.50"));
    f.paidAmount = *p;
    if (parser.isSet(reimbursed)) {
        const auto r = amount(parser.value(reimbursed));
        if (!r)
            return ctx.usage(QStringLiteral("--reimbursed needs a plain number such as 12500 or 12500.50"));
        f.reimbursedAmount = *r;
    }
    f.currency = parser.value(currency);
    if (parser.isSet(workers)) {
        bool ok = false;
        const int n = parser.value(workers).trimmed().toInt(&ok);
        if (!ok)
            return ctx.usage(QStringLiteral("--workers needs a whole number"));
        f.workers = n;
    }
    f.workerGroup = parser.value(group);
    if (parser.isSet(corridor)) {
        const QStringList ends = parser.value(corridor).split(QLatin1Char(':'));
        if (ends.size() != 2)
            return ctx.usage(QStringLiteral("--corridor needs FROM:TO country codes, e.g. MM:TH"));
        f.originCountry = ends[0];
        f.destinationCountry = ends[1];
    }
    f.recruiterId = parser.value(recruiter).trimmed();
    f.recordedOn = QDateTime::currentDateTimeUtc().date();
    if (parser.isSet(date)) {
        f.recordedOn = QDate::fromString(parser.value(date).trimmed(), Qt::ISODate);
        if (!f.recordedOn.isValid())
            return ctx.usage(QStringLiteral("--date needs a date YYYY-MM-DD"));
    }
    f.evidenceSource = parser.value(source).trimmed();
    f.note = parser.value(note);
    auto db = Database::open(Context::workspacePath(parser));
    if (!db)
        return ctx.fail(db.error());
    ActionRepository repo(*db.value());
    auto id = repo.saveFee(f);
    if (!id)
        return ctx.fail(id.error());
    auto saved = repo.fee(*id);
    if (!saved)
        return ctx.fail(saved.error());
    if (parser.isSet(json))
        ctx.out() << QJsonDocument(toJson(*saved)).toJson(QJsonDocument::Indented);
    else
        ctx.out() << "Added fee entry " << *id << ": paid " << formatAmount(saved->paidAmount, saved->currency)
                  << ", reimbursed " << formatAmount(saved->reimbursedAmount, saved->currency) << "\n";
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
    auto fees = ActionRepository(*db.value()).fees(parser.value(supplier).trimmed());
    if (!fees)
        return ctx.fail(fees.error());
    const ActionSummary s = summarise({}, fees.value(), {}, QDateTime::currentDateTimeUtc().date());
    if (parser.isSet(json)) {
        QJsonArray entries;
        for (const FeeEntry& f : fees.value())
            entries.append(toJson(f));
        QJsonArray totals;
        for (const FeeTotals& t : s.feesByCurrency)
            totals.append(QJsonObject{{QStringLiteral("currency"), t.currency},
                                      {QStringLiteral("paid_amount"), t.paid},
                                      {QStringLiteral("reimbursed_amount"), t.reimbursed},
                                      {QStringLiteral("outstanding_amount"), t.outstanding},
                                      {QStringLiteral("workers"), t.workers},
                                      {QStringLiteral("entries"), t.entries}});
        ctx.out() << QJsonDocument(
                         QJsonObject{{QStringLiteral("entries"), entries}, {QStringLiteral("totals"), totals}})
                         .toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    for (const FeeEntry& f : fees.value())
        ctx.out() << f.id << "  " << f.recordedOn.toString(Qt::ISODate) << "  "
                  << (f.corridor().isEmpty() ? QStringLiteral("-") : f.corridor()) << "  "
                  << (f.workers ? QString::number(*f.workers) + QStringLiteral(" workers") : f.workerGroup) << "  paid "
                  << formatAmount(f.paidAmount, f.currency) << "  reimbursed "
                  << formatAmount(f.reimbursedAmount, f.currency) << "\n";
    for (const FeeTotals& t : s.feesByCurrency)
        ctx.out() << "Total " << t.currency << ": paid " << formatAmount(t.paid, t.currency) << ", reimbursed "
                  << formatAmount(t.reimbursed, t.currency) << ", outstanding "
                  << formatAmount(t.outstanding, t.currency) << "\n";
    ctx.out() << fees->size() << " entr" << (fees->size() == 1 ? "y" : "ies") << "\n";
    return ExitOk;
}

int runFees(const QStringList& args, Context& ctx)
{
    return dispatchSubcommand(args, ctx, {{QStringLiteral("add"), add}, {QStringLiteral("list"), list}}, kUsage);
}

} // namespace

VIGIL_CLI_COMMAND("fees", "Recruitment-fee ledger: fees paid by groups of workers and reimbursed", runFees);
