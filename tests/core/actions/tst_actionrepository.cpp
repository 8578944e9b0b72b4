// Corrective actions, the fee ledger and trainings: stored and read back, validated with errors that name the field,
// every write logged in the change log, refused writes leave nothing behind.
#include "actions/actionrepository.h"
#include "risk/riskrepository.h"
#include "storage/changelog.h"
#include "storage/database.h"
#include "storage/supplierrepository.h"
#include "util/uuid.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

class TestActionRepository : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void actionRoundTrip();
    void actionValidation_data();
    void actionValidation();
    void actionMustBelongToSupplier();
    void actionKeepsItsRemovedSite();
    void actionKeepsItsRemovedObservation();
    void restorePutsBackAsItWas();
    void restoreRefusesAnotherSuppliersRows();
    void closeAndOverdue();
    void editLogsChangedFieldsOnly();
    void removeAndPutBackWithSameId();
    void feeRoundTrip();
    void feeValidation_data();
    void feeValidation();
    void trainingRoundTrip();
    void trainingValidation();
    void supplierDeleteCascades();
    void schemaRefusesBadRowsWrittenAround();

private:
    qint64 logCount() const;
    CorrectiveAction sampleAction() const;
    FeeEntry sampleFee() const;

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    QString m_supplier;
    QString m_other;
    QString m_site;
    QString m_recruiter;
};

void TestActionRepository::init()
{
    QVERIFY(m_dir.isValid());
    QFile::remove(m_dir.filePath(QStringLiteral("a.vigil")));
    auto db = Database::open(m_dir.filePath(QStringLiteral("a.vigil")), Database::Mode::CreateIfMissing);
    QVERIFY2(db.ok(), qPrintable(db.error().toString()));
    m_db = std::move(db).value();
    SupplierRepository suppliers(*m_db);
    Recruiter r;
    r.id = newUuid();
    r.name = QStringLiteral("Shwe Yadanar Overseas Employment Agency");
    r.country = QStringLiteral("MM");
    QVERIFY(suppliers.saveRecruiter(r).ok());
    m_recruiter = r.id;
    SupplierRecord rec;
    rec.supplier.id = newUuid();
    rec.supplier.name = QStringLiteral("Samut Sakhon Seafood Co., Ltd.");
    rec.supplier.country = QStringLiteral("TH");
    Site site;
    site.id = newUuid();
    site.supplierId = rec.supplier.id;
    site.name = QStringLiteral("Mahachai processing plant");
    rec.sites << site;
    QVERIFY(suppliers.add(rec).ok());
    m_supplier = rec.supplier.id;
    m_site = site.id;
    SupplierRecord other;
    other.supplier.id = newUuid();
    other.supplier.name = QStringLiteral("Penang Circuits Sdn Bhd");
    other.supplier.country = QStringLiteral("MY");
    QVERIFY(suppliers.add(other).ok());
    m_other = other.supplier.id;
}

void TestActionRepository::cleanup()
{
    m_db.reset();
}

qint64 TestActionRepository::logCount() const
{
    auto n = ChangeLog(m_db->db()).count();
    return n ? n.value() : -1;
}

CorrectiveAction TestActionRepository::sampleAction() const
{
    CorrectiveAction a;
    a.supplierId = m_supplier;
    a.siteId = m_site;
    a.indicatorId = QStringLiteral("rec_fees_paid_by_worker");
    a.description = QStringLiteral("Reimburse recruitment fees to the 2025 intake");
    a.owner = QStringLiteral("Responsible sourcing lead");
    a.openedOn = QDate(2026, 1, 10);
    a.dueOn = QDate(2026, 4, 30);
    return a;
}

FeeEntry TestActionRepository::sampleFee() const
{
    FeeEntry f;
    f.supplierId = m_supplier;
    f.recruiterId = m_recruiter;
    f.originCountry = QStringLiteral("mm");
    f.destinationCountry = QStringLiteral("TH");
    f.workerGroup = QStringLiteral("2025 intake, filleting line");
    f.workers = 25;
    f.paidAmount = 40000;
    f.reimbursedAmount = 12500;
    f.currency = QStringLiteral("thb");
    f.recordedOn = QDate(2026, 2, 1);
    f.evidenceSource = QStringLiteral("audit");
    return f;
}

