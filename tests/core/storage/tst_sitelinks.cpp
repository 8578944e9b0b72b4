// Saving a supplier must not cut its observations loose from their sites: risk_observations.site_id references
// sites ON DELETE SET NULL, and the risk engine's "same site" rule (possible forced labour) reads those links.
#include "importer/importer.h"
#include "importer/importhistory.h"
#include "risk/riskrepository.h"
#include "storage/changelog.h"
#include "storage/database.h"
#include "storage/supplierrepository.h"
#include "util/uuid.h"

#include <QFile>
#include <QHash>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

class TestSiteLinks : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void saveKeepsLinks_data();
    void saveKeepsLinks();
    void removingSiteUnlinksOnlyItsObservations();
    void undoRestoresExactly();
    void unchangedSaveWritesNothing();
    void duplicateSiteIdRefused();
    void importMergeKeepsLinks();

private:
    // A supplier (vendor id V9) with two sites, and three observations: one at each site, one for the supplier.
    void makeSupplier();
    // observation id -> site id ('' when not linked)
    QHash<QString, QString> links() const;
    // "entity/action/field" of each change-log entry in a batch, in order.
    QStringList logOf(const QString& batch) const;
    QString scalarText(const QString& sql) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SupplierRepository> m_repo;
    QString m_id;
    QString m_plant, m_dorm;
    QString m_atPlant, m_atDorm, m_wide;
};

void TestSiteLinks::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto db = Database::open(m_dir->filePath(QStringLiteral("links.vigil")), Database::Mode::CreateIfMissing);
    QVERIFY(db.ok());
    m_db = std::move(db.value());
    m_repo = std::make_unique<SupplierRepository>(*m_db);
    m_repo->setActor(QStringLiteral("tester"));
    makeSupplier();
}

void TestSiteLinks::cleanup()
{
    m_repo.reset();
    m_db.reset();
    m_dir.reset();
}

void TestSiteLinks::makeSupplier()
{
    SupplierRecord rec;
    rec.supplier.id = newUuid();
    rec.supplier.name = QStringLiteral("Blue Ocean Seafood");
    rec.supplier.country = QStringLiteral("TH");
    rec.supplier.sector = QStringLiteral("Fishing");
    rec.identifiers << Identifier{IdentifierScheme::VendorId, QStringLiteral("V9")};
    m_plant = newUuid();
    m_dorm = newUuid();
    rec.sites.append({m_plant, rec.supplier.id, QStringLiteral("Processing plant"), SiteType::ProcessingPlant,
                      QStringLiteral("Mahachai"), QStringLiteral("TH"), 800});
    rec.sites.append({m_dorm, rec.supplier.id, QStringLiteral("Dormitory"), SiteType::Dormitory, QString(),
                      QStringLiteral("TH"), std::nullopt});
    const Status st = m_repo->add(rec);
    QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().toString()));
    m_id = rec.supplier.id;

    RiskRepository risk(*m_db);
    RiskObservation o;
    o.indicatorId = QStringLiteral("ilo_07_retention_of_identity_documents");
    o.status = ObservationStatus::Present;
    o.sourceType = QStringLiteral("worker_interview");
    o.date = QDate(2026, 3, 1);
    o.siteId = m_plant;
    auto a = risk.addObservation(m_id, o);
    QVERIFY(a.ok());
    m_atPlant = a.value();
    o.indicatorId = QStringLiteral("ilo_09_excessive_overtime");
    o.siteId = m_dorm;
    auto b = risk.addObservation(m_id, o);
    QVERIFY(b.ok());
    m_atDorm = b.value();
    o.siteId.clear();
    auto c = risk.addObservation(m_id, o);
    QVERIFY(c.ok());
    m_wide = c.value();
    QCOMPARE(links().value(m_atPlant), m_plant);
    QCOMPARE(links().value(m_atDorm), m_dorm);
}

QHash<QString, QString> TestSiteLinks::links() const
{
    QHash<QString, QString> out;
    auto obs = RiskRepository(*m_db).observations(m_id);
    if (!obs.ok())
        return out;
    for (const RiskObservation& o : obs.value())
        out.insert(o.id, o.siteId);
    return out;
}

QStringList TestSiteLinks::logOf(const QString& batch) const
{
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("SELECT entity, action, field FROM change_log WHERE batch = ? ORDER BY seq"));
    q.addBindValue(batch);
    QStringList out;
    if (!q.exec())
        return {QStringLiteral("query failed")};
    while (q.next())
        out << QStringLiteral("%1/%2/%3").arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
    return out;
}

QString TestSiteLinks::scalarText(const QString& sql) const
{
    QSqlQuery q(m_db->db());
    if (!q.exec(sql) || !q.next())
        return QStringLiteral("<none>");
    return q.value(0).toString();
}

enum class Edit { FieldOnly, FieldAndSite, Reorder, AddSite };
Q_DECLARE_METATYPE(Edit)

