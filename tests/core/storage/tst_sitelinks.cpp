// Saving a supplier must not cut its observations loose from their sites: the risk engine's "same site" rule
// (possible forced labour) reads those links. Since schema 10 risk_observations.site_id has no foreign key (it was
// ON DELETE SET NULL): removing a site leaves its observations at that (removed) site, and undoing the removal, which
// puts the site back with the same id, gives back exactly what the user had.
#include "importer/importer.h"
#include "importer/importhistory.h"
#include "risk/methodology.h"
#include "risk/riskengine.h"
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

#include <algorithm>

using namespace vigil;

class TestSiteLinks : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void saveKeepsLinks_data();
    void saveKeepsLinks();
    void removingSiteKeepsItsObservationsThere();
    void undoOfSiteRemovalRestoresLinks();
    void sameSiteRuleSurvivesRemovalAndUndo();
    void observationAtRemovedSiteCanBePutBack();
    void siteOfAnotherSupplierRefused();
    void removingSupplierRemovesItsObservations();
    void undoRestoresExactly();
    void unchangedSaveWritesNothing();
    void duplicateSiteIdRefused();
    void importMergeKeepsLinks();
    void importUndoAfterSiteRemovalRestoresLinks();
    void importUndoRemovingItsSiteKeepsObservationThere();

private:
    // A supplier (vendor id V9) with two sites, and three observations: one at each site, one for the supplier.
    void makeSupplier();
    // observation id -> site id ('' when not linked)
    QHash<QString, QString> links() const;
    // "entity/action/field" of each change-log entry in a batch, in order.
    QStringList logOf(const QString& batch) const;
    QString scalarText(const QString& sql) const;
    // The default methodology's score of the supplier as the workspace holds it now.
    RiskResult score() const;
    // Writes a CSV with one row that merges into the supplier (vendor id V9) and imports it; returns the batch id.
    QString importMerge(const QByteArray& csv);

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

RiskResult TestSiteLinks::score() const
{
    static const Methodology m = Methodology::loadDefault().value();
    const auto in = RiskRepository(*m_db).input(m_id);
    if (!in.ok())
        return {};
    return RiskEngine::evaluate(in.value(), m, ReferenceData(), QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC));
}