void TestActionRepository::actionRoundTrip()
{
    ActionRepository repo(*m_db);
    const qint64 before = logCount();
    auto id = repo.saveAction(sampleAction());
    QVERIFY2(id.ok(), qPrintable(id.error().toString()));
    QVERIFY(isUuid(id.value()));
    QCOMPARE(logCount(), before + 1);
    auto a = repo.action(id.value());
    QVERIFY(a.ok());
    QCOMPARE(a->description, QStringLiteral("Reimburse recruitment fees to the 2025 intake"));
    QCOMPARE(a->siteName, QStringLiteral("Mahachai processing plant"));
    QCOMPARE(a->supplierName, QStringLiteral("Samut Sakhon Seafood Co., Ltd."));
    QCOMPARE(a->dueOn, QDate(2026, 4, 30));
    QCOMPARE(a->status, ActionStatus::Open);
    // The supplier's history shows it.
    auto history = ChangeLog(m_db->db()).forEntity(m_supplier);
    QVERIFY(history.ok());
    QCOMPARE(history->first().entity, QStringLiteral("corrective_action"));
    QCOMPARE(history->first().action, QStringLiteral("create"));
    QVERIFY(history->first().newValue.contains(QStringLiteral("Reimburse recruitment fees")));
    // Listed by supplier, not under another.
    ActionQuery q;
    q.supplierId = m_supplier;
    QCOMPARE(repo.actions(q)->size(), 1);
    q.supplierId = m_other;
    QCOMPARE(repo.actions(q)->size(), 0);
}

void TestActionRepository::actionValidation_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("field");
    QTest::addRow("due before opened") << "due_before"
                                       << "due_on";
    QTest::addRow("no description") << "no_description"
                                    << "description";
    QTest::addRow("blank description") << "blank_description"
                                       << "description";
    QTest::addRow("no opened date") << "no_opened"
                                    << "opened_on";
    QTest::addRow("closed without a date") << "closed_no_date"
                                           << "closed_on";
    QTest::addRow("closed before opened") << "closed_before"
                                          << "closed_on";
    QTest::addRow("verified without a note") << "verified_no_note"
                                             << "verification_note";
    QTest::addRow("open with a closing date") << "open_with_closed"
                                              << "closed_on";
    QTest::addRow("unknown supplier") << "unknown_supplier"
                                      << "supplier";
    QTest::addRow("bad id") << "bad_id"
                            << "id";
}

void TestActionRepository::actionValidation()
{
    QFETCH(QString, change);
    QFETCH(QString, field);
    CorrectiveAction a = sampleAction();
    if (change == QLatin1String("due_before"))
        a.dueOn = QDate(2026, 1, 9);
    else if (change == QLatin1String("no_description"))
        a.description.clear();
    else if (change == QLatin1String("blank_description"))
        a.description = QStringLiteral("   ");
    else if (change == QLatin1String("no_opened"))
        a.openedOn = QDate();
    else if (change == QLatin1String("closed_no_date"))
        a.status = ActionStatus::ClosedNotVerified;
    else if (change == QLatin1String("closed_before")) {
        a.status = ActionStatus::Cancelled;
        a.closedOn = QDate(2025, 12, 31);
    } else if (change == QLatin1String("verified_no_note")) {
        a.status = ActionStatus::ClosedVerified;
        a.closedOn = QDate(2026, 3, 1);
    } else if (change == QLatin1String("open_with_closed"))
        a.closedOn = QDate(2026, 3, 1);
    else if (change == QLatin1String("unknown_supplier"))
        a.supplierId = newUuid();
    else if (change == QLatin1String("bad_id"))
        a.id = QStringLiteral("not-a-uuid");
    const qint64 before = logCount();
    auto id = ActionRepository(*m_db).saveAction(a);
    QVERIFY(!id.ok());
    QCOMPARE(id.error().field, field);
    QVERIFY(!id.error().message.isEmpty());
    QCOMPARE(logCount(), before);
    QCOMPARE(ActionRepository(*m_db).actions()->size(), 0);
}

