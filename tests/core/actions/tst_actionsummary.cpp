// The figures reports and the dashboard take from the remediation cycle, and the mitigations it proves to the risk
// engine.
#include "actions/actionmitigations.h"
#include "actions/actionsummary.h"

#include <QTest>

using namespace vigil;

class TestActionSummary : public QObject
{
    Q_OBJECT
private slots:
    void countsByStatusAndOverdue();
    void feesByCurrencyAndCorridor();
    void trainingsByAudience();
    void formatAmount_data();
    void formatAmount();
    void derivedMitigations_data();
    void derivedMitigations();
};

namespace {

CorrectiveAction act(const QString& supplier, ActionStatus s, const QDate& due)
{
    CorrectiveAction a;
    a.id = QStringLiteral("%1-%2").arg(supplier).arg(int(s));
    a.supplierId = supplier;
    a.status = s;
    a.openedOn = QDate(2026, 1, 1);
    a.dueOn = due;
    a.description = QStringLiteral("x");
    if (isClosed(s))
        a.closedOn = QDate(2026, 3, 1);
    return a;
}

FeeEntry fee(const QString& supplier, const QString& currency, double paid, double reimbursed, const QString& from,
             const QString& to, int workers)
{
    FeeEntry f;
    f.supplierId = supplier;
    f.currency = currency;
    f.paidAmount = paid;
    f.reimbursedAmount = reimbursed;
    f.originCountry = from;
    f.destinationCountry = to;
    f.workers = workers;
    f.recordedOn = QDate(2026, 2, 1);
    return f;
}

} // namespace

void TestActionSummary::countsByStatusAndOverdue()
{
    const QDate today(2026, 6, 30);
    const QList<CorrectiveAction> actions{
        act("s1", ActionStatus::Open, QDate(2026, 5, 1)), // overdue
        act("s1", ActionStatus::Open, QDate(2026, 7, 1)),
        act("s2", ActionStatus::InProgress, QDate(2026, 6, 29)),
        act("s2", ActionStatus::Open, QDate()), // no due date: never overdue
        act("s3", ActionStatus::ClosedVerified, QDate(2026, 2, 1)), // closed late, not overdue
        act("s3", ActionStatus::ClosedNotVerified, QDate(2026, 2, 1)),
        act("s4", ActionStatus::Cancelled, QDate())};
    const ActionSummary s = summarise(actions, {}, {}, today);
    QCOMPARE(s.actions, 7);
    QCOMPARE(s.count(ActionStatus::Open), 3);
    QCOMPARE(s.openActions(), 4);
    QCOMPARE(s.closedActions(), 2);
    QCOMPARE(s.overdue, 2);
    QCOMPARE(s.overdueByStatus[size_t(ActionStatus::Open)], 1);
    QCOMPARE(s.overdueByStatus[size_t(ActionStatus::InProgress)], 1);
    QCOMPARE(s.suppliersWithActions, 4);
    QCOMPARE(s.suppliersWithOverdue, 2);
    QCOMPARE(s.suppliersWithVerifiedClosure, 1);
    QCOMPARE(s.verifiedShare(), 0.5);
    QCOMPARE(summarise({}, {}, {}, today).verifiedShare(), -1.0);
}

void TestActionSummary::feesByCurrencyAndCorridor()
{
    const QList<FeeEntry> fees{fee("s1", "THB", 40000, 12500, "MM", "TH", 20),
                               fee("s1", "THB", 10000, 0, "KH", "TH", 5),
                               fee("s2", "MYR", 3000, 3500, "NP", "MY", 2), // over-reimbursed (noted)
                               fee("s2", "MYR", 2000, 500, "NP", "MY", 1)};
    const ActionSummary s = summarise({}, fees, {}, QDate(2026, 6, 30));
    QCOMPARE(s.feeEntries, 4);
    QCOMPARE(s.suppliersWithFees, 2);
    QCOMPARE(s.suppliersWithReimbursement, 2);
    QCOMPARE(s.feesByCurrency.size(), 2);
    QCOMPARE(s.feesByCurrency[0].currency, QStringLiteral("MYR"));
    QCOMPARE(s.feesByCurrency[0].paid, 5000.0);
    QCOMPARE(s.feesByCurrency[0].reimbursed, 4000.0);
    QCOMPARE(s.feesByCurrency[0].outstanding, 1500.0); // the over-reimbursement does not pay another group's fees
    QCOMPARE(s.feesByCurrency[1].paid, 50000.0);
    QCOMPARE(s.feesByCurrency[1].reimbursed, 12500.0);
    QCOMPARE(s.feesByCurrency[1].outstanding, 37500.0);
    QCOMPARE(s.feesByCurrency[1].workers, qint64(25));
    QCOMPARE(s.feesByCorridor.size(), 3);
    QCOMPARE(s.feesByCorridor[1].corridor, QStringLiteral("KH → TH"));
    QCOMPARE(s.feesByCorridor[2].corridor, QStringLiteral("MM → TH"));
    QCOMPARE(s.feesByCorridor[2].reimbursed, 12500.0);
}

