#include "report/dataexport.h"

#include "exporter/cellguard.h"
#include "exporter/xlsxsheetwriter.h"
#include "risk/methodology.h"
#include "storage/database.h"
#include "util/savefile.h"

#include <QFile>
#include <QLocale>
#include <QSqlQuery>

namespace vigil::report {

namespace {

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

QMap<QString, QString> labels(bool indicators)
{
    QMap<QString, QString> map;
    auto m = Methodology::loadDefault();
    if (!m)
        return map;
    if (indicators)
        for (const IndicatorDef& d : m->indicators)
            map.insert(d.id, d.label);
    else
        for (const MitigationDef& d : m->mitigations)
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
    const QString on = data.now.toUTC().date().toString(Qt::ISODate);
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
                               s.lastEvidence.isValid() ? s.lastEvidence.toString(Qt::ISODate) : QString(),
                               methodology,
                               on};
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
    const QMap<QString, QString> names = labels(true);
    QSqlQuery q(db.db());
    q.prepare(QStringLiteral("SELECT o.supplier_id, s.name, o.indicator, o.status, o.source_type, "
                             "coalesce(si.name, ''), o.observed_on, o.confidence FROM risk_observations o "
                             "JOIN suppliers s ON s.id = o.supplier_id LEFT JOIN sites si ON si.id = o.site_id "
                             "WHERE (? = '' OR o.supplier_id = ?) ORDER BY s.name_key, o.observed_on, o.id"));
    const QString id = supplierId.isEmpty() ? QStringLiteral("") : supplierId; // never NULL: "? = ''" must hold
    q.addBindValue(id);
    q.addBindValue(id);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The findings could not be read."), q);
    while (q.next())
        t.rows << QVariantList{
            q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), names.value(q.value(2).toString()),
            q.value(3).toString(), q.value(4).toString(), q.value(5).toString(), q.value(6).toString(),
            q.value(7).toDouble()};
    return t;
}

Result<DataTable> actionsTable(Database& db, const QString& supplierId)
{
    DataTable t;
    t.name = QStringLiteral("Actions");
    t.header = {QStringLiteral("supplier_id"), QStringLiteral("supplier"), QStringLiteral("type"),
                QStringLiteral("label"), QStringLiteral("verified_on")};
    const QMap<QString, QString> names = labels(false);
    QSqlQuery q(db.db());
    q.prepare(QStringLiteral("SELECT m.supplier_id, s.name, m.type, m.verified_on FROM risk_mitigations m "
                             "JOIN suppliers s ON s.id = m.supplier_id WHERE (? = '' OR m.supplier_id = ?) "
                             "ORDER BY s.name_key, m.verified_on, m.id"));
    const QString id = supplierId.isEmpty() ? QStringLiteral("") : supplierId; // never NULL: "? = ''" must hold
    q.addBindValue(id);
    q.addBindValue(id);
    if (!q.exec())
        return Database::queryError(QStringLiteral("The actions could not be read."), q);
    while (q.next())
        t.rows << QVariantList{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                               names.value(q.value(2).toString()), q.value(3).toString()};
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

Status writeXlsx(const DataTable& table, const QString& path)
{
    if (table.rows.size() >= XlsxSheetWriter::kMaxRows)
        return makeError(
            QStringLiteral("%1 has more rows than one XLSX sheet holds; export as CSV instead.").arg(table.name));
    return saveToFile(path, [&table](QIODevice& dev) -> Status {
        XlsxSheetWriter writer;
        if (Status st = writer.open(&dev, table.name); !st)
            return st;
        writer.beginRow();
        for (const QString& h : table.header)
            writer.addText(h, true);
        if (Status st = writer.endRow(); !st)
            return st;
        for (const QVariantList& row : table.rows) {
            writer.beginRow();
            for (const QVariant& v : row) {
                if (isNumber(v))
                    writer.addNumber(v.toDouble());
                else if (v.toString().isEmpty())
                    writer.addEmpty();
                else
                    writer.addText(cellguard::guard(v.toString()));
            }
            if (Status st = writer.endRow(); !st)
                return st;
        }
        return writer.close();
    });
}

} // namespace vigil::report