void TestActionRepository::actionMustBelongToSupplier()
{
    CorrectiveAction a = sampleAction();
    a.supplierId = m_other; // the site is the first supplier's
    auto id = ActionRepository(*m_db).saveAction(a);
    QVERIFY(!id.ok());
    QCOMPARE(id.error().field, QStringLiteral("site"));
    // An observation of another supplier is refused too; one of this supplier's is accepted.
    RiskObservation o;
    o.indicatorId = QStringLiteral("rec_fees_paid_by_worker");
    o.status = ObservationStatus::Present;
    o.sourceType = QStringLiteral("audit");
    auto obs = RiskRepository(*m_db).addObservation(m_supplier, o);
    QVERIFY(obs.ok());
    a = sampleAction();
    a.supplierId = m_other;
    a.siteId.clear();
    a.observationId = obs.value();
    QCOMPARE(ActionRepository(*m_db).saveAction(a).error().field, QStringLiteral("observation"));
    a.supplierId = m_supplier;
    a.indicatorId.clear();
    auto saved = ActionRepository(*m_db).saveAction(a);
    QVERIFY(saved.ok());
    // The observation's indicator is taken when none is given.
    QCOMPARE(ActionRepository(*m_db).action(saved.value())->indicatorId, QStringLiteral("rec_fees_paid_by_worker"));
}

void TestActionRepository::actionKeepsItsRemovedSite()
{
    ActionRepository repo(*m_db);
    auto id = repo.saveAction(sampleAction());
    QVERIFY(id.ok());
    // A second site of the supplier, and one of the other supplier.
    SupplierRepository suppliers(*m_db);
    SupplierRecord rec = suppliers.record(m_supplier).value();
    Site dorm;
    dorm.id = newUuid();
    dorm.supplierId = m_supplier;
    dorm.name = QStringLiteral("Dormitory, Tha Chalom");
    rec.sites << dorm;
    QVERIFY(suppliers.save(rec).ok());
    SupplierRecord other = suppliers.record(m_other).value();
    Site penang;
    penang.id = newUuid();
    penang.supplierId = m_other;
    penang.name = QStringLiteral("Bayan Lepas plant");
    other.sites << penang;
    QVERIFY(suppliers.save(other).ok());
    // The action's site is removed from the supplier: the action keeps its id, shown as removed.
    rec.sites.removeFirst();
    QVERIFY(suppliers.save(rec).ok());
    CorrectiveAction a = repo.action(id.value()).value();
    QCOMPARE(a.siteId, m_site);
    QCOMPARE(a.siteName, QStringLiteral("(site removed)"));

    // An edit that leaves the site alone (status, due date) is saved, at the removed site.
    a.status = ActionStatus::InProgress;
    a.dueOn = QDate(2026, 6, 30);
    const qint64 logBefore = logCount();
    auto saved = repo.saveAction(a);
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().toString()));
    CorrectiveAction stored = repo.action(id.value()).value();
    QCOMPARE(stored.siteId, m_site);
    QCOMPARE(stored.status, ActionStatus::InProgress);
    QCOMPARE(stored.dueOn, QDate(2026, 6, 30));
    QCOMPARE(logCount(), logBefore + 2); // status and due date, not the site

    // Changing the site: to another supplier's site, or to an id naming no site, is refused and changes nothing.
    CorrectiveAction moved = stored;
    moved.siteId = penang.id;
    auto refused = repo.saveAction(moved);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().field, QStringLiteral("site"));
    moved.siteId = newUuid();
    refused = repo.saveAction(moved);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().field, QStringLiteral("site"));
    QCOMPARE(repo.action(id.value())->siteId, m_site);
    QCOMPARE(logCount(), logBefore + 2);
    // Another removed site is refused too: only the one the action is already at may be kept.
    CorrectiveAction second = sampleAction();
    second.siteId = dorm.id;
    auto secondId = repo.saveAction(second);
    QVERIFY(secondId.ok());
    rec.sites.clear();
    QVERIFY(suppliers.save(rec).ok());
    moved.siteId = dorm.id;
    refused = repo.saveAction(moved);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().field, QStringLiteral("site"));
    // A new action at a removed site is refused; choosing the supplier as a whole is accepted.
    CorrectiveAction fresh = sampleAction();
    QCOMPARE(repo.saveAction(fresh).error().field, QStringLiteral("site"));
    moved.siteId.clear();
    QVERIFY(repo.saveAction(moved).ok());
    QVERIFY(repo.action(id.value())->siteId.isEmpty());
    // ... and once supplier-wide, the removed site cannot be set again.
    moved.siteId = m_site;
    QCOMPARE(repo.saveAction(moved).error().field, QStringLiteral("site"));
}

