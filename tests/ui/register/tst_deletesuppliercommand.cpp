// Deleting a supplier and undoing it brings back everything that went with it: the record and its evidence.
#include "commands/deletesuppliercommand.h"
#include "risk/riskrepository.h"
#include "services/supplierstore.h"
#include "storage/supplierrepository.h"
#include "storage/workspace.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace vigil;

class TestDeleteSupplierCommand : public QObject
{
    Q_OBJECT
private slots:
    void undoRestoresEvidence();
};

void TestDeleteSupplierCommand::undoRestoresEvidence()
{
    QTemporaryDir dir;
    auto db = workspace::openOrCreateSample(dir.filePath(QStringLiteral("sample.vigil")));
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
    SupplierStore store(std::move(db.value()));
    SupplierRepository repo(store.database());
    const QString id = repo.ids({}, 1).value().first();
    const SupplierRecord record = repo.record(id).value();

    RiskRepository risk(store.database());
    RiskObservation o;
    o.indicatorId = QStringLiteral("ilo_07_retention_of_identity_documents");
    o.status = ObservationStatus::Present;
    o.sourceType = QStringLiteral("worker_interview");
    o.date = QDate(2026, 10, 1);
    o.confidence = 0.8;
    o.note = QStringLiteral("Passports kept in the office safe");
    auto obsId = risk.addObservation(id, o);
    QVERIFY2(obsId.ok(), qPrintable(obsId.ok() ? QString() : obsId.error().toString()));
    RiskMitigation m;
    m.type = QStringLiteral("grievance_channel");
    m.date = QDate(2026, 9, 1);
    auto mitId = risk.addMitigation(id, m);
    QVERIFY2(mitId.ok(), qPrintable(mitId.ok() ? QString() : mitId.error().toString()));

    QUndoStack stack;
    QVERIFY(ui::StoreCommand::push(&stack, std::make_unique<ui::DeleteSupplierCommand>(&store, QList{record})).ok());
    QVERIFY(!repo.record(id).ok());
    QVERIFY(risk.observations(id).value().isEmpty());

    stack.undo();
    QVERIFY(repo.record(id).ok());
    const auto observations = risk.observations(id).value();
    QCOMPARE(observations.size(), 1);
    QCOMPARE(observations.first().id, obsId.value());
    QCOMPARE(observations.first().note, o.note);
    QVERIFY(observations.first().status == ObservationStatus::Present);
    const auto mitigations = risk.mitigations(id).value();
    QCOMPARE(mitigations.size(), 1);
    QCOMPARE(mitigations.first().id, mitId.value());

    stack.redo();
    QVERIFY(!repo.record(id).ok());
    QVERIFY(risk.mitigations(id).value().isEmpty());
    stack.undo();
    QCOMPARE(risk.observations(id).value().size(), 1);
}

QTEST_MAIN(TestDeleteSupplierCommand)
#include "tst_deletesuppliercommand.moc"
