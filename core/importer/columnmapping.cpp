#include "importer/columnmapping.h"

#include "util/textkey.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>

#include <vector>

namespace vigil {

namespace {

struct FieldInfo
{
    ImportField field;
    const char* key;
    const char* label;
    // Synonyms, written as people write them; compared by compactKey().
    std::vector<const char*> synonyms;
};

// The synonym table. Open Supply Hub's upload columns (name, address, country, sector, product_type,
// number_of_workers, facility_type, processing_type, parent_company, lat, lng) and download columns (os_id,
// contribution_date, name, address, country_code, country_name, lat, lng, sector, contributor, number_of_workers,
// parent_company, processing_type_facility_type_raw, facility_type, processing_type, product_type, is_closed)
// are here as they are spelt.
const QList<FieldInfo>& table()
{
    static const QList<FieldInfo> t{
        {ImportField::VigilId, "vigil_id", "Vigil id", {"vigil id", "vigil_id", "vigil uuid", "supplier uuid"}},
        {ImportField::Name,
         "name",
         "Name",
         {"name",         "supplier",          "supplier name",     "suppliers name",     "vendor",
          "vendor name",  "factory",           "factory name",      "facility",           "facility name",
          "company",      "company name",      "business name",     "legal name",         "organisation",
          "organization", "organisation name", "organization name", "site name",          "mill name",
          "farm name",    "producer",          "producer name",     "manufacturer",       "manufacturer name",
          "partner name", "entity name",       "registered name",   "supplier legal name"}},
        {ImportField::OtherNames,
         "other_names",
         "Other names",
         {"other names", "other name", "alternative names", "alternative name", "alias", "aliases", "aka",
          "also known as", "trading name", "trade name", "local name", "name local language", "name in local language",
          "former name", "former names", "dba", "doing business as"}},
        {ImportField::Country,
         "country",
         "Country",
         {"country", "country region", "country or region", "countryregion", "country code", "country_code",
          "country name", "country_name", "nation", "location country", "supplier country", "factory country",
          "country of origin", "origin country", "iso country", "iso country code", "ctry"}},
        {ImportField::Address,
         "address",
         "Address",
         {"address", "full address", "street address", "location", "factory address", "facility address",
          "supplier address", "site address", "postal address", "address line", "address line 1"}},
        {ImportField::Sector,
         "sector",
         "Sector",
         {"sector", "sectors", "industry", "industry sector", "business sector", "category", "supplier category",
          "commodity", "commodity group"}},
        {ImportField::Products,
         "products",
         "Products",
         {"products", "product", "product type", "product_type", "product types", "goods", "good", "items",
          "main products", "product category", "product categories", "commodities", "materials"}},
        {ImportField::Tier, "tier", "Tier", {"tier", "supplier tier", "tier level", "supply chain tier", "level"}},
        {ImportField::AnnualSpend,
         "annual_spend",
         "Annual spend",
         {"annual spend", "spend", "yearly spend", "annual spend amount", "total spend", "purchase value", "purchases",
          "purchase volume", "annual purchase value", "spend amount", "annual turnover with supplier"}},
        {ImportField::Currency, "currency", "Currency", {"currency", "spend currency", "currency code", "ccy", "cur"}},
        {ImportField::Workers,
         "workers",
         "Workers",
         {"workers",
          "number of workers",
          "number_of_workers",
          "no of workers",
          "nr of workers",
          "num workers",
          "worker count",
          "workers count",
          "total workers",
          "total number of workers",
          "workforce",
          "workforce size",
          "employees",
          "number of employees",
          "no of employees",
          "employee count",
          "headcount",
          "head count",
          "staff",
          "number of staff",
          "size of workforce",
          "number workers"}},
        {ImportField::WorkersMin,
         "workers_min",
         "Workers (min)",
         {"workers min", "min workers", "minimum workers", "workers minimum", "workers from", "workers_min"}},
        {ImportField::WorkersMax,
         "workers_max",
         "Workers (max)",
         {"workers max", "max workers", "maximum workers", "workers maximum", "workers to", "workers_max"}},
        {ImportField::MigrantShare,
         "migrant_share",
         "Migrant share",
         {"migrant share",
          "percent migrant workers",
          "percent migrant",
          "percent migrants",
          "migrant workers percent",
          "migrant percent",
          "share of migrant workers",
          "migrant workers share",
          "percentage migrant workers",
          "percentage of migrant workers",
          "migrant worker percentage",
          "migrant ratio",
          "migrant workers ratio",
          "foreign workers percent",
          "percent foreign workers",
          "share of foreign workers",
          "migrant_share",
          "migrant workers",
          "migrants",
          "migrant share percent",
          "migrant workers percentage"}},
        {ImportField::FemaleShare,
         "female_share",
         "Female share",
         {"female share", "percent female workers", "percent female", "percent women", "percent women workers",
          "female workers percent", "share of female workers", "share of women", "percentage of female workers",
          "percentage female workers", "female ratio", "female_share", "female workers", "women workers",
          "female share percent"}},
        {ImportField::Status,
         "status",
         "Status",
         {"status", "supplier status", "vendor status", "relationship status", "active status"}},
        {ImportField::Closed, "is_closed", "Closed", {"is closed", "is_closed", "closed"}},
        {ImportField::Tags, "tags", "Tags", {"tags", "tag", "labels", "label", "keywords"}},
        {ImportField::VendorId,
         "vendor_id",
         "Vendor id",
         {"vendor id", "vendor_id", "vendor number", "vendor no", "vendor code", "supplier id", "supplier number",
          "supplier no", "supplier code", "supplier ref", "supplier reference", "erp id", "sap id", "internal id",
          "factory id", "facility id", "id", "vendor ref", "account number"}},
        {ImportField::Lei, "lei", "LEI", {"lei", "lei code", "legal entity identifier"}},
        {ImportField::Duns, "duns", "DUNS", {"duns", "duns number", "d u n s", "duns no", "dnb number", "d&b number"}},
        {ImportField::OsId,
         "os_id",
         "OS ID",
         {"os id", "os_id", "open supply hub id", "osh id", "oar id", "open supply id"}},
        {ImportField::TaxId,
         "tax_id",
         "Tax id",
         {"tax id", "tax number", "tax no", "vat", "vat number", "vat id", "tin", "taxpayer id",
          "business registration number", "registration number", "company registration number", "mst", "ma so thue",
          "npwp", "gstin", "uscc", "unified social credit code"}},
        {ImportField::SiteType,
         "site_type",
         "Site type",
         {"facility type", "facility_type", "site type", "site_type", "type of facility", "factory type"}},
    };
    return t;
}

// Words a header may carry around a field name that do not change its meaning.
const QStringList& fillerWords()
{
    static const QStringList w{QStringLiteral("supplier"), QStringLiteral("suppliers"), QStringLiteral("vendor"),
                               QStringLiteral("factory"),  QStringLiteral("facility"),  QStringLiteral("company"),
                               QStringLiteral("site"),     QStringLiteral("the"),       QStringLiteral("optional"),
                               QStringLiteral("required"), QStringLiteral("s")};
    return w;
}

QString normalised(const QString& cell)
{
    QString c = cell;
    c.replace(QLatin1Char('%'), QStringLiteral(" percent "));
    c.replace(QLatin1Char('#'), QStringLiteral(" number "));
    c.replace(QLatin1Char('_'), QLatin1Char(' '));
    // "workers (min)" and "workers [max]" keep their words; looseKey drops the brackets.
    return looseKey(c);
}

const QHash<QString, ImportField>& synonyms()
{
    static const QHash<QString, ImportField> map = [] {
        QHash<QString, ImportField> m;
        for (const FieldInfo& info : table()) {
            for (const char* s : info.synonyms) {
                const QString key = HeaderMatcher::compactKey(QString::fromUtf8(s));
                if (!m.contains(key))
                    m.insert(key, info.field);
            }
            m.insert(HeaderMatcher::compactKey(QString::fromLatin1(info.key)), info.field);
        }
        return m;
    }();
    return map;
}

bool isListField(ImportField f)
{
    return f == ImportField::OtherNames || f == ImportField::Products || f == ImportField::Tags;
}

} // namespace

QString fieldKey(ImportField f)
{
    if (f == ImportField::Ignore)
        return {};
    for (const FieldInfo& info : table())
        if (info.field == f)
            return QString::fromLatin1(info.key);
    return {};
}

QString fieldLabel(ImportField f)
{
    if (f == ImportField::Ignore)
        return QStringLiteral("(ignore)");
    for (const FieldInfo& info : table())
        if (info.field == f)
            return QString::fromUtf8(info.label);
    return {};
}

ImportField fieldFromKey(const QString& key)
{
    for (const FieldInfo& info : table())
        if (key == QLatin1String(info.key))
            return info.field;
    return ImportField::Ignore;
}

QList<ImportField> allImportFields()
{
    QList<ImportField> out;
    for (const FieldInfo& info : table())
        out << info.field;
    return out;
}

void ColumnMapping::setField(int column, ImportField f)
{
    if (column < 0)
        return;
    if (column >= m_columns.size())
        m_columns.resize(column + 1, ImportField::Ignore);
    m_columns[column] = f;
}

QList<int> ColumnMapping::columnsOf(ImportField f) const
{
    QList<int> out;
    for (int i = 0; i < m_columns.size(); ++i)
        if (m_columns.at(i) == f)
            out << i;
    return out;
}

QJsonObject ColumnMapping::toJson() const
{
    QJsonArray cols;
    for (ImportField f : m_columns)
        cols.append(fieldKey(f));
    return QJsonObject{{QStringLiteral("columns"), cols}};
}

ColumnMapping ColumnMapping::fromJson(const QJsonObject& o)
{
    QVector<ImportField> cols;
    for (const QJsonValue& v : o.value(QStringLiteral("columns")).toArray())
        cols << fieldFromKey(v.toString());
    return ColumnMapping(cols);
}

QString HeaderMatcher::compactKey(const QString& headerCell)
{
    QString k = normalised(headerCell);
    k.remove(QLatin1Char(' '));
    return k;
}

ImportField HeaderMatcher::fieldFor(const QString& headerCell)
{
    const QString n = normalised(headerCell);
    if (n.isEmpty())
        return ImportField::Ignore;
    QString key = n;
    key.remove(QLatin1Char(' '));
    const auto& syn = synonyms();
    if (auto it = syn.constFind(key); it != syn.constEnd())
        return it.value();
    // "Supplier Country", "Factory Address (optional)": drop filler words and try again.
    QStringList words = n.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList kept;
    for (const QString& w : words)
        if (!fillerWords().contains(w))
            kept << w;
    if (!kept.isEmpty() && kept.size() != words.size()) {
        if (auto it = syn.constFind(kept.join(QString())); it != syn.constEnd())
            return it.value();
    }
    return ImportField::Ignore;
}

ColumnMapping HeaderMatcher::map(const QStringList& header)
{
    ColumnMapping m;
    QList<ImportField> seen;
    for (int i = 0; i < header.size(); ++i) {
        ImportField f = fieldFor(header.at(i));
        if (f != ImportField::Ignore && seen.contains(f) && !isListField(f) && f != ImportField::Country)
            f = ImportField::Ignore;
        if (f != ImportField::Ignore)
            seen << f;
        m.setField(i, f);
    }
    return m;
}

QString HeaderMatcher::knownFormat(const QStringList& header)
{
    QStringList keys;
    for (const QString& h : header)
        keys << h.trimmed().toLower();
    auto hasAll = [&](std::initializer_list<const char*> names) {
        for (const char* n : names)
            if (!keys.contains(QLatin1String(n)))
                return false;
        return true;
    };
    if (hasAll({"os_id", "name", "address", "country_code", "country_name"}))
        return QStringLiteral("open-supply-hub-download");
    if (hasAll({"vigil_id", "name", "country", "workers_min", "workers_max"}))
        return QStringLiteral("vigil-export");
    if (hasAll({"name", "address", "country"})
        && (keys.contains(QLatin1String("sector")) || keys.contains(QLatin1String("product_type"))
            || keys.contains(QLatin1String("number_of_workers")) || keys.contains(QLatin1String("facility_type"))))
        return QStringLiteral("open-supply-hub-upload");
    return {};
}

QString HeaderMatcher::signature(const QStringList& header)
{
    QStringList keys;
    for (const QString& h : header)
        keys << compactKey(h);
    while (!keys.isEmpty() && keys.last().isEmpty())
        keys.removeLast();
    return QString::fromLatin1(
        QCryptographicHash::hash(keys.join(QChar(0x1f)).toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
}

} // namespace vigil