QString TestSiteLinks::importMerge(const QByteArray& csv)
{
    const QString path = m_dir->filePath(QStringLiteral("merge.csv"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    f.write(csv);
    f.close();
    Importer importer(*m_db);
    auto r = importer.run(path, {});
    if (!r.ok() || !r->committed || r->counts.updated != 1)
        return {};
    return r->batchId;
}

void TestSiteLinks::removingSiteKeepsItsObservationsThere()
{
    SupplierRecord rec = m_repo->record(m_id).value();
    rec.sites.removeAt(1); // the dormitory
    rec.supplier.tier = 2;
    QVERIFY(m_repo->save(rec, QStringLiteral("remove")).ok());
    const auto l = links();
    QCOMPARE(l.size(), 3); // observations are never deleted with a site
    QCOMPARE(l.value(m_atPlant), m_plant);
    QCOMPARE(l.value(m_atDorm), m_dorm); // still about the dormitory, not the supplier as a whole
    QCOMPARE(l.value(m_wide), QString());
    QCOMPARE(scalarText(QStringLiteral("SELECT count(*) FROM risk_observations WHERE site_id IS NULL")),
             QStringLiteral("1"));
    QCOMPARE(logOf(QStringLiteral("remove")),
             (QStringList{QStringLiteral("supplier/update/tier"), QStringLiteral("site/delete/Dormitory")}));
    QCOMPARE(scalarText(QStringLiteral("SELECT count(*) FROM sites WHERE id = '%1'").arg(m_dorm)), QStringLiteral("0"));
    // What readers call it: the plant by its name, the dormitory as removed, the supplier-wide one nothing.
    const auto names = RiskRepository(*m_db).siteNames(m_id);
    QVERIFY(names.ok());
    QCOMPARE(observationSiteLabel(m_plant, names.value()), QStringLiteral("Processing plant"));
    QCOMPARE(observationSiteLabel(m_dorm, names.value()), QStringLiteral("(site removed)"));
    QCOMPARE(observationSiteLabel(QString(), names.value()), QString());
}

void TestSiteLinks::undoOfSiteRemovalRestoresLinks()
{
    // As the GUI's EditSupplierCommand does: redo saves `after` (the dormitory removed), undo saves `before`.
    const SupplierRecord before = m_repo->record(m_id).value();
    SupplierRecord after = before;
    after.sites.removeAt(1);
    QVERIFY(m_repo->save(after, QStringLiteral("redo")).ok());
    QCOMPARE(m_repo->record(m_id).value().sites.size(), 1);
    QVERIFY(m_repo->save(before, QStringLiteral("undo")).ok());
    const SupplierRecord back = m_repo->record(m_id).value();
    QCOMPARE(back.sites, before.sites);
    const auto l = links();
    QCOMPARE(l.value(m_atPlant), m_plant);
    QCOMPARE(l.value(m_atDorm), m_dorm);
    QCOMPARE(l.value(m_wide), QString());
    QCOMPARE(observationSiteLabel(m_dorm, RiskRepository(*m_db).siteNames(m_id).value()), QStringLiteral("Dormitory"));
    QCOMPARE(logOf(QStringLiteral("undo")), QStringList{QStringLiteral("site/create/Dormitory")});
    // Redo and undo again: the same.
    QVERIFY(m_repo->save(after, QStringLiteral("redo2")).ok());
    QVERIFY(m_repo->save(before, QStringLiteral("undo2")).ok());
    QCOMPARE(links().value(m_atDorm), m_dorm);
}

void TestSiteLinks::sameSiteRuleSurvivesRemovalAndUndo()
{
    // Deception (involuntariness) at the dormitory; isolation (coercion) with no site recorded; retention of
    // documents (coercion) at the plant. No site has both: "review", with a gap asking for the site of the isolation.
    // Had the dormitory's observation become supplier-wide, it would pair with the isolation: "possible forced
    // labour".
    RiskRepository risk(*m_db);
    RiskObservation o;
    o.status = ObservationStatus::Present;
    o.sourceType = QStringLiteral("worker_interview");
    o.date = QDate(2026, 3, 1);
    o.indicatorId = QStringLiteral("ilo_02_deception");
    o.siteId = m_dorm;
    QVERIFY(risk.addObservation(m_id, o).ok());
    o.indicatorId = QStringLiteral("ilo_04_isolation");
    o.siteId.clear();
    QVERIFY(risk.addObservation(m_id, o).ok());

    const RiskResult first = score();
    QCOMPARE(first.classification, IloClassification::Review);
    QVERIFY(std::any_of(first.gaps.cbegin(), first.gaps.cend(), [&](const EvidenceGap& g) {
        return g.kind == GapKind::SiteNotRecorded && g.subject == m_dorm;
    }));

    const SupplierRecord before = m_repo->record(m_id).value();
    SupplierRecord after = before;
    after.sites.removeAt(1);
    QVERIFY(m_repo->save(after).ok());
    const RiskResult removed = score(); // still about the (removed) dormitory
    QCOMPARE(removed.classification, first.classification);
    QCOMPARE(removed.score, first.score);
    QCOMPARE(removed.tier, first.tier);
    QVERIFY(m_repo->save(before).ok());
    const RiskResult undone = score();
    QCOMPARE(undone.classification, first.classification);
    QCOMPARE(undone.score, first.score);
    QCOMPARE(undone.tier, first.tier);
    QCOMPARE(undone.escalations, first.escalations);
    QCOMPARE(undone.gaps.size(), first.gaps.size());
}

void TestSiteLinks::observationAtRemovedSiteCanBePutBack()
{
    // The dormitory is removed; then the observation made there is removed and put back (the GUI's undo of "Remove
    // observation" adds it again with the same id and site).
    const SupplierRecord before = m_repo->record(m_id).value();
    SupplierRecord rec = before;
    rec.sites.removeAt(1);
    QVERIFY(m_repo->save(rec).ok());
    RiskRepository risk(*m_db);
    const QList<RiskObservation> all = risk.observations(m_id).value();
    const auto it = std::find_if(all.cbegin(), all.cend(), [&](const RiskObservation& o) { return o.id == m_atDorm; });
    QVERIFY(it != all.cend());
    const RiskObservation kept = *it;
    QCOMPARE(kept.siteId, m_dorm);
    QVERIFY(risk.removeObservation(m_atDorm).ok());
    // New evidence is not recorded at a removed site; the observation put back keeps it.
    RiskObservation fresh = kept;
    fresh.id.clear();
    const auto refused = risk.addObservation(m_id, fresh);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().field, QStringLiteral("site"));
    const auto back = risk.restoreObservation(m_id, kept);
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
    QCOMPARE(back.value(), m_atDorm);
    QCOMPARE(links().value(m_atDorm), m_dorm);
    // Putting the dormitory back (undo of its removal) links it again.
    QVERIFY(m_repo->save(before).ok());
    QCOMPARE(links().value(m_atDorm), m_dorm);
    QCOMPARE(observationSiteLabel(m_dorm, risk.siteNames(m_id).value()), QStringLiteral("Dormitory"));
}

void TestSiteLinks::siteOfAnotherSupplierRefused()
{
    SupplierRecord other;
    other.supplier.name = QStringLiteral("Other Co");
    other.supplier.country = QStringLiteral("VN");
    other.sites.append({newUuid(), QString(), QStringLiteral("Other plant"), SiteType::Factory, QString(),
                        QStringLiteral("VN"), std::nullopt});
    QVERIFY(m_repo->add(other).ok());
    RiskObservation o;
    o.indicatorId = QStringLiteral("ilo_02_deception");
    o.status = ObservationStatus::Present;
    o.sourceType = QStringLiteral("audit");
    o.siteId = other.sites.first().id;
    RiskRepository risk(*m_db);
    const auto refused = risk.addObservation(m_id, o);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().field, QStringLiteral("site"));
    o.id = newUuid();
    QVERIFY(!risk.restoreObservation(m_id, o).ok()); // not even as a removed site
    o.id.clear();
    o.siteId = QStringLiteral("not-a-site");
    const auto bad = risk.addObservation(m_id, o);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().field, QStringLiteral("site"));
    QCOMPARE(links().size(), 3); // nothing was added
}

