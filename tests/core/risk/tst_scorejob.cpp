// The scoring job (risk/scorejob.h): streaming in chunks on worker threads gives the same stored results as scoring
// one supplier at a time; cancelling or failing stores nothing; the history records the methodology and datasets
// behind each entry and says why a score moved; scores from schema 6 migrate.
#include "risk/ilabdata.h"
#include "risk/riskengine.h"
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

class TestScoreJob : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void streamedEqualsOneByOne_data();
    void streamedEqualsOneByOne();
    void progressReachesTotal();
    void cancelStoresNothing();
    void failureStoresNothing();
    void evaluateWorkspaceReadsOnly();
    void historyRecordsBasisAndReasons();
    void schema6ScoresMigrate();

private:
    ScoringContext bundledContext() const;
    QString supplierIn(const QString& country) const;
    int count(const QString& sql) const;
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    const QDateTime m_now = QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
};

void TestScoreJob::init()
{
    QVERIFY(m_dir.isValid());
    auto db = workspace::create(m_dir.filePath(QStringLiteral("w%1.vigil").arg(QDateTime::currentMSecsSinceEpoch())));
    QVERIFY2(db.ok(), qPrintable(db.error().toString()));
    m_db = std::move(db).value();
    auto n = loadSamplePortfolio(*m_db);
    QVERIFY2(n.ok(), qPrintable(n.error().toString()));
}

void TestScoreJob::cleanup()
{
    m_db.reset();
}

// The bundled methodology and ILAB data only (independent of the workspace's edition choices).
ScoringContext TestScoreJob::bundledContext() const
{
    auto m = Methodology::loadDefault();
    auto ref = loadBundledReferenceData(m_now);
    if (!m || !ref)
        return {};
    return ScoringContext{*m, *ref};
}

QString TestScoreJob::supplierIn(const QString& country) const
{
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("SELECT id FROM suppliers WHERE country = ? ORDER BY id LIMIT 1"));
    q.addBindValue(country);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

int TestScoreJob::count(const QString& sql) const
{
    QSqlQuery q(m_db->db());
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}

void TestScoreJob::streamedEqualsOneByOne_data()
{
    QTest::addColumn<int>("chunk");
    QTest::addColumn<int>("threads");
    QTest::addRow("one chunk per supplier, one thread") << 1 << 1;
    QTest::addRow("odd chunks, three threads") << 7 << 3;
    QTest::addRow("default chunks, one per core") << 2048 << 0;
}

