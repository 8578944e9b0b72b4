// Deleting suppliers and undoing it (storage/supplierdeletion.h, SupplierStore::removeWithChildren and
// restoreWithChildren): undo puts back the record and every row that went with it (observations with their site
// links, mitigations, corrective actions, fee entries, trainings, scores with their parts and history) as they were,
// in one transaction: a restore that fails part-way puts back nothing at all.
#include "actions/actionrepository.h"
#include "risk/ilabdata.h"
#include "risk/riskrepository.h"
#include "risk/scorejob.h"
#include "risk/scoring.h"
#include "services/supplierstore.h"
#include "storage/changelog.h"
#include "storage/database.h"
#include "storage/sampleportfolio.h"
#include "storage/supplierdeletion.h"
#include "storage/workspace.h"
#include "util/uuid.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;

namespace {

bool sameRecord(const SupplierRecord& a, const SupplierRecord& b)
{
    return a.supplier == b.supplier && a.sites == b.sites && a.identifiers == b.identifiers
        && a.recruiters == b.recruiters;
}

// id -> site of each observation.
QMap<QString, QString> observationSites(const QList<RiskObservation>& list)
{
    QMap<QString, QString> out;
    for (const RiskObservation& o : list)
        out.insert(o.id, o.siteId);
    return out;
}

} // namespace

class TestSupplierDeletion : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void childTablesAreWhatTheDeleteRemoves();
    void undoRestoresEverything();
    void undoOfSeveralSuppliers();
    void failedRestorePutsBackNothing_data();
    void failedRestorePutsBackNothing();

private:
    // Every row of `table` about `supplierId`, as text, sorted: to compare before and after.
    QStringList rowsOf(const QString& table, const QString& supplierId) const;
    // Every child table's rows for the supplier (table -> rows).
    QMap<QString, QStringList> everything(const QString& supplierId) const;
    qint64 logCount() const;

    QTemporaryDir m_dir;
    std::unique_ptr<SupplierStore> m_store;
    QStringList m_tables; // SupplierDeletion::childTables()
    QString m_supplier; // a sample supplier with a row in every child table
    QString m_second; // another one, with actions too
    QString m_keptSite; // a site of m_supplier
    QString m_removedSite; // a site removed from m_supplier, which an observation and an action still name
    QString m_obsAtSite; // an observation at m_keptSite
    const QDateTime m_now = QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
};

QStringList TestSupplierDeletion::rowsOf(const QString& table, const QString& supplierId) const
{
    QSqlQuery q(m_store->database().db());
    q.prepare(QStringLiteral("SELECT * FROM \"%1\" WHERE supplier_id = ?").arg(table));
    q.addBindValue(supplierId);
    if (!q.exec())
        return {QStringLiteral("error: ") + table};
    QStringList rows;
    while (q.next()) {
        QStringList row;
        for (int c = 0; c < q.record().count(); ++c)
            row << q.record().fieldName(c) + QLatin1Char('=')
                    + (q.value(c).isNull() ? QStringLiteral("NULL")
                                           : QStringLiteral("%1:%2").arg(q.value(c).typeName(), q.value(c).toString()));
        rows << row.join(QLatin1Char('|'));
    }
    rows.sort();
    return rows;
}

QMap<QString, QStringList> TestSupplierDeletion::everything(const QString& supplierId) const
{
    QMap<QString, QStringList> all;
    for (const QString& t : m_tables)
        all.insert(t, rowsOf(t, supplierId));
    return all;
}

qint64 TestSupplierDeletion::logCount() const
{
    auto n = ChangeLog(m_store->database().db()).count();
    return n ? n.value() : -1;
}