void TestActionRepository::actionKeepsItsRemovedObservation()
{
    // An action answering an observation, then the observation is removed: the action keeps its id, and an edit that
    // leaves the finding alone (status, closing it) is saved with it.
    RiskRepository risk(*m_db);
    RiskObservation o;
    o.indicatorId = QStringLiteral("ilo_07_retention_of_identity_documents");
    o.status = ObservationStatus::Present;
    o.sourceType = QStringLiteral("audit");
    const QString obs = risk.addObservation(m_supplier, o).value();
    ActionRepository repo(*m_db);
    CorrectiveAction a = sampleAction();
    a.observationId = obs;
    a.indicatorId.clear();
    const QString id = repo.saveAction(a).value();
    QVERIFY(risk.removeObservation(obs).ok());
    CorrectiveAction stored = repo.action(id).value();
    QCOMPARE(stored.observationId, obs);
    QCOMPARE(stored.indicatorId, QStringLiteral("ilo_07_retention_of_identity_documents"));

    stored.status = ActionStatus::InProgress;
    const qint64 logBefore = logCount();
    auto saved = repo.saveAction(stored);
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().toString()));
    QCOMPARE(repo.action(id)->observationId, obs);
    QCOMPARE(logCount(), logBefore + 1); // the status only
    auto closed = repo.closeAction(id, ActionStatus::ClosedVerified, QDate(2026, 3, 1), QStringLiteral("Re-audit"));
    QVERIFY2(closed.ok(), qPrintable(closed.ok() ? QString() : closed.error().toString()));
    QCOMPARE(closed->observationId, obs);

    // The removed observation cannot be set anew: not on another action, nor on this one once unlinked.
    CorrectiveAction fresh = sampleAction();
    fresh.observationId = obs;
    QCOMPARE(repo.saveAction(fresh).error().field, QStringLiteral("observation"));
    CorrectiveAction unlinked = repo.action(id).value();
    unlinked.observationId.clear();
    QVERIFY(repo.saveAction(unlinked).ok());
    unlinked.observationId = obs;
    QCOMPARE(repo.saveAction(unlinked).error().field, QStringLiteral("observation"));
    QVERIFY(repo.action(id)->observationId.isEmpty());
}

