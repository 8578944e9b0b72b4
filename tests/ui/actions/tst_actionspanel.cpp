// The supplier view's Actions and Fees tabs and the trainings list: forms that show what is wrong at the field,
// edits through the main undo stack (undo removes, redo puts back the same record), keyboard use. Writes screenshots
// to $VIGIL_SCREENSHOT_DIR when set.
#include "actions/actiondialog.h"
#include "actions/actionrepository.h"
#include "actions/actionservice.h"
#include "actions/actionspanel.h"
#include "actions/cyclecommand.h"
#include "actions/feedialog.h"
#include "actions/feespanel.h"
#include "actions/trainingdialog.h"
#include "actions/trainingsdialog.h"
#include "risk/riskrepository.h"
#include "services/supplierstore.h"
#include "storage/database.h"
#include "storage/sampleportfolio.h"
#include "util/uuid.h"
#include "views/supplierdetailview.h"
#include "widgets/messagebox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace vigil;
using namespace vigil::ui;

class TestActionsPanel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void addActionValidatesAtTheField();
    void messagesWaitForTheUser();
    void addUndoRedo();
    void closeNeedsVerification();
    void editKeepsARemovedSite();
    void undoPutsBackAtARemovedSite();
    void editKeepsARemovedFinding();
    void removeWithKeyboardAndUndo();
    void feesFormAndTotals();
    void trainingsList();
    void screenshotActionsTab();

private:
    static bool okEnabled(QDialog* d);
    QTemporaryDir m_dir;
    std::unique_ptr<SupplierStore> m_store;
    QUndoStack m_undo;
    QString m_supplier; // a sample supplier with several actions and fees
    const QDate m_today = QDate(2026, 6, 30);
};

bool TestActionsPanel::okEnabled(QDialog* d)
{
    return d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled();
}