void TestActionSummary::trainingsByAudience()
{
    Training a;
    a.participants = 12;
    a.audience = TrainingAudience::Staff;
    Training b;
    b.participants = 30;
    b.audience = TrainingAudience::Recruiters;
    const ActionSummary s = summarise({}, {}, {a, b, a}, QDate(2026, 6, 30));
    QCOMPARE(s.trainings, 3);
    QCOMPARE(s.participants, qint64(54));
    QCOMPARE(s.trainingsByAudience[0], 2);
    QCOMPARE(s.participantsByAudience[2], qint64(30));
}

void TestActionSummary::formatAmount_data()
{
    QTest::addColumn<double>("amount");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("text");
    QTest::addRow("whole amount, grouped") << 12500.0 << "THB"
                                           << "12,500 THB";
    QTest::addRow("cents kept") << 80.5 << "USD"
                                << "80.50 USD";
    QTest::addRow("zero") << 0.0 << "MYR"
                          << "0 MYR";
}

void TestActionSummary::formatAmount()
{
    QFETCH(double, amount);
    QFETCH(QString, currency);
    QFETCH(QString, text);
    QCOMPARE(vigil::formatAmount(amount, currency), text);
}

void TestActionSummary::derivedMitigations_data()
{
    QTest::addColumn<QList<CorrectiveAction>>("actions");
    QTest::addColumn<QList<FeeEntry>>("fees");
    QTest::addColumn<QStringList>("types");
    const QDate due(2026, 5, 1);
    QTest::addRow("nothing recorded") << QList<CorrectiveAction>{} << QList<FeeEntry>{} << QStringList{};
    QTest::addRow("verified closure counts") << QList<CorrectiveAction>{act("s", ActionStatus::ClosedVerified, due)}
                                             << QList<FeeEntry>{} << QStringList{"corrective_actions_closed"};
    QTest::addRow("unverified or cancelled does not")
        << QList<CorrectiveAction>{act("s", ActionStatus::ClosedNotVerified, due),
                                   act("s", ActionStatus::Cancelled, due), act("s", ActionStatus::Open, due)}
        << QList<FeeEntry>{} << QStringList{};
    QTest::addRow("fees fully reimbursed")
        << QList<CorrectiveAction>{} << QList<FeeEntry>{fee("s", "THB", 1000, 1000, "MM", "TH", 2)}
        << QStringList{"fees_reimbursed"};
    QTest::addRow("partly reimbursed earns nothing")
        << QList<CorrectiveAction>{} << QList<FeeEntry>{fee("s", "THB", 40000, 12500, "MM", "TH", 20)} << QStringList{};
    QTest::addRow("one currency still owed")
        << QList<CorrectiveAction>{}
        << QList<FeeEntry>{fee("s", "THB", 1000, 1000, "MM", "TH", 2), fee("s", "MYR", 500, 0, "NP", "MY", 1)}
        << QStringList{};
    QTest::addRow("no fee paid is not a reimbursement")
        << QList<CorrectiveAction>{} << QList<FeeEntry>{fee("s", "THB", 0, 0, "MM", "TH", 2)} << QStringList{};
}

void TestActionSummary::derivedMitigations()
{
    QFETCH(QList<CorrectiveAction>, actions);
    QFETCH(QList<FeeEntry>, fees);
    QFETCH(QStringList, types);
    QStringList got;
    for (const RiskMitigation& m : vigil::derivedMitigations(actions, fees)) {
        got << m.type;
        QVERIFY(m.date.isValid());
    }
    QCOMPARE(got, types);
}

QTEST_GUILESS_MAIN(TestActionSummary)
#include "tst_actionsummary.moc"
