#include "risk/riskrepository.h"
#include "risk/scorejob.h"
#include "risk/scoring.h"
#include "storage/database.h"
#include "storage/sampleportfolio.h"
#include "storage/workspace.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;

class TestRiskRepository : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void schemaIsMigrated();
    void observationsRoundTrip();
    void badObservationsAreRefused_data();
    void badObservationsAreRefused();
    void mitigationsRoundTrip();
    void datasetsRoundTripAndReplace();
    void scoreEverySupplier();
    void unchangedResultsAreNotRewritten();
    void historyOnlyOnChange();
    void evidenceChangesTheScore();
    void deletingASupplierCascades();

private:
    QString firstSupplier(const QString& sector = QString());
    // Runs the scoring job and returns its results (in supplier-id order).
    Result<QList<RiskResult>> score(const ScoringContext& context, const QDateTime& at,
                                    const QString& supplier = QString());
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    const QDateTime m_now = QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
};

void TestRiskRepository::init()
{
    QVERIFY(m_dir.isValid());
    auto db = workspace::create(m_dir.filePath(QStringLiteral("w%1.vigil").arg(QDateTime::currentMSecsSinceEpoch())));
    QVERIFY2(db.ok(), qPrintable(db.error().toString()));
    m_db = std::move(db).value();
    auto n = loadSamplePortfolio(*m_db);
    QVERIFY2(n.ok(), qPrintable(n.error().toString()));
    QVERIFY(n.value() > 100);
}

void TestRiskRepository::cleanup()
{
    m_db.reset();
}

QString TestRiskRepository::firstSupplier(const QString& sector)
{
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("SELECT id FROM suppliers WHERE (? = '' OR sector = ?) ORDER BY rowid_ LIMIT 1"));
    q.addBindValue(sector.isNull() ? QStringLiteral("") : sector);
    q.addBindValue(sector.isNull() ? QStringLiteral("") : sector);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

Result<QList<RiskResult>> TestRiskRepository::score(const ScoringContext& context, const QDateTime& at,
                                                    const QString& supplier)
{
    QList<RiskResult> results;
    ScoreJobOptions options;
    options.supplierId = supplier;
    options.onResult = [&results](const RiskResult& r) { results.append(r); };
    auto summary = scoreWorkspace(*m_db, context, at, options);
    if (!summary)
        return summary.error();
    if (summary->scored != results.size())
        return makeError(QStringLiteral("summary and results disagree"));
    return results;
}

void TestRiskRepository::schemaIsMigrated()
{
    QVERIFY(m_db->schemaVersion() >= 2);
    QSqlQuery q(m_db->db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM risk_scores")));
    QVERIFY(m_db->integrityProblems().isEmpty());
}

void TestRiskRepository::observationsRoundTrip()
{
    RiskRepository repo(*m_db);
    repo.setActor(QStringLiteral("tester"));
    const QString sup = firstSupplier();
    QVERIFY(!sup.isEmpty());
    RiskObservation o{QString(),
                      QStringLiteral("ilo_06_intimidation_threats"),
                      ObservationStatus::Present,
                      QStringLiteral("worker_interview"),
                      QDate(2026, 5, 2),
                      0.75,
                      QString(),
                      QStringLiteral("note é")};
    auto id = repo.addObservation(sup, o);
    QVERIFY2(id.ok(), qPrintable(id.error().toString()));
    QCOMPARE(id->size(), 36);
    RiskObservation undated = o;
    undated.date = QDate();
    undated.status = ObservationStatus::Absent;
    undated.note.clear();
    QVERIFY(repo.addObservation(sup, undated).ok());
    auto list = repo.observations(sup);
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 2);
    const RiskObservation& back = list->at(1).date.isValid() ? list->at(1) : list->at(0);
    QCOMPARE(back.id, *id);
    QCOMPARE(back.indicatorId, o.indicatorId);
    QCOMPARE(back.status, ObservationStatus::Present);
    QCOMPARE(back.date, o.date);
    QCOMPARE(back.confidence, 0.75);
    QCOMPARE(back.note, o.note);
    QVERIFY(back.siteId.isEmpty());
    QVERIFY(repo.removeObservation(*id).ok());
    QVERIFY(!repo.removeObservation(*id).ok());
    QCOMPARE(repo.observations(sup)->size(), 1);
}