void TestSupplierDeletion::init()
{
    QVERIFY(m_dir.isValid());
    auto db = workspace::create(m_dir.filePath(QStringLiteral("w%1.vigil").arg(QDateTime::currentMSecsSinceEpoch())));
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
    auto n = loadSamplePortfolio(*db.value());
    QVERIFY2(n.ok(), qPrintable(n.ok() ? QString() : n.error().toString()));
    m_store = std::make_unique<SupplierStore>(std::move(db).value());
    Database& d = m_store->database();
    SupplierRepository repo(d);
    auto tables = SupplierDeletion(d, repo).childTables();
    QVERIFY2(tables.ok(), qPrintable(tables.ok() ? QString() : tables.error().toString()));
    m_tables = tables.value();

    // Two suppliers with corrective actions and fee entries, and at least two sites.
    QSqlQuery q(d.db());
    QVERIFY(q.exec(QStringLiteral(
        "SELECT s.id FROM suppliers s WHERE s.id IN (SELECT supplier_id FROM corrective_actions) AND s.id IN "
        "(SELECT supplier_id FROM recruitment_fees) AND (SELECT count(*) FROM sites WHERE supplier_id = s.id) >= 2 "
        "ORDER BY s.id LIMIT 2")));
    QVERIFY(q.next());
    m_supplier = q.value(0).toString();
    QVERIFY(q.next());
    m_second = q.value(0).toString();

    // An observation at a site, one at a site removed since, an action at that removed site, a mitigation and a
    // training of the supplier.
    SupplierRecord rec = m_store->record(m_supplier).value();
    m_keptSite = rec.sites.first().id;
    m_removedSite = rec.sites.last().id;
    RiskRepository risk(d);
    RiskObservation o;
    o.indicatorId = QStringLiteral("ilo_07_retention_of_identity_documents");
    o.status = ObservationStatus::Present;
    o.sourceType = QStringLiteral("worker_interview");
    o.date = QDate(2026, 5, 1);
    o.confidence = 0.8;
    o.siteId = m_keptSite;
    o.note = QStringLiteral("Passports kept in the office safe – ထိန်းသိမ်းထား");
    auto obs = risk.addObservation(m_supplier, o);
    QVERIFY(obs.ok());
    m_obsAtSite = obs.value();
    o.siteId = m_removedSite;
    o.indicatorId = QStringLiteral("ilo_09_debt_bondage");
    QVERIFY(risk.addObservation(m_supplier, o).ok());
    RiskMitigation m;
    m.type = QStringLiteral("grievance_channel");
    m.date = QDate(2026, 4, 1);
    QVERIFY(risk.addMitigation(m_supplier, m).ok());
    ActionRepository actions(d);
    CorrectiveAction a;
    a.supplierId = m_supplier;
    a.siteId = m_removedSite;
    a.description = QStringLiteral("Move the dormitory's workers to the new housing");
    a.openedOn = QDate(2026, 5, 2);
    QVERIFY(actions.saveAction(a).ok());
    Training t;
    t.supplierId = m_supplier;
    t.topic = QStringLiteral("Workers' rights for line supervisors");
    t.heldOn = QDate(2026, 3, 3);
    t.participants = 12;
    QVERIFY(actions.saveTraining(t).ok());
    rec.sites.removeLast();
    QVERIFY(m_store->save(rec).ok());

    // Scores (with their parts) and a history of two lines: scored, new evidence, scored again.
    auto method = Methodology::loadDefault();
    auto ref = loadBundledReferenceData(m_now);
    QVERIFY(method.ok() && ref.ok());
    const ScoringContext context{*method, *ref};
    ScoreJobOptions options;
    options.threads = 1;
    for (const QString& id : {m_supplier, m_second}) {
        options.supplierId = id;
        QVERIFY(scoreWorkspace(d, context, m_now, options).ok());
    }
    o.siteId.clear();
    o.indicatorId = QStringLiteral("ilo_04_isolation");
    o.status = ObservationStatus::Present;
    QVERIFY(risk.addObservation(m_supplier, o).ok());
    options.supplierId = m_supplier;
    QVERIFY(scoreWorkspace(d, context, m_now.addDays(1), options).ok());
}

void TestSupplierDeletion::cleanup()
{
    m_store.reset();
}

void TestSupplierDeletion::childTablesAreWhatTheDeleteRemoves()
{
    // Every table whose rows a supplier's deletion removes (ON DELETE CASCADE), beyond the record's own.
    for (const char* t : {"risk_observations", "risk_mitigations", "corrective_actions", "recruitment_fees",
                          "trainings", "risk_scores", "risk_score_history"})
        QVERIFY2(m_tables.contains(QLatin1String(t)), t);
    for (const char* t : {"suppliers", "sites", "identifiers", "supplier_recruiters", "supplier_tags",
                          "risk_score_parts", "risk_score_basis", "change_log"})
        QVERIFY2(!m_tables.contains(QLatin1String(t)), t);
    // The test supplier has rows in each of them (so that the tests below prove something for every table), and
    // the deletion removes all of them.
    const QMap<QString, QStringList> before = everything(m_supplier);
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QVERIFY2(!it.value().isEmpty(), qPrintable(it.key()));
    QVERIFY(before.value(QStringLiteral("risk_score_history")).size() >= 2);
    auto deleted = m_store->removeWithChildren({m_supplier});
    QVERIFY2(deleted.ok(), qPrintable(deleted.ok() ? QString() : deleted.error().toString()));
    for (const QString& t : m_tables) {
        QVERIFY2(rowsOf(t, m_supplier).isEmpty(), qPrintable(t));
        QVERIFY2(deleted->rowsOf(t) && deleted->rowsOf(t)->rows.size() == before.value(t).size(), qPrintable(t));
    }
}