void TestActionRepository::restorePutsBackAsItWas()
{
    // Two sites; an observation at the first; an action at the first site answering the observation, another at the
    // dormitory.
    SupplierRepository suppliers(*m_db);
    SupplierRecord rec = suppliers.record(m_supplier).value();
    Site dorm;
    dorm.id = newUuid();
    dorm.supplierId = m_supplier;
    dorm.name = QStringLiteral("Dormitory, Tha Chalom");
    rec.sites << dorm;
    QVERIFY(suppliers.save(rec).ok());
    RiskRepository risk(*m_db);
    RiskObservation o;
    o.indicatorId = QStringLiteral("rec_fees_paid_by_worker");
    o.status = ObservationStatus::Present;
    o.sourceType = QStringLiteral("worker_interview");
    o.siteId = m_site;
    const QString obs = risk.addObservation(m_supplier, o).value();
    ActionRepository repo(*m_db);
    CorrectiveAction first = sampleAction();
    first.observationId = obs;
    const QString firstId = repo.saveAction(first).value();
    const CorrectiveAction taken = repo.action(firstId).value();
    CorrectiveAction second = sampleAction();
    second.siteId = dorm.id;
    second.description = QStringLiteral("Separate dormitory keys from the employer's office");
    const QString secondId = repo.saveAction(second).value();
    const CorrectiveAction beforeEdit = repo.action(secondId).value();

    // The first action is removed, the second moved to the supplier as a whole; then both sites and the observation
    // are removed from the supplier.
    QVERIFY(repo.removeAction(firstId).ok());
    CorrectiveAction moved = beforeEdit;
    moved.siteId.clear();
    QVERIFY(repo.saveAction(moved).ok());
    rec.sites.clear();
    QVERIFY(suppliers.save(rec).ok());
    QVERIFY(risk.removeObservation(obs).ok());

    // An ordinary save cannot give them back (it would set a removed site anew) ...
    QCOMPARE(repo.saveAction(taken).error().field, QStringLiteral("site"));
    QCOMPARE(repo.saveAction(beforeEdit).error().field, QStringLiteral("site"));
    QCOMPARE(repo.action(firstId).error().field, QStringLiteral("id"));

    // ... restoring puts each back exactly as it was, logged as a creation and as the one field that changed.
    qint64 logBefore = logCount();
    auto restored = repo.restoreAction(taken);
    QVERIFY2(restored.ok(), qPrintable(restored.ok() ? QString() : restored.error().toString()));
    QCOMPARE(restored.value(), firstId);
    const CorrectiveAction back = repo.action(firstId).value();
    QVERIFY(back == taken);
    QCOMPARE(back.siteId, m_site);
    QCOMPARE(back.siteName, QStringLiteral("(site removed)"));
    QCOMPARE(back.observationId, obs);
    QCOMPARE(back.indicatorId, QStringLiteral("rec_fees_paid_by_worker"));
    QCOMPARE(logCount(), logBefore + 1);
    QCOMPARE(ChangeLog(m_db->db()).forEntity(m_supplier, 1)->first().action, QStringLiteral("create"));

    logBefore = logCount();
    QVERIFY(repo.restoreAction(beforeEdit).ok());
    QVERIFY(repo.action(secondId).value() == beforeEdit);
    QCOMPARE(repo.action(secondId)->siteId, dorm.id);
    QCOMPARE(logCount(), logBefore + 1);
    const ChangeEntry update = ChangeLog(m_db->db()).forEntity(m_supplier, 1)->first();
    QCOMPARE(update.action, QStringLiteral("update"));
    QCOMPARE(update.oldValue, QString());
    QCOMPARE(update.newValue, dorm.id);
    // Restoring what is already there changes nothing.
    QVERIFY(repo.restoreAction(beforeEdit).ok());
    QCOMPARE(logCount(), logBefore + 1);
}

void TestActionRepository::restoreRefusesAnotherSuppliersRows()
{
    ActionRepository repo(*m_db);
    const QString id = repo.saveAction(sampleAction()).value();
    const CorrectiveAction taken = repo.action(id).value();
    QVERIFY(repo.removeAction(id).ok());
    // The other supplier's site and observation.
    SupplierRepository suppliers(*m_db);
    SupplierRecord other = suppliers.record(m_other).value();
    Site penang;
    penang.id = newUuid();
    penang.supplierId = m_other;
    penang.name = QStringLiteral("Bayan Lepas plant");
    other.sites << penang;
    QVERIFY(suppliers.save(other).ok());
    RiskObservation o;
    o.indicatorId = QStringLiteral("rec_fees_paid_by_worker");
    o.status = ObservationStatus::Present;
    o.sourceType = QStringLiteral("audit");
    const QString otherObs = RiskRepository(*m_db).addObservation(m_other, o).value();

    const qint64 logBefore = logCount();
    CorrectiveAction a = taken;
    a.siteId = penang.id;
    QCOMPARE(repo.restoreAction(a).error().field, QStringLiteral("site"));
    a = taken;
    a.observationId = otherObs;
    QCOMPARE(repo.restoreAction(a).error().field, QStringLiteral("observation"));
    a = taken;
    a.siteId = QStringLiteral("not a site id");
    QCOMPARE(repo.restoreAction(a).error().field, QStringLiteral("site"));
    a = taken;
    a.description.clear(); // still validated
    QCOMPARE(repo.restoreAction(a).error().field, QStringLiteral("description"));
    a = taken;
    a.supplierId = newUuid();
    QCOMPARE(repo.restoreAction(a).error().field, QStringLiteral("supplier"));
    QCOMPARE(logCount(), logBefore);
    QCOMPARE(repo.actions()->size(), 0);
}