void TestScoreJob::streamedEqualsOneByOne()
{
    QFETCH(int, chunk);
    QFETCH(int, threads);
    const ScoringContext context = bundledContext();
    RiskRepository repo(*m_db);
    // Some evidence, so that suppliers differ by more than their record.
    const QString th = supplierIn(QStringLiteral("TH"));
    QVERIFY(!th.isEmpty());
    QVERIFY(repo.addObservation(th,
                                RiskObservation{QString(),
                                                QStringLiteral("rec_fees_paid_by_worker"),
                                                ObservationStatus::Present,
                                                QStringLiteral("worker_interview"),
                                                QDate(2026, 4, 1),
                                                0.9,
                                                QString(),
                                                {}})
                .ok());
    QVERIFY(
        repo.addMitigation(th, RiskMitigation{QString(), QStringLiteral("grievance_channel"), QDate(2026, 1, 1), {}})
            .ok());
    QList<RiskResult> streamed;
    ScoreJobOptions options;
    options.chunkSize = chunk;
    options.threads = threads;
    options.onResult = [&](const RiskResult& r) { streamed.append(r); };
    auto summary = scoreWorkspace(*m_db, context, m_now, options);
    QVERIFY2(summary.ok(), qPrintable(summary.error().toString()));
    QCOMPARE(summary->scored, qint64(count(QStringLiteral("SELECT count(*) FROM suppliers"))));
    QCOMPARE(summary->changed, summary->scored); // first scoring: every result is new
    QCOMPARE(summary->perTier[0] + summary->perTier[1] + summary->perTier[2] + summary->perTier[3], summary->scored);
    QCOMPARE(streamed.size(), summary->scored);
    for (int i = 1; i < streamed.size(); ++i)
        QVERIFY(streamed.at(i - 1).supplierId < streamed.at(i).supplierId);
    for (const RiskResult& r : std::as_const(streamed)) {
        auto in = repo.input(r.supplierId);
        QVERIFY(in.ok());
        const RiskResult alone = RiskEngine::evaluate(*in, context.methodology, context.reference, m_now);
        QCOMPARE(RiskRepository::resultHash(r), RiskRepository::resultHash(alone));
        auto back = repo.latestScore(r.supplierId, &context.methodology);
        QVERIFY(back.ok() && back->has_value());
        QCOMPARE(RiskRepository::resultHash(**back), RiskRepository::resultHash(alone));
    }
    // Stored back whole: contributions in order with their sources, gaps with their messages.
    auto back = repo.latestScore(th, &context.methodology);
    auto in = repo.input(th);
    const RiskResult alone = RiskEngine::evaluate(*in, context.methodology, context.reference, m_now);
    QCOMPARE((*back)->contributions.size(), alone.contributions.size());
    for (int i = 0; i < alone.contributions.size(); ++i) {
        QCOMPARE((*back)->contributions.at(i).label, alone.contributions.at(i).label);
        QCOMPARE((*back)->contributions.at(i).source, alone.contributions.at(i).source);
        QCOMPARE((*back)->contributions.at(i).points, alone.contributions.at(i).points);
        QCOMPARE((*back)->contributions.at(i).date, alone.contributions.at(i).date);
    }
    QCOMPARE((*back)->gaps.size(), alone.gaps.size());
    // Scoring again with nothing changed rewrites nothing and adds no history.
    const int lines = count(QStringLiteral("SELECT count(*) FROM risk_score_history"));
    auto again = scoreWorkspace(*m_db, context, m_now, options);
    QVERIFY(again.ok());
    QCOMPARE(again->changed, qint64(0));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM risk_score_history")), lines);
    QVERIFY(m_db->integrityProblems().isEmpty());
}

void TestScoreJob::progressReachesTotal()
{
    const ScoringContext context = bundledContext();
    QList<QPair<qint64, qint64>> calls;
    ScoreJobOptions options;
    options.chunkSize = 10;
    options.progress = [&](qint64 done, qint64 total) { calls.append({done, total}); };
    auto summary = scoreWorkspace(*m_db, context, m_now, options);
    QVERIFY(summary.ok());
    QVERIFY(calls.size() >= summary->scored / 10);
    for (int i = 1; i < calls.size(); ++i)
        QVERIFY(calls.at(i).first > calls.at(i - 1).first);
    QCOMPARE(calls.last().first, summary->scored);
    QCOMPARE(calls.last().second, summary->scored);
}

void TestScoreJob::cancelStoresNothing()
{
    const ScoringContext context = bundledContext();
    QVERIFY(scoreWorkspace(*m_db, context, m_now).ok());
    const QString th = supplierIn(QStringLiteral("TH"));
    const double before = (*RiskRepository(*m_db).latestScore(th))->score;
    QVERIFY(RiskRepository(*m_db)
                .addObservation(th,
                                RiskObservation{QString(),
                                                QStringLiteral("ilo_09_debt_bondage"),
                                                ObservationStatus::Present,
                                                QStringLiteral("audit"),
                                                QDate(2026, 5, 1),
                                                1.0,
                                                QString(),
                                                {}})
                .ok());
    const int lines = count(QStringLiteral("SELECT count(*) FROM risk_score_history"));
    const int basis = count(QStringLiteral("SELECT count(*) FROM risk_score_basis"));
    Methodology heavier = context.methodology;
    heavier.version = QStringLiteral("9.9.9-test");
    heavier.migrantMaxPoints *= 2;
    const ScoringContext changed{heavier, context.reference};
    std::atomic<bool> cancel{false};
    ScoreJobOptions options;
    options.chunkSize = 5;
    options.cancel = &cancel;
    qint64 seen = 0;
    options.progress = [&](qint64 done, qint64) {
        seen = done;
        if (done >= 10)
            cancel = true; // after some chunks were written inside the transaction
    };
    auto r = scoreWorkspace(*m_db, changed, m_now.addDays(1), options);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().message, scoreJobCancelledMessage());
    QVERIFY(seen >= 10);
    QCOMPARE((*RiskRepository(*m_db).latestScore(th))->score, before);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM risk_score_history")), lines);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM risk_score_basis")), basis);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM risk_scores WHERE methodology_version = '9.9.9-test'")), 0);
    // A cancel set before the start: nothing at all.
    auto early = scoreWorkspace(*m_db, changed, m_now.addDays(1), options);
    QVERIFY(!early.ok());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM risk_score_history")), lines);
}