void TestSiteLinks::saveKeepsLinks_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QStringList>("log");
    QTest::addRow("a changed field keeps both links")
        << Edit::FieldOnly << QStringList{QStringLiteral("supplier/update/sector")};
    QTest::addRow("a changed field and an edited site keep both links")
        << Edit::FieldAndSite
        << QStringList{QStringLiteral("supplier/update/sector"), QStringLiteral("site/update/Processing plant")};
    QTest::addRow("sites in another order keep both links (nothing logged)") << Edit::Reorder << QStringList{};
    QTest::addRow("a site added keeps the others' links")
        << Edit::AddSite << QStringList{QStringLiteral("site/create/Warehouse")};
}

void TestSiteLinks::saveKeepsLinks()
{
    QFETCH(Edit, edit);
    QFETCH(QStringList, log);
    SupplierRecord rec = m_repo->record(m_id).value();
    switch (edit) {
    case Edit::FieldOnly:
        rec.supplier.sector = QStringLiteral("Seafood processing");
        break;
    case Edit::FieldAndSite:
        rec.supplier.sector = QStringLiteral("Seafood processing");
        rec.sites[0].workers = 950;
        rec.sites[0].address = QStringLiteral("Mahachai, Samut Sakhon");
        break;
    case Edit::Reorder:
        rec.sites.swapItemsAt(0, 1);
        break;
    case Edit::AddSite: {
        Site w;
        w.name = QStringLiteral("Warehouse");
        w.type = SiteType::Warehouse;
        w.country = QStringLiteral("TH");
        rec.sites.insert(0, w); // at the top: the others move down
        break;
    }
    }
    const Status st = m_repo->save(rec, QStringLiteral("edit"));
    QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().toString()));

    const auto l = links();
    QCOMPARE(l.value(m_atPlant), m_plant);
    QCOMPARE(l.value(m_atDorm), m_dorm);
    QCOMPARE(l.value(m_wide), QString());
    QCOMPARE(logOf(QStringLiteral("edit")), log);
    // The stored record is the one saved, in its order, with the same site ids.
    const SupplierRecord back = m_repo->record(m_id).value();
    QCOMPARE(back.sites.size(), rec.sites.size());
    for (int i = 0; i < rec.sites.size(); ++i) {
        if (!rec.sites.at(i).id.isEmpty())
            QCOMPARE(back.sites.at(i).id, rec.sites.at(i).id);
        QCOMPARE(back.sites.at(i).name, rec.sites.at(i).name);
        QCOMPARE(back.sites.at(i).workers, rec.sites.at(i).workers);
        QCOMPARE(back.sites.at(i).address, rec.sites.at(i).address);
    }
    QCOMPARE(back.supplier.sector, rec.supplier.sector);
    QCOMPARE(scalarText(QStringLiteral("SELECT group_concat(position, ',') FROM (SELECT position FROM sites "
                                       "WHERE supplier_id = '%1' ORDER BY position)")
                            .arg(m_id)),
             rec.sites.size() == 3 ? QStringLiteral("0,1,2") : QStringLiteral("0,1"));
}

void TestSiteLinks::removingSiteUnlinksOnlyItsObservations()
{
    SupplierRecord rec = m_repo->record(m_id).value();
    rec.sites.removeAt(1); // the dormitory
    rec.supplier.tier = 2;
    QVERIFY(m_repo->save(rec, QStringLiteral("remove")).ok());
    const auto l = links();
    QCOMPARE(l.size(), 3); // observations are never deleted with a site
    QCOMPARE(l.value(m_atPlant), m_plant);
    QCOMPARE(l.value(m_atDorm), QString());
    QCOMPARE(l.value(m_wide), QString());
    QCOMPARE(logOf(QStringLiteral("remove")),
             (QStringList{QStringLiteral("supplier/update/tier"), QStringLiteral("site/delete/Dormitory")}));
    QCOMPARE(scalarText(QStringLiteral("SELECT count(*) FROM sites WHERE id = '%1'").arg(m_dorm)), QStringLiteral("0"));
}

void TestSiteLinks::undoRestoresExactly()
{
    // As the GUI's EditSupplierCommand does: redo saves `after`, undo saves `before`.
    const SupplierRecord before = m_repo->record(m_id).value();
    SupplierRecord after = before;
    after.supplier.name = QStringLiteral("Blue Ocean Seafood Co., Ltd.");
    after.sites[1].name = QStringLiteral("Workers' dormitory");
    after.sites[1].workers = 120;
    after.identifiers << Identifier{IdentifierScheme::Duns, QStringLiteral("123456789")};
    QVERIFY(m_repo->save(after, QStringLiteral("redo")).ok());
    QVERIFY(m_repo->save(before, QStringLiteral("undo")).ok());
    const SupplierRecord back = m_repo->record(m_id).value();
    QCOMPARE(back.sites, before.sites);
    QCOMPARE(back.identifiers, before.identifiers);
    QVERIFY(diff(back.supplier, before.supplier).isEmpty());
    QCOMPARE(links().value(m_atPlant), m_plant);
    QCOMPARE(links().value(m_atDorm), m_dorm);
    const QStringList redo{QStringLiteral("supplier/update/name"), QStringLiteral("site/update/Workers' dormitory"),
                           QStringLiteral("identifier/create/duns")};
    QCOMPARE(logOf(QStringLiteral("redo")), redo);
    QCOMPARE(logOf(QStringLiteral("undo")),
             (QStringList{QStringLiteral("supplier/update/name"), QStringLiteral("site/update/Dormitory"),
                          QStringLiteral("identifier/delete/duns")}));
}