void TestActionRepository::closeAndOverdue()
{
    ActionRepository repo(*m_db);
    const QString late = repo.saveAction(sampleAction()).value();
    CorrectiveAction b = sampleAction();
    b.description = QStringLiteral("Return passports held in the HR office");
    b.dueOn = QDate(2026, 12, 31);
    const QString onTime = repo.saveAction(b).value();
    ActionQuery q;
    q.overdueOnly = true;
    q.today = QDate(2026, 6, 30);
    auto overdue = repo.actions(q);
    QVERIFY(overdue.ok());
    QCOMPARE(overdue->size(), 1);
    QCOMPARE(overdue->first().id, late);
    QVERIFY(overdue->first().isOverdue(q.today));
    // Closing refuses an open status, then closes with a date; a closed action is no longer overdue.
    QCOMPARE(repo.closeAction(late, ActionStatus::InProgress, QDate(2026, 5, 2), {}).error().field,
             QStringLiteral("status"));
    QCOMPARE(repo.closeAction(late, ActionStatus::ClosedVerified, QDate(2026, 5, 2), {}).error().field,
             QStringLiteral("verification_note"));
    auto closed = repo.closeAction(late, ActionStatus::ClosedVerified, QDate(2026, 5, 2),
                                   QStringLiteral("Bank transfer records seen at the follow-up audit"));
    QVERIFY2(closed.ok(), qPrintable(closed.error().toString()));
    QCOMPARE(closed->status, ActionStatus::ClosedVerified);
    QCOMPARE(closed->closedOn, QDate(2026, 5, 2));
    QVERIFY(!closed->isOverdue(q.today));
    QCOMPARE(repo.actions(q)->size(), 0);
    q = {};
    q.status = ActionStatus::Open;
    QCOMPARE(repo.actions(q)->size(), 1);
    QCOMPARE(repo.actions(q)->first().id, onTime);
}

void TestActionRepository::editLogsChangedFieldsOnly()
{
    ActionRepository repo(*m_db);
    const QString id = repo.saveAction(sampleAction()).value();
    CorrectiveAction a = repo.action(id).value();
    const qint64 before = logCount();
    QVERIFY(repo.saveAction(a).ok()); // unchanged: nothing logged
    QCOMPARE(logCount(), before);
    a.status = ActionStatus::InProgress;
    a.owner = QStringLiteral("Site HR manager");
    QVERIFY(repo.saveAction(a).ok());
    QCOMPARE(logCount(), before + 2);
    auto history = ChangeLog(m_db->db()).forEntity(m_supplier, 2);
    QVERIFY(history.ok());
    QStringList fields;
    for (const ChangeEntry& e : history.value()) {
        QCOMPARE(e.action, QStringLiteral("update"));
        fields << e.field.section(QLatin1Char(' '), 0, 0);
        if (e.field.startsWith(QLatin1String("status")))
            QCOMPARE(e.oldValue + QLatin1Char('>') + e.newValue, QStringLiteral("open>in_progress"));
    }
    fields.sort();
    QCOMPARE(fields, (QStringList{"owner", "status"}));
    QCOMPARE(repo.action(id)->owner, QStringLiteral("Site HR manager"));
}

void TestActionRepository::removeAndPutBackWithSameId()
{
    ActionRepository repo(*m_db);
    const QString id = repo.saveAction(sampleAction()).value();
    const CorrectiveAction saved = repo.action(id).value();
    QVERIFY(repo.removeAction(id).ok());
    QCOMPARE(repo.action(id).error().field, QStringLiteral("id"));
    QVERIFY(!repo.removeAction(id).ok());
    // What undo does: save the record as it was, with its id.
    auto again = repo.saveAction(saved);
    QVERIFY2(again.ok(), qPrintable(again.error().toString()));
    QCOMPARE(again.value(), id);
    QVERIFY(repo.action(id).value() == saved);
    auto history = ChangeLog(m_db->db()).forEntity(m_supplier, 3);
    QCOMPARE(history->at(0).action, QStringLiteral("create"));
    QCOMPARE(history->at(1).action, QStringLiteral("delete"));
}

