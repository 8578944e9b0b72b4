// vigil-cli suppliers list [--country CC] [--search TEXT] [--json] | suppliers add --name ... --country ...
#include "clicommand.h"

#include "reference/countries.h"
#include "storage/supplierrepository.h"
#include "storage/workspace.h"
#include "util/uuid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace vigil;
using namespace vigil::cli;

namespace {

const QString kUsage = QStringLiteral(
    "suppliers list [-w FILE] [--country CC] [--sector S] [--tier N] [--tag T] [--risk-tier TIER] [--search TEXT]\n"
    "                 [--limit N] [--json]\n"
    "       vigil-cli suppliers add [-w FILE] --name NAME --country COUNTRY [--sector S] [--address A] [--tier N]\n"
    "                 [--other-name NAME ...] [--product P ...] [--tag T ...] [--vendor-id ID] [--workers N]\n"
    "                 [--migrant-share PCT] [--json]");

QJsonValue optJson(const std::optional<int>& v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

QJsonValue optJson(const std::optional<double>& v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

int list(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    const QCommandLineOption country(QStringLiteral("country"), QStringLiteral("Only this country (name or code)."),
                                     QStringLiteral("CC"));
    const QCommandLineOption sector(QStringLiteral("sector"), QStringLiteral("Only this sector."), QStringLiteral("S"));
    const QCommandLineOption tier(QStringLiteral("tier"), QStringLiteral("Only this tier."), QStringLiteral("N"));
    const QCommandLineOption tag(QStringLiteral("tag"), QStringLiteral("Only suppliers with this tag."),
                                 QStringLiteral("T"));
    const QCommandLineOption risk(QStringLiteral("risk-tier"),
                                  QStringLiteral("Only suppliers whose latest score is in this tier (low, medium, "
                                                 "high, critical)."),
                                  QStringLiteral("TIER"));
    const QCommandLineOption search(QStringLiteral("search"),
                                    QStringLiteral("Names containing TEXT (any script, any case)."),
                                    QStringLiteral("TEXT"));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("At most N suppliers (default: all)."),
                                   QStringLiteral("N"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON array."));
    parser.addOptions({country, sector, tier, tag, risk, search, limit, json});
    if (auto rc = ctx.parse(parser, args, kUsage))
        return *rc;
    SupplierFilter f;
    if (parser.isSet(country)) {
        const auto cc = Countries::instance().resolve(parser.value(country));
        if (!cc)
            return ctx.usage(QStringLiteral("unknown country '%1'").arg(parser.value(country)));
        f.country = *cc;
    }
    f.sector = parser.value(sector);
    f.tag = parser.value(tag);
    f.search = parser.value(search);
    f.riskTier = parser.value(risk).toLower();
    if (!f.riskTier.isEmpty()
        && !QStringList{QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"),
                        QStringLiteral("critical")}
                .contains(f.riskTier))
        return ctx.usage(QStringLiteral("--risk-tier must be low, medium, high or critical"));
    if (parser.isSet(tier)) {
        bool ok = false;
        f.tier = parser.value(tier).toInt(&ok);
        if (!ok)
            return ctx.usage(QStringLiteral("--tier needs a number"));
    }
    int max = -1;
    if (parser.isSet(limit)) {
        bool ok = false;
        max = parser.value(limit).toInt(&ok);
        if (!ok || max < 0)
            return ctx.usage(QStringLiteral("--limit needs a number of 0 or more"));
    }
    auto db = Database::open(Context::workspacePath(parser));
    if (!db)
        return ctx.fail(db.error());
    SupplierRepository repo(*db.value());
    QJsonArray array;
    const int pageSize = 5000;
    qint64 offset = 0;
    qint64 printed = 0;
    while (max < 0 || printed < max) {
        const int want = max < 0 ? pageSize : int(std::min<qint64>(pageSize, max - printed));
        auto page = repo.page(f, SupplierSort::Name, Qt::AscendingOrder, offset, want);
        if (!page)
            return ctx.fail(page.error());
        for (const SupplierRow& r : page.value()) {
            if (parser.isSet(json)) {
                array.append(QJsonObject{{QStringLiteral("id"), r.id},
                                         {QStringLiteral("name"), r.name},
                                         {QStringLiteral("country"), r.country},
                                         {QStringLiteral("sector"), r.sector},
                                         {QStringLiteral("tier"), r.tier},
                                         {QStringLiteral("workers_min"), optJson(r.workersMin)},
                                         {QStringLiteral("workers_max"), optJson(r.workersMax)},
                                         {QStringLiteral("migrant_share"), optJson(r.migrantShare)},
                                         {QStringLiteral("status"), toString(r.status)}});
            } else {
                ctx.out() << r.id << "  " << r.country << "  " << r.name;
                if (!r.sector.isEmpty())
                    ctx.out() << "  [" << r.sector << "]";
                ctx.out() << "\n";
            }
            ++printed;
        }
        if (page->size() < want)
            break;
        offset += page->size();
    }
    if (parser.isSet(json))
        ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    ctx.out().flush();
    return ExitOk;
}

std::optional<double> parseShare(const QString& text, bool* ok)
{
    QString t = text.trimmed();
    const bool pct = t.endsWith(QLatin1Char('%'));
    if (pct)
        t.chop(1);
    double v = t.toDouble(ok);
    if (!*ok)
        return std::nullopt;
    if (pct || v > 1.0)
        v /= 100.0;
    return v;
}

int add(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("Supplier name (required)."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption country(QStringLiteral("country"),
                                     QStringLiteral("Country: any common name or ISO code (required)."),
                                     QStringLiteral("COUNTRY"));
    const QCommandLineOption sector(QStringLiteral("sector"), QStringLiteral("Sector."), QStringLiteral("S"));
    const QCommandLineOption address(QStringLiteral("address"), QStringLiteral("Address."), QStringLiteral("A"));
    const QCommandLineOption tier(QStringLiteral("tier"), QStringLiteral("Tier (1 = direct)."), QStringLiteral("N"),
                                  QStringLiteral("1"));
    const QCommandLineOption otherName(QStringLiteral("other-name"), QStringLiteral("Another name (repeatable)."),
                                       QStringLiteral("NAME"));
    const QCommandLineOption product(QStringLiteral("product"), QStringLiteral("Product or good (repeatable)."),
                                     QStringLiteral("P"));
    const QCommandLineOption tag(QStringLiteral("tag"), QStringLiteral("Tag (repeatable)."), QStringLiteral("T"));
    const QCommandLineOption vendor(QStringLiteral("vendor-id"), QStringLiteral("Internal vendor id."),
                                    QStringLiteral("ID"));
    const QCommandLineOption workers(QStringLiteral("workers"), QStringLiteral("Number of workers."),
                                     QStringLiteral("N"));
    const QCommandLineOption migrant(QStringLiteral("migrant-share"),
                                     QStringLiteral("Share of migrant workers (35%, 0.35 or 35)."),
                                     QStringLiteral("PCT"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the new supplier as JSON."));
    parser.addOptions({name, country, sector, address, tier, otherName, product, tag, vendor, workers, migrant, json});
    if (auto rc = ctx.parse(parser, args, kUsage))
        return *rc;
    if (!parser.isSet(name) || !parser.isSet(country))
        return ctx.usage(QStringLiteral("suppliers add needs --name and --country"));
    SupplierRecord rec;
    Supplier& s = rec.supplier;
    s.name = parser.value(name).trimmed();
    const auto cc = Countries::instance().resolve(parser.value(country));
    if (!cc)
        return ctx.fail(QStringLiteral("--country: '%1' is not a country Vigil knows; use an ISO 3166 code or name")
                            .arg(parser.value(country)));
    s.country = *cc;
    s.sector = parser.value(sector);
    s.address = parser.value(address);
    bool ok = false;
    s.tier = parser.value(tier).toInt(&ok);
    if (!ok)
        return ctx.usage(QStringLiteral("--tier needs a number"));
    s.otherNames = parser.values(otherName);
    s.products = parser.values(product);
    s.tags = parser.values(tag);
    if (parser.isSet(workers)) {
        const int n = parser.value(workers).toInt(&ok);
        if (!ok)
            return ctx.usage(QStringLiteral("--workers needs a whole number"));
        s.workersMin = s.workersMax = n;
    }
    if (parser.isSet(migrant)) {
        s.migrantShare = parseShare(parser.value(migrant), &ok);
        if (!ok)
            return ctx.usage(QStringLiteral("--migrant-share needs a number such as 35%"));
    }
    if (parser.isSet(vendor))
        rec.identifiers.append({IdentifierScheme::VendorId, parser.value(vendor)});
    if (const auto issues = validate(s); !issues.isEmpty())
        return ctx.fail(QStringLiteral("--%1: %2")
                            .arg(QString(issues.first().field).replace(QLatin1Char('_'), QLatin1Char('-')),
                                 issues.first().message));
    auto db = Database::open(Context::workspacePath(parser));
    if (!db)
        return ctx.fail(db.error());
    SupplierRepository repo(*db.value());
    s.id = newUuid();
    if (Status st = repo.add(rec); !st)
        return ctx.fail(st.error());
    if (parser.isSet(json))
        ctx.out() << QJsonDocument(QJsonObject{{QStringLiteral("id"), s.id},
                                               {QStringLiteral("name"), s.name},
                                               {QStringLiteral("country"), s.country}})
                         .toJson(QJsonDocument::Compact)
                  << "\n";
    else
        ctx.out() << "Added " << s.id << "  " << s.country << "  " << s.name << "\n";
    return ExitOk;
}

int runSuppliers(const QStringList& args, Context& ctx)
{
    return dispatchSubcommand(args, ctx, {{QStringLiteral("list"), list}, {QStringLiteral("add"), add}}, kUsage);
}

} // namespace

VIGIL_CLI_COMMAND("suppliers", "List or add suppliers", runSuppliers);
