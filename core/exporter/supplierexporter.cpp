#include "exporter/supplierexporter.h"

#include "exporter/cellguard.h"
#include "exporter/supplierjson.h"
#include "exporter/xlsxworkbookwriter.h"
#include "storage/database.h"
#include "storage/supplierrepository.h"
#include "util/savefile.h"

#include <QFile>
#include <QIODevice>
#include <QJsonDocument>
#include <QLocale>
#include <QSqlQuery>
#include <QVariant>

#include <optional>

namespace vigil {

namespace {

// One exported row: text cells, and numbers kept apart so XLSX can write them as numbers.
struct Cell
{
    Cell() = default;
    Cell(QString t, std::optional<double> n = std::nullopt)
        : text(std::move(t))
        , number(n)
    {
    }
    QString text;
    std::optional<double> number;
};

QString numberText(double v)
{
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

Cell num(const QVariant& v)
{
    if (v.isNull())
        return {};
    const double d = v.toDouble();
    return {numberText(d), d};
}

const QStringList kSchemes{QStringLiteral("vendor_id"), QStringLiteral("lei"), QStringLiteral("duns"),
                           QStringLiteral("os_id"), QStringLiteral("tax_id")};

const char* kQuery
    = "SELECT s.id, s.name, s.other_names, s.country, s.address, s.sector, s.products, s.tier, s.annual_spend, "
      "s.currency, s.workers_min, s.workers_max, s.migrant_share, s.female_share, s.status, s.tags, "
      "(SELECT group_concat(i.scheme || char(31) || i.value, char(30)) FROM identifiers i "
      "WHERE i.supplier_id = s.id) FROM suppliers s ORDER BY s.name_key, s.rowid_";

QList<Cell> rowCells(const QSqlQuery& q)
{
    auto list = [](const QVariant& v) {
        const QString s = v.toString();
        return s.isEmpty() ? QStringList() : s.split(QLatin1Char('\n'));
    };
    QList<Cell> c;
    c << Cell{q.value(0).toString()} << Cell{q.value(1).toString()}
      << Cell{SupplierExporter::joinList(list(q.value(2)))} << Cell{q.value(3).toString()}
      << Cell{q.value(4).toString()} << Cell{q.value(5).toString()}
      << Cell{SupplierExporter::joinList(list(q.value(6)))} << num(q.value(7)) << num(q.value(8))
      << Cell{q.value(9).toString()} << num(q.value(10)) << num(q.value(11)) << num(q.value(12)) << num(q.value(13))
      << Cell{q.value(14).toString()} << Cell{SupplierExporter::joinList(list(q.value(15)))};
    QHash<QString, QStringList> ids;
    for (const QString& pair : q.value(16).toString().split(QChar(30), Qt::SkipEmptyParts)) {
        const int sep = pair.indexOf(QChar(31));
        if (sep > 0)
            ids[pair.left(sep)] << pair.mid(sep + 1);
    }
    for (const QString& scheme : kSchemes)
        c << Cell{SupplierExporter::joinList(ids.value(scheme))};
    return c;
}

QByteArray csvField(const QString& raw)
{
    const QString s = cellguard::guard(raw);
    const bool quote = s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n'))
        || s.contains(QLatin1Char('\r')) || (!s.isEmpty() && (s.at(0).isSpace() || s.back().isSpace()));
    if (!quote)
        return s.toUtf8();
    QString q = s;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return '"' + q.toUtf8() + '"';
}

} // namespace

std::optional<ExportFormat> exportFormatFromString(const QString& s)
{
    const QString k = s.trimmed().toLower();
    if (k == QLatin1String("csv"))
        return ExportFormat::Csv;
    if (k == QLatin1String("xlsx"))
        return ExportFormat::Xlsx;
    if (k == QLatin1String("json"))
        return ExportFormat::Json;
    return std::nullopt;
}

SupplierExporter::SupplierExporter(Database& db)
    : m_db(db)
{
}

QStringList SupplierExporter::columns()
{
    return {QStringLiteral("vigil_id"),      QStringLiteral("name"),         QStringLiteral("other_names"),
            QStringLiteral("country"),       QStringLiteral("address"),      QStringLiteral("sector"),
            QStringLiteral("products"),      QStringLiteral("tier"),         QStringLiteral("annual_spend"),
            QStringLiteral("currency"),      QStringLiteral("workers_min"),  QStringLiteral("workers_max"),
            QStringLiteral("migrant_share"), QStringLiteral("female_share"), QStringLiteral("status"),
            QStringLiteral("tags"),          QStringLiteral("vendor_id"),    QStringLiteral("lei"),
            QStringLiteral("duns"),          QStringLiteral("os_id"),        QStringLiteral("tax_id")};
}

void SupplierExporter::addXlsxSheet(const QString& name, const QStringList& header, const QList<QVariantList>& rows)
{
    m_extraSheets.append({name, header, rows});
}

QString SupplierExporter::joinList(const QStringList& items)
{
    const QString joined = items.join(QStringLiteral(" | "));
    // One item holding ';' would be split on ';' by the importer: a trailing '|' makes it split on '|' instead.
    if (items.size() == 1 && items.first().contains(QLatin1Char(';')))
        return joined + QStringLiteral(" |");
    return joined;
}

Result<qint64> SupplierExporter::write(const QString& path, ExportFormat format,
                                       const std::function<void(qint64)>& progress, const std::atomic<bool>* cancel)
{
    qint64 written = 0;
    auto cancelled = [&] { return cancel && cancel->load(); };
    const Error cancelError = makeError(QStringLiteral("The export was cancelled; no file was written."));
    if (format == ExportFormat::Json) {
        SupplierRepository repo(m_db);
        auto ids = repo.ids({}, -1);
        if (!ids)
            return ids.error();
        Status st = saveToFile(path, [&](QIODevice& out) -> Status {
            out.write("[\n");
            for (const QString& id : ids.value()) {
                if (cancelled())
                    return cancelError;
                auto rec = repo.record(id);
                if (!rec)
                    return rec.error();
                if (written > 0)
                    out.write(",\n");
                out.write(QJsonDocument(supplierRecordToJson(rec.value())).toJson(QJsonDocument::Compact));
                ++written;
                if (progress && written % 1000 == 0)
                    progress(written);
            }
            out.write("\n]\n");
            return {};
        });
        if (!st)
            return st.error();
        return written;
    }
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!q.exec(QString::fromLatin1(kQuery)))
        return Database::queryError(QStringLiteral("The suppliers could not be read for the export."), q);
    if (format == ExportFormat::Csv) {
        Status st = saveToFile(path, [&](QIODevice& out) -> Status {
            out.write("\xEF\xBB\xBF");
            QByteArray line;
            for (const QString& c : columns())
                line += (line.isEmpty() ? "" : ",") + csvField(c);
            out.write(line + "\r\n");
            while (q.next()) {
                if (cancelled())
                    return cancelError;
                line.clear();
                bool first = true;
                for (const Cell& c : rowCells(q)) {
                    if (!first)
                        line += ',';
                    first = false;
                    line += csvField(c.text);
                }
                line += "\r\n";
                if (out.write(line) != line.size())
                    return makeError(QStringLiteral("The export could not be written: %1.").arg(out.errorString()));
                ++written;
                if (progress && written % 1000 == 0)
                    progress(written);
            }
            return {};
        });
        if (!st)
            return st.error();
        return written;
    }
    // XLSX: through XlsxWorkbookWriter (libxlsxwriter in the vigil-xlsxwriter helper); it guards text cells itself.
    XlsxWorkbookWriter xlsx;
    if (Status s = xlsx.open(path); !s)
        return s.error();
    if (Status s = xlsx.addSheet(QStringLiteral("Suppliers"), columns()); !s)
        return s.error();
    QVariantList cells;
    while (q.next()) {
        if (cancelled())
            return cancelError; // the writer's destructor abandons the workbook: nothing is written
        cells.clear();
        for (const Cell& cell : rowCells(q))
            cells << (cell.number ? QVariant(*cell.number) : QVariant(cell.text));
        if (Status s = xlsx.addRow(cells); !s)
            return s.error();
        ++written;
        if (progress && written % 1000 == 0)
            progress(written);
    }
    for (const ExtraSheet& sheet : std::as_const(m_extraSheets)) {
        if (Status s = xlsx.addSheet(sheet.name, sheet.header); !s)
            return s.error();
        for (const QVariantList& row : sheet.rows)
            if (Status s = xlsx.addRow(row); !s)
                return s.error();
    }
    if (Status s = xlsx.close(); !s)
        return s.error();
    return written;
}

} // namespace vigil