void TestActionRepository::feeRoundTrip()
{
    ActionRepository repo(*m_db);
    auto id = repo.saveFee(sampleFee());
    QVERIFY2(id.ok(), qPrintable(id.error().toString()));
    auto f = repo.fee(id.value());
    QVERIFY(f.ok());
    QCOMPARE(f->currency, QStringLiteral("THB")); // normalised
    QCOMPARE(f->originCountry, QStringLiteral("MM"));
    QCOMPARE(f->paidAmount, 40000.0);
    QCOMPARE(f->reimbursedAmount, 12500.0);
    QCOMPARE(f->outstanding(), 27500.0);
    QCOMPARE(f->workers, std::optional<int>(25));
    QCOMPARE(f->recruiterName, QStringLiteral("Shwe Yadanar Overseas Employment Agency"));
    QCOMPARE(f->corridor(), QStringLiteral("MM → TH"));
    QCOMPARE(repo.fees(m_supplier)->size(), 1);
    QCOMPARE(repo.fees(m_other)->size(), 0);
    QCOMPARE(ChangeLog(m_db->db()).forEntity(m_supplier, 1)->first().entity, QStringLiteral("fee_entry"));
    // Edit and remove are logged.
    FeeEntry e = f.value();
    e.reimbursedAmount = 40000;
    QVERIFY(repo.saveFee(e).ok());
    QCOMPARE(repo.fee(e.id)->outstanding(), 0.0);
    QVERIFY(repo.removeFee(e.id).ok());
    QCOMPARE(repo.fees()->size(), 0);
    QCOMPARE(ChangeLog(m_db->db()).forEntity(m_supplier, 1)->first().action, QStringLiteral("delete"));
}

void TestActionRepository::feeValidation_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("field");
    QTest::addRow("negative paid") << "negative_paid"
                                   << "paid_amount";
    QTest::addRow("negative reimbursed") << "negative_reimbursed"
                                         << "reimbursed_amount";
    QTest::addRow("NaN paid") << "nan_paid"
                              << "paid_amount";
    QTest::addRow("reimbursed above paid, no note") << "over"
                                                    << "reimbursed_amount";
    QTest::addRow("not ISO 4217") << "bad_currency"
                                  << "currency";
    QTest::addRow("dollar sign") << "dollar_sign"
                                 << "currency";
    QTest::addRow("no currency") << "no_currency"
                                 << "currency";
    QTest::addRow("no date") << "no_date"
                             << "recorded_on";
    QTest::addRow("zero workers") << "zero_workers"
                                  << "workers";
    QTest::addRow("neither count nor group") << "no_group"
                                             << "workers";
    QTest::addRow("passport number as group") << "passport"
                                              << "worker_group";
    QTest::addRow("bad corridor country") << "bad_origin"
                                          << "origin_country";
    QTest::addRow("unknown recruiter") << "unknown_recruiter"
                                       << "recruiter";
    QTest::addRow("unknown supplier") << "unknown_supplier"
                                      << "supplier";
}

void TestActionRepository::feeValidation()
{
    QFETCH(QString, change);
    QFETCH(QString, field);
    FeeEntry f = sampleFee();
    if (change == QLatin1String("negative_paid"))
        f.paidAmount = -1;
    else if (change == QLatin1String("negative_reimbursed"))
        f.reimbursedAmount = -0.01;
    else if (change == QLatin1String("nan_paid"))
        f.paidAmount = std::nan("");
    else if (change == QLatin1String("over"))
        f.reimbursedAmount = 40001;
    else if (change == QLatin1String("bad_currency"))
        f.currency = QStringLiteral("BAH");
    else if (change == QLatin1String("dollar_sign"))
        f.currency = QStringLiteral("$");
    else if (change == QLatin1String("no_currency"))
        f.currency.clear();
    else if (change == QLatin1String("no_date"))
        f.recordedOn = QDate();
    else if (change == QLatin1String("zero_workers"))
        f.workers = 0;
    else if (change == QLatin1String("no_group")) {
        f.workers.reset();
        f.workerGroup.clear();
    } else if (change == QLatin1String("passport"))
        f.workerGroup = QStringLiteral("MB1234567");
    else if (change == QLatin1String("bad_origin"))
        f.originCountry = QStringLiteral("Myanmar");
    else if (change == QLatin1String("unknown_recruiter"))
        f.recruiterId = newUuid();
    else if (change == QLatin1String("unknown_supplier"))
        f.supplierId = newUuid();
    const qint64 before = logCount();
    auto id = ActionRepository(*m_db).saveFee(f);
    QVERIFY(!id.ok());
    QCOMPARE(id.error().field, field);
    QCOMPARE(logCount(), before);
    QCOMPARE(ActionRepository(*m_db).fees()->size(), 0);
}