void TestSupplierDeletion::undoRestoresEverything()
{
    const SupplierRecord record = m_store->record(m_supplier).value();
    const QMap<QString, QStringList> before = everything(m_supplier);
    RiskRepository risk(m_store->database());
    const QList<RiskObservation> observations = risk.observations(m_supplier).value();

    const auto score = risk.latestScore(m_supplier);
    QVERIFY(score.ok() && score->has_value());

    QSignalSpy removed(m_store.get(), &SupplierStore::suppliersRemoved);
    auto deleted = m_store->removeWithChildren({m_supplier});
    QVERIFY2(deleted.ok(), qPrintable(deleted.ok() ? QString() : deleted.error().toString()));
    QCOMPARE(removed.size(), 1);
    QVERIFY(!m_store->record(m_supplier).ok());
    QCOMPARE(deleted->records.size(), 1);
    QVERIFY(sameRecord(deleted->records.first(), record));
    // A scoring run meanwhile removes the explanation parts no stored score uses any more (ScoreWriter::
    // removeUnusedParts): some of the deleted score's own among them.
    const DeletedRows* parts = deleted->rowsOf(QStringLiteral("risk_score_parts"));
    QVERIFY(parts && !parts->rows.isEmpty());
    QVERIFY(m_store->database()
                .execScript("DELETE FROM risk_score_parts WHERE key NOT IN (SELECT context_part FROM risk_scores "
                            "WHERE context_part IS NOT NULL) AND key NOT IN (SELECT gaps_part FROM risk_scores WHERE "
                            "gaps_part IS NOT NULL)")
                .ok());
    int partsGone = 0;
    for (const QVariantList& row : parts->rows) {
        QSqlQuery q(m_store->database().db());
        q.prepare(QStringLiteral("SELECT 1 FROM risk_score_parts WHERE key = ?"));
        q.addBindValue(row.first());
        QVERIFY(q.exec());
        partsGone += q.next() ? 0 : 1;
    }
    QVERIFY(partsGone > 0);

    QSignalSpy added(m_store.get(), &SupplierStore::suppliersAdded);
    Status st = m_store->restoreWithChildren(deleted.value());
    QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().toString()));
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.first().first().toStringList(), QStringList{m_supplier});
    // The record (sites with their ids) and every row as it was.
    QVERIFY(sameRecord(m_store->record(m_supplier).value(), record));
    QCOMPARE(everything(m_supplier), before);
    // The score reads back as it was, its explanation (contributions and gaps) included.
    const auto restoredScore = risk.latestScore(m_supplier);
    QVERIFY(restoredScore.ok() && restoredScore->has_value());
    QCOMPARE(RiskRepository::resultHash(**restoredScore), RiskRepository::resultHash(**score));
    QCOMPARE(restoredScore->value().gaps.size(), score->value().gaps.size());
    QVERIFY(!score->value().gaps.isEmpty());
    // The observations keep their site links: the kept site resolves, the removed one is still the removed one.
    QCOMPARE(observationSites(risk.observations(m_supplier).value()), observationSites(observations));
    const QHash<QString, QString> sites = risk.siteNames(m_supplier).value();
    bool atKept = false;
    bool atRemoved = false;
    const QList<RiskObservation> restored = risk.observations(m_supplier).value();
    for (const RiskObservation& o : restored) {
        atKept |= o.id == m_obsAtSite && o.siteId == m_keptSite && sites.contains(o.siteId);
        atRemoved |= o.siteId == m_removedSite && observationSiteLabel(o.siteId, sites) == removedSiteLabel();
    }
    QVERIFY(atKept);
    QVERIFY(atRemoved);
    bool actionAtRemoved = false;
    const QList<CorrectiveAction> actions
        = ActionRepository(m_store->database()).actions(ActionQuery{m_supplier, {}, false, {}}).value();
    for (const CorrectiveAction& a : actions)
        actionAtRemoved |= a.siteId == m_removedSite && a.siteName == QStringLiteral("(site removed)");
    QVERIFY(actionAtRemoved);
    // The workspace is consistent afterwards.
    QCOMPARE(m_store->database().integrityProblems(), QStringList());
    // Deleting again works (the same rows go again).
    auto again = m_store->removeWithChildren({m_supplier});
    QVERIFY(again.ok());
    for (const QString& t : m_tables)
        QCOMPARE(again->rowsOf(t)->rows.size(), before.value(t).size());
}

