#include "importer/importsupport.h"

#include "storage/database.h"
#include "util/textkey.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>

#include <algorithm>

namespace vigil {

FileHasher::FileHasher(const QString& path)
{
    m_thread = std::thread([this, path] {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            m_failure = f.errorString();
            return;
        }
        QCryptographicHash h(QCryptographicHash::Sha256);
        QByteArray buffer(1 << 20, Qt::Uninitialized);
        for (;;) {
            if (m_stop.load())
                return;
            const qint64 n = f.read(buffer.data(), buffer.size());
            if (n < 0) {
                m_failure = f.errorString();
                return;
            }
            if (n == 0)
                break;
            h.addData(QByteArrayView(buffer.constData(), n));
        }
        m_hex = QString::fromLatin1(h.result().toHex());
    });
}

FileHasher::~FileHasher()
{
    if (m_thread.joinable()) {
        m_stop.store(true);
        m_thread.join();
    }
}

Result<QString> FileHasher::result()
{
    if (m_thread.joinable())
        m_thread.join();
    if (!m_failure.isEmpty() || m_hex.isEmpty())
        return makeError(QStringLiteral("The file cannot be read: %1.").arg(m_failure));
    return m_hex;
}

RollbackJournal::RollbackJournal(Database& db)
    : m_db(db)
{
}

bool RollbackJournal::begin()
{
    QSqlQuery q(m_db.db());
    if (q.exec(QStringLiteral("PRAGMA journal_mode = DELETE")) && q.next()
        && q.value(0).toString().compare(QLatin1String("delete"), Qt::CaseInsensitive) == 0) {
        m_active = true;
        q.exec(QStringLiteral("PRAGMA synchronous = FULL"));
    }
    return m_active;
}

RollbackJournal::~RollbackJournal()
{
    if (!m_active)
        return;
    QSqlQuery q(m_db.db());
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next()
        || q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        qWarning("vigil: the workspace stays in rollback-journal mode until it is opened again");
    q.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
}

namespace {

QStringList unite(QStringList a, const QStringList& b)
{
    for (const QString& x : b)
        if (!a.contains(x))
            a << x;
    return a;
}

} // namespace

SupplierRecord mergeRow(const SupplierRecord& before, const BuiltRow& row)
{
    SupplierRecord r = before;
    Supplier& s = r.supplier;
    const Supplier& n = row.record.supplier;
    auto has = [&](ImportField f) { return row.present.contains(f); };
    if (has(ImportField::Name) && searchKey(n.name) != searchKey(s.name)) {
        bool known = false;
        for (const QString& o : s.otherNames)
            known = known || searchKey(o) == searchKey(n.name);
        if (!known)
            s.otherNames << n.name;
    }
    s.otherNames = unite(s.otherNames, n.otherNames);
    if (has(ImportField::Country) && !n.country.isEmpty())
        s.country = n.country;
    if (has(ImportField::Address))
        s.address = n.address;
    if (has(ImportField::Sector))
        s.sector = n.sector;
    s.products = unite(s.products, n.products);
    if (has(ImportField::Tier))
        s.tier = n.tier;
    if (has(ImportField::AnnualSpend))
        s.annualSpend = n.annualSpend;
    if (has(ImportField::Currency))
        s.currency = n.currency;
    if (has(ImportField::Workers)) {
        s.workersMin = n.workersMin;
        s.workersMax = n.workersMax;
    }
    if (has(ImportField::WorkersMin))
        s.workersMin = n.workersMin;
    if (has(ImportField::WorkersMax))
        s.workersMax = n.workersMax;
    if (has(ImportField::MigrantShare))
        s.migrantShare = n.migrantShare;
    if (has(ImportField::FemaleShare))
        s.femaleShare = n.femaleShare;
    if (has(ImportField::Status))
        s.status = n.status;
    s.tags = unite(s.tags, n.tags);
    for (const Identifier& i : row.record.identifiers)
        if (!r.identifiers.contains(i))
            r.identifiers << i;
    for (const Site& site : row.record.sites) {
        const bool known = std::any_of(r.sites.begin(), r.sites.end(), [&](const Site& x) {
            return searchKey(x.name) == searchKey(site.name) && looseKey(x.address) == looseKey(site.address);
        });
        if (!known)
            r.sites << site;
    }
    return r;
}

bool sameRecord(const SupplierRecord& a, const SupplierRecord& b)
{
    return a.supplier == b.supplier && a.identifiers == b.identifiers && a.sites == b.sites
        && a.recruiters == b.recruiters;
}

} // namespace vigil