void TestActionsPanel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto db = Database::open(m_dir.filePath(QStringLiteral("ui.vigil")), Database::Mode::CreateIfMissing);
    QVERIFY(db.ok());
    QFile f(QStringLiteral(":/sample/sample_portfolio.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(loadSamplePortfolio(*db.value(), f.readAll(), m_today).ok());
    m_store = std::make_unique<SupplierStore>(std::move(db).value());
    ActionService::forStore(m_store.get())->setToday(m_today);
    // The Thai seafood or Malaysian supplier with the most actions, one of them overdue, and fees recorded.
    QSqlQuery q(m_store->database().db());
    QVERIFY(q.exec(QStringLiteral(
        "SELECT a.supplier_id FROM corrective_actions a JOIN suppliers s ON s.id = a.supplier_id WHERE s.country IN "
        "('TH', 'MY') AND a.supplier_id IN (SELECT supplier_id FROM recruitment_fees) GROUP BY a.supplier_id "
        "ORDER BY sum(a.status IN ('open', 'in_progress') AND a.due_on < '2026-06-30') > 0 DESC, count(*) DESC, "
        "a.supplier_id LIMIT 1")));
    QVERIFY(q.next());
    m_supplier = q.value(0).toString();
}

void TestActionsPanel::addActionValidatesAtTheField()
{
    ActionsPanel panel(m_store.get(), &m_undo);
    panel.showSupplier(m_supplier);
    ActionDialog* d = panel.addAction();
    QVERIFY(d);
    // Nothing described yet: refused (the description's message waits for the user, messagesWaitForTheUser).
    QVERIFY(!okEnabled(d));
    d->findChild<QPlainTextEdit*>(QStringLiteral("description"))->setPlainText(QStringLiteral("Return passports"));
    QVERIFY(d->fieldMessage(QStringLiteral("description")).isEmpty());
    QVERIFY(okEnabled(d));
    // A due date before the opening date: said at the due date.
    d->findChild<QDateEdit*>(QStringLiteral("opened"))->setDate(QDate(2026, 6, 1));
    d->findChild<QDateEdit*>(QStringLiteral("due"))->setDate(QDate(2026, 5, 1));
    QVERIFY(d->fieldMessage(QStringLiteral("due_on")).contains(QStringLiteral("before")));
    QVERIFY(!okEnabled(d));
    d->accept(); // refused: stays open, nothing pushed
    QCOMPARE(m_undo.count(), 0);
    d->reject();
}

// A new form does not open in red: a required field's message shows once the user has edited that field (to empty
// again) or tried to save, in the action form (add and close) and the training form alike. Until then OK is disabled
// and a neutral hint says what is needed.
void TestActionsPanel::messagesWaitForTheUser()
{
    ActionsPanel panel(m_store.get(), &m_undo);
    panel.showSupplier(m_supplier);
    const QString describe = QStringLiteral("Describe the action to take.");

    // Add: the description is asked for by the hint, not at the field; OK shows it there.
    ActionDialog* d = panel.addAction();
    QVERIFY(d);
    QVERIFY(d->fieldMessage(QStringLiteral("description")).isEmpty());
    QVERIFY(d->findChild<QLabel*>(QStringLiteral("descriptionMessage"))->isHidden());
    QCOMPARE(d->hint(), describe);
    QVERIFY(!okEnabled(d));
    d->accept();
    QVERIFY(d->result() != QDialog::Accepted);
    QCOMPARE(d->fieldMessage(QStringLiteral("description")), describe);
    QVERIFY(d->hint().isEmpty());
    d->reject();

    // Add: typing then clearing the description shows its message at once; the other fields stay quiet.
    d = panel.addAction();
    auto* description = d->findChild<QPlainTextEdit*>(QStringLiteral("description"));
    QTest::keyClicks(description, QStringLiteral("x"));
    QVERIFY(d->fieldMessage(QStringLiteral("description")).isEmpty());
    QVERIFY(okEnabled(d));
    QTest::keyClick(description, Qt::Key_Backspace);
    QVERIFY(description->toPlainText().isEmpty());
    QCOMPARE(d->fieldMessage(QStringLiteral("description")), describe);
    QVERIFY(d->hint().isEmpty());
    QVERIFY(!okEnabled(d));
    d->reject();

    // Close: the verification note is asked for by the hint; editing it to empty shows it at the field.
    int row = -1;
    for (int i = 0; i < panel.actions().size(); ++i)
        if (!isClosed(panel.actions()[i].status))
            row = i;
    QVERIFY(row >= 0);
    d = panel.closeAction(row);
    QVERIFY(d);
    QVERIFY(d->fieldMessage(QStringLiteral("verification_note")).isEmpty());
    QVERIFY(d->hint().startsWith(QStringLiteral("Say how the closure was verified")));
    QVERIFY(!okEnabled(d));
    auto* note = d->findChild<QPlainTextEdit*>(QStringLiteral("note"));
    note->setPlainText(QStringLiteral("Seen"));
    note->setPlainText(QString());
    QVERIFY(d->fieldMessage(QStringLiteral("verification_note")).startsWith(QStringLiteral("Say how the closure")));
    QVERIFY(d->hint().isEmpty());
    d->reject();
    QCOMPARE(m_undo.count(), 0);

    // Training: the topic likewise, on Save and on editing it to empty.
    TrainingsDialog trainings(m_store.get(), &m_undo);
    const int before = trainings.trainings().size();
    const QString topic = QStringLiteral("Enter the topic of the training.");
    TrainingDialog* t = trainings.addTraining();
    QVERIFY(t);
    QVERIFY(t->fieldMessage(QStringLiteral("topic")).isEmpty());
    QVERIFY(t->findChild<QLabel*>(QStringLiteral("topicMessage"))->isHidden());
    QCOMPARE(t->hint(), topic);
    QVERIFY(!okEnabled(t));
    t->accept();
    QCOMPARE(t->fieldMessage(QStringLiteral("topic")), topic);
    QVERIFY(t->hint().isEmpty());
    QCOMPARE(trainings.trainings().size(), before);
    t->reject();
    t = trainings.addTraining();
    auto* topicEdit = t->findChild<QLineEdit*>(QStringLiteral("topic"));
    QTest::keyClicks(topicEdit, QStringLiteral("E"));
    QVERIFY(t->fieldMessage(QStringLiteral("topic")).isEmpty());
    QVERIFY(okEnabled(t));
    QTest::keyClick(topicEdit, Qt::Key_Backspace);
    QCOMPARE(t->fieldMessage(QStringLiteral("topic")), topic);
    QVERIFY(!okEnabled(t));
    t->reject();
    QCOMPARE(trainings.trainings().size(), before);
    QCOMPARE(m_undo.count(), 0);
}

void TestActionsPanel::addUndoRedo()
{
    ActionsPanel panel(m_store.get(), &m_undo);
    panel.showSupplier(m_supplier);
    const int before = panel.actions().size();
    ActionDialog* d = panel.addAction();
    d->findChild<QPlainTextEdit*>(QStringLiteral("description"))
        ->setPlainText(QStringLiteral("Pay wages into accounts held by the workers"));
    QComboBox* finding = d->findChild<QComboBox*>(QStringLiteral("finding"));
    finding->setCurrentIndex(finding->findText(QStringLiteral("Indicator: Withholding of wages")));
    QVERIFY(finding->currentIndex() > 0);
    d->findChild<QDateEdit*>(QStringLiteral("due"))->setDate(m_today.addDays(60));
    d->accept();
    QCOMPARE(m_undo.count(), 1);
    QCOMPARE(panel.actions().size(), before + 1);
    QCOMPARE(panel.list()->topLevelItemCount(), before + 1);
    QString id;
    for (const CorrectiveAction& a : panel.actions())
        if (a.description == QLatin1String("Pay wages into accounts held by the workers")) {
            id = a.id;
            QCOMPARE(a.indicatorId, QStringLiteral("ilo_08_withholding_of_wages"));
        }
    QVERIFY(!id.isEmpty());
    m_undo.undo();
    QCOMPARE(panel.actions().size(), before);
    m_undo.redo();
    QCOMPARE(panel.actions().size(), before + 1);
    QVERIFY(ActionService::forStore(m_store.get())->repository().action(id).ok()); // the same id again
    m_undo.undo();
    m_undo.clear();
}

void TestActionsPanel::closeNeedsVerification()
{
    ActionsPanel panel(m_store.get(), &m_undo);
    panel.showSupplier(m_supplier);
    int row = -1;
    for (int i = 0; i < panel.actions().size(); ++i)
        if (!isClosed(panel.actions()[i].status))
            row = i;
    QVERIFY(row >= 0);
    const QString id = panel.actions()[row].id;
    ActionDialog* d = panel.closeAction(row);
    QVERIFY(d);
    QCOMPARE(d->findChild<QComboBox*>(QStringLiteral("status"))->currentText(), QStringLiteral("Closed – verified"));
    QVERIFY(!okEnabled(d));
    d->accept(); // refused: the note is asked for at the field
    QVERIFY(!d->fieldMessage(QStringLiteral("verification_note")).isEmpty());
    d->findChild<QPlainTextEdit*>(QStringLiteral("note"))
        ->setPlainText(QStringLiteral("Bank transfer records reviewed at the follow-up audit"));
    QVERIFY(okEnabled(d));
    d->findChild<QDateEdit*>(QStringLiteral("closed"))->setDate(m_today);
    d->accept();
    auto closed = ActionService::forStore(m_store.get())->repository().action(id);
    QVERIFY(closed.ok());
    QCOMPARE(closed->status, ActionStatus::ClosedVerified);
    QCOMPARE(closed->closedOn, m_today);
    m_undo.undo();
    QVERIFY(!isClosed(ActionService::forStore(m_store.get())->repository().action(id)->status));
    m_undo.clear();
}

void TestActionsPanel::editKeepsARemovedSite()
{
    // An action at a site of the supplier, then the site is removed from the supplier: the action keeps its id.
    SupplierRecord rec = m_store->record(m_supplier).value();
    Site site;
    site.id = newUuid();
    site.supplierId = m_supplier;
    site.name = QStringLiteral("Workers' dormitory, Mahachai");
    rec.sites << site;
    QVERIFY(m_store->save(rec).ok());
    ActionRepository repo = ActionService::forStore(m_store.get())->repository();
    CorrectiveAction a;
    a.supplierId = m_supplier;
    a.siteId = site.id;
    a.description = QStringLiteral("Give every worker a key to their own locker");
    a.openedOn = m_today.addDays(-30);
    a.dueOn = m_today.addDays(60);
    auto id = repo.saveAction(a);
    QVERIFY(id.ok());
    rec.sites.removeLast();
    QVERIFY(m_store->save(rec).ok());
    QCOMPARE(repo.action(id.value())->siteId, site.id);

    ActionsPanel panel(m_store.get(), &m_undo);
    panel.showSupplier(m_supplier);
    int row = -1;
    for (int i = 0; i < panel.actions().size(); ++i)
        if (panel.actions()[i].id == id.value())
            row = i;
    QVERIFY(row >= 0);
    ActionDialog* d = panel.editAction(row);
    QVERIFY(d);
    // The removed site is offered and chosen, not "Whole supplier".
    QComboBox* siteBox = d->findChild<QComboBox*>(QStringLiteral("site"));
    QCOMPARE(siteBox->currentText(), QStringLiteral("(site removed)"));
    QCOMPARE(siteBox->currentData().toString(), site.id);
    QCOMPARE(siteBox->findText(QStringLiteral("Whole supplier")), 0); // still there to choose
    // Only the status changes; the edit is saved at the removed site.
    QComboBox* status = d->findChild<QComboBox*>(QStringLiteral("status"));
    status->setCurrentIndex(status->findData(int(ActionStatus::InProgress)));
    QVERIFY(okEnabled(d));
    MessageBox::setAlwaysAnswer(QMessageBox::Ok); // a refused save would warn: never block
    const int warnings = MessageBox::shownCount();
    d->accept();
    MessageBox::setAlwaysAnswer(QMessageBox::NoButton);
    QCOMPARE(MessageBox::shownCount(), warnings);
    QCOMPARE(m_undo.count(), 1);
    auto saved = repo.action(id.value());
    QVERIFY(saved.ok());
    QCOMPARE(saved->status, ActionStatus::InProgress);
    QCOMPARE(saved->siteId, site.id);
    QCOMPARE(saved->siteName, QStringLiteral("(site removed)"));
    // Undo gives the status back, still at the removed site.
    m_undo.undo();
    QCOMPARE(repo.action(id.value())->status, ActionStatus::Open);
    QCOMPARE(repo.action(id.value())->siteId, site.id);
    m_undo.clear();
    QVERIFY(repo.removeAction(id.value()).ok());
}

static int rowOf(const ActionsPanel& panel, const QString& id)
{
    for (int i = 0; i < panel.actions().size(); ++i)
        if (panel.actions()[i].id == id)
            return i;
    return -1;
}

// An action edited off a site and another removed, then the site is removed from the supplier behind the undo
// stack's back (an import undone, another path): undoing both puts each back as it was, at the removed site.
void TestActionsPanel::undoPutsBackAtARemovedSite()
{
    SupplierRecord rec = m_store->record(m_supplier).value();
    Site site;
    site.id = newUuid();
    site.supplierId = m_supplier;
    site.name = QStringLiteral("Peeling shed, Samut Sakhon");
    rec.sites << site;
    QVERIFY(m_store->save(rec).ok());
    ActionService* service = ActionService::forStore(m_store.get());
    ActionRepository repo = service->repository();
    CorrectiveAction a;
    a.supplierId = m_supplier;
    a.siteId = site.id;
    a.description = QStringLiteral("Post the grievance hotline in Burmese at the shed");
    a.openedOn = m_today.addDays(-20);
    a.dueOn = m_today.addDays(40);
    const QString movedId = repo.saveAction(a).value();
    a.description = QStringLiteral("Stop deducting uniform costs from wages");
    const QString removedId = repo.saveAction(a).value();
    const CorrectiveAction movedBefore = repo.action(movedId).value();
    const CorrectiveAction removedBefore = repo.action(removedId).value();

    ActionsPanel panel(m_store.get(), &m_undo);
    panel.showSupplier(m_supplier);
    // Edit: the first action becomes supplier-wide. Then the second is removed.
    CorrectiveAction moved = movedBefore;
    moved.siteId.clear();
    QVERIFY(CycleCommand::push(&m_undo, CycleCommand::action(service, movedBefore, moved, QStringLiteral("Edit"))));
    panel.removeAction(rowOf(panel, removedId));
    QCOMPARE(m_undo.count(), 2);
    QCOMPARE(repo.action(removedId).error().field, QStringLiteral("id"));
    // The site goes.
    rec.sites.removeLast();
    QVERIFY(m_store->save(rec).ok());

    QSignalSpy errors(m_store.get(), &SupplierStore::errorOccurred);
    m_undo.undo(); // the removal
    QCOMPARE(errors.count(), 0);
    auto back = repo.action(removedId);
    QVERIFY(back.ok());
    QVERIFY(back.value() == removedBefore);
    QCOMPARE(back->siteName, QStringLiteral("(site removed)"));
    QVERIFY(rowOf(panel, removedId) >= 0); // the panel shows it again
    m_undo.undo(); // the edit
    QCOMPARE(errors.count(), 0);
    QVERIFY(repo.action(movedId).value() == movedBefore);
    QCOMPARE(repo.action(movedId)->siteId, site.id);

    // Redo and undo again: the same records each time, one transaction each.
    m_undo.redo();
    m_undo.redo();
    QCOMPARE(errors.count(), 0);
    QVERIFY(repo.action(movedId)->siteId.isEmpty());
    QCOMPARE(repo.action(removedId).error().field, QStringLiteral("id"));
    m_undo.undo();
    m_undo.undo();
    QCOMPARE(errors.count(), 0);
    QCOMPARE(repo.action(movedId)->siteId, site.id);
    QCOMPARE(repo.action(removedId)->siteId, site.id);
    m_undo.clear();
    QVERIFY(repo.removeAction(movedId).ok());
    QVERIFY(repo.removeAction(removedId).ok());
}

// An action answering a finding whose observation was removed since: the form says so and keeps the link, unless the
// user chooses another finding; undoing the action's removal gives it back with its finding.
void TestActionsPanel::editKeepsARemovedFinding()
{
    RiskRepository risk(m_store->database());
    RiskObservation o;
    o.indicatorId = QStringLiteral("ilo_07_retention_of_identity_documents");
    o.status = ObservationStatus::Present;
    o.sourceType = QStringLiteral("worker_interview");
    o.date = m_today.addDays(-45);
    const QString obs = risk.addObservation(m_supplier, o).value();
    ActionService* service = ActionService::forStore(m_store.get());
    ActionRepository repo = service->repository();
    CorrectiveAction a;
    a.supplierId = m_supplier;
    a.observationId = obs;
    a.description = QStringLiteral("Give every worker their passport back, with a locker of their own");
    a.openedOn = m_today.addDays(-40);
    a.dueOn = m_today.addDays(20);
    const QString id = repo.saveAction(a).value();
    QVERIFY(risk.removeObservation(obs).ok());

    ActionsPanel panel(m_store.get(), &m_undo);
    panel.showSupplier(m_supplier);
    ActionDialog* d = panel.editAction(rowOf(panel, id));
    QVERIFY(d);
    QComboBox* finding = d->findChild<QComboBox*>(QStringLiteral("finding"));
    QVERIFY2(finding->currentText().contains(QStringLiteral("(finding removed)")), qPrintable(finding->currentText()));
    QVERIFY(finding->currentText().contains(QStringLiteral("Retention of identity documents")));
    QVERIFY(finding->currentData().toString().startsWith(QStringLiteral("obs:") + obs));
    QCOMPARE(finding->findText(QStringLiteral("(no specific finding)")), 0); // still there to choose
    QCOMPARE(d->action().observationId, obs);
    // Only the status changes: saved with the finding.
    QComboBox* status = d->findChild<QComboBox*>(QStringLiteral("status"));
    status->setCurrentIndex(status->findData(int(ActionStatus::InProgress)));
    MessageBox::setAlwaysAnswer(QMessageBox::Ok); // a refused save would warn: never block
    const int warnings = MessageBox::shownCount();
    d->accept();
    MessageBox::setAlwaysAnswer(QMessageBox::NoButton);
    QCOMPARE(MessageBox::shownCount(), warnings);
    QCOMPARE(m_undo.count(), 1);
    QCOMPARE(repo.action(id)->status, ActionStatus::InProgress);
    QCOMPARE(repo.action(id)->observationId, obs);
    QCOMPARE(repo.action(id)->indicatorId, QStringLiteral("ilo_07_retention_of_identity_documents"));

    // Choosing "(no specific finding)" unlinks it, as the user asked.
    d = panel.editAction(rowOf(panel, id));
    finding = d->findChild<QComboBox*>(QStringLiteral("finding"));
    finding->setCurrentIndex(0);
    d->accept();
    QVERIFY(repo.action(id)->observationId.isEmpty());
    m_undo.undo(); // linked again
    QCOMPARE(repo.action(id)->observationId, obs);

    // Removed, then the removal undone: back with its finding.
    const CorrectiveAction before = repo.action(id).value();
    QSignalSpy errors(m_store.get(), &SupplierStore::errorOccurred);
    panel.removeAction(rowOf(panel, id));
    QCOMPARE(repo.action(id).error().field, QStringLiteral("id"));
    m_undo.undo();
    QCOMPARE(errors.count(), 0);
    QVERIFY(repo.action(id).value() == before);
    m_undo.clear();
    QVERIFY(repo.removeAction(id).ok());
}

void TestActionsPanel::removeWithKeyboardAndUndo()
{
    ActionsPanel panel(m_store.get(), &m_undo);
    panel.resize(700, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.showSupplier(m_supplier);
    const int before = panel.actions().size();
    QVERIFY(before > 0);
    panel.list()->setFocus();
    panel.list()->setCurrentItem(panel.list()->topLevelItem(0));
    QTest::keyClick(panel.list(), Qt::Key_Delete);
    QCOMPARE(panel.actions().size(), before - 1);
    QCOMPARE(m_undo.undoText(), QStringLiteral("Remove corrective action"));
    m_undo.undo();
    QCOMPARE(panel.actions().size(), before);
    m_undo.clear();
}

void TestActionsPanel::feesFormAndTotals()
{
    FeesPanel panel(m_store.get(), &m_undo);
    panel.showSupplier(m_supplier);
    const int before = panel.fees().size();
    QVERIFY(before > 0);
    QVERIFY(panel.totalsText().contains(QStringLiteral("outstanding")));
    FeeDialog* d = panel.addFee();
    QVERIFY(d);
    QVERIFY(!okEnabled(d)); // no workers and no group yet
    QVERIFY(!d->fieldMessage(QStringLiteral("workers")).isEmpty());
    d->findChild<QSpinBox*>(QStringLiteral("workers"))->setValue(12);
    d->findChild<QDoubleSpinBox*>(QStringLiteral("paid"))->setValue(1000);
    d->findChild<QDoubleSpinBox*>(QStringLiteral("reimbursed"))->setValue(1500);
    QVERIFY(d->fieldMessage(QStringLiteral("reimbursed_amount")).contains(QStringLiteral("note")));
    QVERIFY(!okEnabled(d));
    d->findChild<QDoubleSpinBox*>(QStringLiteral("reimbursed"))->setValue(400);
    d->findChild<QComboBox*>(QStringLiteral("currency"))->setCurrentText(QStringLiteral("XX"));
    QVERIFY(!d->fieldMessage(QStringLiteral("currency")).isEmpty());
    d->findChild<QComboBox*>(QStringLiteral("currency"))->setCurrentText(QStringLiteral("THB"));
    d->findChild<QLineEdit*>(QStringLiteral("group"))->setText(QStringLiteral("Worker ID 88123456"));
    QVERIFY(!d->fieldMessage(QStringLiteral("worker_group")).isEmpty()); // an ID is refused
    d->findChild<QLineEdit*>(QStringLiteral("group"))->setText(QStringLiteral("2026 intake, night shift"));
    QVERIFY(okEnabled(d));
    QCOMPARE(d->findChild<QLabel*>(QStringLiteral("outstanding"))->text(), QStringLiteral("600 THB"));
    d->accept();
    QCOMPARE(panel.fees().size(), before + 1);
    m_undo.undo();
    QCOMPARE(panel.fees().size(), before);
    m_undo.clear();
}

void TestActionsPanel::trainingsList()
{
    TrainingsDialog dialog(m_store.get(), &m_undo);
    const int before = dialog.trainings().size();
    QVERIFY(before > 0);
    TrainingDialog* d = dialog.addTraining();
    QVERIFY(d);
    QVERIFY(!okEnabled(d));
    d->accept(); // refused: the topic is asked for at the field
    QVERIFY(!d->fieldMessage(QStringLiteral("topic")).isEmpty());
    QCOMPARE(dialog.trainings().size(), before);
    d->findChild<QLineEdit*>(QStringLiteral("topic"))->setText(QStringLiteral("Responsible recruitment for buyers"));
    d->findChild<QSpinBox*>(QStringLiteral("participants"))->setValue(14);
    d->accept();
    QCOMPARE(dialog.trainings().size(), before + 1);
    QCOMPARE(dialog.list()->topLevelItemCount(), before + 1);
    m_undo.undo();
    QCOMPARE(dialog.trainings().size(), before);
    m_undo.clear();
}

void TestActionsPanel::screenshotActionsTab()
{
    SupplierDetailView view(m_store.get(), &m_undo);
    view.resize(980, 620);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showSupplier(m_supplier);
    QTabWidget* tabs = view.tabs();
    int actionsTab = -1;
    int feesTab = -1;
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->tabText(i).startsWith(QLatin1String("Actions")))
            actionsTab = i;
        if (tabs->tabText(i).startsWith(QLatin1String("Fees")))
            feesTab = i;
    }
    QVERIFY(actionsTab >= 0 && feesTab >= 0);
    QVERIFY2(tabs->tabText(actionsTab).contains(QStringLiteral("overdue")), qPrintable(tabs->tabText(actionsTab)));
    tabs->setCurrentIndex(actionsTab);
    QTest::qWait(50);
    const QImage shot = view.grab().toImage();
    QVERIFY(!shot.isNull());
    const QString dir = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(shot.save(dir + QStringLiteral("/supplier-actions.png")));
        tabs->setCurrentIndex(feesTab);
        QTest::qWait(50);
        QVERIFY(view.grab().toImage().save(dir + QStringLiteral("/supplier-fees.png")));
    }
}

QTEST_MAIN(TestActionsPanel)
#include "tst_actionspanel.moc"
