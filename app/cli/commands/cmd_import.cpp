// vigil-cli import FILE [-w WS] [--sheet NAME] [--mapping PROFILE] [--map COLUMN=FIELD ...] [--save-mapping NAME]
//                  [--header-row N] [--encoding E] [--delimiter C] [--dry-run] [--on-error abort|skip]
//                  [--possible-duplicates hold|new] [--json]
#include "clicommand.h"

#include "importer/importer.h"
#include "storage/database.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace vigil;
using namespace vigil::cli;

namespace {

const QString kUsage = QStringLiteral(
    "import FILE [-w FILE] [--sheet NAME] [--mapping PROFILE] [--map COLUMN=FIELD ...] [--save-mapping NAME]\n"
    "                 [--header-row N] [--encoding E] [--delimiter C] [--dry-run] [--on-error abort|skip]\n"
    "                 [--possible-duplicates hold|new] [--json]");

QJsonObject errorJson(const Error& e)
{
    QJsonObject o{{QStringLiteral("message"), e.message}};
    if (!e.file.isEmpty())
        o.insert(QStringLiteral("file"), e.file);
    if (e.row >= 0)
        o.insert(QStringLiteral("row"), e.row);
    if (e.column >= 0)
        o.insert(QStringLiteral("column"), e.column);
    if (!e.field.isEmpty())
        o.insert(QStringLiteral("field"), e.field);
    return o;
}

QJsonObject reportJson(const ImportReport& r, bool dryRun)
{
    const ImportCounts& c = r.counts;
    QJsonArray rows;
    for (const RowResult& x : r.rows) {
        QJsonArray errors;
        for (const Error& e : x.errors)
            errors.append(errorJson(e));
        QJsonObject o{{QStringLiteral("row"), x.row},
                      {QStringLiteral("status"), toString(x.status)},
                      {QStringLiteral("action"), toString(x.action)},
                      {QStringLiteral("name"), x.name},
                      {QStringLiteral("country"), x.country},
                      {QStringLiteral("reasons"), QJsonArray::fromStringList(x.reasons)},
                      {QStringLiteral("issues"), errors}};
        if (!x.supplierId.isEmpty())
            o.insert(QStringLiteral("supplier_id"), x.supplierId);
        if (x.matchKind != MatchKind::None) {
            o.insert(QStringLiteral("match"), toString(x.matchKind));
            o.insert(QStringLiteral("candidate_id"), x.candidateId);
            o.insert(QStringLiteral("candidate_name"), x.candidateName);
            o.insert(QStringLiteral("score"), x.score);
        }
        rows.append(o);
    }
    QJsonArray columns;
    for (int i = 0; i < r.header.size(); ++i)
        columns.append(QJsonObject{{QStringLiteral("column"), i + 1},
                                   {QStringLiteral("header"), r.header.at(i)},
                                   {QStringLiteral("field"), fieldKey(r.mapping.field(i))}});
    return QJsonObject{
        {QStringLiteral("file"), r.file},
        {QStringLiteral("sha256"), r.sha256},
        {QStringLiteral("format"), r.format},
        {QStringLiteral("encoding"), r.encoding},
        {QStringLiteral("delimiter"), r.delimiter},
        {QStringLiteral("sheet"), r.sheet},
        {QStringLiteral("header_row"), r.headerRow},
        {QStringLiteral("known_format"), r.knownFormat},
        {QStringLiteral("profile"), r.profile},
        {QStringLiteral("mapping"), columns},
        {QStringLiteral("dry_run"), dryRun},
        {QStringLiteral("committed"), r.committed},
        {QStringLiteral("aborted"), r.aborted},
        {QStringLiteral("batch"), r.batchId},
        {QStringLiteral("counts"),
         QJsonObject{{QStringLiteral("rows"), c.rows},
                     {QStringLiteral("new"), c.newRows},
                     {QStringLiteral("matched"), c.matched},
                     {QStringLiteral("possible_duplicate"), c.possibleDuplicates},
                     {QStringLiteral("warning"), c.warnings},
                     {QStringLiteral("error"), c.errors},
                     {QStringLiteral("added"), c.added},
                     {QStringLiteral("updated"), c.updated},
                     {QStringLiteral("unchanged"), c.unchanged},
                     {QStringLiteral("held"), c.held},
                     {QStringLiteral("skipped"), c.skipped}}},
        {QStringLiteral("rows"), rows},
        {QStringLiteral("rows_truncated"), r.rowsTruncated},
    };
}

void printReport(QTextStream& out, const ImportReport& r, bool dryRun)
{
    const ImportCounts& c = r.counts;
    QStringList how{r.format};
    if (!r.encoding.isEmpty())
        how << r.encoding;
    if (!r.delimiter.isEmpty())
        how << (r.delimiter == QLatin1String("\t") ? QStringLiteral("tab") : QStringLiteral("'%1'").arg(r.delimiter));
    if (!r.sheet.isEmpty())
        how << QStringLiteral("sheet \"%1\"").arg(r.sheet);
    how << QStringLiteral("header row %1").arg(r.headerRow);
    out << "File:      " << r.file << " (" << how.join(QStringLiteral(", ")) << ")\n";
    if (!r.knownFormat.isEmpty())
        out << "Format:    " << r.knownFormat << "\n";
    QStringList mapped, ignored;
    for (int i = 0; i < r.header.size(); ++i) {
        const ImportField f = r.mapping.field(i);
        if (f == ImportField::Ignore)
            ignored << QStringLiteral("\"%1\"").arg(r.header.at(i));
        else
            mapped << QStringLiteral("%1 -> %2").arg(r.header.at(i), fieldKey(f));
    }
    out << "Mapping:   " << (r.profile.isEmpty() ? QString() : QStringLiteral("profile \"%1\": ").arg(r.profile))
        << mapped.join(QStringLiteral(", ")) << "\n";
    if (!ignored.isEmpty())
        out << "Ignored:   " << ignored.join(QStringLiteral(", ")) << "\n";
    out << "Rows:      " << c.rows << "  new " << c.newRows << "  matched " << c.matched << "  possible duplicate "
        << c.possibleDuplicates << "  warning " << c.warnings << "  error " << c.errors << "\n";
    out << (dryRun || r.aborted ? "Would do:  " : "Done:      ") << "added " << c.added << ", updated " << c.updated
        << ", unchanged " << c.unchanged << ", held for review " << c.held << ", skipped " << c.skipped << "\n";
    auto section = [&](RowStatus status, const char* title) {
        bool any = false;
        for (const RowResult& x : r.rows) {
            if (x.status != status)
                continue;
            if (!any)
                out << title << ":\n";
            any = true;
            if (status == RowStatus::Error || status == RowStatus::Warning) {
                for (const Error& e : x.errors)
                    out << "  " << e.toString() << "\n";
            } else {
                out << "  row " << x.row << ": \"" << x.name << "\" ~ \"" << x.candidateName << "\" ("
                    << qRound(x.score * 100) << "%, " << x.candidateId << ")\n";
            }
        }
    };
    section(RowStatus::Error, "Errors");
    section(RowStatus::PossibleDuplicate, "Possible duplicates (held for review)");
    section(RowStatus::Warning, "Warnings");
    if (r.rowsTruncated)
        out << "(more rows than listed: use --json for the first " << r.rows.size() << ")\n";
    if (r.aborted)
        out << "Aborted:   the file has errors, so nothing was imported. Fix them, or run with --on-error skip.\n";
    else if (dryRun)
        out << "Dry run:   nothing was changed.\n";
    else
        out << "Import:    " << r.batchId << " (undo with: vigil-cli imports undo " << r.batchId.left(8) << ")\n";
}

int runImport(const QStringList& args, Context& ctx)
{
    QCommandLineParser parser;
    Context::addWorkspaceOption(parser);
    const QCommandLineOption sheet(QStringLiteral("sheet"),
                                   QStringLiteral("XLSX: the sheet to read (default: the first)."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption mapping(QStringLiteral("mapping"), QStringLiteral("Use this saved mapping profile."),
                                     QStringLiteral("PROFILE"));
    const QCommandLineOption map(QStringLiteral("map"),
                                 QStringLiteral("Map a column (header text or 1-based number) to a field, e.g. "
                                                "\"Fabrik=name\" or \"3=country\"; \"=ignore\" drops it. Repeatable."),
                                 QStringLiteral("COLUMN=FIELD"));
    const QCommandLineOption saveMapping(QStringLiteral("save-mapping"),
                                         QStringLiteral("Save the mapping used as a profile with this name."),
                                         QStringLiteral("NAME"));
    const QCommandLineOption headerRow(QStringLiteral("header-row"),
                                       QStringLiteral("1-based row of the header (default: detected)."),
                                       QStringLiteral("N"));
    const QCommandLineOption encoding(QStringLiteral("encoding"),
                                      QStringLiteral("CSV: UTF-8, UTF-16LE, UTF-16BE, Windows-1252, ISO-8859-1 "
                                                     "(default: detected)."),
                                      QStringLiteral("E"));
    const QCommandLineOption delimiter(QStringLiteral("delimiter"),
                                       QStringLiteral("CSV: , ; | or tab (default: detected)."), QStringLiteral("C"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    QStringLiteral("Check, match and count everything, then change nothing."));
    const QCommandLineOption onError(QStringLiteral("on-error"),
                                     QStringLiteral("abort (default): a row with errors stops the import and nothing "
                                                    "is changed; skip: such rows are left out."),
                                     QStringLiteral("abort|skip"), QStringLiteral("abort"));
    const QCommandLineOption possible(QStringLiteral("possible-duplicates"),
                                      QStringLiteral("hold (default): rows similar to a known supplier are left out "
                                                     "for review; new: add them as new suppliers."),
                                      QStringLiteral("hold|new"), QStringLiteral("hold"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the report as JSON."));
    parser.addOptions(
        {sheet, mapping, map, saveMapping, headerRow, encoding, delimiter, dryRun, onError, possible, json});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The CSV or XLSX file to import."));
    if (auto rc = ctx.parse(parser, args, kUsage))
        return *rc;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("import needs exactly one FILE"));
    const QString file = parser.positionalArguments().first();
    ImportOptions options;
    options.reader.sheet = parser.value(sheet);
    options.reader.encoding = parser.value(encoding);
    if (parser.isSet(delimiter)) {
        QString d = parser.value(delimiter);
        if (d == QLatin1String("tab") || d == QLatin1String("\\t"))
            d = QStringLiteral("\t");
        if (d.size() != 1)
            return ctx.usage(QStringLiteral("--delimiter takes one character (or 'tab')"));
        options.reader.delimiter = d.at(0);
    }
    if (parser.isSet(headerRow)) {
        bool ok = false;
        options.reader.headerRow = parser.value(headerRow).toInt(&ok);
        if (!ok || options.reader.headerRow < 1)
            return ctx.usage(QStringLiteral("--header-row needs a row number of 1 or more"));
    }
    const QString onErrorValue = parser.value(onError);
    if (onErrorValue == QLatin1String("skip"))
        options.onError = ImportOptions::OnError::Skip;
    else if (onErrorValue != QLatin1String("abort"))
        return ctx.usage(QStringLiteral("--on-error is abort or skip"));
    const QString possibleValue = parser.value(possible);
    if (possibleValue == QLatin1String("new"))
        options.possibleDuplicates = ImportOptions::Possible::AddAsNew;
    else if (possibleValue != QLatin1String("hold"))
        return ctx.usage(QStringLiteral("--possible-duplicates is hold or new"));
    options.profile = parser.value(mapping);
    options.saveProfileAs = parser.value(saveMapping);
    options.dryRun = parser.isSet(dryRun);
    if (!QFileInfo(file).isFile())
        return ctx.fail(QStringLiteral("%1: no such file").arg(file));

    auto db = Database::open(Context::workspacePath(parser));
    if (!db)
        return ctx.fail(db.error());
    Importer importer(*db.value());
    if (parser.isSet(map)) {
        // Start from the proposed mapping and apply the overrides by header text or column number.
        auto preview = importer.preview(file, options, 1);
        if (!preview)
            return ctx.fail(preview.error());
        ColumnMapping m = preview->mapping;
        for (const QString& spec : parser.values(map)) {
            const int eq = spec.lastIndexOf(QLatin1Char('='));
            if (eq <= 0)
                return ctx.usage(QStringLiteral("--map takes COLUMN=FIELD, got '%1'").arg(spec));
            const QString col = spec.left(eq).trimmed();
            const QString fieldName = spec.mid(eq + 1).trimmed();
            const ImportField f = fieldFromKey(fieldName);
            if (f == ImportField::Ignore && fieldName != QLatin1String("ignore") && !fieldName.isEmpty()) {
                QStringList keys;
                for (ImportField x : allImportFields())
                    keys << fieldKey(x);
                return ctx.usage(QStringLiteral("unknown field '%1' (fields: %2, ignore)")
                                     .arg(fieldName, keys.join(QStringLiteral(", "))));
            }
            bool isNumber = false;
            int index = col.toInt(&isNumber) - 1;
            if (!isNumber) {
                index = -1;
                for (int i = 0; i < preview->header.size(); ++i)
                    if (preview->header.at(i).trimmed().compare(col, Qt::CaseInsensitive) == 0)
                        index = i;
            }
            if (index < 0 || index >= std::max(int(preview->header.size()), m.columnCount()))
                return ctx.usage(QStringLiteral("--map: there is no column '%1' in the header").arg(col));
            m.setField(index, f);
        }
        options.mapping = m;
    }
    auto report = importer.run(file, options);
    if (!report)
        return ctx.fail(report.error());
    if (parser.isSet(json))
        ctx.out() << QJsonDocument(reportJson(report.value(), options.dryRun)).toJson(QJsonDocument::Indented);
    else
        printReport(ctx.out(), report.value(), options.dryRun);
    ctx.out().flush();
    if (report->aborted
        || (options.dryRun && report->counts.errors > 0 && options.onError == ImportOptions::OnError::Abort))
        return ExitFailure;
    return ExitOk;
}

} // namespace

VIGIL_CLI_COMMAND("import", "Import a supplier list (CSV or XLSX) into a workspace", runImport);