void TestScoreJob::failureStoresNothing()
{
    const ScoringContext context = bundledContext();
    QVERIFY(scoreWorkspace(*m_db, context, m_now).ok());
    const int lines = count(QStringLiteral("SELECT count(*) FROM risk_score_history"));
    // A trigger that refuses the score of one supplier in the middle of the run.
    QSqlQuery q(m_db->db());
    const QString victim = supplierIn(QStringLiteral("MY"));
    QVERIFY(!victim.isEmpty());
    QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER refuse BEFORE UPDATE ON risk_scores WHEN NEW.supplier_id = '%1' "
                                  "BEGIN SELECT RAISE(ABORT, 'refused'); END")
                       .arg(victim)));
    Methodology heavier = context.methodology;
    heavier.version = QStringLiteral("9.9.9-test");
    ScoreJobOptions options;
    options.chunkSize = 3;
    auto r = scoreWorkspace(*m_db, ScoringContext{heavier, context.reference}, m_now, options);
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(victim));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM risk_score_history")), lines);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM risk_scores WHERE methodology_version = '9.9.9-test'")), 0);
}

void TestScoreJob::evaluateWorkspaceReadsOnly()
{
    const ScoringContext context = bundledContext();
    Methodology harsher = context.methodology;
    harsher.migrantMaxPoints += 30;
    qint64 n = 0;
    qint64 up = 0;
    const Status st = evaluateWorkspace(
        *m_db, {&context.methodology, &harsher}, context.reference, m_now,
        [&](const QList<RiskResult>& r) {
            ++n;
            QCOMPARE(r.size(), 2);
            QCOMPARE(r.at(0).supplierId, r.at(1).supplierId);
            QVERIFY(r.at(1).score >= r.at(0).score);
            up += r.at(1).tier > r.at(0).tier ? 1 : 0;
        },
        ScoreJobOptions{QString(), {}, nullptr, {}, 2, 9});
    QVERIFY2(st.ok(), qPrintable(st.error().toString()));
    QCOMPARE(n, qint64(count(QStringLiteral("SELECT count(*) FROM suppliers"))));
    QVERIFY(up > 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM risk_scores")), 0);
}

void TestScoreJob::historyRecordsBasisAndReasons()
{
    ScoringContext context = bundledContext();
    const QString gb = supplierIn(QStringLiteral("GB"));
    QVERIFY(!gb.isEmpty());
    RiskRepository repo(*m_db);
    const auto run = [&](const QDateTime& at) {
        ScoreJobOptions o;
        o.supplierId = gb;
        return scoreWorkspace(*m_db, context, at, o).ok();
    };
    QVERIFY(run(m_now));
    // 1. A dataset that rates the United Kingdom is added: TIP 2023.
    context.reference.addDataset(DatasetInfo{
        QStringLiteral("tip_2023"), QStringLiteral("TIP Report"), QStringLiteral("2023"), {}, {}, {}, m_now, false});
    QVERIFY(context.reference.addSignal(
        CountrySignal{QStringLiteral("GB"), QStringLiteral("tip_tier"), QStringLiteral("2WL"), {}, "tip_2023"}));
    QVERIFY(run(m_now));
    // 2. Its next edition replaces it.
    context.reference.removeDataset(QStringLiteral("tip_2023"));
    context.reference.addDataset(DatasetInfo{
        QStringLiteral("tip_2024"), QStringLiteral("TIP Report"), QStringLiteral("2024"), {}, {}, {}, m_now, false});
    QVERIFY(context.reference.addSignal(
        CountrySignal{QStringLiteral("GB"), QStringLiteral("tip_tier"), QStringLiteral("1"), {}, "tip_2024"}));
    QVERIFY(run(m_now));
    // 3. A new methodology version.
    context.methodology.version = QStringLiteral("1.1.0-test");
    context.methodology.migrantMaxPoints += 10;
    QVERIFY(run(m_now));
    // 4. New evidence.
    QVERIFY(repo.addObservation(gb,
                                RiskObservation{QString(),
                                                QStringLiteral("ilo_11_excessive_overtime"),
                                                ObservationStatus::Present,
                                                QStringLiteral("audit"),
                                                QDate(2026, 5, 1),
                                                1.0,
                                                QString(),
                                                {}})
                .ok());
    QVERIFY(run(m_now));
    // 5. Nothing but time: the evidence aged.
    QVERIFY(run(m_now.addDays(200)));

    auto history = repo.history(gb);
    QVERIFY(history.ok());
    QCOMPARE(history->size(), 6);
    const auto has = [](const ScoreHistoryEntry& e, const QString& text) {
        for (const QString& r : e.reasons)
            if (r.contains(text))
                return true;
        return false;
    };
    const ScoreHistoryEntry& first = history->at(0);
    QVERIFY(first.reasons.isEmpty());
    QVERIFY(first.datasetsRecorded);
    QVERIFY(!first.datasets.isEmpty()); // the bundled ILAB datasets
    for (const ScoreDataset& d : first.datasets)
        QVERIFY(!d.name.isEmpty());
    QVERIFY2(has(history->at(1), QStringLiteral("Dataset added: TIP Report, 2023")),
             qPrintable(history->at(1).reasons.join(QLatin1Char('|'))));
    QVERIFY(!has(history->at(1), QStringLiteral("Evidence")));
    QVERIFY2(has(history->at(2), QStringLiteral("Dataset edition changed: TIP Report, 2023 -> TIP Report, 2024")),
             qPrintable(history->at(2).reasons.join(QLatin1Char('|'))));
    QVERIFY(!has(history->at(2), QStringLiteral("removed")));
    QVERIFY(has(history->at(3), QStringLiteral("Methodology changed")));
    QCOMPARE(history->at(3).methodologyVersion, QStringLiteral("1.1.0-test"));
    QCOMPARE(history->at(4).reasons, QStringList{QStringLiteral("Evidence or supplier record changed")});
    QVERIFY(history->at(4).score > history->at(3).score);
    QVERIFY(has(history->at(5), QStringLiteral("Evidence aged")));
    QVERIFY(history->at(5).score < history->at(4).score);
    bool tip2024 = false;
    for (const ScoreDataset& d : history->at(5).datasets)
        tip2024 = tip2024 || (d.id == QLatin1String("tip_2024") && d.edition == QLatin1String("2024"));
    QVERIFY(tip2024);
    auto basis = repo.latestBasis(gb);
    QVERIFY(basis.ok() && basis->has_value());
    QCOMPARE((*basis)->methodologyVersion, QStringLiteral("1.1.0-test"));
    QCOMPARE((*basis)->datasets, history->at(5).datasets);
}

void TestScoreJob::schema6ScoresMigrate()
{
    // A workspace at schema 6 (every migration before 007) with a stored score the old way.
    QList<Migration> before;
    for (const Migration& m : Database::bundledMigrations())
        if (m.version < 7)
            before.append(m);
    const QString path = m_dir.filePath(QStringLiteral("v6.vigil"));
    {
        auto db = Database::open(path, Database::Mode::CreateIfMissing, before);
        QVERIFY2(db.ok(), qPrintable(db.error().toString()));
        QSqlQuery q((*db)->db());
        const QString at = QStringLiteral("2026-01-01T00:00:00Z");
        const QString id = QStringLiteral("11111111-1111-1111-1111-111111111111");
        QVERIFY(q.exec(QStringLiteral("INSERT INTO suppliers (id, name, name_key, country, created_at, updated_at) "
                                      "VALUES ('%1', 'Old', 'old', 'TH', '%2', '%2')")
                           .arg(id, at)));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO risk_scores (supplier_id, evaluated_at, methodology_id, "
                                      "methodology_version, score, tier, score_tier, classification, zero_tolerance, "
                                      "inherent, country_anchor, sector_anchor, goods_anchor, coverage, confidence, "
                                      "result_hash) VALUES ('%1', '%2', 'vigil-default', '1.0.0', 55.5, 'high', "
                                      "'high', 'none', 0, 8, 5, 3, 0, 0, 0, 'abc')")
                           .arg(id, at)));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO risk_score_contributions VALUES ('%1', 1, 'sector', 'Sector: x', "
                                      "3, 4, 12, 'methodology', ''), ('%1', 0, 'country', 'Country: y', 5, 4, 20, "
                                      "'ILAB, 2022', '2025-03-04')")
                           .arg(id)));
        QVERIFY(
            q.exec(QStringLiteral("INSERT INTO risk_score_gaps VALUES ('%1', 0, 'indicator_not_assessed', "
                                  "'ilo_02_deception\nilo_04_isolation', ''), ('%1', 1, 'no_goods', '', 'No goods')")
                       .arg(id)));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO risk_score_history (supplier_id, evaluated_at, methodology_id, "
                                      "methodology_version, score, tier, classification, zero_tolerance, coverage, "
                                      "confidence) VALUES ('%1', '%2', 'vigil-default', '1.0.0', 55.5, 'high', "
                                      "'none', 0, 0, 0)")
                           .arg(id, at)));
    }
    auto db = Database::open(path);
    QVERIFY2(db.ok(), qPrintable(db.error().toString()));
    QVERIFY((*db)->schemaVersion() >= 7);
    RiskRepository repo(**db);
    const QString id = QStringLiteral("11111111-1111-1111-1111-111111111111");
    auto m = Methodology::loadDefault();
    auto back = repo.latestScore(id, &*m);
    QVERIFY2(back.ok(), qPrintable(back.error().toString()));
    QVERIFY(back->has_value());
    const RiskResult& r = **back;
    QCOMPARE(r.score, 55.5);
    QCOMPARE(r.contributions.size(), 2);
    QCOMPARE(r.contributions.at(0).factor, QStringLiteral("country"));
    QCOMPARE(r.contributions.at(0).date, QDate(2025, 3, 4));
    QCOMPARE(r.contributions.at(1).points, 12.0);
    QCOMPARE(r.gaps.size(), 3);
    QCOMPARE(r.gaps.at(0).subject, QStringLiteral("ilo_02_deception"));
    QCOMPARE(r.gaps.at(0).message,
             m->indicators.at(m->indicatorIndex(QStringLiteral("ilo_02_deception"))).notAssessedMessage);
    QCOMPARE(r.gaps.at(2).kind, GapKind::NoGoods);
    auto history = repo.history(id);
    QVERIFY(history.ok());
    QCOMPARE(history->size(), 1);
    QVERIFY(!history->first().datasetsRecorded);
    QCOMPARE(history->first().methodologyVersion, QStringLiteral("1.0.0"));
    // Rescoring after the migration adds a line only if the score, tier, classification or methodology moved.
    const ScoringContext context = bundledContext();
    ScoreJobOptions o;
    o.supplierId = id;
    auto scored = scoreWorkspace(**db, context, m_now, o);
    QVERIFY2(scored.ok(), qPrintable(scored.error().toString()));
    auto after = repo.history(id);
    QCOMPARE(after->size(), 2); // the made-up old score differs from the engine's
    QVERIFY(after->last().datasetsRecorded);
    QVERIFY((*db)->integrityProblems().isEmpty());
}

QTEST_GUILESS_MAIN(TestScoreJob)
#include "tst_scorejob.moc"
