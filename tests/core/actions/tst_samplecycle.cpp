// The sample workspace's remediation cycle (scripts/make_sample_portfolio.py): corrective actions, some overdue, a fee
// ledger on the Thai seafood and Malaysian electronics corridors, trainings; dated from the day it is loaded.
#include "actions/actionrepository.h"
#include "actions/actionsummary.h"
#include "storage/database.h"
#include "storage/sampleportfolio.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

class TestSampleCycle : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void actionsSomeOverdue();
    void feeLedgerCorridors();
    void trainings();
    void datesFollowTheDayOfLoading();

private:
    std::unique_ptr<Database> load(const QString& name, const QDate& today);
    QTemporaryDir m_dir;
    QByteArray m_json;
    std::unique_ptr<Database> m_db;
    const QDate m_today = QDate(2026, 6, 30);
};

std::unique_ptr<Database> TestSampleCycle::load(const QString& name, const QDate& today)
{
    auto db = Database::open(m_dir.filePath(name), Database::Mode::CreateIfMissing);
    if (!db)
        return nullptr;
    auto n = loadSamplePortfolio(*db.value(), m_json, today);
    if (!n) {
        qWarning() << n.error().toString();
        return nullptr;
    }
    return std::move(db).value();
}

void TestSampleCycle::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QFile f(QStringLiteral(":/sample/sample_portfolio.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_json = f.readAll();
    m_db = load(QStringLiteral("sample.vigil"), m_today);
    QVERIFY(m_db);
}

void TestSampleCycle::actionsSomeOverdue()
{
    auto s = readActionSummary(*m_db, m_today);
    QVERIFY(s.ok());
    QVERIFY2(s->actions >= 30 && s->actions <= 80, qPrintable(QString::number(s->actions)));
    for (ActionStatus st : allActionStatuses())
        QVERIFY2(s->count(st) > 0, qPrintable(actionStatusId(st)));
    QVERIFY(s->overdue >= 3);
    QVERIFY(s->overdue < s->openActions()); // some, not all
    QVERIFY(s->suppliersWithActions >= 20);
    // Every action answers a finding or is a grievance channel, and sits at one of its supplier's sites.
    QSqlQuery q(m_db->db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM corrective_actions a LEFT JOIN sites s ON s.id = a.site_id "
                                  "AND s.supplier_id = a.supplier_id WHERE s.id IS NULL")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    // The change log records them, as every other write.
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'corrective_action' AND action = "
                                  "'create' AND batch = 'sample'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), s->actions);
}

void TestSampleCycle::feeLedgerCorridors()
{
    QSqlQuery q(m_db->db());
    QVERIFY(q.exec(QStringLiteral(
        "SELECT f.currency, s.sector, count(*), sum(f.paid_amount), sum(f.reimbursed_amount) FROM recruitment_fees f "
        "JOIN suppliers s ON s.id = f.supplier_id WHERE f.origin_country || '>' || f.destination_country IN "
        "('MM>TH', 'NP>MY', 'BD>MY', 'MM>MY') GROUP BY f.currency, s.sector")));
    bool thaiSeafood = false;
    bool malaysianElectronics = false;
    while (q.next()) {
        const bool partly = q.value(4).toDouble() > 0 && q.value(4).toDouble() < q.value(3).toDouble();
        if (q.value(0) == QStringLiteral("THB") && q.value(1) == QStringLiteral("Fishing and aquaculture"))
            thaiSeafood = partly;
        if (q.value(0) == QStringLiteral("MYR") && q.value(1) == QStringLiteral("Electronics"))
            malaysianElectronics = partly;
    }
    QVERIFY2(thaiSeafood, "Thai seafood: fees paid and partly reimbursed");
    QVERIFY2(malaysianElectronics, "Malaysian electronics: fees paid and partly reimbursed");
    // Groups of workers, never one person.
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM recruitment_fees WHERE workers < 2")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestSampleCycle::trainings()
{
    auto list = ActionRepository(*m_db).trainings();
    QVERIFY(list.ok());
    QVERIFY(list->size() >= 8);
    QSet<TrainingAudience> audiences;
    for (const Training& t : list.value()) {
        audiences.insert(t.audience);
        QVERIFY(t.heldOn < m_today);
    }
    QCOMPARE(audiences.size(), 3);
}

void TestSampleCycle::datesFollowTheDayOfLoading()
{
    auto later = load(QStringLiteral("later.vigil"), m_today.addDays(100));
    QVERIFY(later);
    auto a = ActionRepository(*m_db).actions();
    auto b = ActionRepository(*later).actions();
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a->size(), b->size());
    for (int i = 0; i < a->size(); ++i) {
        QCOMPARE(b->at(i).id, a->at(i).id); // the same actions, deterministic
        QCOMPARE(b->at(i).openedOn, a->at(i).openedOn.addDays(100));
        QCOMPARE(b->at(i).dueOn, a->at(i).dueOn.addDays(100));
    }
    QCOMPARE(readActionSummary(*later, m_today.addDays(100))->overdue, readActionSummary(*m_db, m_today)->overdue);
}

QTEST_GUILESS_MAIN(TestSampleCycle)
#include "tst_samplecycle.moc"
