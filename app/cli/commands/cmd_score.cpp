// vigil-cli score [-w FILE] [--supplier ID] [--at YYYY-MM-DD] [--explain] [--json]
// Scores every supplier (or one) with the bundled methodology, the bundled ILAB data and the workspace's imported
// datasets; stores the scores, their explanation and history in the workspace; prints them.
#include "clicommand.h"

#include "risk/riskengine.h"
#include "risk/riskjson.h"
#include "risk/riskrepository.h"
#include "risk/scorejob.h"
#include "risk/scoring.h"
#include "risk/sitelabels.h"
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

QJsonArray datasetsJson(const QList<ScoreDataset>& datasets)
{
    QJsonArray a;
    for (const ScoreDataset& d : datasets)
        a.append(QJsonObject{
            {QStringLiteral("id"), d.id}, {QStringLiteral("name"), d.name}, {QStringLiteral("edition"), d.edition}});
    return a;
}

QJsonArray historyJson(const QList<ScoreHistoryEntry>& history)
{
    QJsonArray a;
    for (const ScoreHistoryEntry& e : history) {
        QJsonObject o{
            {QStringLiteral("evaluatedAt"), e.evaluatedAt.toString(Qt::ISODate)},
            {QStringLiteral("score"), e.score},
            {QStringLiteral("tier"), tierId(e.tier)},
            {QStringLiteral("classification"), classificationId(e.classification)},
            {QStringLiteral("zeroTolerance"), e.zeroTolerance},
            {QStringLiteral("coverage"), e.coverage},
            {QStringLiteral("confidence"), e.confidence},
            {QStringLiteral("methodology"),
             QJsonObject{{QStringLiteral("id"), e.methodologyId}, {QStringLiteral("version"), e.methodologyVersion}}},
            {QStringLiteral("datasetsRecorded"), e.datasetsRecorded},
            {QStringLiteral("datasets"), datasetsJson(e.datasets)},
            {QStringLiteral("reasons"), QJsonArray::fromStringList(e.reasons)}};
        a.append(o);
    }
    return a;
}

void explainHistory(QTextStream& out, const QList<ScoreHistoryEntry>& history)
{
    out << "  history (" << history.size() << "):\n";
    for (const ScoreHistoryEntry& e : history) {
        QStringList sets;
        for (const ScoreDataset& d : e.datasets)
            sets << (d.edition.isEmpty() ? d.name : d.name + QStringLiteral(", ") + d.edition);
        out << "    " << e.evaluatedAt.toString(Qt::ISODate) << "  " << fixed(e.score) << "  " << tierLabel(e.tier)
            << "  methodology " << e.methodologyId << " " << e.methodologyVersion
            << "; data: " << (e.datasetsRecorded ? sets.join(QStringLiteral("; ")) : QStringLiteral("(not recorded)"))
            << "\n";
        for (const QString& why : e.reasons)
            out << "      why it moved: " << why << "\n";
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
    // The printed detail (--explain, --json) needs whole results; the summary list only a few fields.
    const bool detail = parser.isSet(json) || parser.isSet(explainOpt);
    QList<RiskResult> results;
    ScoreJobOptions options;
    options.supplierId = parser.value(supplier);
    options.onResult = [&](const RiskResult& r) {
        if (detail) {
            results.append(r);
            return;
        }
        RiskResult brief;
        brief.supplierId = r.supplierId;
        brief.score = r.score;
        brief.tier = r.tier;
        brief.classification = r.classification;
        results.append(brief);
    };
    auto scored = scoreWorkspace(*db.value(), *context, now, options);
    if (!scored)
        return ctx.fail(scored.error());

    QHash<QString, QString> names;
    if (auto rows = SupplierRepository(*db.value()).page({}, SupplierSort::Name, Qt::AscendingOrder, 0, INT_MAX)) {
        for (const SupplierRow& row : *rows)
            names.insert(row.id, row.name);
    }
    // Sensitivity bands for what is printed in detail (two more evaluations each; inputs read again).
    QHash<QString, ScoreBand> bands;
    RiskRepository repo(*db.value());
    const auto band = [&](const SupplierRiskInput& in) {
        bands.insert(in.supplierId, RiskEngine::sensitivity(in, context->methodology, context->reference, now));
    };
    if (detail && parser.isSet(supplier)) {
        auto one = repo.input(parser.value(supplier));
        if (!one)
            return ctx.fail(one.error());
        band(*one);
    } else if (detail) {
        const Status st = repo.forEachInputChunk(4096, [&](QList<SupplierRiskInput>& chunk) -> Status {
            for (const SupplierRiskInput& in : std::as_const(chunk))
                band(in);
            return {};
        });
        if (!st)
            return ctx.fail(st.error());
    }
    // One supplier in detail: its score history, with the methodology and datasets of each entry and why it moved.
    QList<ScoreHistoryEntry> history;
    if (detail && parser.isSet(supplier)) {
        auto h = repo.history(parser.value(supplier));
        if (!h)
            return ctx.fail(h.error());
        history = *h;
    }
    // The engine names sites by id: print their names (or that the site was removed) instead.
    if (detail) {
        auto siteNames = repo.siteNames(parser.value(supplier));
        if (!siteNames)
            return ctx.fail(siteNames.error());
        for (RiskResult& r : results)
            nameSites(r, siteNames.value());
    }
    const ScoreBasis basis = ScoreBasis::of(context->methodology, context->reference.datasets());
    QList<RiskResult> sorted = results;
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
            o.insert(QStringLiteral("datasets"), datasetsJson(basis.datasets));
            if (parser.isSet(supplier))
                o.insert(QStringLiteral("history"), historyJson(history));
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
        if (parser.isSet(explainOpt)) {
            explain(ctx.out(), r, bands.value(r.supplierId));
            if (parser.isSet(supplier))
                explainHistory(ctx.out(), history);
        }
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