void TestActionRepository::trainingRoundTrip()
{
    ActionRepository repo(*m_db);
    Training internal;
    internal.topic = QStringLiteral("Forced labour indicators for buyers");
    internal.heldOn = QDate(2026, 3, 5);
    internal.participants = 18;
    internal.audience = TrainingAudience::Staff;
    auto a = repo.saveTraining(internal);
    QVERIFY2(a.ok(), qPrintable(a.error().toString()));
    Training forSupplier = internal;
    forSupplier.topic = QStringLiteral("Employer Pays Principle");
    forSupplier.supplierId = m_supplier;
    forSupplier.audience = TrainingAudience::Suppliers;
    forSupplier.participants = 6;
    auto b = repo.saveTraining(forSupplier);
    QVERIFY(b.ok());
    QCOMPARE(repo.trainings()->size(), 2);
    QCOMPARE(repo.trainings(m_supplier)->size(), 1);
    QCOMPARE(repo.training(b.value())->supplierName, QStringLiteral("Samut Sakhon Seafood Co., Ltd."));
    QVERIFY(repo.training(a.value())->supplierId.isEmpty());
    // An internal training is logged under its own id.
    QCOMPARE(ChangeLog(m_db->db()).forEntity(a.value())->size(), 1);
    QVERIFY(repo.removeTraining(a.value()).ok());
    QCOMPARE(repo.trainings()->size(), 1);
}

void TestActionRepository::trainingValidation()
{
    Training t;
    t.heldOn = QDate(2026, 3, 5);
    QCOMPARE(ActionRepository(*m_db).saveTraining(t).error().field, QStringLiteral("topic"));
    t.topic = QStringLiteral("Responsible recruitment");
    t.participants = -3;
    QCOMPARE(ActionRepository(*m_db).saveTraining(t).error().field, QStringLiteral("participants"));
    t.participants = 3;
    t.heldOn = QDate();
    QCOMPARE(ActionRepository(*m_db).saveTraining(t).error().field, QStringLiteral("held_on"));
    QCOMPARE(ActionRepository(*m_db).trainings()->size(), 0);
}

void TestActionRepository::supplierDeleteCascades()
{
    ActionRepository repo(*m_db);
    QVERIFY(repo.saveAction(sampleAction()).ok());
    QVERIFY(repo.saveFee(sampleFee()).ok());
    // Saving the supplier (which rewrites its sites) keeps the action's site.
    SupplierRepository suppliers(*m_db);
    SupplierRecord rec = suppliers.record(m_supplier).value();
    rec.supplier.sector = QStringLiteral("Fishing and aquaculture");
    QVERIFY(suppliers.save(rec).ok());
    QCOMPARE(repo.actions()->first().siteName, QStringLiteral("Mahachai processing plant"));
    QVERIFY(suppliers.remove(m_supplier).ok());
    QCOMPARE(repo.actions()->size(), 0);
    QCOMPARE(repo.fees()->size(), 0);
}

void TestActionRepository::schemaRefusesBadRowsWrittenAround()
{
    // The table's own checks hold even for SQL that bypasses the repository.
    QSqlQuery q(m_db->db());
    QVERIFY(!q.exec(QStringLiteral("INSERT INTO recruitment_fees (id, supplier_id, paid_amount, reimbursed_amount, "
                                   "currency, recorded_on, workers, created_at, updated_at) VALUES ('%1', '%2', 100, "
                                   "200, 'THB', '2026-01-01', 3, 'x', 'x')")
                        .arg(newUuid(), m_supplier)));
    QVERIFY(!q.exec(QStringLiteral("INSERT INTO corrective_actions (id, supplier_id, description, opened_on, due_on, "
                                   "created_at, updated_at) VALUES ('%1', '%2', 'x', '2026-02-01', '2026-01-01', 'x', "
                                   "'x')")
                        .arg(newUuid(), m_supplier)));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO corrective_actions (id, supplier_id, description, opened_on, due_on, "
                                  "created_at, updated_at) VALUES ('%1', '%2', 'x', '2026-02-01', '2026-03-01', 'x', "
                                  "'x')")
                       .arg(newUuid(), m_supplier)));
}

QTEST_GUILESS_MAIN(TestActionRepository)
#include "tst_actionrepository.moc"
