// vigil-cli report --kind supplier|portfolio|statement|register|scores|findings|actions [--supplier ID]
//                  [--jurisdiction uk|au|ca|de|eu] --format pdf|html|odt|csv|xlsx --out FILE [-w WS]
// vigil-cli report --set-text SECTION --text-file FILE --jurisdiction uk|au|ca|de|eu|all [-w WS]
// vigil-cli report --list-sections --jurisdiction uk|au|ca|de|eu
//
// PDF and ODT are drawn with QtGui: main.cpp creates a QGuiApplication for this command (offscreen when there is
// no display).
#include "clicommand.h"

#include "render/reportwriter.h"
#include "report/dataexport.h"
#include "report/reportbuilder.h"
#include "report/statements.h"
#include "report/statementtexts.h"
#include "storage/database.h"
#include "storage/supplierrepository.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>
#include <QTimeZone>

using namespace vigil;
using namespace vigil::cli;
using namespace vigil::report;

namespace {

const QString kUsage
    = QStringLiteral("report --kind supplier|portfolio|statement|register|scores|findings|actions [--supplier ID] "
                     "[--jurisdiction uk|au|ca|de|eu] [--format pdf|html|odt|csv|xlsx] --out FILE [-w FILE]\n"
                     "       report --set-text SECTION --text-file FILE --jurisdiction uk|au|ca|de|eu|all [-w FILE]\n"
                     "       report --list-sections --jurisdiction uk|au|ca|de|eu");

Result<QString> resolveSupplier(Database& db, const QString& idOrName)
{
    SupplierRepository repo(db);
    if (repo.supplier(idOrName).ok())
        return idOrName;
    SupplierFilter f;
    f.search = idOrName;
    auto ids = repo.ids(f, 3);
    if (!ids)
        return ids.error();
    if (ids->size() == 1)
        return ids->first();
    return makeError(ids->isEmpty()
                         ? QStringLiteral("No supplier has the id or name '%1'.").arg(idOrName)
                         : QStringLiteral("Several suppliers match '%1': give the supplier's id.").arg(idOrName));
}

int listSections(Context& ctx, Jurisdiction j)
{
    ctx.out() << "Sections of the " << lawName(j) << " statement (set a text with --set-text KEY):\n";
    ctx.out() << "  " << QStringLiteral("organisation").leftJustified(14)
              << "(all statements) name of the organisation\n";
    ctx.out() << "  " << QStringLiteral("period").leftJustified(14) << "(all statements) reporting period\n";
    for (const StatementSectionDef& s : statementSections(j))
        ctx.out() << "  " << s.key.leftJustified(14) << s.reference << " " << s.title << "\n";
    ctx.out().flush();
    return ExitOk;
}

int setText(Context& ctx, Database& db, const QString& jurisdiction, const QString& section, const QString& file)
{
    if (jurisdiction != QLatin1String("all")) {
        const auto j = jurisdictionFromId(jurisdiction);
        if (!j)
            return ctx.usage(QStringLiteral("--jurisdiction is uk, au, ca, de, eu or all"));
        bool known = section == kOrganisationKey || section == kPeriodKey;
        for (const StatementSectionDef& s : statementSections(*j))
            known = known || s.key == section;
        if (!known)
            return ctx.usage(QStringLiteral("'%1' is not a section of the %2 statement; see --list-sections")
                                 .arg(section, jurisdiction));
    }
    QByteArray bytes;
    if (file == QLatin1String("-")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return ctx.fail(QStringLiteral("Standard input cannot be read."));
        bytes = in.readAll();
    } else {
        QFile in(file);
        if (!in.open(QIODevice::ReadOnly))
            return ctx.fail(QStringLiteral("%1: %2").arg(file, in.errorString()));
        bytes = in.readAll();
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return ctx.fail(QStringLiteral("%1 is not UTF-8 text; save it as UTF-8 and try again.").arg(file));
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    if (Status st = StatementTexts(db).setText(jurisdiction, section, text); !st)
        return ctx.fail(st.error());
    ctx.out() << (text.trimmed().isEmpty() ? "Removed" : "Saved") << " the text of section " << section << " ("
              << jurisdiction << ")\n";
    ctx.out().flush();
    return ExitOk;
}

int runReport(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    const QCommandLineOption kind(QStringLiteral("kind"),
                                  QStringLiteral("supplier, portfolio or statement (documents); register, scores, "
                                                 "findings or actions (data)."),
                                  QStringLiteral("KIND"));
    const QCommandLineOption supplier(QStringLiteral("supplier"), QStringLiteral("The supplier's id (or unique name)."),
                                      QStringLiteral("ID"));
    const QCommandLineOption jurisdiction(QStringLiteral("jurisdiction"),
                                          QStringLiteral("The statement's law: uk, au, ca, de or eu."),
                                          QStringLiteral("CODE"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("pdf, html, odt, csv or xlsx. Default: from --out's extension."),
                                    QStringLiteral("FORMAT"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("The file to write."), QStringLiteral("FILE"));
    const QCommandLineOption asOf(QStringLiteral("as-of"),
                                  QStringLiteral("Date of the report (YYYY-MM-DD, default today): scores are computed "
                                                 "as of the end of that day."),
                                  QStringLiteral("DATE"));
    const QCommandLineOption organisation(QStringLiteral("organisation"),
                                          QStringLiteral("The organisation named on supplier and portfolio reports "
                                                         "(default: the statements' organisation text)."),
                                          QStringLiteral("NAME"));
    const QCommandLineOption setTextOpt(QStringLiteral("set-text"),
                                        QStringLiteral("Save the company's text of a statement section."),
                                        QStringLiteral("SECTION"));
    const QCommandLineOption textFile(QStringLiteral("text-file"),
                                      QStringLiteral("UTF-8 text file for --set-text ('-' for standard input; an "
                                                     "empty file removes the text)."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption list(QStringLiteral("list-sections"), QStringLiteral("List a statement's sections."));
    parser.addOptions({kind, supplier, jurisdiction, format, out, asOf, organisation, setTextOpt, textFile, list});
    if (auto rc = ctx.parse(parser, args, kUsage))
        return *rc;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));

    if (parser.isSet(list)) {
        const auto j = jurisdictionFromId(parser.value(jurisdiction));
        if (!j)
            return ctx.usage(QStringLiteral("--list-sections needs --jurisdiction uk, au, ca, de or eu"));
        return listSections(ctx, *j);
    }

    if (parser.isSet(setTextOpt)) {
        if (!parser.isSet(textFile) || !parser.isSet(jurisdiction))
            return ctx.usage(QStringLiteral("--set-text needs --text-file FILE and --jurisdiction"));
        auto db = Database::open(Context::workspacePath(parser));
        if (!db)
            return ctx.fail(db.error());
        return setText(ctx, *db.value(), parser.value(jurisdiction).trimmed().toLower(), parser.value(setTextOpt),
                       parser.value(textFile));
    }

    static const QStringList kinds{QStringLiteral("supplier"), QStringLiteral("portfolio"), QStringLiteral("statement"),
                                   QStringLiteral("register"), QStringLiteral("scores"),    QStringLiteral("findings"),
                                   QStringLiteral("actions")};
    const QString k = parser.value(kind).trimmed().toLower();
    if (!kinds.contains(k))
        return ctx.usage(QStringLiteral("--kind is one of %1").arg(kinds.join(QStringLiteral(", "))));
    if (!parser.isSet(out))
        return ctx.usage(QStringLiteral("report needs --out FILE"));
    const QString path = parser.value(out);
    const QString f = (parser.isSet(format) ? parser.value(format) : QFileInfo(path).suffix()).trimmed().toLower();
    static const QStringList formats{QStringLiteral("pdf"), QStringLiteral("html"), QStringLiteral("odt"),
                                     QStringLiteral("csv"), QStringLiteral("xlsx")};
    if (!formats.contains(f))
        return ctx.usage(QStringLiteral("--format is pdf, html, odt, csv or xlsx (got '%1')").arg(f));
    const bool data = f == QLatin1String("csv") || f == QLatin1String("xlsx");
    const bool documentKind
        = k == QLatin1String("supplier") || k == QLatin1String("portfolio") || k == QLatin1String("statement");
    if (!documentKind && !data)
        return ctx.usage(QStringLiteral("--kind %1 is data: use --format csv or xlsx").arg(k));
    if (k == QLatin1String("statement") && data)
        return ctx.usage(QStringLiteral("a statement is a document: use --format pdf, html or odt"));
    std::optional<Jurisdiction> j;
    if (k == QLatin1String("statement")) {
        j = jurisdictionFromId(parser.value(jurisdiction));
        if (!j)
            return ctx.usage(QStringLiteral("--kind statement needs --jurisdiction uk, au, ca, de or eu"));
    }
    if (k == QLatin1String("supplier") && !parser.isSet(supplier))
        return ctx.usage(QStringLiteral("--kind supplier needs --supplier ID"));

    QDateTime now = QDateTime::currentDateTimeUtc();
    if (parser.isSet(asOf)) {
        const QDate d = QDate::fromString(parser.value(asOf), Qt::ISODate);
        if (!d.isValid())
            return ctx.usage(QStringLiteral("--as-of is a date YYYY-MM-DD (got '%1')").arg(parser.value(asOf)));
        now = QDateTime(d, QTime(23, 59, 59), Qt::UTC);
    }

    auto db = Database::open(Context::workspacePath(parser));
    if (!db)
        return ctx.fail(db.error());
    Database& database = *db.value();

    if (k == QLatin1String("register")) {
        // XLSX gets the "About" sheet (date, methodology, datasets) like the other data exports.
        auto n = report::writeRegister(database, path, f != QLatin1String("csv"), now);
        if (!n)
            return ctx.fail(n.error());
        ctx.out() << "Wrote the register (" << n.value() << " suppliers) to " << path << "\n";
        ctx.out().flush();
        return ExitOk;
    }

    QString supplierId;
    if (parser.isSet(supplier)) {
        auto id = resolveSupplier(database, parser.value(supplier).trimmed());
        if (!id)
            return ctx.fail(id.error());
        supplierId = id.value();
    }

    auto texts = StatementTexts(database).texts(j ? jurisdictionId(*j) : QStringLiteral("all"));
    if (!texts)
        return ctx.fail(texts.error());
    const QString org = parser.isSet(organisation) ? parser.value(organisation) : texts->value(kOrganisationKey);

    if (data) {
        QList<DataTable> tables;
        if (k == QLatin1String("scores") || k == QLatin1String("portfolio")) {
            auto p = gatherPortfolio(database, now);
            if (!p)
                return ctx.fail(p.error());
            tables << scoresTable(p.value());
        }
        if (k == QLatin1String("findings") || k == QLatin1String("supplier")) {
            auto t = findingsTable(database, supplierId);
            if (!t)
                return ctx.fail(t.error());
            tables << t.value();
        }
        if (k == QLatin1String("actions")) {
            auto t = actionsTable(database, supplierId);
            if (!t)
                return ctx.fail(t.error());
            tables << t.value();
        }
        const Status st = f == QLatin1String("csv") ? writeCsv(tables.first(), path) : writeXlsx(tables.first(), path);
        if (!st)
            return ctx.fail(st.error());
        ctx.out() << "Wrote " << tables.first().rows.size() << " row(s) of " << tables.first().name.toLower() << " to "
                  << path << "\n";
        ctx.out().flush();
        return ExitOk;
    }

    ReportDocument doc;
    if (k == QLatin1String("supplier")) {
        auto s = gatherSupplier(database, supplierId, now);
        if (!s)
            return ctx.fail(s.error());
        doc = buildSupplierReport(s.value(), org);
    } else {
        auto p = gatherPortfolio(database, now);
        if (!p)
            return ctx.fail(p.error());
        doc = k == QLatin1String("portfolio") ? buildPortfolioReport(p.value(), org)
                                              : buildStatement(p.value(), *j, texts.value());
    }
    const auto fmt = render::documentFormatFromString(f);
    if (Status st = render::writeReport(doc, *fmt, path); !st)
        return ctx.fail(st.error());
    ctx.out() << "Wrote the " << k << " report to " << path << "\n";
    ctx.out().flush();
    return ExitOk;
}

} // namespace

VIGIL_CLI_COMMAND("report", "Reports (supplier, portfolio, statements) as PDF, HTML or ODT; data as CSV or XLSX",
                  runReport);
