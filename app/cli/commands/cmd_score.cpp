// vigil-cli score [-w FILE] [--supplier ID] [--at YYYY-MM-DD] [--explain] [--json]
// Scores every supplier (or one) with the bundled methodology, the bundled ILAB data and the workspace's imported
// datasets; stores the scores, their explanation and history in the workspace; prints them.
#include "clicommand.h"

#include "risk/riskengine.h"
#include "risk/riskjson.h"
#include "risk/riskrepository.h"
#include "risk/scoring.h"
#include "storage/database.h"
#include "storage/supplierrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <climits>

using namespace vigil;
using namespace vigil::cli;

namespace {

const QString kUsage = QStringLiteral("score [-w FILE] [--supplier ID] [--at YYYY-MM-DD] [--explain] [--json]");

QString fixed(double v, int decimals = 1)
{
    return QString::number(v, 'f', decimals);
}

void explain(QTextStream& out, const RiskResult& r, const ScoreBand& band)
{
    out << "  sensitivity: " << fixed(band.low) << " (" << tierLabel(band.lowTier) << ") if every missing value were "
        << "favourable, " << fixed(band.high) << " (" << tierLabel(band.highTier) << ") if unfavourable\n";
    out << "  inherent " << fixed(r.inherent) << "/10 (country " << fixed(r.countryAnchor) << ", sector "
        << fixed(r.sectorAnchor) << ", goods " << fixed(r.goodsAnchor) << "); coverage " << fixed(r.coverage * 100, 0)
        << "%, confidence " << fixed(r.confidence, 2) << "\n";
    for (const QString& e : r.escalations)
        out << "  escalation: " << e << "\n";
    out << "  contributions:\n";
    for (const RiskContribution& c : r.contributions) {
        out << "    " << QStringLiteral("%1").arg(fixed(c.points, 2), 7) << "  " << c.label << "  [" << c.source;
        if (c.date.isValid())
            out << ", " << c.date.toString(Qt::ISODate);
        out << "]\n";
    }
    if (!r.gaps.isEmpty()) {
        out << "  gaps (" << r.gaps.size() << "):\n";
        for (const EvidenceGap& g : r.gaps)
            out << "    - " << g.message << "\n";
    }
}

int runScore(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    const QCommandLineOption supplier(QStringLiteral("supplier"), QStringLiteral("Score only this supplier (id)."),
                                      QStringLiteral("ID"));
    const QCommandLineOption at(QStringLiteral("at"),
                                QStringLiteral("Evaluate as of this date (default: now), for reproducible runs."),
                                QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption explainOpt(QStringLiteral("explain"),
                                        QStringLiteral("Show each score's contributions, sources and gaps."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON array of results."));
    parser.addOptions({supplier, at, explainOpt, json});
    if (auto rc = ctx.parse(parser, args, kUsage))
        return *rc;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(QStringLiteral("score takes no arguments besides its options"));
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
    auto context = loadScoringContext(*db.value(), now);
    if (!context)
        return ctx.fail(context.error());
    auto results = scoreWorkspace(*db.value(), *context, now, parser.value(supplier));
    if (!results)
        return ctx.fail(results.error());

    QHash<QString, QString> names;
    if (auto rows = SupplierRepository(*db.value()).page({}, SupplierSort::Name, Qt::AscendingOrder, 0, INT_MAX)) {
        for (const SupplierRow& row : *rows)
            names.insert(row.id, row.name);
    }
    // Sensitivity bands for what is printed in detail (two more evaluations each; inputs read again).
    QHash<QString, ScoreBand> bands;
    if (parser.isSet(json) || parser.isSet(explainOpt)) {
        RiskRepository repo(*db.value());
        QList<SupplierRiskInput> inputs;
        if (parser.isSet(supplier)) {
            auto one = repo.input(parser.value(supplier));
            if (!one)
                return ctx.fail(one.error());
            inputs << *one;
        } else {
            auto all = repo.allInputs();
            if (!all)
                return ctx.fail(all.error());
            inputs = *all;
        }
        for (const SupplierRiskInput& in : std::as_const(inputs))
            bands.insert(in.supplierId, RiskEngine::sensitivity(in, context->methodology, context->reference, now));
    }
    QList<RiskResult> sorted = *results;
    std::stable_sort(sorted.begin(), sorted.end(), [](const RiskResult& a, const RiskResult& b) {
        return a.tier != b.tier ? a.tier > b.tier : a.score > b.score;
    });
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const RiskResult& r : sorted) {
            QJsonObject o = riskjson::resultToJson(r);
            o.insert(QStringLiteral("name"), names.value(r.supplierId));
            const ScoreBand b = bands.value(r.supplierId);
            o.insert(QStringLiteral("band"),
                     QJsonObject{{QStringLiteral("low"), b.low},
                                 {QStringLiteral("high"), b.high},
                                 {QStringLiteral("lowTier"), tierId(b.lowTier)},
                                 {QStringLiteral("highTier"), tierId(b.highTier)}});
            array.append(o);
        }
        ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    int perTier[4] = {0, 0, 0, 0};
    for (const RiskResult& r : sorted) {
        ++perTier[int(r.tier)];
        ctx.out() << r.supplierId << "  " << QStringLiteral("%1").arg(fixed(r.score), 5) << "  "
                  << QStringLiteral("%1").arg(tierLabel(r.tier), -8) << "  "
                  << QStringLiteral("%1").arg(classificationId(r.classification), -22) << "  "
                  << names.value(r.supplierId) << "\n";
        if (parser.isSet(explainOpt))
            explain(ctx.out(), r, bands.value(r.supplierId));
    }
    QStringList sources;
    for (const DatasetInfo& d : context->reference.datasets())
        sources << d.citation();
    ctx.out() << "Scored " << sorted.size() << " supplier(s): " << perTier[3] << " critical, " << perTier[2]
              << " high, " << perTier[1] << " medium, " << perTier[0] << " low. Methodology " << context->methodology.id
              << " " << context->methodology.version << "; data: " << sources.join(QStringLiteral("; ")) << "\n";
    return ExitOk;
}

} // namespace

VIGIL_CLI_COMMAND("score", "Score suppliers for forced-labour risk (--explain shows why)", runScore);