void TestRiskRepository::badObservationsAreRefused_data()
{
    QTest::addColumn<QString>("supplier"); // "" = a real one
    QTest::addColumn<QString>("indicator");
    QTest::addColumn<double>("confidence");
    QTest::addColumn<QString>("site");
    QTest::addRow("no such supplier") << "00000000-0000-0000-0000-000000000000"
                                      << "ilo_02_deception" << 1.0 << "";
    QTest::addRow("no indicator") << ""
                                  << "" << 1.0 << "";
    QTest::addRow("confidence above 1") << ""
                                        << "ilo_02_deception" << 1.5 << "";
    QTest::addRow("no such site") << ""
                                  << "ilo_02_deception" << 1.0 << "11111111-1111-1111-1111-111111111111";
}

void TestRiskRepository::badObservationsAreRefused()
{
    QFETCH(QString, supplier);
    QFETCH(QString, indicator);
    QFETCH(double, confidence);
    QFETCH(QString, site);
    RiskRepository repo(*m_db);
    const QString sup = supplier.isEmpty() ? firstSupplier() : supplier;
    auto id = repo.addObservation(sup,
                                  RiskObservation{QString(),
                                                  indicator,
                                                  ObservationStatus::Present,
                                                  QStringLiteral("audit"),
                                                  QDate(2026, 1, 1),
                                                  confidence,
                                                  site,
                                                  {}});
    QVERIFY(!id.ok());
    QVERIFY(!id.error().message.isEmpty());
    QSqlQuery q(m_db->db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM risk_observations")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestRiskRepository::mitigationsRoundTrip()
{
    RiskRepository repo(*m_db);
    const QString sup = firstSupplier();
    auto id
        = repo.addMitigation(sup, RiskMitigation{QString(), QStringLiteral("fees_reimbursed"), QDate(2026, 3, 1), {}});
    QVERIFY2(id.ok(), qPrintable(id.error().toString()));
    auto list = repo.mitigations(sup);
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->at(0).type, QStringLiteral("fees_reimbursed"));
    QCOMPARE(list->at(0).date, QDate(2026, 3, 1));
    QVERIFY(repo.removeMitigation(*id).ok());
    QVERIFY(repo.mitigations(sup)->isEmpty());
}

void TestRiskRepository::datasetsRoundTripAndReplace()
{
    RiskRepository repo(*m_db);
    DatasetInfo tip{QStringLiteral("tip_2024"),
                    QStringLiteral("US State Department TIP Report"),
                    QStringLiteral("2024"),
                    QStringLiteral("US Department of State"),
                    QStringLiteral("Public domain"),
                    QStringLiteral("tip.csv"),
                    m_now,
                    false};
    QVERIFY(
        repo.saveDataset(
                tip,
                {CountrySignal{QStringLiteral("GB"), QStringLiteral("tip_tier"), QStringLiteral("1"), std::nullopt, {}},
                 CountrySignal{
                     QStringLiteral("TH"), QStringLiteral("tip_tier"), QStringLiteral("2"), std::nullopt, {}}})
            .ok());
    DatasetInfo gsi{QStringLiteral("gsi_2023"),
                    QStringLiteral("Global Slavery Index"),
                    QStringLiteral("2023"),
                    {},
                    {},
                    {},
                    m_now,
                    false};
    QVERIFY(repo.saveDataset(
                    gsi, {CountrySignal{QStringLiteral("GB"), QStringLiteral("gsi_prevalence"), QString(), 1.8, {}}},
                    {SectorSignal{QStringLiteral("services"), QString(), QStringLiteral("high"), {}}})
                .ok());
    ReferenceData ref;
    QVERIFY(repo.loadInto(ref).ok());
    QCOMPARE(ref.datasets().size(), 2);
    QCOMPARE(ref.signalsFor(QStringLiteral("GB")).size(), 2);
    QCOMPARE(ref.sectorSignals().size(), 1);
    QCOMPARE(ref.dataset(QStringLiteral("tip_2024"))->loadedAt, m_now);
    for (const CountrySignal& s : ref.signalsFor(QStringLiteral("GB"))) {
        if (s.kind == QLatin1String("gsi_prevalence"))
            QCOMPARE(s.numeric.value_or(-1), 1.8);
    }
    // Saving again replaces the dataset and its signals.
    QVERIFY(repo.saveDataset(
                    tip,
                    {CountrySignal{
                        QStringLiteral("GB"), QStringLiteral("tip_tier"), QStringLiteral("2WL"), std::nullopt, {}}})
                .ok());
    ReferenceData again;
    QVERIFY(repo.loadInto(again).ok());
    QCOMPARE(again.signalsFor(QStringLiteral("TH")).size(), 0);
    QVERIFY(repo.removeDataset(QStringLiteral("gsi_2023")).ok());
    ReferenceData last;
    QVERIFY(repo.loadInto(last).ok());
    QCOMPARE(last.datasets().size(), 1);
    QCOMPARE(last.signalsFor(QStringLiteral("GB")).size(), 1);
    QCOMPARE(last.signalsFor(QStringLiteral("GB")).first().label, QStringLiteral("2WL"));
}

void TestRiskRepository::scoreEverySupplier()
{
    auto context = loadScoringContext(*m_db, m_now);
    QVERIFY2(context.ok(), qPrintable(context.error().toString()));
    auto results = score(*context, m_now);
    QVERIFY2(results.ok(), qPrintable(results.error().toString()));
    QSqlQuery q(m_db->db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM suppliers")) && q.next());
    QCOMPARE(int(results->size()), q.value(0).toInt());
    RiskRepository repo(*m_db);
    for (const RiskResult& r : std::as_const(*results)) {
        auto back = repo.latestScore(r.supplierId, &context->methodology);
        QVERIFY(back.ok());
        QVERIFY(back->has_value());
        const RiskResult& b = **back;
        QCOMPARE(b.score, r.score);
        QCOMPARE(b.tier, r.tier);
        QCOMPARE(b.classification, r.classification);
        QCOMPARE(b.contributions.size(), r.contributions.size());
        // Gaps come back complete (the indicators not assessed are stored as one row and expanded on reading).
        const auto gapKeys = [](const QList<EvidenceGap>& gaps) {
            QStringList keys;
            for (const EvidenceGap& g : gaps)
                keys << gapKindId(g.kind) + QLatin1Char('|') + g.subject + QLatin1Char('|') + g.message;
            keys.sort();
            return keys;
        };
        QCOMPARE(gapKeys(b.gaps), gapKeys(r.gaps));
        for (int i = 0; i < r.contributions.size(); ++i) {
            QCOMPARE(b.contributions.at(i).factor, r.contributions.at(i).factor);
            QCOMPARE(b.contributions.at(i).points, r.contributions.at(i).points);
            QCOMPARE(b.contributions.at(i).source, r.contributions.at(i).source);
            QCOMPARE(b.contributions.at(i).date, r.contributions.at(i).date);
        }
        QCOMPARE(b.methodologyVersion, context->methodology.version);
    }
    // Shared explanation parts are stored once: far fewer parts than suppliers.
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM risk_score_parts")) && q.next());
    const int parts = q.value(0).toInt();
    QVERIFY(parts > 1);
    QVERIFY2(parts < results->size(), qPrintable(QString::number(parts)));
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM risk_methodologies WHERE document LIKE '%vigil-methodology%'"))
            && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QVERIFY(m_db->integrityProblems().isEmpty());
}

void TestRiskRepository::unchangedResultsAreNotRewritten()
{
    auto context = loadScoringContext(*m_db, m_now);
    QVERIFY(context.ok());
    QVERIFY(score(*context, m_now).ok());
    QSqlQuery q(m_db->db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM risk_score_history")) && q.next());
    const int lines = q.value(0).toInt();
    QVERIFY(lines > 0);
    QVERIFY(
        q.exec(QStringLiteral("SELECT count(DISTINCT result_hash), count(*) FROM risk_scores WHERE result_hash <> ''"))
        && q.next());
    QVERIFY(q.value(0).toInt() > 1);
    const int scored = q.value(1).toInt();
    // A day later nothing changed for suppliers without dated evidence: same rows, newer evaluation time.
    auto again = scoreWorkspace(*m_db, *context, m_now.addDays(1));
    QVERIFY(again.ok());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM risk_score_history")) && q.next());
    QCOMPARE(q.value(0).toInt(), lines + int(again->changed));
    QVERIFY(again->changed < again->scored);
    q.prepare(QStringLiteral("SELECT count(*) FROM risk_scores WHERE evaluated_at = ?"));
    q.addBindValue(m_now.addDays(1).toString(Qt::ISODate));
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toInt(), scored);
    // The stored explanation still reads back whole.
    RiskRepository repo(*m_db);
    auto back = repo.latestScore(firstSupplier());
    QVERIFY(back.ok() && back->has_value());
    QVERIFY(!(*back)->contributions.isEmpty());
}

void TestRiskRepository::historyOnlyOnChange()
{
    auto context = loadScoringContext(*m_db, m_now);
    QVERIFY(context.ok());
    const QString sup = firstSupplier();
    QVERIFY(score(*context, m_now, sup).ok());
    QVERIFY(score(*context, m_now.addDays(1), sup).ok()); // nothing changed: no new line
    RiskRepository repo(*m_db);
    QCOMPARE(repo.history(sup)->size(), 1);
    QVERIFY(repo.addObservation(sup,
                                RiskObservation{QString(),
                                                QStringLiteral("ilo_09_debt_bondage"),
                                                ObservationStatus::Present,
                                                QStringLiteral("audit"),
                                                QDate(2026, 5, 1),
                                                1.0,
                                                QString(),
                                                {}})
                .ok());
    QVERIFY(score(*context, m_now.addDays(2), sup).ok());
    auto history = repo.history(sup);
    QCOMPARE(history->size(), 2);
    QCOMPARE(history->last().tier, RiskTier::Critical);
    QVERIFY(history->last().zeroTolerance);
    QVERIFY(history->last().score > history->first().score);
    QCOMPARE(history->last().evaluatedAt, m_now.addDays(2));
}

void TestRiskRepository::evidenceChangesTheScore()
{
    auto context = loadScoringContext(*m_db, m_now);
    QVERIFY(context.ok());
    const QString sup = firstSupplier();
    RiskRepository repo(*m_db);
    auto before = score(*context, m_now, sup);
    QVERIFY(before.ok());
    // A site of this supplier, so that two indicators at the same site conclude "possible forced labour".
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("SELECT id FROM sites WHERE supplier_id = ? LIMIT 1"));
    q.addBindValue(sup);
    QVERIFY(q.exec() && q.next());
    const QString site = q.value(0).toString();
    for (const char* indicator : {"ilo_11_excessive_overtime", "ilo_06_intimidation_threats"})
        QVERIFY(repo.addObservation(sup,
                                    RiskObservation{QString(),
                                                    QLatin1String(indicator),
                                                    ObservationStatus::Present,
                                                    QStringLiteral("worker_interview"),
                                                    QDate(2026, 5, 1),
                                                    1.0,
                                                    site,
                                                    {}})
                    .ok());
    auto after = score(*context, m_now, sup);
    QVERIFY(after.ok());
    QCOMPARE(after->first().classification, IloClassification::PossibleForcedLabour);
    QVERIFY(after->first().score > before->first().score);
    QVERIFY(after->first().tier >= RiskTier::High);
}

void TestRiskRepository::deletingASupplierCascades()
{
    auto context = loadScoringContext(*m_db, m_now);
    QVERIFY(context.ok());
    const QString sup = firstSupplier();
    RiskRepository repo(*m_db);
    QVERIFY(repo.addObservation(sup,
                                RiskObservation{QString(),
                                                QStringLiteral("ilo_02_deception"),
                                                ObservationStatus::Present,
                                                QStringLiteral("audit"),
                                                QDate(2026, 5, 1),
                                                1.0,
                                                QString(),
                                                {}})
                .ok());
    QVERIFY(score(*context, m_now, sup).ok());
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("DELETE FROM suppliers WHERE id = ?"));
    q.addBindValue(sup);
    QVERIFY(q.exec());
    for (const char* table : {"risk_observations", "risk_scores", "risk_score_history"}) {
        QSqlQuery c(m_db->db());
        c.prepare(QStringLiteral("SELECT count(*) FROM %1 WHERE supplier_id = ?").arg(QLatin1String(table)));
        c.addBindValue(sup);
        QVERIFY(c.exec() && c.next());
        QVERIFY2(c.value(0).toInt() == 0, table);
    }
    QVERIFY(!repo.input(sup).ok());
}

QTEST_GUILESS_MAIN(TestRiskRepository)
#include "tst_riskrepository.moc"
