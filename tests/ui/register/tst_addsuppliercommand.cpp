// Adding a supplier and undoing it: undo deletes what came with the supplier since, and redo puts all of it back
// with the same ids (SupplierStore::removeWithChildren / restoreWithChildren), never the record alone.
#include "actions/actionrepository.h"
#include "commands/addsuppliercommand.h"
#include "risk/riskrepository.h"
#include "risk/riskservice.h"
#include "services/supplierstore.h"
#include "storage/database.h"
#include "storage/supplierrepository.h"
#include "util/uuid.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace vigil;

class TestAddSupplierCommand : public QObject
{
    Q_OBJECT
private slots:
    void undoRedoPutsBackWhatCameWithIt();
};

namespace {

int countRows(Database& db, const QString& table, const QString& supplierId)
{
    QSqlQuery q(db.db());
    q.prepare(QStringLiteral("SELECT count(*) FROM %1 WHERE supplier_id = ?").arg(table));
    q.addBindValue(supplierId);
    return q.exec() && q.next() ? q.value(0).toInt() : -1;
}

} // namespace

void TestAddSupplierCommand::undoRedoPutsBackWhatCameWithIt()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("add.vigil")), Database::Mode::CreateIfMissing);
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
    SupplierStore store(std::move(db.value()));
    SupplierRecord rec;
    rec.supplier.name = QStringLiteral("บริษัท ซีฟู้ด จำกัด");
    rec.supplier.country = QStringLiteral("TH");
    Site site;
    site.id = newUuid();
    site.name = QStringLiteral("Mahachai plant");
    rec.sites << site;

    QUndoStack stack;
    auto command = std::make_unique<ui::AddSupplierCommand>(&store, rec);
    const QString id = command->supplierId();
    QVERIFY(ui::StoreCommand::push(&stack, std::move(command)).ok());
    QVERIFY(store.record(id).ok());
    // Outside the undo stack, as the risk pane does when it shows the new supplier: a score; and evidence and an
    // action written by another path (vigil-cli on the same workspace).
    auto* risk = ui::RiskService::forStore(&store);
    risk->setNow(QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC));
    QVERIFY(risk->rescore(id).ok());
    RiskObservation o;
    o.id = newUuid();
    o.indicatorId = QStringLiteral("ilo_07_retention_of_identity_documents");
    o.status = ObservationStatus::Present;
    o.sourceType = QStringLiteral("audit");
    o.siteId = site.id;
    QVERIFY(RiskRepository(store.database()).addObservation(id, o).ok());
    CorrectiveAction a;
    a.supplierId = id;
    a.siteId = site.id;
    a.observationId = o.id;
    a.description = QStringLiteral("Return the passports and give each worker a locker");
    a.openedOn = QDate(2026, 5, 1);
    QVERIFY(ActionRepository(store.database()).saveAction(a).ok());
    const QStringList tables{QStringLiteral("risk_observations"), QStringLiteral("corrective_actions"),
                             QStringLiteral("risk_scores"), QStringLiteral("risk_score_history")};
    for (const QString& t : tables)
        QVERIFY2(countRows(store.database(), t, id) == 1, qPrintable(t));

    QSignalSpy errors(&store, &SupplierStore::errorOccurred);
    stack.undo();
    QVERIFY(!store.record(id).ok());
    for (const QString& t : tables)
        QCOMPARE(countRows(store.database(), t, id), 0);
    stack.redo();
    QCOMPARE(errors.size(), 0);
    const SupplierRecord back = store.record(id).value();
    QCOMPARE(back.supplier.name, rec.supplier.name);
    QCOMPARE(back.sites.size(), 1);
    QCOMPARE(back.sites.first().id, site.id);
    for (const QString& t : tables)
        QVERIFY2(countRows(store.database(), t, id) == 1, qPrintable(t));
    const auto observations = RiskRepository(store.database()).observations(id).value();
    QCOMPARE(observations.size(), 1);
    QCOMPARE(observations.first().id, o.id);
    QCOMPARE(observations.first().siteId, site.id);
    // Undo and redo again: the same.
    stack.undo();
    stack.redo();
    QCOMPARE(errors.size(), 0);
    QCOMPARE(countRows(store.database(), QStringLiteral("corrective_actions"), id), 1);
}

QTEST_MAIN(TestAddSupplierCommand)
#include "tst_addsuppliercommand.moc"
