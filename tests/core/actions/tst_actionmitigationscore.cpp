// A corrective action closed and verified is a mitigation the risk engine counts (issue 4: "closed corrective
// actions lower residual risk"), whichever way the supplier's input is read: one supplier (the GUI after an edit),
// every supplier at once (allInputs), or the streaming scoring job.
#include "actions/actionrepository.h"
#include "risk/riskengine.h"
#include "risk/riskrepository.h"
#include "risk/scorejob.h"
#include "risk/scoring.h"
#include "storage/database.h"
#include "storage/supplierrepository.h"
#include "storage/workspace.h"
#include "util/uuid.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;

class TestActionMitigationScore : public QObject
{
    Q_OBJECT
private slots:
    void closedVerifiedActionLowersTheScore_data();
    void closedVerifiedActionLowersTheScore();
};

namespace {

bool hasMitigation(const SupplierRiskInput& in, const QString& type)
{
    for (const RiskMitigation& m : in.mitigations)
        if (m.type == type && m.id.startsWith(QLatin1String("action:")))
            return true;
    return false;
}

} // namespace

void TestActionMitigationScore::closedVerifiedActionLowersTheScore_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("counts");
    QTest::addRow("closed and verified") << int(ActionStatus::ClosedVerified) << true;
    QTest::addRow("closed, not verified") << int(ActionStatus::ClosedNotVerified) << false;
    QTest::addRow("still open") << int(ActionStatus::Open) << false;
}

void TestActionMitigationScore::closedVerifiedActionLowersTheScore()
{
    QFETCH(int, status);
    QFETCH(bool, counts);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto created = workspace::create(dir.filePath(QStringLiteral("w.vigil")));
    QVERIFY2(created.ok(), qPrintable(created.error().toString()));
    Database& db = **created;
    const QDateTime now(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);

    Supplier s;
    s.id = newUuid();
    s.name = QStringLiteral("บริษัท ทะเลทองซีฟู้ด จำกัด");
    s.country = QStringLiteral("TH");
    s.sector = QStringLiteral("Fishing and aquaculture");
    s.products = {QStringLiteral("Fish")};
    s.migrantShare = 0.8;
    const Status added = SupplierRepository(db).add(SupplierRecord{s, {}, {}, {}});
    QVERIFY2(added.ok(), qPrintable(added.error().toString()));
    const QString* id = &s.id;
    RiskRepository risk(db);
    // A finding, so there is risk to mitigate.
    QVERIFY(risk.addObservation(*id,
                                RiskObservation{QString(),
                                                QStringLiteral("rec_fees_paid_by_worker"),
                                                ObservationStatus::Present,
                                                QStringLiteral("audit"),
                                                QDate(2026, 4, 1),
                                                0.9,
                                                QString(),
                                                {}})
                .ok());
    auto context = loadScoringContext(db, now);
    QVERIFY2(context.ok(), qPrintable(context.error().toString()));
    auto before = risk.input(*id);
    QVERIFY(before.ok());
    QVERIFY(!hasMitigation(*before, QStringLiteral("corrective_actions_closed")));
    const RiskResult unmitigated = RiskEngine::evaluate(*before, context->methodology, context->reference, now);

    CorrectiveAction a;
    a.supplierId = *id;
    a.indicatorId = QStringLiteral("rec_fees_paid_by_worker");
    a.description = QStringLiteral("Reimburse recruitment fees and adopt an Employer Pays policy");
    a.owner = QStringLiteral("Compliance");
    a.openedOn = QDate(2026, 4, 2);
    a.dueOn = QDate(2026, 5, 30);
    a.status = ActionStatus(status);
    if (isClosed(a.status)) {
        a.closedOn = QDate(2026, 5, 20);
        a.verificationNote = QStringLiteral("Re-audit confirmed the policy and the payments");
    }
    auto saved = ActionRepository(db).saveAction(a);
    QVERIFY2(saved.ok(), qPrintable(saved.error().toString()));

    // One supplier, every supplier, and the streaming job read the same mitigations.
    auto one = risk.input(*id);
    QVERIFY(one.ok());
    QCOMPARE(hasMitigation(*one, QStringLiteral("corrective_actions_closed")), counts);
    auto all = risk.allInputs();
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 1);
    QCOMPARE(hasMitigation(all->first(), QStringLiteral("corrective_actions_closed")), counts);

    const RiskResult result = RiskEngine::evaluate(*one, context->methodology, context->reference, now);
    if (counts)
        QVERIFY2(result.score < unmitigated.score,
                 qPrintable(QStringLiteral("%1 !< %2").arg(result.score).arg(unmitigated.score)));
    else
        QCOMPARE(result.score, unmitigated.score);

    auto job = scoreWorkspace(db, *context, now);
    QVERIFY2(job.ok(), qPrintable(job.error().toString()));
    auto stored = risk.latestScore(*id, &context->methodology);
    QVERIFY(stored.ok() && stored->has_value());
    QCOMPARE((*stored)->score, result.score);
    bool explained = false;
    for (const RiskContribution& c : (*stored)->contributions)
        explained = explained || c.factor == QLatin1String("mitigation:corrective_actions_closed");
    QCOMPARE(explained, counts);
}

QTEST_GUILESS_MAIN(TestActionMitigationScore)
#include "tst_actionmitigationscore.moc"
