#include "report/dataexport.h"

#include "actions/actionrepository.h"

#include "exporter/cellguard.h"
#include "exporter/supplierexporter.h"
#include "exporter/xlsxworkbookwriter.h"
#include "risk/methodology.h"
#include "risk/methodologystore.h"
#include "risk/riskinput.h"
#include "risk/scoring.h"
#include "storage/database.h"
#include "util/savefile.h"

#include <QFile>
#include <QLocale>
#include <QSqlQuery>

namespace vigil::report {

namespace {

// Dates kept as dates (XLSX date cells); text that is not an ISO date stays text.
QVariant isoDate(const QVariant& v)
{
    const QString s = v.toString();
    const QDate d = QDate::fromString(s, Qt::ISODate);
    return d.isValid() ? QVariant(d) : QVariant(s);
}

bool isNumber(const QVariant& v)
{
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::Double:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return true;
    default:
        return false;
    }
}

QString cellText(const QVariant& v)
{
    if (v.isNull())
        return {};
    if (isNumber(v))
        return QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
    if (v.typeId() == QMetaType::Bool) // as spreadsheets write booleans, and as the XLSX export reads back
        return v.toBool() ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
    return v.toString();
}

QString csvField(const QString& raw)
{
    const QString s = cellguard::guard(raw);
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n'))
        || s.contains(QLatin1Char('\r'))) {
        QString q = s;
        q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + q + QLatin1Char('"');
    }
    return s;
}

// The indicator labels of the workspace's active methodology (the one the export's About sheet names).
Result<QMap<QString, QString>> indicatorLabels(Database& db)
{
    auto m = MethodologyStore(db).active();
    if (!m)
        return m.error();
    QMap<QString, QString> map;
    for (const IndicatorDef& d : m->indicators)
        map.insert(d.id, d.label);
    return map;
}

} // namespace

DataTable scoresTable(const PortfolioData& data)
{
    DataTable t;
    t.name = QStringLiteral("Scores");
    t.header = {QStringLiteral("supplier_id"),      QStringLiteral("name"),
                QStringLiteral("country"),          QStringLiteral("sector"),
                QStringLiteral("supply_tier"),      QStringLiteral("score"),
                QStringLiteral("risk_tier"),        QStringLiteral("classification"),
                QStringLiteral("zero_tolerance"),   QStringLiteral("coverage"),
                QStringLiteral("indicators_found"), QStringLiteral("evidence_gaps"),
                QStringLiteral("last_evidence"),    QStringLiteral("methodology"),
                QStringLiteral("evaluated_on")};
    const QString methodology = data.methodologyId + QLatin1Char(' ') + data.methodologyVersion;
    const QDate on = data.now.toUTC().date();
    for (const SupplierRisk& s : data.suppliers)
        t.rows << QVariantList{s.id,
                               s.name,
                               s.country,
                               s.sector,
                               s.supplyTier,
                               s.score,
                               tierId(s.tier),
                               classificationId(s.classification),
                               s.zeroTolerance ? QStringLiteral("yes") : QStringLiteral("no"),
                               s.coverage,
                               s.presentIndicators.join(QLatin1Char(' ')),
                               s.gapCount,
                               s.lastEvidence.isValid() ? QVariant(s.lastEvidence) : QVariant(),
                               methodology,
                               on};
    t.provenance = exportProvenance(data);
    return t;
}