void TestSupplierDeletion::undoOfSeveralSuppliers()
{
    const QMap<QString, QStringList> first = everything(m_supplier);
    const QMap<QString, QStringList> second = everything(m_second);
    const SupplierRecord secondRecord = m_store->record(m_second).value();
    auto deleted = m_store->removeWithChildren({m_supplier, m_second});
    QVERIFY(deleted.ok());
    QCOMPARE(deleted->records.size(), 2);
    QVERIFY(!m_store->record(m_second).ok());
    QVERIFY(m_store->restoreWithChildren(deleted.value()).ok());
    QCOMPARE(everything(m_supplier), first);
    QCOMPARE(everything(m_second), second);
    QVERIFY(sameRecord(m_store->record(m_second).value(), secondRecord));
}

void TestSupplierDeletion::failedRestorePutsBackNothing_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QVariant>("value");
    // The restore stops at a row the schema refuses; the rows and the supplier put back before it are undone.
    QTest::addRow("an invalid observation (status)")
        << QStringLiteral("risk_observations") << QStringLiteral("status") << QVariant(QStringLiteral("maybe"));
    QTest::addRow("an invalid corrective action (status), after the evidence")
        << QStringLiteral("corrective_actions") << QStringLiteral("status") << QVariant(QStringLiteral("done?"));
    QTest::addRow("the last table's row (history of another supplier)")
        << QStringLiteral("risk_score_history") << QStringLiteral("supplier_id") << QVariant(newUuid());
}

void TestSupplierDeletion::failedRestorePutsBackNothing()
{
    QFETCH(QString, table);
    QFETCH(QString, column);
    QFETCH(QVariant, value);
    const SupplierRecord record = m_store->record(m_supplier).value();
    const QMap<QString, QStringList> before = everything(m_supplier);
    auto deleted = m_store->removeWithChildren({m_supplier});
    QVERIFY(deleted.ok());
    const qint64 logAfterDelete = logCount();

    // Spoil the last row of `table` in a copy of what was deleted.
    DeletedSuppliers spoiled = deleted.value();
    int index = -1;
    for (int i = 0; i < spoiled.children.size(); ++i)
        if (spoiled.children[i].table == table)
            index = i;
    QVERIFY(index >= 0);
    DeletedRows& rows = spoiled.children[index];
    QVERIFY(!rows.rows.isEmpty());
    const int col = rows.columns.indexOf(column);
    QVERIFY(col >= 0);
    rows.rows.last()[col] = value;

    QSignalSpy added(m_store.get(), &SupplierStore::suppliersAdded);
    Status st = m_store->restoreWithChildren(spoiled);
    QVERIFY(!st.ok());
    QVERIFY2(st.error().message.contains(table), qPrintable(st.error().message));
    QCOMPARE(st.error().row, qint64(rows.rows.size()));
    // Nothing came back: no supplier, no site, no row of any table, no change-log entry, no signal.
    QVERIFY(!m_store->record(m_supplier).ok());
    QSqlQuery q(m_store->database().db());
    q.prepare(QStringLiteral("SELECT count(*) FROM sites WHERE supplier_id = ?"));
    q.addBindValue(m_supplier);
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    for (const QString& t : m_tables)
        QVERIFY2(rowsOf(t, m_supplier).isEmpty(), qPrintable(t));
    QCOMPARE(logCount(), logAfterDelete);
    QCOMPARE(added.size(), 0);

    // What was deleted, unspoiled, still comes back whole.
    QVERIFY(m_store->restoreWithChildren(deleted.value()).ok());
    QVERIFY(sameRecord(m_store->record(m_supplier).value(), record));
    QCOMPARE(everything(m_supplier), before);
}

QTEST_MAIN(TestSupplierDeletion)
#include "tst_supplierdeletion.moc"