void TestSiteLinks::unchangedSaveWritesNothing()
{
    SupplierRecord rec = m_repo->record(m_id).value();
    for (Site& s : rec.sites)
        s.supplierId.clear(); // a caller that does not fill it: still the same sites
    const QString updated = scalarText(QStringLiteral("SELECT updated_at FROM suppliers WHERE id = '%1'").arg(m_id));
    const qint64 entries = ChangeLog(m_db->db()).count().value();
    QVERIFY(m_repo->save(rec).ok());
    QCOMPARE(ChangeLog(m_db->db()).count().value(), entries);
    QCOMPARE(scalarText(QStringLiteral("SELECT updated_at FROM suppliers WHERE id = '%1'").arg(m_id)), updated);
    QCOMPARE(links().value(m_atDorm), m_dorm);
}

void TestSiteLinks::duplicateSiteIdRefused()
{
    SupplierRecord rec = m_repo->record(m_id).value();
    rec.supplier.sector = QStringLiteral("Seafood processing");
    rec.sites.append(rec.sites.first());
    rec.sites.last().name = QStringLiteral("Copy");
    const Status st = m_repo->save(rec);
    QVERIFY(!st.ok());
    // Nothing was written.
    const SupplierRecord back = m_repo->record(m_id).value();
    QCOMPARE(back.supplier.sector, QStringLiteral("Fishing"));
    QCOMPARE(back.sites.size(), 2);
    QCOMPARE(back.sites.first().name, QStringLiteral("Processing plant"));
}

void TestSiteLinks::importMergeKeepsLinks()
{
    const SupplierRecord before = m_repo->record(m_id).value();
    // Same vendor id: the row merges into the supplier, changes its workers and brings a site of its own.
    const QString path = m_dir->filePath(QStringLiteral("list.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("Name,Country,Vendor ID,Workers,Address,Facility type\r\n"
            "Blue Ocean Seafood Co Ltd,Thailand,V9,450,\"12 Rama II Road, Samut Sakhon\",Warehouse\r\n");
    f.close();
    Importer importer(*m_db);
    auto r = importer.run(path, {});
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QVERIFY(r->committed);
    QCOMPARE(r->counts.updated, 1);
    QCOMPARE(r->counts.added, 0);
    const SupplierRecord merged = m_repo->record(m_id).value();
    QCOMPARE(merged.sites.size(), 3);
    QCOMPARE(merged.sites.at(0).id, m_plant);
    QCOMPARE(merged.sites.at(1).id, m_dorm);
    QCOMPARE(merged.supplier.workersMax, std::optional<int>(450));
    QCOMPARE(links().value(m_atPlant), m_plant);
    QCOMPARE(links().value(m_atDorm), m_dorm);
    const QStringList log = logOf(r->batchId);
    QVERIFY2(!log.filter(QStringLiteral("site/create/")).isEmpty(), qPrintable(log.join(QLatin1Char(' '))));
    QVERIFY2(log.filter(QStringLiteral("site/update/")).isEmpty(), qPrintable(log.join(QLatin1Char(' '))));
    QVERIFY2(log.filter(QStringLiteral("site/delete/")).isEmpty(), qPrintable(log.join(QLatin1Char(' '))));

    // Undoing the import gives back the record as it was, and the links are still there.
    auto undo = ImportHistory(*m_db).undo(r->batchId);
    QVERIFY2(undo.ok(), qPrintable(undo.ok() ? QString() : undo.error().toString()));
    const SupplierRecord back = m_repo->record(m_id).value();
    QCOMPARE(back.sites, before.sites);
    QCOMPARE(back.identifiers, before.identifiers);
    QVERIFY(diff(back.supplier, before.supplier).isEmpty());
    QCOMPARE(links().value(m_atPlant), m_plant);
    QCOMPARE(links().value(m_atDorm), m_dorm);
    QCOMPARE(logOf(undo->undoBatch).filter(QStringLiteral("site/")),
             QStringList{QStringLiteral("site/delete/%1").arg(merged.sites.at(2).name)});
}

QTEST_GUILESS_MAIN(TestSiteLinks)
#include "tst_sitelinks.moc"