Result<DataTable> findingsTable(Database& db, const QString& supplierId)
{
    DataTable t;
    t.name = QStringLiteral("Findings");
    t.header = {QStringLiteral("supplier_id"), QStringLiteral("supplier"),
                QStringLiteral("indicator"),   QStringLiteral("indicator_label"),
                QStringLiteral("status"),      QStringLiteral("source_type"),
                QStringLiteral("site"),        QStringLiteral("observed_on"),
                QStringLiteral("confidence")};
    const auto labels = indicatorLabels(db);
    if (!labels)
        return labels.error();
    const QMap<QString, QString>& names = labels.value();
    QSqlQuery q(db.db());
    q.prepare(QStringLiteral("SELECT o.supplier_id, s.name, o.indicator, o.status, o.source_type, "
                             "o.site_id, si.name, o.observed_on, o.confidence FROM risk_observations o "
                             "JOIN suppliers s ON s.id = o.supplier_id LEFT JOIN sites si ON si.id = o.site_id "
                             "WHERE (? = '' OR o.supplier_id = ?) ORDER BY s.name_key, o.observed_on, o.id"));
    const QString id = supplierId.isEmpty() ? QStringLiteral("") : supplierId; // never NULL: "? = ''" must hold
    q.addBindValue(id);
    q.addBindValue(id);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The findings could not be read."), q);
    while (q.next()) {
        // A site removed from the supplier keeps its id (schema 10): the finding is still about that site.
        const QString siteId = q.value(5).toString();
        const QString site = siteId.isEmpty() ? QString()
            : q.value(6).isNull()             ? removedSiteLabel()
                                              : q.value(6).toString();
        t.rows << QVariantList{q.value(0).toString(),
                               q.value(1).toString(),
                               q.value(2).toString(),
                               names.value(q.value(2).toString()),
                               q.value(3).toString(),
                               q.value(4).toString(),
                               site,
                               isoDate(q.value(7)),
                               q.value(8).toDouble()};
    }
    auto about = exportProvenance(db, QDateTime::currentDateTimeUtc());
    if (!about)
        return about.error();
    t.provenance = about.value();
    return t;
}

Result<DataTable> actionsTable(Database& db, const QString& supplierId)
{
    DataTable t;
    t.name = QStringLiteral("Actions");
    t.header = {QStringLiteral("action_id"),      QStringLiteral("supplier_id"), QStringLiteral("supplier"),
                QStringLiteral("site"),           QStringLiteral("indicator"),   QStringLiteral("indicator_label"),
                QStringLiteral("observation_id"), QStringLiteral("description"), QStringLiteral("owner"),
                QStringLiteral("opened_on"),      QStringLiteral("due_on"),      QStringLiteral("status"),
                QStringLiteral("closed_on"),      QStringLiteral("overdue")};
    const auto labels = indicatorLabels(db);
    if (!labels)
        return labels.error();
    const QMap<QString, QString>& names = labels.value();
    ActionQuery query;
    query.supplierId = supplierId;
    auto actions = ActionRepository(db).actions(query);
    if (!actions)
        return actions.error();
    const QDate today = QDateTime::currentDateTimeUtc().date();
    const auto date = [](const QDate& d) { return d.isValid() ? QVariant(d) : QVariant(); };
    // Verification notes are left out: they may identify workers.
    for (const CorrectiveAction& a : actions.value())
        t.rows << QVariantList{a.id,
                               a.supplierId,
                               a.supplierName,
                               a.siteName,
                               a.indicatorId,
                               names.value(a.indicatorId),
                               a.observationId,
                               a.description,
                               a.owner,
                               date(a.openedOn),
                               date(a.dueOn),
                               actionStatusId(a.status),
                               date(a.closedOn),
                               a.isOverdue(today)};
    auto about = exportProvenance(db, QDateTime::currentDateTimeUtc()); // the About sheet of XLSX exports
    if (!about)
        return about.error();
    t.provenance = about.value();
    return t;
}