void TestSiteLinks::removingSupplierRemovesItsObservations()
{
    // The supplier's observations still go with it (supplier_id ON DELETE CASCADE), those at a removed site too.
    SupplierRecord rec = m_repo->record(m_id).value();
    rec.sites.removeAt(1);
    QVERIFY(m_repo->save(rec).ok());
    QCOMPARE(scalarText(QStringLiteral("SELECT count(*) FROM risk_observations")), QStringLiteral("3"));
    QVERIFY(m_repo->remove(m_id).ok());
    QCOMPARE(scalarText(QStringLiteral("SELECT count(*) FROM risk_observations")), QStringLiteral("0"));
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

void TestSiteLinks::importUndoAfterSiteRemovalRestoresLinks()
{
    // An import merges into the supplier (its record as it was is kept for undo); then the user removes the
    // dormitory; then the import is undone (--force: the supplier changed after it). The undo puts the record back as
    // it was before the import, dormitory included, with the same id: its observation is linked again.
    const SupplierRecord before = m_repo->record(m_id).value();
    const QString batch = importMerge("Name,Country,Vendor ID,Workers\r\nBlue Ocean Seafood,Thailand,V9,450\r\n");
    QVERIFY(!batch.isEmpty());
    SupplierRecord rec = m_repo->record(m_id).value();
    QCOMPARE(rec.supplier.workersMax, std::optional<int>(450));
    rec.sites.removeAt(1);
    QVERIFY(m_repo->save(rec, QStringLiteral("remove")).ok());
    QCOMPARE(links().value(m_atDorm), m_dorm);
    QVERIFY(!ImportHistory(*m_db).undo(batch).ok()); // changed after the import: refused without force
    auto undo = ImportHistory(*m_db).undo(batch, true);
    QVERIFY2(undo.ok(), qPrintable(undo.ok() ? QString() : undo.error().toString()));
    const SupplierRecord back = m_repo->record(m_id).value();
    QCOMPARE(back.sites, before.sites);
    QVERIFY(diff(back.supplier, before.supplier).isEmpty());
    const auto l = links();
    QCOMPARE(l.value(m_atPlant), m_plant);
    QCOMPARE(l.value(m_atDorm), m_dorm);
    QCOMPARE(l.value(m_wide), QString());
    QCOMPARE(logOf(undo->undoBatch).filter(QStringLiteral("site/")),
             QStringList{QStringLiteral("site/create/Dormitory")});
}

void TestSiteLinks::importUndoRemovingItsSiteKeepsObservationThere()
{
    // An import brings a warehouse; an observation is recorded there; undoing the import removes the warehouse. The
    // observation stays, still about the (now removed) warehouse: neither deleted nor made supplier-wide.
    const QString batch = importMerge("Name,Country,Vendor ID,Address,Facility type\r\n"
                                      "Blue Ocean Seafood,Thailand,V9,\"12 Rama II Road\",Warehouse\r\n");
    QVERIFY(!batch.isEmpty());
    const SupplierRecord merged = m_repo->record(m_id).value();
    QCOMPARE(merged.sites.size(), 3);
    const QString warehouse = merged.sites.at(2).id;
    RiskObservation o;
    o.indicatorId = QStringLiteral("ilo_02_deception");
    o.status = ObservationStatus::Present;
    o.sourceType = QStringLiteral("audit");
    o.siteId = warehouse;
    const auto added = RiskRepository(*m_db).addObservation(m_id, o);
    QVERIFY(added.ok());
    auto undo = ImportHistory(*m_db).undo(batch, true);
    QVERIFY2(undo.ok(), qPrintable(undo.ok() ? QString() : undo.error().toString()));
    QCOMPARE(m_repo->record(m_id).value().sites.size(), 2);
    const auto l = links();
    QCOMPARE(l.size(), 4);
    QCOMPARE(l.value(added.value()), warehouse);
    QCOMPARE(l.value(m_atDorm), m_dorm);
    QCOMPARE(observationSiteLabel(warehouse, RiskRepository(*m_db).siteNames(m_id).value()),
             QStringLiteral("(site removed)"));
}

QTEST_GUILESS_MAIN(TestSiteLinks)
#include "tst_sitelinks.moc"