QByteArray toCsv(const DataTable& table)
{
    QString out = QString(QChar(0xFEFF));
    QStringList fields;
    for (const QString& h : table.header)
        fields << csvField(h);
    out += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (const QVariantList& row : table.rows) {
        fields.clear();
        for (const QVariant& v : row)
            fields << csvField(cellText(v));
        out += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

Status writeCsv(const DataTable& table, const QString& path)
{
    return saveToFile(path, toCsv(table));
}

Result<ExportProvenance> exportProvenance(Database& db, const QDateTime& now)
{
    auto context = loadScoringContext(db, now);
    if (!context)
        return context.error();
    ExportProvenance p;
    p.generatedAt = now.toUTC();
    p.methodologyId = context->methodology.id;
    p.methodologyName = context->methodology.name;
    p.methodologyVersion = context->methodology.version;
    p.datasets = reportDatasets(context->reference);
    return p;
}

ExportProvenance exportProvenance(const PortfolioData& data)
{
    return {data.now.toUTC(), data.methodologyId, data.methodologyName, data.methodologyVersion, data.datasets};
}

DataTable aboutTable(const ExportProvenance& about, const QList<DataTable>& sheets)
{
    DataTable t;
    t.name = QStringLiteral("About");
    t.header = {QStringLiteral("item"),      QStringLiteral("value"),   QStringLiteral("edition"),
                QStringLiteral("publisher"), QStringLiteral("licence"), QStringLiteral("source")};
    t.rows << QVariantList{QStringLiteral("export"), QStringLiteral("Vigil data export")};
    for (const DataTable& s : sheets)
        t.rows << QVariantList{QStringLiteral("sheet"), s.name, {}, {}, {}, {}};
    // A date-time cell, and the same instant as text so that it reads the same in every spreadsheet.
    QDateTime at = about.generatedAt.toUTC();
    at.setTime(QTime(at.time().hour(), at.time().minute(), at.time().second())); // whole seconds: no reader rounds
    t.rows << QVariantList{QStringLiteral("generated_utc"), QDateTime(at.date(), at.time())};
    t.rows << QVariantList{QStringLiteral("generated"), at.toString(Qt::ISODate)};
    t.rows << QVariantList{QStringLiteral("methodology"), about.methodologyName};
    t.rows << QVariantList{QStringLiteral("methodology_id"), about.methodologyId};
    t.rows << QVariantList{QStringLiteral("methodology_version"), about.methodologyVersion};
    if (about.datasets.isEmpty())
        t.rows << QVariantList{QStringLiteral("dataset"), QStringLiteral("none used")};
    for (const ReportDataset& d : about.datasets)
        t.rows << QVariantList{QStringLiteral("dataset"), d.name, d.edition, d.publisher, d.licence, d.source};
    return t;
}

Status writeXlsx(const DataTable& table, const QString& path)
{
    return writeXlsx(QList<DataTable>{table}, path);
}

Status writeXlsx(const QList<DataTable>& tables, const QString& path)
{
    if (tables.isEmpty() || !tables.first().provenance)
        return makeError(QStringLiteral("An XLSX data export needs its date, methodology and datasets (provenance); "
                                        "none was given, so nothing was written."));
    XlsxWorkbookWriter writer;
    if (Status st = writer.open(path); !st)
        return st;
    QList<DataTable> all = tables;
    all << aboutTable(*tables.first().provenance, tables);
    for (const DataTable& table : std::as_const(all)) {
        if (table.rows.size() >= XlsxWorkbookWriter::kMaxRows)
            return makeError(
                QStringLiteral("%1 has more rows than one XLSX sheet holds; export as CSV instead.").arg(table.name));
        if (Status st = writer.addSheet(table.name, table.header); !st)
            return st;
        for (const QVariantList& row : table.rows)
            if (Status st = writer.addRow(row); !st)
                return st;
    }
    return writer.close();
}

Result<qint64> writeRegister(Database& db, const QString& path, bool xlsx, const QDateTime& now)
{
    SupplierExporter exporter(db);
    if (!xlsx)
        return exporter.write(path, ExportFormat::Csv);
    auto about = exportProvenance(db, now);
    if (!about)
        return about.error();
    DataTable suppliers;
    suppliers.name = QStringLiteral("Suppliers");
    const DataTable sheet = aboutTable(about.value(), {suppliers});
    exporter.addXlsxSheet(sheet.name, sheet.header, sheet.rows);
    return exporter.write(path, ExportFormat::Xlsx);
}

} // namespace vigil::report
